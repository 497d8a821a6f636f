"""The scoring model keeps its promise: a score reflects the duties done and what each mistake
causes on the real day, a critical mistake or an unfinished phase is never "passed", and the
verdict words follow the bands of ``core/scoring`` only."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.content.load import load_scenario
from simulator.core.actions import Action, EndPhase
from simulator.core.careful import CarefulCrew
from simulator.core.engine import Simulation
from simulator.core.rules import Finding
from simulator.core.scoring import (
    PASS_MARK,
    Duty,
    Verdict,
    completion_percent,
    score_day,
)
from simulator.i18n import LANGUAGES, catalog
from simulator.schema.scenario import Scenario
from simulator.schema.types import Phase, Severity

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
SCENARIO_FILES = sorted(p.name for p in SCENARIOS.glob("*.yaml"))


@cache
def scenario(name: str) -> Scenario:
    return load_scenario(SCENARIOS / name)


def finding(phase: Phase, severity: Severity, points: int) -> Finding:
    return Finding("x.y", phase, severity, points, at=0)


# --- the model, on tiny data -------------------------------------------------------------------


def test_completion_weighs_each_duty_the_same_and_counts_a_part_done() -> None:
    duties = [Duty("a", 1), Duty("b", 0), Duty("box", 30, 60), Duty("c", 1)]
    assert completion_percent(duties) == 63  # (1 + 0 + 0.5 + 1) / 4 = 62.5, half up
    assert completion_percent([]) == 0, "a phase with nothing listed has done nothing"


def test_a_phase_scores_its_share_of_duties_less_the_points_it_lost() -> None:
    phase = Phase.PENGHITUNGAN
    score = score_day([finding(phase, Severity.BERAT, 8)], [phase], {phase: [Duty("a", 1)]})
    assert score.phases[0].score == 92
    half = score_day([], [phase], {phase: [Duty("a", 1), Duty("b", 0)]})
    assert half.phases[0].score == 50 and not half.passed


def test_one_critical_mistake_fails_the_day_whatever_the_points() -> None:
    phases = [Phase.PEMUNGUTAN, Phase.PENGHITUNGAN]
    done = {p: [Duty("a", 1)] for p in phases}
    score = score_day([finding(Phase.PEMUNGUTAN, Severity.KRITIS, 1)], phases, done)
    assert score.overall == 100 and not score.passed
    assert score.verdict is Verdict.CRITICAL


def test_an_unfinished_phase_fails_even_with_no_finding_and_a_high_day() -> None:
    phases = list(Phase)
    duties = {p: [Duty("a", 1)] for p in phases}
    duties[Phase.LOGISTIK] = [Duty(f"item{i}", 1) for i in range(19)] + [Duty("last", 0)]
    score = score_day([], phases, duties)
    assert score.overall >= PASS_MARK
    assert not score.passed and score.verdict is Verdict.NOT_YET
    assert [p.phase for p in score.failed_phases] == [Phase.LOGISTIK]


@pytest.mark.parametrize(
    ("points", "verdict"),
    [(0, Verdict.FLAWLESS), (3, Verdict.VERY_GOOD), (10, Verdict.VERY_GOOD),
     (11, Verdict.PASSED), (25, Verdict.PASSED), (26, Verdict.NOT_YET)],
)
def test_the_verdict_words_follow_the_bands(points: int, verdict: Verdict) -> None:
    phase = Phase.FORMULIR
    found = [finding(phase, Severity.RINGAN, points)] if points else []
    score = score_day(found, [phase], {phase: [Duty("a", 1)]})
    assert score.verdict is verdict, f"{100 - points} points gave {score.verdict.value}"
    assert score.passed is verdict.passed


def test_every_verdict_has_words_in_both_languages() -> None:
    for lang in LANGUAGES:
        for verdict in Verdict:
            assert catalog(lang).has(f"verdict.{verdict.value}"), (lang, verdict.value)


# --- the shipped scenarios, played ------------------------------------------------------------


class AbandoningCrew(CarefulCrew):
    """A careful crew that, in one phase, does only its first ``steps`` actions and ends it."""

    def __init__(self, sim: Simulation, phase_index: int, steps: int) -> None:
        super().__init__(sim)
        self.phase_index = phase_index
        self.steps = steps

    def phase_actions(self, phase: Phase) -> Iterator[Action]:
        actions = super().phase_actions(phase)
        if self.world.phase_index != self.phase_index:
            yield from actions
            return
        for count, action in enumerate(actions):
            if count >= self.steps:
                return
            yield action


@pytest.mark.parametrize("name", SCENARIO_FILES)
def test_ending_every_phase_at_once_scores_nothing_and_fails(name: str) -> None:
    """The day a trainee clicks "end phase" throughout: no box counted, no form made."""
    sim = Simulation.start(scenario(name))
    while not sim.finished:
        sim.apply(EndPhase())
    score = sim.score()
    assert score.overall == 0, [(p.phase.value, p.score) for p in score.phases]
    assert score.verdict in (Verdict.CRITICAL, Verdict.NOT_YET)
    assert not score.passed


@pytest.mark.slow
@pytest.mark.parametrize("name", SCENARIO_FILES)
def test_a_careful_day_does_every_duty(name: str) -> None:
    sim = CarefulCrew(Simulation.start(scenario(name))).play()
    undone = [(p.value, d.id) for p, ds in sim.duties().items() for d in ds if not d.complete]
    assert not undone, f"the careful crew left duties undone: {undone}"
    assert sim.score().verdict is Verdict.FLAWLESS


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_skipped_or_abandoned_phase_never_passes(data: st.DataObject) -> None:
    """Careful everywhere except one phase, left after a random number of its steps: if that
    phase was ended with work undone, neither it nor the day passes."""
    name = data.draw(st.sampled_from(SCENARIO_FILES), label="scenario")
    played = scenario(name).phases
    index = data.draw(st.integers(0, len(played) - 1), label="phase")
    steps = data.draw(st.one_of(st.just(0), st.integers(0, 400)), label="steps")
    sim = AbandoningCrew(Simulation.start(scenario(name)), index, steps).play()
    phase = played[index]
    undone = [d.id for d in sim.world.duties[phase] if not d.complete]
    score = sim.score()
    phase_score = next(p for p in score.phases if p.phase is phase)
    if steps == 0:
        assert undone, f"{phase.value} skipped, yet every duty is done"
    if undone:
        assert not phase_score.passed, (
            f"{phase.value} left with {undone[:3]}… undone passed ({phase_score.score})"
        )
        assert not score.passed, f"a day with {phase.value} abandoned passed ({score.overall})"


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_passed_day_has_a_result_for_every_ballot_type(data: st.DataObject) -> None:
    """Whatever was skipped, a day called "passed" counted every box to its last ballot,
    made and signed every C.Hasil and handed everything over: the TPS has a result."""
    name = data.draw(st.sampled_from(SCENARIO_FILES), label="scenario")
    played = scenario(name).phases
    index = data.draw(st.integers(0, len(played) - 1), label="phase")
    steps = data.draw(st.integers(0, 600), label="steps")
    sim = AbandoningCrew(Simulation.start(scenario(name)), index, steps).play()
    if not sim.score().passed:
        return
    world = sim.world
    if Phase.PENGHITUNGAN in played:
        assert set(world.counting.finished) == set(world.boxes), "a box left uncounted"
    if Phase.FORMULIR in played:
        assert all(world.forms.signed.get(b) for b in world.boxes), "a C.Hasil left unsigned"
    if Phase.PENYERAHAN in played:
        assert world.handover.handed_over_at is not None, "nothing handed to the PPS"
