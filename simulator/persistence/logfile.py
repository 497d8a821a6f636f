"""Reading and writing action-log files: bounded, UTF-8, written atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from simulator.core.actionlog import ActionLog, LogError, LogProblem, parse_log

MAX_LOG_BYTES = 20 * 1024 * 1024  # a full day is about 200 KB; anything near this is not a log


def read_log(path: Path) -> ActionLog:
    """Parse the log at ``path``; every problem is a :class:`LogError` with a line number."""
    with path.open("rb") as handle:
        data = handle.read(MAX_LOG_BYTES + 1)
    if len(data) > MAX_LOG_BYTES:
        raise LogError([LogProblem(1, "log.too_large", {"limit": MAX_LOG_BYTES})])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise LogError([LogProblem(line, "log.encoding", {})]) from None
    if "\x00" in text:
        raise LogError([LogProblem(text[: text.index("\x00")].count("\n") + 1, "log.encoding", {})])
    return parse_log(text)


def write_text_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename it over."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
