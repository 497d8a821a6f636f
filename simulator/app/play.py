"""One run of a scenario in the game: the engine, the mode, and the save that follows every
action.

Each action is applied by the engine and then written to the save store at once, in its own
transaction, so closing the window or a crash loses at most the action being made. Resuming
replays the stored actions through the same engine, which gives back the same day.
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
from simulator.persistence.store import RunRecord, SaveStore, StoreError

log = logging.getLogger(__name__)


class Mode(str, Enum):
    LATIHAN = "latihan"  # each error explained the moment it happens
    UJIAN = "ujian"  # no hints until the debrief


class ResumeError(Exception):
    """A stored run that no longer replays (the scenario file changed, or the save is bad)."""


@dataclass
class PlaySession:
    entry: ScenarioEntry
    sim: Simulation
    mode: Mode
    store: SaveStore | None
    run_id: int | None
    latest: list[Finding] = field(default_factory=list)  # what the last action broke
    last_action: Action | None = None
    save_failed: bool = False

    @classmethod
    def begin(
        cls, entry: ScenarioEntry, mode: Mode, store: SaveStore | None, profile_id: int | None
    ) -> PlaySession:
        scenario = entry.scenario
        assert scenario is not None, "only playable scenarios are offered"
        sim = Simulation.start(scenario, seed=scenario.seed)
        run_id = None
        save_failed = False
        if store is not None and profile_id is not None:
            try:
                run_id = store.begin_run(
                    profile_id,
                    scenario.id,
                    str(entry.path),
                    entry.sha256,
                    sim.world.seed,
                    mode.value,
                )
            except StoreError:
                log.exception("could not start saving this run")
                save_failed = True
        session = cls(entry, sim, mode, store, run_id, save_failed=save_failed)
        session.latest = list(sim.findings)
        return session

    @classmethod
    def resume(cls, entry: ScenarioEntry, run: RunRecord, store: SaveStore) -> PlaySession:
        """The stored run, replayed action by action; :class:`ResumeError` if it cannot be."""
        scenario = entry.scenario
        if scenario is None or entry.sha256 != run.scenario_sha256:
            raise ResumeError("scenario_changed")
        header = LogHeader(scenario.id, run.scenario_sha256, run.seed, ENGINE_VERSION)
        text = format_log(header, []) + "".join(f"{line}\n" for line in store.run_actions(run.id))
        try:
            sim = apply_log(scenario, parse_log(text), strict_times=True)
        except (LogError, ReplayError) as error:
            raise ResumeError("replay_failed") from error
        return cls(entry, sim, Mode(run.mode), store, run.id)

    # --- playing --------------------------------------------------------------------------

    def do(self, action: Action) -> StepResult:
        """Apply one action and save it; the result's findings are what it broke."""
        try:
            result = self.sim.apply(action)
        except IllegalAction:
            # A scene offered something the engine refuses: a bug, never the trainee's fault.
            log.exception("the engine refused %r", action)
            return StepResult()
        self.latest = list(result.findings)
        self.last_action = action
        self._save_last()
        return result

    def do_all(self, actions: Sequence[Action]) -> list[Finding]:
        found: list[Finding] = []
        for action in actions:
            found += self.do(action).findings
        return found

    def _save_last(self) -> None:
        if self.store is None or self.run_id is None:
            return
        try:
            self.store.append_action(self.run_id, format_entry(self.sim.log[-1]))
            if self.sim.finished:
                score = self.sim.score()
                self.store.finish_run(self.run_id, score.overall, self.result_json(score))
        except (StoreError, ValueError):
            log.exception("could not save the last action")
            self.save_failed = True

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

    @property
    def hints(self) -> bool:
        return self.mode is Mode.LATIHAN
