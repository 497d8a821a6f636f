"""A small modal dialog: a question and two answers. Enter presses the focused answer, Esc the
cancelling one; the focus starts on the cancelling one, so a key pressed by momentum as the
dialog opens (Enter after E, to end a phase) decides nothing."""

from __future__ import annotations

import pygame

from simulator.app.context import AppContext
from simulator.app.scene import Scene
from simulator.app.widgets import escape


class ConfirmDialog(Scene):
    overlay = True

    def __init__(self, ctx: AppContext, title: str, body: str, yes: str, no: str) -> None:
        super().__init__(ctx)
        self.title, self.body, self.yes, self.no = title, body, yes, no

    def box(self) -> pygame.Rect:
        w, h = self.ctx.size
        bw, bh = self.ctx.px(620), self.ctx.px(300)
        return pygame.Rect((w - bw) // 2, (h - bh) // 2, bw, bh)

    def build(self) -> None:
        px, box = self.ctx.px, self.box()
        inner = box.inflate(-px(40), -px(40))
        self.ui.label(
            pygame.Rect(inner.left, inner.top, inner.width, px(34)), self.title, style="@heading"
        )
        self.ui.text(
            pygame.Rect(inner.left, inner.top + px(44), inner.width, px(140)),
            escape(self.body),
        )
        bw = (inner.width - px(16)) // 2
        y = inner.bottom - px(44)
        self.ui.button(
            pygame.Rect(inner.left, y, bw, px(44)),
            self.yes,
            lambda: self.close(True),
            style="@strong",
        )
        no = self.ui.button(
            pygame.Rect(inner.right - bw, y, bw, px(44)),
            f"{self.no}  [Esc]",
            lambda: self.close(False),
        )
        self.ui.set_focus(no)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close(False)
            return True
        return super().handle(event)
