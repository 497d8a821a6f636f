"""A :class:`Canvas` that also takes text and pictures, placed in the same design units.

Shapes are drawn supersampled; text and pictures are queued and put on after the canvas is
scaled down, at their final pixel size, so they stay sharp. Documents are laid out in
millimetres of the real paper this way, and read the same at any size.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import pygame

from simulator.art.canvas import Canvas
from simulator.art.fonts import fit_text, font, text_size
from simulator.art.palette import INK, PAPER, Colour

Align = Literal["left", "center", "right"]


@dataclass(frozen=True, slots=True)
class _Text:
    x: float
    y: float
    text: str
    size: float
    width: float
    bold: bool
    colour: Colour
    align: Align
    italic: bool


@dataclass(frozen=True, slots=True)
class _Paragraph:
    x: float
    y: float
    text: str
    size: float
    width: float
    lines: int
    colour: Colour
    align: Align
    bold: bool


@dataclass(frozen=True, slots=True)
class _Picture:
    x: float
    y: float
    w: float
    h: float
    draw: Callable[[tuple[int, int]], pygame.Surface]


class Sheet(Canvas):
    """A canvas with text and pictures laid out in design units."""

    def __init__(
        self,
        size: tuple[int, int],
        design: tuple[float, float],
        *,
        ss: int = 2,
        halo: Colour = PAPER,
        min_text: int = 6,
    ) -> None:
        super().__init__(size, design, ss=ss, halo=halo)
        self.min_text = min_text
        self._queue: list[_Text | _Paragraph | _Picture] = []

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        width: float,
        *,
        bold: bool = False,
        colour: Colour = INK,
        align: Align = "left",
        italic: bool = False,
    ) -> None:
        """``text`` with its top at ``y``; ``x`` is its left, centre or right edge by ``align``.

        ``size`` is the font's pixel size in design units; the text never runs wider than
        ``width`` (see :func:`~simulator.art.fonts.fit_text`).
        """
        self._queue.append(_Text(x, y, text, size, width, bold, colour, align, italic))

    def paragraph(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        width: float,
        *,
        lines: int = 2,
        colour: Colour = INK,
        align: Align = "left",
        bold: bool = False,
    ) -> None:
        """``text`` wrapped at word boundaries into at most ``lines`` lines of ``width``."""
        self._queue.append(_Paragraph(x, y, text, size, width, lines, colour, align, bold))

    def picture(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        draw: Callable[[tuple[int, int]], pygame.Surface],
    ) -> None:
        """A picture made by ``draw(pixel_size)`` placed in the design rectangle."""
        self._queue.append(_Picture(x, y, w, h, draw))

    def finish(self) -> pygame.Surface:
        surface = super().finish()
        for item in self._queue:
            if isinstance(item, _Picture):
                rect = self.px_rect(item.x, item.y, item.w, item.h)
                if rect.w > 0 and rect.h > 0:
                    surface.blit(item.draw(rect.size), rect)
            elif isinstance(item, _Paragraph):
                self._blit_paragraph(surface, item)
            else:
                self._blit_text(surface, item)
        return surface

    def _blit_text(self, surface: pygame.Surface, item: _Text) -> None:
        px = max(1, round(item.size * self.scale))
        width = round(item.width * self.scale)
        image = fit_text(
            item.text,
            px,
            width,
            item.bold,
            colour=item.colour,
            min_size=min(px, self.min_text),
            italic=item.italic,
        )
        left, top = self.to_px(item.x, item.y)
        if item.align == "center":
            left -= image.get_width() // 2
        elif item.align == "right":
            left -= image.get_width()
        # Noto Sans leaves room above capitals; pull the line up so ``y`` is near the cap top.
        surface.blit(image, (left, top - round(px * 0.18)))

    def _blit_paragraph(self, surface: pygame.Surface, item: _Paragraph) -> None:
        px = max(1, round(item.size * self.scale))
        face = font(px, item.bold)
        width = round(item.width * self.scale)
        lines = wrap(face, item.text, width, item.lines)
        for i, line in enumerate(lines):
            self._blit_text(
                surface,
                _Text(
                    item.x,
                    item.y + i * face.get_linesize() / self.scale,
                    line,
                    item.size,
                    item.width,
                    item.bold,
                    item.colour,
                    item.align,
                    False,
                ),
            )


def wrap(face: pygame.font.Font, text: str, width: int, max_lines: int) -> list[str]:
    """``text`` broken into lines no wider than ``width`` at ``face``; the last line takes the
    rest (and is elided when drawn, if it must be)."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for i, word in enumerate(words):
        trial = f"{current} {word}".strip()
        if current and text_size(face, trial)[0] > width:
            lines.append(current)
            current = word
            if len(lines) == max_lines - 1:
                current = " ".join(words[i:])
                break
        else:
            current = trial
    if current:
        lines.append(current)
    return lines
