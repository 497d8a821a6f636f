"""A trainee's results as xAPI 1.0.3 statements: each finished day, each quiz answer and each
exam, with verbs from the ADL vocabulary and activity ids under one project namespace.

Pure: what the save store holds comes in as plain records; every statement is checked with
Ralph's xAPI models (``ralph.models.xapi``) before it is handed out. Statement ids are UUID 5
of the laptop, the profile and the record, so exporting the same results twice gives the same
statements (an LRS keeps one of each) and two laptops never give the same id.

Each statement carries a checksum of what it says (``checksum_of``), so a report can tell a
statement edited after export, or cut short on a stick, from one the game made. It is not a
signature: it catches accidents and casual edits, which is what a class's files meet.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ralph.models.xapi.base.statements import BaseXapiStatement

from simulator.core.catalogue import RULES_BY_ID

#: the project's namespace: every activity, extension and statement id hangs from it
PROJECT_IRI = "https://simulasi-tps.org/xapi"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, PROJECT_IRI)
XAPI_VERSION = "1.0.3"

VERBS = {
    "completed": ("http://adlnet.gov/expapi/verbs/completed", "menyelesaikan", "completed"),
    "answered": ("http://adlnet.gov/expapi/verbs/answered", "menjawab", "answered"),
    "passed": ("http://adlnet.gov/expapi/verbs/passed", "lulus", "passed"),
    "failed": ("http://adlnet.gov/expapi/verbs/failed", "belum lulus", "failed"),
}
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
QUESTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment"


def extension(name: str) -> str:
    return f"{PROJECT_IRI}/extensions/{name}"


ACTION_LOG = extension("action-log")


@dataclass(frozen=True, slots=True)
class Trainee:
    """Who the statements are about: a profile on one laptop (no e-mail needed)."""

    laptop: str  # the laptop's own id, made once and kept in its save file
    profile_id: int
    name: str

    def agent(self) -> dict[str, Any]:
        return {
            "objectType": "Agent",
            "name": self.name,
            "account": {"homePage": f"{PROJECT_IRI}/laptop/{self.laptop}",
                        "name": str(self.profile_id)},
        }


@dataclass(frozen=True, slots=True)
class DayRecord:
    """A finished day as the store keeps it."""

    run_id: int
    scenario_id: str
    title: Mapping[str, str]  # by language: "id", "en"
    election: str
    mode: str
    finished: str  # ISO 8601
    score: int
    result: Mapping[str, Any]  # the stored result: score per phase, findings, digest
    log: str  # the day's action log, which replays it
    plan: str | None = None  # the class plan it was a step of (None: played on its own)
    plan_part: str | None = None  # "play" (a scenario step)


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    answer_id: int
    at: str
    mode: str
    question: str
    topic: str
    correct: bool
    kind: str | None = None  # the kind of question (None for answers kept before it was)
    response: str | None = None  # the answer given, as JSON (None: skipped, or not kept)
    millis: int | None = None  # how long it took
    plan: str | None = None  # the class plan whose test it was part of ...
    plan_part: str | None = None  # ... "pre" or "post"


#: the xAPI interaction type of each kind of question
INTERACTIONS = {
    "single": "choice",
    "multiple": "choice",
    "true_false": "true-false",
    "ordering": "sequencing",
    "numeric": "numeric",
    "ballot": "other",
    "situation": "other",
}


@dataclass(frozen=True, slots=True)
class ExamRecord:
    exam_id: int
    at: str
    correct: int
    total: int
    seconds: int
    passed: bool
    plan: str | None = None  # the class plan it was the test of ...
    plan_part: str | None = None  # ... "pre" or "post"


def day_statement(trainee: Trainee, day: DayRecord) -> dict[str, Any]:
    """A finished day: completed, its score per phase and overall, whether it passed, every
    finding with its rule, MISTAKES entries, severity and phase, and its action log."""
    score = day.result.get("score", {})
    findings = [
        {
            "rule": finding.get("rule"),
            "mistakes": list(RULES_BY_ID[finding["rule"]].mistakes)
            if finding.get("rule") in RULES_BY_ID else [],
            "severity": finding.get("severity"),
            "phase": finding.get("phase"),
            "subject": finding.get("subject"),
        }
        for finding in day.result.get("findings", [])
        if isinstance(finding, Mapping)
    ]
    phases = {
        phase: figures.get("score")
        for phase, figures in (score.get("phases") or {}).items()
        if isinstance(figures, Mapping)
    }
    result = {
        "score": {"scaled": day.score / 100, "raw": day.score, "min": 0, "max": 100},
        "success": bool(score.get("passed", False)),
        "completion": True,
        "extensions": {
            extension("phase-scores"): phases,
            extension("findings"): findings,
            extension("verdict"): score.get("verdict"),
        },
    }
    context = {
        extension("mode"): day.mode,
        extension("election"): day.election,
        ACTION_LOG: day.log,
    }
    definition = {"type": SIMULATION, "name": _names(day.title)}
    return _statement(trainee, ("day", day.run_id), "completed",
                      (f"scenario/{day.scenario_id}", definition), result, context, day.finished,
                      (day.plan, day.plan_part))


def answer_statement(trainee: Trainee, answer: AnswerRecord) -> dict[str, Any]:
    """One quiz answer: answered, the question, its kind and topic, the response, right or
    not, and how long it took."""
    definition: dict[str, Any] = {"type": QUESTION}
    if answer.kind in INTERACTIONS:
        definition["interactionType"] = INTERACTIONS[answer.kind]
    result: dict[str, Any] = {"success": answer.correct}
    if answer.response is not None:
        result["response"] = answer.response
    if answer.millis is not None:
        result["duration"] = f"PT{answer.millis / 1000:.3f}S"
    context = {
        extension("topic"): answer.topic,
        extension("mode"): answer.mode,
        extension("question-kind"): answer.kind,
    }
    return _statement(trainee, ("answer", answer.answer_id), "answered",
                      (f"question/{answer.question}", definition), result, context, answer.at,
                      (answer.plan, answer.plan_part))


def exam_statement(trainee: Trainee, exam: ExamRecord) -> dict[str, Any]:
    """One exam sitting: passed or failed, its score and how long it took."""
    total = max(1, exam.total)
    result = {
        "score": {"scaled": exam.correct / total, "raw": exam.correct, "min": 0,
                  "max": exam.total},
        "success": exam.passed,
        "completion": True,
        "duration": f"PT{max(0, exam.seconds)}S",
    }
    return _statement(trainee, ("exam", exam.exam_id), "passed" if exam.passed else "failed",
                      ("quiz/exam", {"type": ASSESSMENT}), result, None, exam.at,
                      (exam.plan, exam.plan_part))


def _statement(
    trainee: Trainee,
    record: tuple[str, int],
    verb: str,
    activity: tuple[str, dict[str, Any]],
    result: dict[str, Any],
    context: dict[str, Any] | None,
    at: str,
    plan: tuple[str | None, str | None] = (None, None),
) -> dict[str, Any]:
    """A statement of ``trainee`` about one stored ``record`` (its kind and number, which make
    its stable id), on the activity ``activity`` (its path under the project IRI and its
    definition), checked with Ralph's model; with the class ``plan`` it was part of (its id
    and part), if any."""
    kind, number = record
    path, definition = activity
    plan_id, part = plan
    extra: dict[str, Any] = {}
    if plan_id is not None:
        context = (context or {}) | {extension("plan"): plan_id, extension("plan-part"): part}
        extra["registration"] = plan_registration(trainee, plan_id)
    statement: dict[str, Any] = {
        "id": _id(trainee, kind, number),
        "actor": trainee.agent(),
        "verb": _verb(verb),
        "object": {
            "objectType": "Activity",
            "id": f"{PROJECT_IRI}/{path}",
            "definition": definition,
        },
        "result": result,
        "context": {"platform": "Simulasi TPS"} | extra
        | ({"extensions": context} if context is not None else {}),
        "timestamp": at,
        "version": XAPI_VERSION,
    }
    statement["context"].setdefault("extensions", {})[CHECKSUM] = checksum_of(statement)
    return checked(statement)


#: the context extension holding a statement's checksum
CHECKSUM = extension("checksum")
#: what the checksum covers: what the game wrote, not what an LRS adds (stored, authority)
_COVERED = ("id", "actor", "verb", "object", "result", "context", "timestamp")


def checksum_of(statement: Mapping[str, Any]) -> str:
    """SHA-256 of the statement's own fields, in one canonical JSON form, without the checksum
    itself. The action log counts by its own hash: re-encoding a long log would double what
    reading a district's files costs."""
    covered: dict[str, Any] = {key: statement.get(key) for key in _COVERED}
    context = covered.get("context")
    if isinstance(context, dict) and isinstance(context.get("extensions"), dict):
        extensions = dict(context["extensions"])
        extensions.pop(CHECKSUM, None)
        log = extensions.get(ACTION_LOG)
        if isinstance(log, str):
            extensions[ACTION_LOG] = hashlib.sha256(log.encode("utf-8")).hexdigest()
        # A statement without extensions of its own gets them only to hold its checksum.
        covered["context"] = {key: value for key, value in context.items()
                              if key != "extensions"}
        if extensions:
            covered["context"]["extensions"] = extensions
    text = json.dumps(covered, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def plan_registration(trainee: Trainee, plan_id: str) -> str:
    """The xAPI registration of one trainee's enrolment in one class plan: every statement of
    the plan (pre-test, each scenario, post-test) carries it, so an LRS groups them as one
    attempt at the plan. A UUID 5, as xAPI requires a UUID, of the plan, laptop and profile."""
    return str(uuid.uuid5(NAMESPACE,
                          f"plan/{plan_id}/{trainee.laptop}/{trainee.profile_id}"))


def checked(statement: dict[str, Any]) -> dict[str, Any]:
    """The statement as Ralph's xAPI model reads it (a ValidationError if it is not one)."""
    BaseXapiStatement.model_validate(statement)
    return statement


def json_lines(statements: Iterator[dict[str, Any]]) -> Iterator[str]:
    for statement in statements:
        yield json.dumps(statement, ensure_ascii=False, sort_keys=True) + "\n"


def _id(trainee: Trainee, kind: str, number: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{trainee.laptop}/{trainee.profile_id}/{kind}/{number}"))


def _verb(name: str) -> dict[str, Any]:
    iri, indonesian, english = VERBS[name]
    return {"id": iri, "display": {"id-ID": indonesian, "en-US": english}}


def _names(title: Mapping[str, str]) -> dict[str, str]:
    return {"id-ID": title.get("id", ""), "en-US": title.get("en", "")}
