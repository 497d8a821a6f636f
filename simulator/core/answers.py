"""The engine's answer to a quiz question: the answer key, where the rules decide it.

A ballot question is ruled by :func:`simulator.core.validity.judge`, a numeric form question by
the C.Hasil identities (:func:`simulator.core.forms.solve_cell`), a received-ballots question by
the reserve rule, a situation by the voter desk's decision or the event rules; the author's
stated ``answer`` only stands where the engine has no rule (a choice between worded options, a
plain fact). The lint reports a stated answer that disagrees.

Answers, as given by a trainee or kept in a log, are plain values per kind of question:

- single: the option number as authored (1-based), whatever order the options were shown in;
- multiple: the set of option numbers;
- true_false: a bool;
- ordering: the authored step numbers in the order the trainee put them;
- numeric: an int;
- ballot: the canonical target text (``pair:2``, ``kosong``, ``party:3/cand:1``, ``invalid``);
- situation: the code of a desk decision or an event response (:mod:`simulator.core.situations`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from simulator.core.domain import reserve
from simulator.core.forms import UnknownField, expected_received, solve_cell
from simulator.core.situations import SituationKey, SituationProblem, situation_key
from simulator.core.validity import Verdict, judge
from simulator.schema.quiz import (
    BallotQuestion,
    MultipleChoice,
    Numeric,
    NumericTask,
    Ordering,
    Question,
    QuizBank,
    SingleChoice,
    SituationQuestion,
    TrueFalse,
)
from simulator.schema.scenario import RuleSettings

Answer = Union[int, frozenset[int], bool, tuple[int, ...], str]

# Quiz questions teach the settled rules only: the regulation's defaults, never a scenario's
# options for what the handbook leaves open (§15).
SETTLED_RULES = RuleSettings()


class KeyProblem(ValueError):
    """The engine cannot work out a question's answer: a content error the lint reports."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class Key:
    """The right answer of one question, and where it comes from."""

    answer: Answer
    from_engine: bool
    verdict: Verdict | None = None  # for ballot questions: the ruling, with its variant code
    situation: SituationKey | None = None  # for situations: the options and the rule

def ballot_verdict(question: BallotQuestion, bank: QuizBank) -> Verdict:
    """The chair's ruling on the question's ballot, by the engine's validity rules."""
    contest = bank.contest(question.contest)
    if contest is None:
        raise KeyProblem("quiz.contest_unknown", contest=question.contest)
    try:
        return judge(question.paper, contest, bank.districts, SETTLED_RULES)
    except ValueError as error:
        raise KeyProblem("quiz.ballot_misfit", reason=str(error)) from None


def numeric_answer(task: NumericTask, bank: QuizBank) -> int:
    """The figure the engine computes for a numeric task."""
    if task.compute == "received":
        assert task.election is not None and task.dpt is not None  # the schema requires them
        return expected_received(task.dpt, task.election)
    if task.compute == "reserve":
        assert task.election is not None and task.dpt is not None
        return reserve(task.dpt, task.election)
    assert task.contest is not None and task.asks is not None
    contest = bank.contest(task.contest)
    if contest is None:
        raise KeyProblem("quiz.contest_unknown", contest=task.contest)
    try:
        value = solve_cell(task.given, task.asks, contest)
    except UnknownField as error:
        raise KeyProblem("quiz.cell_unknown", reason=str(error.args[0])) from None
    if value is None:
        raise KeyProblem("quiz.cell_undetermined", asks=task.asks)
    return value


def key_of(question: Question, bank: QuizBank) -> Key:
    """The right answer; raises :class:`KeyProblem` when the engine cannot work it out."""
    if isinstance(question, BallotQuestion):
        verdict = ballot_verdict(question, bank)
        return Key(str(verdict.counted_as), True, verdict)
    if isinstance(question, Numeric) and question.task is not None:
        return Key(numeric_answer(question.task, bank), True)
    if isinstance(question, SituationQuestion):
        try:
            found = situation_key(question)
        except SituationProblem as problem:
            raise KeyProblem(problem.code, **problem.params) from None
        return Key(found.answer, True, situation=found)
    return Key(stated_answer(question), False)


def stated_answer(question: Question) -> Answer:
    """The answer as the author wrote it, in the form a trainee's answer takes."""
    if isinstance(question, MultipleChoice):
        return frozenset(question.answer)
    if isinstance(question, Ordering):
        return tuple(range(1, len(question.steps) + 1))
    assert isinstance(question, SingleChoice | TrueFalse | Numeric | BallotQuestion
                      | SituationQuestion)
    return question.answer


def is_right(key: Key, given: Answer | None) -> bool:
    """Whether ``given`` is the right answer (``None``: not answered, which is wrong)."""
    if given is None or isinstance(given, bool) != isinstance(key.answer, bool):
        return False
    return given == key.answer
