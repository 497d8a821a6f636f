"""Penutupan: the KPPS table after 13:00.

Per ballot type, the stack of ballots left outside the boxes, to be counted (the unused and the
returned damaged ones, announced) and crossed out; the attendance lists to total (DPT, DPTb,
DPK by sex); the voters with disabilities who came; and the counting area to arrange. The side
panel keeps a checklist of what has been done. The scene shows state and offers what the
engine allows; the engine judges every choice, the arrangement of the counting area included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import pygame

from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.app.widgets import key_name
from simulator.art import fonts, palette
from simulator.art.canvas import readable_on
from simulator.art.fonts import fit_text
from simulator.art.things import draw_ballot_packet
from simulator.core.actions import Action
from simulator.core.phases import penutupan as closing
from simulator.core.phases.penutupan import (
    ArrangeCountingArea,
    CountDisabledVoters,
    CountUnused,
    CrossUnused,
    TotalAttendance,
)
from simulator.core.state import BallotStock
from simulator.presenter.labels import action_label, ballot_name
from simulator.scenes.phase import END_H, PhaseScene
from simulator.scenes.phases import penutupan_art as art
from simulator.schema.types import BallotType

LISTS = ("dpt", "dptb", "dpk")
NUMBER_KEYS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6)

Blit = tuple[pygame.Surface, tuple[int, int]]


# --- What the scene reads from the state (display only; nothing here judges) ----------------


# --- The side checklist, shared with the handover scene ---------------------------------------


@dataclass
class Pictures:
    """What a scene drew for its current state: blitted every frame, drawn once."""

    panels: list[pygame.Rect] = field(default_factory=list)
    blits: list[Blit] = field(default_factory=list)

    def add(self, surface: pygame.Surface, at: tuple[int, int]) -> None:
        self.blits.append((surface, at))

    def centred(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        self.blits.append((surface, surface.get_rect(center=rect.center).topleft))


class ChecklistPhaseScene(PhaseScene):
    """A phase whose every action sits on the stage: the side shows what has been done (a
    checklist) and, below it, any other allowed action, then the end-of-phase button."""

    def __init__(self, ctx: AppContext, session: PlaySession) -> None:
        super().__init__(ctx, session)
        self.pictures = Pictures()

    def t(self, key: str, **params: object) -> str:
        assert self.phase is not None
        return self.ctx.cat(f"scene.{self.phase.value}.{key}", **params)

    def checklist_items(self) -> list[tuple[bool, str]]:
        return []

    def build(self) -> None:
        self.pictures = Pictures()
        super().build()

    def build_side(self) -> None:
        px = self.ctx.px
        side = self.side_rect()
        self.ui.label(
            pygame.Rect(side.left, side.top, side.width, px(30)),
            self.t("checklist_title"),
            style="@heading",
        )
        items = self.checklist_items()
        row_h = px(36)
        box = pygame.Rect(side.left, side.top + px(36), side.width, row_h * len(items) + px(16))
        self.pictures.panels.append(box)
        self.pictures.add(
            art.checklist(items, box.width - px(28), row_h, self.ctx.font_px(15)),
            (box.left + px(14), box.top + px(8)),
        )
        end_h = px(END_H)
        actions = self.side_actions()
        if actions:
            top = box.bottom + px(12)
            self.ui.label(
                pygame.Rect(side.left, top, side.width, px(30)),
                self.t("others_title"),
                style="@heading",
            )
            list_rect = pygame.Rect(
                side.left, top + px(34), side.width, side.bottom - end_h - px(8) - top - px(34)
            )
            self.build_action_list(list_rect, [self.side_row(a) for a in actions])
        self.build_end_button(side)

    # --- helpers for stages -------------------------------------------------------------------

    def offered(self) -> list[Action]:
        return self.offered_actions()

    def action_button(
        self,
        rect: pygame.Rect,
        text: str,
        action: Action,
        *,
        key: int | None = None,
        style: str | None = None,
    ) -> None:
        """A stage button applying exactly ``action``; its text shortened with "…" only if
        it must be, measured with the button's own font (bold for ``@strong``, bigger with the
        player's text size) and leaving room for the theme's padding."""
        button = self.ui.button(
            rect,
            text,
            lambda: self.act(action),
            key=key,
            style=style,
            tooltip=action_label(action, self.world, self.ctx.cat),
            action=action,
        )
        suffix = f"  [{key_name(key)}]" if key is not None else ""
        room = rect.width - self.ctx.px(16 if style is None else 24)
        font = button.font
        if font.size(text + suffix)[0] <= room:
            return
        while text and font.size(text + "…" + suffix)[0] > room:
            text = text[:-1]
        button.set_text(text.rstrip() + "…" + suffix)

    def badge(self, rect: pygame.Rect, text: str) -> None:
        """A finished step shown in place of its button."""
        self.pictures.add(
            art.done_badge(text, rect.width, rect.height, self.ctx.font_px(14)), rect.topleft
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
        """Drawn text no wider than ``width``; returns its height."""
        surface = fit_text(text, self.ctx.font_px(points), width, bold, colour=colour)
        x = at[0] + (width - surface.get_width()) // 2 if centre else at[0]
        self.pictures.add(surface, (x, at[1]))
        return surface.get_height()

    def lines_at(
        self,
        text: str,
        at: tuple[int, int],
        width: int,
        points: int = 14,
        *,
        colour: palette.Colour = palette.INK,
    ) -> None:
        """Drawn text on one line, or two when it does not fit on one."""
        size = self.ctx.font_px(points)
        top = at[1]
        for line in _lines(text, size, width, bold=False):
            top += self.text_at(line, (at[0], top), width, points, colour=colour)

    def type_band(self, rect: pygame.Rect, ballot: BallotType) -> None:
        """The ballot type's colour with its name on it (the name, so colour is not alone);
        a long name takes two lines rather than shrinking out of sight."""
        colour = palette.BALLOT_COLOURS.get(ballot.value, palette.PANEL_LINE)
        band = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(band, colour, band.get_rect(), border_radius=max(3, rect.height // 5))
        name = ballot_name(ballot.value, self.ctx.cat)
        room = rect.width - self.ctx.px(10)
        ink = readable_on(colour)
        lines = _lines(name, self.ctx.font_px(14), room)
        size = self.ctx.font_px(14 if len(lines) == 1 else 12)
        rendered = [fit_text(line, size, room, bold=True, colour=ink) for line in lines]
        height = sum(r.get_height() for r in rendered)
        top = (rect.height - height) // 2
        for line in rendered:
            band.blit(line, ((rect.width - line.get_width()) // 2, top))
            top += line.get_height()
        self.pictures.add(band, rect.topleft)

    def panel_title(self, rect: pygame.Rect, key: str) -> None:
        px = self.ctx.px
        self.pictures.panels.append(rect)
        self.text_at(
            self.t(key), (rect.left + px(12), rect.top + px(8)), rect.width - px(24), 17, bold=True
        )

    def bottom_slot(self, rect: pygame.Rect, from_bottom: int = 0) -> pygame.Rect:
        px = self.ctx.px
        height = px(34)
        top = rect.bottom - px(10) - height - from_bottom * (height + px(6))
        return pygame.Rect(rect.left + px(10), top, rect.width - px(20), height)

    # --- drawing ---------------------------------------------------------------------------

    def draw_stage(self, surface: pygame.Surface) -> None:
        radius = self.ctx.px(8)
        pygame.draw.rect(surface, palette.WALL, self.stage_rect(), border_radius=radius)
        for rect in self.pictures.panels:
            pygame.draw.rect(surface, palette.PANEL, rect, border_radius=radius)
            pygame.draw.rect(surface, palette.PANEL_LINE, rect, width=1, border_radius=radius)
        surface.blits(self.pictures.blits, doreturn=False)


# --- The closing scene ---------------------------------------------------------------------------


class PenutupanScene(ChecklistPhaseScene):
    stage_kinds = frozenset(
        {"count_unused", "cross_unused", "total_attendance", "count_disabled", "arrange_counting"}
    )
    shot_steps = 3  # one type counted and crossed out, the next counted

    def checklist_items(self) -> list[tuple[bool, str]]:
        world = self.world
        stocks = list(world.stocks.values())
        counted = sum(s.unused_counted for s in stocks)
        crossed = sum(s.unused_crossed for s in stocks)
        area = world.closing.counting_area_public
        area_text = {None: "check.area", True: "check.area_public", False: "check.area_closed"}
        return [
            (counted == len(stocks), self.t("check.counted", done=counted, total=len(stocks))),
            (crossed == len(stocks), self.t("check.crossed", done=crossed, total=len(stocks))),
            (world.closing.attendance_totalled, self.t("check.attendance")),
            (world.closing.disabled_counted, self.t("check.disabled")),
            (area is not None, self.t(area_text[area])),
        ]

    # --- building --------------------------------------------------------------------------

    def build_stage(self) -> None:
        px = self.ctx.px
        inner = self.stage_inner()
        self.ui.label(
            pygame.Rect(inner.left, inner.top, inner.width, px(28)),
            self.t("stacks_title"),
            style="@heading",
        )
        offered = self.offered()
        columns = pygame.Rect(inner.left, inner.top + px(32), inner.width, px(268))
        self.build_stacks(columns, offered)
        lower = pygame.Rect(
            inner.left, columns.bottom + px(10), inner.width, inner.bottom - columns.bottom - px(10)
        )
        gap = px(10)
        widths = [round(lower.width * share) for share in (0.37, 0.25)]
        widths.append(lower.width - sum(widths) - 2 * gap)
        left = lower.left
        rects = []
        for width in widths:
            rects.append(pygame.Rect(left, lower.top, width, lower.height))
            left += width + gap
        self.build_attendance(rects[0], offered)
        self.build_disabled(rects[1], offered)
        self.build_area(rects[2], offered)

    # --- the leftover stacks -----------------------------------------------------------------

    def build_stacks(self, area: pygame.Rect, offered: list[Action]) -> None:
        px = self.ctx.px
        stocks = list(self.world.stocks.items())
        gap = px(8)
        count = max(1, len(stocks))
        width = min((area.width - gap * (count - 1)) // count, px(260))
        left = area.left + (area.width - (width * count + gap * (count - 1))) // 2
        for index, (ballot, stock) in enumerate(stocks):
            card = pygame.Rect(left + index * (width + gap), area.top, width, area.height)
            key = NUMBER_KEYS[index] if index < len(NUMBER_KEYS) else None
            self.build_stack(card, ballot, stock, offered, key)

    def build_stack(
        self,
        card: pygame.Rect,
        ballot: BallotType,
        stock: BallotStock,
        offered: list[Action],
        key: int | None,
    ) -> None:
        px = self.ctx.px
        self.pictures.panels.append(card)
        pad = px(5)
        inner_w = card.width - 2 * pad
        self.type_band(pygame.Rect(card.left + pad, card.top + pad, inner_w, px(34)), ballot)
        picture = pygame.Rect(card.left + pad, card.top + px(44), inner_w, px(102))
        label = (
            self.t("packet_count", count=stock.remaining)
            if stock.unused_counted
            else self.t("unknown")
        )
        size = (min(inner_w, px(136)), picture.height)
        self.pictures.centred(_packet(ballot.value, label, size), picture)
        if stock.unused_crossed:
            self.crossed_over(picture.inflate(-(inner_w - size[0]), 0))
        top = card.top + px(150)
        if stock.unused_counted:
            self.text_at(self.t("unused", count=stock.remaining), (card.left + pad, top), inner_w)
            self.text_at(
                self.t("returned", count=stock.returned),
                (card.left + pad, top + px(20)),
                inner_w,
                colour=palette.MUTED,
            )
        else:
            self.text_at(
                self.t("not_counted"), (card.left + pad, top), inner_w, colour=palette.MUTED
            )
        count_slot = pygame.Rect(card.left + pad, card.top + px(194), inner_w, px(32))
        cross_slot = count_slot.move(0, px(37))
        count = CountUnused(ballot=ballot)
        if any(a == count for a in offered):
            self.action_button(count_slot, self.t("count"), count, key=key)
        elif stock.unused_counted:
            self.badge(count_slot, self.t("counted"))
        cross = CrossUnused(ballot=ballot)
        if any(a == cross for a in offered):
            self.action_button(cross_slot, self.t("cross"), cross)
        elif stock.unused_crossed:
            self.badge(cross_slot, self.t("crossed_done"))

    def crossed_over(self, rect: pygame.Rect) -> None:
        """The pen cross over a crossed-out stack, and the word on a white tag."""
        self.pictures.add(art.cross_mark(rect.size), rect.topleft)
        px = self.ctx.px
        words = fit_text(
            self.t("crossed_mark"),
            self.ctx.font_px(13),
            rect.width - px(8),
            True,
            colour=palette.INK,
        )
        tag = pygame.Rect(0, 0, words.get_width() + px(10), words.get_height() + px(4))
        tag.center = rect.center
        surface = pygame.Surface(tag.size, pygame.SRCALPHA)
        pygame.draw.rect(surface, palette.PANEL, surface.get_rect(), border_radius=px(4))
        pygame.draw.rect(surface, palette.INK, surface.get_rect(), width=2, border_radius=px(4))
        surface.blit(words, (px(5), px(2)))
        self.pictures.add(surface, tag.topleft)

    # --- attendance, disabled voters, the counting area ------------------------------------------

    def build_attendance(self, rect: pygame.Rect, offered: list[Action]) -> None:
        px, cat = self.ctx.px, self.ctx.cat
        self.panel_title(rect, "attendance_title")
        body = pygame.Rect(rect.left + px(12), rect.top + px(40), rect.width - px(24), px(150))
        names = [cat(f"list.{name}") for name in LISTS]
        if self.world.closing.attendance_totalled:
            self.attendance_table(body, names)
        else:
            sheets = art.attendance_sheets(names, (body.width, px(118)), self.ctx.font_px(14))
            self.pictures.add(sheets, body.topleft)
            self.text_at(
                self.t("attendance_hidden"),
                (body.left, body.top + px(124)),
                body.width,
                colour=palette.MUTED,
                centre=True,
            )
        action = TotalAttendance()
        if self.world.closing.attendance_totalled:
            self.badge(self.bottom_slot(rect), self.t("attendance_done"))
        elif any(a == action for a in offered):
            self.action_button(
                self.bottom_slot(rect), self.t("attendance_button"), action, key=pygame.K_a
            )

    def attendance_table(self, body: pygame.Rect, names: list[str]) -> None:
        px = self.ctx.px
        totals = closing.attendance(self.world)
        rows = [[self.t("list"), self.t("men"), self.t("women"), self.t("total")]]
        for name, label in zip(LISTS, names, strict=True):
            men, women = totals[name].men, totals[name].women
            rows.append([label, str(men), str(women), str(men + women)])
        men = sum(count.men for count in totals.values())
        women = sum(count.women for count in totals.values())
        rows.append([self.t("all_lists"), str(men), str(women), str(men + women)])
        shares = (0.3, 0.22, 0.22, 0.26)
        row_h = px(28)
        for index, row in enumerate(rows):
            top = body.top + index * row_h
            strong = index in (0, len(rows) - 1)
            if index == len(rows) - 1:
                self.pictures.blits.append((_fill((body.width, 2), palette.INK), (body.left, top)))
            elif index % 2 == 1:
                self.pictures.blits.append(
                    (_fill((body.width, row_h), palette.PAPER), (body.left, top))
                )
            left = body.left
            for column, (cell, share) in enumerate(zip(row, shares, strict=True)):
                width = round(body.width * share)
                self.text_at(
                    cell,
                    (left + px(4), top + px(4)),
                    width - px(8),
                    15,
                    bold=strong,
                    centre=column > 0,
                    colour=palette.MUTED if index == 0 else palette.INK,
                )
                left += width

    def build_disabled(self, rect: pygame.Rect, offered: list[Action]) -> None:
        px = self.ctx.px
        self.panel_title(rect, "disabled_title")
        symbol = art.wheelchair_symbol(px(64))
        self.pictures.add(symbol, (rect.centerx - symbol.get_width() // 2, rect.top + px(42)))
        text_top = rect.top + px(114)
        width = rect.width - px(24)
        if self.world.closing.disabled_counted:
            present = closing.disabled_attended(self.world)
            men, women = present.men, present.women
            self.text_at(
                self.t("disabled_result", total=present.total),
                (rect.left + px(12), text_top),
                width,
                17,
                bold=True,
                centre=True,
            )
            self.text_at(
                self.t("disabled_split", men=men, women=women),
                (rect.left + px(12), text_top + px(26)),
                width,
                colour=palette.MUTED,
                centre=True,
            )
        else:
            self.text_at(
                self.t("disabled_hidden"),
                (rect.left + px(12), text_top),
                width,
                colour=palette.MUTED,
                centre=True,
            )
        action = CountDisabledVoters()
        if self.world.closing.disabled_counted:
            self.badge(self.bottom_slot(rect), self.t("disabled_done"))
        elif any(a == action for a in offered):
            self.action_button(
                self.bottom_slot(rect), self.t("disabled_button"), action, key=pygame.K_d
            )

    def build_area(self, rect: pygame.Rect, offered: list[Action]) -> None:
        px = self.ctx.px
        self.panel_title(rect, "area_title")
        public = self.world.closing.counting_area_public
        picture = pygame.Rect(rect.left + px(12), rect.top + px(40), rect.width - px(24), px(78))
        width = rect.width - px(24)
        status_top = picture.bottom + px(6)
        if public is None:
            self.text_at(
                self.t("area_none"),
                (picture.left, picture.centery - px(10)),
                width,
                colour=palette.MUTED,
                centre=True,
            )
        else:
            self.pictures.centred(art.counting_area(public, picture.size), picture)
            key = "area_now_public" if public else "area_now_closed"
            self.text_at(self.t(key), (picture.left, status_top), width, bold=True, centre=True)
        choices = [(True, "area_public"), (False, "area_closed")]
        for slot, (value, key) in enumerate(choices):
            action = ArrangeCountingArea(public=value)
            if any(a == action for a in offered):
                self.action_button(self.bottom_slot(rect, 1 - slot), self.t(key), action)


@lru_cache(maxsize=64)
def _packet(ballot: str, label: str, size: tuple[int, int]) -> pygame.Surface:
    """A packet drawn once per look: a rebuild after each action redraws none that did not
    change (the surfaces are only ever blitted)."""
    return draw_ballot_packet(ballot, label, size)


def _lines(text: str, size: int, width: int, *, bold: bool = True) -> list[str]:
    """``text`` on one line if it fits at ``size``, else split in two at the space that
    balances the lines best."""
    face = fonts.font(size, bold)
    words = text.split()
    if face.size(text)[0] <= width or len(words) < 2:
        return [text]
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    return list(min(splits, key=lambda pair: max(face.size(part)[0] for part in pair)))


def _fill(size: tuple[int, int], colour: palette.Colour) -> pygame.Surface:
    surface = pygame.Surface(size)
    surface.fill(colour)
    return surface


SCENE = PenutupanScene
