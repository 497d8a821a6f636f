"""Why a file or folder could not be read or written, in the user's words.

An ``OSError``'s own text (``strerror``: "Permission denied", "No space left on device") is
the operating system's English; a trainer whose export to a locked USB stick fails must read
why in Indonesian. :func:`reason_key` names the reason (``os_error.<kind>``) from the error
number alone, so that code without a catalogue (the xAPI reader) can keep it; :func:`reason`
says it.
"""

from __future__ import annotations

import errno
from pathlib import PurePath

from simulator.i18n import Catalog

# error number → kind; numbers a platform lacks (EDQUOT on Windows) are simply not listed
_KINDS: dict[int, str] = {
    number: kind
    for name, kind in (
        ("ENOENT", "not_found"),
        ("EACCES", "no_permission"),
        ("EPERM", "no_permission"),
        ("EROFS", "read_only"),
        ("ENOSPC", "full"),
        ("EDQUOT", "full"),
        ("EFBIG", "too_big"),
        ("EISDIR", "is_folder"),
        ("ENOTDIR", "not_folder"),
        ("EEXIST", "exists"),
        ("ENOTEMPTY", "exists"),
        ("ENAMETOOLONG", "name_too_long"),
        ("EINVAL", "bad_name"),  # Windows: a name with : or ? in it
        ("EIO", "device"),
        ("ENODEV", "device"),
        ("ENXIO", "device"),
        ("EBUSY", "busy"),
        ("ETXTBSY", "busy"),
        ("EMFILE", "too_many_open"),
        ("ENFILE", "too_many_open"),
        ("ELOOP", "loop"),
    )
    if (number := getattr(errno, name, None)) is not None
}
PREFIX = "os_error."
OTHER = PREFIX + "other"  # a reason with no words of its own: said by its code


def reason_key(error: BaseException) -> str:
    """``os_error.<kind>`` for ``error``: its kind by error number, :data:`OTHER` otherwise."""
    number = getattr(error, "errno", None)
    kind = _KINDS.get(number) if isinstance(number, int) else None
    return PREFIX + kind if kind else OTHER


def reason_parts(error: BaseException) -> tuple[str, dict[str, object]]:
    """The key and parameters that say why ``error`` happened (for a message made later)."""
    key = reason_key(error)
    if key != OTHER:
        return key, {}
    number = getattr(error, "errno", None)
    code = errno.errorcode.get(number, str(number)) if isinstance(number, int) else "-"
    return key, {"code": code}


def reason(cat: Catalog, error: BaseException, about: str | PurePath | None = None) -> str:
    """Why ``error`` happened, in ``cat``'s language (an unforeseen one by its number). When
    the system names a folder above ``about`` (the path the message is about), that folder is
    named too: a file standing where a folder of the path should be, or a locked folder."""
    key, params = reason_parts(error)
    said = cat(key, **params)
    named = getattr(error, "filename", None)
    above = (about is not None and isinstance(named, str) and bool(named)
             and PurePath(named) in PurePath(about).parents)
    return f"{said} ({named})" if above else said
