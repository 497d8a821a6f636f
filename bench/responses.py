"""The response to an action in every phase scene, through the real loop (issue 10): see
``bench/loop.py``. Kept apart so that importing the benchmarks does not load pygame into the
process that starts the memory figures' subprocesses (a child's peak RSS counts its parent's
at the moment it is spawned)."""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402
import pygame_gui  # noqa: E402

from bench.loop import FULLDAY, LEAD_IN, PEMILU, REST, SAMPLES_PER_PHASE  # noqa: E402
from simulator.app.context import AppContext  # noqa: E402
from simulator.app.driver import Driver, run  # noqa: E402
from simulator.app.launch import cheap_frames  # noqa: E402
from simulator.app.library import ScenarioEntry  # noqa: E402
from simulator.app.play import Mode, PlaySession  # noqa: E402
from simulator.app.scene import Scene  # noqa: E402
from simulator.app.shots import headless_context  # noqa: E402
from simulator.app.widgets import offer_key  # noqa: E402
from simulator.content import load_scenario, scenario_sha256  # noqa: E402
from simulator.core.actions import Action, AdvanceClock, EndPhase, RespondToEvent  # noqa: E402
from simulator.core.careful import CarefulCrew  # noqa: E402
from simulator.core.phases import incidents  # noqa: E402
from simulator.persistence.store import SaveStore  # noqa: E402
from simulator.scenes.phase import PhaseScene  # noqa: E402
from simulator.schema.types import Phase  # noqa: E402


class Frames:
    """Notes when each frame is shown (``pygame.display.flip``) and how many actions the
    day's log held then."""

    def __init__(self, session: PlaySession) -> None:
        self.session = session
        self.shown: list[tuple[float, int]] = []
        self._flip = pygame.display.flip

    def __enter__(self) -> Frames:
        def flip() -> None:
            self._flip()
            self.shown.append((time.perf_counter(), len(self.session.sim.log)))

        pygame.display.flip = flip
        return self

    def __exit__(self, *exc: object) -> None:
        pygame.display.flip = self._flip


class Trainee:
    """Plays a day through the real loop, timing the actions it applies by input."""

    def __init__(self, ctx: AppContext, path: Path, seed: int, store: SaveStore) -> None:
        self.ctx = ctx
        entry = ScenarioEntry(path, load_scenario(path), scenario_sha256(path))
        # Saved as the game saves a trainee's day: every action written (and flushed to
        # disk) before the answer to it is drawn, a checkpoint every 20 actions.
        profile = store.create_profile(f"Bench {seed}")
        self.session = PlaySession.begin(entry, Mode.LATIHAN, store, profile.id)
        self.crew = CarefulCrew(self.session.sim)
        self.frames = Frames(self.session)
        self.rng = random.Random(seed)
        self.counts = action_counts(entry)
        self.times: dict[Phase, list[float]] = {}
        self.firsts: dict[Phase, list[float]] = {}  # each phase's first action
        self.ends: dict[Phase, float] = {}  # ending the phase: Enter to the next screen

    def headless(self, action: Action) -> None:
        """Apply ``action`` untimed, saved as in play (so that the next timed action writes
        only itself)."""
        self.crew.do(action)
        self.session.save()

    @property
    def top(self) -> Scene:
        scene = self.ctx.stack.top
        assert scene is not None
        return scene

    async def play(self) -> None:
        with self.frames:
            await self._play()

    async def _play(self) -> None:
        loop = asyncio.ensure_future(run(Driver(self.ctx)))
        world = self.session.sim.world
        while not self.session.finished:
            phase = world.phase
            assert phase is not None
            self.show_phase()
            chosen = spread(self.counts.get(phase, 0), SAMPLES_PER_PHASE, self.rng)
            # The actions just before a timed one are shown as in play (the screen built
            # after each, then what it prepares once shown), so the timed one meets the
            # screen a trainee's own actions would have left.
            shown = {index - back for index in chosen for back in range(1, LEAD_IN + 1)}
            behind = False  # actions applied headless since the screen last showed the day
            for index, action in enumerate(self.crew.phase_actions(phase)):
                if index == 0:
                    await self.by_input(phase, action, into=self.firsts)
                elif index in chosen:
                    await self.by_input(phase, action)
                else:
                    self.headless(action)
                    behind = index not in shown
                    scene = self.top
                    if not behind and isinstance(scene, PhaseScene):
                        scene.after_action()
                        scene.after_shown()
            if behind:
                self.show_phase()  # show where the headless actions left the day
            await self.answer_events(phase)
            self.crew.respond_to_events()
            self.session.save()
            await self.end_by_input(phase)
        self.ctx.running = False
        await loop

    def show_phase(self) -> None:
        from simulator.scenes.phases import scene_for
        from simulator.scenes.phases.pemungutan import PemungutanScene

        scene = scene_for(self.ctx, self.session)
        self.ctx.stack.replace(scene)
        if isinstance(scene, PemungutanScene):
            scene.toggle_pause()  # the crew decides the time; the real clock must not

    async def answer_events(self, phase: Phase) -> int:
        answered = 0
        for event in incidents.awaiting(self.session.sim.world):
            response = RespondToEvent(event=event.index, response=self.crew.response_to(event))
            answered += await self.by_input(phase, response, answering=True)
        return answered

    async def end_by_input(self, phase: Phase) -> None:
        """End the phase as a trainee does: E, then Left and Enter on the question; the
        response is timed from Enter to the first frame of the next screen."""
        from simulator.scenes.dialog import ConfirmDialog

        await asyncio.sleep(self.rng.uniform(0.0, REST))
        for event in key_press(pygame.K_e, "e"):
            pygame.event.post(event)
        asked = time.perf_counter()
        while not isinstance(self.ctx.stack.top, ConfirmDialog):
            await asyncio.sleep(0.001)
            if time.perf_counter() - asked > 5:
                self.headless(EndPhase())  # the scene has no E: end it headless
                return
        dialog = self.ctx.stack.top
        # The question opens on its safe answer (the focus model): Left goes to "end".
        await asyncio.sleep(self.rng.uniform(0.0, REST))
        for event in key_press(pygame.K_LEFT, ""):
            pygame.event.post(event)
        while dialog.ui.focused() is not dialog.ui.focusable[0]:
            await asyncio.sleep(0.001)
            assert time.perf_counter() - asked < 5, "Left did not reach the end answer"
        await asyncio.sleep(self.rng.uniform(0.0, REST))
        self.ends[phase] = await self.timed(key_press(pygame.K_RETURN, "\r"), EndPhase())

    async def by_input(
        self,
        phase: Phase,
        action: Action,
        answering: bool = False,
        into: dict[Phase, list[float]] | None = None,
    ) -> int:
        """Apply ``action`` as a trainee would and time it (into ``times``, or ``into``); 1
        when it was timed. An action the scene offers no input for (yet) is applied
        headless. Events waiting for an answer are answered first (unless this is the
        answer)."""
        if not answering:
            await self.answer_events(phase)
        await asyncio.sleep(self.rng.uniform(0.0, REST))
        inputs = list(self.inputs_for(action))
        if not inputs:
            self.headless(action)
            self.show_phase()
            return 0
        samples = self.times if into is None else into
        samples.setdefault(phase, []).append(await self.timed(inputs, action))
        return 1

    async def timed(self, inputs: list[pygame.event.Event], action: Action) -> float:
        """Milliseconds from posting ``inputs`` to the first frame drawn after the action."""
        before = len(self.session.sim.log)
        posted = time.perf_counter()
        for event in inputs:
            pygame.event.post(event)
        while True:
            await asyncio.sleep(0.001)
            drawn = [at for at, count in self.frames.shown if at >= posted and count > before]
            if drawn:
                return (drawn[0] - posted) * 1000
            assert time.perf_counter() - posted < 5, f"{action} was not applied by its input"

    def inputs_for(self, action: Action) -> Iterator[pygame.event.Event]:
        """A click on the button offered for ``action``, or its figure typed and Enter."""
        scene = self.top
        button = scene.ui.offers.get(offer_key(action))
        reveal = getattr(scene, "reveal", None)
        if button is None and reveal is not None and reveal(action):
            button = scene.ui.offers.get(offer_key(action))
        if button is not None:
            yield from click(self.ctx, button)
            return
        name = None
        if isinstance(action, AdvanceClock):
            name, text = "clock", action.to
        elif action.kind == "enter_figure":
            params = action.params()
            name = f"figure:{params['ballot']}:{params['field']}"
            text = str(params["value"])
        entry = scene.ui.named_entries.get(name) if name else None
        if entry is None:
            return
        scene.ui.set_focus(entry)
        entry.set_text(text)
        yield from key_press(pygame.K_RETURN, "\r")


def action_counts(entry: ScenarioEntry) -> dict[Phase, int]:
    """How many actions the careful crew takes in each phase of the day (played headless)."""
    crew = CarefulCrew(PlaySession.begin(entry, Mode.LATIHAN, None, None).sim)
    counts: dict[Phase, int] = {}
    while not crew.sim.finished:
        phase = crew.world.phase
        assert phase is not None
        for action in crew.phase_actions(phase):
            counts[phase] = counts.get(phase, 0) + 1
            crew.do(action)
        crew.respond_to_events()
        crew.do(EndPhase())
    return counts


def spread(count: int, samples: int, rng: random.Random) -> set[int]:
    """Which of a phase's actions after its first (numbered 1 to ``count`` - 1) are timed:
    one at random from each of ``samples`` equal stretches of the phase, so that a p95
    speaks for the whole phase (every one when there are fewer)."""
    later = range(1, count)
    if len(later) <= samples:
        return set(later)
    bounds = [1 + len(later) * part // samples for part in range(samples + 1)]
    return {rng.randrange(bounds[part], bounds[part + 1]) for part in range(samples)}


def key_press(key: int, unicode: str) -> list[pygame.event.Event]:
    """A key pressed and released: a key left held is not taken by the next screen (the
    focus model), so the Enter that ended one phase would block the next one's."""
    return [
        pygame.event.Event(kind, key=key, mod=0, unicode=unicode, scancode=0)
        for kind in (pygame.KEYDOWN, pygame.KEYUP)
    ]


def click(ctx: AppContext, button: pygame_gui.core.UIElement) -> Iterator[pygame.event.Event]:
    """A left click at the button's centre, if the centre is on screen and the button is the
    one it lands on; otherwise the press pygame_gui would report."""
    x, y = button.rect.center
    on_screen = ctx.screen.get_rect().collidepoint(x, y) and button.hover_point(x, y)
    if not on_screen:
        yield pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=button)
        return
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        yield pygame.event.Event(kind, pos=(x, y), button=1, touch=False, window=None)


def measure_responses() -> tuple[dict[Phase, list[float]], list[float], list[float]]:
    """Response times (ms) per phase, to each phase's first action, and to ending a phase,
    both days pooled."""
    pygame.display.init()
    cheap_frames()  # as the game's window does
    ctx = headless_context((1366, 768), "id")
    times: dict[Phase, list[float]] = {}
    firsts: list[float] = []
    ends: list[float] = []
    folder = tempfile.TemporaryDirectory(prefix="bench-saves-")
    store, _ = SaveStore.open(Path(folder.name))
    for seed, path in enumerate((PEMILU, FULLDAY)):
        ctx.running = True
        trainee = Trainee(ctx, path, seed, store)
        asyncio.run(trainee.play())
        for phase, samples in trainee.times.items():
            times.setdefault(phase, []).extend(samples)
        firsts += [time for samples in trainee.firsts.values() for time in samples]
        ends += trainee.ends.values()
    store.close()
    folder.cleanup()
    return times, firsts, ends


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]
