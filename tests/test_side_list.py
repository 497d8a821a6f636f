"""The side list ("Yang dapat Anda lakukan") of every phase scene, through whole careful days
played on the screens: what the engine allows and the stage does not show is reachable from the
screen; the side list holds only what the stage has no place for, in sentences, short, never
twice, and nothing the stage already offers."""

from __future__ import annotations

import pytest

from simulator.app.widgets import offer_key
from simulator.core.actions import Action, AdvanceClock, EndPhase, RespondToEvent
from simulator.core.careful import CarefulCrew
from simulator.core.phases.formulir import CorrectFigure, EnterFigure
from simulator.scenes.phase import PhaseScene
from simulator.scenes.side_list import GROUP_AT
from tests.pilot import Pilot
from tests.test_gui_day import _answer_events, _end_phase

# More rows than this (an unfolded group aside) is a raw action dump, not a list to read.
MOST_ROWS = 12
CHECK_EVERY = 12  # steps of the careful crew between two checks (played headless between)


def needs_no_button(scene: PhaseScene, action: Action) -> bool:
    """Actions reached by typing or by the shell, not by a button of the scene: ending the
    phase ([E]), answering an event (its dialog), a time (the "wait until" entry), a figure
    (the form's cell entries, tested in test_scene_formulir)."""
    if isinstance(action, EndPhase | RespondToEvent | EnterFigure | CorrectFigure):
        return True
    return isinstance(action, AdvanceClock) and "clock" in scene.ui.named_entries


def unreachable(pilot: Pilot, scene: PhaseScene) -> list[str]:
    """Allowed actions of a kind the stage does not claim that have no button on screen, even
    after unfolding what hides them (the first and the last of each kind: each unfolding
    rebuilds the scene). A claimed kind is the stage's to offer at its moment (the desk's own
    test checks every one of its actions)."""
    hidden: dict[str, list[Action]] = {}
    for action in scene.session.sim.allowed_actions():
        if action.kind in scene.stage_kinds or needs_no_button(scene, action):
            continue
        if offer_key(action) not in scene.ui.offers:
            hidden.setdefault(action.kind, []).append(action)
    missing = []
    for actions in hidden.values():
        for action in {offer_key(a): a for a in (actions[0], actions[-1])}.values():
            if scene.reveal(action):
                pilot.frames(1)
            if offer_key(action) not in scene.ui.offers:
                missing.append(offer_key(action))
    return missing


def side_problems(scene: PhaseScene) -> list[str]:
    """What is wrong with the side list as it stands."""
    rows = scene.side_rows()
    problems = []
    folded = [r for r in rows if r.action is None or r.action.kind != scene.side_unfolded]
    if len(folded) > MOST_ROWS:
        problems.append(f"{len(folded)} rows: {[r.words for r in folded][:5]} …")
    words = [r.words for r in rows]
    problems += [f"{w!r} twice" for w in sorted({w for w in words if words.count(w) > 1})]
    for row in rows:
        if row.action is None:
            continue
        if offer_key(row.action) in scene.stage_offers:
            problems.append(f"{row.words!r} is on the stage too")
        if "_" in row.words or row.words.startswith(row.action.kind):
            problems.append(f"{row.words!r} reads like the engine's name for it")
    kinds = [r.action.kind for r in rows if r.action is not None]
    crowded = {k for k in kinds if kinds.count(k) > GROUP_AT and k != scene.side_unfolded}
    problems += [f"{k}: {kinds.count(k)} rows not folded" for k in sorted(crowded)]
    return problems


@pytest.mark.slow
@pytest.mark.parametrize("name", ["pemilu-hari-penuh", "pilkada-hari-penuh"])
def test_a_careful_day_keeps_every_action_reachable_and_the_side_list_short(name: str) -> None:
    pilot = Pilot()
    session = pilot.start_session(name)
    crew = CarefulCrew(session.sim)
    problems: list[str] = []
    for phase in session.sim.world.phases:
        pilot.frames(1)
        _answer_events(pilot, crew)
        # The crew's next step follows from the state: steps are played as they come, and
        # checked at the start of the phase and every CHECK_EVERY steps.
        for index, action in enumerate(crew.phase_actions(phase)):
            if index % CHECK_EVERY:
                crew.do(action)  # between checks, headless: the screen is brought up below
                continue
            scene = pilot.top
            if isinstance(scene, PhaseScene):
                scene.after_action()  # the screen as the day now stands
                pilot.frames(1)
            _answer_events(pilot, crew)
            scene = pilot.top
            if isinstance(scene, PhaseScene):
                where = f"{phase.value} step {index}"
                problems += [f"{where}: side list: {p}" for p in side_problems(scene)]
                problems += [f"{where}: unreachable {k}" for k in unreachable(pilot, scene)]
            pilot.play(action)  # the checked step itself through its button
            _answer_events(pilot, crew)  # an event it set off, answered in its dialog
        scene = pilot.top
        if isinstance(scene, PhaseScene):
            scene.after_action()
            pilot.frames(1)
        _answer_events(pilot, crew)
        _end_phase(pilot)
    assert not problems, "\n".join(problems[:30])
