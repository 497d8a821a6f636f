"""The action log: a plain-text record of one run that replays to the same result.

    # simulasi-tps-log/1
    scenario: pemilu-hari-penuh
    scenario-sha256: 3f1c…
    seed: 7
    engine: 1
    ---
    06:00 post_board
    07:00 open_meeting
    08:14 admit_voter {"list":"dpt","voter":"v001"}
    ---
    score: 87
    digest: 9b2e…

Each action line is the in-game time it was applied, the action's kind, and its other fields
as one JSON object (omitted when it has none). Lines starting with ``#`` after the header are
comments, for trainers' notes. The closing block, written when a run ends, is what ``replay``
confirms. Parsing and formatting are pure string functions; reading files is the caller's job.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from simulator.core.catalogue import parse_action
from simulator.core.engine import LoggedAction
from simulator.schema.bounded import Unreadable, json_object, whole_number
from simulator.schema.clock import format_minutes, to_minutes

LOG_FORMAT = "# simulasi-tps-log/1"
SEPARATOR = "---"
MAX_LINES = 200_000
MAX_PARAMS = 10_000  # characters of an action's parameters (a stored line holds at most these)
MAX_SEED = 2**63 - 1  # what the save file and the random generator take
MAX_ENGINE = 1_000_000  # an engine version is a small whole number
MAX_NOTE = 500  # characters of a trainer's note kept (a caption, not a document)


@dataclass(frozen=True, slots=True)
class LogHeader:
    scenario: str
    scenario_sha256: str
    seed: int
    engine: str


@dataclass(frozen=True, slots=True)
class LogResult:
    score: int
    digest: str


@dataclass(frozen=True, slots=True)
class LogNote:
    """A trainer's note (a ``#`` line among the actions), placed before the action that
    follows it: ``before`` actions precede it."""

    before: int
    text: str


@dataclass(frozen=True, slots=True)
class ActionLog:
    header: LogHeader
    entries: tuple[LoggedAction, ...]
    result: LogResult | None = None
    notes: tuple[LogNote, ...] = ()


@dataclass(frozen=True, slots=True)
class LogProblem:
    """A located problem in a log: the caller renders it with ``log.<code>`` texts."""

    line: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)


class LogError(ValueError):
    def __init__(self, problems: list[LogProblem]) -> None:
        super().__init__("; ".join(f"line {p.line}: {p.code} {p.params}" for p in problems))
        self.problems = problems


def format_entry(entry: LoggedAction) -> str:
    params = entry.action.params()
    text = f"{format_minutes(entry.at)} {entry.action.kind}"
    if params:
        text += " " + json.dumps(params, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text


def format_log(
    header: LogHeader, entries: Iterable[LoggedAction], result: LogResult | None = None
) -> str:
    lines = [
        LOG_FORMAT,
        f"scenario: {header.scenario}",
        f"scenario-sha256: {header.scenario_sha256}",
        f"seed: {header.seed}",
        f"engine: {header.engine}",
        SEPARATOR,
    ]
    lines.extend(format_entry(entry) for entry in entries)
    if result is not None:
        lines += [SEPARATOR, f"score: {result.score}", f"digest: {result.digest}"]
    return "\n".join(lines) + "\n"


def parse_log(text: str) -> ActionLog:
    """Parse a whole log, or raise :class:`LogError` listing every problem with its line."""
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        raise LogError([LogProblem(MAX_LINES, "log.too_long", {"limit": MAX_LINES})])
    if not lines or lines[0].strip() != LOG_FORMAT:
        raise LogError([LogProblem(1, "log.format", {"expected": LOG_FORMAT})])
    try:
        body_start = lines.index(SEPARATOR)
    except ValueError:
        raise LogError([LogProblem(len(lines), "log.no_separator", {})]) from None
    problems: list[LogProblem] = []
    header = _parse_header(lines[1:body_start], problems)
    try:
        body_end = lines.index(SEPARATOR, body_start + 1)
    except ValueError:
        body_end = len(lines)
    entries: list[LoggedAction] = []
    notes: list[LogNote] = []
    for number in range(body_start + 1, body_end):
        line = lines[number]
        if line.startswith("#"):
            text = line[1:].strip()[:MAX_NOTE]
            if text:
                notes.append(LogNote(len(entries), text))
        elif (entry := _parse_entry(number + 1, line, problems)) is not None:
            entries.append(entry)
    result = _parse_result(lines[body_end + 1 :], body_end + 2, problems)
    if problems or header is None:
        raise LogError(problems or [LogProblem(1, "log.header", {"field": "scenario"})])
    return ActionLog(header=header, entries=tuple(entries), result=result, notes=tuple(notes))


def _fields(lines: list[str], first_line: int, problems: list[LogProblem]) -> dict[str, str]:
    found: dict[str, str] = {}
    for offset, line in enumerate(lines):
        if not line.strip() or line.startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep:
            problems.append(LogProblem(first_line + offset, "log.header_line", {"text": line}))
            continue
        found[key.strip()] = value.strip()
    return found


def _parse_header(lines: list[str], problems: list[LogProblem]) -> LogHeader | None:
    found = _fields(lines, 2, problems)
    missing = [k for k in ("scenario", "scenario-sha256", "seed", "engine") if k not in found]
    if missing:
        problems.append(LogProblem(1, "log.header", {"field": missing[0]}))
        return None
    try:
        seed = whole_number(found["seed"], 0, MAX_SEED)
    except Unreadable:
        problems.append(LogProblem(1, "log.seed", {"value": found["seed"][:24]}))
        return None
    try:
        whole_number(found["engine"], 1, MAX_ENGINE)
    except Unreadable:
        problems.append(LogProblem(1, "log.engine", {"value": found["engine"][:24]}))
        return None
    return LogHeader(found["scenario"], found["scenario-sha256"], seed, found["engine"])


def _parse_entry(number: int, line: str, problems: list[LogProblem]) -> LoggedAction | None:
    if not line.strip() or line.startswith("#"):
        return None
    parts = line.split(" ", 2)
    if len(parts) < 2:
        problems.append(LogProblem(number, "log.line", {"text": line[:80]}))
        return None
    try:
        at = to_minutes(parts[0])
    except ValueError:
        problems.append(LogProblem(number, "log.time", {"value": parts[0]}))
        return None
    data: dict[str, Any] = {}
    if len(parts) == 3:
        try:
            data = json_object(parts[2], MAX_PARAMS)
        except Unreadable:
            problems.append(LogProblem(number, "log.params", {"text": parts[2][:80]}))
            return None
    data["kind"] = parts[1]
    try:
        action = parse_action(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        problems.append(LogProblem(number, "log.action", {"kind": parts[1], "field": where}))
        return None
    return LoggedAction(at, action)


def _parse_result(
    lines: list[str], first_line: int, problems: list[LogProblem]
) -> LogResult | None:
    found = _fields(lines, first_line, problems)
    if not found:
        return None
    try:
        score = whole_number(found.get("score", ""), 0, 100)
    except Unreadable:
        score = None
    if score is None or "digest" not in found:
        problems.append(LogProblem(first_line, "log.result", {}))
        return None
    return LogResult(score, found["digest"])
