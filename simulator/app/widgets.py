"""The widgets of one scene: made through here so that every button is reachable from the
keyboard, every element is killed when the scene leaves, and a press runs its callback.

Keyboard: Tab / Shift+Tab (and the arrow keys) move a visible focus ring across the scene's
buttons and entries in the order they were made; Enter or Space presses the focused button;
a button may also carry its own shortcut key, shown in its label.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID, UIElement
from pygame_gui.elements import (
    UIButton,
    UIImage,
    UILabel,
    UIPanel,
    UIScrollingContainer,
    UITextBox,
    UITextEntryLine,
)

if TYPE_CHECKING:  # the engine (pydantic) is not needed to draw the start screen
    from simulator.core.actions import Action

Callback = Callable[[], None]
Container = UIPanel | UIScrollingContainer | None

# Keys with a meaning of their own in scenes; never handed out as button shortcuts.
RESERVED_KEYS = frozenset(
    {pygame.K_ESCAPE, pygame.K_TAB, pygame.K_RETURN, pygame.K_SPACE, pygame.K_F1}
)


def escape(text: str) -> str:
    """Text for a pygame_gui HTML text box: data never becomes markup."""
    return html.escape(text, quote=False)


def offer_key(action: Action) -> str:
    """An action as a dictionary key (actions may hold lists, so they are not hashable)."""
    return f"{action.kind} {json.dumps(action.params(), sort_keys=True)}"


def key_name(key: int) -> str:
    return pygame.key.name(key).upper()


@dataclass
class Widgets:
    """Owns the elements of one scene."""

    manager: pygame_gui.UIManager
    elements: list[UIElement] = field(default_factory=list)
    callbacks: dict[UIElement, Callback] = field(default_factory=dict)
    focusable: list[UIElement] = field(default_factory=list)
    shortcuts: dict[int, Callback] = field(default_factory=dict)
    entry_submit: dict[UIElement, Callable[[str], None]] = field(default_factory=dict)
    focus_index: int | None = None
    scroll_parent: dict[UIElement, UIScrollingContainer] = field(default_factory=dict)
    # What the scene offers, for tests that play through the screen as a trainee would:
    # the button that applies exactly this action, and entries by a scene-given name.
    offers: dict[str, UIButton] = field(default_factory=dict)  # by offer_key(action)
    named_entries: dict[str, UITextEntryLine] = field(default_factory=dict)

    # --- making ---------------------------------------------------------------------------

    def _keep(self, element: UIElement, container: Container = None) -> UIElement:
        self.elements.append(element)
        if isinstance(container, UIScrollingContainer):
            self.scroll_parent[element] = container
        return element

    def button(
        self,
        rect: pygame.Rect,
        text: str,
        on_press: Callback,
        *,
        key: int | None = None,
        style: str | None = None,
        container: Container = None,
        tooltip: str | None = None,
        focusable: bool = True,
        action: Action | None = None,
    ) -> UIButton:
        """A button; ``key`` adds a shortcut (shown as ``[K]`` after the text); ``action``
        names the one engine action it applies, when it applies exactly one."""
        label = f"{text}  [{key_name(key)}]" if key is not None else text
        button = UIButton(
            rect,
            label,
            self.manager,
            container=container,
            object_id=ObjectID(class_id=style) if style else None,
            tool_tip_text=escape(tooltip) if tooltip else None,
        )
        self._keep(button, container)
        self.callbacks[button] = on_press
        if action is not None:
            self.offers.setdefault(offer_key(action), button)
        if focusable:
            self.focusable.append(button)
        if key is not None:
            if key in RESERVED_KEYS:
                raise ValueError(f"key {key_name(key)} is reserved")
            self.shortcuts[key] = on_press
        return button

    def label(
        self, rect: pygame.Rect, text: str, *, style: str | None = None, container: Container = None
    ) -> UILabel:
        element = UILabel(
            _tall_enough(rect, self.manager, style, text),
            text,
            self.manager,
            container=container,
            object_id=ObjectID(class_id=style) if style else None,
        )
        return self._keep(element)  # type: ignore[return-value]

    def text(
        self,
        rect: pygame.Rect,
        markup: str,
        *,
        style: str | None = None,
        container: Container = None,
    ) -> UITextBox:
        """A text box with pygame_gui's HTML subset; escape data with :func:`escape`."""
        element = UITextBox(
            markup,
            rect,
            self.manager,
            container=container,
            object_id=ObjectID(class_id=style) if style else None,
        )
        return self._keep(element)  # type: ignore[return-value]

    def image(
        self, rect: pygame.Rect, surface: pygame.Surface, *, container: Container = None
    ) -> UIImage:
        """A drawn picture as a widget (so it layers with the widgets around it)."""
        element = UIImage(rect, surface, self.manager, container=container)
        return self._keep(element)  # type: ignore[return-value]

    def panel(self, rect: pygame.Rect, *, container: Container = None) -> UIPanel:
        element = UIPanel(rect, manager=self.manager, container=container)
        return self._keep(element)  # type: ignore[return-value]

    def scroller(self, rect: pygame.Rect, *, container: Container = None) -> UIScrollingContainer:
        element = UIScrollingContainer(
            rect, self.manager, container=container, allow_scroll_x=False
        )
        return self._keep(element)  # type: ignore[return-value]

    def entry(
        self,
        rect: pygame.Rect,
        on_submit: Callable[[str], None],
        *,
        initial: str = "",
        allowed: str | None = None,
        max_length: int = 40,
        container: Container = None,
        name: str | None = None,
    ) -> UITextEntryLine:
        """A one-line entry; Enter submits it. ``allowed``: "numbers" for figures; ``name``
        lets tests find it (e.g. ``figure:ppwp:I.A1.men``)."""
        element = UITextEntryLine(rect, self.manager, container=container, initial_text=initial)
        element.set_text_length_limit(max_length)
        if allowed == "numbers":
            element.set_allowed_characters("numbers")
        self._keep(element, container)
        self.focusable.append(element)
        self.entry_submit[element] = on_submit
        if name is not None:
            self.named_entries[name] = element
        return element  # type: ignore[return-value]

    def clear(self) -> None:
        for element in self.elements:
            element.kill()
        self.elements.clear()
        self.callbacks.clear()
        self.focusable.clear()
        self.shortcuts.clear()
        self.entry_submit.clear()
        self.focus_index = None
        self.scroll_parent.clear()
        self.offers.clear()
        self.named_entries.clear()

    # --- input ----------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> bool:
        """Run the callback a widget event or key asks for; True when the event was used."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            callback = self.callbacks.get(event.ui_element)
            if callback is not None:
                callback()
                return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            submit = self.entry_submit.get(event.ui_element)
            if submit is not None:
                submit(event.text)
                return True
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        return False

    def _typing(self) -> bool:
        return any(isinstance(e, UITextEntryLine) and e.is_focused for e in self.entry_submit)

    def _key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_TAB:
            self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        if self._typing():
            return False  # letters belong to the entry; Enter submits through pygame_gui
        if event.key in (pygame.K_DOWN, pygame.K_RIGHT):
            self.move_focus(1)
            return True
        if event.key in (pygame.K_UP, pygame.K_LEFT):
            self.move_focus(-1)
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            return self.press_focused()
        callback = self.shortcuts.get(event.key)
        if callback is not None:
            callback()
            return True
        return False

    def live_focusable(self) -> list[UIElement]:
        return [e for e in self.focusable if e.alive() and e.visible and _enabled(e)]

    def move_focus(self, step: int) -> None:
        candidates = self.live_focusable()
        if not candidates:
            return
        current = self.focused()
        index = candidates.index(current) if current in candidates else (-1 if step > 0 else 0)
        self.set_focus(candidates[(index + step) % len(candidates)])

    def focused(self) -> UIElement | None:
        if self.focus_index is None or self.focus_index >= len(self.focusable):
            return None
        return self.focusable[self.focus_index]

    def set_focus(self, element: UIElement) -> None:
        previous = self.focused()
        if isinstance(previous, UIButton):
            previous.unselect()
        if isinstance(previous, UITextEntryLine):
            previous.unfocus()
        self.focus_index = self.focusable.index(element)
        if isinstance(element, UIButton):
            element.select()
        elif isinstance(element, UITextEntryLine):
            self.manager.set_focus_set(element)
        _scroll_into_view(element, self.scroll_parent.get(element))

    def press_focused(self) -> bool:
        element = self.focused()
        if element is None or not element.alive() or not _enabled(element):
            return False
        callback = self.callbacks.get(element)
        if callback is None:
            return False
        callback()
        return True


def _tall_enough(
    rect: pygame.Rect, manager: pygame_gui.UIManager, style: str | None, text: str
) -> pygame.Rect:
    """``rect``, made as tall as one line of the label's font when it is shorter (a larger
    text size grows labels rather than clipping them)."""
    ids = ["label"] if style is None else [style, "label"]
    font = manager.get_theme().get_font(ids)
    needed = font.size(text or " ")[1] + 2
    if rect.height >= needed:
        return rect
    taller = rect.copy()
    taller.height = needed
    return taller


def _enabled(element: UIElement) -> bool:
    return getattr(element, "is_enabled", True)


def _scroll_into_view(element: UIElement, scroller: UIScrollingContainer | None) -> None:
    """When the focused element sits in a scrolling list, scroll it into sight."""
    if scroller is None or scroller.vert_scroll_bar is None:
        return
    content = max(1, scroller.scrollable_container.get_relative_rect().height)
    visible = scroller.get_relative_rect().height
    top = element.get_relative_rect().top
    # Put the element's top in the upper third of the visible part.
    start = (top - visible / 3) / content
    scroller.vert_scroll_bar.set_scroll_from_start_percentage(
        max(0.0, min(start, 1.0 - visible / content))
    )
