"""One scene per phase of the day, imported only when the day reaches that phase."""

from __future__ import annotations

import importlib

from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.scenes.phase import PhaseScene


def load_next(session: PlaySession) -> None:
    """Load the code of the screen that follows the current phase (the next phase's scene,
    or the debrief after the last), so that ending the phase does not wait for it."""
    world = session.sim.world
    following = world.phase_index + 1
    if world.phase is None:
        return
    if following < len(world.phases):
        name = f"simulator.scenes.phases.{world.phases[following].value}"
    else:
        name = "simulator.scenes.debrief"
    try:
        importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise


def scene_for(ctx: AppContext, session: PlaySession) -> PhaseScene:
    """The scene of the phase the session is in (``simulator/scenes/phases/<phase>.py``'s
    ``SCENE``)."""
    phase = session.sim.world.phase
    assert phase is not None, "a finished day has a debrief, not a phase scene"
    name = f"simulator.scenes.phases.{phase.value}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise
        return PhaseScene(ctx, session)  # a phase without its own stage yet
    return module.SCENE(ctx, session)
