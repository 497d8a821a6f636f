"""Results got as steps of a class plan: the save file keeps the plan and the part, a
trainee's progress is read back from it, and the xAPI statements carry both (with one
registration per trainee and plan), still accepted by Ralph's models."""

from __future__ import annotations

import random
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from simulator.app.play import Mode, PlaySession
from simulator.app.quiz_play import QuizPlay, load_quiz_library
from simulator.content.plans import PLAN_DIR, load_plan
from simulator.core.actionlog import parse_log
from simulator.persistence import savefile
from simulator.persistence.plan_records import next_step, plan_done, step_states
from simulator.persistence.quiz_records import QuizRecords
from simulator.persistence.store import SaveStore
from simulator.quiz.session import Mode as QuizMode
from simulator.schema.plan import ClassPlan, PlanTag
from simulator.xapi.export import laptop_id, profile_statements
from simulator.xapi.statements import NAMESPACE, extension
from tests.pilot import entry

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2027, 1, 20)
PLAN_FILE = PLAN_DIR / "bimtek-pilkada-calon-tunggal.yaml"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SaveStore]:
    opened, _ = SaveStore.open(tmp_path / "data")
    yield opened
    opened.close()


def sit(plan: ClassPlan, part: str, store: SaveStore, profile_id: int) -> QuizPlay:
    """Sit a plan's test to the end, answering every question right."""
    tag = PlanTag(plan.id, part)  # type: ignore[arg-type]
    play = QuizPlay.for_plan(plan.test(tag.part), tag, load_quiz_library(),
                             QuizRecords(store, profile_id), TODAY, seed=3)
    while play.run.current() is not None:
        shown = play.run.current()
        assert shown is not None
        play.answer(shown.item.key.answer)
    play.finish()
    return play


def play_day(scenario: str, store: SaveStore, profile_id: int, plan: PlanTag | None) -> None:
    log = parse_log((ROOT / "tests" / "playthroughs" / f"{scenario}.benar.log")
                    .read_text("utf-8"))
    session = PlaySession.begin(entry(scenario), Mode.LATIHAN, store, profile_id, plan=plan)
    for logged in log.entries:
        session.do(logged.action)
    assert session.finished and session.save(), f"the day of {scenario} should end and be saved"


def test_a_plan_test_asks_exactly_the_plans_questions_as_an_exam() -> None:
    plan = load_plan(PLAN_FILE)
    play = QuizPlay.for_plan(plan.pre_test, PlanTag(plan.id, "pre"), load_quiz_library(),
                             None, TODAY, seed=1)
    assert play.run.mode is QuizMode.UJIAN, "a pre-test marks nothing until the end"
    assert [item.question.id for item in play.run.queue] == plan.pre_test.questions
    assert play.run.time_limit == 60 * len(plan.pre_test.questions or [])


def test_a_drawn_plan_test_draws_its_count_from_its_banks_and_topics() -> None:
    plan = load_plan(PLAN_DIR / "bimtek-pemilu-satu-hari.yaml")
    draw = plan.pre_test.draw
    assert draw is not None and draw.banks is not None and draw.topics is not None
    play = QuizPlay.for_plan(plan.pre_test, PlanTag(plan.id, "pre"), load_quiz_library(),
                             None, TODAY, seed=random.Random(5).randrange(1000))
    queue = play.run.queue
    assert len(queue) == draw.count
    assert {item.bank.bank for item in queue} <= set(draw.banks)
    assert {item.topic for item in queue} <= {str(topic) for topic in draw.topics}
    assert play.run.time_limit == 60 * plan.pre_test.minutes  # type: ignore[operator]


def test_progress_follows_the_steps_done_as_part_of_the_plan(store: SaveStore) -> None:
    plan = load_plan(PLAN_FILE)
    sri = store.create_profile("Sri")
    states = step_states(plan.steps(), plan_done(store, sri.id, plan.id))
    assert [s.done for s in states] == [False] * 4
    assert next_step(states) == states[0]
    sit(plan, "pre", store, sri.id)
    play_day("pilkada-calon-tunggal-hitung", store, sri.id, None)  # not as part of the plan
    states = step_states(plan.steps(), plan_done(store, sri.id, plan.id))
    assert [s.done for s in states] == [True, False, False, False], (
        "only results recorded under the plan count: the day played on its own does not")
    assert states[0].score == 100 and not states[0].can_start, "the pre-test is sat once"
    play_day("pilkada-calon-tunggal-hitung", store, sri.id, PlanTag(plan.id, "play"))
    states = step_states(plan.steps(), plan_done(store, sri.id, plan.id))
    assert [s.done for s in states] == [True, True, False, False]
    assert next_step(states) == states[2] and states[2].scenario == "pilkada-hari-penuh"
    other = store.create_profile("Budi")
    assert next_step(step_states(plan.steps(), plan_done(store, other.id, plan.id))) \
        is not None and plan_done(store, other.id, plan.id).tests == {}, (
        "another trainee's progress is their own")


def statements_of(store: SaveStore, name: str) -> list[dict[str, Any]]:
    profile = next(p for p in store.profiles() if p.name == name)
    return list(profile_statements(store, profile))


def test_statements_of_a_plan_carry_the_plan_the_part_and_one_registration(
    store: SaveStore,
) -> None:
    plan = load_plan(PLAN_FILE)
    sri = store.create_profile("Sri")
    sit(plan, "pre", store, sri.id)
    play_day("pilkada-calon-tunggal-hitung", store, sri.id, PlanTag(plan.id, "play"))
    sit(plan, "post", store, sri.id)
    QuizRecords(store, sri.id).record_answer(QuizMode.LATIHAN, "pilkada/pkd-psu-01",
                                             "psu_pidana", True)  # outside the plan
    statements = statements_of(store, "Sri")
    for statement in statements:
        BaseXapiStatement.model_validate(statement)
    parts = [s["context"].get("extensions", {}).get(extension("plan-part"))
             for s in statements]
    questions = len(plan.pre_test.questions or [])
    assert parts == ["play"] + ["pre"] * questions + ["post"] * questions + [None] + \
        ["pre", "post"], f"a day, the answers of both tests, one free answer, two exams: {parts}"
    registration = str(uuid.uuid5(NAMESPACE, f"plan/{plan.id}/{laptop_id(store)}/{sri.id}"))
    for statement, part in zip(statements, parts, strict=True):
        context = statement["context"]
        if part is None:
            assert "registration" not in context
            assert extension("plan") not in context.get("extensions", {}), (
                "a result outside a plan carries no plan extension")
            continue
        assert context["extensions"][extension("plan")] == plan.id
        assert context["registration"] == registration, (
            "every statement of one trainee's plan shares one registration")


def test_a_save_from_before_plans_opens_with_its_results_outside_any_plan(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    raw = sqlite3.connect(folder / "saves.db", isolation_level=None)
    savefile.migrate(raw, up_to=len(savefile.MIGRATIONS) - 1)
    raw.execute("INSERT INTO profiles (name, name_key, created) VALUES ('Sri', 'sri', 'x')")
    raw.execute("INSERT INTO quiz_exams (profile_id, at, correct, total, seconds, time_up,"
                " passed) VALUES (1, '2026-01-01T00:00:00+00:00', 5, 10, 60, 0, 0)")
    raw.close()
    store, notice = SaveStore.open(folder)
    assert notice is None, "a save of the version before is migrated, not set aside"
    [(_, exam)] = QuizRecords(store, 1).all_exams()
    assert exam.plan is None and exam.plan_part is None
    with pytest.raises(ValueError), store.guarded() as connection:
        connection.execute("UPDATE quiz_exams SET plan_part = 'middle'")
    store.close()
