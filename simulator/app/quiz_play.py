"""The quiz in the game: the shipped banks, loaded once, and one sitting with its saves.

A sitting keeps its own clock (seconds of play, advanced by the scene's fixed-step update), so
the exam timer pauses while a dialog is open only if the scene stops advancing it, and tests
can drive time without waiting. Every answer is written to the save store as it is given.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from simulator.content.errors import Problem
from simulator.core.answers import Answer
from simulator.persistence.quiz_records import QuizRecords
from simulator.persistence.store import SaveStore, StoreError
from simulator.quiz.banks import load_banks
from simulator.quiz.schedule import review_queue
from simulator.quiz.session import (
    Item,
    Mode,
    Outcome,
    QuizRun,
    Result,
    exam_run,
    items_of,
    practice_run,
    review_run,
    topics_of,
)
from simulator.schema.plan_tag import PlanTag

if TYPE_CHECKING:
    from simulator.schema.plan import PlanTest

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QuizLibrary:
    """Every question of the shipped banks, and the problems of banks that did not load."""

    items: tuple[Item, ...]
    problems: tuple[Problem, ...]

    def topics(self) -> list[str]:
        return topics_of(self.items)

    def count(self, topic: str) -> int:
        return sum(1 for item in self.items if item.topic == topic)


def load_quiz_library() -> QuizLibrary:
    loaded = load_banks()
    for problem in loaded.problems:
        log.warning("quiz bank problem: %s %s", problem.file, problem.code)
    return QuizLibrary(tuple(items_of(loaded.banks)), loaded.problems)


def records_for(store: SaveStore | None, profile_id: int | None) -> QuizRecords | None:
    return QuizRecords(store, profile_id) if store is not None and profile_id is not None else None


def review_size(library: QuizLibrary, records: QuizRecords | None, today: date) -> int:
    """How many questions a review sitting would ask today (due ones, then new ones)."""
    if records is None:
        return 0
    try:
        return len(records.review_queue(library.items, today))
    except StoreError:
        return 0


@dataclass
class QuizPlay:
    """One sitting in the game."""

    run: QuizRun
    records: QuizRecords | None
    today: date
    elapsed: float = 0.0
    save_failed: bool = False
    plan: PlanTag | None = None  # the class plan's test this sitting is, if it is one
    _exam_saved: bool = field(default=False, repr=False)

    @classmethod
    def begin(cls, mode: Mode, library: QuizLibrary, records: QuizRecords | None, today: date,
              topic: str | None = None, seed: int | None = None) -> QuizPlay:
        rng = random.Random(seed)
        items = list(library.items)
        if mode is Mode.UJIAN:
            run = exam_run(items, rng)
        elif mode is Mode.ULANGAN:
            refs = records.review_queue(items, today) if records is not None else \
                review_queue(items, {}, today.toordinal())
            run = review_run(items, refs, rng)
        else:
            run = practice_run(items, rng, topics=[topic] if topic else None)
        return cls(run, records, today)

    @classmethod
    def for_plan(cls, test: PlanTest, tag: PlanTag, library: QuizLibrary,
                 records: QuizRecords | None, today: date, seed: int | None = None) -> QuizPlay:
        """A class plan's pre-test or post-test: its answers and result carry ``tag``."""
        from simulator.quiz.plan_tests import plan_test_run

        run = plan_test_run(test, list(library.items), random.Random(seed))
        return cls(run, records, today, plan=tag)

    def tick(self, seconds: float) -> None:
        self.elapsed += seconds

    @property
    def time_up(self) -> bool:
        return self.run.out_of_time(self.elapsed)

    def answer(self, given: Answer | None) -> Outcome:
        outcome = self.run.answer(given, self.elapsed)
        if self.records is not None and outcome.counted:
            self._save(outcome)
        return outcome

    def _save(self, outcome: Outcome) -> None:
        assert self.records is not None
        try:
            self.records.record_outcome(self.run.mode, outcome, self.today, plan=self.plan)
        except (StoreError, ValueError):
            log.exception("a quiz answer could not be saved")
            self.save_failed = True

    def finish(self) -> Result:
        """End the sitting (if it is not over) and save an exam's result once."""
        self.run.end(self.elapsed)
        result = self.run.result(self.elapsed)
        if self.run.mode is Mode.UJIAN and self.records is not None and not self._exam_saved:
            try:
                self.records.record_exam(result, plan=self.plan)
            except (StoreError, ValueError):
                log.exception("an exam result could not be saved")
                self.save_failed = True
            self._exam_saved = True
        return result
