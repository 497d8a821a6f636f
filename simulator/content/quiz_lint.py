"""The quiz bank lint: what the schema cannot see, above all an answer the engine contradicts.

A question whose stated answer disagrees with the engine would teach a wrong rule, so it is an
error with the engine's answer in the message; so is a ballot or a form figure the engine cannot
rule on. The rest are cross-references (contests, parties, handbook sections), duplicates, and
one rule of wording: a question on a rule of one election names that election
(:func:`check_elections`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from typing import Final, TypeVar

from simulator.content.errors import Anchor, Issue, Level, PathPart
from simulator.content.lint import contest_number_issues, fictional_issues, mark_issues
from simulator.core.answers import KeyProblem, key_of, stated_answer
from simulator.core.domain import BALLOT_ORDER, LAYOUT_OF
from simulator.core.situations import DEFAULT_TYPES
from simulator.schema.clock import to_minutes
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
    SituationQuestion,
)
from simulator.schema.types import BallotType, ElectionType, Layout

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


_P, _K = ElectionType.PEMILU_2024, ElectionType.PILKADA_2024

# The HANDBOOK sections whose heading carries [P] or [K] alone: their rules hold in one election.
# A section tagged [P+K], or not tagged (its rows are tagged one by one), scopes nothing.
# tests/test_quiz_elections.py keeps this equal to the headings where the notes are checked out.
SECTION_ELECTION: Final[dict[str, ElectionType]] = {
    "7.3": _P, "7.4": _P, "7.5": _P, "11.1": _P, "12": _P, "18.1": _P,
    "7.6": _K, "11.2": _K, "18.2": _K,
}  # fmt: skip

# The MISTAKES.md entries scoped [P] or [K] alone (the others are [P+K]); kept equal to the notes
# by the same test.
MISTAKE_ELECTION: Final[dict[str, ElectionType]] = {
    "M02": _P, "M20": _P, "M32": _P, "M34": _P, "M35": _P, "M41": _P, "M42": _P, "M47": _P,
    "M63": _P,
    "M36": _K,
}  # fmt: skip

# What names an election in a question's text: its name, or a ballot only it has (a question on
# the C.Hasil-DPR or on the Bupati ballot cannot be about the other election).
_ELECTION_WORDS: Final[dict[ElectionType, dict[str, str]]] = {
    _P: {
        "id": r"Pemilu|pemilihan umum|Pilpres|Pileg|PPWP|DPRD?|DPD",
        "en": r"Pemilu|general election|presidential election|legislative election"
              r"|PPWP|DPRD?|DPD",
    },
    _K: {
        "id": r"Pilkada|pemilihan kepala daerah|Gubernur|Bupati|Wali ?kota",
        "en": r"Pilkada|regional election|regional head election|Gubernur|Bupati|Wali ?kota"
              r"|governor|regent|mayor",
    },
}
ELECTION_NAMED: Final[dict[ElectionType, dict[str, re.Pattern[str]]]] = {
    election: {lang: re.compile(rf"\b(?:{words})\b", re.IGNORECASE)
               for lang, words in by_lang.items()}
    for election, by_lang in _ELECTION_WORDS.items()
}
# Shown in the message: the election (a proper name in both languages) and what to write.
_ELECTION_NAME: Final[dict[ElectionType, str]] = {_P: "Pemilu 2024", _K: "Pilkada 2024"}
_EXAMPLES: Final[dict[ElectionType, dict[str, str]]] = {
    _P: {"id": "'Pemilu 2024'", "en": "'2024 Pemilu', 'general election'"},
    _K: {"id": "'Pilkada 2024'", "en": "'2024 Pilkada', 'regional election'"},
}


def check_elections(bank: QuizBank) -> list[Issue]:
    """A question on a rule the handbook scopes to one election names that election in its text,
    in both languages.

    A question is scoped to an election, mechanically, by any of:

    - its ``section``, when that HANDBOOK heading is tagged [P] or [K] alone
      (:data:`SECTION_ELECTION`: the Pemilu ballots, §7.3-§7.5; its re-votes and crimes, §11.1,
      §12 and §18.1; the Pilkada ballots, re-votes and crimes, §7.6, §11.2 and §18.2);
    - any of its ``mistakes`` scoped [P] or [K] alone in MISTAKES.md (:data:`MISTAKE_ELECTION`):
      training a one-election mistake teaches that election's rule;
    - a numeric ``task``'s ``election``: its answer (the reserve) differs between the two.

    Its ``text`` then names the election in each language (:data:`ELECTION_NAMED`): by name
    ("Pemilu", "Pilpres", "Pilkada", "general election", "regional election" ...) or by a ballot
    only that election has (PPWP, DPR, DPD, DPRD; Gubernur, Bupati, Walikota). A ballot question
    is exempt: the ballot it shows is of one election, and its type is printed on it. The bank's
    title does not count, because an Ujian or an Ulangan draws from every bank and shows no
    title. The regulation cited does not scope a question: the handbook found many rules of both
    elections in the Pemilu regulation, so it would cry wolf.
    """
    issues: list[Issue] = []
    for i, question in enumerate(bank.questions):
        if isinstance(question, BallotQuestion) or question.text is None:
            continue
        for election, (code, params) in _scopes(question).items():
            for lang in ("id", "en"):
                if not ELECTION_NAMED[election][lang].search(question.text.get(lang)):
                    issues.append(Issue(("questions", i, "text", lang), "quiz.election_unnamed",
                                        {"election": _ELECTION_NAME[election],
                                         "words": _EXAMPLES[election][lang], **params},
                                        key=f"content.quiz.{code}"))
    return issues


def _scopes(question: Question) -> dict[ElectionType, tuple[str, dict[str, object]]]:
    """Each election the question is scoped to, with why (a message key and its parameters);
    the section is named before the mistakes, the mistakes before the task."""
    scopes: dict[ElectionType, tuple[str, dict[str, object]]] = {}
    if question.section in SECTION_ELECTION:
        scopes[SECTION_ELECTION[question.section]] = (
            "election_of_section", {"section": question.section})
    for election in (_P, _K):
        mistakes = [m for m in question.mistakes if MISTAKE_ELECTION.get(m) is election]
        if mistakes and election not in scopes:
            scopes[election] = ("election_of_mistakes", {"mistakes": ", ".join(mistakes)})
    if isinstance(question, Numeric) and question.task is not None \
            and question.task.election is not None and question.task.election not in scopes:
        scopes[question.task.election] = ("election_of_task", {})
    return scopes


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


def check_situations(bank: QuizBank) -> list[Issue]:
    """A situation's ballots are its election's, and a Pilkada TPS has a regent's or a mayor's
    ballot, not both; what has run out, and what a Model A names, are this TPS's ballots."""
    issues: list[Issue] = []
    for i, question in enumerate(bank.questions):
        if not isinstance(question, SituationQuestion):
            continue
        allowed = BALLOT_ORDER[question.election]
        types = list(question.ballot_types) or list(DEFAULT_TYPES[question.election])
        for field, listed in (("ballot_types", question.ballot_types),
                              ("out_of", question.out_of)):
            issues += [_issue(("questions", i, field, j), "lint.contest.election",
                              ballot=str(ballot), election=str(question.election),
                              allowed=", ".join(map(str, allowed)))
                       for j, ballot in enumerate(listed) if ballot not in allowed]
        if {BallotType.BUPATI, BallotType.WALIKOTA} <= set(types):
            issues.append(_issue(("questions", i, "ballot_types"), "lint.contest.both_regents"))
        issues += [_issue(("questions", i, "out_of", j), "quiz.situation_ballot_absent",
                          ballot=str(ballot), types=", ".join(map(str, types)))
                   for j, ballot in enumerate(question.out_of)
                   if ballot in allowed and ballot not in types]
        if question.event is not None and question.event.ballot is not None \
                and question.event.ballot not in allowed:
            issues.append(_issue(("questions", i, "event", "ballot"), "lint.contest.election",
                                 ballot=str(question.event.ballot),
                                 election=str(question.election),
                                 allowed=", ".join(map(str, allowed))))
        if question.voter is not None and question.event is None and question.at is not None \
                and to_minutes(question.at) < to_minutes(question.voter.arrives):
            issues.append(_issue(("questions", i, "at"), "quiz.situation_before_arrival",
                                 at=question.at, arrives=question.voter.arrives))
    return issues


def _problem_field(question: Question) -> tuple[PathPart, ...]:
    """Where a problem with the engine's answer points: the figure asked, the case, or the
    answer."""
    if isinstance(question, Numeric):
        return ("task", "asks")
    if isinstance(question, SituationQuestion):
        return ("event",) if question.event is not None else ("voter",)
    return ("answer",)


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
            issues.append(_issue(("questions", i, *_problem_field(question)), problem.code,
                                 **_shown(problem.params)))
            continue
        stated = stated_answer(question)
        if key.from_engine and key.answer != stated:
            code, params = "quiz.answer_disagrees", {}
            if key.verdict is not None:
                code, params = "quiz.answer_disagrees_ballot", {"variant": str(key.verdict.code)}
            elif key.situation is not None:
                code = "quiz.answer_disagrees_situation"
                params = {"basis": key.situation.basis or key.situation.rule or "",
                          "options": ", ".join(key.situation.options)}
            issues.append(_issue(loc, code, stated=repr(stated), engine=repr(key.answer),
                                 **params))
    return issues


def _shown(params: dict[str, object]) -> dict[str, object]:
    return {name: repr(value) if name in ("contest", "asks") else value
            for name, value in params.items()}


def lint_quiz(bank: QuizBank, known_rules: Collection[str] | None = None) -> list[Issue]:
    """Every problem the schema cannot see; ``known_rules`` is unused (a scenario's concern)."""
    del known_rules
    issues = check_ids(bank) + check_contests(bank) + check_sections(bank) + check_texts(bank)
    issues += check_elections(bank)
    issues += fictional_issues(bank.parties, bank.contests)
    paper = check_ballots(bank) + check_numeric_contests(bank) + check_situations(bank)
    blocked = {int(issue.loc[1]) for issue in paper}
    # A contest with an error cannot rule on its ballots: its questions' answers are not checked.
    broken = {bank.contests[int(issue.loc[1])].id for issue in issues
              if issue.loc[0] == "contests" and issue.level == "error"}
    blocked |= {i for i, q in enumerate(bank.questions)
                if getattr(q, "contest", None) in broken
                or (isinstance(q, Numeric) and q.task is not None and q.task.contest in broken)}
    return issues + paper + check_answers(bank, blocked)
