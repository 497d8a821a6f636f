"""What a class's statements say: the class at a glance, the mistakes most trainees made, and
the quiz items as Moodle's item analysis reads them (the first part of the class report).

Pure: statements come in as the dictionaries ``simulator.xapi.statements`` makes (read from
exports); nothing here reads a file or a clock. A statement seen twice (the same export given
twice, or two exports of the same laptop) counts once: statements are keyed by their id.

Moodle's item analysis, per question, over the trainees who answered it (each trainee's last
answer to it, scored 1 or 0):

- facility index: the mean score, as a percentage (how easy the item was);
- discrimination index: the correlation between the score on the item and the score on the rest
  of the quiz (the trainee's share right on every other item they answered), times 100: a good
  item is answered right by those who do well elsewhere. Under 0 the key is likely wrong;
  under 20 the item tells the trainees apart weakly (Moodle's own reading of the index).
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from simulator.xapi.statements import PROJECT_IRI, extension

WEAK_DISCRIMINATION = 20  # under this Moodle calls an item's discrimination weak
EASY, HARD = 95, 5  # facility beyond these: the item tells almost nobody apart
FOLLOW_UP_PERCENT = 75  # a trainee under this on a topic, or a day not passed, needs help
LEAST_FOR_DISCRIMINATION = 3  # trainees an item needs before a correlation means anything


@dataclass(frozen=True, slots=True)
class ClassSummary:
    trainees: int
    days: int
    days_passed: int
    exams: int
    exams_passed: int


@dataclass(frozen=True, slots=True)
class MistakeShare:
    mistake: str  # a MISTAKES.md id
    phase: str
    trainees: int  # how many made it at least once
    share: float  # of the trainees who played at least one day


@dataclass(frozen=True, slots=True)
class ItemAnalysis:
    question: str
    answered_by: int
    facility: float  # percent
    discrimination: float | None  # percent; None with too few trainees or no spread
    flags: tuple[str, ...]  # "negative", "weak", "too_easy", "too_hard"


@dataclass(frozen=True, slots=True)
class FollowUp:
    trainee: str  # the trainee's name
    weak_topics: tuple[str, ...]  # topics under FOLLOW_UP_PERCENT
    days_not_passed: int


def distinct(statements: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The statements once each, by id, in the order first seen."""
    seen: dict[str, Mapping[str, Any]] = {}
    for statement in statements:
        seen.setdefault(str(statement.get("id")), statement)
    return list(seen.values())


def trainee_of(statement: Mapping[str, Any]) -> str:
    """A trainee's key: the account (laptop and profile), which a name alone is not."""
    account = statement.get("actor", {}).get("account", {})
    return f"{account.get('homePage', '')}#{account.get('name', '')}"


def verb_of(statement: Mapping[str, Any]) -> str:
    return str(statement.get("verb", {}).get("id", "")).rsplit("/", 1)[-1]


def summary(statements: list[Mapping[str, Any]]) -> ClassSummary:
    days = [s for s in statements if verb_of(s) == "completed"]
    exams = [s for s in statements if verb_of(s) in ("passed", "failed")]
    return ClassSummary(
        trainees=len({trainee_of(s) for s in statements}),
        days=len(days),
        days_passed=sum(1 for s in days if s.get("result", {}).get("success")),
        exams=len(exams),
        exams_passed=sum(1 for s in exams if verb_of(s) == "passed"),
    )


def frequent_mistakes(statements: list[Mapping[str, Any]]) -> list[MistakeShare]:
    """Each MISTAKES entry made in a day, with the share of the day-playing trainees who made
    it at least once; the most widespread first."""
    players: set[str] = set()
    made: dict[tuple[str, str], set[str]] = defaultdict(set)
    for statement in statements:
        if verb_of(statement) != "completed":
            continue
        who = trainee_of(statement)
        players.add(who)
        findings = statement.get("result", {}).get("extensions", {}).get(
            extension("findings"), []
        )
        for finding in findings if isinstance(findings, list) else []:
            for mistake in finding.get("mistakes", []) if isinstance(finding, dict) else []:
                made[(str(mistake), str(finding.get("phase", "")))].add(who)
    shares = [
        MistakeShare(mistake, phase, len(who), len(who) / max(1, len(players)))
        for (mistake, phase), who in made.items()
    ]
    return sorted(shares, key=lambda s: (-s.trainees, s.mistake, s.phase))


def last_answers(statements: list[Mapping[str, Any]]) -> dict[str, dict[str, tuple[int, str]]]:
    """Per trainee, per question: the last answer's score (1 or 0) and its topic."""
    answers: dict[str, dict[str, tuple[str, int, str]]] = defaultdict(dict)
    for statement in statements:
        if verb_of(statement) != "answered":
            continue
        question = str(statement.get("object", {}).get("id", ""))
        question = question.removeprefix(f"{PROJECT_IRI}/question/")
        when = str(statement.get("timestamp", ""))
        score = 1 if statement.get("result", {}).get("success") else 0
        topic = str(statement.get("context", {}).get("extensions", {}).get(extension("topic"), ""))
        known = answers[trainee_of(statement)].get(question)
        if known is None or when >= known[0]:
            answers[trainee_of(statement)][question] = (when, score, topic)
    return {
        who: {question: (score, topic) for question, (_, score, topic) in items.items()}
        for who, items in answers.items()
    }


def item_analysis(statements: list[Mapping[str, Any]]) -> list[ItemAnalysis]:
    """Moodle's facility and discrimination indices for every question answered."""
    answers = last_answers(statements)
    questions = sorted({q for items in answers.values() for q in items})
    found = []
    for question in questions:
        scores, rests = [], []
        for items in answers.values():
            if question not in items:
                continue
            others = [score for q, (score, _) in items.items() if q != question]
            scores.append(items[question][0])
            rests.append(sum(others) / len(others) if others else math.nan)
        facility = 100 * sum(scores) / len(scores)
        discrimination = _discrimination(scores, rests)
        flags = []
        if discrimination is not None and discrimination < 0:
            flags.append("negative")
        elif discrimination is not None and discrimination < WEAK_DISCRIMINATION:
            flags.append("weak")
        if facility > EASY:
            flags.append("too_easy")
        elif facility < HARD:
            flags.append("too_hard")
        found.append(ItemAnalysis(question, len(scores), facility, discrimination, tuple(flags)))
    return found


def follow_ups(statements: list[Mapping[str, Any]]) -> list[FollowUp]:
    """The trainees who need help: a topic under the mark (by their last answers), or a day
    not passed; weakest first."""
    names = {trainee_of(s): str(s.get("actor", {}).get("name", "")) for s in statements}
    failed_days: dict[str, int] = defaultdict(int)
    for statement in statements:
        if verb_of(statement) == "completed" and not statement.get("result", {}).get("success"):
            failed_days[trainee_of(statement)] += 1
    by_topic: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for who, items in last_answers(statements).items():
        for score, topic in items.values():
            by_topic[who][topic].append(score)
    found = []
    for who in names:
        weak = tuple(
            sorted(
                topic
                for topic, scores in by_topic.get(who, {}).items()
                if 100 * sum(scores) / len(scores) < FOLLOW_UP_PERCENT
            )
        )
        if weak or failed_days.get(who):
            found.append(FollowUp(names[who], weak, failed_days.get(who, 0)))
    return sorted(found, key=lambda f: (-len(f.weak_topics) - f.days_not_passed, f.trainee))


def _discrimination(scores: list[int], rests: list[float]) -> float | None:
    pairs = [(s, r) for s, r in zip(scores, rests, strict=True) if not math.isnan(r)]
    if len(pairs) < LEAST_FOR_DISCRIMINATION:
        return None
    xs, ys = [float(s) for s, _ in pairs], [r for _, r in pairs]
    if statistics.pstdev(xs) == 0 or statistics.pstdev(ys) == 0:
        return None  # everyone alike on one side: no correlation to speak of
    return 100 * statistics.correlation(xs, ys)
