"""The quiz bank lint: what the schema cannot see, above all an answer the engine contradicts.

A question whose stated answer disagrees with the engine would teach a wrong rule, so it is an
error with the engine's answer in the message; so is a ballot or a form figure the engine cannot
rule on. The rest are cross-references (contests, parties, handbook sections) and duplicates.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TypeVar

from simulator.content.errors import Anchor, Issue, Level, PathPart
from simulator.content.lint import contest_number_issues, fictional_issues, mark_issues
from simulator.core.answers import KeyProblem, key_of, stated_answer
from simulator.core.domain import BALLOT_ORDER, LAYOUT_OF
from simulator.schema.quiz import (
    HANDBOOK_SECTIONS,
    TOPIC_SECTIONS,
    BallotQuestion,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    QuizBank,
    SingleChoice,
)
from simulator.schema.types import Layout

Loc = tuple[PathPart, ...]
T = TypeVar("T")

_LIST_OF_LAYOUT = {Layout.PAIR: "pairs", Layout.PARTY_LIST: "slates",
                   Layout.INDIVIDUAL: "candidates"}


def _issue(loc: Loc, code: str, /, level: Level = "error", anchor: Anchor = "value",
           **params: object) -> Issue:
    return Issue(loc, code, params, level=level, anchor=anchor)


def _repeats(values: Iterable[T]) -> Iterable[tuple[int, T]]:
    seen: set[T] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield index, value
        seen.add(value)


def check_ids(bank: QuizBank) -> list[Issue]:
    issues = [_issue(("questions", i, "id"), "quiz.duplicate_id", id=repr(value))
              for i, value in _repeats(q.id for q in bank.questions)]
    issues += [_issue(("contests", i, "id"), "quiz.duplicate_contest", id=repr(value))
               for i, value in _repeats(c.id for c in bank.contests)]
    issues += [_issue(("parties", i, "number"), "lint.party.duplicate_number", number=value)
               for i, value in _repeats(p.number for p in bank.parties)]
    return issues


def check_contests(bank: QuizBank) -> list[Issue]:
    issues: list[Issue] = []
    parties = {party.number for party in bank.parties}
    for i, contest in enumerate(bank.contests):
        allowed = BALLOT_ORDER[contest.election]
        if contest.ballot not in allowed:
            issues.append(_issue(("contests", i, "ballot"), "lint.contest.election",
                                 ballot=str(contest.ballot), election=str(contest.election),
                                 allowed=", ".join(map(str, allowed))))
        wanted = _LIST_OF_LAYOUT[LAYOUT_OF[contest.ballot]]
        if not getattr(contest, wanted):
            issues.append(_issue(("contests", i), "lint.contest.empty",
                                 ballot=str(contest.ballot), list=wanted))
        issues += [_issue(("contests", i, "slates", j, "party"), "lint.party.undefined",
                          number=slate.party)
                   for j, slate in enumerate(contest.slates) if slate.party not in parties]
        issues += contest_number_issues(("contests", i), contest)
    return issues


def check_sections(bank: QuizBank) -> list[Issue]:
    issues: list[Issue] = []
    for i, question in enumerate(bank.questions):
        loc = ("questions", i, "section")
        if question.section not in HANDBOOK_SECTIONS:
            issues.append(_issue(loc, "quiz.section_unknown", section=repr(question.section),
                                 allowed=", ".join(HANDBOOK_SECTIONS)))
        elif question.section not in TOPIC_SECTIONS[question.topic]:
            issues.append(_issue(loc, "quiz.section_topic", section=repr(question.section),
                                 topic=str(question.topic),
                                 allowed=", ".join(TOPIC_SECTIONS[question.topic])))
    return issues


def check_texts(bank: QuizBank) -> list[Issue]:
    """Options and steps must differ from each other, or the question cannot be answered."""
    issues: list[Issue] = []
    for i, question in enumerate(bank.questions):
        field, items = _choices(question)
        for lang in ("id", "en"):
            issues += [_issue(("questions", i, field, j, lang), "quiz.duplicate_option",
                              text=repr(value))
                       for j, value in _repeats(getattr(item, lang).casefold()
                                                for item in items)]
        if isinstance(question, MultipleChoice) and len(question.answer) == len(question.options):
            issues.append(_issue(("questions", i, "answer"), "quiz.all_options_right",
                                 level="warning"))
    return issues


def _choices(question: Question) -> tuple[str, Sequence[object]]:
    if isinstance(question, SingleChoice | MultipleChoice):
        return "options", question.options
    if isinstance(question, Ordering):
        return "steps", question.steps
    return "options", ()


def check_ballots(bank: QuizBank) -> list[Issue]:
    """A ballot question's paper fits its contest (type, columns that exist)."""
    issues: list[Issue] = []
    for i, question in enumerate(bank.questions):
        if not isinstance(question, BallotQuestion):
            continue
        contest = bank.contest(question.contest)
        if contest is None:
            issues.append(_issue(("questions", i, "contest"), "quiz.contest_unknown",
                                 contest=repr(question.contest),
                                 known=", ".join(c.id for c in bank.contests) or "-"))
            continue
        if question.paper.ballot is not contest.ballot:
            issues.append(_issue(("questions", i, "paper", "ballot"), "quiz.paper_type",
                                 ballot=str(question.paper.ballot), contest=contest.id,
                                 expected=str(contest.ballot)))
            continue
        for j, mark in enumerate(question.paper.marks):
            issues += mark_issues(mark, contest, ("questions", i, "paper", "marks", j))
    return issues


def check_numeric_contests(bank: QuizBank) -> list[Issue]:
    return [
        _issue(("questions", i, "task", "contest"), "quiz.contest_unknown",
               contest=repr(q.task.contest), known=", ".join(c.id for c in bank.contests) or "-")
        for i, q in enumerate(bank.questions)
        if isinstance(q, Numeric) and q.task is not None and q.task.contest is not None
        and bank.contest(q.task.contest) is None
    ]


def check_answers(bank: QuizBank, blocked: set[int]) -> list[Issue]:
    """The stated answer is the engine's, wherever the engine knows it."""
    issues: list[Issue] = []
    for i, question in enumerate(bank.questions):
        if i in blocked:
            continue
        loc: Loc = ("questions", i, "answer")
        try:
            key = key_of(question, bank)
        except KeyProblem as problem:
            where = ("questions", i, "task", "asks") if isinstance(question, Numeric) else loc
            issues.append(_issue(where, problem.code, **_shown(problem.params)))
            continue
        stated = stated_answer(question)
        if key.from_engine and key.answer != stated:
            code = "quiz.answer_disagrees_ballot" if key.verdict is not None \
                else "quiz.answer_disagrees"
            variant = str(key.verdict.code) if key.verdict is not None else ""
            issues.append(_issue(loc, code, stated=repr(stated), engine=repr(key.answer),
                                 variant=variant))
    return issues


def _shown(params: dict[str, object]) -> dict[str, object]:
    return {name: repr(value) if name in ("contest", "asks") else value
            for name, value in params.items()}


def lint_quiz(bank: QuizBank, known_rules: Collection[str] | None = None) -> list[Issue]:
    """Every problem the schema cannot see; ``known_rules`` is unused (a scenario's concern)."""
    del known_rules
    issues = check_ids(bank) + check_contests(bank) + check_sections(bank) + check_texts(bank)
    issues += fictional_issues(bank.parties, bank.contests)
    paper = check_ballots(bank) + check_numeric_contests(bank)
    blocked = {int(issue.loc[1]) for issue in paper}
    # A contest with an error cannot rule on its ballots: its questions' answers are not checked.
    broken = {bank.contests[int(issue.loc[1])].id for issue in issues
              if issue.loc[0] == "contests" and issue.level == "error"}
    blocked |= {i for i, q in enumerate(bank.questions)
                if getattr(q, "contest", None) in broken
                or (isinstance(q, Numeric) and q.task is not None and q.task.contest in broken)}
    return issues + paper + check_answers(bank, blocked)
