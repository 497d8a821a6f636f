"""Console output that survives any console or pipe encoding.

On Windows, output redirected to a file or a pipe is encoded in the ANSI code page (cp1252),
which has no '✗' and crashes a verb halfway through its report. Every entry point therefore
writes UTF-8; a stream that cannot be switched keeps its encoding and replaces what it cannot
write, so the words may lose a sign but the program never loses its exit code.
"""

from __future__ import annotations

import codecs
import contextlib
import sys
from collections.abc import Callable
from typing import TextIO

MB_ICONERROR = 0x10


def use_utf8() -> None:
    """Switch standard output and error to UTF-8 (or to replacing what they cannot encode)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None:  # a GUI program on Windows has no console at all
            setattr(sys, name, _safe(stream))


def _safe(stream: TextIO) -> TextIO:
    if _is_utf8(getattr(stream, "encoding", None)):
        return stream
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:  # a stand-in stream of some host program: left as it is
        return stream
    try:
        reconfigure(encoding="utf-8", errors="replace")
    except (ValueError, OSError, TypeError):  # already read or written in a way that forbids it
        with contextlib.suppress(ValueError, OSError, TypeError):
            reconfigure(errors="replace")
    return stream


def _is_utf8(encoding: str | None) -> bool:
    if not encoding:
        return False
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def tell_without_console(title: Callable[[], str], text: str) -> bool:
    """Show ``text`` where a program with no console can be seen: the game started from the
    Start menu (pythonw, or a windowed build) has no standard error, so on Windows a message
    box says it, under the title ``title()`` (asked only then). Returns whether it was shown;
    elsewhere there is always an error stream."""
    if sys.stderr is not None or sys.platform != "win32":
        return False
    with contextlib.suppress(OSError, AttributeError, ValueError):
        _message_box(title(), text)
        return True
    return False


def _message_box(title: str, text: str) -> None:
    import ctypes

    ctypes.windll.user32.MessageBoxW(None, text, title, MB_ICONERROR)  # type: ignore[attr-defined]
