"""The main loop draws only when the screen may have changed (issue 10: a laptop on battery in a
hall). Driven with a fake clock and scripted input, so no test here depends on timing: a screen
at rest gets no frame, input gets one at once, a moving scene is drawn when it changes (not 60
times a second), a caret still blinks, and the last frame shown is always what the screen
holds (nothing looks frozen)."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from types import SimpleNamespace
from typing import Protocol

import pygame
import pytest

from simulator.app.context import AppContext
from simulator.app.driver import Driver, run
from simulator.app.pacing import FRAME, POLL, SETTLE
from simulator.app.play import Mode, PlaySession
from simulator.app.scene import Scene
from simulator.art import palette
from simulator.scenes.phases.pemungutan import PemungutanScene
from simulator.scenes.start import StartScene
from tests.pilot import Pilot, entry

Script = dict[float, list[pygame.event.Event]]


class FakeWindow:
    """A window with a clock that moves only when the loop naps, input given by time, and
    every frame kept as the display would show it."""

    def __init__(self, ctx: AppContext, script: Script, end: float) -> None:
        self.ctx = ctx
        self.clock = 0.0
        self.script = sorted(script.items())
        self.end = end
        self.frames: list[float] = []
        self.shown: list[pygame.Surface] = []
        self.parts: list[list[pygame.Rect] | None] = []  # what each frame sent: None = all
        self.naps = 0
        self.probe: Callable[[], object] | None = None  # noted at each frame, when set
        self.notes: list[object] = []

    def now(self) -> float:
        return self.clock

    def poll(self) -> list[pygame.event.Event]:
        events: list[pygame.event.Event] = []
        while self.script and self.script[0][0] <= self.clock:
            events += self.script.pop(0)[1]
        # pygame_gui's own answers (a button pressed) come through the real queue.
        return events + pygame.event.get()

    async def nap(self, seconds: float) -> None:
        assert seconds > 0, "the loop naps for a positive time"
        self.naps += 1
        self.clock += seconds
        if self.clock >= self.end:
            self.ctx.running = False

    async def wait(self, seconds: float) -> list[pygame.event.Event]:
        await self.nap(seconds)
        return self.poll()

    def present(self, rects: list[pygame.Rect] | None = None) -> None:
        """What a display shows: the whole frame, or only ``rects`` of it over the last."""
        screen = self.ctx.screen
        if rects is None or not self.shown:
            shown = screen.copy()
        else:
            shown = self.shown[-1].copy()
            for rect in rects:
                shown.blit(screen, rect, rect)
        self.frames.append(self.clock)
        self.shown.append(shown)
        self.parts.append(rects)
        if self.probe is not None:
            self.notes.append(self.probe())

    def mouse_held(self) -> bool:
        return False

    def between(self, start: float, stop: float) -> list[float]:
        return [at for at in self.frames if start <= at < stop]


class Player(Protocol):
    ctx: AppContext
    driver: Driver


def play(
    pilot: Player, script: Script, seconds: float, probe: Callable[[], object] | None = None
) -> FakeWindow:
    window = FakeWindow(pilot.ctx, script, seconds)
    window.probe = probe
    pilot.ctx.running = True
    asyncio.run(run(pilot.driver, window=window))
    return window


def assert_last_frame_is_current(pilot: Player, window: FakeWindow) -> None:
    """Drawing the screen now gives exactly the last frame shown: nothing changed unseen."""
    assert window.shown, "no frame was shown at all"
    pilot.driver.draw(pilot.ctx.screen)
    same = pilot.ctx.screen.get_view("2").raw == window.shown[-1].get_view("2").raw
    assert same, "the screen changed after the last frame shown: the window looks frozen"


def key(code: int, unicode: str = "") -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=unicode, scancode=0)


def start_screen() -> Pilot:
    pilot = Pilot()
    pilot.show(StartScene(pilot.ctx))
    return pilot


def test_a_start_screen_at_rest_is_not_drawn_and_a_key_is_drawn_at_once() -> None:
    pilot = start_screen()
    window = play(pilot, {5.0: [key(pygame.K_TAB)]}, seconds=12.0)
    settled = SETTLE + FRAME
    assert window.frames, "the window is drawn when it opens"
    assert window.between(settled, 5.0) == [], "nothing changed: no frame for 5 seconds"
    after_key = window.between(5.0, 5.0 + settled)
    assert after_key, "the key moved the focus ring but no frame showed it"
    assert after_key[0] <= 5.0 + POLL + 1e-9, "the key waited more than one nap for its frame"
    assert window.between(5.0 + settled, 12.0) == [], "frames go on after the input settled"
    assert_last_frame_is_current(pilot, window)
    before, after = window.shown[len(window.between(0, 5.0)) - 1], window.shown[-1]
    assert before.get_view("2").raw != after.get_view("2").raw, "the frame after Tab shows it"


def test_a_screen_at_rest_sleeps_instead_of_spinning() -> None:
    pilot = start_screen()
    window = play(pilot, {}, seconds=10.0)
    # Looking for input every POLL seconds, plus the first frames: not thousands of turns.
    assert window.naps <= 10.0 / POLL + 60, f"{window.naps} naps in 10 s"


def test_a_stream_of_mouse_motion_is_drawn_at_most_60_times_a_second() -> None:
    pilot = start_screen()
    motion = {
        1.0 + i * 0.001: [pygame.event.Event(pygame.MOUSEMOTION, pos=(10 + i, 10), rel=(1, 0),
                                             buttons=(0, 0, 0))]
        for i in range(500)
    }
    window = play(pilot, motion, seconds=3.0)
    during = window.between(1.0, 1.5)
    assert 10 <= len(during) <= 0.5 / FRAME + 1, f"{len(during)} frames for 0.5 s of motion"


class Ticker(Scene):
    """A scene whose picture changes once a second, and says so."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.elapsed = 0.0

    def update(self, dt: float) -> None:
        self.elapsed += dt

    def next_change(self) -> float | None:
        return 1.0 - self.elapsed % 1.0

    def draw(self, surface: pygame.Surface) -> None:
        width = 20 + 40 * (int(self.elapsed) % 10)
        pygame.draw.rect(surface, palette.INK, pygame.Rect(10, 10, width, 20))


class SilentTicker(Ticker):
    """The same picture, from a scene that moves in ``update`` without saying when."""

    def update(self, dt: float) -> None:
        self.elapsed += dt


def test_a_scene_that_changes_each_second_is_drawn_each_second() -> None:
    pilot = Pilot()
    ticker = Ticker(pilot.ctx)
    pilot.show(ticker)
    window = play(pilot, {}, seconds=10.5)
    later = window.between(1.0, 10.5)
    assert 8 <= len(later) <= 11, f"{len(later)} frames in 9.5 s of a once-a-second change"
    assert int(ticker.elapsed) >= 10, "time moved on for the scene while nothing was drawn"
    assert_last_frame_is_current(pilot, window)


@pytest.mark.slow
def test_a_scene_that_moves_without_saying_when_is_drawn_every_frame() -> None:
    pilot = Pilot()
    pilot.show(SilentTicker(pilot.ctx))
    window = play(pilot, {}, seconds=3.0)
    assert len(window.between(1.0, 3.0)) >= 1.9 / FRAME, "an animation looked frozen"
    assert_last_frame_is_current(pilot, window)


class Form(Scene):
    """One focused text entry."""

    def build(self) -> None:
        line = self.ui.entry(pygame.Rect(40, 40, 300, 40), lambda text: None)
        self.ui.set_focus(line)


def carets(window: FakeWindow, rect: pygame.Rect) -> list[bytes]:
    return [pygame.image.tobytes(frame.subsurface(rect), "RGB") for frame in window.shown]


def test_a_focused_entry_blinks_its_caret_with_a_few_frames_a_second() -> None:
    pilot = Pilot()
    pilot.show(Form(pilot.ctx))
    window = play(pilot, {}, seconds=6.0)
    later = window.between(2.0, 6.0)
    assert 4 <= len(later) <= 4 * 6, f"{len(later)} frames in 4 s for a blinking caret"
    shots = carets(window, pygame.Rect(40, 40, 300, 40))[-len(later):]
    assert all(a != b for a, b in itertools.pairwise(shots)), (
        "a frame was drawn with the caret as it was: drawn for nothing"
    )
    sent = window.parts[-len(later):]
    assert all(part == [pygame.Rect(40, 40, 300, 40)] for part in sent), (
        f"a caret blink sent more than its entry to the display: {sent}"
    )
    assert_last_frame_is_current(pilot, window)


def test_typing_shows_each_letter_in_the_next_frame() -> None:
    pilot = Pilot()
    form = Form(pilot.ctx)
    pilot.show(form)
    letters = "budi"
    script: Script = {
        1.0 + i: [key(getattr(pygame, f"K_{c}"), c), pygame.event.Event(pygame.TEXTINPUT, text=c)]
        for i, c in enumerate(letters)
    }
    window = play(pilot, script, seconds=6.0)
    [line] = form.ui.entry_submit
    assert line.get_text() == letters
    for i in range(len(letters)):
        assert window.between(1.0 + i, 1.0 + i + POLL + 1e-9), f"letter {i + 1} waited"
    assert_last_frame_is_current(pilot, window)


# --- the scenes that move -----------------------------------------------------------------------


def desk(pilot: Pilot) -> PemungutanScene:
    session = PlaySession.begin(entry("meja-pemilih-jebakan"), Mode.LATIHAN, None, None)
    from simulator.scenes.phases import scene_for

    scene = pilot.show(scene_for(pilot.ctx, session))
    assert isinstance(scene, PemungutanScene), "the voting phase shows the voter desk"
    return scene


def test_the_desk_with_its_clock_paused_is_not_drawn() -> None:
    pilot = Pilot()
    scene = desk(pilot)
    scene.toggle_pause()
    assert scene.next_change() is None, "a paused clock does not move"
    window = play(pilot, {}, seconds=8.0)
    assert window.between(SETTLE + FRAME, 8.0) == [], "a paused desk was drawn at rest"


def test_the_desk_rests_while_an_explanation_waits_to_be_read() -> None:
    pilot = Pilot()
    scene = desk(pilot)
    scene.reading = True  # the clock waits in Latihan while a finding is explained
    assert scene.next_change() is None, "the clock waits: nothing moves"
    window = play(pilot, {}, seconds=6.0)
    assert window.between(SETTLE + FRAME, 6.0) == [], "a waiting desk was drawn at rest"


def test_the_desk_clock_is_drawn_as_each_minute_passes() -> None:
    pilot = Pilot()
    scene = desk(pilot)
    assert scene.next_change() is not None and scene.next_change() <= scene.seconds_per_minute
    first = scene.shown_minute()
    seconds = 5 * scene.seconds_per_minute + 0.5
    window = play(pilot, {}, seconds=seconds)
    assert scene.shown_minute() >= first + 5, "the clock did not run"
    later = window.between(1.0, seconds)
    assert len(later) <= 4 * 5 * 2, f"{len(later)} frames for five game minutes"
    assert_last_frame_is_current(pilot, window)


def test_the_exam_countdown_is_drawn_each_second_and_practice_rests() -> None:
    from datetime import date
    from pathlib import Path

    from simulator.app.quiz_play import QuizLibrary, QuizPlay
    from simulator.quiz.banks import load_banks
    from simulator.quiz.session import Mode as QuizMode
    from simulator.quiz.session import items_of
    from simulator.scenes.quiz import QuizScene

    bank = Path(__file__).parent / "fixtures" / "quiz_small.yaml"
    library = QuizLibrary(tuple(items_of(load_banks([bank]).banks)), ())
    for mode, frames_wanted in ((QuizMode.UJIAN, range(4, 7)), (QuizMode.LATIHAN, range(0, 1))):
        pilot = Pilot()
        sitting = QuizPlay.begin(mode, library, None, date(2026, 11, 23))
        pilot.show(QuizScene(pilot.ctx, sitting))
        window = play(pilot, {}, seconds=6.0)
        # The answer entry's caret blinks in both: count the frames sent whole.
        whole = [at for at, part in zip(window.frames, window.parts, strict=True)
                 if part is None and at >= 1.0]
        assert len(whole) in frames_wanted, f"{mode.value}: {len(whole)} whole frames in 5 s"
        assert_last_frame_is_current(pilot, window)


@pytest.mark.slow
def test_the_crews_ballots_are_drawn_every_frame_while_they_appear_then_the_count_rests() -> None:
    from test_scene_penghitungan import counting_scene

    ctx, scene = counting_scene()
    pilot = SimpleNamespace(ctx=ctx, driver=Driver(ctx))
    # Open a box, rule a ballot, hand the rest to the crew (the question starts on its
    # cancelling answer: Left, then Enter).
    keys = [(pygame.K_1, "1"), (pygame.K_a, "a"), (pygame.K_1, "1"), (pygame.K_t, "t"),
            (pygame.K_LEFT, ""), (pygame.K_RETURN, "\r")]
    script: Script = {1.0 + i / 2: [key(code, text)] for i, (code, text) in enumerate(keys)}
    window = play(pilot, script, seconds=20.0, probe=scene.moving)
    assert scene.world.counting.delegated, "the box was handed to the crew"
    moving = [at for at, note in zip(window.frames, window.notes, strict=True) if note]
    assert moving, "no frame showed the crew's ballots appearing"
    gaps = [b - a for a, b in itertools.pairwise(moving)]
    assert max(gaps) <= 2 * FRAME, f"the plano stood still for {max(gaps):.2f} s while filling"
    assert not scene.moving(), "the crew's ballots did not all appear in 20 s"
    rest = moving[-1] + SETTLE + 2 * FRAME
    assert window.between(rest, 20.0) == [], "frames went on once the plano was full"
    assert_last_frame_is_current(pilot, window)
