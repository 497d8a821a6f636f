"""Text older eyes can read: the sizes pygame actually renders, and every screen whole at the
large text size ("Besar"), in both languages, on a hall laptop (1366×768) and a full-HD
projector (1920×1080).

Each case builds its screen once, in the state a trainee typically meets it in (a careful crew
a few steps into the phase, as ``run_sim.py shot`` photographs it), and reads it with
:func:`tests.fit.layout_faults`: words inside their widgets, no "…", nothing off the window,
no control over another.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import pygame
import pytest
from pygame_gui.core import UIElement
from pygame_gui.core.interfaces import IGUIFontInterface
from pygame_gui.elements import UIScrollingContainer

from simulator.app.context import AppContext, make_manager
from simulator.app.driver import Driver
from simulator.app.library import ScenarioEntry
from simulator.app.play import Mode, PlaySession
from simulator.app.scene import Scene
from simulator.app.shots import headless_context
from simulator.art.fonts import font_path
from simulator.content import load_scenario
from simulator.core.actions import AdvanceClock, EndPhase
from simulator.core.careful import CarefulCrew
from simulator.core.phases import incidents
from simulator.persistence.quiz_records import QuizRecords
from simulator.persistence.store import SaveStore
from simulator.quiz.session import Mode as QuizMode
from simulator.scenes.phase import PhaseScene
from simulator.schema.types import Phase
from tests.fit import layout_faults, recording_cut_drawings
from tests.pilot import forget_drawings

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
PEMILU = SCENARIOS / "pemilu-hari-penuh.yaml"
PILKADA = SCENARIOS / "pilkada-hari-penuh.yaml"
LAPTOP, FULL_HD = (1366, 768), (1920, 1080)
LANGS = ("id", "en")
SAMPLE = "Pemilih menunjukkan KTP-el dan C.Pemberitahuan"
TODAY = date(2026, 11, 23)  # a fixed day: the quiz's schedule does not follow the calendar


# --- the sizes pygame renders ---------------------------------------------------------------


def _context(size: tuple[int, int], text_size: str, lang: str = "id") -> AppContext:
    ctx = headless_context(size, lang, text_size)
    ctx.manager = make_manager(size, ctx.settings)
    return ctx


def _rendered(font: IGUIFontInterface) -> tuple[int, int]:
    """Width and height of the sample line as pygame_gui draws it with ``font``, in pixels."""
    surface = font.render_premul(SAMPLE, pygame.Color("black"))
    return surface.get_width(), surface.get_height()


def _reference(pixels: int) -> tuple[int, int]:
    """The sample rendered in Noto Sans at ``pixels`` px (pygame renders a point as a pixel)."""
    surface = pygame.font.Font(font_path(), pixels).render(SAMPLE, True, (0, 0, 0))
    return surface.get_width(), surface.get_height()


# What a trainee reads: the theme ids pygame_gui looks fonts up by.
READ_TEXT = {
    "label": ["label"],
    "button": ["button"],
    "text box": ["text_box"],
    "entry": ["text_entry_line"],
    "tooltip": ["tool_tip"],
    "muted note": ["@muted", "label"],
}


@pytest.mark.parametrize("what", list(READ_TEXT))
def test_body_text_is_at_least_16_px_on_a_laptop_and_besar_is_a_third_larger(what: str) -> None:
    normal = _context(LAPTOP, "normal").manager.get_theme().get_font(READ_TEXT[what])
    large = _context(LAPTOP, "besar").manager.get_theme().get_font(READ_TEXT[what])
    normal_size, large_size = _rendered(normal), _rendered(large)
    least = _reference(16)
    assert normal_size[0] >= least[0] and normal_size[1] >= least[1], (
        f"a {what} at Normal renders {normal_size} px, smaller than 16 px text {least}"
    )
    for axis, name in ((0, "wide"), (1, "tall")):
        ratio = large_size[axis] / normal_size[axis]
        assert ratio >= 1.35, f"a {what} at Besar is only {ratio:.2f}× as {name} as at Normal"
    assert large_size[1] >= _reference(22)[1], f"a {what} at Besar is under 22 px text"


def test_drawn_text_and_headings_follow_the_text_size() -> None:
    normal, large = _context(LAPTOP, "normal"), _context(LAPTOP, "besar")
    assert normal.font_px(15) >= 16, "drawn body text is under 16 px at Normal"
    for points in (11, 13, 15, 19, 30):
        assert large.font_px(points) >= 1.3 * normal.font_px(points), (
            f"drawn text of {points} points does not grow at Besar"
        )
    heading_n = _rendered(normal.manager.get_theme().get_font(["@heading", "label"]))
    heading_l = _rendered(large.manager.get_theme().get_font(["@heading", "label"]))
    assert heading_l[1] >= 1.3 * heading_n[1], "headings do not grow at Besar"
    assert large.line(15) >= 1.3 * normal.line(15) - 2, "a one-line row does not grow at Besar"


def test_a_full_hd_window_scales_the_text_up() -> None:
    laptop = _rendered(_context(LAPTOP, "normal").manager.get_theme().get_font(["label"]))
    full_hd = _rendered(_context(FULL_HD, "normal").manager.get_theme().get_font(["label"]))
    assert full_hd[1] >= 1.3 * laptop[1], "text on a 1920×1080 projector stays laptop-sized"


def test_a_saved_text_size_that_no_longer_exists_reads_as_normal(tmp_path: Path) -> None:
    from simulator.app.settings import Settings
    from simulator.persistence.store import SaveStore

    store, _ = SaveStore.open(tmp_path)
    store.set_setting("text_size", "kecil")  # the smaller size older versions offered
    assert Settings.load(store).text_size == "normal"


# --- phase scenes at Besar ------------------------------------------------------------------


@lru_cache(maxsize=4)
def _scenario_entry(path: Path) -> ScenarioEntry:
    return ScenarioEntry(path, load_scenario(path), "fit")


def phase_scene(
    path: Path, phase: Phase, lang: str, size: tuple[int, int], steps: int | None = None
) -> tuple[AppContext, PhaseScene]:
    """``phase`` of a careful day at Besar, ``steps`` of the crew's actions in (by default as
    many as ``run_sim.py shot`` plays for the photograph)."""
    from simulator.scenes.phases import scene_for

    ctx = _context(size, "besar", lang)
    session = PlaySession.begin(_scenario_entry(path), Mode.LATIHAN, None, None)
    crew = CarefulCrew(session.sim)
    while session.sim.world.phase is not phase:
        current = session.sim.world.phase
        assert current is not None, f"the day ended before {phase.value}"
        for action in crew.phase_actions(current):
            crew.do(action)
        crew.respond_to_events()
        crew.do(EndPhase())
    scene = scene_for(ctx, session)
    ctx.stack.replace(scene)
    count = type(scene).shot_steps if steps is None else steps
    for action in itertools.islice(crew.phase_actions(phase), count):
        scene.act(action)
        crew.respond_to_events()
    if ctx.stack.top is not scene:  # an event's dialog: the scene under it is checked alone
        ctx.stack.replace(scene)
    Driver(ctx).step(1 / 60, [])
    return ctx, scene


def side_list(scene: Scene) -> list[UIElement]:
    """The rows of a phase scene's side list ("Yang dapat Anda lakukan"): its own branch
    wraps them; here they may still be shortened, each whole in its tooltip."""
    if not isinstance(scene, PhaseScene):
        return []
    side = scene.side_rect()
    lists = [
        e
        for e in scene.ui.elements
        if isinstance(e, UIScrollingContainer) and side.contains(e.rect)
    ]
    holders = {s.scrollable_container for s in lists}
    return [e for e in scene.ui.elements if e.ui_container in holders]


def screen_faults(scene: Scene) -> list[str]:
    """What is not whole on ``scene`` (the top one), its pictures drawn afresh."""
    ctx = scene.ctx
    with recording_cut_drawings() as cut:
        forget_drawings(scene)
        scene.rebuild()
        ctx.manager.update(0.0)
        Driver(ctx).draw(ctx.screen)
    return layout_faults(scene, allow_cut=side_list(scene)) + cut


def assert_whole(scene: Scene, where: str) -> None:
    faults = screen_faults(scene)
    assert not faults, f"{where}: " + "\n  ".join(faults)


PHASES = list(Phase)
PHASE_CASES = [(PEMILU, phase, lang, LAPTOP) for phase in PHASES for lang in LANGS] + [
    (PILKADA, phase, lang, FULL_HD) for phase, lang in zip(PHASES, itertools.cycle(LANGS))
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "phase", "lang", "size"),
    PHASE_CASES,
    ids=[f"{p.stem[:7]}-{ph.value}-{lang}-{s[0]}" for p, ph, lang, s in PHASE_CASES],
)
def test_every_phase_scene_is_whole_at_besar(
    path: Path, phase: Phase, lang: str, size: tuple[int, int]
) -> None:
    _, scene = phase_scene(path, phase, lang, size)
    assert_whole(scene, f"{phase.value} {lang} {size[0]}×{size[1]} Besar")


# --- the shell at Besar ---------------------------------------------------------------------



def _stored_context(size: tuple[int, int], lang: str, tmp_path: Path) -> AppContext:
    """A Besar app with a save store and a trainee's profile, quiz results and a day begun."""
    ctx = _context(size, "besar", lang)
    store, _ = SaveStore.open(tmp_path)
    ctx.store = store
    ctx.profile = store.create_profile("Sri Wahyuni Kusumaningrum")
    records = QuizRecords(store, ctx.profile.id)
    records.set_polling_day(TODAY + timedelta(days=4))
    for item in ctx.quiz().items[:12]:
        records.record_answer(QuizMode.LATIHAN, item.ref, item.topic, item.ref[-1] in "13")
    PlaySession.begin(_scenario_entry(PEMILU), Mode.LATIHAN, store, ctx.profile.id)
    return ctx


def _over_phase(ctx: AppContext, phase: Phase, make: Callable[[PhaseScene], Scene]) -> Scene:
    """``make``'s overlay over ``phase``'s scene of a day in ``ctx`` (Besar)."""
    from simulator.scenes.phases import scene_for

    session = PlaySession.begin(_scenario_entry(PEMILU), Mode.LATIHAN, None, None)
    crew = CarefulCrew(session.sim)
    while session.sim.world.phase is not phase:
        current = session.sim.world.phase
        assert current is not None
        for action in crew.phase_actions(current):
            crew.do(action)
        crew.respond_to_events()
        crew.do(EndPhase())
    scene = scene_for(ctx, session)
    ctx.stack.replace(scene)
    overlay = make(scene)
    ctx.stack.push(overlay)
    return overlay


def _mistaken(scene: PhaseScene) -> Scene:
    """F2's list, with the phase's mistakes in it (every report that is not so)."""
    from simulator.scenes.mistakes import MistakesOverlay

    for action in list(scene.offered_actions()):
        if action.kind == "report":
            scene.session.do(action)
    return MistakesOverlay(scene.ctx, scene.session)


def _event(scene: PhaseScene) -> Scene:
    """The dialog of the day's first event that needs an answer (a witness objecting)."""
    from simulator.scenes.event import EventDialog

    crew = CarefulCrew(scene.session.sim)
    scene.session.sim.apply(AdvanceClock(to="14:30"))
    steps = crew.phase_actions(Phase.PENGHITUNGAN)
    while not incidents.awaiting(scene.world):  # a ballot ruled: a witness objects to it
        scene.session.sim.apply(next(steps))
    return EventDialog(scene.ctx, scene)


def _correction(scene: PhaseScene) -> Scene:
    """The forms' question of how to change a figure already written."""
    from simulator.scenes.phases.formulir import CorrectionDialog

    field_id = next(iter(scene._entries))  # type: ignore[attr-defined]
    return CorrectionDialog(scene.ctx, scene, field_id, 1234, 5678)  # type: ignore[arg-type]


def _answered_scene() -> type[Scene]:
    from simulator.scenes.quiz import QuizScene

    class AnsweredQuestion(QuizScene):
        """A question answered (wrongly) as soon as it is on screen: its feedback."""

        def build(self) -> None:
            if not getattr(self, "_answered", False):
                self._answered = True
                self.feedback = self.play.answer("invalid")
            super().build()

    return AnsweredQuestion


def _quiz_screens(ctx: AppContext) -> list[Scene]:
    """The quiz menu, a question of each kind, a ruled ballot's feedback, an exam's result."""
    from simulator.app.quiz_play import QuizPlay
    from simulator.quiz.session import QuizRun
    from simulator.scenes.quiz import QuizScene
    from simulator.scenes.quiz_menu import QuizMenuScene
    from simulator.scenes.quiz_result import QuizResultScene

    library = ctx.quiz()
    Answered = _answered_scene()
    screens: list[Scene] = [QuizMenuScene(ctx, today=TODAY)]
    seen: set[str] = set()
    for item in library.items:
        kind = str(item.question.type)
        if kind not in seen:
            seen.add(kind)
            run = QuizRun(QuizMode.LATIHAN, [item], random.Random(3))
            screens.append(QuizScene(ctx, QuizPlay(run, None, TODAY)))
    # A ballot ruled wrongly: its feedback has the longest words (the ruling explained).
    ballot = next(i for i in library.items if str(i.question.type) == "ballot")
    run = QuizRun(QuizMode.LATIHAN, [ballot], random.Random(4))
    screens.append(Answered(ctx, QuizPlay(run, None, TODAY)))
    exam = QuizPlay.begin(QuizMode.UJIAN, library, None, TODAY, seed=5)
    while (shown := exam.run.current()) is not None:
        exam.answer(None if exam.run.position % 3 else shown.item.key.answer)
    screens.append(QuizResultScene(ctx, exam, exam.finish()))
    return screens


def shell_screens(ctx: AppContext) -> list[tuple[str, Callable[[], Scene]]]:
    """Every screen of the frame around the phases, made when checked."""
    from simulator.core.careful import play_careful_day
    from simulator.scenes.debrief import DebriefScene
    from simulator.scenes.dialog import ConfirmDialog
    from simulator.scenes.pause import PauseScene
    from simulator.scenes.picker import PickerScene
    from simulator.scenes.profiles import ProfileScene
    from simulator.scenes.resume import ResumeScene
    from simulator.scenes.settings import SettingsScene
    from simulator.scenes.start import StartScene

    def debrief(careful: bool) -> Scene:
        session = PlaySession.begin(_scenario_entry(PEMILU), Mode.LATIHAN, None, None)
        if careful:
            play_careful_day(session.sim)
        while not session.finished:  # an abandoned day: every phase ended at once
            session.do(EndPhase())
        return DebriefScene(ctx, session)

    def confirm(scene: PhaseScene) -> Scene:
        cat = ctx.cat
        return ConfirmDialog(
            ctx,
            cat("shell.phase.end_title"),
            cat("shell.phase.end_body"),
            cat("shell.phase.end_yes"),
            cat("shell.common.cancel"),
        )

    return [
        ("start", lambda: StartScene(ctx)),
        ("profiles", lambda: ProfileScene(ctx)),
        ("settings", lambda: SettingsScene(ctx)),
        ("picker", lambda: PickerScene(ctx)),
        ("resume", lambda: ResumeScene(ctx)),
        ("pause", lambda: _over_phase(ctx, Phase.PEMUNGUTAN, lambda s: PauseScene(ctx, s.session))),
        ("end phase", lambda: _over_phase(ctx, Phase.PEMBUKAAN, confirm)),
        ("mistakes", lambda: _over_phase(ctx, Phase.LOGISTIK, _mistaken)),
        ("event", lambda: _over_phase(ctx, Phase.PENGHITUNGAN, _event)),
        ("correction", lambda: _over_phase(ctx, Phase.FORMULIR, _correction)),
        ("debrief", lambda: debrief(careful=True)),
        ("debrief abandoned", lambda: debrief(careful=False)),
    ]


SHELL_CASES = [(lang, LAPTOP) for lang in LANGS] + [("en", FULL_HD)]
SHELL_IDS = [f"{lang}-{size[0]}" for lang, size in SHELL_CASES]


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "size"), SHELL_CASES, ids=SHELL_IDS)
def test_every_shell_screen_is_whole_at_besar(
    lang: str, size: tuple[int, int], tmp_path: Path
) -> None:
    ctx = _stored_context(size, lang, tmp_path)
    faults = []
    for name, make in shell_screens(ctx):
        scene = make()
        if ctx.stack.top is not scene:
            ctx.stack.replace(scene)
        Driver(ctx).step(1 / 60, [])
        faults += [f"{name}: {fault}" for fault in screen_faults(scene)]
    for scene in _quiz_screens(ctx):
        ctx.stack.replace(scene)
        Driver(ctx).step(1 / 60, [])
        faults += [f"{type(scene).__name__}: {fault}" for fault in screen_faults(scene)]
    assert not faults, f"{lang} {size[0]}×{size[1]} Besar:\n  " + "\n  ".join(faults)
