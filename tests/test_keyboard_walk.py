"""A generated keyboard walk over every screen of the game (start, profiles, settings, picker,
resume, pause, every phase of both full-day scenarios, the dialogs, the debrief, the quiz),
checking after each key the focus model of ``simulator/app/widgets.py``:

- the key landed on the focused element only: text appears only in the entry that held the
  focus, no other entry's text changes, and no entry of a screen the key opened receives it;
- a shortcut fired only when no entry held the focus, and a key typed into an entry left
  the screens and the day as they were;
- the gold ring and pygame_gui's focus are the same element, and only the top screen shows
  a ring;
- nothing raised;

and, before the walk, that Tab visits every element of the screen once, in reading order.

Keys are drawn from a seeded generator (a failure names the screen, the seed and the keys
pressed, so it replays), and each key is sent as SDL sends it: the press, the text it types,
the release.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pygame
import pytest
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton, UITextEntryLine

from simulator.app.keyboard import SCENE_KEYS
from simulator.app.play import Mode, PlaySession
from simulator.app.scene import Scene
from simulator.app.widgets import Widgets
from simulator.core.actions import AdvanceClock, EndPhase
from simulator.core.careful import CarefulCrew
from simulator.core.engine import Simulation
from simulator.persistence.store import SaveStore
from simulator.schema.types import Phase
from tests.pilot import Pilot, entry, key_events

KEYS_PER_SCREEN = 32
LETTERS = [chr(c) for c in range(ord("a"), ord("z") + 1)]
DIGITS = [str(n) for n in range(10)]
MOVES = [
    (pygame.K_TAB, 0),
    (pygame.K_TAB, pygame.KMOD_SHIFT),
    (pygame.K_UP, 0),
    (pygame.K_DOWN, 0),
    (pygame.K_LEFT, 0),
    (pygame.K_RIGHT, 0),
]


@dataclass(frozen=True)
class Key:
    code: int
    mod: int = 0
    char: str = ""

    def __str__(self) -> str:
        if self.char:
            return self.char
        name = pygame.key.name(self.code)
        return f"Shift+{name}" if self.mod & pygame.KMOD_SHIFT else name


def random_key(rng: random.Random) -> Key:
    roll = rng.random()
    if roll < 0.35:
        return Key(*rng.choice(MOVES))
    if roll < 0.6:
        char = rng.choice(LETTERS)
        return Key(pygame.key.key_code(char), 0, char)
    if roll < 0.85:
        char = rng.choice(DIGITS)
        return Key(pygame.key.key_code(char), 0, char)
    if roll < 0.93:
        return Key(pygame.K_RETURN, 0, "\r")
    if roll < 0.97:
        return Key(pygame.K_SPACE, 0, " ")
    return Key(pygame.K_BACKSPACE, 0, "\b")


# --- watching what a key does ----------------------------------------------------------------


@dataclass
class Watch:
    """What the game does while one key is handled: the shortcuts it fires, the entries whose
    text the program (not the typist) sets, and the text each new entry starts with."""

    shortcuts: list[int] = field(default_factory=list)
    program_set: set[UIElement] = field(default_factory=set)
    initial: dict[UIElement, str] = field(default_factory=dict)


@contextmanager
def watching(monkeypatch: pytest.MonkeyPatch) -> Iterator[Watch]:
    watch = Watch()
    press_shortcut = Widgets.press_shortcut
    make_entry = Widgets.entry
    set_text = UITextEntryLine.set_text

    def spy_shortcut(self: Widgets, key: int) -> bool:
        fired = press_shortcut(self, key)
        if fired:
            watch.shortcuts.append(key)
        return fired

    def spy_entry(self: Widgets, *args: object, **kwargs: object) -> UITextEntryLine:
        made = make_entry(self, *args, **kwargs)  # type: ignore[arg-type]
        watch.initial[made] = made.get_text()
        return made

    def spy_set_text(self: UITextEntryLine, text: str) -> None:
        watch.program_set.add(self)
        set_text(self, text)

    monkeypatch.setattr(Widgets, "press_shortcut", spy_shortcut)
    monkeypatch.setattr(Widgets, "entry", spy_entry)
    monkeypatch.setattr(UITextEntryLine, "set_text", spy_set_text)
    yield watch


def entries(pilot: Pilot) -> list[UITextEntryLine]:
    return [
        e
        for scene in pilot.ctx.stack.scenes
        for e in scene.ui.focusable
        if isinstance(e, UITextEntryLine) and e.alive()
    ]


def describe(element: UIElement | None) -> str:
    if element is None:
        return "nothing"
    if isinstance(element, UITextEntryLine):
        return f"the entry holding {element.get_text()!r}"
    return f"the button {getattr(element, 'text', '')!r}"


def trainee_actions(scene: Scene) -> int | None:
    """How many actions the day holds, less the clock the voter desk moves by itself."""
    session = getattr(scene, "session", None)
    sim = getattr(session, "sim", None)
    if sim is None:
        return None
    return sum(1 for logged in sim.log if not isinstance(logged.action, AdvanceClock))


def check_ring(pilot: Pilot, where: str) -> None:
    """The ring and pygame_gui's focus are one element, shown on the top screen only."""
    top = pilot.top
    focused = top.ui.focused()
    focus_set = pilot.ctx.manager.get_focus_set() or set()
    ours = [e for e in top.ui.focusable if e in focus_set and e.alive()]
    assert ours == ([focused] if focused is not None else []), (
        f"{where}: the ring is on {describe(focused)} but pygame_gui's focus is on "
        f"{', '.join(describe(e) for e in ours) or 'something else'}"
    )
    assert focused is None or not isinstance(focused, UIButton) or focused.is_selected, (
        f"{where}: {describe(focused)} has the focus but shows no ring"
    )
    for scene in pilot.ctx.stack.scenes:
        for button in scene.ui.focusable:
            if button is focused or not isinstance(button, UIButton) or not button.alive():
                continue
            assert not button.is_selected, (
                f"{where}: {describe(button)} shows a ring too "
                f"({'under a dialog' if scene is not top else 'beside the focus'})"
            )


def press(pilot: Pilot, key: Key, watch: Watch, where: str) -> None:
    """Press ``key`` and check that it went where the focus is, and only there."""
    top = pilot.top
    focused = top.ui.focused()
    typing = isinstance(focused, UITextEntryLine)
    before = {e: e.get_text() for e in entries(pilot)}
    scenes = list(pilot.ctx.stack.scenes)
    acted_before = trainee_actions(top)
    watch.shortcuts.clear()
    watch.program_set.clear()
    pilot.frames(1, key_events(key.code, key.mod, key.char if key.char.isprintable() else ""))
    if key.code == pygame.K_RETURN:
        pilot.frames(1)  # pygame_gui reports an entry submitted a frame later
    where = f"{where}, on {type(top).__name__} with {describe(focused)} focused"
    for element in entries(pilot):
        was = before.get(element, watch.initial.get(element))
        if element.get_text() == was or element in watch.program_set:
            continue
        assert typing and element is focused, (
            f"{where}: the key changed {describe(element)} (it held {was!r}), "
            f"which did not have the focus"
        )
    if typing and key.code not in SCENE_KEYS:
        assert not watch.shortcuts, f"{where}: a shortcut fired while an entry had the focus"
        if key.code != pygame.K_RETURN:  # Enter submits the entry: that may act
            assert pilot.ctx.stack.scenes == scenes, f"{where}: typing changed the screen"
            assert trainee_actions(top) == acted_before, f"{where}: typing applied an action"
    check_ring(pilot, where)


def walk(pilot: Pilot, watch: Watch, name: str, seed: int, count: int = KEYS_PER_SCREEN) -> None:
    pilot.frames(2)
    check_ring(pilot, f"{name} as it opens")
    rng = random.Random(seed)
    pressed: list[str] = []
    for _ in range(count):
        key = random_key(rng)
        pressed.append(str(key))
        press(pilot, key, watch, f"{name} (seed {seed}, keys {' '.join(pressed)!r})")
        pilot.ctx.running = True  # a walk may press Quit: the screen stays to be walked on


# --- the screens -----------------------------------------------------------------------------


def day_at(name: str, phase: Phase, mode: Mode = Mode.LATIHAN) -> PlaySession:
    """A day of ``name`` played carefully up to the start of ``phase`` (an event that fires
    as the phase begins is still waiting for an answer)."""
    scenario_entry = entry(name)
    scenario = scenario_entry.scenario
    assert scenario is not None
    careful = Simulation.start(scenario, seed=scenario.seed)
    crew = CarefulCrew(careful)
    while careful.world.phase is not phase:
        for action in crew.phase_actions(careful.world.phase):
            crew.do(action)
        crew.do(EndPhase())
    ends = [i for i, logged in enumerate(careful.log) if isinstance(logged.action, EndPhase)]
    sim = Simulation.start(scenario, seed=scenario.seed)
    for logged in careful.log[: ends[-1] + 1] if ends else []:
        sim.apply(logged.action)
    return PlaySession(scenario_entry, sim, mode, None, None)


def show_phase(pilot: Pilot, name: str, phase: Phase) -> None:
    from simulator.scenes.phases import scene_for

    pilot.show(scene_for(pilot.ctx, day_at(name, phase)))


def show_objection(pilot: Pilot) -> None:
    """The full day's forms with a witness's objection over them: it comes once a figure is
    written on the DPR C.Hasil (the event's premise), here written headless."""
    from simulator.core.phases.formulir import EnterFigure
    from simulator.schema.types import BallotType

    show_phase(pilot, "pemilu-hari-penuh", Phase.FORMULIR)
    scene = pilot.top
    scene.session.do(EnterFigure(ballot=BallotType.DPR, field="I.A1.men", value=1))  # type: ignore[attr-defined]
    scene.after_action()  # type: ignore[attr-defined]
    pilot.frames(2)


@pytest.fixture
def pilot(tmp_path: Path) -> Pilot:
    store, _ = SaveStore.open(tmp_path / "saves")
    pilot = Pilot(store=store)
    pilot.ctx.profile = store.create_profile("Wulan")
    return pilot


Setup = Callable[[Pilot], None]


def _start(pilot: Pilot) -> None:
    from simulator.scenes.start import StartScene

    pilot.show(StartScene(pilot.ctx))


def _profiles_first_time(pilot: Pilot) -> None:
    from simulator.scenes.profiles import ProfileScene

    assert pilot.ctx.store is not None
    pilot.ctx.store, _ = SaveStore.open(pilot.ctx.store.path.parent / "nobody-yet")
    pilot.ctx.profile = None
    pilot.show(ProfileScene(pilot.ctx))


def _profiles(pilot: Pilot) -> None:
    from simulator.scenes.profiles import ProfileScene

    pilot.show(ProfileScene(pilot.ctx))


def _settings(pilot: Pilot) -> None:
    from simulator.scenes.settings import SettingsScene

    pilot.show(SettingsScene(pilot.ctx))


def _picker(pilot: Pilot) -> None:
    from simulator.scenes.picker import PickerScene

    pilot.show(PickerScene(pilot.ctx))


def _resume(pilot: Pilot) -> None:
    from simulator.scenes.resume import ResumeScene

    store, profile = pilot.ctx.store, pilot.ctx.profile
    assert store is not None and profile is not None
    session = PlaySession.begin(entry("meja-pemilih-jebakan"), Mode.LATIHAN, store, profile.id)
    session.do(session.sim.allowed_actions()[0])
    pilot.show(ResumeScene(pilot.ctx))


def _pause(pilot: Pilot) -> None:
    from simulator.scenes.pause import PauseScene

    session = pilot.start_session("pemilu-hari-penuh")
    pilot.ctx.stack.push(PauseScene(pilot.ctx, session))


def _end_phase_dialog(pilot: Pilot) -> None:
    show_phase(pilot, "pilkada-hari-penuh", Phase.PENUTUPAN)
    pilot.top.confirm_end()  # type: ignore[attr-defined]


def _correction_dialog(pilot: Pilot) -> None:
    show_phase(pilot, "pilkada-hari-penuh", Phase.FORMULIR)
    scene = pilot.top
    scene.submit("I.A1.men", "5")  # type: ignore[attr-defined]
    scene.submit("I.A1.men", "6")  # type: ignore[attr-defined]
    assert type(pilot.top).__name__ == "CorrectionDialog"


def _event_dialog(pilot: Pilot) -> None:
    show_objection(pilot)
    assert type(pilot.top).__name__ == "EventDialog", "an objection to a written figure"


def _debrief(pilot: Pilot) -> None:
    from simulator.scenes.debrief import DebriefScene

    session = pilot.start_session("pilkada-calon-tunggal-hitung")
    while not session.finished:
        session.do(session.sim.allowed_actions()[-1])
    pilot.show(DebriefScene(pilot.ctx, session))


TODAY = date(2026, 11, 23)


def _quiz_menu(pilot: Pilot) -> None:
    from simulator.scenes.quiz_menu import QuizMenuScene

    pilot.show(QuizMenuScene(pilot.ctx, today=TODAY))


def _quiz_question(kind: str) -> Setup:
    def setup(pilot: Pilot) -> None:
        from simulator.app.quiz_play import QuizPlay
        from simulator.quiz.session import Mode as QuizMode
        from simulator.scenes.quiz import QuizScene

        library = pilot.ctx.quiz()
        for seed in range(200):
            play = QuizPlay.begin(QuizMode.LATIHAN, library, None, TODAY, seed=seed)
            shown = play.run.current()
            if shown is not None and shown.item.question.type == kind:
                pilot.show(QuizScene(pilot.ctx, play))
                return
        raise AssertionError(f"no quiz sitting starts with a {kind} question")

    return setup


def _quiz_result(pilot: Pilot) -> None:
    from simulator.app.quiz_play import QuizPlay
    from simulator.quiz.session import Mode as QuizMode
    from simulator.scenes.quiz import QuizScene

    play = QuizPlay.begin(QuizMode.UJIAN, pilot.ctx.quiz(), None, TODAY, seed=3)
    scene = QuizScene(pilot.ctx, play)
    pilot.show(scene)
    scene.finish()


def _phase(name: str, phase: Phase) -> Setup:
    return lambda pilot: show_phase(pilot, name, phase)


SCREENS: dict[str, Setup] = {
    "start": _start,
    "profiles, first time": _profiles_first_time,
    "profiles": _profiles,
    "settings": _settings,
    "picker": _picker,
    "resume": _resume,
    "pause": _pause,
    **{
        f"{name} {phase.value}": _phase(name, phase)
        for name in ("pemilu-hari-penuh", "pilkada-hari-penuh")
        for phase in Phase
    },
    "end-phase dialog": _end_phase_dialog,
    "correction dialog": _correction_dialog,
    "event dialog": _event_dialog,
    "debrief": _debrief,
    "quiz menu": _quiz_menu,
    **{
        f"quiz {kind}": _quiz_question(kind)
        for kind in ("single", "multiple", "true_false", "ordering", "numeric", "ballot")
    },
    "quiz result": _quiz_result,
}


# --- Tab follows reading order ---------------------------------------------------------------


def _placed(scene: Scene, element: UIElement) -> tuple[object, pygame.Rect]:
    """Where ``element`` is read: inside its scrolling list (by its place in the list), or
    on the screen."""
    scroller = scene.ui.scroll_parent.get(element)
    if scroller is None:
        return None, element.rect
    return scroller, element.get_relative_rect()


def _clearly_before(first: pygame.Rect, second: pygame.Rect) -> bool:
    """``first`` is read before ``second`` whatever the layout: above it in the same column,
    or left of it in the same row."""
    same_column = first.left < second.right and second.left < first.right
    same_row = first.top < second.bottom and second.top < first.bottom
    return (same_column and first.bottom <= second.top) or (
        same_row and first.right <= second.left
    )


def check_tab_order(pilot: Pilot, screen: str) -> None:
    """Tab from nothing visits every element once, never one that stands above another in
    its column, or left of it in its row, after it; Shift+Tab goes back."""
    top = pilot.top
    top.ui.set_focus(None)
    live = top.ui.live_focusable()
    visited: list[UIElement] = []
    for _ in live:
        pilot.key(pygame.K_TAB)
        focused = top.ui.focused()
        assert focused is not None, f"{screen}: Tab left the ring nowhere"
        visited.append(focused)
    assert len(set(visited)) == len(live) and set(visited) == set(live), (
        f"{screen}: Tab from nothing visits {len(set(visited))} of {len(live)} elements"
    )
    for index, later in enumerate(visited):
        for earlier in visited[:index]:
            (where_a, a), (where_b, b) = _placed(top, earlier), _placed(top, later)
            if where_a is not where_b:  # a list and what is around it: read where it stands
                a = earlier.rect if where_a is None else where_a.rect  # type: ignore[attr-defined]
                b = later.rect if where_b is None else where_b.rect  # type: ignore[attr-defined]
            assert not _clearly_before(b, a), (
                f"{screen}: Tab reaches {describe(later)} after {describe(earlier)}, "
                f"though it stands above it or to its left"
            )
    if len(visited) > 1:
        pilot.key(pygame.K_TAB, pygame.KMOD_SHIFT)
        assert top.ui.focused() is visited[-2], f"{screen}: Shift+Tab goes back"


@pytest.mark.slow
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_key_lands_on_the_focused_element_only(
    screen: str, pilot: Pilot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tab order first (from the screen as it opens), then the walk."""
    with watching(monkeypatch) as watch:
        SCREENS[screen](pilot)
        pilot.frames(2)
        check_tab_order(pilot, screen)
        walk(pilot, watch, screen, seed=sum(map(ord, screen)))
