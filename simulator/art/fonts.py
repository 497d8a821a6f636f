"""Fonts for drawn pictures: the Noto Sans that pygame_gui ships, loaded once per size.

Only ``pygame.font`` is needed (no display). :func:`fit_text` renders a string that must fit
a box: it shrinks the font down to a floor, then elides the end with "…", so no text ever
runs out of its box whatever the scenario author wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Final, Protocol

import pygame

from simulator.art.palette import INK, Colour

ELLIPSIS: Final = "…"
MIN_SIZE: Final = 8  # below this Noto Sans stops being legible on screen
_FILES: Final = {
    (False, False): "NotoSans-Regular.ttf",
    (True, False): "NotoSans-Bold.ttf",
    (False, True): "NotoSans-Italic.ttf",
    (True, True): "NotoSans-BoldItalic.ttf",
}


def font_path(bold: bool = False, italic: bool = False) -> str:
    """The file of the Noto Sans face pygame_gui ships in ``pygame_gui.data``."""
    return str(resources.files("pygame_gui.data").joinpath(_FILES[bold, italic]))


# --- caches of pygame objects, emptied when pygame quits ---------------------------------------
#
# A Font dies with pygame.quit(); a later init (the next shot run, the next test) must load
# anew. pygame calls a function given to register_quit at the next quit only, then forgets
# it: the caches are therefore handed to :func:`dies_with_pygame`, and the hook that empties
# them is given to pygame again each time a font is made after a quit.

_FORGET: list[Callable[[], None]] = []
_armed = False


def dies_with_pygame(clear: Callable[[], None]) -> None:
    """Have ``clear`` (a cache of fonts or what they drew) called at every pygame.quit()."""
    _FORGET.append(clear)
    _arm()


def _arm() -> None:
    global _armed
    if not _armed:
        pygame.register_quit(_forget)
        _armed = True


def _forget() -> None:
    global _armed
    _armed = False
    for clear in _FORGET:
        clear()


@lru_cache(maxsize=128)
def font(size: int, bold: bool = False, italic: bool = False) -> pygame.font.Font:
    """Noto Sans at ``size`` pixels (at least 1), loaded once per size and face."""
    if not pygame.font.get_init():
        pygame.font.init()
    _arm()
    return pygame.font.Font(font_path(bold, italic), max(1, int(size)))


class Face(Protocol):
    """A font that measures text: pygame's, or the one pygame_gui draws a widget with."""

    def size(self, text: str, /) -> tuple[int, int]: ...


@lru_cache(maxsize=16384)
def text_size(face: Face, text: str) -> tuple[int, int]:
    """How wide and tall ``text`` is in ``face``, measured once per face and text.

    Layouts that reflow with the text size measure the same words again at every build (a
    button's width, where a label wraps), and pygame_gui's fonts measure by rendering: a
    scene built after an action would spend most of its time re-measuring words it measured
    a moment ago. A face is kept by identity, so a new theme (another text size) is measured
    afresh."""
    _arm()
    width, height = face.size(text)
    return width, height


dies_with_pygame(font.cache_clear)
dies_with_pygame(text_size.cache_clear)


def render(
    text: str, size: int, colour: Colour = INK, bold: bool = False, italic: bool = False
) -> pygame.Surface:
    """``text`` on a transparent surface, anti-aliased, with no attempt to fit."""
    return font(size, bold, italic).render(text, True, colour)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """How wide ``text`` runs at font ``size``, in the same units as ``size`` (measured at a
    large size and scaled, so it works for design units as well as pixels)."""
    return text_size(font(64, bold), text)[0] * size / 64


def fit_text(
    text: str,
    font_size: int,
    max_width: int,
    bold: bool = False,
    *,
    colour: Colour = INK,
    min_size: int = MIN_SIZE,
    italic: bool = False,
) -> pygame.Surface:
    """``text`` rendered no wider than ``max_width``.

    Tries ``font_size``, then smaller sizes down to ``min_size`` (never above ``font_size``),
    then cuts the end of the text and adds "…". A box too narrow for even "…" gets an empty
    surface of zero width and the line's height.

    The same words at the same size are rendered once (a scene lays its words out again at
    every build): the surface is shared, to be blitted, never drawn on.
    """
    return _fit_text(
        text, int(font_size), int(max_width), bold, tuple(colour), int(min_size), italic
    )


@lru_cache(maxsize=4096)
def _fit_text(
    text: str,
    font_size: int,
    max_width: int,
    bold: bool,
    colour: tuple[int, ...],
    min_size: int,
    italic: bool,
) -> pygame.Surface:
    max_width = max(0, int(max_width))
    floor = max(1, min(int(min_size), int(font_size)))
    for size in range(int(font_size), floor - 1, -1):
        if text_size(font(size, bold, italic), text)[0] <= max_width:
            return render(text, size, colour, bold, italic)
    face = font(floor, bold, italic)
    kept = _longest_prefix(face, text, max_width)
    if kept is None:
        return pygame.Surface((0, face.get_linesize()), pygame.SRCALPHA)
    return render(kept, floor, colour, bold, italic)


dies_with_pygame(_fit_text.cache_clear)


def _longest_prefix(face: pygame.font.Font, text: str, max_width: int) -> str | None:
    """The longest ``prefix + "…"`` no wider than ``max_width`` (binary search)."""
    low, high = 0, len(text)
    best: str | None = None
    while low <= high:
        middle = (low + high) // 2
        candidate = text[:middle].rstrip() + ELLIPSIS
        if text_size(face, candidate)[0] <= max_width:
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    return best
