"""A vote a disturbance stops, carried on as the KPU Kab/Kota decides (HANDBOOK §17.2, §17.4.8).

When a scenario's ``kerusuhan`` event says the KPU Kab/Kota will decide a PSL (``decision:
psl``), voting cannot go on that day: once the event is answered, whatever the answer, the
desk calls nobody more (whoever stands at it is finished) and the clock waits. The crew
secures, records and reports; the decision comes only once the PPS has been told (it takes
the report up to the PPK, which proposes, and the KPU Kab/Kota decides). Then the day is
carried into the continued vote: the clock stands at 07:00 of the day the KPU set, the voters
still waiting come back, and those who had not yet come arrive at their hours. What was done
before the stop stands: ballots cast stay in their boxes, ink stays on fingers.

The KPPS never decides a PSL itself (the rule ``kpps_memutuskan_psl_sendiri`` in
:mod:`~simulator.core.phases.incidents`); this module only carries out the decision a
scenario gives the KPU Kab/Kota.
"""

from __future__ import annotations

from simulator.core.judge import Judge
from simulator.core.state import EventState, World
from simulator.schema.clock import to_minutes
from simulator.schema.scenario import EventKind

CONTINUED_VOTE_OPENS = to_minutes("07:00")
PSL = "psl"


def decides_psl(event: EventState, world: World) -> bool:
    """Whether the scenario has the KPU Kab/Kota decide a PSL after ``event``."""
    if EventKind(event.kind) is not EventKind.KERUSUHAN:
        return False
    return world.scenario.events[event.index].decision == PSL


def halt(event: EventState, judge: Judge) -> None:
    """The event is answered and the vote cannot go on today: the desk stops."""
    world = judge.world
    if decides_psl(event, world) and not world.voting.continued:
        world.voting.halted_by = f"event.{event.index}"
        judge.emit("voting_halted", index=event.index)


def settle(judge: Judge) -> None:
    """Once the PPS knows of the stop, the KPU Kab/Kota's decision arrives: the continued vote."""
    voting = judge.world.voting
    if voting.halted_by is None or voting.halted_by not in judge.world.reported:
        return
    voting.halted_by = None
    voting.continued = True
    judge.world.clock = CONTINUED_VOTE_OPENS
    judge.emit("continued_vote")


def halted(world: World) -> bool:
    return world.voting.halted_by is not None
