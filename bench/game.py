"""The game's figures (issue 4), run by ``bench/run.py``:

- cold_start: wall time for a fresh process to open the game and draw an interactive start
  screen (a fresh save folder, so the save store is created too);
- cold_start_vs_bare: that time divided by the time a bare pygame-ce + pygame_gui window with
  one button takes, measured the same way in the same run;
- desk_p95_frame: 95th-percentile frame time of the voter desk at 1366×768 with 40 voters
  queued, over 600 frames of play (clock running, so a few frames carry actions);
- day_peak_rss: peak resident memory of a fresh process playing a 300-voter Pemilu day with
  every phase scene on screen.

Each process figure is the median of several runs. Set SDL_VIDEODRIVER (dummy by default) to
measure under a real display.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FULLDAY = ROOT / "bench" / "scenarios" / "pemilu-300.yaml"
PROCESS_RUNS = 5

BARE_WINDOW = """
import os
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame, pygame_gui
pygame.display.init(); pygame.font.init()
screen = pygame.display.set_mode((1366, 768), pygame.RESIZABLE)
manager = pygame_gui.UIManager((1366, 768))
pygame_gui.elements.UIButton(pygame.Rect(80, 200, 420, 50), "Mulai", manager)
pygame.event.get(); manager.update(1 / 60)
screen.fill((244, 241, 234)); manager.draw_ui(screen); pygame.display.flip()
"""

GAME_START = """
import sys
sys.path.insert(0, {root!r})
import pygame
from simulator.app.launch import open_app
from simulator.app.driver import Driver
ctx = open_app()
Driver(ctx).step(1 / 60, pygame.event.get()); pygame.display.flip()
assert ctx.stack.top is not None
ctx.store.close()
"""

DAY_MEMORY = """
import resource, sys
sys.path.insert(0, {root!r})
from pathlib import Path
import pygame
from simulator.app.shots import headless_context
from simulator.app.driver import Driver
from simulator.app.library import ScenarioEntry
from simulator.app.play import Mode, PlaySession
from simulator.core.careful import CarefulCrew
from simulator.content import load_scenario, scenario_sha256
from simulator.core.actions import EndPhase
from simulator.scenes.phases import scene_for
from simulator.scenes.debrief import DebriefScene
path = Path({scenario!r})
entry = ScenarioEntry(path, load_scenario(path), scenario_sha256(path))
ctx = headless_context((1366, 768), "id")
driver = Driver(ctx)
session = PlaySession.begin(entry, Mode.LATIHAN, None, None)
crew = CarefulCrew(session.sim)
while not session.finished:
    phase = session.sim.world.phase
    scene = scene_for(ctx, session)
    ctx.stack.replace(scene)
    for index, action in enumerate(crew.phase_actions(phase)):
        crew.do(action)
        if index % 25 == 0:
            scene.rebuild()
            driver.step(1 / 60, pygame.event.get())
    crew.respond_to_events()
    crew.do(EndPhase())
ctx.stack.replace(DebriefScene(ctx, session))
driver.step(1 / 60, [])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _wall(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def measure_cold_start() -> tuple[float, float]:
    """(median game start, median bare window) in seconds, runs interleaved."""
    game, bare = [], []
    for _ in range(PROCESS_RUNS):
        with tempfile.TemporaryDirectory() as folder:
            env = {**os.environ, "SIMULASI_TPS_DATA": folder}
            game.append(_wall(GAME_START.format(root=str(ROOT)), env))
            bare.append(_wall(BARE_WINDOW, env))
    return statistics.median(game), statistics.median(bare)


def measure_desk_frames(queued: int = 40, frames: int = 600) -> float:
    """The 95th-percentile frame time (ms) of the voter desk with ``queued`` voters waiting."""
    sys.path.insert(0, str(ROOT))
    import pygame

    from simulator.app.driver import Driver
    from simulator.app.library import ScenarioEntry
    from simulator.app.play import Mode, PlaySession
    from simulator.app.shots import headless_context
    from simulator.content import load_scenario, scenario_sha256
    from simulator.core.actions import AdvanceClock, EndPhase
    from simulator.core.careful import CarefulCrew
    from simulator.scenes.phases import scene_for
    from simulator.schema.clock import format_minutes
    from simulator.schema.types import Phase

    entry = ScenarioEntry(FULLDAY, load_scenario(FULLDAY), scenario_sha256(FULLDAY))
    ctx = headless_context((1366, 768), "id")
    session = PlaySession.begin(entry, Mode.LATIHAN, None, None)
    crew = CarefulCrew(session.sim)
    world = session.sim.world
    while world.phase is not Phase.PEMUNGUTAN:
        for action in crew.phase_actions(world.phase):
            crew.do(action)
        crew.do(EndPhase())
    while len(world.queue) < queued:
        session.do(AdvanceClock(to=format_minutes(world.clock + 1)))
    assert len(world.queue) >= queued, f"only {len(world.queue)} voters queued"
    driver = Driver(ctx)
    ctx.stack.replace(scene_for(ctx, session))
    for _ in range(60):  # warm caches, as the trainee's first second does
        driver.step(1 / 60, pygame.event.get())
    times = []
    for _ in range(frames):
        start = time.perf_counter()
        driver.step(1 / 60, pygame.event.get())
        times.append((time.perf_counter() - start) * 1000)
    return statistics.quantiles(times, n=20)[-1]


def measure_day_memory() -> float:
    """Median peak RSS (MB) of a full day played with every scene on screen."""
    code = DAY_MEMORY.format(root=str(ROOT), scenario=str(FULLDAY))
    peaks = []
    for _ in range(3):
        output = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        ).stdout
        peaks.append(int(output.strip().splitlines()[-1]) / 1024)
    return statistics.median(peaks)


def rows() -> list[tuple[str, float, str, float]]:
    game, bare = measure_cold_start()
    return [
        ("cold_start", game, "s", 1.5),
        ("cold_start_vs_bare", game / bare, "x", 2.0),
        ("desk_p95_frame", measure_desk_frames(), "ms", 8.0),
        ("day_peak_rss", measure_day_memory(), "MB", 250.0),
    ]
