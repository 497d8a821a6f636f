"""Work-arounds for pygame_gui costs that the game pays on every screen it builds, applied to
one manager (never to the library as a whole: the one class-level change below acts only for
the managers it is given).

pygame_gui (0.6.x) looks up an element's theme ids in a cache keyed by a string it builds
with ``str(a).join(str(b).join(str(c)).join(str(d)))``: ``join`` puts one list's text
between every character of the next, so the key grows with the product of the lengths and
an element nested three deep (a scroll bar's button in a scrolling list) hashes a string of
hundreds of kilobytes. Building a scrolling list took about 20 ms, most of it there; the
game rebuilds its widgets after every action, so this sat in every response to the trainee.
"""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Callable, Sequence

import pygame_gui
from pygame_gui.core.drawable_shapes.drawable_shape import DrawableShape
from pygame_gui.core.drawable_shapes.rounded_rect_drawable_shape import RoundedRectangleShape

Ids = Sequence[str | None] | None
CombinedIds = Callable[[Ids, Ids, Ids, Ids], list[str]]


def _key(ids: Ids) -> tuple[str | None, ...] | None:
    return None if ids is None else tuple(ids)


def cache_theme_ids(manager: pygame_gui.UIManager) -> None:
    """Look theme ids up by the ids themselves (a tuple key) before pygame_gui builds its
    string key; the combined ids depend on nothing else, so the cache never goes stale."""
    theme = manager.get_theme()
    combine: CombinedIds = theme.build_all_combined_ids
    known: dict[tuple[object, ...], list[str]] = {}

    def combined_ids(base: Ids, elements: Ids, classes: Ids, objects: Ids) -> list[str]:
        key = (_key(base), _key(elements), _key(classes), _key(objects))
        found = known.get(key)
        if found is None:
            found = known[key] = combine(base, elements, classes, objects)
        return found

    theme.build_all_combined_ids = combined_ids  # type: ignore[method-assign]


# --- states drawn when first shown --------------------------------------------------------
#
# A pygame_gui button draws its look in five states (normal, hovered, selected, pressed,
# disabled): the normal one when it is made or its words change, the others one per frame in
# the frames after. After an action the game makes or re-words tens of buttons, so the frame
# that shows the action's result also drew a second state of each: a third of a rebuild's
# cost, for looks most of which are never shown (the pointer hovers one button at a time).
# pygame_gui already draws a state that is not ready when an element enters it (that is how
# it treats "disabled"); for the managers given to :func:`draw_states_when_shown`, every
# state but the one on screen is left to that.

_LAZY: weakref.WeakSet[pygame_gui.UIManager] = weakref.WeakSet()
_redraw_all_states = DrawableShape.redraw_all_states


def _redraw_shown_state(self: DrawableShape, force_full_redraw: bool = False) -> None:
    if self.ui_manager not in _LAZY:
        _redraw_all_states(self, force_full_redraw)
        return
    for state in self.states.values():
        state.generated = False  # drawn again when next shown: its words may have changed
    self.states_to_redraw_queue = deque()
    # pygame_gui's first state, as the library draws it first; then the one on screen.
    self.redraw_state(next(iter(self.states)))
    shown = self.active_state.state_id
    if not self.states[shown].generated:
        self.redraw_state(shown)


DrawableShape.redraw_all_states = _redraw_shown_state  # type: ignore[method-assign]


# A rounded shape is drawn four times as large each way and scaled down (its corners
# smoothed); pygame_gui keeps those large pictures (16 times the button's area, megabytes for
# a button of two or three lines) on the shape until it has drawn every state of the queue at
# a later update, and a shape drawn again after that (its words changed, a look first shown)
# keeps them for good. A screen of tens of buttons held tens of megabytes that way, and the
# buttons made in one build all held theirs at once. For the managers above, no state waits
# in a queue: the large pictures go as soon as the state is drawn (made again, if ever
# needed, for the next look drawn).

_redraw_rounded = RoundedRectangleShape.redraw_state


def _redraw_rounded_and_let_go(
    self: RoundedRectangleShape, state_str: str, add_text: bool = True
) -> None:
    _redraw_rounded(self, state_str, add_text)
    if self.ui_manager in _LAZY and not self.states_to_redraw_queue:
        self.clean_up_temp_shapes()


RoundedRectangleShape.redraw_state = _redraw_rounded_and_let_go  # type: ignore[method-assign]


def draw_states_when_shown(manager: pygame_gui.UIManager) -> None:
    """Have ``manager``'s elements draw a look (hovered, selected, …) when they first show
    it, not all of them in the frames after they are made or re-worded."""
    _LAZY.add(manager)


def json_translations_only() -> None:
    """pygame_gui reads its own widget texts through python-i18n, from JSON files only
    (``file_format`` json). python-i18n also registers loaders that would read a ``.yaml``
    file with PyYAML's FullLoader and run a ``.py`` file; no file of the program needs them,
    so they are taken away, and YAML is never read but by the safe loader."""
    import i18n.resource_loader  # type: ignore[import-untyped]

    for extension in [name for name in i18n.resource_loader.loaders if name != "json"]:
        del i18n.resource_loader.loaders[extension]
