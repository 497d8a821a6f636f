"""The side list of a phase scene ("Yang dapat Anda lakukan"): whatever this phase allows that
the stage has no place for, in sentences a trainee understands, short.

What a stage offers in context (a tile's report buttons, the voter desk's records) is not
repeated here: a scene claims whole kinds of action (``stage_kinds``), or single actions it
keeps behind a fold of its own (``has_home``), and whatever has a button on the stage already
is left out too. More than ``GROUP_AT`` actions of one kind fold under one row that unfolds in
place, so the list never grows into dozens of near-identical rows; ``reveal_in_side`` unfolds
the row an action hides behind, so nothing the engine allows is out of reach.

Rows are as tall as their wrapped words: two labels that differ only at the end ("DPRD
Provinsi" and "DPRD Kabupaten/Kota") are never cut to the same "DPRD …".
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import pygame

from simulator.app import layout
from simulator.app.widgets import offer_key
from simulator.art.fonts import text_size
from simulator.art.sheet import wrap
from simulator.core.actions import Action

if TYPE_CHECKING:
    from simulator.scenes.phase import PhaseScene

GROUP_AT = 4  # more side actions of one kind than this fold under one row
ROW_H = 38  # design units: the least height of a row (one line of words)
GAP = 4
SCROLL_BAR = 22  # room the scroller keeps for its bar
NBSP = "\u00a0"
FILL_SLACK = 8  # pixels a filled line stops short of the button's width


class SideRow(NamedTuple):
    """One row of the side list: its words, what pressing it does, and the one engine action
    it applies (None for a row that folds or unfolds a group)."""

    words: str
    press: Callable[[], None]
    action: Action | None


def side_rows(scene: PhaseScene) -> list[SideRow]:
    """The side list's rows: each action the side holds, those of a crowded kind folded under
    one row (shown in full when that group is unfolded)."""
    actions = scene.side_actions()
    counts = Counter(action.kind for action in actions)
    rows: list[SideRow] = []
    folds_shown: set[str] = set()
    for action in actions:
        kind = action.kind
        if counts[kind] > GROUP_AT:
            if kind not in folds_shown:
                folds_shown.add(kind)
                rows.append(_fold_row(scene, kind, counts[kind]))
            if kind != scene.side_unfolded:
                continue
        rows.append(scene.side_row(action))
    return rows


def _fold_row(scene: PhaseScene, kind: str, count: int) -> SideRow:
    cat = scene.ctx.cat
    what = cat.get(f"action.{kind}", kind)
    key = "shell.side.fold_open" if scene.side_unfolded == kind else "shell.side.fold_closed"
    return SideRow(cat(key, action=what, count=count), lambda: toggle_side(scene, kind), None)


def toggle_side(scene: PhaseScene, kind: str) -> None:
    """Unfold the side list's actions of ``kind`` (or fold them again), keeping the focus."""
    scene.side_unfolded = None if scene.side_unfolded == kind else kind
    scene.keep_focus()
    scene.rebuild()


def reveal_in_side(scene: PhaseScene, action: Action) -> bool:
    """Unfold the side list's group holding ``action``; True if that changed anything."""
    wanted = offer_key(action)
    if wanted in scene.ui.offers or scene.side_unfolded == action.kind:
        return False
    if not any(offer_key(a) == wanted for a in scene.side_actions()):
        return False
    scene.side_unfolded = action.kind
    scene.rebuild()
    return True


def build_side_list(scene: PhaseScene, rect: pygame.Rect, rows: Sequence[SideRow]) -> None:
    """A scrolling column of buttons, one per row, each as tall as its wrapped words (at least
    one line's height): the words are whole, so no tooltip repeats them over the screen."""
    px = scene.ctx.px
    scroller = scene.ui.scroller(rect)
    width = rect.width - px(SCROLL_BAR)
    least, gap = px(ROW_H), px(GAP)
    font = scene.ctx.manager.get_theme().get_font(["button"])
    room = width - px(24)  # the theme's padding either side of a button's text
    y = 0
    for words, press, action in rows:
        # Words that fit take one row of the usual height; longer ones a button of height -1,
        # which pygame_gui makes as tall as its lines.
        text, one_line = row_text(font, words, room, width)
        button = scene.ui.button(
            pygame.Rect(0, y, width, least if one_line else -1),
            text,
            press,
            container=scroller,
            action=action,
        )
        y += max(least, button.rect.height) + gap
    layout.scroll_area(scroller, (width, max(1, y)))


def side_list_height(scene: PhaseScene, width: int, rows: Sequence[SideRow]) -> int:
    """How tall :func:`build_side_list` makes ``rows`` in a list ``width`` wide, to show them
    all (a row of wrapped words as tall as pygame_gui grows its lines)."""
    px = scene.ctx.px
    inner = width - px(SCROLL_BAR)
    least, gap = px(ROW_H), px(GAP)
    font = scene.ctx.manager.get_theme().get_font(["button"])
    line = math.ceil(font.get_rect("Ág").height * 1.25)
    total = 0
    for words, _, _ in rows:
        lines = wrap(font, words, inner - px(24), max_lines=10**6)
        total += (least if len(lines) <= 1 else max(least, len(lines) * line + px(8))) + gap
    return total


@lru_cache(maxsize=1024)
def row_text(font: Any, words: str, room: int, width: int) -> tuple[str, bool]:
    """``words`` as a button ``width`` wide shows them, with ``room`` pixels for a line, and
    whether they fit on one line (rebuilt at every action, so kept once worked out)."""
    lines = wrap(font, words, room, max_lines=10**6)
    if len(lines) <= 1:
        return words, True
    return glued(lines, font, width), False


def glued(lines: Sequence[str], font: Any, width: int) -> str:
    """Lines wrapped here, for a button ``width`` wide that wraps its text itself: pygame_gui
    wraps at the button's whole width and then shifts the text by its padding, so the last
    word of a line would touch the border. Within a line the spaces are non-breaking, and every
    line but the last is filled out with them to nearly the whole width, so pygame_gui breaks
    exactly where this did."""
    space = max(1, text_size(font, NBSP)[0])
    filled = []
    for line in lines[:-1]:
        line = line.replace(" ", NBSP)
        line += NBSP * max(0, (width - FILL_SLACK - text_size(font, line)[0]) // space)
        filled.append(line)
    return " ".join([*filled, lines[-1].replace(" ", NBSP)])


def other_actions(scene: PhaseScene, candidates: Sequence[Action]) -> list[Action]:
    """``candidates`` less what the stage shows: kinds it claims, actions with a button on the
    stage already, and those it keeps behind a fold of its own (``has_home``)."""
    from simulator.core.actions import EndPhase, RespondToEvent

    return [
        action
        for action in candidates
        if action.kind not in scene.stage_kinds
        and offer_key(action) not in scene.stage_offers
        and not scene.has_home(action)
        and not isinstance(action, EndPhase | RespondToEvent)
    ]
