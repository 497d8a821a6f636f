"""A ballot held up large, over the screen that shows it small: the counting table or a quiz
question. The small print of a ballot (a candidate's name on a DPR ballot, a punch hole
beside a column's edge, the chair's signature) is legible on a laptop and from the back of a
hall. It works as the voter desk's document viewer does: [Z] or the button beside the ballot
opens it; [Z], Esc, Enter or a click on the ballot closes it.

The ballot is drawn again as wide as the screen (not a small picture scaled up), with the
same shape as on the table; when that is taller than the screen, the arrows, Page Up/Down
and the mouse wheel move it up and down. Its marks are written under it in words, as on the
table: nothing rests on seeing the picture alone. It only shows: a ruling is made on the
screen under it.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame
from pygame_gui.elements import UIImage

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.scene import Scene
from simulator.app.widgets import escape

CLOSE_KEYS = (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER)
#: the key that opens and closes it, everywhere a ballot or a document can be enlarged
MAGNIFY_KEY = pygame.K_z
#: keys that move a ballot taller than the screen, and by how much of the view
SCROLL_KEYS = {
    pygame.K_DOWN: 0.25,
    pygame.K_UP: -0.25,
    pygame.K_PAGEDOWN: 0.8,
    pygame.K_PAGEUP: -0.8,
}

#: draws the ballot at a size, in pixels
DrawAt = Callable[[tuple[int, int]], pygame.Surface]


class Magnifier(Scene):
    """``draw`` draws the ballot at a size; ``aspect`` is its width over its height on the
    screen under; ``words`` say what it shows. ``clock``: the scene under whose time goes on
    while the ballot is read (an exam's countdown), if any."""

    overlay = True

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        draw: DrawAt,
        aspect: float,
        words: str,
        *,
        clock: Scene | None = None,
    ) -> None:
        super().__init__(ctx)
        self.title, self.draw_at, self.aspect, self.words = title, draw, aspect, words
        self.clock = clock
        self.picture_rect: pygame.Rect | None = None
        self.offset = 0  # pixels of a ballot taller than the view moved past its top
        self._drawn: pygame.Surface | None = None
        self._image: UIImage | None = None

    def box(self) -> pygame.Rect:
        w, h = self.ctx.size
        margin = self.ctx.px(16)
        return pygame.Rect(margin, margin, w - 2 * margin, h - 2 * margin)

    def build(self) -> None:
        cat, px, box = self.ctx.cat, self.ctx.px, self.box()
        inner = box.inflate(-px(32), -px(28))
        close_text = cat("shell.magnifier.close")
        close_w = layout.button_width(self.ctx, close_text, MAGNIFY_KEY, "@strong")
        row_h = self.ctx.row_h(40)
        close = self.ui.button(
            pygame.Rect(inner.right - close_w, inner.top, close_w, row_h),
            close_text,
            self.close,
            key=MAGNIFY_KEY,
            style="@strong",
        )
        title_h = layout.heading(
            self.ui, self.ctx, inner.left, inner.top, inner.width - close_w - px(16), self.title
        )
        top = inner.top + max(title_h, row_h) + px(10)
        # The words at the foot, as tall as they wrap; the ballot gets the rest, as wide as
        # the card (a taller ballot moves up and down in it).
        words = self.ui.text(pygame.Rect(inner.left, top, inner.width, -1), self.words_markup())
        words_h = words.rect.height
        words.set_relative_position((inner.left, inner.bottom - words_h))
        room = pygame.Rect(inner.left, top, inner.width, inner.bottom - words_h - px(10) - top)
        if self._drawn is None or self._drawn.get_width() != room.width:
            height = max(1, round(room.width / self.aspect))
            self._drawn = self.draw_at((room.width, height))
        shown_h = min(room.height, self._drawn.get_height())
        self.picture_rect = pygame.Rect(room.left, room.top, room.width, shown_h)
        self.offset = max(0, min(self.offset, self._drawn.get_height() - shown_h))
        self._image = self.ui.image(self.picture_rect, self.window())
        self.ui.set_focus(close)

    def window(self) -> pygame.Surface:
        """The part of the large ballot in view (all of it when it fits)."""
        assert self._drawn is not None and self.picture_rect is not None
        part = pygame.Rect(0, self.offset, self.picture_rect.width, self.picture_rect.height)
        return self._drawn.subsurface(part)

    @property
    def scrolls(self) -> bool:
        return (
            self._drawn is not None
            and self.picture_rect is not None
            and self._drawn.get_height() > self.picture_rect.height
        )

    def scroll(self, views: float) -> bool:
        """Move a ballot taller than the view by ``views`` of it (down when positive); True
        if it moved."""
        if not self.scrolls or self._image is None:
            return False
        assert self._drawn is not None and self.picture_rect is not None
        limit = self._drawn.get_height() - self.picture_rect.height
        moved = max(0, min(limit, self.offset + round(views * self.picture_rect.height)))
        if moved == self.offset:
            return False
        self.offset = moved
        self._image.set_image(self.window())
        return True

    def words_markup(self) -> str:
        hint = self.ctx.cat("shell.magnifier.hint")
        return f"{escape(self.words)}<br><i>{escape(hint)}</i>"

    def claims_click(self, event: pygame.event.Event) -> bool:
        return (
            event.type == pygame.MOUSEBUTTONDOWN
            and getattr(event, "button", 0) == 1
            and self.picture_rect is not None
            and self.picture_rect.collidepoint(event.pos)
        )

    def handle(self, event: pygame.event.Event) -> bool:
        if self.claims_click(event):
            self.close()
            return True
        if event.type == pygame.KEYDOWN and event.key in CLOSE_KEYS:
            self.close()
            return True
        if event.type == pygame.KEYDOWN and event.key in SCROLL_KEYS:
            self.scroll(SCROLL_KEYS[event.key])
            return True
        if event.type == pygame.MOUSEWHEEL:
            self.scroll(-0.15 * event.y)
            return True
        return super().handle(event)

    def update(self, dt: float) -> None:
        if self.clock is not None:
            self.clock.update(dt)

    def next_change(self) -> float | None:
        return self.clock.next_change() if self.clock is not None else None
