"""The main loop: an async function that yields once per frame (so a browser build with pygbag
stays possible), fixed-step updates, and a ``step`` that tests drive frame by frame."""

from __future__ import annotations

import asyncio
import logging

import pygame

from simulator.app.context import AppContext
from simulator.art import palette

log = logging.getLogger(__name__)

STEP = 1 / 60  # seconds of game time per update, whatever the frame rate
MAX_FRAME = 0.25  # a stalled frame (a laptop waking up) is not replayed as many updates


class Driver:
    """Routes events to the widget layer and the top scene, and draws the visible scenes."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.accumulator = 0.0
        # A key that opens a screen also sends its letter as text a moment later; the new
        # screen's focused entry must not receive it (P then a name gave "pWulan").
        self._drop_text = ""

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
        if event.type == pygame.TEXTINPUT and self._drop_text and event.text == self._drop_text:
            self._drop_text = ""
            return
        if event.type == pygame.KEYDOWN:
            self._drop_text = ""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_TAB and top is not None:
            top.handle(event)  # Tab moves focus, even out of a text entry
            return
        if event.type == pygame.MOUSEBUTTONDOWN and top is not None and top.claims_click(event):
            top.handle(event)  # a click the scene reads itself, on text that is also a choice
            return
        used = ctx.manager.process_events(event)
        if not used and top is not None:
            top.handle(event)
            if event.type == pygame.KEYDOWN and ctx.stack.top is not top:
                self._drop_text = getattr(event, "unicode", "")

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(palette.PAPER)
        for scene in self.ctx.stack.visible():
            scene.draw(surface)
        self.ctx.manager.draw_ui(surface)


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
