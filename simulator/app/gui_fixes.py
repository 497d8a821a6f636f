"""Work-arounds for pygame_gui costs that the game pays on every screen it builds, applied to
one manager (never to the library as a whole).

pygame_gui (0.6.x) looks up an element's theme ids in a cache keyed by a string it builds
with ``str(a).join(str(b).join(str(c)).join(str(d)))``: ``join`` puts one list's text
between every character of the next, so the key grows with the product of the lengths and
an element nested three deep (a scroll bar's button in a scrolling list) hashes a string of
hundreds of kilobytes. Building a scrolling list took about 20 ms, most of it there; the
game rebuilds its widgets after every action, so this sat in every response to the trainee.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame_gui

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
