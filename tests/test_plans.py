"""Class plans (``scenarios/plans/``): the model, validate's checks with their lines, the JSON
Schema, and the steps a plan gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.cli import main as cli_main
from simulator.content import validate_paths
from simulator.content.plans import PLAN_DIR, find_plan, load_plan, plan_files
from simulator.schema.plan import ClassPlan, PlanStep

ROOT = Path(__file__).resolve().parents[1]

GOOD = """\
id: kelas-uji
title: {id: "Kelas uji", en: "Test class"}
date: 2027-02-03
place: Aula Desa
pre_test:
  questions: [pkd-sah-kosong-01, pilkada/pkd-psu-01]
scenarios: [meja-pemilih-jebakan, pemilu-hari-penuh]
post_test:
  questions: [pkd-sah-kosong-01, pkd-psu-01]
"""


def write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[tuple[int, str, str]]:
    """(line, field path, code) of every problem of one file."""
    [report] = validate_paths([path])
    return [(p.line, p.path, p.code) for p in report.problems]


@pytest.mark.slow
def test_the_shipped_plans_are_valid_and_found_by_id() -> None:
    files = plan_files()
    assert len(files) >= 2, f"expected at least two shipped plans in {PLAN_DIR}"
    for report in validate_paths(files):
        assert report.valid and report.kind == "plan", (
            f"{report.path} should be a valid plan; problems: {report.problems}")
    plan = load_plan(files[0])
    assert find_plan(plan.id) == plan, "find_plan should find a shipped plan by its id"
    assert find_plan("no-such-plan") is None


def test_a_good_plan_validates_and_lists_its_steps_in_order(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    assert problems(path) == [], "a plan naming shipped questions and scenarios is valid"
    plan = load_plan(path)
    assert isinstance(plan, ClassPlan)
    assert plan.steps() == (
        PlanStep(1, "pre"),
        PlanStep(2, "play", "meja-pemilih-jebakan"),
        PlanStep(3, "play", "pemilu-hari-penuh"),
        PlanStep(4, "post"),
    )
    assert plan.pre_test.size == 2 and plan.pre_test.seconds == 120, (
        "without minutes a test gets one minute a question")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("pkd-sah-kosong-01, pilkada", "pkd-sah-kosong-99, pilkada",
         (6, "pre_test.questions[0]", "plan.question_unknown")),
        ("[meja-pemilih-jebakan, pemilu", "[meja-pemilih, pemilu",
         (7, "scenarios[0]", "plan.scenario_unknown")),
        ("pemilu-hari-penuh]", "meja-pemilih-jebakan]",
         (7, "scenarios[1]", "plan.scenario_twice")),
        ("date: 2027-02-03", "date: 03-02-2027", (3, "date", "schema.value")),
        ("  questions: [pkd-sah-kosong-01, pkd-psu-01]",
         "  questions: [pkd-psu-01, pkd-psu-01]",
         (9, "post_test.questions[1]", "plan.question_twice")),
        ("place: Aula Desa\n", "", (1, "place", "schema.missing")),
    ],
)
def test_a_bad_plan_is_refused_at_its_line_and_field(
    tmp_path: Path, old: str, new: str, expected: tuple[int, str, str]
) -> None:
    assert old in GOOD, f"the test's plan no longer holds {old!r}"
    path = write(tmp_path, GOOD.replace(old, new, 1))
    assert expected in problems(path), (
        f"changing {old!r} to {new!r} should be reported as {expected}; got {problems(path)}")


def test_a_drawn_test_needs_enough_questions_and_the_same_topics_as_the_other(
    tmp_path: Path,
) -> None:
    text = GOOD.replace(
        "pre_test:\n  questions: [pkd-sah-kosong-01, pilkada/pkd-psu-01]",
        "pre_test:\n  draw: {count: 5, topics: [jadwal]}",
    ).replace(
        "post_test:\n  questions: [pkd-sah-kosong-01, pkd-psu-01]",
        "post_test:\n  draw: {count: 5, topics: [pemilih]}",
    )
    found = problems(write(tmp_path, text))
    assert (6, "pre_test.draw.count", "plan.draw_too_many") in found, (
        f"jadwal has only 4 questions, so 5 cannot be drawn; got {found}")
    assert (9, "post_test.draw.topics", "plan.draw_topics_differ") in found, (
        f"a post-test drawn from other topics is unfair; got {found}")


def test_a_test_is_a_list_or_a_draw_not_both(tmp_path: Path) -> None:
    text = GOOD.replace("pre_test:\n", "pre_test:\n  draw: {count: 2}\n")
    assert (5, "pre_test", "schema.value") in problems(write(tmp_path, text))


def test_validate_says_the_line_and_field_in_the_users_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, GOOD.replace("meja-pemilih-jebakan,", "meja-pemilih-jebakn,"))
    assert cli_main(["validate", str(path)]) == 2
    out = capsys.readouterr().out
    assert f"{path}:7:13: scenarios[0]: tidak ada skenario ber-id 'meja-pemilih-jebakn'" in out
    assert "maksud Anda 'meja-pemilih-jebakan'?" in out, out
    assert cli_main(["--lang", "en", "validate", str(path)]) == 2
    assert "no scenario with id 'meja-pemilih-jebakn'" in capsys.readouterr().out


def test_the_plan_schema_is_printed_for_editors(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["schema", "--kind", "plan"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Simulasi TPS class plan"
    assert {"pre_test", "scenarios", "post_test", "date", "place"} <= set(schema["properties"])


def test_the_scenario_picker_does_not_offer_plans() -> None:
    from simulator.app.library import load_library

    paths = [entry.path for entry in load_library()]
    assert not [p for p in paths if "plans" in p.parts], "a plan is not a scenario to play"
