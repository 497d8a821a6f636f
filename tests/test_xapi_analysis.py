"""A class's statements read as a trainer needs them: the class at a glance, the mistakes most
trainees made, Moodle's item analysis (an item with a wrong key shows a negative
discrimination), who needs a follow-up; the same export given twice counts once."""

from __future__ import annotations

from typing import Any

import pytest

from simulator.xapi.analysis import (
    distinct,
    follow_ups,
    frequent_mistakes,
    item_analysis,
    summary,
)
from simulator.xapi.statements import (
    AnswerRecord,
    DayRecord,
    ExamRecord,
    Trainee,
    answer_statement,
    day_statement,
    exam_statement,
)

TRAINEES = [Trainee("laptop-1", n, name) for n, name in enumerate(["Ani", "Budi", "Citra", "Dedi"])]
# Each trainee's answers: q1 tells strong from weak, q2's key is wrong (the strong "miss" it),
# q3 everybody gets, q4 and q5 make the rest of the quiz.
ANSWERS = {
    "Ani": {"q1": True, "q2": False, "q3": True, "q4": True, "q5": True},
    "Budi": {"q1": True, "q2": False, "q3": True, "q4": True, "q5": False},
    "Citra": {"q1": False, "q2": True, "q3": True, "q4": False, "q5": False},
    "Dedi": {"q1": False, "q2": True, "q3": True, "q4": False, "q5": False},
}


def day(trainee: Trainee, number: int, passed: bool, mistakes: list[str]) -> dict[str, Any]:
    findings = [{"rule": "pembukaan.saksi_tanpa_mandat_diterima", "phase": "pembukaan",
                 "severity": "berat"} for _ in mistakes]
    return day_statement(
        trainee,
        DayRecord(number, "pemilu-hari-penuh", {"id": "Hari", "en": "Day"}, "pemilu2024",
                  "latihan", "2026-12-06T08:00:00+00:00", 90 if passed else 50,
                  {"score": {"passed": passed, "phases": {}}, "findings": findings}, "log"),
    )


@pytest.fixture
def statements() -> list[dict[str, Any]]:
    made: list[dict[str, Any]] = []
    for trainee in TRAINEES:
        for number, (question, right) in enumerate(ANSWERS[trainee.name].items()):
            made.append(answer_statement(trainee, AnswerRecord(
                number, f"2026-12-06T09:0{number}:00+00:00", "latihan", f"bank/{question}",
                "pemungutan" if question in ("q1", "q2") else "penghitungan", right)))
    made.append(day(TRAINEES[0], 1, True, ["M09"]))
    made.append(day(TRAINEES[1], 2, False, ["M09"]))
    made.append(day(TRAINEES[2], 3, True, []))
    made.append(exam_statement(TRAINEES[0], ExamRecord(1, "2026-12-06T10:00:00+00:00",
                                                       18, 20, 600, True)))
    return made


def test_the_same_export_twice_counts_once(statements: list[dict[str, Any]]) -> None:
    twice = distinct(statements + statements)
    assert len(twice) == len(statements)
    assert summary(twice) == summary(statements)


def test_the_class_at_a_glance(statements: list[dict[str, Any]]) -> None:
    glance = summary(distinct(statements))
    assert (glance.trainees, glance.days, glance.days_passed) == (4, 3, 2)
    assert (glance.exams, glance.exams_passed) == (1, 1)


def test_the_most_widespread_mistakes_come_first(statements: list[dict[str, Any]]) -> None:
    [first] = frequent_mistakes(distinct(statements))
    assert (first.mistake, first.phase, first.trainees) == ("M09", "pembukaan", 2)
    assert first.share == pytest.approx(2 / 3), "two of the three trainees who played a day"


def test_moodle_item_analysis_flags_a_wrong_key(statements: list[dict[str, Any]]) -> None:
    items = {item.question: item for item in item_analysis(distinct(statements))}
    assert items["bank/q1"].facility == 50 and items["bank/q1"].discrimination is not None
    assert items["bank/q1"].discrimination > 50 and not items["bank/q1"].flags
    assert items["bank/q2"].discrimination is not None and items["bank/q2"].discrimination < 0
    assert "negative" in items["bank/q2"].flags, "a key the strong trainees 'miss' is suspect"
    assert items["bank/q3"].facility == 100 and items["bank/q3"].discrimination is None
    assert "too_easy" in items["bank/q3"].flags


def test_who_needs_a_follow_up(statements: list[dict[str, Any]]) -> None:
    needing = {f.trainee: f for f in follow_ups(distinct(statements))}
    # Ani "misses" only the item with the wrong key: the item analysis beside it says so.
    assert needing["Ani"].weak_topics == ("pemungutan",) and needing["Ani"].days_not_passed == 0
    assert needing["Budi"].days_not_passed == 1
    assert needing["Citra"].weak_topics == ("pemungutan", "penghitungan")
    assert set(needing) == {"Ani", "Budi", "Citra", "Dedi"}
    assert list(needing)[-1] == "Ani", "the weakest first"
