"""Measures for layouts that reflow with the text size: how wide a button must be for its
words, how many columns a row of buttons can have, how tall a wrapped button grows.

Scenes place their widgets by these instead of fixed design widths, so at the large text
size ("Besar") a row of buttons splits into fewer columns, a long label wraps onto a second
line, and nothing is cut short with "…". Measured with the fonts pygame_gui will draw with
(the theme's, at the player's text size).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.core import UIElement
from pygame_gui.core.interfaces import IGUIFontInterface
from pygame_gui.elements import UIButton, UIScrollingContainer

from simulator.app.theme import LINE_SPACING
from simulator.app.widgets import Widgets, escape, key_name
from simulator.art.fonts import Face, dies_with_pygame, text_size

if TYPE_CHECKING:
    from simulator.app.context import AppContext

NBSP = "\u00a0"
PAD = 12  # design units either side of a button's words (the theme's padding and border)
FILL_SLACK = 8  # pixels a filled line of a wrapped button stops short of its width


def theme_font(
    ctx: AppContext, element: str = "button", style: str | None = None
) -> IGUIFontInterface:
    """The font pygame_gui draws ``element`` (a theme id: "button", "label", …) with."""
    ids = [element] if style is None else [style, element]
    return ctx.manager.get_theme().get_font(ids)


def shown_label(text: str, key: int | None = None) -> str:
    """A button's words as :meth:`Widgets.button` shows them (a shortcut key after them)."""
    return f"{text}  [{key_name(key)}]" if key is not None else text


def button_width(
    ctx: AppContext, text: str, key: int | None = None, style: str | None = None
) -> int:
    """The width a button needs to show ``text`` (and its key) on one line with its padding."""
    return text_size(theme_font(ctx, style=style), shown_label(text, key))[0] + 2 * ctx.px(PAD)


def fits(
    ctx: AppContext, text: str, width: int, key: int | None = None, style: str | None = None
) -> bool:
    return button_width(ctx, text, key, style) <= width


def columns(
    ctx: AppContext,
    labels: Sequence[str],
    width: int,
    most: int,
    gap: int,
    style: str | None = None,
) -> int:
    """The most columns (up to ``most``) a row of buttons ``width`` wide in all can have with
    every label on one line; 1 when even two columns are too narrow."""
    needed = max((button_width(ctx, label, style=style) for label in labels), default=0)
    for count in range(max(1, most), 1, -1):
        if (width - gap * (count - 1)) // count >= needed:
            return count
    return 1


def wrap_lines(font: Face, text: str, width: int) -> list[str]:
    """``text`` broken into lines no wider than ``width`` at ``font`` (a word longer than the
    line keeps a line of its own)."""
    return list(_wrap_lines(font, text, width))


@lru_cache(maxsize=4096)
def _wrap_lines(font: Face, text: str, width: int) -> tuple[str, ...]:
    """:func:`wrap_lines`, worked out once per font, text and width: a layout tries the same
    words at the same widths at every build."""
    lines: list[str] = []
    current = ""
    for word in (w for w in text.split(" ") if w):  # not at non-breaking spaces
        trial = f"{current} {word}".strip()
        if current and text_size(font, trial)[0] > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return (*lines, current) if current else tuple(lines)


dies_with_pygame(_wrap_lines.cache_clear)  # the fonts it keeps die with pygame


def wrapped(ctx: AppContext, text: str, width: int, style: str | None = None) -> tuple[str, int]:
    """``text`` for a button ``width`` wide made with height -1 (pygame_gui then wraps it and
    grows the button to its lines), and the number of lines. pygame_gui wraps at the button's
    whole width and then shifts the words by the padding, so the last word of a line would
    touch the border: the lines are broken here, their spaces made non-breaking, and every
    line but the last filled out to nearly the whole width, so pygame_gui breaks where this
    did."""
    font = theme_font(ctx, style=style)
    lines = wrap_lines(font, text, width - 2 * ctx.px(PAD))
    filled = []
    for line in lines[:-1]:
        line = line.replace(" ", NBSP)
        while text_size(font, line + NBSP)[0] < width - FILL_SLACK:
            line += NBSP
        filled.append(line)
    last = [line.replace(" ", NBSP) for line in lines[-1:]]
    return " ".join([*filled, *last]), max(1, len(lines))


def button_height(
    ctx: AppContext,
    text: str,
    width: int,
    key: int | None = None,
    style: str | None = None,
    *,
    least: int,
) -> int:
    """How tall :func:`button` makes a button ``width`` wide: ``least`` when its words fit
    one line, else as tall as pygame_gui grows their lines (1.25 lines apart, a few pixels of
    border)."""
    if fits(ctx, text, width, key, style):
        return least
    _, lines = wrapped(ctx, text + shown_label("", key).replace(" ", NBSP), width, style)
    line = text_size(theme_font(ctx, style=style), "Ág")[1]
    return max(least, lines * math.ceil(line * 1.25) + ctx.px(8))


def button(
    ui: Widgets,
    ctx: AppContext,
    rect: pygame.Rect,
    text: str,
    on_press: Callable[[], None],
    *,
    key: int | None = None,
    style: str | None = None,
    **options: Any,
) -> UIButton:
    """A button ``rect.width`` wide: ``rect.height`` tall when its words (and key) fit on one
    line, else as tall as pygame_gui makes their wrapped lines (read ``.rect.height``)."""
    if fits(ctx, text, rect.width, key, style):
        return ui.button(rect, text, on_press, key=key, style=style, **options)
    # The key stays with the last word: measured with it, taken off again for the button
    # to add it back.
    suffix = shown_label("", key).replace(" ", NBSP)
    glued, _ = wrapped(ctx, text + suffix, rect.width, style)
    words = glued[: len(glued) - len(suffix)] if suffix else glued
    tall = pygame.Rect(rect.left, rect.top, rect.width, -1)
    return ui.button(tall, words, on_press, key=key, style=style, **options)


def stack_up(elements: Sequence[UIElement], bottom: int, gap: int) -> int:
    """Move ``elements`` (made anywhere) so they stand one above the other, in order, the last
    one's foot at ``bottom``; the top of the first is returned."""
    y = bottom
    for element in reversed(elements):
        rect = element.get_relative_rect()
        y -= rect.height
        element.set_relative_position((rect.left, y))
        y -= gap
    return y + gap


def shift(elements: Sequence[UIElement], dy: int) -> None:
    """Move ``elements`` ``dy`` pixels down (up when negative), each within its container."""
    for element in elements:
        rect = element.get_relative_rect()
        element.set_relative_position((rect.left, rect.top + dy))


def scroll_area(scroller: UIScrollingContainer, size: tuple[int, int]) -> None:
    """Make the part of ``scroller`` that scrolls ``size`` big (at least a pixel tall), unless
    it already is: pygame_gui moves every element in the list again and redoes its scroll
    bars on each call, some milliseconds in a long list, and a list taken over by the next
    build of a screen is mostly the same size."""
    width, height = size[0], max(1, size[1])
    if not scroller.allow_scroll_x:  # as pygame_gui fits a list without a horizontal bar
        width = scroller.rect.width - scroller.scroll_bar_width
    if scroller.scrollable_container.rect.size != (width, height):
        scroller.set_scrollable_area_dimensions((width, height))


def text_height(ctx: AppContext, lines: int, style: str | None = None) -> int:
    """How tall a text box of ``style`` is for ``lines`` lines (the theme's line spacing), with
    a little room so it never shows a scroll bar."""
    font = theme_font(ctx, "text_box", style)
    line = text_size(font, "Ág")[1]  # pygame_gui's line height for this font
    return round(lines * line * float(LINE_SPACING)) + ctx.px(4)


def heading(
    ui: Widgets, ctx: AppContext, left: int, top: int, width: int, text: str
) -> int:
    """A heading ``width`` wide at (``left``, ``top``): a label when it fits one line, else
    its words wrapped; returns the height it takes."""
    font = theme_font(ctx, "label", "@heading")
    if text_size(font, text)[0] <= width:
        height = ctx.line(19)
        ui.label(pygame.Rect(left, top, width, height), text, style="@heading")
        return height
    box = ui.text(
        pygame.Rect(left, top, width, -1), f"<b>{escape(text)}</b>", style="@heading_wrap"
    )
    return box.rect.height


def words(
    ui: Widgets,
    ctx: AppContext,
    left: int,
    top: int,
    width: int,
    text: str,
    style: str = "@plain",
    *,
    markup: bool = False,
    container: Any = None,
) -> int:
    """Words on the background at (``left``, ``top``), ``width`` wide, wrapped and as tall as
    pygame_gui makes their lines (never a scroll bar); returns that height. ``markup``:
    ``text`` is already a text box's markup (escaped)."""
    box = ui.text(
        pygame.Rect(left, top, width, -1),
        text if markup else escape(text),
        style=style,
        container=container,
    )
    return box.rect.height
