"""A recorded day laid out for viewing: the state after any number of its actions, where its
phases begin, where its mistakes were made, and the trainer's notes at their places.

A replay viewer steps forward and back through a log. Every state it shows is the engine's
own, rebuilt from the log's prefix: nothing here applies an action the log does not hold, and
nothing is undone by hand. Stepping back must still be quick anywhere in a 300-voter day
(some 4,000 actions), so the day is played once as the timeline is made and a copy of it is
kept every :data:`KEPT_EVERY` actions; the state after ``step`` actions is then the nearest
kept copy before it, copied again (:meth:`Simulation.fork`) and played on to ``step``.

    timeline = Timeline.of(scenario, parse_log(text))
    day = timeline.state(120)           # the day after its first 120 actions
    timeline.next_mistake(120)          # the step at which the next mistake was made
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from simulator.core.actionlog import ActionLog, LogHeader, LogNote
from simulator.core.engine import LoggedAction, Simulation
from simulator.core.replay import apply_entry
from simulator.core.rules import Finding
from simulator.schema.scenario import Scenario
from simulator.schema.types import Phase

#: actions between two kept copies of the day: a step back costs one copy of the day and at
#: most this many actions applied (together under 50 ms late in a 300-voter day)
KEPT_EVERY = 200


@dataclass(frozen=True, slots=True)
class Mistake:
    """A finding and the step at which it was made: the number of actions applied when the
    engine found it (0: as the day began, before any action)."""

    step: int
    finding: Finding


@dataclass(frozen=True, slots=True)
class PhaseStart:
    """The step at which ``phase`` began (0 for the first phase)."""

    step: int
    phase: Phase


@dataclass(frozen=True, slots=True)
class Timeline:
    """A whole recorded day, its phases, mistakes and notes, and copies kept on the way."""

    scenario: Scenario
    header: LogHeader
    entries: tuple[LoggedAction, ...]
    phases: tuple[PhaseStart, ...]
    mistakes: tuple[Mistake, ...]
    notes: tuple[LogNote, ...]
    _kept: dict[int, Simulation]  # step → the day after that many actions (never played on)

    @classmethod
    def of(cls, scenario: Scenario, log: ActionLog, *, strict_times: bool = True) -> Timeline:
        """Play ``log`` on ``scenario`` once and lay it out; :class:`ReplayError` (from
        :mod:`simulator.core.replay`) when an entry cannot be applied."""
        sim = Simulation.start(scenario, seed=log.header.seed)
        kept = {0: sim.fork()}
        mistakes = [Mistake(0, finding) for finding in sim.findings]
        first = sim.world.phase
        assert first is not None, "a day starts in its first phase"
        phases = [PhaseStart(0, first)]
        for index, entry in enumerate(log.entries):
            found = len(sim.findings)
            apply_entry(sim, index, entry, strict_times=strict_times)
            step = index + 1
            mistakes += [Mistake(step, finding) for finding in sim.findings[found:]]
            phase = sim.world.phase
            if phase is not None and phase is not phases[-1].phase:
                phases.append(PhaseStart(step, phase))
            if step % KEPT_EVERY == 0:
                kept[step] = sim.fork()
        return cls(
            scenario, log.header, log.entries, tuple(phases), tuple(mistakes), log.notes, kept
        )

    @property
    def length(self) -> int:
        """How many actions the day holds: steps run from 0 to this."""
        return len(self.entries)

    def state(self, step: int) -> Simulation:
        """The day after its first ``step`` actions (clamped to the day), a copy of its own:
        looking at it or playing on from it leaves the timeline as it was."""
        step = max(0, min(step, self.length))
        base = max(kept for kept in self._kept if kept <= step)
        sim = self._kept[base].fork()
        for entry in self.entries[base:step]:
            sim.apply(entry.action)
        return sim

    def action(self, step: int) -> LoggedAction | None:
        """The action that led to ``step`` (None at the start of the day)."""
        return self.entries[step - 1] if 0 < step <= self.length else None

    def phase_at(self, step: int) -> Phase:
        """The phase on screen after ``step`` actions: the one the last action left the day in
        (after the day's last action, the last phase played)."""
        starts = [start.step for start in self.phases]
        return self.phases[max(0, bisect.bisect_right(starts, step) - 1)].phase

    def phase_start(self, phase: Phase) -> int | None:
        return next((start.step for start in self.phases if start.phase is phase), None)

    def mistakes_at(self, step: int) -> list[Mistake]:
        return [mistake for mistake in self.mistakes if mistake.step == step]

    def next_mistake(self, step: int) -> int | None:
        """The first step after ``step`` at which a mistake was made."""
        return next((m.step for m in self.mistakes if m.step > step), None)

    def previous_mistake(self, step: int) -> int | None:
        """The last step before ``step`` at which a mistake was made."""
        earlier = [m.step for m in self.mistakes if m.step < step]
        return earlier[-1] if earlier else None

    def notes_at(self, step: int) -> list[str]:
        """The trainer's notes written just before the action after ``step``: shown while
        the day stands at ``step``."""
        return [note.text for note in self.notes if note.before == step]

