"""The replay viewer's figures (issue 12), on the 300-voter Pemilu day of ``bench/run.py``:

- timeline_build: laying a recorded day out for the viewer (``core/timeline.Timeline.of``:
  the day played once, a copy kept every 200 actions), log parsing included;
- timeline_step_back_max: the slowest step back, from one state to the one before it (the
  state rebuilt from the log's prefix, as the viewer does at ←), over the steps furthest from
  a kept copy and a spread of others across the whole day; the issue's budget is 100 ms.
  Timed as the game runs it: Python's full collections held, and done when due after each
  step (after the frame that shows it, in the game; see ``simulator/app/collector.py``).
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from simulator.app import collector
from simulator.content.load import load_scenario
from simulator.core.actionlog import parse_log
from simulator.core.timeline import KEPT_EVERY, Timeline

SAMPLES = 60


def rows(fullday: Path, text: str) -> list[tuple[str, float, str, float]]:
    scenario = load_scenario(fullday)
    started = time.perf_counter()
    timeline = Timeline.of(scenario, parse_log(text), strict_times=False)
    built = time.perf_counter() - started
    rng = random.Random(12)
    # Each step just before a kept copy is the furthest from the copy below it.
    steps = [k for k in range(KEPT_EVERY - 1, timeline.length, KEPT_EVERY)]
    steps += [rng.randrange(1, timeline.length + 1) for _ in range(SAMPLES)]
    slowest = 0.0
    with collector.full_collections_held():
        for step in steps:
            started = time.perf_counter()
            timeline.state(step - 1)
            slowest = max(slowest, time.perf_counter() - started)
            collector.collect_if_due(answered_input=True)
    return [
        ("timeline_build", built, "s", 1.0),
        ("timeline_step_back_max", slowest * 1000, "ms", 100.0),
    ]
