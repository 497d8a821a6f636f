"""Every screen of a scenario rendered headless to PNG files: for handouts and slides, and to
check the look without a screen (``python run_sim.py shot SCENARIO --out DIR``).

A careful crew plays the day; each phase is photographed a few steps in, where its scene
shows something typical (``PhaseScene.shot_steps``), then the debrief.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from simulator.app.context import AppContext, make_manager
from simulator.app.driver import Driver
from simulator.app.library import ScenarioEntry
from simulator.app.play import Mode, PlaySession
from simulator.app.settings import Settings
from simulator.core.actions import EndPhase
from simulator.core.careful import CarefulCrew
from simulator.schema.demo import Demo

FRAMES = 3  # enough for pygame_gui to lay text out


def headless_context(size: tuple[int, int], lang: str, text_size: str = "normal") -> AppContext:
    """A window-less app (no save store) of ``size`` in ``lang``, at ``text_size``."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    pygame.display.init()
    pygame.font.init()
    settings = Settings(lang=lang, window_size=size, text_size=text_size)
    screen = pygame.display.set_mode(size)
    return AppContext(screen, make_manager(size, settings), settings, None)


class Camera:
    """Steps a headless app a few frames, then saves the screen as the next numbered PNG."""

    def __init__(self, ctx: AppContext, out: Path) -> None:
        self.driver = Driver(ctx)
        self.ctx = ctx
        self.out = out
        self.written: list[Path] = []

    def snap(self, name: str) -> None:
        for _ in range(FRAMES):
            self.driver.step(1 / 60, pygame.event.get())
        path = self.out / f"{len(self.written):02d}-{name}.png"
        pygame.image.save(self.ctx.screen, str(path))
        self.written.append(path)


def render_shots(
    entry: ScenarioEntry, out: Path, size: tuple[int, int], lang: str, text_size: str = "normal"
) -> list[Path]:
    """Render the start screen, the picker, each phase and the debrief of ``entry``."""
    from simulator.scenes.debrief import DebriefScene
    from simulator.scenes.phases import scene_for
    from simulator.scenes.picker import PickerScene
    from simulator.scenes.start import StartScene

    out.mkdir(parents=True, exist_ok=True)
    ctx = headless_context(size, lang, text_size)
    camera = Camera(ctx, out)
    snap, written = camera.snap, camera.written

    ctx.stack.replace(StartScene(ctx))
    snap("start")
    ctx.stack.replace(PickerScene(ctx, chosen=entry))
    snap("picker")
    session = PlaySession.begin(entry, Mode.LATIHAN, None, None)
    crew = CarefulCrew(session.sim)
    while not session.finished:
        phase = session.sim.world.phase
        assert phase is not None
        scene = scene_for(ctx, session)
        ctx.stack.replace(scene)
        steps = crew.phase_actions(phase)
        # One at a time: the crew decides each step from the state the last one left.
        for action in itertools.islice(steps, type(scene).shot_steps):
            scene.act(action)
            crew.respond_to_events()
        if ctx.stack.top is not scene:
            ctx.stack.replace(scene)
        scene.rebuild()
        snap(phase.value)
        for action in steps:
            crew.do(action)
        crew.respond_to_events()
        crew.do(EndPhase())
    ctx.stack.replace(DebriefScene(ctx, session))
    snap("debrief")
    pygame.quit()
    return written


def render_demo_shots(
    demo: Demo,
    entry: ScenarioEntry,
    out: Path,
    size: tuple[int, int],
    lang: str,
    text_size: str = "normal",
) -> list[Path]:
    """Each step of ``demo`` in the replay viewer, from where its own part begins to its
    end: the screen, the band with its caption or question, and the card at a reveal."""
    from simulator.app.viewing import ReplayView
    from simulator.core.demo import make_script
    from simulator.scenes.viewer import ReplayViewer

    scenario = entry.scenario
    assert scenario is not None
    script, problems = make_script(demo, scenario, lang)
    assert script is not None, f"a validated demo plays: {problems}"
    out.mkdir(parents=True, exist_ok=True)
    ctx = headless_context(size, lang, text_size)
    view = ReplayView.of_demo(entry, script, demo.title.get(lang))
    viewer = ReplayViewer.open(ctx, view)
    camera = Camera(ctx, out)
    for step in range(script.start, view.length + 1):
        viewer.go(step)
        camera.snap(f"{demo.id}-{step - script.start:02d}")
    return camera.written
