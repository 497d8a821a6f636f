#!/usr/bin/env python3
"""Benchmarks: ``python bench/run.py`` prints ``name value unit budget`` per line and exits 1
when a figure misses its budget. Timings are the best of several runs, in-process. Names of
groups as arguments (``python bench/run.py validate timeline``; see ``GROUPS``) run only those.

- fullday_apply: a full Pemilu 2024 day with 300 voters (1,500 ballots counted), applied
  headless from its text log, log parsing included;
- fullday_peak_rss: peak resident memory of a fresh process doing that run;
- validate_all: validating every shipped scenario in-process;
- validate_vs_pyyaml: that time divided by the time PyYAML's C safe loader alone takes to
  parse the same files;
- quiz_banks: loading and validating every shipped quiz bank (schema, lint, and every answer
  the engine works out: ballots ruled, form cells solved), then building the answer keys;
- the game's figures, described in ``bench/game.py``;
- the counting scene's response at a 300-voter TPS, described in ``bench/counting.py``;
- the main loop's figures (idle CPU, response to an action), described in ``bench/loop.py``;
- the replay viewer's figures (laying a day out, a step back), described in
  ``bench/timeline.py``;
- the xAPI export of a busy profile, described in ``bench/export.py``;
- the class report over a synthetic district of 20,000 trainees, in ``bench/report.py``;
- the packaged Linux program's size and start, in ``bench/packaged.py`` (built first if
  ``dist/`` has none).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from bench.counting import rows as counting_rows  # noqa: E402
from bench.export import rows as export_rows  # noqa: E402
from bench.game import rows as game_rows  # noqa: E402
from bench.loop import rows as loop_rows  # noqa: E402
from bench.packaged import rows as packaged_rows  # noqa: E402
from bench.report import rows as report_rows  # noqa: E402
from bench.timeline import rows as timeline_rows  # noqa: E402
from simulator.content.load import load_scenario, validate_paths  # noqa: E402
from simulator.core.actionlog import LogHeader, format_log, parse_log  # noqa: E402
from simulator.core.careful import play_careful_day  # noqa: E402
from simulator.core.engine import Simulation  # noqa: E402
from simulator.core.replay import apply_log  # noqa: E402
from simulator.quiz.banks import BANK_DIR, load_banks  # noqa: E402
from simulator.quiz.session import items_of  # noqa: E402

FULLDAY = ROOT / "bench" / "scenarios" / "pemilu-300.yaml"
SHIPPED = ROOT / "scenarios"
RUNS = 7


def best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def fullday_log() -> str:
    """The text log of a careful crew's full day (recorded once, not timed)."""
    scenario = load_scenario(FULLDAY)
    sim = play_careful_day(Simulation.start(scenario))
    counted = sum(len(box.contents) for box in sim.world.boxes.values())
    assert counted == 1500, f"the benchmark day should count 1,500 ballots, counted {counted}"
    header = LogHeader(scenario.id, "-", sim.world.seed, "1")
    return format_log(header, sim.log)


def measure_fullday(text: str) -> float:
    scenario = load_scenario(FULLDAY)
    return best_of(RUNS, lambda: apply_log(scenario, parse_log(text)))


def measure_peak_rss(text: str) -> float:
    """Peak RSS (MB) of a fresh interpreter that loads the scenario and applies the log."""
    log_path = ROOT / "bench" / ".fullday.log"
    log_path.write_text(text, encoding="utf-8")
    child = (
        "import resource, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from pathlib import Path\n"
        "from simulator.content.load import load_scenario\n"
        "from simulator.core.replay import apply_log\n"
        "from simulator.persistence.logfile import read_log\n"
        f"scenario = load_scenario(Path({str(FULLDAY)!r}))\n"
        f"sim = apply_log(scenario, read_log(Path({str(log_path)!r})))\n"
        "assert sim.finished\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    try:
        output = subprocess.run(
            [sys.executable, "-c", child], check=True, capture_output=True, text=True
        ).stdout
    finally:
        log_path.unlink(missing_ok=True)
    return int(output.strip()) / 1024  # ru_maxrss is in KiB on Linux


def measure_validation() -> tuple[float, float]:
    files = sorted(SHIPPED.glob("*.yaml"))

    def parse_only() -> None:
        for path in files:
            with path.open("rb") as handle:
                yaml.load(handle, Loader=yaml.CSafeLoader)

    def validate() -> None:
        reports = validate_paths(files)
        assert all(report.valid for report in reports), "a shipped scenario is invalid"

    validate()  # warm the imports and caches once
    validating = best_of(RUNS, validate)
    parsing = best_of(RUNS, parse_only)
    return validating, validating / parsing


def measure_quiz_banks() -> float:
    def load() -> None:
        loaded = load_banks([BANK_DIR])
        assert loaded.ok, "a shipped quiz bank is invalid"
        assert len(items_of(loaded.banks)) >= 150

    load()  # warm the imports once
    return best_of(RUNS, load)


Row = tuple[str, float, str, float]


def _fullday_rows(text: str) -> list[Row]:
    return [
        ("fullday_apply", measure_fullday(text), "s", 0.2),
        ("fullday_peak_rss", measure_peak_rss(text), "MB", 100.0),
    ]


def _validate_rows() -> list[Row]:
    validating, ratio = measure_validation()
    return [("validate_all", validating, "s", 0.5), ("validate_vs_pyyaml", ratio, "x", 3.0)]


# Groups of figures, by the name to ask for one: ``python bench/run.py validate timeline``.
# Each takes the full day's text log (recorded once, only when a group needs it).
GROUPS: dict[str, Callable[[Callable[[], str]], list[Row]]] = {
    "fullday": lambda day: _fullday_rows(day()),
    "validate": lambda day: _validate_rows(),
    "quiz": lambda day: [("quiz_banks", measure_quiz_banks(), "s", 0.3)],
    "game": lambda day: game_rows(),
    "counting": lambda day: counting_rows(),
    "loop": lambda day: loop_rows(),
    "timeline": lambda day: timeline_rows(FULLDAY, day()),
    "export": lambda day: export_rows(),
    "report": lambda day: report_rows(),
    "packaged": lambda day: packaged_rows(),
}


def main(names: list[str]) -> int:
    unknown = sorted(set(names) - GROUPS.keys())
    if unknown:
        print(f"unknown group {unknown[0]!r}; groups: {', '.join(GROUPS)}", file=sys.stderr)
        return 2
    recorded: list[str] = []

    def day() -> str:
        if not recorded:
            recorded.append(fullday_log())
        return recorded[0]

    rows = [row for name in (names or GROUPS) for row in GROUPS[name](day)]
    failed = False
    for name, value, unit, budget in rows:
        print(f"{name} {value:.4g} {unit} {budget:g}")
        failed |= value > budget
    if failed:
        print("a figure misses its budget", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # only figure lines on the output
    sys.exit(main(sys.argv[1:]))
