"""The replay viewer, as a trainer drives it in front of a class: keys and buttons move through
the recorded day, every screen shows the engine's state at that step (never an action the
log does not hold), a mistake stops the play on its card with what a careful crew does from
there, and the band reads whole in both languages on a projector's sizes."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pygame
import pytest

from simulator.app.viewing import ReplayView
from simulator.cli import main as cli_main
from simulator.core.actionlog import ActionLog, parse_log
from simulator.core.engine import Simulation
from simulator.scenes.debrief import DebriefScene
from simulator.scenes.phase import PhaseScene
from simulator.scenes.start import StartScene
from simulator.scenes.viewer import ReplayViewer
from tests.fit import layout_faults
from tests.pilot import Pilot, entry
from tests.test_monkey import unleash

ROOT = Path(__file__).resolve().parents[1]
CARELESS = ROOT / "tests" / "playthroughs" / "pemilu-hari-penuh.keliru.log"


@cache
def careless_log() -> ActionLog:
    return parse_log(CARELESS.read_text(encoding="utf-8"))


def open_viewer(
    size: tuple[int, int] = (1366, 768), lang: str = "id", text_size: str = "normal"
) -> tuple[Pilot, ReplayViewer]:
    pilot = Pilot(size=size, lang=lang, text_size=text_size)
    log = careless_log()
    view = ReplayView.of(entry(log.header.scenario), log, CARELESS.name)
    viewer = ReplayViewer.open(pilot.ctx, view)
    pilot.frames(2)
    return pilot, viewer


def shown_day(pilot: Pilot) -> Simulation:
    base = pilot.ctx.stack.scenes[0]
    session = getattr(base, "session", None)
    assert session is not None, f"the viewer stands over {type(base).__name__}"
    assert session.read_only, "the viewer's day must take no action"
    return session.sim


def assert_shows_the_logs_prefix(pilot: Pilot, viewer: ReplayViewer) -> None:
    step = viewer.view.step
    day = shown_day(pilot)
    held = [entry.action for entry in viewer.view.timeline.entries[:step]]
    assert [entry.action for entry in day.log] == held, (
        f"at step {step} the screen shows a day that is not the log's first {step} actions"
    )


@pytest.mark.slow
def test_keys_move_through_the_day() -> None:
    pilot, viewer = open_viewer()
    view = viewer.view
    assert pilot.top is viewer and isinstance(pilot.ctx.stack.scenes[0], PhaseScene)
    pilot.key(pygame.K_RIGHT)
    pilot.key(pygame.K_RIGHT)
    assert view.step == 2
    pilot.key(pygame.K_LEFT)
    assert view.step == 1
    assert_shows_the_logs_prefix(pilot, viewer)
    pilot.key(pygame.K_n)
    first = view.timeline.next_mistake(1)
    assert view.step == first and view.mistakes_here()
    pilot.key(pygame.K_n)
    assert view.step == view.timeline.next_mistake(first or 0)
    pilot.key(pygame.K_p)
    assert view.step == first
    pilot.key(pygame.K_3)
    assert view.step == view.timeline.phases[2].step
    assert shown_day(pilot).world.phase is view.timeline.phases[2].phase
    pilot.key(pygame.K_PAGEDOWN)
    assert view.step == view.timeline.phases[3].step
    pilot.key(pygame.K_PAGEUP)
    assert view.step == view.timeline.phases[2].step
    pilot.key(pygame.K_END)
    assert view.step == view.length
    assert isinstance(pilot.ctx.stack.scenes[0], DebriefScene), "the end of the day is its debrief"
    pilot.key(pygame.K_HOME)
    assert view.step == 0
    assert_shows_the_logs_prefix(pilot, viewer)
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.top, StartScene), "Esc closes the viewer"


def witness_admitted(witness: str) -> int:
    """The step of the recorded log at which ``witness`` was admitted (its place in the day)."""
    from simulator.core.actionlog import parse_log
    from simulator.core.phases.pembukaan import AdmitWitness

    entries = parse_log(CARELESS.read_text("utf-8")).entries
    return 1 + next(i for i, e in enumerate(entries)
                    if isinstance(e.action, AdmitWitness) and e.action.witness == witness)


@pytest.mark.slow
def test_playing_stops_at_a_mistake_and_shows_its_card() -> None:
    pilot, viewer = open_viewer()
    view = viewer.view
    pilot.key(pygame.K_SPACE)
    assert view.playing
    for _ in range(600):
        if not view.playing:
            break
        pilot.frames(6)
    assert not view.playing, "the play did not stop"
    assert view.step == view.timeline.next_mistake(0), "the play ran past the first mistake"
    assert "Yang dilakukan: Akhiri tahap ini" in viewer.card_markup()
    admitted = witness_admitted("w2")
    while view.step < admitted:  # on to the witness admitted without a mandate
        pilot.key(pygame.K_SPACE)
        while view.playing:
            pilot.frames(6)
    assert view.step == admitted
    markup = viewer.card_markup()
    assert "Tolak saksi: Taufik Rahman" in markup, "the careful crew's answer is not on the card"
    assert "Terima saksi: Taufik Rahman" in markup, "what was done is not on the card"
    assert "Dasar: Kep. KPU 66/2024" in markup
    assert_shows_the_logs_prefix(pilot, viewer)
    pilot.key(pygame.K_c)
    assert viewer.card_hidden


@pytest.mark.slow
def test_the_mouse_drives_it_alone() -> None:
    pilot, viewer = open_viewer()
    view = viewer.view
    bar = viewer._bar
    assert bar is not None
    x = bar.left + bar.width // 2
    pilot.frames(
        1, [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, bar.centery), button=1)]
    )
    assert abs(view.step - view.length // 2) <= view.length // 50 + 1, "a click on the timeline"
    buttons = {getattr(e, "text", ""): e for e in viewer.ui.elements}
    forward = next(e for text, e in buttons.items() if text.startswith("Maju"))
    before = view.step
    pilot.click(forward)
    assert view.step == before + 1
    buttons = {getattr(e, "text", ""): e for e in pilot.top.ui.elements}
    following = next(e for text, e in buttons.items() if text.startswith("Kesalahan berikutnya"))
    pilot.click(following)
    assert view.mistakes_here(), "the next-mistake button did not stop on a mistake"
    assert_shows_the_logs_prefix(pilot, viewer)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("text_size", ["normal", "besar"])
def test_the_band_and_card_read_whole(
    lang: str, size: tuple[int, int], text_size: str
) -> None:
    pilot, viewer = open_viewer(size, lang, text_size)
    pilot.key(pygame.K_n)
    assert viewer.view.mistakes_here()
    assert not layout_faults(viewer), layout_faults(viewer)
    for element in viewer.ui.elements:
        bar = getattr(element, "scroll_bar", None)
        if bar is not None:
            assert bar.layer > element.layer, "a card's scroll bar sits under the card"
    band = viewer.band_rect()
    assert band.bottom == size[1] and band.top > size[1] // 2, f"the band is {band}"


@pytest.mark.slow
def test_a_monkey_cannot_make_the_viewer_act() -> None:
    pilot, viewer = open_viewer()
    rng = random.Random(7)
    for _ in range(8):
        unleash(pilot, seed=rng.randrange(10**6), count=60)
        top = pilot.top
        if not isinstance(top, ReplayViewer):
            break
        # A (the careful crew's way) opens a viewer of its own: each shows its own log.
        assert_shows_the_logs_prefix(pilot, top)
    assert viewer.view.timeline.entries == careless_log().entries, "the recording changed"


@pytest.mark.slow
def test_replay_show_opens_the_viewer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``replay LOG --show`` opens the game on the viewer at the start of the day."""
    import simulator.app.launch as launch

    monkeypatch.setenv("SIMULASI_TPS_DATA", str(tmp_path))
    opened: list[object] = []
    real = launch.launch_game

    def few_frames(**kwargs: object) -> int:
        opening = kwargs.pop("opening")

        def remember(ctx: object) -> None:
            opened.append(opening(ctx))  # type: ignore[operator]
            # The window is closed at once: a loop at rest draws nothing more, so a count of
            # frames would wait for ever on a slow machine that drew its first ones late.
            pygame.event.post(pygame.event.Event(pygame.QUIT))

        return real(opening=remember, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(launch, "launch_game", few_frames)
    assert cli_main(["replay", str(CARELESS), "--show"]) == 0
    [viewer] = opened
    assert isinstance(viewer, ReplayViewer) and viewer.view.step == 0


def test_replay_show_of_a_broken_log_says_where(capsys: pytest.CaptureFixture[str]) -> None:
    broken = ROOT / "tests" / "playthroughs" / "meja-pemilih-jebakan.keliru.log"
    lines = broken.read_text(encoding="utf-8").splitlines()
    body = lines.index("---") + 1
    lines[body + 2] = "23:59 end_phase"
    path = Path(pytest.importorskip("tempfile").mkdtemp()) / "rusak.log"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert cli_main(["replay", str(path), "--show"]) == 2
    err = capsys.readouterr().err
    assert f"{path}:{body + 3}:" in err, err


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_projector_mode_reads_whole(lang: str, size: tuple[int, int]) -> None:
    """On a projector: the largest text, high contrast (no muted grey), a thicker focus
    ring; the viewer at a mistake still reads whole."""
    from simulator.app.theme import build_theme, hex_colour
    from simulator.art import palette

    pilot = Pilot(size=size, lang=lang)
    pilot.ctx.settings.projector = True
    pilot.ctx.relayout()
    assert pilot.ctx.settings.shown_text_size == "besar"
    themed = str(build_theme(1.0, "besar", contrast=True))
    assert hex_colour(palette.MUTED) not in themed, "a muted grey is lost on a projector"
    log = careless_log()
    viewer = ReplayViewer.open(pilot.ctx, ReplayView.of(entry(log.header.scenario), log, "x"))
    pilot.frames(2)
    pilot.key(pygame.K_n)
    assert viewer.view.card_due()
    assert not layout_faults(viewer), layout_faults(viewer)
