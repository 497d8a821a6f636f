"""A class on one laptop, quickly: trainees with quiz answers, exams and (optionally) a
finished day, in a fresh save file."""

from __future__ import annotations

from pathlib import Path

from simulator.app.play import Mode, PlaySession
from simulator.core.actionlog import parse_log
from simulator.persistence.quiz_records import QuizRecords
from simulator.persistence.store import SaveStore
from simulator.quiz.session import Mode as QuizMode
from tests.pilot import entry

ROOT = Path(__file__).resolve().parents[1]
DAY_LOG = ROOT / "tests" / "playthroughs" / "pemilu-hari-penuh.keliru.log"


def class_store(folder: Path, *, days: bool = True) -> SaveStore:
    """Sri (a day, two answers, a passed exam), Budi (an answer, a failed exam) and Ani (a
    day), or without the days when ``days`` is false (milliseconds instead of a second)."""
    store, _ = SaveStore.open(folder)
    sri, budi, ani = (store.create_profile(n) for n in ("Sri Wahyuni", "Budi", "Ani"))
    if days:
        play_day(store, sri.id)
        play_day(store, ani.id)
    answer(store, sri.id, "bank:q1", True, millis=4500)
    answer(store, sri.id, "bank:q2", False, millis=12_000)
    answer(store, budi.id, "bank:q1", False, millis=800)
    exam(store, sri.id, 18, passed=True)
    exam(store, budi.id, 9, passed=False)
    return store


def play_day(store: SaveStore, profile_id: int) -> None:
    log = parse_log(DAY_LOG.read_text("utf-8"))
    session = PlaySession.begin(entry(log.header.scenario), Mode.LATIHAN, store, profile_id)
    for logged in log.entries:
        session.do(logged.action)
    assert session.finished and session.save(), "the recorded day did not finish"


def answer(store: SaveStore, profile_id: int, ref: str, right: bool, *, millis: int) -> None:
    QuizRecords(store, profile_id).record_answer(
        QuizMode.LATIHAN, ref, "pemungutan", right, kind="single", response="2", millis=millis
    )


def exam(store: SaveStore, profile_id: int, correct: int, *, passed: bool) -> None:
    with store.guarded() as connection:
        connection.execute(
            "INSERT INTO quiz_exams (profile_id, at, correct, total, seconds, time_up, passed)"
            " VALUES (?, ?, ?, 20, 900, 0, ?)",
            (profile_id, store.now(), correct, int(passed)),
        )
