"""When the main loop wakes and when it draws, so a screen at rest costs (almost) nothing.

A laptop on battery in a hall must not spend half a core redrawing a start screen that does
not change. The loop therefore draws a frame only when something on screen may have changed:

- input arrived (and for :data:`SETTLE` seconds after it, at 60 frames a second, while
  pygame_gui's hover and press states and a scene's reaction in its next update settle);
- a scene says it moves (:meth:`simulator.app.scene.Scene.next_change`: the voter desk's
  running clock, the quiz's exam clock);
- the widget layer moves (:func:`widgets_moving`: a list still scrolling, a held mouse
  button) or gets a new picture by itself (:func:`widgets_wake_in` says when,
  :func:`widgets_look` tells: a caret blinking in a focused entry, a tooltip coming up);
  only the widgets that changed are then sent to the display.

Between those moments the loop waits for input in SDL, :data:`POLL` seconds at a time, and
answers it the moment it comes (SDL's wait looks every millisecond: about one more percent of
a core at rest than napping, for up to ten milliseconds less before each answer). The window
itself is behind the small :class:`Window` protocol, so a test drives the loop with a fake
clock and scripted events.
"""

from __future__ import annotations

import asyncio
import time
from typing import Protocol

import pygame
import pygame_gui
from pygame_gui.core import UIElement
from pygame_gui.elements import UIHorizontalScrollBar, UITextEntryLine, UIVerticalScrollBar

FRAME = 1 / 60  # the shortest time between two frames
SETTLE = 0.25  # seconds of frames after input (pygame_gui shows hover and presses a frame late)
POLL = 0.01  # the longest a resting loop waits for input before it looks at the time again
IDLE_ADVANCE = 1.0  # a resting loop still moves time on this often, without drawing
CARET_STEP = 0.1  # how often a focused entry's caret is asked whether it blinked
#: input that comes as a stream: drawn at most once a frame (a key or a click is drawn at once)
STREAMED = frozenset({pygame.MOUSEMOTION, pygame.MOUSEWHEEL, pygame.FINGERMOTION})


class Window(Protocol):
    """What the loop needs from the window: time, input, a nap and showing a frame."""

    def now(self) -> float:
        """Seconds on a monotonic clock."""

    def poll(self) -> list[pygame.event.Event]:
        """The input waiting now (possibly none), without blocking."""

    async def nap(self, seconds: float) -> None:
        """Sleep ``seconds`` (yielding to other tasks)."""

    async def wait(self, seconds: float) -> list[pygame.event.Event]:
        """Input as soon as it arrives, or none after ``seconds`` (yielding to other tasks)."""

    def present(self, rects: list[pygame.Rect] | None = None) -> None:
        """Show the frame just drawn: all of it, or only ``rects`` of it."""

    def mouse_held(self) -> bool:
        """Whether a mouse button is down (a held scroll arrow moves a list by itself)."""


class PygameWindow:
    """The real window."""

    def now(self) -> float:
        return time.perf_counter()

    def poll(self) -> list[pygame.event.Event]:
        return pygame.event.get()

    async def nap(self, seconds: float) -> None:
        await asyncio.sleep(seconds)

    async def wait(self, seconds: float) -> list[pygame.event.Event]:
        # SDL wakes the moment input arrives: a loop that slept and then looked would leave
        # a key or a click unanswered for up to the length of its sleep.
        first = pygame.event.wait(max(1, round(seconds * 1000)))
        events = [] if first.type == pygame.NOEVENT else [first, *pygame.event.get()]
        await asyncio.sleep(0)  # the other tasks (a benchmark's player) run between waits
        return events

    def present(self, rects: list[pygame.Rect] | None = None) -> None:
        if rects is None:
            pygame.display.flip()
        else:
            pygame.display.update(rects)

    def mouse_held(self) -> bool:
        return any(pygame.mouse.get_pressed())


def earliest(*delays: float | None) -> float | None:
    """The soonest of some delays; None when none is set."""
    known = [delay for delay in delays if delay is not None]
    return min(known) if known else None


def widgets_moving(manager: pygame_gui.UIManager, mouse_held: bool) -> bool:
    """Whether the widgets move by themselves, to be drawn every frame: a list gliding to
    where the wheel sent it, or a held mouse button (a held scroll arrow, a dragged bar)."""
    if mouse_held:
        return True
    return any(
        isinstance(element, (UIVerticalScrollBar, UIHorizontalScrollBar))
        and (
            element.has_moved_recently
            or element.scroll_position != element.target_scroll_position
        )
        for element in manager.get_sprite_group().sprites()
    )


def widgets_wake_in(manager: pygame_gui.UIManager) -> float | None:
    """Seconds after the manager's last update until a widget may get a new picture with no
    input; None when none will.

    pygame_gui counts hover time and caret blinks in ``update``, acts on the count at a later
    update and hands the element its new picture at the one after: the loop updates at these
    moments and draws only where :func:`widgets_look` changed."""
    soonest: float | None = None
    for element in manager.get_sprite_group().sprites():
        shape = element.drawable_shape
        if shape is not None and shape.has_fresh_surface():
            return 0.0  # a new picture waits for the next update
        if shape is not None and shape.should_trigger_full_rebuild:
            soonest = earliest(soonest, max(0.0, shape.full_rebuild_countdown))
        if element.hovered and element.tool_tip_text and element.tool_tip is None:
            soonest = earliest(soonest, max(0.0, element.tool_tip_delay - element.hover_time))
    if any(_typing(element) for element in manager.get_focus_set() or ()):
        soonest = earliest(soonest, CARET_STEP)
    return soonest


Look = dict[UIElement, pygame.Surface | None]


def widgets_look(manager: pygame_gui.UIManager) -> Look:
    """The widgets' pictures: pygame_gui gives an element a new picture whenever it looks
    different (a caret blinked, a tooltip appeared), so comparing these by identity tells
    whether an update changed anything on screen, and where. The surfaces are held, not
    their ids, so a freed picture's address cannot come back as a 'new' one."""
    return {element: element.image for element in manager.get_sprite_group().sprites()}


def changed_rects(before: Look, after: Look) -> list[pygame.Rect]:
    """Where the widgets' pictures changed between two looks (an element that came or went
    counts where it is)."""
    return [
        pygame.Rect(element.rect)
        for element in before.keys() | after.keys()
        if before.get(element) is not after.get(element)
    ]


def _typing(element: object) -> bool:
    return isinstance(element, UITextEntryLine) and element.is_focused
