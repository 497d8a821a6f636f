"""A small modal dialog: a question and two answers. Enter presses the focused answer, Esc the
cancelling one; the focus starts on the cancelling one, so a key pressed by momentum as the
dialog opens (Enter after E, to end a phase) decides nothing. Its body may have several
lines (a newline between them)."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.scene import Scene
from simulator.app.widgets import escape


class CardDialog(Scene):
    """A dialog on a card as tall as what :meth:`build` lays on it: built from the top of
    the screen (y = 0) at the card's width, then :meth:`place_card` moves it all to the
    middle and the card round it."""

    overlay = True
    #: design units: the card's width (narrower on a small window) and its height until built
    card_size = (620, 300)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self._box: pygame.Rect | None = None  # the card, as the last build laid it out

    def card_width(self) -> int:
        return min(self.ctx.px(self.card_size[0]), self.ctx.size[0] - self.ctx.px(40))

    def box(self) -> pygame.Rect:
        if self._box is not None:
            return self._box
        w, h = self.ctx.size
        bw, bh = self.card_width(), self.ctx.px(self.card_size[1])
        return pygame.Rect((w - bw) // 2, (h - bh) // 2, bw, bh)

    def room(self, pad_y: int) -> int:
        """The most a card's content may be tall on this window."""
        return self.ctx.size[1] - self.ctx.px(40) - 2 * pad_y

    def place_card(self, content_h: int, pad_y: int) -> None:
        """Move what was built from y = 0 to the middle of the window, the card round it."""
        w, h = self.ctx.size
        bw, bh = self.card_width(), content_h + 2 * pad_y
        top = (h - bh) // 2
        layout.shift(self.ui.elements, top + pad_y)
        self._box = pygame.Rect((w - bw) // 2, top, bw, bh)


class ConfirmDialog(CardDialog):
    def __init__(
        self,
        ctx: AppContext,
        title: str,
        body: str,
        yes: str,
        no: str,
        prepare: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(ctx)
        self.title, self.body, self.yes, self.no = title, body, yes, no
        #: work done once the question is on screen, while it is read (the screen that
        #: "yes" leads to made ahead)
        self.prepare = prepare

    def build(self) -> None:
        """The title, the body as tall as pygame_gui lays out its lines (it scrolls only when
        the screen is too short), the two answers; then the card round them, centred."""
        px = self.ctx.px
        bw = self.card_width()
        pad = px(20)
        left, width = (self.ctx.size[0] - bw) // 2 + pad, bw - 2 * pad
        y = layout.heading(self.ui, self.ctx, left, 0, width, self.title) + px(10)
        body_html = "<br>".join(escape(line) for line in self.body.split("\n"))
        body = self.ui.text(pygame.Rect(left, y, width, -1), body_html)
        room = self.room(pad)
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
        self.place_card(y + button_h, pad)
        self.ui.set_focus(no)

    def after_shown(self) -> None:
        prepare, self.prepare = self.prepare, None
        if prepare is not None:
            prepare()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close(False)
            return True
        return super().handle(event)


class NoticeDialog(CardDialog):
    """Something the day brings that the trainee must read before going on (a decision by
    another body): a title, the words, one button. Enter or Esc closes it; the button takes
    the focus only once the card is on screen, so a key held from before decides nothing."""

    def __init__(self, ctx: AppContext, title: str, body: str, go_on: str) -> None:
        super().__init__(ctx)
        self.title, self.body, self.go_on = title, body, go_on

    def build(self) -> None:
        px = self.ctx.px
        bw = self.card_width()
        pad = px(20)
        left, width = (self.ctx.size[0] - bw) // 2 + pad, bw - 2 * pad
        y = layout.heading(self.ui, self.ctx, left, 0, width, self.title) + px(10)
        body = self.ui.text(pygame.Rect(left, y, width, -1), escape(self.body))
        room = self.room(pad)
        label = f"{self.go_on}  [Enter]"
        button_h = layout.button_height(self.ctx, label, width, style="@strong", least=px(44))
        below = px(16) + button_h
        if y + body.rect.height + below > room:
            body.set_dimensions((width, max(px(60), room - y - below)))
        y += body.rect.height + px(16)
        layout.button(
            self.ui, self.ctx, pygame.Rect(left, y, width, button_h), label,
            lambda: self.close(True), style="@strong",
        )
        self.place_card(y + button_h, pad)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (
            pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE
        ):
            self.close(True)
            return True
        return super().handle(event)
