"""The class report's figures (issue 13): a synthetic district (``bench/district.py``) of
20,000 trainees, about a million statements in 500 laptops' export files, reported on by
``run_sim.py report`` in a child process, timed with its peak memory; and how the time grows
from 1,000 to 20,000 trainees, which must be linear (the cost of a thousand more trainees at
the top no more than a quarter over its cost at the bottom)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (1_000, 5_000, 10_000, 20_000)


def _write(args: tuple[str, int, int, int]) -> int:
    from bench.district import write_district

    folder, trainees, index, workers = args
    return write_district(Path(folder), trainees, share=(index, workers))


def run_report(files: list[Path], out: Path) -> tuple[float, float]:
    """Seconds and peak resident MB of one ``report`` run over ``files``."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "run_sim.py"), "report", *map(str, files), "--out", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"report failed ({child.returncode}): {child.stderr.read()[-500:]!r}")
    return took, usage.ru_maxrss / 1024


def rows() -> list[tuple[str, float, str, float]]:
    from bench.district import PER_LAPTOP

    with tempfile.TemporaryDirectory(prefix="bench-district-") as folder:
        district = Path(folder) / "exports"
        workers = os.cpu_count() or 1
        with ProcessPoolExecutor(workers) as pool:
            statements = sum(pool.map(_write, [(str(district), SIZES[-1], i, workers)
                                               for i in range(workers)]))
        files = sorted(district.glob("*.jsonl"))
        times: dict[int, float] = {}
        peak = 0.0
        for size in SIZES:
            times[size], rss = run_report(files[: size // PER_LAPTOP], Path(folder) / "r.html")
            peak = max(peak, rss)
        low = (times[5_000] - times[1_000]) / 4
        high = (times[20_000] - times[10_000]) / 10
        print(f"# district: {statements} statements; report seconds by trainees: "
              + ", ".join(f"{n}: {t:.1f}" for n, t in times.items()), file=sys.stderr)
    return [
        ("report_20000_trainees", times[20_000], "s", 60.0),
        ("report_20000_peak_rss", peak, "MB", 1024.0),
        ("report_per_1000_trainees", high, "s", 3.0),
        ("report_growth", high / low, "x", 1.25),
    ]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    for name, value, unit, budget in rows():
        print(f"{name} {value:.4g} {unit} {budget:g}")
