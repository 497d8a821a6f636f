"""The main loop's figures (issue 10), run by ``bench/run.py``:

- idle_cpu_start: the share of one core a fresh game uses on its start screen with nobody
  touching it (process CPU time over wall time, across a few seconds of the real loop);
- idle_cpu_desk: the same on the voter desk of the 300-voter day with the clock paused;
- idle_cpu_desk_clock: the same with the desk's clock running (its label moves each game
  minute, every two seconds);
- response_p95_<phase>: for each phase scene, the 95th percentile of the time from a
  trainee's input (a click at the centre of the offered button or of an event's answer,
  Enter in a figure or clock entry) to the first frame drawn after the action it applies,
  posted after a random pause of up to 0.35 s (at rest, or just after other input). The
  actions timed are spread over the whole phase of the Pemilu day and of the 300-voter day
  (one at random from each of 30 equal stretches of it; the rest played headless, but the
  six before each timed one shown on screen as in play), so that the figure speaks for the
  phase as a trainee plays it, not only for its first minutes;
- response_max_first_action: the slowest response to the first action of a phase (the
  first voter called, the first box opened: the screen makes that part of itself then),
  every phase of both days;
- response_p95_end_phase: the same for ending a phase (Enter on the question) until the
  next screen is drawn, every phase of both days pooled. The game makes that screen once
  ahead, on a fork of the day, while the question is read
  (``simulator.scenes.phases.rehearse_end``); the pauses before Left and Enter are those of
  every other input here, so a quick answer still meets a rehearsal under way.

The first action and the end of a phase are held to 100 ms, the limit under which a
response is still felt as instant (Card, Moran and Newell; Nielsen, *Usability
Engineering*, 1993, ch. 5): each makes a screen, or a large part of one, that was not there,
once a phase. Every other action is held to 33 ms, two frames at 60 a second.

The idle figures are the median of three fresh processes; the responses are measured in the
bench's own process through the real loop (``simulator.app.driver.run``), by
``bench/responses.py``. Set SDL_VIDEODRIVER (dummy by default) to measure under a real
display, e.g. ``xvfb-run -s "-screen 0 1366x768x24" env SDL_VIDEODRIVER=x11
.venv/bin/python bench/run.py``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FULLDAY = ROOT / "bench" / "scenarios" / "pemilu-300.yaml"
PEMILU = ROOT / "scenarios" / "pemilu-hari-penuh.yaml"
IDLE_RUNS = 3
IDLE_SECONDS = 3.0
SAMPLES_PER_PHASE = 30  # timed actions per phase and day besides the first; the rest headless
LEAD_IN = 6  # actions before each timed one shown on screen as in play (the rest headless)
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
from simulator.core.careful import CarefulCrew
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


def rows() -> list[tuple[str, float, str, float]]:
    found = [
        ("idle_cpu_start", measure_idle(), "%", 5.0),
        ("idle_cpu_desk", measure_idle(desk_setup(paused=True)), "%", 5.0),
        ("idle_cpu_desk_clock", measure_idle(desk_setup(paused=False)), "%", 5.0),
    ]
    from bench.responses import measure_responses, p95

    times, firsts, ends = measure_responses()
    for phase, samples in times.items():
        found.append((f"response_p95_{phase.value}", p95(samples), "ms", 33.0))
    found.append(("response_max_first_action", max(firsts), "ms", 100.0))
    found.append(("response_p95_end_phase", p95(ends), "ms", 100.0))
    return found


if __name__ == "__main__":
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    sys.path.insert(0, str(ROOT))
    for name, value, unit, budget in rows():
        print(f"{name} {value:.4g} {unit} {budget:g}")
