"""Portable mode, for a program handed out on USB sticks (issue 15): saves live in a ``data``
folder beside the program instead of the user's data folder, so a stick carries its trainees'
progress from laptop to laptop.

The mode is on when the game runs as a packaged program (a PyInstaller build sets
``sys.frozen``), or when a marker file, ``simulasi-tps-portable``, sits beside the program, which
switches any other copy (a source checkout, an installed one) to it. ``$SIMULASI_TPS_DATA``
still wins over both, as tests and trainers' scripts rely on it.
"""

from __future__ import annotations

import sys
from pathlib import Path

MARKER = "simulasi-tps-portable"  # a file beside the program that makes any copy portable
DATA_FOLDER = "data"
TRAINER_FOLDER = "scenarios"  # trainer-written scenarios beside a portable program


def program_dir(argv0: str | None = None, *, frozen: bool | None = None,
                executable: str | None = None) -> Path:
    """The folder the program was started from: the packaged executable's, else the script's
    (``run_sim.py``, or the ``simulasi-tps`` launcher)."""
    is_frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    if is_frozen:
        return Path(executable or sys.executable).resolve().parent
    script = argv0 if argv0 is not None else (sys.argv[0] if sys.argv and sys.argv[0] else ".")
    return Path(script).resolve().parent


def portable_base(argv0: str | None = None, *, frozen: bool | None = None,
                  executable: str | None = None) -> Path | None:
    """The program's folder when the game runs portable, else None."""
    base = program_dir(argv0, frozen=frozen, executable=executable)
    is_frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    if is_frozen or (base / MARKER).is_file():
        return base
    return None


def trainer_scenarios(shipped: Path) -> Path | None:
    """A ``scenarios`` folder of the trainer's own beside a portable program, offered next to
    the shipped ones (``shipped``); None when the game is not portable, there is no such folder,
    or it is the shipped folder itself (a source checkout marked portable)."""
    base = portable_base()
    if base is None:
        return None
    folder = base / TRAINER_FOLDER
    if not folder.is_dir() or folder.resolve() == shipped.resolve():
        return None
    return folder
