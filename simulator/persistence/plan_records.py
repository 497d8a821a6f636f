"""A trainee's progress through a class plan, read from the save file: which tests were sat
and which scenarios played (to the end) as steps of that plan.

Only results recorded as part of the plan count: a scenario played from the picker, or an exam
sat from the quiz menu, is not a step of any plan. The pre-test is sat once (it measures what
the trainee knew before the class); a scenario or the post-test may be done again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from simulator.persistence.store import SaveStore, _checked
from simulator.schema.plan import PlanStep
from simulator.schema.plan_tag import PlanPart


@dataclass(frozen=True, slots=True)
class StepState:
    """One step of a plan for one trainee."""

    number: int
    part: PlanPart
    scenario: str | None
    done: bool  # the test sat, or the scenario played to its end
    unfinished: bool = False  # a day of this step begun and not ended (it can be resumed)
    score: int | None = None  # the latest: a test's percentage, a day's score

    @property
    def can_start(self) -> bool:
        """The pre-test is sat once; every other step may be done again."""
        return not (self.part == "pre" and self.done)


@dataclass(frozen=True, slots=True)
class PlanDone:
    """What the save file holds of one plan for one profile."""

    tests: dict[str, int]  # part ("pre", "post") → the latest sitting's percentage
    played: dict[str, int]  # scenario id → the latest finished day's score
    unfinished: frozenset[str]  # scenario ids with a day begun and neither ended nor set aside


def plan_done(store: SaveStore, profile_id: int, plan_id: str) -> PlanDone:
    with store.guarded() as connection:
        exams = connection.execute(
            "SELECT plan_part, correct, total FROM quiz_exams"
            " WHERE profile_id = ? AND plan = ? ORDER BY id",
            (profile_id, plan_id),
        ).fetchall()
        runs = connection.execute(
            "SELECT scenario_id, finished IS NOT NULL, score, set_aside IS NOT NULL FROM runs"
            " WHERE profile_id = ? AND plan = ? AND plan_part = 'play' ORDER BY id",
            (profile_id, plan_id),
        ).fetchall()
    tests: dict[str, int] = {}
    for row in exams:
        part, correct, total = _checked(row, (str, int, int))
        tests[part] = round(100 * correct / total) if total else 0
    played: dict[str, int] = {}
    unfinished: set[str] = set()
    for row in runs:
        scenario, finished, score, aside = _checked(row, (str, int, (int, type(None)), int))
        if finished:
            played[scenario] = score or 0
            unfinished.discard(scenario)
        elif not aside:
            unfinished.add(scenario)
    return PlanDone(tests, played, frozenset(unfinished))


def step_states(steps: Sequence[PlanStep], done: PlanDone) -> list[StepState]:
    """Each step with what this trainee has done of it."""
    states = []
    for number, part, scenario in ((s.number, s.part, s.scenario) for s in steps):
        if scenario is None:
            score = done.tests.get(part)
            states.append(StepState(number, part, None, score is not None, score=score))
        else:
            score = done.played.get(scenario)
            states.append(StepState(number, part, scenario, score is not None,
                                    scenario in done.unfinished, score))
    return states


def next_step(states: list[StepState]) -> StepState | None:
    """The first step not done yet, in the plan's order (None when every step is done)."""
    return next((state for state in states if not state.done), None)
