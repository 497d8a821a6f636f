"""A recorded day opened for viewing: where the viewer stands in it, and the read-only day the
phase screens show at that step.

The screens of the game show the recorded day as they showed it to the trainee: each step is
the engine's own state after that many of the log's actions (:mod:`simulator.core.timeline`),
given to the phase scene in a session that takes no action (:attr:`PlaySession.read_only`).
What a careful crew would have done instead of a mistake is the engine's careful crew played
from the state just before it, never a text written by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.app.library import ScenarioEntry
from simulator.app.play import Mode, PlaySession
from simulator.core.actionlog import ActionLog, LogNote
from simulator.core.actions import Action, EndPhase, IllegalAction
from simulator.core.careful import CarefulCrew
from simulator.core.demo import DemoScript
from simulator.core.engine import LoggedAction, Simulation
from simulator.core.rules import Finding
from simulator.core.timeline import Mistake, Timeline
from simulator.schema.types import Phase, Severity

#: steps a second while the recording plays, slowest first (the speed keys move along these)
SPEEDS = (1.0, 2.0, 5.0, 10.0, 25.0)
#: the careful crew's actions shown beside a mistake
ALTERNATIVE_STEPS = 3
#: how far into the phase the careful crew is followed to find what it does about the
#: mistake's subject (a voter called later, a form signed at the end)
CREW_LOOKS_AHEAD = 600


@dataclass
class ReplayView:
    """A timeline and the step the viewer stands at (0: before the first action)."""

    entry: ScenarioEntry
    timeline: Timeline
    title: str  # what the viewer names the recording by (a file name, a trainee's run)
    step: int = 0
    playing: bool = False
    speed_index: int = 1
    #: steps where the play waits for the trainer (a demo's question to the class)
    pauses: frozenset[int] = frozenset()
    #: steps whose mistakes a demo reveals (None: a recording shows every mistake's card)
    reveals: frozenset[int] | None = None
    #: steps where a demo plays the careful crew's way instead of going on
    alternatives: frozenset[int] = frozenset()
    #: a demo's actions whose controls are ringed on screen, by step
    highlights: dict[int, tuple[Action, ...]] = field(default_factory=dict)
    _day: Simulation | None = field(default=None, repr=False)  # the state at ``step``
    _day_step: int = -1
    #: the careful crew's answer at each step asked (the card is built again at every key)
    _alternatives: dict[int, list[Action]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, entry: ScenarioEntry, log: ActionLog, title: str) -> ReplayView:
        """Lay ``log`` out on ``entry``'s scenario (:class:`ReplayError` if it cannot be)."""
        scenario = entry.scenario
        assert scenario is not None, "a recording is opened on a playable scenario"
        return cls(entry, Timeline.of(scenario, log), title)

    @classmethod
    def of_demo(cls, entry: ScenarioEntry, script: DemoScript, title: str) -> ReplayView:
        """A demo made into a recording, standing where its own part begins."""
        view = cls.of(entry, script.log, title)
        view.step = script.start
        view.pauses = script.pauses
        view.reveals = script.reveals
        view.alternatives = script.alternatives
        view.highlights = script.highlights
        return view

    def card_due(self) -> bool:
        """Whether the step's mistakes are shown on the card: always in a recording, where
        the demo reveals them in a demo."""
        if not self.mistakes_here():
            return False
        return self.reveals is None or self.step in self.reveals

    def waits_here(self) -> bool:
        """Whether the play stops at this step: a mistake shown, a question, the end."""
        return (
            self.card_due()
            or self.step in self.pauses
            or self.step in self.alternatives
            or self.step >= self.length
        )

    @property
    def length(self) -> int:
        return self.timeline.length

    @property
    def speed(self) -> float:
        return SPEEDS[self.speed_index]

    def faster(self, by: int) -> None:
        self.speed_index = max(0, min(len(SPEEDS) - 1, self.speed_index + by))

    def go(self, step: int) -> bool:
        """Stand at ``step`` (clamped to the day); True when that moved. Playing stops at the
        end of the day."""
        step = max(0, min(step, self.length))
        moved = step != self.step
        self.step = step
        if step >= self.length:
            self.playing = False
        return moved

    def day(self) -> Simulation:
        """The day at the current step: one step on from the last is that step's action
        applied (the log's own); any other step is rebuilt from the log's prefix."""
        if self._day is None or self._day_step != self.step:
            ahead = self._day is not None and self._day_step == self.step - 1
            entry = self.timeline.action(self.step)
            if ahead and entry is not None and self._day is not None:
                self._day.apply(entry.action)
            else:
                self._day = self.timeline.state(self.step)
            self._day_step = self.step
        assert self._day is not None
        return self._day

    def session(self) -> PlaySession:
        """The day at the current step as the phase screens take it: read-only, with the
        step's action and what it broke as its latest (the feedback shows them)."""
        sim = self.day()
        session = PlaySession(self.entry, sim, Mode.LATIHAN, None, None, read_only=True)
        logged = self.timeline.action(self.step)
        session.last_action = logged.action if logged is not None else None
        session.latest = [mistake.finding for mistake in self.mistakes_here()]
        return session

    def phase(self) -> Phase:
        return self.timeline.phase_at(self.step)

    def mistakes_here(self) -> list[Mistake]:
        return self.timeline.mistakes_at(self.step)

    def careful_alternative(self) -> list[Action]:
        """What the engine's careful crew does from the state just before the current step's
        action: its actions about the same person or thing as that action (the witness,
        the voter, the ballot), up to :data:`ALTERNATIVE_STEPS`; for an action about nothing
        in particular (ending the phase), or when the crew never touches that subject, its
        first actions from there. Played on a copy; the recorded day is not touched."""
        known = self._alternatives.get(self.step)
        if known is None:
            known = self._alternatives[self.step] = self._careful_alternative()
        return list(known)

    def _careful_alternative(self) -> list[Action]:
        logged = self.timeline.action(self.step)
        if logged is None:
            return []
        before = self.timeline.state(self.step - 1)
        phase = before.world.phase
        if phase is None:
            return []
        crew = CarefulCrew(before)
        played: list[Action] = []
        # The crew plans a phase from its start: from the middle of one, a step its plan
        # holds may be done already (a witness received); the engine refuses it, and the
        # crew goes on with the rest of its plan.
        for looked, action in enumerate(crew.phase_actions(phase)):
            if looked >= CREW_LOOKS_AHEAD:
                break
            try:
                crew.do(action)
            except IllegalAction:
                continue
            played.append(action)
        # A step the day had taken already (the board posted, a notice returned), which the
        # engine lets a crew take again, is not what the crew would have done differently.
        taken = {written(entry.action) for entry in self.timeline.entries[: self.step - 1]}
        fresh = [action for action in played if written(action) not in taken]
        about = subjects(logged.action)
        related = [action for action in fresh if subjects(action) & about]
        if related:
            return related[:ALTERNATIVE_STEPS]
        # Ending a phase too early: what was still to do, a few more lines of it.
        return (fresh or [EndPhase()])[: 2 * ALTERNATIVE_STEPS]


def alternative_view(view: ReplayView, note: str, title: str) -> ReplayView | None:
    """The careful crew's way played from the state just before the current step's action:
    the recording up to there, then the crew's actions (:meth:`ReplayView.careful_alternative`)
    in its place, with ``note`` as the caption where the two ways part. None at the start of
    the day."""
    step = view.step
    actions = view.careful_alternative()
    if step == 0 or not actions:
        return None
    timeline = view.timeline
    sim = timeline.state(step - 1)
    entries = list(timeline.entries[: step - 1])
    for action in actions:
        entries.append(LoggedAction(sim.world.clock, action))
        sim.apply(action)
    log = ActionLog(timeline.header, tuple(entries), None, (LogNote(step - 1, note),))
    alternative = ReplayView(view.entry, Timeline.of(timeline.scenario, log), title)
    alternative.step = step - 1
    alternative.reveals = frozenset()  # the careful way breaks nothing: no card to show
    return alternative


def written(action: Action) -> str:
    """An action as its log line writes it (actions holding lists cannot be hashed)."""
    return f"{action.kind} {action.model_dump_json()}"


def subjects(action: Action) -> set[str]:
    """The people and things an action names (its text parameters)."""
    return {value for value in action.params().values() if isinstance(value, str)}


def severest(findings: list[Finding]) -> Severity | None:
    order = (Severity.KRITIS, Severity.BERAT, Severity.RINGAN)
    present = {finding.severity for finding in findings}
    return next((severity for severity in order if severity in present), None)
