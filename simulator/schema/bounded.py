"""Numbers, sizes and JSON read from strangers, within limits.

Whatever comes from a file, a log, a setting, a command line or the keyboard is read here, so
that every caller refuses the same things the same way: only ASCII digits count as digits
(``"²".isdigit()`` is true, yet ``int("²")`` fails), a number has at most a set count of them
and lies in a range the caller names, a real number is finite and written without an
exponent, and JSON is measured for length and nesting before it is parsed (``json.loads``
recurses, and a line nested a few thousand deep overflows the stack).

A refusal is an :class:`Unreadable`, a ``ValueError`` with a message code and its parameters
for the caller to put in the user's language with the place it read from.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, Final

#: more digits than any number this program reads needs (2**63 has 19)
MAX_DIGITS: Final = 20
#: nesting deeper than any action, bank or save this program writes
MAX_JSON_DEPTH: Final = 16
MAX_JSON_LENGTH: Final = 100_000

_WHOLE = re.compile(r"[+-]?[0-9]+", re.ASCII)
_REAL = re.compile(r"[+-]?[0-9]{1,15}(\.[0-9]{1,15})?", re.ASCII)


class Unreadable(ValueError):
    """``text`` is not what was asked for: ``code`` (a message key) and ``params`` say why."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(f"{code} {params}")
        self.code = code
        self.params = params


def _shown(text: str) -> str:
    """What was found, short enough to quote in a message."""
    return text if len(text) <= 24 else text[:20] + "…"


def whole_number(text: str, low: int, high: int) -> int:
    """The whole number ``text`` writes (ASCII digits, an optional sign, spaces around), from
    ``low`` to ``high``."""
    cleaned = text.strip()
    if not _WHOLE.fullmatch(cleaned):
        raise Unreadable("number.not_whole", value=_shown(cleaned))
    # Far too long to be in range: not converted (a number of many thousand digits is slow
    # to read, and Python refuses one past 4,300).
    value = int(cleaned) if len(cleaned) <= MAX_DIGITS else None
    if value is None or not low <= value <= high:
        raise Unreadable("number.range", value=_shown(cleaned), low=low, high=high)
    return value


def real_number(text: str, low: float, high: float) -> float:
    """The number ``text`` writes as digits with an optional decimal point (no exponent, no
    "nan" or "inf"), from ``low`` to ``high``."""
    cleaned = text.strip()
    if not _REAL.fullmatch(cleaned):
        raise Unreadable("number.not_real", value=_shown(cleaned))
    value = float(cleaned)
    if not (math.isfinite(value) and low <= value <= high):
        raise Unreadable("number.range", value=_shown(cleaned), low=low, high=high)
    return value


def size(text: str, least: tuple[int, int], most: tuple[int, int]) -> tuple[int, int]:
    """A size written ``WIDTHxHEIGHT`` (``1366x768``), each within its bounds."""
    width, sep, height = text.strip().partition("x")
    if not sep:
        raise Unreadable("number.not_size", value=_shown(text.strip()))
    return (
        whole_number(width, least[0], most[0]),
        whole_number(height, least[1], most[1]),
    )


def json_value(
    text: str, max_length: int = MAX_JSON_LENGTH, max_depth: int = MAX_JSON_DEPTH
) -> Any:
    """The JSON value ``text`` holds, if it is no longer than ``max_length`` characters and
    nests no deeper than ``max_depth``; its numbers must be finite and of at most
    :data:`MAX_DIGITS` digits (Python's ``json`` reads ``NaN`` and numbers of any length)."""
    if len(text) > max_length:
        raise Unreadable("json.too_long", limit=max_length)
    if _depth(text) > max_depth:
        raise Unreadable("json.too_deep", limit=max_depth)
    try:
        return json.loads(
            text,
            parse_int=_json_int,
            parse_float=_json_float,
            parse_constant=_json_constant,
        )
    except Unreadable:
        raise
    except ValueError as error:
        raise Unreadable("json.invalid", why=str(error)[:80]) from None


def json_object(text: str, max_length: int = MAX_JSON_LENGTH) -> dict[str, Any]:
    """As :func:`json_value`, for text that must hold an object (``{...}``)."""
    value = json_value(text, max_length)
    if not isinstance(value, dict):
        raise Unreadable("json.not_object")
    return value


def _depth(text: str) -> int:
    """How deep brackets nest in ``text``, outside strings: measured without recursing."""
    deepest = depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise Unreadable("number.not_whole", value=_shown(text))
    return int(text)


def _json_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or len(text) > 2 * MAX_DIGITS:
        raise Unreadable("number.not_real", value=_shown(text))
    return value


def _json_constant(text: str) -> float:
    raise Unreadable("number.not_real", value=text)
