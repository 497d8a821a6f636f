"""The main loop: an async function that yields once per frame (so a browser build with pygbag
stays possible), fixed-step updates, and a ``step`` that tests drive frame by frame."""

from __future__ import annotations

import asyncio
import logging

import pygame

from simulator.app.context import AppContext
from simulator.app.keyboard import KEY_EVENTS, KeyRouter
from simulator.art import palette

log = logging.getLogger(__name__)

STEP = 1 / 60  # seconds of game time per update, whatever the frame rate
MAX_FRAME = 0.25  # a stalled frame (a laptop waking up) is not replayed as many updates


class Driver:
    """Routes events to the widget layer and the top scene, and draws the visible scenes."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.accumulator = 0.0
        self.keys = KeyRouter()  # where each key goes (the focus model, in widgets.py)

    def step(self, dt: float, events: list[pygame.event.Event]) -> None:
        """One frame: input, as many fixed updates as ``dt`` holds, widgets, drawing."""
        for event in events:
            self.dispatch(event)
        self.accumulator = min(self.accumulator + dt, MAX_FRAME)
        top = self.ctx.stack.top
        while self.accumulator >= STEP:
            if top is not None:
                top.update(STEP)
            self.accumulator -= STEP
        self.keys.settle(self.ctx.stack)  # an update may have opened a dialog
        self.ctx.manager.update(dt)
        self.draw(self.ctx.screen)

    def dispatch(self, event: pygame.event.Event) -> None:
        ctx = self.ctx
        if event.type == pygame.QUIT:
            ctx.running = False  # every action is already saved: nothing to ask
            return
        if event.type == pygame.VIDEORESIZE and not ctx.settings.fullscreen:
            ctx.resized(event.size)
            return
        top = ctx.stack.top
        if top is None:
            ctx.manager.process_events(event)
        elif event.type in KEY_EVENTS:
            self.keys.route(event, top, ctx.manager)
        elif event.type == pygame.MOUSEBUTTONDOWN and not self.keys.takes_input(top):
            pass  # a dialog not yet drawn: the press was meant for what was there before
        elif event.type == pygame.MOUSEBUTTONDOWN and top.claims_click(event):
            top.handle(event)  # a click the scene reads itself, on text that is also a choice
        else:
            used = ctx.manager.process_events(event)
            if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                top.ui.follow_pointer()  # the ring goes where the press put pygame_gui's focus
            if not used:
                top.handle(event)
        self.keys.settle(ctx.stack)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(palette.PAPER)
        visible = self.ctx.stack.visible()
        for scene in visible:
            scene.draw(surface)
        self.ctx.manager.draw_ui(surface)
        top = self.ctx.stack.top
        if top is not None:
            top.ui.draw_focus_ring(surface, max(3, self.ctx.px(4)), max(3, self.ctx.px(6)))
        for scene in visible:
            scene.seen = True


async def run(driver: Driver, frames: int | None = None) -> None:
    """Run until the window closes (or for ``frames`` frames)."""
    clock = pygame.time.Clock()
    frame = 0
    while driver.ctx.running and (frames is None or frame < frames):
        dt = clock.tick(60) / 1000
        driver.step(dt, pygame.event.get())
        pygame.display.flip()
        frame += 1
        await asyncio.sleep(0)
