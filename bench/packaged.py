"""The packaged Linux program's figures (issue 15), run by ``bench/run.py packaged``:

- linux_folder_size, linux_tar_xz_size: the one-folder program ``dist/simulasi-tps`` and its
  archive, in MB of 1,000,000 bytes (a district copies the folder and mails the archive);
- packaged_cold_start: wall time for the packaged game, started fresh, to open its saves and
  window and draw its first frame and close (``SIMULASI_TPS_FRAMES=1``);
- packaged_vs_source_start: that time divided by the same start from this checkout
  (``python run_sim.py``), the runs interleaved.

The program is built first (``packaging/linux/build.sh``) when ``dist/`` has none. Each time is
the median of several runs, each with a fresh save folder.
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
DIST = ROOT / "dist"
PROGRAM = DIST / "simulasi-tps"
RUNS = 7


def _built() -> tuple[Path, Path]:
    """The program's folder and its archive, built now if they are not there."""
    archives = sorted(DIST.glob("simulasi-tps-*-linux-*.tar.xz"))
    if not (PROGRAM / "simulasi-tps").is_file() or not archives:
        subprocess.run([str(ROOT / "packaging" / "linux" / "build.sh")], check=True,
                       stdout=subprocess.DEVNULL)
        archives = sorted(DIST.glob("simulasi-tps-*-linux-*.tar.xz"))
    return PROGRAM, archives[-1]


def _megabytes(path: Path) -> float:
    # a link (PyInstaller links libraries under their other names) is not counted twice
    files = [path] if path.is_file() else [
        p for p in path.rglob("*") if p.is_file() and not p.is_symlink()
    ]
    return sum(p.stat().st_size for p in files) / 1_000_000


def _start(command: list[str]) -> float:
    """Seconds from a fresh process to its first frame drawn and the window closed."""
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "SIMULASI_TPS_DATA": folder, "SIMULASI_TPS_FRAMES": "1",
               "SDL_VIDEODRIVER": os.environ.get("SDL_VIDEODRIVER", "dummy")}
        started = time.perf_counter()
        subprocess.run(command, check=True, env=env, capture_output=True, cwd=folder)
        return time.perf_counter() - started


def measure_starts(program: Path) -> tuple[float, float]:
    """(median packaged start, median source start) in seconds, runs interleaved."""
    packaged, source = [], []
    for _ in range(RUNS):
        packaged.append(_start([str(program / "simulasi-tps")]))
        source.append(_start([sys.executable, str(ROOT / "run_sim.py")]))
    return statistics.median(packaged), statistics.median(source)


def rows() -> list[tuple[str, float, str, float]]:
    program, archive = _built()
    packaged, source = measure_starts(program)
    return [
        ("linux_folder_size", _megabytes(program), "MB", 70.0),
        ("linux_tar_xz_size", _megabytes(archive), "MB", 30.0),
        ("packaged_cold_start", packaged, "s", 1.5),
        ("packaged_vs_source_start", packaged / source, "x", 1.25),
    ]
