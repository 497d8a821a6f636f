"""A small modal dialog: a question and two answers. Enter presses the focused answer, Esc the
cancelling one; the focus starts on the cancelling one, so a key pressed by momentum as the
dialog opens (Enter after E, to end a phase) decides nothing. Its body may have several
lines (a newline between them)."""

from __future__ import annotations

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.scene import Scene
from simulator.app.widgets import escape


class ConfirmDialog(Scene):
    overlay = True

    def __init__(self, ctx: AppContext, title: str, body: str, yes: str, no: str) -> None:
        super().__init__(ctx)
        self.title, self.body, self.yes, self.no = title, body, yes, no
        self._box: pygame.Rect | None = None  # the card, as the last build laid it out

    def box(self) -> pygame.Rect:
        """As tall as the question's words at the player's text size (see :meth:`build`)."""
        if self._box is not None:
            return self._box
        w, h = self.ctx.size
        bw, bh = min(self.ctx.px(620), w - self.ctx.px(40)), self.ctx.px(300)
        return pygame.Rect((w - bw) // 2, (h - bh) // 2, bw, bh)

    def build(self) -> None:
        """The title, the body as tall as pygame_gui lays out its lines (it scrolls only when
        the screen is too short), the two answers; then the card round them, centred."""
        px = self.ctx.px
        w, h = self.ctx.size
        bw = min(px(620), w - px(40))
        pad = px(20)
        left, width = (w - bw) // 2 + pad, bw - 2 * pad
        y = layout.heading(self.ui, self.ctx, left, 0, width, self.title) + px(10)
        body_html = "<br>".join(escape(line) for line in self.body.split("\n"))
        body = self.ui.text(pygame.Rect(left, y, width, -1), body_html)
        room = h - px(40) - 2 * pad
        button_w = (width - px(16)) // 2
        labels = (self.yes, f"{self.no}  [Esc]")
        button_h = max(
            layout.button_height(self.ctx, text, button_w, style=style, least=px(44))
            for text, style in zip(labels, ("@strong", None), strict=True)
        )
        below = px(16) + button_h
        if y + body.rect.height + below > room:
            body.set_dimensions((width, max(px(60), room - y - below)))
        y += body.rect.height + px(16)
        layout.button(
            self.ui,
            self.ctx,
            pygame.Rect(left, y, button_w, button_h),
            self.yes,
            lambda: self.close(True),
            style="@strong",
        )
        no = layout.button(
            self.ui,
            self.ctx,
            pygame.Rect(left + width - button_w, y, button_w, button_h),
            labels[1],
            lambda: self.close(False),
        )
        content = y + button_h
        top = (h - content - 2 * pad) // 2
        for element in self.ui.elements:
            rect = element.get_relative_rect()
            element.set_relative_position((rect.left, rect.top + top + pad))
        self._box = pygame.Rect((w - bw) // 2, top, bw, content + 2 * pad)
        self.ui.set_focus(no)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close(False)
            return True
        return super().handle(event)
