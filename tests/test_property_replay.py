"""Random legal play: the engine never refuses what it offers, ballots are conserved, the forms
built from the day reconcile, and the text log replays to the same state, byte for byte."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.content.load import load_scenario
from simulator.core import forms
from simulator.core.actionlog import LogHeader, format_log, parse_log
from simulator.core.actions import EndPhase
from simulator.core.engine import Simulation
from simulator.core.phases import formulir
from simulator.core.replay import apply_log
from simulator.schema.scenario import Scenario

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
SCENARIO_FILES = sorted(p.name for p in SCENARIOS.glob("*.yaml"))
MAX_STEPS = 600
# Identities that hold by conservation whatever the trainee did; R3 and R9 can fail when a
# trainee enters voters in the wrong attendance list, which is their mistake to see on the form.
CONSERVATION = {"R4", "R5", "R6", "R7", "R8", "R10"}


@cache
def scenario(name: str) -> Scenario:
    return load_scenario(SCENARIOS / name)


def play_randomly(sim: Simulation, data: st.DataObject, steps: int) -> None:
    for _ in range(steps):
        if sim.finished:
            return
        options = sim.allowed_actions()
        # Ending the phase is always offered; choosing it rarely lets play reach later phases.
        staying = [a for a in options if not isinstance(a, EndPhase)]
        if staying and data.draw(st.integers(0, 19), label="stay") > 0:
            options = staying
        choice = data.draw(st.integers(0, len(options) - 1), label="action")
        sim.apply(options[choice])  # must not raise: it was offered as possible


def assert_ballots_conserved(sim: Simulation) -> None:
    world = sim.world
    for ballot, stock in world.stocks.items():
        held = sum(
            vs.ballots.count(ballot) for vs in world.voters.values() if not vs.done and vs.ballots
        )
        cast = len(world.boxes[ballot].contents)
        preset = stock.issued - stock.returned if world.attendance_preset else None
        if preset is not None:
            assert cast == preset, f"{ballot}: {cast} in the box, {preset} issued and kept"
            continue
        assert stock.issued == cast + stock.returned + held, (
            f"{ballot}: issued {stock.issued} ≠ in box {cast} + returned {stock.returned} "
            f"+ still held {held}"
        )
        assert stock.remaining >= 0, f"{ballot}: more ballots issued than received"


def assert_day_reconciles(sim: Simulation) -> None:
    world = sim.world
    if world.voting.at_desk is not None or len(world.counting.finished) < len(world.boxes):
        return
    if world.scenario.counting_start is not None and {"M38", "M60"} & set(world.scenario.mistakes):
        return  # a box that holds one ballot too many is that scenario's point (lint allows it)
    for ballot in world.boxes:
        contest = world.scenario.contest(ballot)
        assert contest is not None
        failures = forms.check_identities(formulir.expected(world, ballot), contest)
        broken = sorted({f.identity for f in failures} & CONSERVATION)
        assert not broken, f"{ballot}: the day's own figures break {broken}: {failures}"


@pytest.mark.slow
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    name=st.sampled_from(SCENARIO_FILES),
    seed=st.integers(0, 2**32),
    steps=st.integers(1, MAX_STEPS),
    data=st.data(),
)
def test_random_play_replays_exactly(name: str, seed: int, steps: int, data: st.DataObject) -> None:
    live = Simulation.start(scenario(name), seed=seed)
    play_randomly(live, data, steps)
    assert_ballots_conserved(live)
    assert_day_reconciles(live)

    header = LogHeader(scenario=live.world.scenario.id, scenario_sha256="-", seed=seed, engine="1")
    text = format_log(header, live.log)
    replayed = apply_log(scenario(name), parse_log(text))
    assert replayed.digest() == live.digest(), "replaying the text log gave another state"
    assert replayed.score() == live.score(), "replaying the text log gave another score"
    assert format_log(header, replayed.log) == text, "the replayed log differs from the original"


@pytest.mark.slow
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    name=st.sampled_from(SCENARIO_FILES),
    seed=st.integers(0, 2**32),
    before=st.integers(0, MAX_STEPS // 2),
    after=st.integers(1, MAX_STEPS // 2),
    data=st.data(),
)
def test_a_fork_goes_its_own_way(
    name: str, seed: int, before: int, after: int, data: st.DataObject
) -> None:
    """A fork of the day (a screen made ahead on what ending the phase would give) goes on
    exactly as the day would, and neither disturbs the other."""
    day = Simulation.start(scenario(name), seed=seed)
    play_randomly(day, data, before)
    if day.finished:
        return
    as_it_was = day.digest()
    fork = day.fork()
    assert fork.digest() == as_it_was, "a fork does not start where the day stands"
    play_randomly(fork, data, after)
    assert day.digest() == as_it_was, "playing on a fork changed the day it was taken from"
    where_the_fork_went = fork.digest()
    for entry in fork.log[len(day.log) :]:
        if day.finished:
            break
        day.apply(entry.action)
    assert fork.digest() == where_the_fork_went, "playing on the day changed its fork"
    assert day.digest() == fork.digest(), "the day given the fork's actions ended elsewhere"
    assert day.score() == fork.score(), "the day given the fork's actions scored otherwise"
