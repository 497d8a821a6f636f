"""One scene per phase of the day, imported only when the day reaches that phase."""

from __future__ import annotations

import importlib
import importlib.util
import logging

import pygame

from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.app.scene import Scene
from simulator.core.actions import EndPhase
from simulator.scenes.phase import PhaseScene
from simulator.schema.types import Phase

log = logging.getLogger(__name__)


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
        # Never an empty stand-in: a screen left out of an installation is a broken program.
        raise MissingScreen(phase.value) from error
    return module.SCENE(ctx, session)


class MissingScreen(RuntimeError):
    """A phase has no screen in this installation (its module was not installed)."""

    def __init__(self, phase: str) -> None:
        self.phase = phase
        super().__init__(f"the screen of phase {phase!r} (simulator.scenes.phases.{phase}) "
                         "is not installed")


def missing_screens() -> list[str]:
    """The phases whose screen module cannot be found (checked at start-up, not imported)."""
    return [phase.value for phase in Phase
            if importlib.util.find_spec(f"simulator.scenes.phases.{phase.value}") is None]


def rehearse_end(ctx: AppContext, session: PlaySession) -> None:
    """Make the screen that ending the phase would show, once and off screen, on a copy of
    the day with the phase ended, and let it go, while the trainee reads the question.

    A screen's first build measures and renders every word at every size it uses, and pygame
    and pygame_gui keep what they measured and rendered: made again when the trainee
    confirms, the same screen comes up in a fraction of the time (on a modest laptop, 50–80
    ms the first time, under 15 the second). Nothing of the rehearsal is shown, saved or
    kept: its widgets are killed and the question keeps the keyboard focus. It only saves
    time, so a rehearsal that fails is logged and forgotten; the real screen is made anyway.
    """
    manager = ctx.manager
    focus = manager.get_focus_set()
    scene: Scene | None = None
    try:
        ahead = session.rehearsal()
        ahead.do(EndPhase())
        if ahead.finished:
            from simulator.scenes.debrief import DebriefScene

            scene = DebriefScene(ctx, ahead)
        else:
            scene = scene_for(ctx, ahead)
        scene.build_over(None)
        scene.draw(pygame.Surface(ctx.size))
    except Exception:  # an optimisation must never cost the trainee the day
        log.exception("could not make the next screen ahead")
    finally:
        if scene is not None:
            scene.teardown()
        manager.set_focus_set(focus)
