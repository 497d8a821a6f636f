"""What a class's statements say: the class at a glance, the mistakes most trainees made, the
scores per phase, the quiz items as Moodle's item analysis reads them, who needs a follow-up,
and the gain from a class plan's pre-test to its post-test.

Pure: statements come in one at a time as the dictionaries ``simulator.xapi.statements`` makes
(read from exports or an LRS by ``simulator.xapi.reading``); nothing here reads a file or a
clock. ``ClassRecords`` keeps only tallies, never the statements, so a district's million
statements fit in memory. A statement seen twice (the same export given twice, or two exports
of the same laptop) counts once: statements are keyed by their id.

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
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from simulator.xapi.statements import PROJECT_IRI, VERBS, extension

WEAK_DISCRIMINATION = 20  # under this Moodle calls an item's discrimination weak
EASY, HARD = 95, 5  # facility beyond these: the item tells almost nobody apart
FOLLOW_UP_PERCENT = 75  # a trainee under this on a topic, or a day not passed, needs help
LEAST_FOR_DISCRIMINATION = 3  # trainees an item needs before a correlation means anything
MAX_FINDINGS = 10_000  # findings of one day beyond this are not a day the game played
MAX_TEXT = 200  # ids, names and topics longer than this are not the game's

LAPTOP_HOME = f"{PROJECT_IRI}/laptop/"
QUESTION_PREFIX = f"{PROJECT_IRI}/question/"
SCENARIO_PREFIX = f"{PROJECT_IRI}/scenario/"
VERB_NAMES = {iri: name for name, (iri, _, _) in VERBS.items()}
PLAN_PARTS = ("pre", "play", "post")


class Unreadable(ValueError):
    """A statement this report cannot count: ``reason`` says why (``foreign``: not the
    game's; ``bad_value``: a field out of shape), ``field`` where (dotted path)."""

    def __init__(self, reason: str, field: str = "") -> None:
        super().__init__(f"{reason}: {field}")
        self.reason = reason
        self.field = field


@dataclass(frozen=True, slots=True)
class ClassSummary:
    trainees: int
    days: int
    days_passed: int
    exams: int
    exams_passed: int
    answers: int


@dataclass(frozen=True, slots=True)
class MistakeShare:
    rule: str  # the engine's rule id
    mistakes: tuple[str, ...]  # its MISTAKES.md ids
    phase: str
    trainees: int  # how many made it at least once
    share: float  # of the trainees who played at least one day


@dataclass(frozen=True, slots=True)
class ItemAnalysis:
    question: str
    topic: str
    answered_by: int
    facility: float  # percent
    discrimination: float | None  # percent; None with too few trainees or no spread
    flags: tuple[str, ...]  # "negative", "weak", "too_easy", "too_hard"


@dataclass(frozen=True, slots=True)
class FollowUp:
    trainee: str  # the trainee's name
    laptop: str  # which laptop: two trainees may share a name
    weak_topics: tuple[str, ...]  # topics under FOLLOW_UP_PERCENT
    days_not_passed: int


@dataclass(frozen=True, slots=True)
class TopicGain:
    topic: str
    trainees: int  # who sat both tests on it
    pre: float  # percent right, mean over those trainees
    post: float
    gain: float  # post - pre, in points


@dataclass(frozen=True, slots=True)
class PlanProgress:
    plan: str
    trainees: int  # who began it
    gains: tuple[TopicGain, ...]
    unfinished: tuple[tuple[str, str, tuple[str, ...]], ...]  # name, laptop, missing parts


@dataclass(slots=True)
class _Trainee:
    name: str
    laptop: str
    days: int = 0
    days_failed: int = 0
    # question → (instant << 1) | score: one int each, as a district has a million of them
    answers: dict[str, int] = field(default_factory=dict)
    # phase → (instant << 7) | score of the latest day that scored the phase
    latest_phase: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class _Plan:
    # (part, trainee) → question → (instant << 1) | score
    answers: dict[tuple[str, int], dict[str, int]] = field(default_factory=dict)
    parts: dict[int, set[str]] = field(default_factory=dict)  # trainee → parts done
    scenarios: dict[int, set[str]] = field(default_factory=dict)  # trainee → played


class ClassRecords:
    """The tallies of a class's statements, fed one at a time with ``add``."""

    def __init__(self) -> None:
        self._seen: set[int] = set()
        self._keys: dict[tuple[str, str], int] = {}
        self._trainees: list[_Trainee] = []
        self._texts: dict[str, str] = {}  # one string object per distinct question or topic
        self.topics: dict[str, str] = {}  # question → topic
        self.repeated = 0  # statements seen before
        self._days = self._days_passed = self._exams = self._exams_passed = self._answers = 0
        self._players: set[int] = set()
        self._rule_makers: dict[tuple[str, str], set[int]] = defaultdict(set)
        self._rule_mistakes: dict[str, tuple[str, ...]] = {}
        self._plans: dict[str, _Plan] = {}

    def add(self, statement: Mapping[str, Any],
            verify: Callable[[Mapping[str, Any]], None] | None = None) -> bool:
        """Count ``statement``; False when it was counted before. ``Unreadable`` when it is
        not one of the game's statements, fails ``verify`` (told after it is known to be the
        game's), or a field is out of shape: nothing is counted then."""
        verb, activity = require_ours(statement)
        if verify is not None:
            verify(statement)
        number = _uuid(statement.get("id"), "id")
        laptop, profile, name = _actor(statement)
        instant = _instant(statement.get("timestamp"))
        result = statement.get("result")
        if not isinstance(result, dict):
            raise Unreadable("bad_value", "result")
        extensions = _extensions(statement)
        plan = _plan(extensions)
        # Everything is read before anything is counted: a bad field counts nothing.
        if verb == "completed":
            day = _day(result, activity)
        elif verb == "answered":
            answer = _answer(result, activity, extensions)
        else:
            passed = verb == "passed"
            if not isinstance(result.get("success", passed), bool):
                raise Unreadable("bad_value", "result.success")
        if number in self._seen:
            self.repeated += 1
            return False
        self._seen.add(number)
        who = self._trainee(laptop, profile, name)
        trainee = self._trainees[who]
        if verb == "completed":
            self._count_day(who, trainee, instant, day, plan)
        elif verb == "answered":
            self._count_answer(who, trainee, instant, answer, plan)
        else:
            self._exams += 1
            self._exams_passed += passed
            if plan is not None:
                self._plan(plan[0]).parts.setdefault(who, set()).add(plan[1])
        return True

    # what the report shows ------------------------------------------------------------

    def summary(self) -> ClassSummary:
        return ClassSummary(len(self._trainees), self._days, self._days_passed, self._exams,
                            self._exams_passed, self._answers)

    def frequent_mistakes(self) -> list[MistakeShare]:
        """Each rule broken in a day, with the share of the day-playing trainees who broke it
        at least once; the most widespread first."""
        players = max(1, len(self._players))
        shares = [
            MistakeShare(rule, self._rule_mistakes.get(rule, ()), phase, len(who),
                         len(who) / players)
            for (rule, phase), who in self._rule_makers.items()
        ]
        return sorted(shares, key=lambda s: (-s.trainees, s.phase, s.rule))

    def phase_scores(self) -> dict[str, list[int]]:
        """Per phase, each trainee's score in the latest day that scored it."""
        scores: dict[str, list[int]] = defaultdict(list)
        for trainee in self._trainees:
            for phase, packed in trainee.latest_phase.items():
                scores[phase].append(packed & 0x7F)
        return dict(scores)

    def item_analysis(self) -> list[ItemAnalysis]:
        """Moodle's facility and discrimination indices for every question answered."""
        by_question: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for trainee in self._trainees:
            answers = trainee.answers
            if not answers:
                continue
            total = sum(packed & 1 for packed in answers.values())
            others = len(answers) - 1
            for question, packed in answers.items():
                score = packed & 1
                rest = (total - score) / others if others else math.nan
                by_question[question].append((score, rest))
        found = []
        for question in sorted(by_question):
            pairs = by_question[question]
            facility = 100 * sum(score for score, _ in pairs) / len(pairs)
            discrimination = _discrimination(pairs)
            flags = []
            if discrimination is not None and discrimination < 0:
                flags.append("negative")
            elif discrimination is not None and discrimination < WEAK_DISCRIMINATION:
                flags.append("weak")
            if facility > EASY:
                flags.append("too_easy")
            elif facility < HARD:
                flags.append("too_hard")
            found.append(ItemAnalysis(question, self.topics.get(question, ""), len(pairs),
                                      facility, discrimination, tuple(flags)))
        return found

    def topic_scores(self) -> dict[str, float]:
        """Per topic, the class's share right (by each trainee's last answers), in percent."""
        right: dict[str, int] = defaultdict(int)
        asked: dict[str, int] = defaultdict(int)
        for trainee in self._trainees:
            for question, packed in trainee.answers.items():
                topic = self.topics.get(question, "")
                right[topic] += packed & 1
                asked[topic] += 1
        return {topic: 100 * right[topic] / asked[topic] for topic in sorted(asked)}

    def follow_ups(self) -> list[FollowUp]:
        """The trainees who need help: a topic under the mark (by their last answers), or a
        day not passed; weakest first."""
        found = []
        for trainee in self._trainees:
            weak = tuple(sorted(
                topic for topic, percent in self._trainee_topics(trainee.answers).items()
                if percent < FOLLOW_UP_PERCENT
            ))
            if weak or trainee.days_failed:
                found.append(FollowUp(trainee.name, trainee.laptop, weak, trainee.days_failed))
        return sorted(found, key=lambda f: (-len(f.weak_topics) - f.days_not_passed,
                                            f.trainee, f.laptop))

    def plan_ids(self) -> list[str]:
        """The class plans some statement was made under."""
        return sorted(self._plans)

    def plans(self, steps: Mapping[str, Iterable[str]] | None = None) -> list[PlanProgress]:
        """Per class plan followed: the gain per topic of those who sat both tests, and who
        has not finished. ``steps`` gives a known plan's scenario ids; a plan not known is
        finished by its pre-test and its post-test."""
        progress = []
        for plan_id in sorted(self._plans):
            plan = self._plans[plan_id]
            scenarios = tuple((steps or {}).get(plan_id, ()))
            unfinished = []
            for who in sorted(plan.parts, key=lambda n: self._trainees[n].name):
                done = plan.parts[who]
                played = plan.scenarios.get(who, set())
                missing = tuple(
                    [part for part in ("pre",) if part not in done]
                    + [scenario for scenario in scenarios if scenario not in played]
                    + [part for part in ("post",) if part not in done]
                )
                if missing:
                    trainee = self._trainees[who]
                    unfinished.append((trainee.name, trainee.laptop, missing))
            progress.append(PlanProgress(plan_id, len(plan.parts), self._gains(plan),
                                         tuple(unfinished)))
        return progress

    # counting -------------------------------------------------------------------------

    def _trainee(self, laptop: str, profile: str, name: str) -> int:
        key = (laptop, profile)
        number = self._keys.get(key)
        if number is None:
            number = self._keys[key] = len(self._trainees)
            self._trainees.append(_Trainee(name, laptop))
        return number

    def _plan(self, plan_id: str) -> _Plan:
        plan = self._plans.get(plan_id)
        if plan is None:
            plan = self._plans[plan_id] = _Plan()
        return plan

    def _count_day(self, who: int, trainee: _Trainee, instant: int, day: _Day,
                   plan: tuple[str, str] | None) -> None:
        self._days += 1
        self._days_passed += day.passed
        self._players.add(who)
        trainee.days += 1
        trainee.days_failed += not day.passed
        for phase, score in day.phases.items():
            packed = (instant << 7) | score
            if packed >= trainee.latest_phase.get(phase, -1):
                trainee.latest_phase[self._intern(phase)] = packed
        for rule, phase, mistakes in day.findings:
            self._rule_makers[(self._intern(rule), self._intern(phase))].add(who)
            self._rule_mistakes.setdefault(rule, mistakes)
        if plan is not None:
            record = self._plan(plan[0])
            record.parts.setdefault(who, set()).add(plan[1])
            record.scenarios.setdefault(who, set()).add(self._intern(day.scenario))

    def _count_answer(self, who: int, trainee: _Trainee, instant: int,
                      answer: tuple[str, str, int], plan: tuple[str, str] | None) -> None:
        question, topic, score = answer
        question = self._intern(question)
        self.topics[question] = self._intern(topic)
        self._answers += 1
        packed = (instant << 1) | score
        if packed >= trainee.answers.get(question, -1):
            trainee.answers[question] = packed
        if plan is not None:
            record = self._plan(plan[0])
            record.parts.setdefault(who, set()).add(plan[1])
            answers = record.answers.setdefault((plan[1], who), {})
            if packed >= answers.get(question, -1):
                answers[question] = packed

    def _intern(self, text: str) -> str:
        return self._texts.setdefault(text, text)

    def _trainee_topics(self, answers: Mapping[str, int]) -> dict[str, float]:
        right: dict[str, int] = defaultdict(int)
        asked: dict[str, int] = defaultdict(int)
        for question, packed in answers.items():
            topic = self.topics.get(question, "")
            right[topic] += packed & 1
            asked[topic] += 1
        return {topic: 100 * right[topic] / asked[topic] for topic in asked}

    def _gains(self, plan: _Plan) -> tuple[TopicGain, ...]:
        """Per topic, over the trainees who answered it in both tests: the mean of each one's
        share right before and after."""
        pre_post: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for (part, who), answers in plan.answers.items():
            if part != "pre" or ("post", who) not in plan.answers:
                continue
            before = self._trainee_topics(answers)
            after = self._trainee_topics(plan.answers[("post", who)])
            for topic in before.keys() & after.keys():
                pre_post[topic].append((before[topic], after[topic]))
        gains = []
        for topic in sorted(pre_post):
            pairs = pre_post[topic]
            pre = sum(p for p, _ in pairs) / len(pairs)
            post = sum(q for _, q in pairs) / len(pairs)
            gains.append(TopicGain(topic, len(pairs), pre, post, post - pre))
        return tuple(gains)


def require_ours(statement: Any) -> tuple[str, str]:
    """The verb's name and the activity's id of one of the game's statements; ``Unreadable``
    ("foreign") when it is another tool's."""
    if not isinstance(statement, dict):
        raise Unreadable("foreign")
    verb = VERB_NAMES.get(str(_get(statement, "verb", "id")))
    if verb is None:
        raise Unreadable("foreign", "verb.id")
    home = _get(statement, "actor", "account", "homePage")
    if not isinstance(home, str) or not home.startswith(LAPTOP_HOME):
        raise Unreadable("foreign", "actor.account.homePage")
    activity = _get(statement, "object", "id")
    if not isinstance(activity, str) or not activity.startswith(PROJECT_IRI + "/"):
        raise Unreadable("foreign", "object.id")
    return verb, _text(activity, "object.id", limit=400)


@dataclass(frozen=True, slots=True)
class _Day:
    scenario: str
    passed: bool
    phases: dict[str, int]
    findings: list[tuple[str, str, tuple[str, ...]]]


def _day(result: Mapping[str, Any], activity: str) -> _Day:
    if not activity.startswith(SCENARIO_PREFIX):
        raise Unreadable("bad_value", "object.id")
    passed = result.get("success")
    if not isinstance(passed, bool):
        raise Unreadable("bad_value", "result.success")
    extensions = result.get("extensions")
    if not isinstance(extensions, dict):
        raise Unreadable("bad_value", "result.extensions")
    phases = extensions.get(extension("phase-scores"), {})
    if not isinstance(phases, dict) or len(phases) > 20:
        raise Unreadable("bad_value", "result.extensions.phase-scores")
    scores: dict[str, int] = {}
    for phase, score in phases.items():
        if score is None:
            continue  # a phase the day did not score
        if not isinstance(score, int) or isinstance(score, bool) or not 0 <= score <= 100:
            raise Unreadable("bad_value", f"result.extensions.phase-scores.{phase}")
        scores[_text(phase, "result.extensions.phase-scores")] = score
    findings = extensions.get(extension("findings"), [])
    if not isinstance(findings, list) or len(findings) > MAX_FINDINGS:
        raise Unreadable("bad_value", "result.extensions.findings")
    made = []
    for index, finding in enumerate(findings):
        where = f"result.extensions.findings[{index}]"
        if not isinstance(finding, dict):
            raise Unreadable("bad_value", where)
        mistakes = finding.get("mistakes", [])
        if not isinstance(mistakes, list) or len(mistakes) > 20:
            raise Unreadable("bad_value", f"{where}.mistakes")
        made.append((_text(finding.get("rule"), f"{where}.rule"),
                     _text(finding.get("phase"), f"{where}.phase"),
                     tuple(_text(m, f"{where}.mistakes") for m in mistakes)))
    scenario = activity.removeprefix(SCENARIO_PREFIX)
    return _Day(scenario, passed, scores, made)


def _answer(result: Mapping[str, Any], activity: str,
            extensions: Mapping[str, Any]) -> tuple[str, str, int]:
    if not activity.startswith(QUESTION_PREFIX):
        raise Unreadable("bad_value", "object.id")
    success = result.get("success")
    if not isinstance(success, bool):
        raise Unreadable("bad_value", "result.success")
    topic = _text(extensions.get(extension("topic"), ""), "context.extensions.topic")
    return activity.removeprefix(QUESTION_PREFIX), topic, int(success)


def _get(data: Any, *path: str) -> Any:
    """The value at ``path`` in nested dictionaries (what JSON gives), or None."""
    for key in path:
        if type(data) is not dict:
            return None
        data = data.get(key)
    return data


def _uuid(value: Any, where: str) -> int:
    """A statement id as one number (a district holds a million of them)."""
    if type(value) is not str or len(value) != 36 or value.count("-") != 4:
        raise Unreadable("bad_value", where)
    try:
        return int(value.replace("-", ""), 16)
    except ValueError:
        raise Unreadable("bad_value", where) from None


def _text(value: Any, where: str, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise Unreadable("bad_value", where)
    return value


def _actor(statement: Mapping[str, Any]) -> tuple[str, str, str]:
    account = _get(statement, "actor", "account")
    home = account["homePage"]  # require_ours saw it
    laptop = _text(home.removeprefix(LAPTOP_HOME), "actor.account.homePage")
    profile = _text(account.get("name"), "actor.account.name")
    name = _text(_get(statement, "actor", "name") or "", "actor.name")
    return laptop, profile, name


def _instant(value: Any) -> int:
    """Seconds since 1970 of an ISO 8601 timestamp (the latest answer wins)."""
    if not isinstance(value, str) or len(value) > 40:
        raise Unreadable("bad_value", "timestamp")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise Unreadable("bad_value", "timestamp") from None
    seconds = int(moment.timestamp())
    if not 0 <= seconds < 2**40:
        raise Unreadable("bad_value", "timestamp")
    return seconds


def _extensions(statement: Mapping[str, Any]) -> Mapping[str, Any]:
    extensions = _get(statement, "context", "extensions")
    if extensions is None:
        return {}
    if not isinstance(extensions, dict):
        raise Unreadable("bad_value", "context.extensions")
    return extensions


def _plan(extensions: Mapping[str, Any]) -> tuple[str, str] | None:
    plan = extensions.get(extension("plan"))
    if plan is None:
        return None
    part = extensions.get(extension("plan-part"))
    if part not in PLAN_PARTS:
        raise Unreadable("bad_value", "context.extensions.plan-part")
    return _text(plan, "context.extensions.plan"), str(part)


def _discrimination(pairs: list[tuple[int, float]]) -> float | None:
    known = [(float(s), r) for s, r in pairs if not math.isnan(r)]
    if len(known) < LEAST_FOR_DISCRIMINATION:
        return None
    n = len(known)
    mean_x = sum(x for x, _ in known) / n
    mean_y = sum(y for _, y in known) / n
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in known)
    sxx = sum((x - mean_x) ** 2 for x, _ in known)
    syy = sum((y - mean_y) ** 2 for _, y in known)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None  # everyone alike on one side: no correlation to speak of
    return 100 * sxy / math.sqrt(sxx * syy)
