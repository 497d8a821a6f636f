"""Scenes and the stack that holds them.

A scene is one screen. It builds its widgets when it comes on top (and again after the window,
text size or language changes), turns input into actions, and draws state; it is torn down
when it leaves. A scene pushed over another may hand a result back through ``on_result``,
as Textual's ``Screen[R]`` does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.core import ObjectID, UIElement
from pygame_gui.elements import UIImage, UIPanel

from simulator.app.widgets import Widgets
from simulator.art import palette

if TYPE_CHECKING:
    from simulator.app.context import AppContext


class Scene:
    """Base of every screen; subclasses override ``build`` and, when they need to, the rest."""

    #: a scene that covers only part of the window (a dialog) lets the one below show
    overlay = False
    #: an overlay dims what it covers (a question over a screen); one that is part of what
    #: is shown (the replay viewer's band over a phase screen) does not
    dims_below = True

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.ui = Widgets(ctx.manager)
        self.on_result: Callable[[Any], None] | None = None
        #: drawn since it came on top or turned a page: until then a dialog, or a page turned,
        #: takes no input (see app/keyboard.py)
        self.seen = False
        #: how many times the screen has turned to new content (see :meth:`new_page`)
        self.page = 0

    # --- lifecycle ------------------------------------------------------------------------

    def build(self) -> None:
        """Make the widgets for the current window size and language."""

    def rebuild(self) -> None:
        """Build again to show a new state. The elements that stay as they were are taken
        over from the last build rather than made again (:mod:`simulator.app.reuse`): after
        an action most of a screen is unchanged, and making a button costs a millisecond or
        two. An overlay is made afresh (:func:`lift_overlay` moves its elements to layers of
        their own; it is small, and rebuilds only when the window or the text size changes)."""
        previous, self.ui = self.ui, Widgets(self.ctx.manager)
        self.build_over(previous)

    def build_over(self, previous: Widgets | None) -> None:
        """Build, taking over what fits of ``previous``'s elements (this scene's last build,
        or the screen this one replaces); the rest are let go."""
        if previous is not None and self.overlay:
            previous.clear()
        elif previous is not None:
            self.ui.take_over(previous)
        self.build()
        self.ui.release_unused()
        if self.overlay:
            lift_overlay(self)

    def box(self) -> pygame.Rect | None:
        """An overlay's card; the rest of the window is dimmed under it."""
        return None

    def new_page(self) -> None:
        """The screen now shows new content to decide on (the next quiz question): like a new
        screen, it takes no key still held from before, nor any before it has been drawn."""
        self.page += 1
        self.seen = False

    def teardown(self) -> None:
        self.ui.clear()

    def hand_over(self) -> Widgets | None:
        """Leave the screen for good, leaving the elements to the scene that replaces this
        one (None for an overlay: its elements sit on layers of their own, so they are
        killed)."""
        if self.overlay:
            self.teardown()
            return None
        widgets, self.ui = self.ui, Widgets(self.ctx.manager)
        return widgets

    def close(self, result: Any = None) -> None:
        """Leave this scene, handing ``result`` to whoever pushed it."""
        self.ctx.stack.pop(self, result)

    # --- per frame ------------------------------------------------------------------------

    def claims_click(self, event: pygame.event.Event) -> bool:
        """Whether a mouse press belongs to the scene before any widget under it (a text
        that stands for a choice); the scene's :meth:`handle` then receives it."""
        del event
        return False

    def handle(self, event: pygame.event.Event) -> bool:
        """Input the widgets did not use; True when this scene used it."""
        return self.ui.handle(event)

    def update(self, dt: float) -> None:
        """Advance time-based things by one fixed step of ``dt`` seconds."""

    def next_change(self) -> float | None:
        """Seconds after the last :meth:`update` until this scene looks different with no
        input: 0 while something moves, None while it is still (the default).

        The game draws a frame only after input or when a scene says it changes, so a scene
        that moves something in :meth:`update` (a running clock, an animation) says when
        here; one that overrides ``update`` but not this is drawn every frame."""
        return None

    def draw(self, surface: pygame.Surface) -> None:
        """Draw pictures under the widgets."""

    def draw_over(self, surface: pygame.Surface) -> None:
        """Draw over every widget, for the scene on top (a demo's highlight ring)."""

    def after_shown(self) -> None:
        """Called once a frame of this scene (on top) has been shown: work that would slow
        the answer to an action if done in it, and that the player does not wait for (the
        next screen's code loaded while the player reads this one)."""


class SceneStack:
    """The scenes on screen, the top one receiving input."""

    def __init__(self) -> None:
        self.scenes: list[Scene] = []
        #: the screen to show when the last one closes (the start screen)
        self.home: Callable[[], Scene] | None = None

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene, on_result: Callable[[Any], None] | None = None) -> None:
        if self.top is not None and not scene.overlay:
            self.top.teardown()
        self._show(scene, on_result)

    def replace(self, scene: Scene) -> None:
        """Swap the top scene (and everything under a dialog) for ``scene``, which takes
        over what fits of the old screen's elements (the next phase's header, side column
        and feedback are made as the last one's were). Only a scene that leaves for good
        hands its elements on: one that comes back (under a pushed scene) would find the
        elements it holds working for another."""
        handed: Widgets | None = None
        while self.scenes:
            top = self.scenes.pop()
            if handed is None and not scene.overlay:
                handed = top.hand_over()
            else:
                top.teardown()
        self._show(scene, None, handed)

    def _show(
        self,
        scene: Scene,
        on_result: Callable[[Any], None] | None,
        handed: Widgets | None = None,
    ) -> None:
        scene.on_result = on_result
        self.scenes.append(scene)
        scene.build_over(handed)

    def swap_under(self, overlay: Scene, scene: Scene) -> None:
        """Put ``scene`` in place of the screen under ``overlay`` (taking over what fits of
        its elements), and build the overlays on it again so they stay above it."""
        index = self.scenes.index(overlay) - 1
        assert index >= 0 and overlay.overlay, "only an overlay has a screen under it"
        handed = self.scenes[index].hand_over()
        self.scenes[index] = scene
        scene.on_result = None
        scene.build_over(handed)
        for above in self.scenes[index + 1 :]:
            above.rebuild()

    def pop(self, scene: Scene, result: Any = None) -> None:
        if scene not in self.scenes:
            return  # closed twice (a double click): nothing left to do
        while self.scenes:
            top = self.scenes.pop()
            top.teardown()
            if top is scene:
                break
        below = self.top
        if below is None and self.home is not None:
            self.push(self.home())  # a scene opened without a way back: go home
        elif below is not None and not scene.overlay:
            below.rebuild()
        if scene.on_result is not None:
            scene.on_result(result)

    def rebuild_all(self) -> None:
        """After a resize, text-size or language change: every visible scene builds again."""
        for scene in self.visible():
            scene.rebuild()

    def visible(self) -> list[Scene]:
        """The scenes to draw, bottom first: the top one and the ones its dialogs cover."""
        shown: list[Scene] = []
        for scene in reversed(self.scenes):
            shown.append(scene)
            if not scene.overlay:
                break
        return list(reversed(shown))


def lift_overlay(scene: Scene) -> None:
    """Put an overlay's widgets above everything already on screen, over a veil that dims the
    scene below and a card behind the overlay's box. Scrolling lists below sit on high layers
    of their own, so a dialog built at the default layer would be drawn under them."""
    manager = scene.ui.manager
    own = set(scene.ui.elements)
    others = [e for e in manager.get_sprite_group().sprites() if e not in own]
    base = max((e.get_top_layer() for e in others), default=0) + 1
    backing: list[UIElement] = []
    if scene.dims_below:
        shade = pygame.Surface(scene.ctx.size, pygame.SRCALPHA)
        shade.fill((*palette.INK, 120))
        veil = UIImage(pygame.Rect((0, 0), scene.ctx.size), shade, manager)
        veil.change_layer(base)
        backing.append(veil)
    box = scene.box()
    if box is not None:
        card = UIPanel(box, manager=manager, object_id=ObjectID(class_id="@card"))
        card.change_layer(base + 1)
        backing.append(card)
    for element in scene.ui.elements:
        element.change_layer(base + 2 + element.get_top_layer() - element.layer_thickness)
        # A text box's scroll bar is an element of its own that the box's change of layer
        # leaves behind: it would sit under the box it scrolls, out of sight and reach.
        bar = getattr(element, "scroll_bar", None)
        if bar is not None and bar.alive():
            bar.change_layer(element.get_top_layer() + 1)
    scene.ui.elements[:0] = backing
