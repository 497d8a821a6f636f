"""A class plan's pre-test or post-test as a quiz sitting: Ujian (no answer marked until the
end) over exactly the plan's questions, or an exam drawn from the plan's banks and topics."""

from __future__ import annotations

import random
from collections.abc import Sequence

from simulator.quiz.session import Item, Mode, QuizRun, exam_run
from simulator.schema.plan import PlanTest


def find_item(ref: str, items: Sequence[Item]) -> Item | None:
    """The question a plan names: ``bank/id``, or an id (the first bank that has it; the
    plan's lint refuses an id two banks share)."""
    if "/" in ref:
        return next((item for item in items if item.ref == ref), None)
    return next((item for item in items if item.question.id == ref), None)


def plan_test_run(test: PlanTest, items: Sequence[Item], rng: random.Random) -> QuizRun:
    """The sitting of one plan test. A listed question missing from ``items`` (a bank that
    no longer loads) is left out rather than stopping the class."""
    if test.questions is not None:
        found = [find_item(ref, items) for ref in test.questions]
        chosen = [item for item in found if item is not None]
        return QuizRun(Mode.UJIAN, chosen, rng, time_limit=float(test.seconds))
    draw = test.draw
    assert draw is not None  # the schema allows exactly one of questions and draw
    topics = {str(topic) for topic in draw.topics} if draw.topics is not None else None
    pool = [item for item in items
            if (draw.banks is None or item.bank.bank in draw.banks)
            and (topics is None or item.topic in topics)]
    return exam_run(pool, rng, size=draw.count, seconds=test.seconds)
