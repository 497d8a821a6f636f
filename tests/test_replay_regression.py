"""Asking what is possible changes nothing, so a day played from the offered actions replays
from its text log to the same state.

A scene (and the property test) asks ``allowed_actions()`` before every action; a replay never
asks. The forms phase once stored a blank C.Hasil for every unsigned type when asked, so a live
day held forms its replay did not, and their digests differed (found by
``test_property_replay``: pemilu-hari-penuh, seed 93272, 505 steps).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.content.load import load_scenario
from simulator.core.actionlog import LogHeader, format_log, parse_log
from simulator.core.actions import EndPhase
from simulator.core.engine import Simulation
from simulator.core.replay import apply_log
from simulator.schema.scenario import Scenario
from simulator.schema.types import Phase

ROOT = Path(__file__).resolve().parents[1] / "scenarios"
BEFORE_COUNTING = (Phase.LOGISTIK, Phase.PEMBUKAAN, Phase.PEMUNGUTAN)
STEPS = 12


def alone(phase: Phase) -> Scenario:
    name = "pemilu-hari-penuh" if phase in BEFORE_COUNTING else "pilkada-calon-tunggal-hitung"
    return load_scenario(ROOT / f"{name}.yaml").model_copy(update={"phases": [phase]})


def replayed(scenario: Scenario, live: Simulation) -> Simulation:
    header = LogHeader(scenario=scenario.id, scenario_sha256="-", seed=live.world.seed, engine="1")
    return apply_log(scenario, parse_log(format_log(header, live.log)))


@pytest.mark.parametrize("phase", list(Phase))
def test_asking_for_the_allowed_actions_changes_no_state(phase: Phase) -> None:
    sim = Simulation.start(alone(phase), seed=11)
    for step in range(STEPS):
        before = sim.digest()
        offered = [a for a in sim.allowed_actions() if not isinstance(a, EndPhase)]
        assert sim.digest() == before, f"allowed_actions() changed the state at step {step}"
        if not offered:
            break
        sim.apply(offered[step * 7 % len(offered)])


def test_forms_left_blank_replay_to_the_same_state() -> None:
    scenario = alone(Phase.FORMULIR)
    live = Simulation.start(scenario, seed=11)
    sign = next(a for a in live.allowed_actions() if a.kind == "sign_form")
    live.apply(sign)  # one form signed blank, the others never touched
    live.allowed_actions()
    live.apply(EndPhase())
    assert replayed(scenario, live).digest() == live.digest()


@pytest.mark.parametrize("phase", list(Phase))
def test_a_phase_played_from_the_offered_actions_replays_exactly(phase: Phase) -> None:
    scenario = alone(phase)
    live = Simulation.start(scenario, seed=11)
    for step in range(STEPS):
        if live.finished:
            break
        offered = live.allowed_actions()
        live.apply(offered[step * 5 % len(offered)])
    assert replayed(scenario, live).digest() == live.digest()
