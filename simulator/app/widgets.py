"""The widgets of one scene, and the one focus model of the whole game.

Widgets are made through here so that every button is reachable from the keyboard, every
element is killed when the scene leaves, and a press runs its callback.

The focus model (what a trainee can rely on, on every screen):

- **One focus.** A scene's ``Widgets`` holds the focus: one button or entry, or nothing. The
  gold ring marks it (drawn over the element's border, thicker than any other), and it is
  always pygame_gui's focused element too: every change goes through :meth:`Widgets.set_focus`,
  and a mouse press is read back from pygame_gui (:meth:`Widgets.follow_pointer`): pressing
  an entry or a button moves the ring there, pressing anything else clears it. Only the top
  scene shows a ring; a scene under a dialog keeps its focus for when the dialog closes.
- **A key goes to the focused element only** (the routing is in :mod:`simulator.app.keyboard`).
  With an entry focused, letters, digits, Space, Backspace, Delete, Left/Right/Home/End and
  Enter go to the entry and no shortcut fires; Tab, Shift+Tab, Up and Down move the focus.
  With a button or nothing focused, no entry receives text: Enter or Space presses the
  focused button, and a key shown in ``[ ]`` on a button is its shortcut. Esc (and F1) mean
  the same wherever the focus is: pause, go back, or cancel a dialog.
- **Typed text belongs to its key press**: the text of a key used as a shortcut is never typed
  anywhere (P on the start screen, then a name, once gave "pWulan").
- **Tab, Shift+Tab and the arrows follow reading order** (:mod:`simulator.app.reading_order`):
  a panel at a time (header, stage, side column), each top to bottom, left to right, row by
  row in a grid; never the order the widgets were made in. When a pressed button goes away
  with what it did, nothing is focused (a second Enter by momentum presses nothing the
  trainee did not choose) and Tab goes on from its place; otherwise the focus stays on the
  same element across a rebuild.
- **A new screen is not typed into by accident**: a screen takes no key that was already held
  when it came on top until that key is released (a held key repeats), and a dialog, or a
  page turned (the next quiz question), takes no key before it has been drawn (typed before
  it was seen), nor a dialog a click.
- **Dialogs**: Enter presses the focused button, Esc cancels. The focus starts on the safe
  answer (cancel), or on nothing where every answer is a choice; never on the right answer,
  which would be a hint. A choice that costs points has no single-key shortcut, so a key
  typed by momentum never takes it.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
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

from simulator.app.reading_order import in_panels, reading_order
from simulator.app.reuse import Carried, Made, Spare, as_made, drop_pending, restack
from simulator.art import palette
from simulator.art.fonts import text_size

if TYPE_CHECKING:  # the engine (pydantic) is not needed to draw the start screen
    from simulator.core.actions import Action

log = logging.getLogger(__name__)

Callback = Callable[[], None]
Container = UIPanel | UIScrollingContainer | None

# Keys with a meaning of their own in scenes; never handed out as button shortcuts.
RESERVED_KEYS = frozenset(
    {
        pygame.K_ESCAPE,
        pygame.K_TAB,
        pygame.K_RETURN,
        pygame.K_KP_ENTER,
        pygame.K_SPACE,
        pygame.K_F1,
        pygame.K_UP,
        pygame.K_DOWN,
        pygame.K_LEFT,
        pygame.K_RIGHT,
        pygame.K_BACKSPACE,
    }
)
NEXT_KEYS = frozenset({pygame.K_DOWN, pygame.K_RIGHT})
PREVIOUS_KEYS = frozenset({pygame.K_UP, pygame.K_LEFT})
PRESS_KEYS = frozenset({pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE})
# A key held with one of these is a command of the system or of an entry, not a shortcut.
COMMAND_MODIFIERS = pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META
SLACK_PX = 2  # an element this far past the edge of a scrolling list counts as in sight


def escape(text: str) -> str:
    """Text for a pygame_gui HTML text box: data never becomes markup."""
    return html.escape(text, quote=False)


def offer_key(action: Action) -> str:
    """An action as a dictionary key (actions may hold lists, so not all are hashable): its
    fields in pydantic's own JSON, in their declared order (several times quicker than
    ``json.dumps``). A screen asks for hundreds of these after every action, mostly for the
    same actions as the last time: a hashable one is written once."""
    try:
        return _known_offer_key(action)
    except TypeError:  # a list inside (the ballots handed over): written each time
        return _offer_key(action)


def _offer_key(action: Action) -> str:
    return f"{action.kind} {action.model_dump_json(exclude={'kind'}, exclude_defaults=True)}"


_known_offer_key = lru_cache(maxsize=8192)(_offer_key)


def key_name(key: int) -> str:
    return pygame.key.name(key).upper()


_NOTHING = pygame.Surface((0, 0), pygame.SRCALPHA, 32)


def let_go(element: UIElement) -> None:
    """Kill ``element`` and let go of its pictures at once. pygame_gui's elements refer to
    each other in cycles (an element, its shape, its container), so a killed one waits for
    a full collection, which the game holds back while the trainee acts (see
    :mod:`simulator.app.collector`); a screen rebuilt a few times would keep its old
    buttons' pictures (their looks, a few hundred kilobytes each) until then."""
    element.kill()
    element.image = _NOTHING
    element._pre_clipped_image = None  # what a clipped element shows clipped
    shape = element.drawable_shape
    if shape is not None:
        shape.clean_up_temp_shapes()
        for state in shape.states.values():
            state.surface = _NOTHING


@dataclass
class Widgets:
    """Owns the elements of one scene."""

    manager: pygame_gui.UIManager
    elements: list[UIElement] = field(default_factory=list)
    callbacks: dict[UIElement, Callback] = field(default_factory=dict)
    focusable: list[UIElement] = field(default_factory=list)
    shortcuts: dict[int, Callback] = field(default_factory=dict)
    entry_submit: dict[UIElement, Callable[[str], None]] = field(default_factory=dict)
    scroll_parent: dict[UIElement, UIScrollingContainer] = field(default_factory=dict)
    # What the scene offers, for tests that play through the screen as a trainee would:
    # the button that applies exactly this action, and entries by a scene-given name.
    offers: dict[str, UIButton] = field(default_factory=dict)  # by offer_key(action)
    named_entries: dict[str, UITextEntryLine] = field(default_factory=dict)
    #: the panels the screen is read by, one at a time (see :meth:`focus_panel`)
    focus_panels: list[pygame.Rect] = field(default_factory=list)
    #: the focused element (see the module docstring); read it with :meth:`focused`
    _focus: UIElement | None = None
    #: with nothing focused, where in reading order Tab goes on from (the place of an
    #: element that went away after it was pressed)
    _resume_at: int | None = None
    #: whether these widgets belong to the top scene, the only one that shows its ring
    active: bool = True
    #: tooltips already moved clear of the other elements (see :meth:`place_tooltips`)
    _placed_tips: set[UIElement] = field(default_factory=set)
    #: how each element was asked for, so that the next build may take it over
    made: dict[UIElement, Made] = field(default_factory=dict)
    #: elements no build took lately, hidden, for the next builds to take over
    spares: list[Spare] = field(default_factory=list)
    #: the previous build's elements, while this build may still take them over
    _carried: Carried | None = None

    # --- building again -------------------------------------------------------------------

    def take_over(self, previous: Widgets) -> None:
        """Build with ``previous``'s elements at hand: each maker takes over one of them
        that matches instead of making a new one (see :mod:`simulator.app.reuse`). Call
        :meth:`release_unused` once built."""
        if previous.manager is not self.manager:
            previous.clear()
            return
        previous.drop_focus()
        drop_pending(previous.elements)
        self._carried = Carried.of(previous.elements, previous.made, previous.spares)
        previous.forget()

    def release_unused(self) -> None:
        """After a build that took over the previous one's elements: hide those it did not
        take (kept as spares a while, see :mod:`simulator.app.reuse`) or kill them, and draw
        the rest in this build's order."""
        carried, self._carried = self._carried, None
        if carried is None:
            return
        kill, keep = carried.settle()
        for element in kill:
            let_go(element)
        self.spares = [spare for spare in keep if spare.element.alive()]
        for spare in self.spares:
            spare.element.hide()
        restack(self.manager, self.elements)

    def _carry(self, want: Made) -> tuple[UIElement, Made] | None:
        """An element of the previous build to use as ``want`` asks, put back as made."""
        found = self._carried.take(want) if self._carried is not None else None
        if found is not None:
            as_made(found[0], want)
        return found

    # --- making ---------------------------------------------------------------------------

    def _keep(self, element: UIElement, want: Made, container: Container = None) -> UIElement:
        self.elements.append(element)
        self.made[element] = want
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
        tip = escape(tooltip) if tooltip else None
        want = Made(("button", rect.size, style, container), rect, label)
        carried = self._carry(want)
        if carried is None:
            button = UIButton(
                rect,
                label,
                self.manager,
                container=container,
                object_id=ObjectID(class_id=style) if style else None,
                tool_tip_text=tip,
            )
        else:
            button = carried[0]  # type: ignore[assignment]
            button.set_text(label)  # nothing to do when the words are the same
            if button.tool_tip_text != tip:
                button.set_tooltip(tip)
        self._keep(button, want, container)
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
        rect = _tall_enough(rect, self.manager, style, text)
        want = Made(("label", rect.size, style, container), rect, text)
        carried = self._carry(want)
        if carried is None:
            element = UILabel(
                rect,
                text,
                self.manager,
                container=container,
                object_id=ObjectID(class_id=style) if style else None,
            )
        else:
            element = carried[0]  # type: ignore[assignment]
            element.set_text(text)
        return self._keep(element, want)  # type: ignore[return-value]

    def text(
        self,
        rect: pygame.Rect,
        markup: str,
        *,
        style: str | None = None,
        container: Container = None,
    ) -> UITextBox:
        """A text box with pygame_gui's HTML subset; escape data with :func:`escape`."""
        want = Made(("text", rect.size, style, container), rect, markup)
        carried = self._carry(want)
        if carried is None:
            element = UITextBox(
                markup,
                rect,
                self.manager,
                container=container,
                object_id=ObjectID(class_id=style) if style else None,
            )
        else:
            element = carried[0]  # type: ignore[assignment]
            if element.html_text != markup:  # (it may have been rewritten in place since)
                element.set_text(markup)
        return self._keep(element, want)  # type: ignore[return-value]

    def image(
        self, rect: pygame.Rect, surface: pygame.Surface, *, container: Container = None
    ) -> UIImage:
        """A drawn picture as a widget (so it layers with the widgets around it)."""
        want = Made(("image", rect.size, container), rect, surface=surface)
        carried = self._carry(want)
        if carried is None:
            element = UIImage(rect, surface, self.manager, container=container)
        else:
            element = carried[0]  # type: ignore[assignment]
            if carried[1].surface is not surface:
                element.set_image(surface)
        return self._keep(element, want)  # type: ignore[return-value]

    def panel(
        self, rect: pygame.Rect, *, container: Container = None, style: str | None = None
    ) -> UIPanel:
        want = Made(("panel", rect.size, style, container), rect)
        carried = self._carry(want)
        if carried is None:
            element = UIPanel(
                rect,
                manager=self.manager,
                container=container,
                object_id=ObjectID(class_id=style) if style else None,
            )
        else:
            element = carried[0]  # type: ignore[assignment]
        return self._keep(element, want)  # type: ignore[return-value]

    def scroller(self, rect: pygame.Rect, *, container: Container = None) -> UIScrollingContainer:
        """A scrolling list; taken over by the next build, it keeps its scroll position."""
        want = Made(("scroller", rect.size, container), rect)
        carried = self._carry(want)
        if carried is None:
            element = UIScrollingContainer(
                rect, self.manager, container=container, allow_scroll_x=False
            )
        else:
            element = carried[0]  # type: ignore[assignment]
        return self._keep(element, want)  # type: ignore[return-value]

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
        want = Made(("entry", rect.size, container, max_length, allowed), rect, initial)
        carried = self._carry(want)
        if carried is None:
            element = UITextEntryLine(
                rect, self.manager, container=container, initial_text=initial
            )
            element.set_text_length_limit(max_length)
            if allowed == "numbers":
                element.set_allowed_characters("numbers")
        else:
            element = carried[0]  # type: ignore[assignment]
            if element.get_text() != initial:
                element.set_text(initial)
        self._keep(element, want, container)
        self.focusable.append(element)
        self.entry_submit[element] = on_submit
        if name is not None:
            self.named_entries[name] = element
        return element  # type: ignore[return-value]

    def focus_panel(self, rect: pygame.Rect) -> None:
        """Declare a panel of the screen (a header, a stage, a side column): the focus moves
        through a panel's elements before the next panel's (reading order)."""
        self.focus_panels.append(rect)

    def clear(self) -> None:
        """Kill every element (the scene leaves)."""
        self.drop_focus()
        for element in self.elements:
            let_go(element)
        for spare in self.spares:
            let_go(spare.element)
        self.forget()

    def drop_focus(self) -> None:
        """pygame_gui's focus leaves these elements (no keys for an element killed, or
        taken over by a build that has not focused it)."""
        focus_set = self.manager.get_focus_set() or set()
        if any(element in focus_set for element in self.elements):
            self.manager.set_focus_set(None)

    def forget(self) -> None:
        """Let go of every element without killing it."""
        self.elements.clear()
        self.made.clear()
        self.spares = []
        self.callbacks.clear()
        self.focusable.clear()
        self.shortcuts.clear()
        self.entry_submit.clear()
        self._focus = None
        self._resume_at = None
        self.scroll_parent.clear()
        self.offers.clear()
        self.named_entries.clear()
        self.focus_panels.clear()

    # --- input ----------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> bool:
        """Run the callback a widget event or key asks for; True when the event was used.
        With an entry focused, only the keys of the screen arrive here (Tab, Up, Down, Esc,
        the function keys): :mod:`simulator.app.keyboard` sends the others to the entry."""
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

    def typing(self) -> bool:
        """Whether an entry holds the focus (keys that type go to it)."""
        return isinstance(self.focused(), UITextEntryLine)

    def _key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_TAB:
            self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        if event.key in NEXT_KEYS:
            self.move_focus(1)
            return True
        if event.key in PREVIOUS_KEYS:
            self.move_focus(-1)
            return True
        if self.typing():
            return False  # an entry's own keys never reach here (see keyboard.py)
        if event.key in PRESS_KEYS:
            return self.press_focused()
        if getattr(event, "mod", 0) & COMMAND_MODIFIERS:
            return False
        return self.press_shortcut(event.key)

    def press_shortcut(self, key: int) -> bool:
        """Run the shortcut ``key`` stands for, if a button carries it."""
        callback = self.shortcuts.get(key)
        if callback is None:
            return False
        callback()
        return True

    # --- focus ----------------------------------------------------------------------------

    def live_focusable(self) -> list[UIElement]:
        """The elements the focus can move to, in reading order: a panel at a time, and an
        element in a scrolling list where the list stands, in the list's own order."""
        live = [e for e in self.focusable if e.alive() and e.visible and _enabled(e)]
        loose: list[tuple[pygame.Rect, UIElement | UIScrollingContainer]] = []
        lists: dict[UIScrollingContainer, list[tuple[pygame.Rect, UIElement]]] = {}
        for element in live:
            scroller = self.scroll_parent.get(element)
            if scroller is None:
                loose.append((element.rect, element))
            else:
                if scroller not in lists:
                    loose.append((scroller.rect, scroller))
                lists.setdefault(scroller, []).append((element.get_relative_rect(), element))
        ordered: list[UIElement] = []
        for item in in_panels(self.focus_panels, loose):
            if item in lists:
                ordered += reading_order(lists[item])  # type: ignore[index]
            else:
                ordered.append(item)
        return ordered

    def focused(self) -> UIElement | None:
        element = self._focus
        return element if element is not None and element.alive() else None

    def move_focus(self, step: int) -> None:
        """The focus ``step`` places on in reading order (wrapping round); from nothing,
        forward starts at the first element and backward at the last."""
        candidates = self.live_focusable()
        if not candidates:
            return
        current = self.focused()
        if current in candidates:
            index = (candidates.index(current) + step) % len(candidates)
        elif self._resume_at is not None:  # on from the place of the element pressed
            index = min(self._resume_at, len(candidates)) + (step if step < 0 else step - 1)
            index %= len(candidates)
        else:
            index = 0 if step >= 0 else len(candidates) - 1
        self.set_focus(candidates[index])

    def set_focus(self, element: UIElement | None) -> None:
        """Move the focus (ring and pygame_gui's focus) to ``element``, or clear it."""
        if element is not None and element not in self.focusable:
            raise ValueError(f"{element!r} is not focusable in this scene")
        previous = self.focused()
        if isinstance(previous, UIButton) and previous is not element:
            previous.unselect()
        self._focus = element
        self._resume_at = None
        if element is not None:
            _scroll_into_view(element, self.scroll_parent.get(element))
        if self.active:
            self.show_focus()

    def show_focus(self) -> None:
        """Make the ring and pygame_gui's focus agree with :meth:`focused`."""
        element = self.focused()
        if isinstance(element, UIButton) and not element.is_selected:
            element.select()
        if isinstance(element, UITextEntryLine) and not element.is_focused:
            # Typing goes on after what is there (pygame_gui puts the cursor at the start
            # when an entry loses the focus; a click places the cursor itself).
            element.edit_position = len(element.get_text())
        if not _manager_focus_is(self.manager, element):
            self.manager.set_focus_set(element)

    def set_active(self, active: bool) -> None:
        """The scene comes on top (its ring shows, its element takes the keys) or goes under
        a dialog (its ring hides; its focus is kept for when the dialog closes)."""
        if active == self.active:
            return
        self.active = active
        element = self.focused()
        if active:
            self.show_focus()
        elif isinstance(element, UIButton):
            element.unselect()

    def follow_pointer(self) -> None:
        """After a mouse press: the focus goes where pygame_gui put it, when that is one of
        this scene's buttons or entries; a press anywhere else clears it."""
        focus_set = self.manager.get_focus_set() or set()
        pressed = next((e for e in self.live_focusable() if e in focus_set), None)
        self.set_focus(pressed)

    def press_focused(self) -> bool:
        element = self.focused()
        if element is None or not _enabled(element):
            return False
        callback = self.callbacks.get(element)
        if callback is None:
            return False
        callback()
        return True

    def remember_focus(self) -> FocusMemory | None:
        """What the focus is on, in words that survive making the widgets again."""
        element = self.focused()
        if element is None:
            return None
        live = self.live_focusable()
        position = live.index(element) if element in live else 0
        return FocusMemory(self._identity(element), position)

    def restore_focus(self, memory: FocusMemory | None) -> None:
        """Put the focus back on the element ``memory`` describes. If it is gone (the button
        pressed did its work), nothing is focused, so a second Enter by momentum presses
        nothing the trainee did not choose, and keys that were shortcuts stay shortcuts; Tab
        goes on from its place in reading order."""
        if memory is None:
            return
        live = self.live_focusable()
        same = next((e for e in live if self._identity(e) == memory.identity), None)
        self.set_focus(same)
        if same is None:
            self._resume_at = memory.position

    def _identity(self, element: UIElement) -> tuple[str, str]:
        if isinstance(element, UITextEntryLine):
            name = next((n for n, e in self.named_entries.items() if e is element), None)
            if name is not None:
                return ("entry", name)
            entries = [e for e in self.focusable if isinstance(e, UITextEntryLine)]
            return ("entry", f"#{entries.index(element)}")
        offer = next((k for k, button in self.offers.items() if button is element), None)
        if offer is not None:
            return ("offer", offer)
        return ("text", getattr(element, "text", ""))

    def place_tooltips(self, screen: pygame.Rect) -> None:
        """A tooltip never covers something to press: one that has just appeared is moved
        below, above, right or left of its element, to the first place clear of every other
        button and entry on screen (and inside it); with no such place it is not shown (its
        words are the element's own, or a hint the screen gives elsewhere)."""
        for element in self.focusable:
            tip = getattr(element, "tool_tip", None)
            if tip is None or tip in self._placed_tips or not element.alive():
                continue
            self._placed_tips.add(tip)
            anchor = element.get_abs_rect()
            others = [e.get_abs_rect() for e in self.live_focusable() if e is not element]
            size = tip.rect.size
            gap = 4
            candidates = [
                pygame.Rect((tip.rect.left, anchor.bottom + gap), size),
                pygame.Rect((tip.rect.left, anchor.top - gap - size[1]), size),
                pygame.Rect((anchor.right + gap, anchor.top), size),
                pygame.Rect((anchor.left - gap - size[0], anchor.top), size),
            ]
            clear = next(
                (
                    r
                    for r in candidates
                    if screen.contains(r) and not any(r.colliderect(o) for o in others)
                ),
                None,
            )
            if clear is None:
                tip.kill()  # pygame_gui forgets it when the pointer leaves
            else:
                tip.set_position(clear.topleft)

    def draw_focus_ring(self, surface: pygame.Surface, width: int, radius: int) -> None:
        """The gold ring round the focused element, drawn over its border: thicker than the
        theme's selected border, so the focus never looks like a button under the mouse
        (the same light fill)."""
        element = self.focused()
        if not self.active or element is None:
            return
        scroller = self.scroll_parent.get(element)
        clip = surface.get_clip()
        if scroller is not None:
            surface.set_clip(scroller.rect)  # a cell scrolled half out of its list
        corners = radius if isinstance(element, UIButton) else 0
        pygame.draw.rect(surface, palette.ACCENT, element.rect, width, border_radius=corners)
        surface.set_clip(clip)


@dataclass(frozen=True)
class FocusMemory:
    """The focused element, by what it is (an entry's name, the action a button applies, a
    button's words) and where it stood in reading order."""

    identity: tuple[str, str]
    position: int


def _manager_focus_is(manager: pygame_gui.UIManager, element: UIElement | None) -> bool:
    focus_set = manager.get_focus_set()
    if element is None:
        return not focus_set
    # An element unfocused behind the manager's back (its own unfocus()) counts as not.
    return bool(focus_set) and element in focus_set and element.is_focused


def _tall_enough(
    rect: pygame.Rect, manager: pygame_gui.UIManager, style: str | None, text: str
) -> pygame.Rect:
    """``rect``, made as tall as one line of the label's font when it is shorter (a larger
    text size grows labels rather than clipping them)."""
    ids = ["label"] if style is None else [style, "label"]
    font = manager.get_theme().get_font(ids)
    needed = text_size(font, text or " ")[1] + 2
    if rect.height >= needed:
        return rect
    taller = rect.copy()
    taller.height = needed
    return taller


def _enabled(element: UIElement) -> bool:
    return getattr(element, "is_enabled", True)


def _scroll_into_view(element: UIElement, scroller: UIScrollingContainer | None) -> None:
    """When the focused element sits in a scrolling list out of sight, scroll it into sight
    (one in sight stays where it is: a form must not move under the pointer that clicked
    a cell, nor jump at every Tab)."""
    if scroller is None or scroller.vert_scroll_bar is None:
        return
    content = max(1, scroller.scrollable_container.get_relative_rect().height)
    visible = scroller.get_relative_rect().height
    shown_from = scroller.vert_scroll_bar.start_percentage * content
    place = element.get_relative_rect()
    if place.top >= shown_from - SLACK_PX and place.bottom <= shown_from + visible + SLACK_PX:
        return
    top = place.top
    # Put the element's top in the upper third of the visible part.
    start = (top - visible / 3) / content
    scroller.vert_scroll_bar.set_scroll_from_start_percentage(
        max(0.0, min(start, 1.0 - visible / content))
    )
