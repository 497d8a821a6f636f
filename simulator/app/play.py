"""One run of a scenario in the game: the engine, the mode, and the save that follows every
action.

Each action is applied by the engine and then written to the save store at once, in its own
transaction, so closing the window or a crash loses at most the action being made. A write
that fails stops the day at that action until it is stored (the screen says so and offers to
retry): the store never holds an action after a missing one. Resuming replays the stored
actions through the same engine and checks the state against a digest noted while playing,
so a day that would come back different is refused, not resumed as another.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from simulator.app.library import ScenarioEntry
from simulator.core.actionlog import LogError, LogHeader, format_entry, format_log, parse_log
from simulator.core.actions import Action, IllegalAction
from simulator.core.engine import ENGINE_VERSION, Simulation
from simulator.core.replay import ReplayError, apply_log
from simulator.core.rules import Finding, StepResult
from simulator.core.scoring import Score
from simulator.persistence.store import RunRecord, SaveStore, StoreError, problem_kind
from simulator.schema.plan_tag import PlanTag, tag_of
from simulator.schema.types import Phase

log = logging.getLogger(__name__)


class Mode(str, Enum):
    LATIHAN = "latihan"  # each error explained the moment it happens
    UJIAN = "ujian"  # no hints until the debrief


class ResumeError(Exception):
    """A stored run that no longer replays (the scenario file changed, or the save is bad)."""


#: actions between two digests of the day noted for resuming to check (and at each new phase);
#: a digest of a 300-voter day takes some milliseconds, done while the trainee reads the screen
CHECKPOINT_EVERY = 20


@dataclass
class PlaySession:
    """The day being played, and its save: every action is stored as it is made, and the
    first write that fails stops the day at that action (:attr:`save_problem`) until a retry
    stores it, so the store never holds an action after a missing one."""

    entry: ScenarioEntry
    sim: Simulation
    mode: Mode
    store: SaveStore | None
    run_id: int | None
    latest: list[Finding] = field(default_factory=list)  # what the last action broke
    last_action: Action | None = None
    profile_id: int | None = None  # whose day is saved (None: the day is not saved)
    stored: int = 0  # how many of the day's actions the store holds
    #: why the last write failed (a :func:`~simulator.persistence.store.problem_kind`):
    #: until a retry succeeds the day takes no further action
    save_problem: str | None = None
    #: a recorded day shown in the replay viewer: the screens show it, nothing acts on it
    read_only: bool = False
    #: the class plan this day is a step of (kept with the run when it is first saved)
    plan: PlanTag | None = None
    _finish_stored: bool = False
    _checkpoint: tuple[int, Phase | None] = (0, None)  # actions and phase when last noted

    @classmethod
    def begin(
        cls, entry: ScenarioEntry, mode: Mode, store: SaveStore | None, profile_id: int | None,
        plan: PlanTag | None = None,
    ) -> PlaySession:
        scenario = entry.scenario
        assert scenario is not None, "only playable scenarios are offered"
        sim = Simulation.start(scenario, seed=scenario.seed)
        session = cls(entry, sim, mode, store, None, profile_id=profile_id, plan=plan)
        session.latest = list(sim.findings)
        session.save()  # the run is recorded before the first action
        return session

    @classmethod
    def resume(cls, entry: ScenarioEntry, run: RunRecord, store: SaveStore) -> PlaySession:
        """The stored run, replayed action by action and checked against the digest noted
        on the way; :class:`ResumeError` if it cannot be, or gives another day."""
        scenario = entry.scenario
        if scenario is None or entry.sha256 != run.scenario_sha256:
            raise ResumeError("scenario_changed")
        header = LogHeader(scenario.id, run.scenario_sha256, run.seed, ENGINE_VERSION)
        lines = store.run_actions(run.id)
        text = format_log(header, []) + "".join(f"{line}\n" for line in lines)
        checkpoint = None
        if run.checkpoint_seq is not None and run.checkpoint_digest is not None:
            checkpoint = (run.checkpoint_seq, run.checkpoint_digest)
        try:
            sim = apply_log(scenario, parse_log(text), strict_times=True, checkpoint=checkpoint)
        except ReplayError as error:
            code = "digest_mismatch" if error.code in ("replay.digest", "replay.short") else ""
            raise ResumeError(code or "replay_failed") from error
        except LogError as error:
            raise ResumeError("replay_failed") from error
        session = cls(entry, sim, Mode(run.mode), store, run.id, profile_id=run.profile_id,
                      plan=tag_of(run.plan, run.plan_part))
        session.stored = len(lines)
        session._checkpoint = (run.checkpoint_seq or 0, sim.world.phase)
        return session

    # --- playing --------------------------------------------------------------------------

    def do(self, action: Action) -> StepResult:
        """Apply one action and save it; the result's findings are what it broke. While a
        save has failed the day takes nothing (the screen asks first: retry, or leave)."""
        if self.read_only:
            log.warning("an action on a recorded day being viewed: %r", action)
            return StepResult()
        if self.save_problem is not None:
            log.warning("an action while the day waits for its save: %r", action)
            return StepResult()
        try:
            result = self.sim.apply(action)
        except IllegalAction:
            # A scene offered something the engine refuses: a bug, never the trainee's fault.
            log.exception("the engine refused %r", action)
            return StepResult()
        self.latest = list(result.findings)
        self.last_action = action
        self.save()
        return result

    def do_all(self, actions: Sequence[Action]) -> list[Finding]:
        found: list[Finding] = []
        for action in actions:
            found += self.do(action).findings
        return found

    def save(self) -> bool:
        """Bring the store up to the day: the run recorded, every action not yet stored (in
        order, each as its own number), the result when the day is over. Stops at the first
        write that fails, noting why in :attr:`save_problem`; True when all is stored."""
        store = self.store
        if store is None or self.profile_id is None:
            return True
        try:
            if self.run_id is None:
                scenario = self.sim.world.scenario
                self.run_id = store.begin_run(
                    self.profile_id,
                    scenario.id,
                    str(self.entry.path),
                    self.entry.sha256,
                    self.sim.world.seed,
                    self.mode.value,
                    self.plan,
                )
            entries = self.sim.log
            while self.stored < len(entries):
                line = format_entry(entries[self.stored])
                store.append_action(self.run_id, line, seq=self.stored + 1)
                self.stored += 1
            if self.sim.finished and not self._finish_stored:
                score = self.sim.score()
                store.finish_run(self.run_id, score.overall, self.result_json(score))
                self._finish_stored = True
        except (StoreError, ValueError) as error:
            log.exception("could not save the day")
            self.save_problem = problem_kind(error)
            return False
        self.save_problem = None
        return True

    def checkpoint_if_due(self) -> None:
        """Note the digest of the day as stored, every :data:`CHECKPOINT_EVERY` actions and
        at each new phase, for resuming to check that the replayed day is this one. Called
        while the trainee reads the screen; a write that fails stops the day as any other."""
        store, run_id = self.store, self.run_id
        if store is None or run_id is None or self.save_problem is not None:
            return
        count, phase = self.stored, self.sim.world.phase
        if self.sim.finished or count != len(self.sim.log) or count == self._checkpoint[0]:
            return
        if count - self._checkpoint[0] < CHECKPOINT_EVERY and phase is self._checkpoint[1]:
            return
        try:
            store.set_checkpoint(run_id, count, self.sim.digest())
        except (StoreError, ValueError) as error:
            log.exception("could not note the day's checkpoint")
            self.save_problem = problem_kind(error)
            return
        self._checkpoint = (count, phase)

    def result_json(self, score: Score) -> str:
        return json.dumps(
            {
                "score": score.as_json(),
                "findings": [finding.as_json() for finding in self.sim.findings],
                "digest": self.sim.digest(),
            },
            sort_keys=True,
            ensure_ascii=False,
        )

    @property
    def finished(self) -> bool:
        return self.sim.finished

    def rehearsal(self) -> PlaySession:
        """A copy of the day that is never saved: what is done on it (a screen made ahead on
        what an action would give) leaves this day and its save untouched."""
        return PlaySession(self.entry, self.sim.fork(), self.mode, None, None)

    @property
    def hints(self) -> bool:
        return self.mode is Mode.LATIHAN
