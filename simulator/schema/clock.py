"""Times of the polling day as authors write them: ``"07:00"``, ``"01:30+1"``, ``"16:00-1"``.

The engine counts minutes from midnight at the start of polling day; the suffix is a day offset
(``-1`` is H-1, the day logistics usually arrive; ``+1`` is the night after, when counting may
run on until 12:00).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import StringConstraints

# ASCII digits only: a regular expression's \d also takes other scripts' digits.
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]([+-][1-9])?$"
_TIME_RE = re.compile(TIME_PATTERN)
MINUTES_PER_DAY = 24 * 60

GameTime = Annotated[str, StringConstraints(pattern=TIME_PATTERN)]


def to_minutes(text: str) -> int:
    """``"07:30"`` → 450; ``"01:00+1"`` → 1500; ``"16:00-1"`` → -480."""
    match = _TIME_RE.match(text)
    if match is None:
        raise ValueError(f"not a time of day: {text!r} (expected HH:MM, HH:MM+1 or HH:MM-1)")
    hours, minutes = int(text[0:2]), int(text[3:5])
    offset = int(match.group(2)) if match.group(2) else 0
    return offset * MINUTES_PER_DAY + hours * 60 + minutes


def format_minutes(total: int) -> str:
    """The inverse of :func:`to_minutes`: 450 → ``"07:30"``; 1500 → ``"01:00+1"``."""
    day, in_day = divmod(total, MINUTES_PER_DAY)
    text = f"{in_day // 60:02d}:{in_day % 60:02d}"
    if day == 0:
        return text
    return f"{text}{day:+d}"
