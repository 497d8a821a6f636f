"""The pygame_gui work-around gives the same theme ids as pygame_gui, and a widget built
through it looks the same."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.core import ObjectID

from simulator.app.context import make_manager
from simulator.app.gui_fixes import cache_theme_ids
from simulator.app.settings import Settings
from simulator.app.shots import headless_context

IDS = [
    (["button"], ["button"], [None], [None]),
    (["button"], ["button"], ["@strong"], [None]),
    (
        [None, None, None, "button"],
        ["scrolling_container", "vertical_scroll_bar", "button"],
        [None, None, None],
        ["#scroll", "#bar", "#top_button"],
    ),
    (None, None, None, None),
]


def plain_manager() -> pygame_gui.UIManager:
    headless_context((800, 600), "id")  # a display and fonts
    return pygame_gui.UIManager((800, 600))


def test_cached_theme_ids_are_pygame_guis_own() -> None:
    manager = plain_manager()
    theme = manager.get_theme()
    own = [theme.build_all_combined_ids(*ids) for ids in IDS if _valid(ids)]
    cache_theme_ids(manager)
    cached = [theme.build_all_combined_ids(*ids) for ids in IDS if _valid(ids)]
    again = [theme.build_all_combined_ids(*ids) for ids in IDS if _valid(ids)]
    assert cached == own, "the cache changed which theme entries an element reads"
    assert all(a is b for a, b in zip(cached, again, strict=True)), "the cache is not used"


def _valid(ids: tuple) -> bool:
    base, elements, classes, objects = ids
    return elements is None or all(len(x) == len(elements) for x in (base, classes, objects))


def test_a_button_looks_the_same_with_the_cache() -> None:
    headless_context((800, 600), "id")
    pictures = []
    for cached in (False, True):
        manager = make_manager((800, 600), Settings())
        if not cached:
            del manager.get_theme().build_all_combined_ids  # back to pygame_gui's own
        button = pygame_gui.elements.UIButton(
            pygame.Rect(10, 10, 200, 40), "Mulai", manager,
            object_id=ObjectID(class_id="@strong"),
        )
        manager.update(0.0)
        pictures.append(pygame.image.tobytes(button.image, "RGBA"))
    assert pictures[0] == pictures[1], "a themed button looks different with the cache"


def _look(manager: pygame_gui.UIManager, state: str, words: tuple[str, ...]) -> bytes:
    """A button made with the first of ``words``, given each of the others in turn, then
    shown in ``state``: that look's pixels."""
    button = pygame_gui.elements.UIButton(pygame.Rect(10, 10, 220, 40), words[0], manager)
    manager.update(0.0)
    for later in words[1:]:
        button.set_text(later)
        manager.update(0.0)
    button.drawable_shape.set_active_state(state)
    surface = button.drawable_shape.get_active_state_surface()
    return pygame.image.tobytes(surface, "RGBA")


def test_a_look_drawn_when_first_shown_is_pygame_guis_own() -> None:
    """Hovered, selected and pressed looks left until shown are drawn as pygame_gui draws
    them ahead, with the words the button has then (not those it had when made)."""
    headless_context((800, 600), "id")
    lazy = make_manager((800, 600), Settings())  # the game's managers draw looks when shown
    eager = plain_manager()
    eager_looks = make_manager((800, 600), Settings())
    from simulator.app import gui_fixes

    gui_fixes._LAZY.discard(eager_looks)  # pygame_gui's own way, with the game's theme
    assert eager not in gui_fixes._LAZY
    for state in ("hovered", "selected", "active", "normal"):
        renamed = _look(lazy, state, ("Lama", "Kata baru"))
        fresh = _look(eager_looks, state, ("Kata baru",))
        assert renamed == fresh, f"the {state} look shows other pixels than pygame_gui's"
    # A look shown once, then the words change: shown again, it has the new words.
    button = pygame_gui.elements.UIButton(pygame.Rect(10, 10, 220, 40), "Lama", lazy)
    button.drawable_shape.set_active_state("hovered")
    button.drawable_shape.set_active_state("normal")
    button.set_text("Kata baru")
    button.drawable_shape.set_active_state("hovered")
    again = pygame.image.tobytes(button.drawable_shape.get_active_state_surface(), "RGBA")
    assert again == _look(eager_looks, "hovered", ("Kata baru",)), (
        "a hovered look drawn before the words changed was shown with the old words"
    )


def test_pygame_guis_translations_are_read_from_json_only() -> None:
    """python-i18n (pygame_gui's) would read a .yaml file with PyYAML's FullLoader and run a
    .py file; once the game's manager is made, only its JSON loader is left."""
    import i18n.resource_loader  # type: ignore[import-untyped]

    from simulator.app.shots import headless_context

    headless_context((1366, 768), "id")
    assert set(i18n.resource_loader.loaders) == {"json"}, i18n.resource_loader.loaders
