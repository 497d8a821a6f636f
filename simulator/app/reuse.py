"""Elements carried over from one build of a scene to the next.

A scene makes its widgets again after every action (the simplest way to show a new state),
and a pygame_gui element is dear to make: a button's shape and text are drawn when it is
made, one to two milliseconds each, and a phase scene has thirty to a hundred of them. Yet
from one action to the next most of a screen stays as it was. So when a scene builds again,
its :class:`~simulator.app.widgets.Widgets` asks the previous build's elements first
(:class:`Carried`): an element of the same kind, size, style and container is taken over
instead of made, moved if it moved and given its new words if they changed, and only the
elements no one took are killed. The new build looks exactly as a fresh one would: whatever
a scene may have changed on an element after making it (disabled, hidden, selected, other
words, another tooltip) is put back as made, and the window's drawing order is put back to
the order of making (:func:`restack`), so a picture made anew is drawn under the buttons on
it, as before.

Containers (scrolling lists, panels) are taken over like any element, which lets their
children be taken over too (a child is matched within the same container) and keeps a list's
scroll position.

An element no build took is not killed at once but hidden and kept as a spare for a few
builds (:data:`SPARE_BUILDS`): the voter desk's controls go away when a voter leaves and come
back, the same, when the next one is called. A hidden element is neither drawn nor hovered
nor clicked. Containers are never kept (what they hold would be shown with them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

import pygame
import pygame_gui
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton, UIPanel, UIScrollingContainer

# What an element owns besides itself (pygame_gui makes these with it): the containers and
# scroll bars of a scrolling list, a panel's container, a text box's scroll bar.
INTERNAL_PARTS = (
    "_root_container",
    "_view_container",
    "scrollable_container",
    "panel_container",
    "vert_scroll_bar",
    "horiz_scroll_bar",
    "scroll_bar",
)


#: builds an element no build took is kept, hidden, in case one of the next builds wants it
SPARE_BUILDS = 12
#: the most spares kept (the youngest), so that a screen that changes a lot holds no more
#: hidden elements than a busy screen shows
MOST_SPARES = 80


@dataclass
class Made:
    """How an element was asked for: ``kind`` is what must match for another build to take
    it over (its class, size, style, container, …); ``rect`` and ``words`` may differ, and
    are changed in place (a move, a ``set_text``)."""

    kind: tuple[Hashable, ...]
    rect: pygame.Rect
    words: str | None = None
    #: a picture's surface, shown as it is (compared by identity)
    surface: pygame.Surface | None = None


@dataclass(frozen=True)
class Spare:
    """An element no build took, hidden: how it was made and how many builds ago it was
    last shown."""

    element: UIElement
    made: Made
    age: int


@dataclass
class Carried:
    """The elements of the previous build and the spares, not yet taken over, by kind."""

    by_kind: dict[tuple[Hashable, ...], list[tuple[UIElement, Made]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    #: every element at hand, the previous build's (age 0) as made, then the spares
    ages: dict[UIElement, int] = field(default_factory=dict)
    taken: set[UIElement] = field(default_factory=set)

    @classmethod
    def of(
        cls, elements: Sequence[UIElement], made: dict[UIElement, Made], spares: Sequence[Spare]
    ) -> Carried:
        carried = cls()
        at_hand = [(element, made.get(element), 0) for element in elements]
        at_hand += [(spare.element, spare.made, spare.age) for spare in spares]
        for element, record, age in at_hand:
            carried.ages[element] = age
            if record is not None and element.alive():
                carried.by_kind[record.kind].append((element, record))
        return carried

    def take(self, want: Made) -> tuple[UIElement, Made] | None:
        """The element of ``want``'s kind best taken over: one with the same words (moving an
        element costs nothing, new words a redraw), at the same place if there are several;
        else one at the same place; else the first made."""
        candidates = self.by_kind.get(want.kind)
        if not candidates:
            return None
        best = max(range(len(candidates)), key=lambda i: _likeness(candidates[i][1], want, i))
        element, record = candidates.pop(best)
        self.taken.add(element)
        return element, record

    def settle(self) -> tuple[list[UIElement], list[Spare]]:
        """After the build: the elements to kill, and those to keep hidden as spares (each a
        build older)."""
        made = {element: record for pairs in self.by_kind.values() for element, record in pairs}
        kill: list[UIElement] = []
        keep: list[Spare] = []
        for element, age in self.ages.items():
            if element in self.taken:
                continue
            record = made.get(element)
            if record is None or age >= SPARE_BUILDS or _holds_others(element):
                kill.append(element)
            else:
                keep.append(Spare(element, record, age + 1))
        keep.sort(key=lambda spare: spare.age)
        kill += [spare.element for spare in keep[MOST_SPARES:]]
        return kill, keep[:MOST_SPARES]


def _holds_others(element: UIElement) -> bool:
    return isinstance(element, UIPanel | UIScrollingContainer)


def _likeness(had: Made, want: Made, index: int) -> tuple[bool, bool, int]:
    return (had.words == want.words, had.rect.topleft == want.rect.topleft, -index)


def as_made(element: UIElement, want: Made) -> None:
    """Put ``element`` back as a fresh one made as ``want`` would be: in its place, shown,
    enabled, not selected, not held down. Its words are the maker's to set (each kind of
    element sets them its own way)."""
    if element.get_relative_rect().topleft != want.rect.topleft:
        element.set_relative_position(want.rect.topleft)
    if not element.visible:
        element.show()
    if not element.is_enabled:
        element.enable()
    if isinstance(element, UIButton):
        if element.is_selected:
            element.unselect()
        # A press begun on the old screen is not finished on the new one (a fresh button
        # was never pressed): releasing the mouse must not press what is there now.
        element.held = False
        element.pressed = False
        element.pressed_event = False


# pygame_gui's answers a scene acts on: a button pressed, an entry submitted or changed.
ANSWERS = (
    pygame_gui.UI_BUTTON_PRESSED,
    pygame_gui.UI_TEXT_ENTRY_FINISHED,
    pygame_gui.UI_TEXT_ENTRY_CHANGED,
)


def drop_pending(elements: Sequence[UIElement]) -> None:
    """Forget pygame_gui's answers still queued for ``elements`` (a click on a button of the
    screen just replaced, in the same frame as a key that changed it): they were meant for
    the old screen, and an element taken over may now stand for something else. A build
    from scratch drops them the same way (the element they name is dead)."""
    if not pygame.event.peek(ANSWERS):
        return
    old = set(elements)
    for event in pygame.event.get(ANSWERS):
        if getattr(event, "ui_element", None) not in old:
            pygame.event.post(event)


def restack(manager: pygame_gui.UIManager, order: Iterable[UIElement]) -> None:
    """Draw (and hit-test) a scene's elements in the order they were made this build, as a
    build from scratch does: within a layer, pygame_gui keeps the order in which elements
    joined its sprite group, so an element made anew would otherwise land above the older
    ones it was made under (a picture over its buttons). Elements of other scenes keep
    their order, under this scene's in the same layer (as when these were all made last).

    This sorts pygame_gui's sprite list in place (a private list: there is no public way
    to reorder a layer)."""
    rank: dict[object, int] = {}
    for index, element in enumerate(order):
        rank[element] = index
        for name in INTERNAL_PARTS:
            part = getattr(element, name, None)
            if part is not None:
                rank.setdefault(part, index)
    group = manager.get_sprite_group()
    sprites = group._spritelist  # private (see the docstring)
    layers = group._spritelayers

    def owner(sprite: object) -> int:
        seen = 0
        while sprite is not None and seen < 16:
            found = rank.get(sprite)
            if found is not None:
                return found
            sprite = getattr(sprite, "parent_element", None)
            seen += 1
        return -1  # another scene's, or the window's own (a tooltip): kept where it is

    keyed = sorted(
        (layers[sprite], owner(sprite), place, sprite) for place, sprite in enumerate(sprites)
    )
    ordered = [item[3] for item in keyed]
    if ordered != sprites:
        sprites[:] = ordered
        group.should_update_visibility = True
