"""Ulangan: when each question comes back, per trainee (spaced repetition by whole days).

Pure: days are integers (``date.toordinal()``) handed in by the caller; nothing reads a clock.

A :class:`Card` is one trainee's memory of one question. Answered right, it climbs a box and
comes back after the box's interval (1, 2, 4, 8, 16, 32, 60 days); missed, it falls to box 0 and
is due the same day, so a missed question always comes back before one that was known.

Polling day: bimtek is weeks before it, and what matters is what the crew remembers on the
day. When the trainee has entered their polling day, no interval jumps past it: a card that
would be due after it is brought into the last days before it (:data:`FINAL_DAYS`), spread
over those days so they do not all fall on the eve; and in those days :func:`review_queue`
adds the weakest question of every topic not yet reviewed there, so every topic is seen once
more before the day.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Final, Protocol

INTERVALS: Final = (1, 2, 4, 8, 16, 32, 60)  # days until the next review, by box (1..7)
FINAL_DAYS: Final = 3  # the last days before polling day in which every topic is reviewed
SESSION_SIZE: Final = 20  # questions in one review session
NEW_PER_SESSION: Final = 8  # questions never seen, added after the due ones


@dataclass(frozen=True, slots=True)
class Card:
    """What the schedule knows of one question for one trainee."""

    ref: str  # "bank/question"
    box: int = 0  # right answers in a row, capped at len(INTERVALS)
    due: int = 0  # the day it should be asked again
    lapses: int = 0  # times it was missed after having been seen
    seen: int = 0  # times answered
    last: int | None = None  # the day it was last answered


def final_window(polling_day: int) -> range:
    """The days in which every topic should be reviewed once more."""
    return range(polling_day - FINAL_DAYS, polling_day)


def after_answer(card: Card, right: bool, today: int, polling_day: int | None = None) -> Card:
    """The card once answered on ``today``; its ``due`` is never before ``today``."""
    seen = card.seen + 1
    if not right:
        return replace(card, box=0, due=today, lapses=card.lapses + (card.seen > 0), seen=seen,
                       last=today)
    box = min(card.box + 1, len(INTERVALS))
    due = today + INTERVALS[box - 1]
    if polling_day is not None and today < polling_day <= due:
        due = _before_polling_day(card.ref, today, polling_day)
    return replace(card, box=box, due=due, seen=seen, last=today)


def _before_polling_day(ref: str, today: int, polling_day: int) -> int:
    """A day of the final window, the same one for a card each time.

    A card answered right inside the window has had its last review before the day: it is due
    on polling day itself, which keeps the window for the cards not yet refreshed.
    """
    window = final_window(polling_day)
    if today >= window.start:
        return polling_day
    return window[_stable_index(ref, len(window))]


def _stable_index(text: str, size: int) -> int:
    """An index in ``range(size)`` that depends only on ``text`` (not on Python's hash seed)."""
    return sum(ord(ch) * (i + 1) for i, ch in enumerate(text)) % size


class Reviewable(Protocol):
    """What the queue needs of a question: its ref and its topic."""

    @property
    def ref(self) -> str: ...

    @property
    def topic(self) -> str: ...


def review_queue(
    items: Sequence[Reviewable],
    cards: Mapping[str, Card],
    today: int,
    polling_day: int | None = None,
    size: int = SESSION_SIZE,
) -> list[str]:
    """The refs to ask in a review session on ``today``, in order.

    Due cards first: the most overdue, then the weakest (a missed card, box 0, before a known
    one due the same day). Then, in the final days before polling day, the weakest card of each
    topic not reviewed since the window opened. Then questions never seen, one topic after
    another, so a new trainee meets every topic early.
    """
    known = {item.ref for item in items}
    due = sorted(
        (card for card in cards.values() if card.ref in known and card.seen and card.due <= today),
        key=lambda c: (c.due, c.box, -c.lapses, c.ref),
    )
    queue = [card.ref for card in due]
    if polling_day is not None and today in final_window(polling_day):
        queue += _topics_to_refresh(items, cards, polling_day, set(queue))
    fresh = _unseen_by_topic(items, cards)
    queue += fresh[:NEW_PER_SESSION] if len(queue) < size else []
    return queue[:size]


def _topics_to_refresh(items: Sequence[Reviewable], cards: Mapping[str, Card],
                       polling_day: int, queued: set[str]) -> list[str]:
    window_start = final_window(polling_day).start
    covered = {item.topic for item in items if item.ref in queued}
    for item in items:
        card = cards.get(item.ref)
        if card is not None and card.last is not None and card.last >= window_start:
            covered.add(item.topic)
    refresh: list[str] = []
    for topic in dict.fromkeys(item.topic for item in items):
        if topic in covered:
            continue
        candidates = [item.ref for item in items if item.topic == topic]
        refresh.append(min(candidates, key=lambda ref: _weakness(cards.get(ref))))
    return refresh


def _weakness(card: Card | None) -> tuple[int, int, int]:
    """Sort key: seen-and-weak first, then unseen, then strong."""
    if card is None or not card.seen:
        return (1, 0, 0)
    return (0 if card.box <= 1 else 2, card.box, -card.lapses)


def _unseen_by_topic(items: Sequence[Reviewable], cards: Mapping[str, Card]) -> list[str]:
    """Questions never answered, taking one from each topic in turn."""
    by_topic: dict[str, list[str]] = {}
    for item in items:
        card = cards.get(item.ref)
        if card is None or not card.seen:
            by_topic.setdefault(item.topic, []).append(item.ref)
    out: list[str] = []
    lists = list(by_topic.values())
    for depth in range(max((len(refs) for refs in lists), default=0)):
        out += [refs[depth] for refs in lists if depth < len(refs)]
    return out
