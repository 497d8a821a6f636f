"""Python's full garbage collections, moved out of the answers to the player's actions.

CPython collects its oldest objects (a full collection) when enough of them have piled up,
at whatever allocation comes next: in this game that is most often a rebuild after an
action, and with a day's state, its log and the widgets in memory a full collection takes
20 to 60 ms, enough to double the response to that action. While the main loop runs, full
collections are therefore not left to chance: they are done, when due, just after a frame
that answered input has been shown, when the player is looking at the new screen (no one
acts again within a few tens of milliseconds of what they did). The young generations are
still collected as usual (they cost well under a millisecond each).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: young-generation (1) collections between two full ones: CPython's own default threshold
FULL_AFTER = 10
#: ... after a frame no input asked for (a screen moving by itself)
OVERDUE = 4 * FULL_AFTER
#: a threshold the count of generation 1 collections never reaches: no automatic full ones
NEVER = 2**30


@contextmanager
def full_collections_held() -> Iterator[None]:
    """Within this, full collections happen only through :func:`collect_if_due`; CPython's
    thresholds are put back after."""
    young, middle, old = gc.get_threshold()
    gc.set_threshold(young, middle, NEVER)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, old)


def collect_if_due(answered_input: bool) -> bool:
    """A full collection when enough young collections have passed since the last one (as
    CPython would have done by now), after a frame that ``answered_input``; after any other
    frame only when far more have (a screen that moves by itself for an hour, the voter
    desk's running clock, still has its garbage collected). True when one was done."""
    due = FULL_AFTER if answered_input else OVERDUE
    if not gc.isenabled() or gc.get_count()[2] < due:
        return False
    gc.collect()
    return True
