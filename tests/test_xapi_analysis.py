"""A class's statements read as a trainer needs them: the class at a glance, the mistakes most
trainees made, Moodle's item analysis (an item with a wrong key shows a negative
discrimination), who needs a follow-up; the same export given twice counts once."""

from __future__ import annotations

from typing import Any

import pytest

from simulator.xapi.analysis import ClassRecords, Unreadable
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


def counted(statements: list[dict[str, Any]]) -> ClassRecords:
    records = ClassRecords()
    for statement in statements:
        records.add(statement)
    return records


def test_the_same_export_twice_counts_once(statements: list[dict[str, Any]]) -> None:
    twice = counted(statements + statements)
    assert twice.repeated == len(statements)
    assert twice.summary() == counted(statements).summary()
    assert twice.item_analysis() == counted(statements).item_analysis()


def test_the_class_at_a_glance(statements: list[dict[str, Any]]) -> None:
    glance = counted(statements).summary()
    assert (glance.trainees, glance.days, glance.days_passed) == (4, 3, 2)
    assert (glance.exams, glance.exams_passed, glance.answers) == (1, 1, 20)


def test_the_most_widespread_mistakes_come_first(statements: list[dict[str, Any]]) -> None:
    [first] = counted(statements).frequent_mistakes()
    assert (first.rule, first.phase, first.trainees) == (
        "pembukaan.saksi_tanpa_mandat_diterima", "pembukaan", 2)
    assert first.mistakes, "the rule's MISTAKES entries come with it"
    assert first.share == pytest.approx(2 / 3), "two of the three trainees who played a day"


def test_moodle_item_analysis_flags_a_wrong_key(statements: list[dict[str, Any]]) -> None:
    items = {item.question: item for item in counted(statements).item_analysis()}
    assert items["bank/q1"].facility == 50 and items["bank/q1"].discrimination is not None
    assert items["bank/q1"].discrimination > 50 and not items["bank/q1"].flags
    assert items["bank/q2"].discrimination is not None and items["bank/q2"].discrimination < 0
    assert "negative" in items["bank/q2"].flags, "a key the strong trainees 'miss' is suspect"
    assert items["bank/q3"].facility == 100 and items["bank/q3"].discrimination is None
    assert "too_easy" in items["bank/q3"].flags
    assert items["bank/q1"].topic == "pemungutan"


def test_the_discrimination_index_is_the_correlation_moodle_takes() -> None:
    """Against the statistics module's own Pearson correlation, on a spread of answers."""
    import statistics

    records = ClassRecords()
    grid = [[True, True, False, True], [True, False, False, True], [False, True, True, False],
            [True, True, True, True], [False, False, False, True]]
    for who, row in enumerate(grid):
        trainee = Trainee("laptop-9", who, f"T{who}")
        for number, right in enumerate(row):
            records.add(answer_statement(trainee, AnswerRecord(
                number, "2026-12-06T09:00:00+00:00", "latihan", f"b/q{number}", "t", right)))
    first = next(i for i in records.item_analysis() if i.question == "b/q0")
    scores = [float(row[0]) for row in grid]
    rests = [sum(row[1:]) / 3 for row in grid]
    assert first.discrimination == pytest.approx(100 * statistics.correlation(scores, rests))


def test_who_needs_a_follow_up(statements: list[dict[str, Any]]) -> None:
    needing = {f.trainee: f for f in counted(statements).follow_ups()}
    # Ani "misses" only the item with the wrong key: the item analysis beside it says so.
    assert needing["Ani"].weak_topics == ("pemungutan",) and needing["Ani"].days_not_passed == 0
    assert needing["Budi"].days_not_passed == 1
    assert needing["Citra"].weak_topics == ("pemungutan", "penghitungan")
    assert set(needing) == {"Ani", "Budi", "Citra", "Dedi"}
    assert list(needing)[-1] == "Ani", "the weakest first"


def test_the_latest_answer_counts(statements: list[dict[str, Any]]) -> None:
    """Citra, wrong on q1 at first, answers it right later: the later answer is hers."""
    later = answer_statement(TRAINEES[2], AnswerRecord(
        99, "2026-12-07T09:00:00+00:00", "latihan", "bank/q1", "pemungutan", True))
    earlier_again = answer_statement(TRAINEES[2], AnswerRecord(
        98, "2026-12-01T09:00:00+00:00", "latihan", "bank/q1", "pemungutan", False))
    items = {i.question: i for i in counted([*statements, later, earlier_again]).item_analysis()}
    assert items["bank/q1"].facility == 75


def test_phase_scores_are_each_trainees_latest_day() -> None:
    records = ClassRecords()
    for number, (when, score) in enumerate([("2026-12-06T08:00:00+00:00", 40),
                                            ("2026-12-06T12:00:00+00:00", 90)]):
        records.add(day_statement(TRAINEES[0], DayRecord(
            number, "s", {"id": "S", "en": "S"}, "pemilu2024", "latihan", when, score,
            {"score": {"passed": True, "phases": {"pembukaan": {"score": score}}},
             "findings": []}, "")))
    assert records.phase_scores() == {"pembukaan": [90]}


def test_a_plan_shows_the_gain_and_who_has_not_finished() -> None:
    from simulator.xapi.statements import CHECKSUM, checksum_of, extension

    def in_plan(statement: dict[str, Any], part: str) -> dict[str, Any]:
        statement["context"]["extensions"][extension("plan")] = "bimtek-1"
        statement["context"]["extensions"][extension("plan-part")] = part
        statement["context"]["extensions"][CHECKSUM] = checksum_of(statement)
        return statement

    records = ClassRecords()
    for who, (before, after) in enumerate([((False, False), (True, True)),
                                           ((True, False), (True, True))]):
        for part, answers in (("pre", before), ("post", after)):
            for number, right in enumerate(answers):
                records.add(in_plan(answer_statement(TRAINEES[who], AnswerRecord(
                    who * 100 + number + (50 if part == "post" else 0),
                    "2026-12-06T09:00:00+00:00", "ujian", f"b/q{number}", "pemungutan",
                    right)), part))
    records.add(in_plan(answer_statement(TRAINEES[2], AnswerRecord(
        900, "2026-12-06T09:00:00+00:00", "ujian", "b/q0", "pemungutan", True)), "pre"))
    [plan] = records.plans({"bimtek-1": ["pemilu-hari-penuh"]})
    [gain] = plan.gains
    assert (gain.topic, gain.trainees, gain.pre, gain.post) == ("pemungutan", 2, 25, 100)
    assert gain.gain == 75
    missing = {name: parts for name, _, parts in plan.unfinished}
    assert missing == {"Ani": ("pemilu-hari-penuh",), "Budi": ("pemilu-hari-penuh",),
                       "Citra": ("pemilu-hari-penuh", "post")}


@pytest.mark.parametrize(
    ("change", "reason", "field"),
    [
        (lambda s: s.__setitem__("verb", {"id": "http://example.com/liked"}), "foreign",
         "verb.id"),
        (lambda s: s["object"].__setitem__("id", "http://example.com/x"), "foreign",
         "object.id"),
        (lambda s: s["actor"].__setitem__("account", {"homePage": "http://lms", "name": "1"}),
         "foreign", "actor.account.homePage"),
        (lambda s: s["result"].__setitem__("success", "yes"), "bad_value", "result.success"),
        (lambda s: s.__setitem__("timestamp", "kemarin"), "bad_value", "timestamp"),
        (lambda s: s.__setitem__("id", "not-a-uuid"), "bad_value", "id"),
    ],
)
def test_a_statement_out_of_shape_counts_nothing(
    statements: list[dict[str, Any]], change: Any, reason: str, field: str
) -> None:
    import copy

    records = ClassRecords()
    bad = copy.deepcopy(statements[0])
    change(bad)
    with pytest.raises(Unreadable) as raised:
        records.add(bad)
    assert (raised.value.reason, raised.value.field) == (reason, field)
    assert records.summary().trainees == 0, "nothing of a bad statement is counted"
