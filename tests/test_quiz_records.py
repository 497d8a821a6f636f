"""Quiz records in the save file: a save from before the quiz gains its tables and keeps
everything; answers, cards, exams and the polling day survive a restart."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from simulator.persistence.quiz_records import QuizRecords
from simulator.persistence.savefile import migrate as _migrate
from simulator.persistence.store import SAVE_FILE_NAME, SaveStore
from simulator.quiz.schedule import Card
from simulator.quiz.session import Mode


def test_a_save_from_before_the_quiz_is_migrated_and_keeps_its_profiles(tmp_path: Path) -> None:
    raw = sqlite3.connect(tmp_path / SAVE_FILE_NAME, isolation_level=None)
    _migrate(raw, up_to=1)
    raw.execute("INSERT INTO profiles (name, name_key, created) VALUES ('Sari', 'sari', 'x')")
    raw.close()
    store, notice = SaveStore.open(tmp_path)
    assert notice is None, "an older save must be migrated, not set aside"
    [profile] = store.profiles()
    records = QuizRecords(store, profile.id)
    records.record_answer(Mode.ULANGAN, "b/q1", "tinta", False, Card("b/q1", due=5, seen=1))
    assert records.cards()["b/q1"].due == 5


def test_quiz_history_survives_a_restart(tmp_path: Path) -> None:
    store, _ = SaveStore.open(tmp_path)
    profile = store.create_profile("Sari")
    records = QuizRecords(store, profile.id)
    records.set_polling_day(date(2026, 11, 27))
    records.record_answer(
        Mode.LATIHAN, "b/q1", "tinta", True, Card("b/q1", box=1, due=9, seen=1, last=8)
    )
    store.close()
    store, _ = SaveStore.open(tmp_path)
    records = QuizRecords(store, profile.id)
    assert records.polling_day() == date(2026, 11, 27)
    assert records.cards()["b/q1"] == Card("b/q1", box=1, due=9, seen=1, last=8)
    [topic] = records.by_topic()
    assert (topic.topic, topic.correct, topic.total) == ("tinta", 1, 1)


def test_a_damaged_polling_day_setting_is_forgotten_not_fatal(tmp_path: Path) -> None:
    store, _ = SaveStore.open(tmp_path)
    profile = store.create_profile("Sari")
    store.set_setting("quiz.polling_day", "kemarin", profile_id=profile.id)
    assert QuizRecords(store, profile.id).polling_day() is None


def test_deleting_a_profile_deletes_its_quiz_history(tmp_path: Path) -> None:
    store, _ = SaveStore.open(tmp_path)
    sari, budi = store.create_profile("Sari"), store.create_profile("Budi")
    for profile in (sari, budi):
        QuizRecords(store, profile.id).record_answer(
            Mode.LATIHAN, "b/q1", "tinta", True, Card("b/q1", seen=1)
        )
    store.delete_profile(sari.id)
    assert QuizRecords(store, sari.id).by_topic() == []
    assert len(QuizRecords(store, budi.id).by_topic()) == 1
