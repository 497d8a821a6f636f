"""Every phase can be played alone, starting from the state the scenario describes: a careful
crew gets full marks, and a crew that ends the phase at once is caught for what it skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.content.load import load_scenario
from simulator.core.actions import EndPhase
from simulator.core.careful import CarefulCrew
from simulator.core.engine import Simulation
from simulator.schema.scenario import Scenario
from simulator.schema.types import Phase

ROOT = Path(__file__).resolve().parents[1] / "scenarios"
BEFORE_COUNTING = (Phase.LOGISTIK, Phase.PEMBUKAAN, Phase.PEMUNGUTAN)


def alone(phase: Phase) -> Scenario:
    """A shipped scenario cut down to ``phase``: a full day for the morning phases, the
    counting scenario (which describes the day so far) for the later ones."""
    name = "pemilu-hari-penuh" if phase in BEFORE_COUNTING else "pilkada-calon-tunggal-hitung"
    return load_scenario(ROOT / f"{name}.yaml").model_copy(update={"phases": [phase]})


@pytest.mark.parametrize("phase", list(Phase))
def test_a_careful_crew_gets_full_marks_in_a_phase_alone(phase: Phase) -> None:
    sim = CarefulCrew(Simulation.start(alone(phase))).play()
    assert sim.finished
    assert not sim.findings, [f"{f.rule_id} ({f.subject})" for f in sim.findings]
    assert [p.phase for p in sim.score().phases] == [phase]


@pytest.mark.parametrize("phase", list(Phase))
def test_ending_a_phase_at_once_is_judged(phase: Phase) -> None:
    sim = Simulation.start(alone(phase))
    sim.apply(EndPhase())
    assert sim.finished
    assert sim.findings, f"skipping all of {phase.value} should break at least one rule"
    assert all(f.phase is phase for f in sim.findings)
    assert sim.score().overall < 100
