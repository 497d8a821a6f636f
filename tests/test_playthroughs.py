"""The recorded playthroughs of every shipped scenario replay exactly, and the mistaken ones
break exactly the rules their crews were scripted to break (tests/playthroughs/crews.py)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from mistakes import MISTAKES
from playthroughs.library import expected_mistakes

from simulator.content.load import load_scenario, scenario_sha256
from simulator.core.catalogue import RULES_BY_ID
from simulator.core.engine import Simulation
from simulator.core.replay import apply_log, result_of
from simulator.core.scoring import Verdict
from simulator.persistence.logfile import read_log
from simulator.schema.scenario import Scenario
from simulator.schema.types import Severity

ROOT = Path(__file__).resolve().parents[1]
LOGS = Path(__file__).resolve().parent / "playthroughs"
SCENARIO_IDS = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))
EXPECTED_MISTAKES = expected_mistakes()



@cache
def scenario(scenario_id: str) -> Scenario:
    return load_scenario(ROOT / "scenarios" / f"{scenario_id}.yaml")


def replay(scenario_id: str, label: str) -> Simulation:
    path = LOGS / f"{scenario_id}.{label}.log"
    log = read_log(path)
    sim = apply_log(scenario(scenario_id), log)
    assert log.result is not None, f"{path.name} has no recorded result"
    assert result_of(sim) == log.result, (
        f"{path.name} no longer replays to its recorded result "
        f"(score {log.result.score} → {sim.score().overall}); re-record only on purpose"
    )
    assert log.header.scenario_sha256 == scenario_sha256(
        ROOT / "scenarios" / f"{scenario_id}.yaml"
    ), f"scenarios/{scenario_id}.yaml changed since {path.name} was recorded"
    return sim


def test_every_scenario_has_both_playthroughs() -> None:
    assert set(EXPECTED_MISTAKES) == set(SCENARIO_IDS), "a shipped scenario lacks its playthroughs"


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
def test_correct_playthrough_has_no_findings(scenario_id: str) -> None:
    sim = replay(scenario_id, "benar")
    assert sim.finished, "the correct playthrough stops before the end of the day"
    assert not sim.findings, [f"{f.rule_id} ({f.subject})" for f in sim.findings]
    assert sim.score().overall == 100


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
def test_mistaken_playthrough_breaks_the_scripted_rules(scenario_id: str) -> None:
    sim = replay(scenario_id, "keliru")
    assert sim.finished, "the mistaken playthrough stops before the end of the day"
    found = {f.rule_id for f in sim.findings}
    expected = EXPECTED_MISTAKES[scenario_id]
    assert found == expected, (
        f"missing: {sorted(expected - found)}; unexpected: {sorted(found - expected)}"
    )
    assert sim.score().overall < 100


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
def test_a_mistaken_playthrough_gets_the_verdict_its_mistakes_earn(scenario_id: str) -> None:
    """Each scripted careless crew is judged as MISTAKES.md grades what it did: a crew that made
    a mistake the notes call critical is "not passed — critical", whatever its points."""
    sim = replay(scenario_id, "keliru")
    score = sim.score()
    assert not score.passed, f"a careless crew passed with {score.overall}"
    critical_in_notes = sorted(
        {
            f.rule_id
            for f in sim.findings
            if any(MISTAKES[m][2] == "critical" for m in RULES_BY_ID[f.rule_id].mistakes)
            and not RULES_BY_ID[f.rule_id].severity_note
        }
    )
    for rule_id in critical_in_notes:
        assert RULES_BY_ID[rule_id].severity is Severity.KRITIS, (
            f"{rule_id} catches a mistake MISTAKES.md calls critical but is "
            f"{RULES_BY_ID[rule_id].severity.value}"
        )
    if critical_in_notes:
        assert score.verdict is Verdict.CRITICAL, (
            f"{scenario_id}: made {critical_in_notes} yet the verdict is {score.verdict.value}"
        )


@cache
def shown_by_a_scenario() -> dict[str, list[str]]:
    """Each MISTAKES entry → the scenarios that declare it *and* whose recorded mistaken
    playthrough breaks a rule that catches it."""
    shown: dict[str, list[str]] = {}
    for scenario_id in SCENARIO_IDS:
        sim = replay(scenario_id, "keliru")
        fired = {m for f in sim.findings for m in RULES_BY_ID[f.rule_id].mistakes}
        for mistake in sorted(set(scenario(scenario_id).mistakes) & fired):
            shown.setdefault(mistake, []).append(scenario_id)
    return shown


@pytest.mark.slow
@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_every_mistake_is_declared_and_shown_by_a_scenario(mistake: str) -> None:
    """The trainer's list of "common mistake scenarios" is real: each MISTAKES entry is
    declared by a shipped scenario whose recorded mistaken playthrough makes it."""
    assert shown_by_a_scenario().get(mistake), f"no scenario declares and shows {mistake}"
