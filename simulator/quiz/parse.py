"""A typed answer (terminal, or the game's number entry) read into the value the key holds."""

from __future__ import annotations

import re
from datetime import date

from simulator.core.answers import Answer
from simulator.quiz.session import Shown
from simulator.schema.bounded import Unreadable, whole_number
from simulator.schema.quiz import (
    BallotQuestion,
    MultipleChoice,
    Numeric,
    Ordering,
    SingleChoice,
    SituationQuestion,
    TrueFalse,
)

TRUE_WORDS = frozenset({"b", "benar", "t", "true", "y", "ya", "yes"})
FALSE_WORDS = frozenset({"s", "salah", "f", "false", "n", "no", "tidak"})
_GROUPED = re.compile(r"^[0-9]{1,3}([.,][0-9]{3})+$")  # 1.234 or 1,234: a thousands separator
MAX_NUMERIC = 999_999_999  # the largest figure a numeric answer holds
MAX_CHOICE = 10_000  # more than any question's choices


class AnswerError(ValueError):
    """What was typed cannot be an answer; ``key`` and ``params`` say why, in words."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _numbers(text: str) -> list[int]:
    parts = [p for p in re.split(r"[\s,;]+", text.strip()) if p]
    if not parts or any(p[0] in "+-" for p in parts):
        raise AnswerError("quiz.input.numbers")
    try:
        return [whole_number(p, 0, MAX_CHOICE) for p in parts]
    except Unreadable:
        raise AnswerError("quiz.input.numbers") from None


def parse_answer(shown: Shown, text: str, /) -> Answer:
    """The answer ``text`` stands for, for the question as ``shown``; :class:`AnswerError`
    when it cannot be one (the trainee is asked again, nothing is recorded)."""
    question = shown.item.question
    cleaned = text.strip().casefold()
    if isinstance(question, TrueFalse):
        if cleaned in TRUE_WORDS or cleaned == "1":
            return True
        if cleaned in FALSE_WORDS or cleaned == "2":
            return False
        raise AnswerError("quiz.input.true_false")
    if isinstance(question, Numeric):
        digits = re.sub(r"[.,]", "", cleaned) if _GROUPED.match(cleaned) else cleaned
        if digits[:1] in ("+", "-"):
            raise AnswerError("quiz.input.whole_number")
        try:
            return whole_number(digits, 0, MAX_NUMERIC)
        except Unreadable:
            raise AnswerError("quiz.input.whole_number") from None
    values = shown.values
    count = len(values)
    numbers = _numbers(cleaned)
    if any(not 1 <= n <= count for n in numbers):
        raise AnswerError("quiz.input.range", count=count)
    if isinstance(question, SingleChoice | BallotQuestion | SituationQuestion):
        if len(numbers) != 1:
            raise AnswerError("quiz.input.one")
        return values[numbers[0] - 1]
    if isinstance(question, MultipleChoice):
        if len(set(numbers)) != len(numbers):
            raise AnswerError("quiz.input.twice")
        return frozenset(values[n - 1] for n in numbers)  # type: ignore[misc]
    assert isinstance(question, Ordering)
    if sorted(numbers) != list(range(1, count + 1)):
        raise AnswerError("quiz.input.ordering", count=count)
    return tuple(values[n - 1] for n in numbers)  # type: ignore[misc]


_DATE = re.compile(r"^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})$")


def parse_day(text: str) -> date | None:
    """A date typed as DD-MM-YYYY (or with / or .), or ISO YYYY-MM-DD; None if it is not one."""
    text = text.strip()
    match = _DATE.match(text)
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        return date.fromisoformat(text)
    except ValueError:
        return None


def read_polling_day(text: str, today: date) -> date:
    """The polling day a trainee typed: a date, not before ``today``; :class:`AnswerError`
    with the reason otherwise (the game and the terminal say the same)."""
    day = parse_day(text)
    if day is None:
        raise AnswerError("quiz.menu.polling_bad", text=text.strip())
    if day < today:
        raise AnswerError("quiz.menu.polling_before_today")
    return day
