"""Where a key goes: the routing half of the focus model described in
:mod:`simulator.app.widgets`.

Every key event passes through :meth:`KeyRouter.route`, and nowhere else decides:

- a key press the top scene must not take yet is dropped, with the text it types: a key that
  was already held when the scene came on top or turned a page (until it is released: a held
  key repeats, and the key that opened a screen is still down when the screen appears), and,
  in a dialog or on a page just turned (the next quiz question), any key before it has been
  drawn (a key typed before it was seen);
- with an entry focused, the keys that edit text go to the entry alone (so no shortcut
  fires); Tab, Up, Down, Esc and the function keys go to the scene, which moves the focus,
  pauses, goes back or cancels;
- otherwise the key goes to the scene: focus moves, presses, shortcuts;
- the text of a key press (SDL sends it as a separate event a moment later) goes to the entry
  that took the key press, and nowhere if the key was a shortcut or was dropped.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

if TYPE_CHECKING:
    from simulator.app.scene import Scene, SceneStack

log = logging.getLogger(__name__)

KEY_EVENTS = frozenset({pygame.KEYDOWN, pygame.KEYUP, pygame.TEXTINPUT})
# Keys that move the focus out of an entry or belong to the scene, even while typing.
SCENE_KEYS = frozenset(
    {pygame.K_TAB, pygame.K_UP, pygame.K_DOWN, pygame.K_ESCAPE}
    | {getattr(pygame, f"K_F{n}") for n in range(1, 16)}
)


class _NoKeyPress:
    """The text event came with no key press of its own (an input method's text)."""


NO_KEY_PRESS = _NoKeyPress()


class KeyRouter:
    """Holds what routing needs to remember between events: the keys held down, the scene
    that was last on top, and where the text of the last key press may go."""

    def __init__(self) -> None:
        self.held: set[int] = set()
        self._top: tuple[Scene, int] | None = None  # the top scene and the page it was on
        self._blocked: set[int] = set()  # held when the top scene came on top
        self._text_to: UITextEntryLine | _NoKeyPress | None = NO_KEY_PRESS

    # --- the scenes -------------------------------------------------------------------------

    def settle(self, stack: SceneStack) -> None:
        """After anything that may change the scenes: only the top scene shows its ring and
        owns pygame_gui's focus; a scene new on top takes none of the keys held now."""
        top = stack.top
        for scene in stack.scenes:
            scene.ui.set_active(scene is top)
        if top is None:
            return
        top.ui.show_focus()  # a scene built under a dialog may have taken pygame_gui's focus
        if self._top != (top, top.page):
            self._top = (top, top.page)
            self._blocked = set(self.held)

    def takes_input(self, top: Scene) -> bool:
        """Whether ``top`` may be given input: a dialog, or a page turned, only once it has
        been drawn."""
        return top.seen or not (top.overlay or top.page)

    # --- the keys ---------------------------------------------------------------------------

    def route(self, event: pygame.event.Event, top: Scene, manager: pygame_gui.UIManager) -> None:
        if event.type == pygame.KEYUP:
            self.held.discard(event.key)
            self._blocked.discard(event.key)
            manager.process_events(event)  # an entry takes Enter again after its release
        elif event.type == pygame.KEYDOWN:
            self._key_down(event, top, manager)
        elif event.type == pygame.TEXTINPUT:
            self._text(event, top, manager)

    def _key_down(
        self, event: pygame.event.Event, top: Scene, manager: pygame_gui.UIManager
    ) -> None:
        self.held.add(event.key)
        self._text_to = None
        if not self.takes_input(top):
            self._blocked.add(event.key)  # pressed before it was seen: its repeats too
        if event.key in self._blocked:
            return
        focused = top.ui.focused()
        if isinstance(focused, UITextEntryLine) and event.key not in SCENE_KEYS:
            self._text_to = focused
            manager.process_events(event)  # editing keys; Enter submits the entry
            return
        top.handle(event)

    def _text(self, event: pygame.event.Event, top: Scene, manager: pygame_gui.UIManager) -> None:
        target, self._text_to = self._text_to, NO_KEY_PRESS
        focused = top.ui.focused()
        if isinstance(target, _NoKeyPress):
            target = focused if self.takes_input(top) else None
        if isinstance(target, UITextEntryLine) and target is focused:
            manager.process_events(event)
