"""Re-run a recorded action log on its scenario and compare with what was recorded."""

from __future__ import annotations

from dataclasses import dataclass

from simulator.core.actionlog import ActionLog, LogHeader, LogResult
from simulator.core.actions import IllegalAction
from simulator.core.engine import ENGINE_VERSION, LoggedAction, Simulation
from simulator.schema.clock import format_minutes
from simulator.schema.scenario import Scenario


@dataclass(frozen=True, slots=True)
class ReplayError(Exception):
    """The log cannot be applied: entry ``index`` (0-based) failed for ``code``."""

    index: int
    code: str  # "replay.time", "replay.illegal" or "replay.digest"
    params: tuple[tuple[str, str], ...]

    def __str__(self) -> str:
        return f"entry {self.index + 1}: {self.code} {dict(self.params)}"


def apply_log(
    scenario: Scenario,
    log: ActionLog,
    *,
    strict_times: bool = True,
    checkpoint: tuple[int, str] | None = None,
) -> Simulation:
    """Start ``scenario`` with the log's seed and apply every logged action in order.

    With ``strict_times`` each action must be applied at the time it was logged: a recording
    whose times disagree with the engine's clock was made by another engine or edited, and
    is refused. Without it the logged times are only notes, as in a log written by hand.

    A ``checkpoint`` (a count of actions, and the state digest recorded after them) is
    checked on the way: a replay that reaches another state there is not the recorded day.
    """
    sim = Simulation.start(scenario, seed=log.header.seed)
    for index, entry in enumerate(log.entries):
        if checkpoint is not None and index == checkpoint[0]:
            _check(sim, index, checkpoint[1])
        apply_entry(sim, index, entry, strict_times=strict_times)
    if checkpoint is not None and checkpoint[0] == len(log.entries):
        _check(sim, len(log.entries), checkpoint[1])
    elif checkpoint is not None and checkpoint[0] > len(log.entries):
        raise ReplayError(len(log.entries), "replay.short", (("at", str(checkpoint[0])),))
    return sim


def apply_entry(
    sim: Simulation, index: int, entry: LoggedAction, *, strict_times: bool = True
) -> None:
    """Apply the log's entry ``index`` (0-based) to ``sim``, or raise :class:`ReplayError`:
    it is not possible now, or (with ``strict_times``) was logged at another time."""
    if strict_times and sim.world.clock != entry.at:
        raise ReplayError(
            index,
            "replay.time",
            (("logged", format_minutes(entry.at)), ("clock", format_minutes(sim.world.clock))),
        )
    try:
        sim.apply(entry.action)
    except IllegalAction as error:
        raise ReplayError(
            index, "replay.illegal", (("kind", entry.action.kind), ("why", str(error)))
        ) from None


def _check(sim: Simulation, applied: int, recorded: str) -> None:
    digest = sim.digest()
    if digest != recorded:
        raise ReplayError(
            max(0, applied - 1),
            "replay.digest",
            (("count", str(applied)), ("recorded", recorded[:12]), ("now", digest[:12])),
        )


def header_for(sim: Simulation, scenario_sha256: str) -> LogHeader:
    return LogHeader(
        scenario=sim.world.scenario.id,
        scenario_sha256=scenario_sha256,
        seed=sim.world.seed,
        engine=ENGINE_VERSION,
    )


def result_of(sim: Simulation) -> LogResult:
    return LogResult(score=sim.score().overall, digest=sim.digest())
