"""The typing of a plano row on the counting screen: the keys it takes and the line above the
plano that says how to type a row and what is typed so far (``counting_keys`` holds the
typing itself, without pygame)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from simulator.app.context import AppContext
from simulator.art import palette
from simulator.art.fonts import fit_text, font
from simulator.core.targets import Target
from simulator.scenes.phases.counting_keys import RowTyping
from simulator.scenes.phases.formulir_art import wrap

TEXT = 16  # points: legible from the chair
DIGITS = {getattr(pygame, f"K_{n}"): str(n) for n in range(10)} | {
    getattr(pygame, f"K_KP{n}"): str(n) for n in range(10)
}
_WORDINGS = ("idle_party", "idle_rows", "party_typed", "row_typed", "candidate")
_WORDINGS += ("candidate_typed", "unknown")

Used = bool
Ruled = str | None


class RowPrompt:
    """What is typed for the open box's plano, and the words that show it."""

    def __init__(self, ctx: AppContext, row_name: Callable[[str], str]) -> None:
        self.ctx = ctx
        self._row_name = row_name  # a party row's name on the plano
        self.typing: RowTyping | None = None
        self.rect: pygame.Rect | None = None
        self._lines: list[tuple[pygame.Surface, tuple[int, int]]] = []

    def reset(self, targets: Sequence[Target] | None) -> None:
        """A new box on the table (``None``: no box open)."""
        self.typing = RowTyping.of(targets) if targets is not None else None
        self.rect, self._lines = None, []

    def clear(self) -> None:
        if self.typing is not None:
            self.typing.clear()

    @property
    def chosen(self) -> str | None:
        """The party row typed, waiting for its candidate."""
        return self.typing.party if self.typing is not None else None

    # --- keys -------------------------------------------------------------------------------

    def key(self, key: int) -> tuple[Used, Ruled]:
        """One key: whether the typing took it, and the row to rule if it completed one.
        Enter, Backspace and Esc are taken only while something is typed (else they keep
        their meaning elsewhere: press the focused button, pause)."""
        typing = self.typing
        if typing is None:
            return False, None
        digit = DIGITS.get(key)
        ruled: str | None = None
        if digit is not None:
            ruled = typing.digit(digit)
        elif not typing.pending and not typing.unknown:
            return False, None
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            ruled = typing.enter()
        elif key == pygame.K_BACKSPACE:
            typing.back()
        elif key == pygame.K_ESCAPE:
            typing.clear()
        else:
            return False, None
        self.render()
        return True, ruled

    # --- words ------------------------------------------------------------------------------

    def height(self, width: int, party_names: Sequence[str]) -> int:
        """The room the prompt needs at ``width``: its longest wording, wrapped (the plano
        below does not jump as the words change)."""
        size = self.ctx.font_px(TEXT)
        longest = max(party_names, key=len, default="")
        params = {"name": longest, "party": "99", "typed": "99", "number": "99.99"}
        texts = [self.ctx.cat(f"scene.penghitungan.keys.{key}", **params) for key in _WORDINGS]
        lines = max(len(wrap(text, size, width)) for text in texts)
        return lines * font(size).get_linesize()

    def place(self, rect: pygame.Rect) -> None:
        self.rect = rect
        self.render()

    def text(self) -> str:
        assert self.typing is not None
        key, params = self.typing.prompt()
        party = self.typing.party
        name = self._row_name(party) if party is not None else ""
        return self.ctx.cat(f"scene.penghitungan.keys.{key}", name=name, **params)

    def render(self) -> None:
        rect, typing = self.rect, self.typing
        if rect is None or typing is None:
            self._lines = []
            return
        size = self.ctx.font_px(TEXT)
        colour = palette.INK if typing.pending else palette.MUTED
        if typing.unknown:
            colour = palette.DANGER
        self._lines = []
        y = rect.top
        for line in wrap(self.text(), size, rect.width):
            rendered = fit_text(line, size, rect.width, colour=colour, bold=typing.pending)
            self._lines.append((rendered, (rect.left, y)))
            y += rendered.get_height()

    def draw(self, surface: pygame.Surface) -> None:
        for rendered, at in self._lines:
            surface.blit(rendered, at)
