"""Where an unforeseen error's traceback goes: a file the user can hand to the developers,
while the screen or the terminal shows one plain line saying where it is."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

CRASH_FILE = "crash.log"
MAX_CRASH_BYTES = 1_000_000  # older reports are dropped past this, newest kept


def write_crash_report(report: str) -> Path | None:
    """Append ``report`` (a traceback) with the time to ``crash.log`` in the data folder, or
    in the temporary folder when that cannot be written; the file it went to, or None."""
    from simulator.persistence.store import default_data_dir

    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    entry = f"--- {stamp}\n{report}\n"
    for folder in (default_data_dir(), Path(tempfile.gettempdir())):
        path = folder / CRASH_FILE
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if path.exists() and path.stat().st_size > MAX_CRASH_BYTES:
                os.replace(path, path.with_suffix(".old.log"))
            with path.open("a", encoding="utf-8", errors="replace") as out:
                out.write(entry)
            return path
        except OSError:
            continue
    return None
