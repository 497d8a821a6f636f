"""The frame of a phase whose every action sits on its stage (the closing, the handover): a
checklist of what has been done in the side column, and a stage laid out before it is made,
so that at a large text size it grows as tall as its words need and scrolls.

Stages place their pictures (``Pictures``) and buttons (``StageButton``) in their own
coordinates; ``ChecklistPhaseScene.build_stage`` then draws them on the stage when they fit,
or in a box that scrolls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import pygame
from pygame_gui.elements import UIButton, UIScrollingContainer

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.app.widgets import Widgets
from simulator.art import fonts, palette
from simulator.art.canvas import readable_on
from simulator.art.fonts import fit_text, text_size
from simulator.core.actions import Action
from simulator.presenter.labels import action_label, ballot_name
from simulator.scenes.phase import PhaseScene
from simulator.scenes.phases import penutupan_art as art
from simulator.schema.types import BallotType

SCROLL_BAR = 22  # design units kept for a scroll bar beside a stage that scrolls
BADGE = "badge"  # the style of a label in a button's place that is a done badge
SLOTS_KEPT = 4000  # slot heights remembered before the memory is cleared

Blit = tuple[pygame.Surface, tuple[int, int]]


@dataclass
class Pictures:
    """What a scene drew for its current state: blitted every frame, drawn once."""

    panels: list[pygame.Rect] = field(default_factory=list)
    blits: list[Blit] = field(default_factory=list)

    def add(self, surface: pygame.Surface, at: tuple[int, int]) -> None:
        self.blits.append((surface, at))

    def centred(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        self.blits.append((surface, surface.get_rect(center=rect.center).topleft))

    def moved(self, offset: tuple[int, int]) -> Pictures:
        """The same pictures, ``offset`` further right and down."""
        dx, dy = offset
        return Pictures(
            [panel.move(dx, dy) for panel in self.panels],
            [(surface, (x + dx, y + dy)) for surface, (x, y) in self.blits],
        )

    def draw(
        self, surface: pygame.Surface, radius: int, offset: tuple[int, int] = (0, 0)
    ) -> None:
        """Drawn on ``surface``, ``offset`` further right and down."""
        if offset != (0, 0):
            self.moved(offset).draw(surface, radius)
            return
        for rect in self.panels:
            pygame.draw.rect(surface, palette.PANEL, rect, border_radius=radius)
            pygame.draw.rect(surface, palette.PANEL_LINE, rect, width=1, border_radius=radius)
        surface.blits(self.blits, doreturn=False)


@dataclass(frozen=True)
class StageButton:
    """A button of the stage, placed while the stage is laid out and made once it is known
    whether the stage scrolls (then it goes into the scrolling box). Most apply an action;
    a few only choose what the stage shows (``press``, with a ``name`` tests can find)."""

    rect: pygame.Rect
    text: str
    action: Action | None
    key: int | None = None
    style: str | None = None
    press: Callable[[], None] | None = None
    name: str = ""


class ChecklistPhaseScene(PhaseScene):
    """A phase whose every action sits on the stage: the side shows what has been done (a
    checklist) and, below it, any other allowed action, then the end-of-phase button.

    The stage is laid out first (``lay_out_stage``, in its own coordinates from the top left,
    as tall as its words need at the player's text size), then made: on the stage when it
    fits, else in a box that scrolls, its pictures drawn into the box."""

    def __init__(self, ctx: AppContext, session: PlaySession) -> None:
        super().__init__(ctx, session)
        self.pictures = Pictures()  # the side's, in window coordinates
        self.stage_pictures = Pictures()
        self.stage_buttons: list[StageButton] = []
        self.choices: dict[str, UIButton] = {}  # the stage's choosing buttons, by name
        # The heights of places for buttons, by look and words: a stage laid out after each
        # action measures the same words again (the packing's tens of labels at every build).
        self._slot_heights: dict[tuple[object, ...], int] = {}

    def t(self, key: str, **params: object) -> str:
        assert self.phase is not None
        return self.ctx.cat(f"scene.{self.phase.value}.{key}", **params)

    def checklist_items(self) -> list[tuple[bool, str]]:
        return []

    def hand_over(self) -> Widgets | None:
        self.let_go_of_pictures()
        return super().hand_over()

    def teardown(self) -> None:
        self.let_go_of_pictures()
        super().teardown()

    def let_go_of_pictures(self) -> None:
        """The screen leaves: its drawn words and pictures go now, not when a full
        collection finds the scene (its buttons' callbacks refer back to it)."""
        self.pictures = Pictures()
        self.stage_pictures = Pictures()
        self.stage_buttons = []

    def build(self) -> None:
        self.pictures = Pictures()
        super().build()

    def build_stage(self) -> None:
        px = self.ctx.px
        inner = self.stage_inner()
        self.stage_scrolls = False
        self.stage_box = None
        if self.least_stage_h(inner.width) <= inner.height:
            height = self.plan_stage(inner.width, inner.height)
            if height <= inner.height:
                self.make_stage_buttons(None, inner.topleft)
                self.stage_pictures = self.stage_pictures.moved(inner.topleft)
                return
        width = inner.width - px(SCROLL_BAR)  # room for the scroll bar
        # No layout kept the stage in its room at full width; narrower, none will either.
        self.stage_scrolls = True
        height = self.plan_stage(width, inner.height)
        box = self.ui.scroller(inner)
        layout.scroll_area(box, (width, height))
        self.make_stage_buttons(box, (0, 0))
        # The pictures stay in the stage's own coordinates and are drawn, under the box's
        # buttons, where the box has scrolled them (see :meth:`draw_stage`): a picture of
        # the whole stage, and pygame_gui's copies of it, would cost megabytes per screen
        # height at every build.
        self.stage_box = box

    def least_stage_h(self, width: int) -> int:
        """A height the stage is sure to need ``width`` wide, known without laying it all
        out: when it is more than the room, the stage is laid out once, to scroll. None
        known by default."""
        return 0

    def plan_stage(self, width: int, room: int) -> int:
        self.stage_pictures = Pictures()
        self.stage_buttons = []
        return self.lay_out_stage(width, room)

    def lay_out_stage(self, width: int, room: int) -> int:
        """Place the stage's pictures and buttons ``width`` wide from (0, 0), pictures made
        smaller (within reason) to stay in ``room`` when the words need it; its height."""
        return 0

    def make_stage_buttons(self, box: UIScrollingContainer | None, offset: tuple[int, int]) -> None:
        self.choices = {}
        for spec in self.stage_buttons:
            action = spec.action
            if action is None:
                assert spec.press is not None, f"stage button {spec.text!r} does nothing"
                self.choices[spec.name] = layout.button(
                    self.ui, self.ctx, spec.rect.move(offset), spec.text, spec.press,
                    key=spec.key, style=spec.style, container=box,
                )
                continue
            layout.button(
                self.ui,
                self.ctx,
                spec.rect.move(offset),
                spec.text,
                lambda a=action: self.act(a),
                key=spec.key,
                style=spec.style,
                tooltip=action_label(action, self.world, self.ctx.cat),
                action=action,
                container=box,
            )

    def build_side(self) -> None:
        px = self.ctx.px
        side = self.side_rect()
        title_h = layout.heading(
            self.ui, self.ctx, side.left, side.top, side.width, self.t("checklist_title")
        )
        items = self.checklist_items()
        row_h = max(px(36), self.ctx.line(15))
        top = side.top + title_h + px(4)
        box = pygame.Rect(side.left, top, side.width, row_h * len(items) + px(16))
        self.pictures.panels.append(box)
        self.pictures.add(
            art.checklist(items, box.width - px(28), row_h, self.ctx.font_px(15)),
            (box.left + px(14), box.top + px(8)),
        )
        end_h = self.end_button_h()
        actions = self.side_actions()
        if actions:
            top = box.bottom + px(12)
            others_h = layout.heading(
                self.ui, self.ctx, side.left, top, side.width, self.t("others_title")
            )
            list_top = top + others_h + px(4)
            list_rect = pygame.Rect(
                side.left, list_top, side.width, side.bottom - end_h - px(8) - list_top
            )
            self.build_action_list(list_rect, [self.side_row(a) for a in actions])
        self.build_end_button(side)

    # --- helpers for laying out stages ---------------------------------------------------------

    #: a card's picture in design units: full size, and as small as it gets to keep the stage
    #: unscrolled
    picture_design: tuple[int, int] = (100, 48)
    picture_h = 0  # the picture's height for the layout being tried
    cards_wrap = True  # whether the layout being tried lets a card's labels wrap
    stage_scrolls = False  # the stage is known not to fit its room: lay it out to scroll
    stage_box: UIScrollingContainer | None = None  # the box the stage scrolls in, if it does

    def choose_layout(self, width: int, room: int, plan: Callable[[int], int]) -> int:
        """Lay the stage out (``plan``) the first way that keeps it in ``room``: every card
        in one row, a long label wrapping onto a second line in its button; then fewer cards
        a row, every label on one line; each first with full-size pictures, then smaller
        ones. When none fits, the last with full pictures (the stage then scrolls)."""
        px = self.ctx.px
        full, least = (px(h) for h in self.picture_design)
        for wrap in () if self.stage_scrolls else (True, False):
            self.cards_wrap = wrap
            self.picture_h = full
            height = self.replan(width, plan)
            if height > room:
                self.picture_h = max(least, full - (height - room))
                height = self.replan(width, plan)
            if height <= room:
                return height
        self.cards_wrap, self.picture_h = False, full
        return self.replan(width, plan)

    def replan(self, width: int, plan: Callable[[int], int]) -> int:
        self.stage_pictures = Pictures()
        self.stage_buttons = []
        return plan(width)

    def card_columns(
        self, width: int, count: int, labels: list[tuple[str, int | None, str | None]]
    ) -> int:
        """How many cards a row: all of them while each is wide enough for its labels (on
        two lines at most when the layout lets them wrap, else on one)."""
        px, gap = self.ctx.px, self.ctx.px(8)
        columns = max(1, count)
        while columns > 1:
            inner = min((width - gap * (columns - 1)) // columns, px(260)) - 2 * px(5)
            if all(self.label_lines(text, inner, key, style) <= (2 if self.cards_wrap else 1)
                   for text, key, style in labels):
                break
            columns -= 1
        return columns

    def lay_out_panels(
        self,
        panels: list[tuple[int, Callable[[int], int], Callable[[pygame.Rect, list[Action]], None]]],
        width: int,
        y: int,
        offered: list[Action],
    ) -> int:
        """Panels (the width they need, their height for a width, their builder) side by side
        as long as they fit, else on the next row; each row shares its width in proportion to
        the panels' needs, and is as tall as its tallest panel."""
        px = self.ctx.px
        gap = px(10)
        rows: list[list[tuple[int, Callable[[int], int], Callable[..., None]]]] = [[]]
        used = 0
        for panel in panels:
            need = min(panel[0], width)
            if rows[-1] and used + gap + need > width:
                rows.append([])
                used = 0
            rows[-1].append(panel)
            used += need + (gap if used else 0)
        for row in rows:
            needs = [min(need, width) for need, _, _ in row]
            spare = width - sum(needs) - gap * (len(row) - 1)
            widths = [need + spare * need // sum(needs) for need in needs]
            widths[-1] = width - sum(widths[:-1]) - gap * (len(row) - 1)
            height = max(h(w) for (_, h, _), w in zip(row, widths, strict=True))
            x = 0
            for (_, _, build), w in zip(row, widths, strict=True):
                build(pygame.Rect(x, y, w, height), offered)
                x += w + gap
            y += height + gap
        return y - gap


    def offered(self) -> list[Action]:
        return self.offered_actions()

    def slot_h(self, width: int, *labels: tuple[str, int | None, str | None]) -> int:
        """A place for one of several buttons (text, key, style) or the badge that replaces
        them (style ``BADGE``): as tall as the tallest needs ``width`` wide."""
        look = (self.ctx.size, self.ctx.settings.shown_text_size, width, labels)
        known = self._slot_heights.get(look)
        if known is not None:
            return known
        least = self.ctx.row_h(32)
        known = max(
            self.badge_h(text, width)
            if style == BADGE
            else layout.button_height(self.ctx, text, width, key, style, least=least)
            for text, key, style in labels
        )
        if len(self._slot_heights) > SLOTS_KEPT:
            self._slot_heights.clear()
        self._slot_heights[look] = known
        return known

    def badge_h(self, text: str, width: int) -> int:
        """How tall :meth:`badge` draws ``text`` ``width`` wide: a button's height, or two
        lines' when its words need them."""
        one = self.ctx.row_h(32)
        face = fonts.font(self.ctx.font_px(14))
        lines = len(layout.wrap_lines(face, text, art.badge_room(width, one)))
        return max(one, lines * face.get_height() + self.ctx.px(8))

    def label_lines(self, text: str, width: int, key: int | None, style: str | None) -> int:
        """The lines a button (or a badge) ``width`` wide shows ``text`` (and its key) in; a
        word wider than the button counts as too many."""
        if style == BADGE:
            face = fonts.font(self.ctx.font_px(14))
            room = art.badge_room(width, self.ctx.row_h(32))
            if any(text_size(face, word)[0] > room for word in text.split()):
                return 99
            return len(layout.wrap_lines(face, text, room))
        if layout.fits(self.ctx, text, width, key, style):
            return 1
        font = layout.theme_font(self.ctx, style=style)
        room = width - 2 * self.ctx.px(layout.PAD)
        if any(text_size(font, word)[0] > room for word in text.split()):
            return 99
        return len(layout.wrap_lines(font, layout.shown_label(text, key), room))

    def action_button(
        self,
        rect: pygame.Rect,
        text: str,
        action: Action,
        *,
        key: int | None = None,
        style: str | None = None,
    ) -> None:
        """A stage button applying exactly ``action``, its words whole (wrapped when the
        place is too narrow for them on one line)."""
        self.stage_buttons.append(StageButton(rect, text, action, key, style))

    def choice_button(
        self,
        rect: pygame.Rect,
        text: str,
        press: Callable[[], None],
        name: str,
        *,
        style: str | None = None,
    ) -> None:
        """A stage button that applies no action: it chooses what the stage shows."""
        self.stage_buttons.append(StageButton(rect, text, None, None, style, press, name))

    def badge(self, rect: pygame.Rect, text: str) -> None:
        """A finished step shown in place of its button (as tall as a one-line button, or
        as its place when its words need two lines)."""
        one = self.ctx.row_h(32)
        height = min(rect.height, self.badge_h(text, rect.width))
        self.stage_pictures.add(
            art.done_badge(text, rect.width, height, self.ctx.font_px(14), line_h=one),
            rect.topleft,
        )

    def text_at(
        self,
        text: str,
        at: tuple[int, int],
        width: int,
        points: int = 14,
        *,
        bold: bool = False,
        colour: palette.Colour = palette.INK,
        centre: bool = False,
    ) -> int:
        """Drawn text on one line no wider than ``width`` (a table cell); returns its height."""
        surface = fit_text(text, self.ctx.font_px(points), width, bold, colour=colour)
        x = at[0] + (width - surface.get_width()) // 2 if centre else at[0]
        self.stage_pictures.add(surface, (x, at[1]))
        return surface.get_height()

    def lines_at(
        self,
        text: str,
        at: tuple[int, int],
        width: int,
        points: int = 14,
        *,
        bold: bool = False,
        colour: palette.Colour = palette.INK,
        centre: bool = False,
    ) -> int:
        """Drawn text in as many lines as ``width`` needs; returns its height."""
        top = at[1]
        for line in self.wrap(text, width, points, bold):
            top += self.text_at(
                line, (at[0], top), width, points, bold=bold, colour=colour, centre=centre
            )
        return top - at[1]

    def wrap(self, text: str, width: int, points: int = 14, bold: bool = False) -> list[str]:
        face = fonts.font(self.ctx.font_px(points), bold)
        return layout.wrap_lines(face, text, width) or [""]

    def lines_h(self, text: str, width: int, points: int = 14, bold: bool = False) -> int:
        """How tall :meth:`lines_at` draws ``text``."""
        face = fonts.font(self.ctx.font_px(points), bold)
        return len(self.wrap(text, width, points, bold)) * face.get_linesize()

    def band_h(self, width: int) -> int:
        """A type's colour band ``width`` wide: its name on one line or two."""
        size = self.ctx.font_px(14)
        room = width - self.ctx.px(10)
        lines = max(
            len(balanced_lines(ballot_name(b.value, self.ctx.cat), size, room))
            for b in self.world.boxes
        )
        one = fonts.font(size, True).get_linesize()
        return max(self.ctx.px(34), lines * one + self.ctx.px(6))

    def type_band(self, rect: pygame.Rect, ballot: BallotType) -> None:
        """The ballot type's colour with its name on it (the name, so colour is not alone);
        a long name takes two lines rather than shrinking out of sight."""
        colour = palette.BALLOT_COLOURS.get(ballot.value, palette.PANEL_LINE)
        name = ballot_name(ballot.value, self.ctx.cat)
        band = colour_band(
            name, colour, rect.size, self.ctx.font_px(14), rect.width - self.ctx.px(10)
        )
        self.stage_pictures.add(band, rect.topleft)

    def heading_at(self, text: str, at: tuple[int, int], width: int) -> int:
        """The stage's title, drawn bold at the heading size; its height."""
        return self.lines_at(text, at, width, 19, bold=True)

    def panel_title(self, rect: pygame.Rect, key: str) -> int:
        """A panel with its title at the top; the height the title takes."""
        px = self.ctx.px
        self.stage_pictures.panels.append(rect)
        words = self.t(key)
        self.lines_at(words, (rect.left + px(12), rect.top + px(8)), rect.width - px(24), 17,
                      bold=True)
        return self.title_h(words, rect.width)

    def title_h(self, text: str, width: int) -> int:
        """A panel's title ``width`` wide with its margins."""
        px = self.ctx.px
        return px(8) + self.lines_h(text, width - px(24), 17, bold=True) + px(6)

    def bottom_slot(
        self, rect: pygame.Rect, from_bottom: int = 0, height: int | None = None
    ) -> pygame.Rect:
        px = self.ctx.px
        height = height if height is not None else self.ctx.row_h(34)
        top = rect.bottom - px(10) - height - from_bottom * (height + px(6))
        return pygame.Rect(rect.left + px(10), top, rect.width - px(20), height)

    # --- drawing ---------------------------------------------------------------------------

    def draw_stage(self, surface: pygame.Surface) -> None:
        radius = self.ctx.px(8)
        pygame.draw.rect(surface, palette.WALL, self.stage_rect(), border_radius=radius)
        box = self.stage_box
        if box is None or not box.alive():
            self.stage_pictures.draw(surface, radius)
        else:
            # where the box shows its content now, clipped to what it shows
            view = box.scrollable_container.rect
            clip = surface.get_clip()
            shown = box.rect.inflate(-box.scroll_bar_width, 0)
            shown.left = box.rect.left
            surface.set_clip(shown.clip(clip))
            try:
                self.stage_pictures.draw(surface, radius, view.topleft)
            finally:
                surface.set_clip(clip)
        self.pictures.draw(surface, radius)


@lru_cache(maxsize=64)
def colour_band(
    name: str, colour: palette.Colour, size: tuple[int, int], font_px: int, room: int
) -> pygame.Surface:
    """A ballot type's band: its colour, its name on it in one or two balanced lines. Drawn
    once per look (a stage laid out again at every build shows the same bands), only ever
    blitted."""
    width, height = size
    band = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(band, colour, band.get_rect(), border_radius=max(3, height // 5))
    ink = readable_on(colour)
    rendered = [
        fit_text(line, font_px, room, bold=True, colour=ink)
        for line in balanced_lines(name, font_px, room)
    ]
    top = (height - sum(r.get_height() for r in rendered)) // 2
    for line in rendered:
        band.blit(line, ((width - line.get_width()) // 2, top))
        top += line.get_height()
    return band


def balanced_lines(text: str, size: int, width: int, *, bold: bool = True) -> list[str]:
    """``text`` on one line if it fits at ``size``, else split in two at the space that
    balances the lines best."""
    face = fonts.font(size, bold)
    words = text.split()
    if text_size(face, text)[0] <= width or len(words) < 2:
        return [text]
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    return list(min(splits, key=lambda pair: max(text_size(face, part)[0] for part in pair)))
