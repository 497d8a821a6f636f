"""A laptop's results as xAPI statements, one profile or all of them: in a JSON Lines file, or
sent to an LRS through the save file's queue (:func:`send_to_lrs`).

The laptop gets an id of its own the first time it exports (kept in its save file), so the
same trainee name on two laptops is two people, and the same results exported twice are the
same statements."""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.content import ContentError, load_scenario
from simulator.persistence.logfile import write_text_atomically
from simulator.persistence.quiz_records import QuizRecords
from simulator.persistence.runlog import log_text, run_log, stored_result
from simulator.persistence.store import Profile, RunRecord, SaveStore
from simulator.persistence.xapi_queue import Queued, XapiQueue, fits
from simulator.xapi.lrs import BATCH_SIZE, TIMEOUT, Credentials, LrsError, send_statements
from simulator.xapi.statements import (
    AnswerRecord,
    DayRecord,
    ExamRecord,
    Trainee,
    answer_statement,
    day_statement,
    exam_statement,
    json_lines,
)

logger = logging.getLogger(__name__)

LAPTOP_KEY = "laptop_id"


def laptop_id(store: SaveStore) -> str:
    """This laptop's id: made once, at the first export, and kept."""
    known = store.setting(LAPTOP_KEY)
    if known:
        return known
    made = str(uuid.uuid4())
    store.set_setting(LAPTOP_KEY, made)
    return made


def profile_statements(store: SaveStore, profile: Profile) -> Iterator[dict[str, Any]]:
    """Every finished day, quiz answer and exam of ``profile``, oldest first."""
    trainee = Trainee(laptop_id(store), profile.id, profile.name)
    named: dict[str, tuple[dict[str, str], str]] = {}  # a scenario file read once, not per day
    for run in reversed(store.finished_runs(profile.id)):
        if run.scenario_path not in named:
            named[run.scenario_path] = scenario_names(run)
        title, election = named[run.scenario_path]
        yield day_statement(trainee, day_record(store, run, title, election))
    records = QuizRecords(store, profile.id)
    for answer in records.all_answers():
        yield answer_statement(
            trainee,
            AnswerRecord(answer.id, answer.at, answer.mode, answer.ref, answer.topic,
                         answer.correct, answer.kind, answer.response, answer.millis,
                         answer.plan, answer.plan_part),
        )
    for number, exam in records.all_exams():
        yield exam_statement(
            trainee,
            ExamRecord(number, exam.at, exam.correct, exam.total, exam.seconds, exam.passed,
                       exam.plan, exam.plan_part),
        )


def scenario_names(run: RunRecord) -> tuple[dict[str, str], str]:
    """The scenario's title in both languages and its election, when its file is still where
    the day was played from; else its id."""
    try:
        scenario = load_scenario(Path(run.scenario_path))
    except (ContentError, OSError):
        return {"id": run.scenario_id, "en": run.scenario_id}, ""
    return {"id": scenario.title.id, "en": scenario.title.en}, scenario.election.value


def day_record(
    store: SaveStore, run: RunRecord, title: dict[str, str], election: str
) -> DayRecord:
    return DayRecord(
        run.id,
        run.scenario_id,
        title,
        election,
        run.mode,
        run.finished or run.started,
        run.score or 0,
        stored_result(run),
        log_text(run_log(store, run)),
        run.plan,
        run.plan_part,
    )


def export_file_name(profile_name: str | None, stamp: str) -> str:
    """``xapi-<name>-<date>.jsonl`` (``semua`` for every profile): letters, digits, dashes."""
    who = re.sub(r"[^A-Za-z0-9]+", "-", profile_name or "semua").strip("-")[:30] or "profil"
    day = re.sub(r"[^0-9]", "", stamp)[:12]
    return f"xapi-{who}-{day}.jsonl"


def export(store: SaveStore, profiles: list[Profile], out: Path) -> int:
    """Write the statements of ``profiles`` to ``out`` (JSON Lines, written whole or not at
    all); how many were written. OSError when ``out`` cannot be written."""
    lines = [
        line for profile in profiles for line in json_lines(profile_statements(store, profile))
    ]
    write_text_atomically(out, "".join(lines))
    return len(lines)


@dataclass(frozen=True, slots=True)
class Delivery:
    """What :func:`send_to_lrs` did: statements ``queued`` by this export, ``sent`` (``held``
    of them the LRS had already), ``waiting`` still in the queue, ``too_long`` for the save
    file's queue (not sent), the ``error`` that stopped the sending, and ``damaged``."""

    queued: int
    sent: int
    held: int
    waiting: int
    too_long: int
    error: LrsError | None
    damaged: int = 0  # queued statements a hand edit made unreadable: dropped, not sendable


def send_to_lrs(
    store: SaveStore,
    profiles: list[Profile],
    endpoint: str,
    auth: Credentials | None,
    *,
    timeout: float = TIMEOUT,
) -> Delivery:
    """Queue the statements of ``profiles`` the LRS at ``endpoint`` has not acknowledged, then
    send its whole queue (what earlier exports left waiting too), oldest first, a batch at a
    time; each batch leaves the queue only once the LRS acknowledged it. StoreError when the
    save file cannot be written."""
    queue = XapiQueue(store, endpoint)
    rows = [
        Queued(str(statement["id"]), json.dumps(statement, ensure_ascii=False, sort_keys=True))
        for profile in profiles
        for statement in profile_statements(store, profile)
    ]
    fitting = [row for row in rows if fits(row)]
    queued = queue.enqueue(fitting)
    sent = held = damaged = 0
    error: LrsError | None = None
    while error is None:
        batch = queue.oldest(BATCH_SIZE)
        if not batch:
            break
        statements = _readable(batch)
        if len(statements) < len(batch):
            unreadable = [row.statement_id for row in batch
                          if row.statement_id not in {s["id"] for s in statements}]
            queue.drop(unreadable)
            damaged += len(unreadable)
        result = send_statements(
            endpoint, auth, statements, on_acknowledged=queue.acknowledged, timeout=timeout
        )
        sent, held, error = sent + result.sent, held + result.held, result.error
        if result.sent == 0 and error is None and statements:  # cannot happen; never loop
            break
    too_long = len(rows) - len(fitting)
    return Delivery(queued, sent, held, queue.waiting(), too_long, error, damaged)


def _readable(batch: list[Queued]) -> list[dict[str, Any]]:
    """The queued statements that read as what was queued: a JSON object with its own id.
    Another (the save file edited by hand) could never be sent: every LRS would refuse it, and
    it would hold up the queue behind it for good."""
    readable = []
    for row in batch:
        try:
            statement = json.loads(row.body)
        except ValueError:
            statement = None
        if isinstance(statement, dict) and statement.get("id") == row.statement_id:
            readable.append(statement)
        else:
            logger.warning("queued statement %s is unreadable; dropped", row.statement_id)
    return readable
