"""The timeline a replay viewer steps through: every state is the engine's own, rebuilt from
the log's prefix; stepping back is exact; mistakes, phases and trainer's notes sit at the
steps where they happened."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.content.load import load_scenario
from simulator.core.actionlog import ActionLog, parse_log
from simulator.core.actions import EndPhase
from simulator.core.engine import Simulation
from simulator.core.replay import ReplayError, apply_log
from simulator.core.timeline import KEPT_EVERY, Timeline
from simulator.schema.types import Phase

ROOT = Path(__file__).resolve().parents[1]
LOGS = sorted((ROOT / "tests" / "playthroughs").glob("*.log"))


@cache
def recorded(name: str) -> tuple[ActionLog, Timeline]:
    log = parse_log((ROOT / "tests" / "playthroughs" / name).read_text(encoding="utf-8"))
    scenario = load_scenario(ROOT / "scenarios" / f"{log.header.scenario}.yaml")
    return log, Timeline.of(scenario, log)


def prefix_digests(name: str, *steps: int) -> list[str]:
    """The digests of the day after each of ``steps`` actions (ascending), played from the
    start: one pass for them all, as a full-size day has thousands of actions."""
    log, timeline = recorded(name)
    sim = Simulation.start(timeline.scenario, seed=log.header.seed)
    digests: list[str] = []
    done = 0
    for step in steps:
        for entry in log.entries[done:step]:
            sim.apply(entry.action)
        done = step
        digests.append(sim.digest())
    return digests


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_forward_then_back_is_where_it_was(data: st.DataObject) -> None:
    """From any step of a shipped log, k steps forward then k back is the same state, and
    every state is the one the log's prefix gives."""
    name = data.draw(st.sampled_from([log.name for log in LOGS]), label="log")
    _, timeline = recorded(name)
    step = data.draw(st.integers(0, timeline.length), label="step")
    k = data.draw(st.integers(0, timeline.length - step), label="k")
    here = timeline.state(step).digest()
    at_step, at_step_k = prefix_digests(name, step, step + k)
    assert timeline.state(step + k).digest() == at_step_k, (
        f"{name}: the state after {step + k} actions is not the log's prefix"
    )
    assert timeline.state(step).digest() == here, f"{name}: back {k} from {step + k} moved"
    assert here == at_step, f"{name}: step {step} is not the log's prefix"


@pytest.mark.slow
@pytest.mark.parametrize("path", LOGS, ids=lambda p: p.stem)
def test_the_whole_day_is_the_replayed_day(path: Path) -> None:
    log, timeline = recorded(path.name)
    day = apply_log(timeline.scenario, log)
    assert timeline.state(timeline.length).digest() == day.digest()
    assert [m.finding for m in timeline.mistakes] == day.findings, "mistakes lost or added"
    for mistake in timeline.mistakes:
        before, after = timeline.state(mistake.step - 1), timeline.state(mistake.step)
        if mistake.step == 0:
            continue
        assert mistake.finding in after.findings and mistake.finding not in before.findings, (
            f"{path.stem}: {mistake.finding.rule_id} is not placed at the action that drew it"
        )


@pytest.mark.parametrize("path", LOGS, ids=lambda p: p.stem)
def test_phases_begin_where_the_day_enters_them(path: Path) -> None:
    _, timeline = recorded(path.name)
    for start in timeline.phases[1:]:
        ended = timeline.action(start.step)
        assert ended is not None and isinstance(ended.action, EndPhase), (
            f"{start.phase.value} begins at step {start.step}, not after an end of phase"
        )
        assert timeline.state(start.step).world.phase is start.phase
        assert timeline.phase_at(start.step) is start.phase
        assert timeline.phase_at(start.step - 1) is not start.phase


def test_the_careless_day_has_mistakes_to_step_between() -> None:
    _, timeline = recorded("pemilu-hari-penuh.keliru.log")
    steps = sorted({m.step for m in timeline.mistakes})
    assert len(steps) >= 5, "the careless day should hold several mistakes"
    assert timeline.next_mistake(-1) == steps[0]
    assert timeline.next_mistake(steps[0]) == steps[1]
    assert timeline.previous_mistake(steps[1]) == steps[0]
    assert timeline.previous_mistake(steps[0]) is None
    assert timeline.next_mistake(steps[-1]) is None
    assert all(m.step == steps[2] for m in timeline.mistakes_at(steps[2]))


def test_a_state_is_a_copy_of_its_own() -> None:
    """Playing on a state handed out (the careful crew trying another way) leaves the
    timeline as it was."""
    _, timeline = recorded("pemilu-hari-penuh.keliru.log")
    step = KEPT_EVERY  # a kept copy itself
    before = timeline.state(step).digest()
    played = timeline.state(step)
    played.apply(EndPhase())
    assert timeline.state(step).digest() == before
    assert timeline.state(timeline.length + 5).digest() == timeline.state(timeline.length).digest()
    assert timeline.state(-3).digest() == timeline.state(0).digest()


def test_trainer_notes_stand_before_the_action_that_follows() -> None:
    text = (ROOT / "tests" / "playthroughs" / "meja-pemilih-jebakan.keliru.log").read_text(
        encoding="utf-8"
    )
    lines = text.splitlines()
    body = lines.index("---") + 1
    lines.insert(body, "# Perhatikan pemilih pertama")
    lines.insert(body + 3, "#   Di sini KPPS keliru   ")
    lines.insert(body + 4, "#")  # an empty note is no note
    log = parse_log("\n".join(lines) + "\n")
    timeline = Timeline.of(load_scenario(ROOT / "scenarios" / f"{log.header.scenario}.yaml"), log)
    assert timeline.notes_at(0) == ["Perhatikan pemilih pertama"]
    assert timeline.notes_at(2) == ["Di sini KPPS keliru"]
    assert [n.before for n in timeline.notes] == [0, 2]


def test_a_log_that_cannot_be_applied_names_its_entry() -> None:
    log, timeline = recorded("meja-pemilih-jebakan.benar.log")
    broken = ActionLog(log.header, (*log.entries[:3], log.entries[-1], *log.entries[3:]))
    with pytest.raises(ReplayError) as raised:
        Timeline.of(timeline.scenario, broken)
    assert raised.value.index == 3


def test_the_first_phase_starts_the_day() -> None:
    _, timeline = recorded("pilkada-hari-penuh.benar.log")
    assert timeline.phases[0].step == 0
    assert timeline.phase_at(0) is timeline.phases[0].phase
    assert timeline.phase_start(Phase.PENYERAHAN) is not None
