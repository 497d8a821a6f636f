"""A whole polling day played through the screens, as a trainee would: every action by
pressing what the scene offers. It must end exactly as the same day played headless."""

from __future__ import annotations

import pygame
import pytest

from simulator.core.actions import EndPhase
from simulator.core.careful import CarefulCrew, play_careful_day
from simulator.core.engine import Simulation
from simulator.core.phases import incidents
from simulator.scenes.debrief import DebriefScene
from simulator.scenes.dialog import ConfirmDialog
from simulator.scenes.event import EventDialog
from simulator.scenes.phase import PhaseScene
from tests.pilot import Pilot, entry


def _answer_events(pilot: Pilot, crew: CarefulCrew) -> None:
    while incidents.awaiting(crew.world):
        assert isinstance(pilot.top, EventDialog), "an event waiting for an answer is shown"
        event = incidents.awaiting(crew.world)[0]
        from simulator.core.actions import RespondToEvent

        pilot.play(RespondToEvent(event=event.index, response=crew.response_to(event)))


def _end_phase(pilot: Pilot) -> None:
    pilot.key(pygame.K_e)
    assert isinstance(pilot.top, ConfirmDialog), "ending a phase asks first"
    pilot.key(pygame.K_LEFT)  # from "cancel", where the focus starts, to "yes"
    pilot.key(pygame.K_RETURN)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["pemilu-hari-penuh", "pilkada-calon-tunggal-hitung"])
def test_a_full_day_through_the_screens_matches_the_headless_day(name: str) -> None:
    pilot = Pilot()
    session = pilot.start_session(name)
    crew = CarefulCrew(session.sim)
    for phase in session.sim.world.phases:
        pilot.frames(1)  # an event that fired as the phase began is shown now
        _answer_events(pilot, crew)
        assert isinstance(pilot.top, PhaseScene) and pilot.top.phase is phase
        for action in crew.phase_actions(phase):
            _answer_events(pilot, crew)
            pilot.play(action)
        _answer_events(pilot, crew)
        _end_phase(pilot)
    assert isinstance(pilot.top, DebriefScene), "the day ends on the debrief"
    headless = play_careful_day(Simulation.start(entry(name).scenario, seed=session.sim.world.seed))
    assert session.sim.score() == headless.score()
    assert session.sim.digest() == headless.digest(), "same actions, same day"
    assert [type(a.action) for a in session.sim.log][-1] is EndPhase
