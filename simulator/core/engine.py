"""The simulation: start from a scenario, apply actions one at a time, read the score.

    sim = Simulation.start(scenario)
    result = sim.apply(AdvanceClock(to="07:00"))
    result.findings        # what this action broke, right now (Latihan mode shows these)
    sim.score()            # per phase and overall

A trainee's wrong action is applied as it would happen on the real day and recorded as a
finding; only an impossible action raises :class:`IllegalAction`. What the trainee failed to
do is found when a phase ends (:class:`EndPhase`).
"""

from __future__ import annotations

import copy
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from simulator.core.actions import (
    Action,
    AdvanceClock,
    EndPhase,
    IllegalAction,
    InformPps,
    InformPtps,
    RecordSpecialEvent,
    RespondToEvent,
)
from simulator.core.catalogue import PHASE_MODULES, RULES
from simulator.core.digest import state_digest
from simulator.core.domain import PHASE_START
from simulator.core.judge import Judge, ScoringTable
from simulator.core.phases import continued_vote, incidents
from simulator.core.rules import Finding, StepResult
from simulator.core.scoring import Duty, Score, score_day
from simulator.core.setup import build_world
from simulator.core.state import World
from simulator.schema.clock import to_minutes
from simulator.schema.scenario import Scenario
from simulator.schema.types import Phase

ENGINE_VERSION = "2"  # 2: duties in the score, undone duties judged by what they cause


@dataclass(frozen=True, slots=True)
class LoggedAction:
    at: int  # the clock when the action was applied
    action: Action
    # The rules this action broke as it was applied (not written to log files: a replay
    # finds them again), so a screen never puts a tick beside a step that drew a finding.
    flagged: tuple[str, ...] = ()


def _copy_stream(stream: random.Random) -> random.Random:
    """A random stream that goes on exactly as ``stream`` would."""
    clone = random.Random()
    clone.setstate(stream.getstate())
    return clone


def scoring_table(scenario: Scenario) -> ScoringTable:
    """The catalogue's scoring with this scenario's overrides applied."""
    enabled = set(scenario.scoring.enable)
    disabled = set(scenario.scoring.disable)
    points: dict[str, int] = {}
    for rule in RULES:
        on = (rule.scored_by_default or rule.id in enabled) and rule.id not in disabled
        if on:
            points[rule.id] = scenario.scoring.points.get(rule.id, rule.cost)
    return ScoringTable(points=points)


@dataclass(slots=True)
class Simulation:
    world: World
    scoring: ScoringTable
    log: list[LoggedAction] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @classmethod
    def start(cls, scenario: Scenario, seed: int | None = None) -> Simulation:
        sim = cls(world=build_world(scenario, seed), scoring=scoring_table(scenario))
        opening = StepResult()
        sim._enter_phase(Judge(sim.world, sim.scoring, opening))
        sim.findings.extend(opening.findings)
        return sim

    @property
    def finished(self) -> bool:
        return self.world.finished

    def fork(self) -> Simulation:
        """An independent copy of the day as it stands: what is applied to it leaves this one
        untouched, and this one's next actions leave it untouched. The random streams are
        copied with their state, so the copy goes on exactly as this day would; the authored
        content (scenario, voters, ballots) is immutable and shared."""
        # The random streams are copied by their state (a tuple of ints, shared) rather than
        # by the generic deep copy, which would copy its 625 ints one by one per stream.
        memo: dict[int, object] = {id(r): _copy_stream(r) for r in self.world.rngs.values()}
        return Simulation(
            world=copy.deepcopy(self.world, memo),
            scoring=self.scoring,
            log=list(self.log),
            findings=list(self.findings),
        )

    def apply(self, action: Action) -> StepResult:
        """Apply one action; return what it broke and what the scene should show."""
        world = self.world
        if world.finished:
            raise IllegalAction("the polling day is over")
        at = world.clock
        judge = Judge(world, self.scoring, StepResult())
        self._dispatch(action, judge)
        if not world.finished:
            continued_vote.settle(judge)
            incidents.fire_due(judge)
        flagged = tuple(f.rule_id for f in judge.result.findings)
        self.log.append(LoggedAction(at, action, flagged))
        self.findings.extend(judge.result.findings)
        return judge.result

    def _dispatch(self, action: Action, judge: Judge) -> None:
        world = judge.world
        if isinstance(action, AdvanceClock):
            self._advance(to_minutes(action.to), judge)
        elif isinstance(action, EndPhase):
            self._end_phase(judge)
        elif isinstance(action, RecordSpecialEvent):
            world.special_events.append((action.topic, action.subject))
        elif isinstance(action, InformPtps):
            world.ptps_informed.add(action.subject)
        elif isinstance(action, InformPps):
            world.reported.add(action.subject)  # what the PPS was told, as the logistics' are
        elif isinstance(action, RespondToEvent):
            incidents.respond(action, judge)
        else:
            module = PHASE_MODULES[world.phases[world.phase_index]]
            if not isinstance(action, module.ACTIONS):
                raise IllegalAction(f"{action.kind!r} is not possible during {world.phase}")
            module.apply(action, judge)

    def _advance(self, to: int, judge: Judge) -> None:
        if to < judge.world.clock:
            raise IllegalAction("the clock cannot go back")
        judge.world.clock = to
        module = PHASE_MODULES[judge.world.phases[judge.world.phase_index]]
        on_clock = getattr(module, "on_clock", None)
        if on_clock is not None:
            on_clock(judge)

    def _end_phase(self, judge: Judge) -> None:
        world = judge.world
        phase = world.phases[world.phase_index]
        module = PHASE_MODULES[phase]
        module.finish(judge)
        incidents.finish(judge)
        world.duties[phase] = tuple(module.duties(world))
        if world.phase_index + 1 == len(world.phases):
            world.finished = True
            judge.emit("day_over")
            return
        world.phase_index += 1
        self._enter_phase(judge)

    def _enter_phase(self, judge: Judge) -> None:
        world = judge.world
        phase = world.phases[world.phase_index]
        world.clock = max(world.clock, PHASE_START[phase])
        enter = getattr(PHASE_MODULES[phase], "enter", None)
        if enter is not None:
            enter(judge)
        judge.emit("phase_started", phase=phase.value)
        incidents.fire_due(judge)

    def allowed_actions(self) -> Sequence[Action]:
        """Every concrete action possible now: what a scene may offer."""
        world = self.world
        if world.finished:
            return []
        module = PHASE_MODULES[world.phases[world.phase_index]]
        actions: list[Action] = list(module.allowed(world))
        actions += incidents.allowed(world)
        actions.append(EndPhase())
        return actions

    def duties(self) -> dict[Phase, tuple[Duty, ...]]:
        """Each phase's duties: as they stood when it ended, and the current phase's now."""
        duties = dict(self.world.duties)
        current = self.world.phase
        if current is not None:
            duties[current] = tuple(PHASE_MODULES[current].duties(self.world))
        return duties

    def score(self) -> Score:
        """The day so far: a phase not yet reached has done none of its work."""
        return score_day(self.findings, self.world.phases, self.duties())

    def digest(self) -> str:
        """A hash of the whole state and every finding: equal digests, equal days."""
        return state_digest(self.world, self.findings)
