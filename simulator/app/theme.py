"""The pygame_gui theme, made from the palette and the player's text size.

The theme is built in code rather than read from a JSON file so that one palette
(:mod:`simulator.art.palette`) colours both widgets and drawings, and so that text size and
window scale change every font at once.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from simulator.art import palette

BASE_SIZE = (1366, 768)  # the design size: a hall laptop
BODY_POINTS = 15  # the theme's body text, in design points (every other size is relative)
HEADING_POINTS = 19
# Normal text: 16 px body at the design size, the least an older trainee reads comfortably on
# a laptop. Besar is 1.375 times Normal, for tired eyes and the back of a hall (a projector).
# There is no smaller size: at 1366×768 it could not be smaller than Normal without going
# under 16 px, and a larger window already scales everything up.
NORMAL_BODY_PX = 16
# Lines of a text box, as a multiple of the font's own line height (1.36 em for Noto Sans):
# 1.1 gives the 1.5 em an older reader needs, where pygame_gui's 1.25 wastes a third of a box.
LINE_SPACING = "1.1"
TEXT_SIZES: dict[str, float] = {"normal": 1.0, "besar": 1.375}


def hex_colour(colour: palette.Colour) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


@lru_cache(maxsize=16)  # asked for every length of every build and frame
def ui_scale(window: tuple[int, int]) -> float:
    """How much bigger than the design size the window is (never smaller than 1 on a laptop
    screen: below 1366×768 we shrink a little, but not under 0.8, to stay readable)."""
    return max(0.8, min(window[0] / BASE_SIZE[0], window[1] / BASE_SIZE[1]))


@lru_cache(maxsize=256)
def font_size(points: float, scale: float, text_size: str) -> int:
    """The pixel size (the em: pygame renders 1 point as 1 pixel) of text given in design
    ``points``, for a window ``scale`` and the player's text size."""
    normal = round(points * scale * NORMAL_BODY_PX / BODY_POINTS)
    # Rounded up, so every size at Besar is at least its factor times the Normal one.
    return max(10, math.ceil(normal * TEXT_SIZES.get(text_size, 1.0) - 1e-9))


def _font(points: int, scale: float, text_size: str, bold: bool = False) -> dict[str, str]:
    font = {"name": "noto_sans", "size": str(font_size(points, scale, text_size))}
    if bold:
        font["bold"] = "1"
    return font


def _button_colours(bg: palette.Colour, text: palette.Colour, hover: palette.Colour) -> dict:
    return {
        "normal_bg": hex_colour(bg),
        "hovered_bg": hex_colour(hover),
        "active_bg": hex_colour(palette.PRIMARY_DARK),
        "selected_bg": hex_colour(hover),
        "disabled_bg": hex_colour(palette.PANEL_LINE),
        "normal_text": hex_colour(text),
        "hovered_text": hex_colour(text),
        "active_text": hex_colour(palette.PANEL),
        "selected_text": hex_colour(text),
        "disabled_text": hex_colour(palette.MUTED),
        "normal_border": hex_colour(palette.PRIMARY_DARK),
        "hovered_border": hex_colour(palette.PRIMARY_DARK),
        "active_border": hex_colour(palette.PRIMARY_DARK),
        # The keyboard focus: a thick gold ring, visible without relying on the fill colour.
        "selected_border": hex_colour(palette.ACCENT),
        "disabled_border": hex_colour(palette.PANEL_LINE),
    }


def _list_row(font: dict[str, str]) -> dict[str, Any]:
    """A row of a selection list: flat, no border, the focus and choice in light teal."""
    return {
        "colours": _button_colours(palette.PANEL, palette.INK, palette.PRIMARY_LIGHT),
        "font": font,
        "misc": {"shape": "rectangle", "border_width": "0", "text_horiz_alignment": "left"},
    }


def _plain_text(colour: palette.Colour, font: dict[str, str]) -> dict[str, Any]:
    """A text box with no panel: words on the background that wrap."""
    return {
        "colours": {
            "dark_bg": "#00000000",
            "normal_border": "#00000000",
            "normal_text": hex_colour(colour),
        },
        "font": font,
        "misc": {
            "border_width": "0",
            "shadow_width": "0",
            "padding": "0,0",
            "shape": "rectangle",
            "line_spacing": LINE_SPACING,
        },
    }


def build_theme(scale: float, text_size: str, contrast: bool = False) -> dict[str, Any]:
    """The theme dictionary pygame_gui reads, for this window scale and text size; with
    ``contrast`` (a projector), the high-contrast one (:func:`high_contrast`)."""
    theme = _build_theme(scale, text_size)
    return high_contrast(theme) if contrast else theme


#: on a projector, the quiet colours a hall cannot tell from the paper become ink
_FADED = {hex_colour(palette.MUTED): hex_colour(palette.INK),
          hex_colour(palette.PANEL_LINE): hex_colour(palette.INK)}


def high_contrast(theme: dict[str, Any]) -> dict[str, Any]:
    """The theme for a projector: muted words and faint lines in ink (a washed-out projector
    loses light greys first). Sizes stay as they are, so every layout still fits."""

    def convert(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: convert(v) for k, v in node.items()}
        if isinstance(node, str) and node in _FADED:
            return _FADED[node]
        return node

    return convert(theme)


def _build_theme(scale: float, text_size: str) -> dict[str, Any]:

    def font(points: int, bold: bool = False) -> dict[str, str]:
        return _font(points, scale, text_size, bold)

    radius = str(max(3, round(6 * scale)))
    border = str(max(2, round(2 * scale)))
    plain_button = {
        "colours": _button_colours(palette.PANEL, palette.INK, palette.PRIMARY_LIGHT),
        "font": font(15),
        "misc": {
            "shape": "rounded_rectangle",
            "shape_corner_radius": radius,
            "border_width": border,
            "text_horiz_alignment": "left",
            "text_horiz_alignment_padding": str(round(10 * scale)),
        },
    }
    strong = {
        "colours": _button_colours(palette.PRIMARY, palette.PANEL, palette.PRIMARY_DARK),
        "font": font(16, bold=True),
        "misc": {
            "shape": "rounded_rectangle",
            "shape_corner_radius": radius,
            "border_width": border,
        },
    }
    danger = {
        "colours": _button_colours(palette.DANGER_LIGHT, palette.INK, palette.WARNING_LIGHT),
        "font": font(15),
        "misc": plain_button["misc"],
    }
    box = {
        "colours": {
            "dark_bg": hex_colour(palette.PANEL),
            "normal_border": hex_colour(palette.PANEL_LINE),
            "normal_text": hex_colour(palette.INK),
            "link_text": hex_colour(palette.PRIMARY),
            "link_hover": hex_colour(palette.PRIMARY_DARK),
        },
        "font": font(15),
        "misc": {
            "border_width": "1",
            "padding": f"{round(12 * scale)},{round(8 * scale)}",
            # Rectangles: pygame_gui draws a large rounded shape on big temporary
            # surfaces (over 100 MB for an 800×560 text box).
            "shape": "rectangle",
            "line_spacing": LINE_SPACING,
        },
    }

    def label(points: int, colour: palette.Colour, bold: bool = False) -> dict[str, Any]:
        return {
            "colours": {"normal_text": hex_colour(colour), "dark_bg": "#00000000"},
            "font": font(points, bold),
            "misc": {"text_horiz_alignment": "left"},
        }

    return {
        "defaults": {
            "colours": {
                "normal_bg": hex_colour(palette.PAPER),
                "dark_bg": hex_colour(palette.PANEL),
                "normal_text": hex_colour(palette.INK),
                "text_cursor": hex_colour(palette.INK),
                "normal_border": hex_colour(palette.PANEL_LINE),
                "link_text": hex_colour(palette.PRIMARY),
                "link_hover": hex_colour(palette.PRIMARY_DARK),
                "selected_bg": hex_colour(palette.PRIMARY_LIGHT),
                "selected_text": hex_colour(palette.INK),
            },
            "font": font(15),
        },
        "button": plain_button,
        # pygame_gui's file dialog (export to a USB stick, open a recording): its rows of
        # folders and files read as the game's other lists, dark text on light, folders bold.
        "#file_list_item": _list_row(font(15)),
        "#directory_list_item": _list_row(font(15, bold=True)),
        # (a file that cannot be picked, when a folder is asked for, is disabled: still read)
        "file_dialog.#file_display_list.#file_list_item": _list_row(font(15)),
        "file_dialog.#file_display_list.#directory_list_item": _list_row(font(15, bold=True)),
        # pygame_gui's rows are 20 px whatever the font: as tall as the words at this size.
        "file_dialog.#file_display_list": {
            "misc": {"list_item_height": str(round(font_size(15, scale, text_size) * 1.5))}
        },
        "@strong": strong,
        "@danger": danger,
        "@centred": {"misc": {"text_horiz_alignment": "center"}},
        "text_box": box,
        "@feedback": box,
        # A quiet note that wraps (a label would clip at a large text size): no panel, muted.
        "@note": _plain_text(palette.MUTED, font(15)),
        # Words that wrap where a label would be cut (a message under a row, a long name).
        "@plain": _plain_text(palette.INK, font(15)),
        # The same words where a panel may hold more than its room: they scroll.
        "@reading": _plain_text(palette.INK, font(15)),
        "@card": {
            "colours": {
                "dark_bg": hex_colour(palette.PANEL),
                "normal_border": hex_colour(palette.PRIMARY),
            },
            "misc": {
                # Rectangles: pygame_gui draws a large rounded shape on big temporary
                # surfaces (over 100 MB for an 800×560 text box).
                "shape": "rectangle",
                "border_width": "3",
            },
        },
        # The scenario's guide note: a calm card of its own colour, never a warning's.
        "@guide": {
            "colours": {
                "dark_bg": hex_colour(palette.PRIMARY_LIGHT),
                "normal_border": hex_colour(palette.PRIMARY),
            },
            "misc": {"shape": "rectangle", "border_width": "2"},
        },
        "label": label(15, palette.INK),
        "@title": label(30, palette.PRIMARY_DARK, bold=True),
        "@heading": label(HEADING_POINTS, palette.INK, bold=True),
        # A heading too long for its line at a large text size wraps (a text box).
        "@heading_wrap": _plain_text(palette.INK, font(HEADING_POINTS, bold=True)),
        "@muted": label(15, palette.MUTED),
        "@clock": label(22, palette.INK, bold=True),
        "@badge": label(15, palette.PRIMARY_DARK, bold=True),
        "panel": {
            "colours": {
                "dark_bg": hex_colour(palette.PANEL),
                "normal_border": hex_colour(palette.PANEL_LINE),
            },
            "misc": {
                # Rectangles: pygame_gui draws a large rounded shape on big temporary
                # surfaces (over 100 MB for an 800×560 text box).
                "shape": "rectangle",
                "border_width": "1",
            },
        },
        "text_entry_line": {
            "colours": {
                "dark_bg": hex_colour(palette.PANEL),
                "normal_border": hex_colour(palette.PRIMARY_DARK),
                "selected_bg": hex_colour(palette.PRIMARY_LIGHT),
                "normal_text": hex_colour(palette.INK),
            },
            "font": font(16),
            "misc": {"border_width": border, "padding": f"{round(8 * scale)},{round(4 * scale)}"},
        },
        "tool_tip": {
            "colours": {
                "dark_bg": hex_colour(palette.INK),
                "normal_text": hex_colour(palette.PANEL),
            },
            "font": font(15),
        },
    }
