"""A demonstration made into a recorded day: the careful crew's day up to where the demo
starts, then the demo's own actions, with its captions and questions as notes at their
places. The viewer plays it like any recording; ``validate`` uses the same making to check
that every step can be applied and that every declared mistake happens.

Pure: the scenario is given; reading files is the caller's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from simulator.core.actionlog import ActionLog, LogHeader, LogNote
from simulator.core.actions import Action, AdvanceClock, IllegalAction
from simulator.core.careful import CarefulCrew
from simulator.core.catalogue import RULES_BY_ID, parse_action
from simulator.core.engine import ENGINE_VERSION, Simulation
from simulator.schema.bounded import Unreadable, json_object
from simulator.schema.clock import TIME_PATTERN, format_minutes, to_minutes
from simulator.schema.demo import Demo
from simulator.schema.scenario import Scenario

MAX_PARAMS = 2000
_TIME = re.compile(TIME_PATTERN[:-1] + r"\s")  # a time in front of an action line


@dataclass(frozen=True, slots=True)
class DemoProblem:
    """A step that cannot be played, addressed by its place in the demo document."""

    loc: tuple[str | int, ...]
    code: str  # a ``content.demo.<code>`` text
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DemoScript:
    """A demo as a recording: its log (notes for captions and questions), the step at which
    the demo's own part begins, the steps where the play waits for the trainer (a question)
    and those where the finding is revealed."""

    log: ActionLog
    start: int
    pauses: frozenset[int]
    reveals: frozenset[int]
    alternatives: frozenset[int] = frozenset()  # where the careful crew's way is played
    #: actions whose controls are ringed on screen, by the step they are shown at
    highlights: dict[int, tuple[Action, ...]] = field(default_factory=dict)


def make_script(demo: Demo, scenario: Scenario, lang: str) -> tuple[DemoScript | None,
                                                                   list[DemoProblem]]:
    """The demo as a recording in ``lang``, or the problems that stop it (located)."""
    if demo.scenario != scenario.id:
        return None, [DemoProblem(("scenario",), "other_scenario", {"scenario": scenario.id})]
    if demo.start.phase not in scenario.phases:
        return None, [DemoProblem(("start", "phase"), "phase_not_played",
                                  {"phase": demo.start.phase.value})]
    sim = Simulation.start(scenario, seed=scenario.seed)
    problem = _play_up_to_start(sim, demo)
    if problem is not None:
        return None, [problem]
    start = len(sim.log)
    found_from = len(sim.findings)
    notes: list[LogNote] = []
    pauses: set[int] = set()
    reveals: set[int] = set()
    alternatives: set[int] = set()
    highlights: dict[int, tuple[Action, ...]] = {}
    problems: list[DemoProblem] = []
    last_found = 0  # findings the last action drew
    for index, step in enumerate(demo.steps):
        here = len(sim.log)
        if step.caption is not None:
            notes.append(LogNote(here, step.caption.get(lang)))
        elif step.pause is not None:
            notes.append(LogNote(here, step.pause.get(lang)))
            pauses.add(here)
        elif step.reveal:
            if last_found == 0:
                problems.append(DemoProblem(("steps", index, "reveal"), "reveal_nothing"))
            reveals.add(here)
        elif step.highlight is not None:
            shown = _offered_action(sim, step.highlight, ("steps", index, "highlight"))
            if isinstance(shown, DemoProblem):
                problems.append(shown)
            else:
                highlights[here] = (*highlights.get(here, ()), shown)
        elif step.alternative:
            if last_found == 0:
                problems.append(DemoProblem(("steps", index, "alternative"), "reveal_nothing"))
            alternatives.add(here)
        elif step.action is not None:
            found = len(sim.findings)
            problem = _apply_line(sim, step.action, ("steps", index, "action"))
            if problem is not None:
                problems.append(problem)
                break  # what follows was written for a day that went on from this action
            last_found = len(sim.findings) - found
    shown = {m for f in sim.findings[found_from:] for m in RULES_BY_ID[f.rule_id].mistakes}
    for index, mistake in enumerate(demo.mistakes):
        if mistake not in shown and not problems:
            problems.append(DemoProblem(("mistakes", index), "mistake_not_shown",
                                        {"mistake": mistake}))
    if problems:
        return None, problems
    header = LogHeader(scenario.id, "-", scenario.seed, ENGINE_VERSION)
    log = ActionLog(header, tuple(sim.log), None, tuple(notes))
    script = DemoScript(
        log, start, frozenset(pauses), frozenset(reveals), frozenset(alternatives), highlights
    )
    return script, []


def _play_up_to_start(sim: Simulation, demo: Demo) -> DemoProblem | None:
    """The careful crew's day up to the demo's phase, then within it up to its time."""
    crew = CarefulCrew(sim)
    crew.play_to(demo.start.phase)
    if demo.start.time is None:
        return None
    until = to_minutes(demo.start.time)
    if until < sim.world.clock:
        return DemoProblem(("start", "time"), "time_past",
                           {"time": demo.start.time, "clock": format_minutes(sim.world.clock)})
    for action in crew.phase_actions(demo.start.phase):
        if sim.world.clock >= until:
            break
        if isinstance(action, AdvanceClock) and to_minutes(action.to) >= until:
            break
        crew.do(action)
    if sim.world.clock < until:
        # Applied, not played by the crew: an event that comes at the start is the demo's
        # to answer, not the crew's.
        sim.apply(AdvanceClock(to=demo.start.time))
    return None


def _offered_action(
    sim: Simulation, line: str, loc: tuple[str | int, ...]
) -> Action | DemoProblem:
    """The action a highlight names, if the engine offers it now (its control is then on
    the screen, or behind a fold of it)."""
    parsed = _parse_line(line.strip(), loc)
    if isinstance(parsed, DemoProblem):
        return parsed
    if parsed not in sim.allowed_actions():
        return DemoProblem(loc, "highlight_not_offered", {"kind": parsed.kind})
    return parsed


def _parse_line(text: str, loc: tuple[str | int, ...]) -> Action | DemoProblem:
    kind, _, rest = text.partition(" ")
    data: dict[str, Any] = {}
    if rest.strip():
        try:
            data = json_object(rest.strip(), MAX_PARAMS)
        except Unreadable:
            return DemoProblem(loc, "params", {"text": rest[:80]})
    data["kind"] = kind
    try:
        return parse_action(data)
    except ValidationError as error:
        where = ".".join(str(p) for p in error.errors()[0]["loc"])
        return DemoProblem(loc, "action", {"kind": kind, "field": where})


def _apply_line(sim: Simulation, line: str, loc: tuple[str | int, ...]) -> DemoProblem | None:
    """An action line (``[HH:MM ]kind [{json}]``) applied; a time ahead lets time pass."""
    text = line.strip()
    match = _TIME.match(text + " ")
    if match is not None:
        at = to_minutes(text[: match.end() - 1].strip())
        text = text[match.end() - 1 :].strip()
        if at < sim.world.clock:
            return DemoProblem(loc, "time_past", {"time": format_minutes(at),
                                                  "clock": format_minutes(sim.world.clock)})
        if at > sim.world.clock:
            try:
                sim.apply(AdvanceClock(to=format_minutes(at)))
            except IllegalAction as error:
                return DemoProblem(loc, "illegal", {"kind": "advance_clock", "why": str(error)})
    action = _parse_line(text, loc)
    if isinstance(action, DemoProblem):
        return action
    try:
        sim.apply(action)
    except IllegalAction as error:
        return DemoProblem(loc, "illegal", {"kind": action.kind, "why": str(error)})
    return None
