"""The main loop: an async function that yields once per turn (so a browser build with pygbag
stays possible), fixed-step updates, a frame drawn only when something may have changed
(:mod:`simulator.app.pacing`), and a ``step`` that tests drive frame by frame."""

from __future__ import annotations

import asyncio
import logging
import math

import pygame

from simulator.app import collector, pacing
from simulator.app.context import AppContext
from simulator.app.keyboard import KEY_EVENTS, KeyRouter
from simulator.app.pacing import FRAME, IDLE_ADVANCE, POLL, SETTLE, Window
from simulator.app.scene import Scene
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
        self.advance(dt, events)
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
        top = self.ctx.stack.top
        if top is not None:
            top.ui.place_tooltips(surface.get_rect())
        self.ctx.manager.draw_ui(surface)
        if top is not None:
            # On a projector the ring is twice as thick, to be seen from the back of a hall.
            thick = 2 if self.ctx.settings.projector else 1
            top.ui.draw_focus_ring(
                surface, thick * max(3, self.ctx.px(4)), max(3, self.ctx.px(6))
            )
            top.draw_over(surface)
        for scene in visible:
            scene.seen = True

    def advance(
        self, dt: float, events: list[pygame.event.Event], longest: float = MAX_FRAME
    ) -> float:
        """Input, as many fixed updates as ``dt`` holds (at most ``longest`` seconds of them),
        then the widgets: a frame without the drawing. Returns the seconds the updates ran."""
        for event in events:
            self.dispatch(event)
        self.accumulator = min(self.accumulator + dt, max(longest, MAX_FRAME))
        top = self.ctx.stack.top
        moved = 0.0
        while self.accumulator >= STEP:
            if top is not None:
                top.update(STEP)
            self.accumulator -= STEP
            moved += STEP
        self.keys.settle(self.ctx.stack)  # an update may have opened a dialog
        self.ctx.manager.update(dt)
        return moved

    def scene_change(self) -> float | None:
        """Seconds of updates until the top scene looks different by itself (only the top
        scene is updated): 0 while it moves, None while it is still."""
        top = self.ctx.stack.top
        if top is None:
            return None
        return 0.0 if _moves_unannounced(top) else top.next_change()


def _moves_unannounced(scene: Scene) -> bool:
    """A scene that advances something in ``update`` but has not said when it looks different
    (its class overrides ``update`` below its ``next_change``) is drawn every frame: a new
    animation is never frozen, only not yet economical."""
    mro = type(scene).__mro__
    updates = next(index for index, cls in enumerate(mro) if "update" in cls.__dict__)
    announces = next(index for index, cls in enumerate(mro) if "next_change" in cls.__dict__)
    return updates < announces


async def run(driver: Driver, frames: int | None = None, window: Window | None = None) -> None:
    """Run until the window closes (or for ``frames`` drawn frames).

    Each turn sleeps until input arrives or something is due, moves time on, and draws only
    when the screen may have changed: after input, while a scene or a widget moves, when a
    resting scene's next change comes due. A screen at rest is not drawn at all."""
    with collector.full_collections_held():
        await _run(driver, frames, window or pacing.PygameWindow())


async def _run(driver: Driver, frames: int | None, window: Window) -> None:
    now = window.now()
    advanced = now  # when the scenes and widgets last moved on
    drawn = -math.inf  # when the last frame was drawn
    settle_until = now + SETTLE  # a new window lays its widgets out over its first frames
    shown: tuple[int, ...] = ()  # the screens on the stack when the last frame was drawn
    count = 0
    while driver.ctx.running and (frames is None or count < frames):
        change = driver.scene_change()
        moving = pacing.widgets_moving(driver.ctx.manager, window.mouse_held())
        # The fixed updates lag real time by up to a step: wake when the change has run.
        scene_wake = None if change is None else change + (STEP if change else 0.0)
        widget_wake = 0.0 if moving else pacing.widgets_wake_in(driver.ctx.manager)
        wake = min(d for d in (scene_wake, widget_wake, IDLE_ADVANCE) if d is not None)
        # At most 60 frames a second, and each one while input settles.
        due = drawn + FRAME if now < settle_until else max(advanced + wake, drawn + FRAME)
        events = await _wait(window, due)
        now = window.now()
        if events and now < drawn + FRAME and all(e.type in pacing.STREAMED for e in events):
            # A stream of mouse motion is one frame each 1/60 s, not one per event.
            await window.nap(drawn + FRAME - now)
            events += window.poll()
            now = window.now()
        if events:
            settle_until = now + SETTLE
        look = pacing.widgets_look(driver.ctx.manager)
        moved = driver.advance(now - advanced, events, longest=due - advanced + POLL)
        advanced = now
        answers = window.poll() if events else []
        if answers:
            # pygame_gui answers a click with an event of its own (a button pressed): act on
            # it in this frame, not one frame later.
            driver.advance(0.0, answers)
            events += answers
        # A screen that changed by itself (a dialog an update opened) is drawn at once: the
        # keyboard takes keys only on a screen that has been seen.
        screens = tuple(id(scene) for scene in driver.ctx.stack.scenes)
        whole = (
            bool(events)
            or now < settle_until
            # A run for a count of frames (a smoke test) draws each turn: on a loaded machine
            # the first frames can outlast the settling, and a screen at rest is never drawn.
            or frames is not None
            or (change is not None and moved >= change)
            or moving
            or screens != shown
        )
        # Only widgets changed by themselves (a caret blinked): show just those, as a whole
        # window sent to a slow display costs more than the drawing.
        changed: list[pygame.Rect] = []
        if not whole:
            changed = pacing.changed_rects(look, pacing.widgets_look(driver.ctx.manager))
        if whole or changed:
            driver.draw(driver.ctx.screen)
            window.present(None if whole else changed)
            drawn = now
            shown = tuple(id(scene) for scene in driver.ctx.stack.scenes)
            count += 1
            top = driver.ctx.stack.top
            if top is not None:
                top.after_shown()
            # Input answered: the player now looks at what it did, and will not act again
            # within the milliseconds a full collection takes.
            collector.collect_if_due(answered_input=bool(events))
        await asyncio.sleep(0)


async def _wait(window: Window, until: float) -> list[pygame.event.Event]:
    """Input as soon as it arrives, or nothing at ``until``."""
    events = window.poll()
    while not events:
        left = until - window.now()
        if left <= 0:
            break
        events = await window.wait(min(POLL, left))
    return events
