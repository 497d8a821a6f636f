"""Whether a screen is whole: every word inside its widget, nothing cut short with "…",
nothing off the window, no two controls on top of each other. Used by the fit tests of every
scene, at both text sizes.

A button's lines are read from pygame_gui's own layout of them (the rows it draws), so a label
it would clip, or let run over its border, is caught as the trainee would see it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache

import pygame
from pygame_gui.core import UIElement
from pygame_gui.elements import (
    UIButton,
    UILabel,
    UIScrollingContainer,
    UITextBox,
    UITextEntryLine,
)

from simulator.app.scene import Scene
from simulator.art import fonts
from simulator.i18n import LANGUAGES, catalog

ELLIPSIS = "…"
NBSP = "\u00a0"
READABLE_PX = 12  # drawn smaller than this, text is part of a picture (a box's label)
TEXT_ELEMENTS = (UILabel, UIButton, UITextEntryLine, UITextBox)


def layout_faults(scene: Scene, *, allow_cut: Iterable[UIElement] = ()) -> list[str]:
    """Everything on ``scene`` a trainee could not read whole, in words; empty when the screen
    is whole. ``allow_cut``: elements allowed an ellipsis (a list that shows each row whole
    elsewhere)."""
    exempt = set(allow_cut)
    shown = [
        e for e in scene.ui.elements if e.alive() and e.visible and isinstance(e, TEXT_ELEMENTS)
    ]
    faults: list[str] = []
    window = pygame.Rect((0, 0), scene.ctx.size)
    scrollers = _scrollers(scene)
    for element in shown:
        faults += _text_faults(element)
        text = str(getattr(element, "text", "") or "")
        if ELLIPSIS in text and element not in exempt and not _written_so(text):
            faults.append(f"{_name(element)} is cut short with {ELLIPSIS!r}")
        faults += _bounds_faults(element, window, scrollers)
    faults += _overlaps(shown)
    return faults


@lru_cache(maxsize=1)
def _written_with_ellipsis() -> tuple[re.Pattern[str], ...]:
    """The catalogue's own texts that hold "…" (a button that opens a list, "… and 3
    more"), as patterns: their "…" is the words', not a cut."""
    patterns = []
    for lang in LANGUAGES:
        for template in catalog(lang).strings.values():
            if ELLIPSIS in template:
                parts = re.split(r"\{[^}]*\}", template)
                patterns.append(re.compile(".*".join(re.escape(part) for part in parts)))
    return tuple(patterns)


def _written_so(text: str) -> bool:
    """``text`` (without its shortcut key, its spaces plain) is a catalogue text with "…"."""
    words = re.sub(r"\s+\[[^\]]+\]$", "", text.replace(NBSP, " ")).strip()
    return any(pattern.fullmatch(words) for pattern in _written_with_ellipsis())


def _name(element: UIElement) -> str:
    text = getattr(element, "text", None) or getattr(element, "html_text", "")
    return f"{type(element).__name__} {str(text)[:60]!r}"


def _text_faults(element: UIElement) -> list[str]:
    if isinstance(element, UILabel):
        return _label_faults(element)
    if isinstance(element, UIButton):
        return button_faults(element)
    if isinstance(element, UITextEntryLine):
        return _entry_faults(element)
    if isinstance(element, UITextBox):
        return _text_box_faults(element)
    return []


WHOLE_TEXT = {"@plain", "@note", "@heading_wrap"}  # words set on the background: never scroll


def _text_box_faults(box: UITextBox) -> list[str]:
    """Words on the background (a note, a wrapped heading) are made as tall as they need: a
    scroll bar on one means its last lines are hidden."""
    ids = set(getattr(box, "class_ids", None) or []) | set(getattr(box, "object_ids", None) or [])
    if ids & WHOLE_TEXT and getattr(box, "scroll_bar", None) is not None:
        return [f"{_name(box)} is too short for its words (it scrolls)"]
    return []


def _label_faults(label: UILabel) -> list[str]:
    if not label.text or label.font is None:
        return []
    width, height = label.font.get_rect(label.text).size
    rect = label.rect
    if width > rect.width or height > rect.height:
        return [
            f"{_name(label)} needs {width}×{height} px in a {rect.width}×{rect.height} px label"
        ]
    return []


def line_widths(button: UIButton) -> list[int]:
    """The width of each line of ``button``'s words as pygame_gui lays them out (the spaces a
    wrapped line is filled out with do not count)."""
    layout = getattr(button.drawable_shape, "text_box_layout", None)
    if layout is None or not button.text:
        return []
    widths = []
    for row in layout.layout_rows:
        words = "".join(str(getattr(item, "text", "")) for item in row.items)
        widths.append(button.font.size(words.rstrip(" " + NBSP))[0])
    return widths


def button_faults(button: UIButton) -> list[str]:
    """The rows pygame_gui lays the words out in stay inside the button, clear of the border
    (a line wider than the button is drawn over its border and cut at its edge)."""
    shape = button.drawable_shape
    layout = getattr(shape, "text_box_layout", None)
    if not button.text or layout is None:
        return []
    border = max(shape.border_widths.values()) if hasattr(shape, "border_widths") else 2
    room_right = button.rect.width - border - 2
    room_bottom = button.rect.height - border + 1
    faults = []
    for row in layout.layout_rows:
        # Only the ink counts: a wrapped line may be filled out with spaces to where it breaks.
        words = "".join(str(getattr(item, "text", "")) for item in row.items)
        visible = words.rstrip(" " + NBSP)
        right = row.x + (button.font.size(visible)[0] if visible != words else row.width)
        if right > room_right or row.x < border:
            faults.append(
                f"{_name(button)}: a line runs {row.x}..{right} px in a button "
                f"{button.rect.width} px wide"
            )
        if row.y + row.height > room_bottom or row.y < 0:
            faults.append(
                f"{_name(button)}: a line sits at {row.y}..{row.y + row.height} px in a "
                f"button {button.rect.height} px tall"
            )
    return faults


def _entry_faults(entry: UITextEntryLine) -> list[str]:
    """The ink of a line (a capital to a descender) fits inside the entry's border."""
    if entry.font is None:
        return []
    ink = entry.font.render_premul("0Hg", pygame.Color("black")).get_bounding_rect().height
    border = getattr(entry, "border_width", 2)
    border = max(border.values()) if isinstance(border, dict) else int(border or 0)
    if ink + 6 > entry.rect.height - 2 * border:  # the ink, and a little air over and under
        return [f"{_name(entry)}: text {ink} px tall in an entry {entry.rect.height} px tall"]
    return []


def _scrollers(scene: Scene) -> dict[object, UIScrollingContainer]:
    """Each scrolling list of ``scene`` by the container its rows are put in."""
    return {
        e.scrollable_container: e for e in scene.ui.elements if isinstance(e, UIScrollingContainer)
    }


def _scroll_parent(
    element: UIElement, scrollers: dict[object, UIScrollingContainer]
) -> UIScrollingContainer | None:
    container, seen = element.ui_container, set()
    while container is not None and id(container) not in seen:  # the root holds itself
        if container in scrollers:
            return scrollers[container]
        seen.add(id(container))
        container = getattr(container, "ui_container", None)
    return None


def _bounds_faults(
    element: UIElement, window: pygame.Rect, scrollers: dict[object, UIScrollingContainer]
) -> list[str]:
    """Inside the window; in a scrolling list, inside the list's width (it scrolls only up
    and down)."""
    scroller = _scroll_parent(element, scrollers)
    if scroller is None:
        if not window.contains(element.rect):
            return [f"{_name(element)} at {tuple(element.rect)} leaves the window {window.size}"]
        return []
    view = scroller.rect
    if element.rect.left < view.left - 1 or element.rect.right > view.right + 1:
        return [f"{_name(element)} is wider than its scrolling list {tuple(view)}"]
    return []


def _overlaps(elements: list[UIElement]) -> list[str]:
    """Two text elements of the same container drawn over each other (by more than a few
    pixels either way: neighbours may share a border)."""
    faults = []
    for index, first in enumerate(elements):
        for second in elements[index + 1 :]:
            if first.ui_container is not second.ui_container:
                continue
            both = first.rect.clip(second.rect)
            if both.width > 3 and both.height > 3:
                faults.append(f"{_name(first)} and {_name(second)} overlap by {both.size}")
    return faults


@contextmanager
def recording_cut_drawings() -> Iterator[list[str]]:
    """Every drawn (non-widget) text meant to be read (at ``READABLE_PX`` or more: not the
    tiny print on a drawing of a box) cut short with "…" to fit its box while in the block:
    a caption, a tile's name, a line of a card."""
    cut: list[str] = []
    original = fonts._longest_prefix

    def record(face: pygame.font.Font, text: str, max_width: int) -> str | None:
        kept = original(face, text, max_width)
        if face.point_size >= READABLE_PX:
            cut.append(f"drawn text {text!r} is cut to {kept!r} in {max_width} px")
        return kept

    fonts._longest_prefix = record  # type: ignore[assignment]
    try:
        yield cut
    finally:
        fonts._longest_prefix = original  # type: ignore[assignment]
