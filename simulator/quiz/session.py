"""One sitting of the quiz, in any of its three modes; the game and the terminal share it.

Pure: the caller passes the elapsed seconds and today's day number; randomness is a seeded
``random.Random`` held by the run, so a sitting is reproducible from its seed.

- *Latihan*: questions in a shuffled order (optionally of some topics); each answer is marked
  at once with the explanation and the article.
- *Ujian*: :data:`EXAM_SIZE` questions drawn across topics, :data:`EXAM_SECONDS` on the clock,
  nothing marked until the end; the pass mark is :data:`PASS_PERCENT`.
- *Ulangan*: the review queue of :mod:`simulator.quiz.schedule`; a missed question comes back
  again later in the same sitting.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Final

from simulator.core import forms
from simulator.core.answers import Answer, Key, is_right, key_of
from simulator.core.scoring import PASS_MARK
from simulator.schema.quiz import (
    BallotQuestion,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    QuizBank,
    QuizContest,
    SingleChoice,
    SituationQuestion,
    Topic,
    TrueFalse,
)
from simulator.schema.types import Difficulty

DIFFICULTY_ORDER: Final = (Difficulty.MUDAH, Difficulty.SEDANG, Difficulty.SULIT)
EXAM_SIZE: Final = 30
EXAM_SECONDS: Final = 30 * 60
PASS_PERCENT: Final = PASS_MARK
RETRY_GAP: Final = 3  # a question missed in Ulangan comes back after this many others
MAX_RETRIES: Final = 1


class Mode(str, Enum):
    LATIHAN = "latihan"
    UJIAN = "ujian"
    ULANGAN = "ulangan"

    def __str__(self) -> str:
        return str(self.value)


@dataclass(frozen=True, slots=True)
class Item:
    """A question ready to be asked: with its bank (for contests) and its answer key."""

    bank: QuizBank
    question: Question
    key: Key

    @property
    def ref(self) -> str:
        return f"{self.bank.bank}/{self.question.id}"

    @property
    def topic(self) -> str:
        return str(self.question.topic)

    @property
    def contest(self) -> QuizContest | None:
        """The bank contest a ballot or form question is about (the lint ensures it exists)."""
        name = self.question.contest if isinstance(self.question, BallotQuestion) else (
            self.question.task.contest if isinstance(self.question, Numeric)
            and self.question.task is not None else None)
        return self.bank.contest(name) if name is not None else None


def items_of(banks: Iterable[QuizBank]) -> list[Item]:
    """Every question of the banks with its key, in bank order.

    The banks must have passed the lint, so every key can be worked out; a question whose key
    cannot is a content error and raises.
    """
    return [Item(bank, question, key_of(question, bank)) for bank in banks
            for question in bank.questions]


def ballot_targets(contest: QuizContest) -> list[str]:
    """Every row a ballot of ``contest`` can be counted in, ``invalid`` last."""
    return [*forms.vote_targets(contest), "invalid"]


@dataclass(frozen=True, slots=True)
class Shown:
    """A question as presented: options or steps in the order shown (authored numbers)."""

    item: Item
    # authored option/step numbers (1-based) in display order, or for a situation the
    # engine's options by number; () if none
    order: tuple[int, ...]

    @property
    def values(self) -> tuple[Answer, ...]:
        """What each row shown stands for, top to bottom: an option or step number, true and
        false, the C.Hasil row a ballot may be counted in, or a situation's decision."""
        question = self.item.question
        situation = self.item.key.situation
        if isinstance(question, SituationQuestion) and situation is not None:
            return tuple(situation.options[n - 1] for n in self.order)
        if isinstance(question, TrueFalse):
            return (True, False)
        if isinstance(question, BallotQuestion):
            contest = self.item.contest
            assert contest is not None  # the lint guarantees it
            return tuple(ballot_targets(contest))
        return self.order


@dataclass(frozen=True, slots=True)
class Outcome:
    """One answer given (``None``: skipped or out of time) and whether it was right.

    ``counted`` is False for an answer given after the exam clock ran out: it ends the sitting,
    and is neither scored nor saved.
    """

    item: Item
    given: Answer | None
    right: bool
    seconds: float
    counted: bool = True


def percent(right: int, total: int) -> int:
    """A share as a whole percentage; 0 of nothing is 0."""
    return round(100 * right / total) if total else 0


@dataclass(frozen=True, slots=True)
class TopicScore:
    right: int
    total: int

    @property
    def percent(self) -> int:
        return percent(self.right, self.total)


@dataclass(frozen=True, slots=True)
class Result:
    mode: Mode
    right: int
    total: int  # questions in the sitting, unanswered included
    seconds: float
    time_up: bool
    by_topic: dict[str, TopicScore]

    @property
    def percent(self) -> int:
        return percent(self.right, self.total)

    @property
    def passed(self) -> bool:
        return self.percent >= PASS_PERCENT


@dataclass(slots=True)
class QuizRun:
    """A sitting: the queue of questions, the answers so far, and the clock limit."""

    mode: Mode
    queue: list[Item]
    rng: random.Random
    time_limit: float | None = None  # seconds; only Ujian has one
    outcomes: list[Outcome] = field(default_factory=list)
    retries: dict[str, int] = field(default_factory=dict)
    _shown: Shown | None = None
    _position: int = 0
    _ended_at: float | None = None

    @property
    def position(self) -> int:
        """How many questions have been asked (answered or skipped)."""
        return self._position

    @property
    def length(self) -> int:
        return len(self.queue)

    def current(self) -> Shown | None:
        """The question to answer now, or None when the sitting is over."""
        if self._ended_at is not None or self._position >= len(self.queue):
            return None
        if self._shown is None or self._shown.item is not self.queue[self._position]:
            self._shown = present(self.queue[self._position], self.rng)
        return self._shown

    def remaining(self, elapsed: float) -> float | None:
        """Seconds left on the exam clock, or None without one."""
        if self.time_limit is None:
            return None
        return max(0.0, self.time_limit - elapsed)

    def out_of_time(self, elapsed: float) -> bool:
        return self.time_limit is not None and elapsed >= self.time_limit

    def answer(self, given: Answer | None, elapsed: float) -> Outcome:
        """Record the answer to the current question and move on.

        An answer given after the exam clock ran out does not count: the sitting ends and the
        question is recorded unanswered.
        """
        shown = self.current()
        if shown is None:
            raise ValueError("the sitting is over; there is no question to answer")
        if self.out_of_time(elapsed):
            self.end(elapsed)
            return Outcome(shown.item, None, False, elapsed, counted=False)
        item = shown.item
        right = is_right(item.key, given)
        outcome = Outcome(item, given, right, elapsed)
        self.outcomes.append(outcome)
        self._position += 1
        if self.mode is Mode.ULANGAN and not right:
            self._retry_later(item)
        return outcome

    def _retry_later(self, item: Item) -> None:
        done = self.retries.get(item.ref, 0)
        if done >= MAX_RETRIES:
            return
        self.retries[item.ref] = done + 1
        at = min(len(self.queue), self._position + RETRY_GAP)
        self.queue.insert(at, item)

    def end(self, elapsed: float) -> None:
        """Stop the sitting now (the trainee quits, or the exam clock ran out)."""
        if self._ended_at is None:
            self._ended_at = elapsed

    @property
    def over(self) -> bool:
        return self.current() is None

    def result(self, elapsed: float) -> Result:
        """The score; in Ujian every question not answered counts as wrong."""
        total = len(self.queue) if self.mode is Mode.UJIAN else len(self.outcomes)
        asked: list[tuple[str, bool]] = [(o.item.topic, o.right) for o in self.outcomes]
        if self.mode is Mode.UJIAN:
            asked += [(item.topic, False) for item in self.queue[len(self.outcomes):]]
        by_topic: dict[str, TopicScore] = {}
        for topic, right in asked:
            score = by_topic.get(topic, TopicScore(0, 0))
            by_topic[topic] = TopicScore(score.right + right, score.total + 1)
        right_count = sum(1 for o in self.outcomes if o.right)
        seconds = self._ended_at if self._ended_at is not None else elapsed
        if self.time_limit is not None:
            seconds = min(seconds, self.time_limit)
        return Result(self.mode, right_count, total, seconds, self.out_of_time(elapsed),
                      dict(sorted(by_topic.items())))


def present(item: Item, rng: random.Random) -> Shown:
    """The item with its options or steps in the order to show them."""
    question = item.question
    if isinstance(question, SingleChoice | MultipleChoice):
        order = list(range(1, len(question.options) + 1))
        if question.shuffle:
            rng.shuffle(order)
        return Shown(item, tuple(order))
    if isinstance(question, Ordering):
        return Shown(item, _scrambled(len(question.steps), rng))
    situation = item.key.situation
    if isinstance(question, SituationQuestion) and situation is not None:
        # The engine lists the right decision first: the order shown must not tell.
        order = list(range(1, len(situation.options) + 1))
        rng.shuffle(order)
        return Shown(item, tuple(order))
    return Shown(item, ())


def _scrambled(count: int, rng: random.Random) -> tuple[int, ...]:
    """Steps in a random order that is never already the right one."""
    order = list(range(1, count + 1))
    while order == sorted(order):
        rng.shuffle(order)
    return tuple(order)


# --- Drawing the questions of a sitting ------------------------------------------------------


def practice_run(items: Sequence[Item], rng: random.Random,
                 topics: Iterable[str] | None = None) -> QuizRun:
    """Latihan over every question (of ``topics`` if given), shuffled, the easy ones first."""
    wanted = set(topics) if topics is not None else None
    chosen = [item for item in items if wanted is None or item.topic in wanted]
    rng.shuffle(chosen)
    # Easy questions first: practice builds up, as a bimtek session does.
    chosen.sort(key=lambda item: DIFFICULTY_ORDER.index(item.question.difficulty))
    return QuizRun(Mode.LATIHAN, chosen, rng)


def exam_run(items: Sequence[Item], rng: random.Random, size: int = EXAM_SIZE,
             seconds: float = EXAM_SECONDS) -> QuizRun:
    """Ujian: ``size`` questions spread over the topics as evenly as the bank allows."""
    by_topic: dict[str, list[Item]] = {}
    for item in items:
        by_topic.setdefault(item.topic, []).append(item)
    pools = list(by_topic.values())
    for pool in pools:
        rng.shuffle(pool)
    rng.shuffle(pools)
    chosen: list[Item] = []
    depth = 0
    while len(chosen) < size and any(depth < len(pool) for pool in pools):
        chosen += [pool[depth] for pool in pools if depth < len(pool)]
        depth += 1
    chosen = chosen[:size]
    rng.shuffle(chosen)
    return QuizRun(Mode.UJIAN, chosen, rng, time_limit=float(seconds))


def review_run(items: Sequence[Item], refs: Sequence[str], rng: random.Random) -> QuizRun:
    """Ulangan over the refs the schedule chose, in its order."""
    by_ref = {item.ref: item for item in items}
    return QuizRun(Mode.ULANGAN, [by_ref[ref] for ref in refs if ref in by_ref], rng)


def topics_of(items: Iterable[Item]) -> list[str]:
    """The topics present, in the order of :class:`Topic`."""
    present_topics = {item.topic for item in items}
    return [str(topic) for topic in Topic if str(topic) in present_topics]
