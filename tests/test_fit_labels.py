"""Labels shortened to fit never hide the difference: no two different labels on a phase
screen look the same after fitting ("DPRD Provinsi" and "DPRD Kabupaten/Kota" both cut to
"DPRD …"), in both languages, at 1366×768 with the normal and the large text size."""

from __future__ import annotations

import pytest

from simulator.app.context import make_manager
from simulator.app.play import PlaySession
from simulator.core.actions import EndPhase
from simulator.core.careful import CarefulCrew
from simulator.core.phases import incidents
from simulator.scenes.phase import PhaseScene
from simulator.scenes.phases import scene_for
from simulator.schema.types import Phase
from tests.pilot import Pilot

LAPTOP = (1366, 768)
CHECK_EVERY = 20  # steps of the careful crew between two looks at the screen
DESK_STEPS = 60  # the desk's first steps show every kind of control it has


def look_alikes(scene: PhaseScene) -> list[str]:
    """Shown words that stand for more than one label, on this screen as built (every
    phase scene shortens its labels through ``PhaseScene.shorten``, which keeps count)."""
    return [
        f"{shown!r} stands for {sorted(originals)}"
        for shown, originals in scene.shortened.items()
        if len(originals) > 1
    ]


def look_at(pilot: Pilot, session: PlaySession, where: str) -> list[str]:
    """Build the current phase's screen as the day stands, then with each group of its side
    list unfolded, and report the labels that look alike."""
    scene = scene_for(pilot.ctx, session)
    assert isinstance(scene, PhaseScene)
    pilot.ctx.stack.replace(scene)  # built: its shortenings are noted (no frame draws one)
    problems = [f"{where}: {p}" for p in look_alikes(scene)]
    for kind in sorted({a.kind for a in scene.side_actions()}):
        scene.side_unfolded = kind
        scene.rebuild()
        problems += [f"{where}, {kind} unfolded: {p}" for p in look_alikes(scene)]
    return problems


def careful_day_screens(pilot: Pilot, session: PlaySession) -> list[str]:
    """A careful day played on the engine, each phase's screen looked at every few steps."""
    crew = CarefulCrew(session.sim)
    problems: list[str] = []
    for phase in session.sim.world.phases:
        crew.respond_to_events()
        for index, action in enumerate(crew.phase_actions(phase)):
            if phase is Phase.PEMUNGUTAN and index >= DESK_STEPS:
                break
            if index % CHECK_EVERY == 0:
                problems += look_at(pilot, session, f"{phase.value} step {index}")
            session.do(action)
            crew.respond_to_events()
        problems += look_at(pilot, session, f"{phase.value} at its end")
        while incidents.awaiting(session.sim.world):
            crew.respond_to_events()
        session.do(EndPhase())
    return problems


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("text_size", ["normal", "besar"])
@pytest.mark.parametrize("name", ["pemilu-hari-penuh", "pilkada-hari-penuh"])
def test_no_two_labels_look_the_same_after_fitting(name: str, lang: str, text_size: str) -> None:
    pilot = Pilot(LAPTOP, lang)
    pilot.ctx.settings.text_size = text_size
    pilot.ctx.manager = make_manager(LAPTOP, pilot.ctx.settings)
    session = pilot.start_session(name)
    problems = careful_day_screens(pilot, session)
    assert not problems, "\n".join(problems[:30])
