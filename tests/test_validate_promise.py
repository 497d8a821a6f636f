"""What ``validate`` accepts, every verb runs (issue 11, item 2): scenarios and quiz banks
drawn from their models' JSON Schema (a shipped file with one part replaced by a value from
that part's schema: see ``tests/schema_fuzz.py``) are either refused by ``validate`` with a
located error, or played to the end — a careful day (``run --careful``), its screens
(``shot``, in the slow run) and every question of a bank (the quiz) — without an exception."""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.app.library import ScenarioEntry
from simulator.cli import _parser
from simulator.cli.quiz import Terminal, run_quiz
from simulator.content import load_scenario, scenario_sha256
from simulator.content.load import check_file
from simulator.core.careful import play_careful_day
from simulator.core.engine import Simulation
from simulator.i18n import catalog
from tests.schema_fuzz import mutants

ROOT = Path(__file__).resolve().parents[1]
#: the short days (a full day takes seconds to play, more to draw): enough to reach every part
#: of the schema, as each file holds most of it
SCENARIOS = ["meja-pemilih-jebakan", "pilkada-calon-tunggal-hitung"]
BANKS = sorted(path.stem for path in (ROOT / "scenarios" / "quiz").glob("*.yaml"))
def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.filter_too_much],
        derandomize=True,  # the same cases on every run: a failure is always reproducible
    )


def base(path: Path) -> dict[str, Any]:
    loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    assert isinstance(loaded, dict)
    return loaded


def written(document: dict[str, Any], folder: Path, name: str) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def accepted(path: Path) -> bool:
    report = check_file(path)
    assert not any(p.code == "internal" for p in report.problems), (
        f"validate failed inside on {path.name}: {report.problems}"
    )
    if not report.valid:
        assert all(p.line >= 1 for p in report.errors), "a refusal without its place"
    return report.valid


def play_scenario(path: Path, shots: bool) -> None:
    scenario = load_scenario(path)
    sim = play_careful_day(Simulation.start(scenario))
    assert sim.finished, f"{path.name}: the careful crew did not reach the end of the day"
    if shots:
        from simulator.app.shots import render_shots

        entry = ScenarioEntry(path, scenario, scenario_sha256(path))
        render_shots(entry, path.parent / "shots", (1366, 768), "id")


def play_bank(path: Path) -> None:
    """Every question of the bank asked in the terminal quiz and answered (with the first
    choice, or 1), as a trainee would, in both languages."""
    for lang in ("id", "en"):
        namespace = _parser(lang).parse_args(["quiz", str(path), "--seed", "1"])
        answers = iter(["1"] * 5000)
        out: list[str] = []
        terminal = Terminal(
            lambda answers=answers: next(answers, None), out.append, lambda: 0.0, 78
        )
        code = run_quiz(namespace, catalog(lang), terminal, date.today())
        assert code == 0, "\n".join(out[-5:])


def hold_to_promise(
    data: st.DataObject, kind: str, source: Path, play: Callable[[Path, dict[str, Any]], None]
) -> None:
    """Draw a file of ``kind`` from ``source``; if validate accepts it, ``play`` it."""
    document = data.draw(mutants(kind, base(source)))
    with tempfile.TemporaryDirectory() as folder:
        path = written(document, Path(folder), source.stem)
        if accepted(path):
            play(path, document)


@pytest.mark.slow
@pytest.mark.parametrize("name", SCENARIOS)
@fuzz(12)
@given(data=st.data())
def test_a_scenario_validate_accepts_plays_its_day(name: str, data: st.DataObject) -> None:
    hold_to_promise(data, "scenario", ROOT / "scenarios" / f"{name}.yaml",
                    lambda path, _: play_scenario(path, shots=False))


@pytest.mark.slow
@pytest.mark.parametrize("name", BANKS)
@fuzz(10)
@given(data=st.data())
def test_a_bank_validate_accepts_is_asked_whole(name: str, data: st.DataObject) -> None:
    hold_to_promise(data, "quiz", ROOT / "scenarios" / "quiz" / f"{name}.yaml",
                    lambda path, _: play_bank(path))


@pytest.mark.slow
@pytest.mark.parametrize("name", [*SCENARIOS, "pilkada-hari-penuh", "pemilu-hari-penuh"])
@fuzz(20)
@given(data=st.data())
def test_many_scenarios_validate_accepts_play_and_draw(name: str, data: st.DataObject) -> None:
    def play(path: Path, document: dict[str, Any]) -> None:
        play_scenario(path, shots=random.Random(len(str(document))).random() < 0.15)

    hold_to_promise(data, "scenario", ROOT / "scenarios" / f"{name}.yaml", play)


# --- the classes that were found ----------------------------------------------------------


def test_weights_that_leave_no_one_to_vote_for_are_refused(tmp_path: Path) -> None:
    document = base(ROOT / "scenarios" / "pemilu-hari-penuh.yaml")
    document["ballots"]["generated"]["ppwp"]["weights"] = {1: 0, 2: 0, 3: 0}
    report = check_file(written(document, tmp_path, "weights"))
    assert [p.code for p in report.errors] == ["lint.ballots.no_one_to_vote_for"]
    assert report.errors[0].line > 1


def test_a_bank_contest_with_two_pairs_under_one_number_is_refused(tmp_path: Path) -> None:
    document = base(ROOT / "scenarios" / "quiz" / "pilkada.yaml")
    document["contests"][0]["pairs"][2]["number"] = 2
    report = check_file(written(document, tmp_path, "bank"))
    assert "lint.contest.duplicate_number" in [p.code for p in report.errors]
