"""The main loop's figures (issue 10), run by ``bench/run.py``:

- idle_cpu_start: the share of one core a fresh game uses on its start screen with nobody
  touching it (process CPU time over wall time, across a few seconds of the real loop);
- idle_cpu_desk: the same on the voter desk of the 300-voter day with the clock paused;
- idle_cpu_desk_clock: the same with the desk's clock running (its label moves each game
  minute, every two seconds);
- response_p95_<phase>: for each phase scene, the 95th percentile of the time from a
  trainee's input (a click on the offered button, Enter in a figure or clock entry, Enter on
  an event's answer) to the first frame drawn after the action it applies, over the first
  actions of that phase in the Pemilu day and the 300-voter day, at rest and just after
  other input;
- response_p95_end_phase: the same for ending a phase (Enter on the question) until the
  next screen is drawn, every phase of both days pooled.

The idle figures are the median of three fresh processes; the responses are measured in this
process, through the real loop (``simulator.app.driver.run``). Set SDL_VIDEODRIVER (dummy by
default) to measure under a real display, e.g. ``xvfb-run -s "-screen 0 1366x768x24"
env SDL_VIDEODRIVER=x11 .venv/bin/python bench/run.py``.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402
import pygame_gui  # noqa: E402

from simulator.app.context import AppContext  # noqa: E402
from simulator.app.driver import Driver, run  # noqa: E402
from simulator.app.library import ScenarioEntry  # noqa: E402
from simulator.app.play import Mode, PlaySession  # noqa: E402
from simulator.app.scene import Scene  # noqa: E402
from simulator.app.shots import headless_context  # noqa: E402
from simulator.app.widgets import offer_key  # noqa: E402
from simulator.autoplay import CarefulCrew  # noqa: E402
from simulator.content import load_scenario, scenario_sha256  # noqa: E402
from simulator.core.actions import Action, AdvanceClock, EndPhase, RespondToEvent  # noqa: E402
from simulator.core.phases import incidents  # noqa: E402
from simulator.schema.types import Phase  # noqa: E402

FULLDAY = ROOT / "bench" / "scenarios" / "pemilu-300.yaml"
PEMILU = ROOT / "scenarios" / "pemilu-hari-penuh.yaml"
IDLE_RUNS = 3
IDLE_SECONDS = 3.0
SAMPLES_PER_PHASE = 15  # timed actions per phase and day; the rest are played headless
REST = 0.35  # the longest pause before an input: past SETTLE, so the loop is at rest

IDLE_CHILD = """
import asyncio, sys, time
sys.path.insert(0, {root!r})
from simulator.app.launch import open_app
from simulator.app.driver import Driver, run
ctx = open_app()
{setup}
driver = Driver(ctx)

async def measure():
    loop = asyncio.ensure_future(run(driver))
    await asyncio.sleep(1.0)  # the first frames, and the desk's first clock tick
    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.sleep({seconds})
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    ctx.running = False
    await loop
    print(100 * cpu / wall)

asyncio.run(measure())
ctx.store.close()
"""

DESK_SETUP = """
from pathlib import Path
from simulator.app.library import ScenarioEntry
from simulator.app.play import Mode, PlaySession
from simulator.autoplay import CarefulCrew
from simulator.content import load_scenario, scenario_sha256
from simulator.core.actions import EndPhase
from simulator.scenes.phases import scene_for
from simulator.schema.types import Phase
path = Path({scenario!r})
entry = ScenarioEntry(path, load_scenario(path), scenario_sha256(path))
session = PlaySession.begin(entry, Mode.LATIHAN, None, None)
crew = CarefulCrew(session.sim)
while session.sim.world.phase is not Phase.PEMUNGUTAN:
    for action in crew.phase_actions(session.sim.world.phase):
        crew.do(action)
    crew.do(EndPhase())
desk = scene_for(ctx, session)
ctx.stack.replace(desk)
if {paused}:
    desk.toggle_pause()
"""


def measure_idle(setup: str = "") -> float:
    """Median share of one core (%) a fresh game uses at rest after ``setup``."""
    code = IDLE_CHILD.format(root=str(ROOT), setup=setup, seconds=IDLE_SECONDS)
    shares = []
    for _ in range(IDLE_RUNS):
        with tempfile.TemporaryDirectory() as folder:
            env = {**os.environ, "SIMULASI_TPS_DATA": folder}
            output = subprocess.run(
                [sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True
            ).stdout
        shares.append(float(output.strip().splitlines()[-1]))
    return statistics.median(shares)


def desk_setup(paused: bool) -> str:
    return DESK_SETUP.format(scenario=str(FULLDAY), paused=paused)


# --- responses ------------------------------------------------------------------------------


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

    def __init__(self, ctx: AppContext, path: Path, seed: int) -> None:
        self.ctx = ctx
        entry = ScenarioEntry(path, load_scenario(path), scenario_sha256(path))
        self.session = PlaySession.begin(entry, Mode.LATIHAN, None, None)
        self.crew = CarefulCrew(self.session.sim)
        self.frames = Frames(self.session)
        self.rng = random.Random(seed)
        self.times: dict[Phase, list[float]] = {}
        self.ends: dict[Phase, float] = {}  # ending the phase: Enter to the next screen

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
            timed = 0
            for action in self.crew.phase_actions(phase):
                if timed < SAMPLES_PER_PHASE:
                    timed += await self.by_input(phase, action)
                else:
                    self.crew.do(action)
            if timed >= SAMPLES_PER_PHASE:
                self.show_phase()  # the rest was played headless: show where it stands
            await self.answer_events(phase)
            self.crew.respond_to_events()
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
            kind = event.kind
            response = RespondToEvent(event=event.index, response=self.crew.response(kind))
            answered += await self.by_input(phase, response, answering=True)
        return answered

    async def end_by_input(self, phase: Phase) -> None:
        """End the phase as a trainee does: E, then Enter on the question; the response is
        timed from Enter to the first frame of the next screen."""
        from simulator.scenes.dialog import ConfirmDialog

        await asyncio.sleep(self.rng.uniform(0.0, REST))
        pygame.event.post(key_event(pygame.K_e, "e"))
        asked = time.perf_counter()
        while not isinstance(self.ctx.stack.top, ConfirmDialog):
            await asyncio.sleep(0.001)
            if time.perf_counter() - asked > 5:
                self.crew.do(EndPhase())  # the scene has no E: end it headless
                return
        await asyncio.sleep(self.rng.uniform(0.0, REST))
        self.ends[phase] = await self.timed([key_event(pygame.K_RETURN, "\r")], EndPhase())

    async def by_input(self, phase: Phase, action: Action, answering: bool = False) -> int:
        """Apply ``action`` as a trainee would and time it; 1 when it was timed. An action
        the scene offers no input for (yet) is applied headless. Events waiting for an
        answer are answered first (unless this is the answer)."""
        if not answering:
            await self.answer_events(phase)
        await asyncio.sleep(self.rng.uniform(0.0, REST))
        inputs = list(self.inputs_for(action))
        if not inputs:
            self.crew.do(action)
            self.show_phase()
            return 0
        self.times.setdefault(phase, []).append(await self.timed(inputs, action))
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
        yield key_event(pygame.K_RETURN, "\r")


def key_event(key: int, unicode: str) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=unicode, scancode=0)


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


def measure_responses() -> tuple[dict[Phase, list[float]], list[float]]:
    """Response times (ms) per phase, and to ending a phase, both days pooled."""
    ctx = headless_context((1366, 768), "id")
    times: dict[Phase, list[float]] = {}
    ends: list[float] = []
    for seed, path in enumerate((PEMILU, FULLDAY)):
        ctx.running = True
        trainee = Trainee(ctx, path, seed)
        asyncio.run(trainee.play())
        for phase, samples in trainee.times.items():
            times.setdefault(phase, []).extend(samples)
        ends += trainee.ends.values()
    return times, ends


def rows() -> list[tuple[str, float, str, float]]:
    found = [
        ("idle_cpu_start", measure_idle(), "%", 5.0),
        ("idle_cpu_desk", measure_idle(desk_setup(paused=True)), "%", 5.0),
        ("idle_cpu_desk_clock", measure_idle(desk_setup(paused=False)), "%", 5.0),
    ]
    times, ends = measure_responses()
    for phase, samples in times.items():
        found.append((f"response_p95_{phase.value}", p95(samples), "ms", 33.0))
    found.append(("response_p95_end_phase", p95(ends), "ms", 33.0))
    return found


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]


if __name__ == "__main__":
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    for name, value, unit, budget in rows():
        print(f"{name} {value:.4g} {unit} {budget:g}")
