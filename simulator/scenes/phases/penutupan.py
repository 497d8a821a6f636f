"""Penutupan: the KPPS table after 13:00.

Per ballot type, the stack of ballots left outside the boxes, to be counted (the unused and the
returned damaged ones, announced) and crossed out; the attendance lists to total (DPT, DPTb,
DPK by sex); the voters with disabilities who came; and the counting area to arrange. The side
panel keeps a checklist of what has been done. The scene shows state and offers what the
engine allows; the engine judges every choice, the arrangement of the counting area included.
"""

from __future__ import annotations

from functools import lru_cache

import pygame

from simulator.app import layout
from simulator.art import fonts, palette
from simulator.art.fonts import fit_text, text_size
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
from simulator.scenes.phases import penutupan_art as art
from simulator.scenes.phases.checklist import BADGE, ChecklistPhaseScene
from simulator.schema.types import BallotType

LISTS = ("dpt", "dptb", "dpk")
NUMBER_KEYS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6)


# --- The closing scene ---------------------------------------------------------------------------


class PenutupanScene(ChecklistPhaseScene):
    stage_kinds = frozenset(
        {"count_unused", "cross_unused", "total_attendance", "count_disabled", "arrange_counting"}
    )
    shot_steps = 3  # one type counted and crossed out, the next counted
    picture_design = (102, 44)  # a leftover stack's picture

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

    # --- laying out ---------------------------------------------------------------------------

    def lay_out_stage(self, width: int, room: int) -> int:
        """The leftover stacks, then the attendance lists, the voters with disabilities and
        the counting area, laid out the first way that keeps them in ``room`` (see
        :meth:`choose_layout`)."""
        return self.choose_layout(width, room, self.plan_closing)

    def plan_closing(self, width: int) -> int:
        px = self.ctx.px
        offered = self.offered()
        y = self.heading_at(self.t("stacks_title"), (0, 0), width) + px(4)
        y = self.lay_out_stacks(width, y, offered) + px(10)
        panels = [
            (self.attendance_need(), self.attendance_h, self.build_attendance),
            (self.disabled_need(), self.disabled_h, self.build_disabled),
            (self.area_need(), self.area_h, self.build_area),
        ]
        return self.lay_out_panels(panels, width, y, offered)

    # --- the leftover stacks -----------------------------------------------------------------

    def stack_slots(self, key: int | None) -> list[list[tuple[str, int | None, str | None]]]:
        """What each place for a button on a stack's card can show: count (with its key) or
        "counted", cross out or "crossed out"."""
        return [
            [(self.t("count"), key, None), (self.t("counted"), None, BADGE)],
            [(self.t("cross"), None, None), (self.t("crossed_done"), None, BADGE)],
        ]

    def lay_out_stacks(self, width: int, top: int, offered: list[Action]) -> int:
        """One card per type, as many a row as their buttons' words allow; returns the
        bottom of the last row."""
        px = self.ctx.px
        stocks = list(self.world.stocks.items())
        gap = px(8)
        count = max(1, len(stocks))
        labels = [label for slot in self.stack_slots(NUMBER_KEYS[0]) for label in slot]
        columns = self.card_columns(width, count, labels)
        card_w = min((width - gap * (columns - 1)) // columns, px(260))
        card_h = self.stack_h(card_w)
        rows = -(-count // columns)
        for index, (ballot, stock) in enumerate(stocks):
            row, column = divmod(index, columns)
            in_row = min(columns, count - row * columns)
            left = (width - (card_w * in_row + gap * (in_row - 1))) // 2
            card = pygame.Rect(
                left + column * (card_w + gap), top + row * (card_h + gap), card_w, card_h
            )
            key = NUMBER_KEYS[index] if index < len(NUMBER_KEYS) else None
            self.build_stack(card, ballot, stock, offered, key)
        return top + rows * (card_h + gap) - gap

    def stack_parts(self, card_w: int) -> tuple[int, int, int, list[int]]:
        """Heights in a card ``card_w`` wide: the type band, the picture, the words under the
        picture (room for the longer of "counted" and "not counted"), each button's place."""
        px = self.ctx.px
        inner_w = card_w - 2 * px(5)
        band = self.band_h(inner_w)
        counted = self.lines_h(self.t("unused", count=888), inner_w) + self.lines_h(
            self.t("returned", count=88), inner_w
        )
        words = max(counted, self.lines_h(self.t("not_counted"), inner_w))
        slots = [self.slot_h(inner_w, *labels) for labels in self.stack_slots(NUMBER_KEYS[0])]
        return band, self.picture_h, words, slots

    def stack_h(self, card_w: int) -> int:
        px = self.ctx.px
        band, picture, words, slots = self.stack_parts(card_w)
        return px(5) + band + px(6) + picture + px(4) + words + px(6) + sum(slots) + px(15)

    def build_stack(
        self,
        card: pygame.Rect,
        ballot: BallotType,
        stock: BallotStock,
        offered: list[Action],
        key: int | None,
    ) -> None:
        px = self.ctx.px
        self.stage_pictures.panels.append(card)
        pad = px(5)
        inner_w = card.width - 2 * pad
        band_h, picture_h, _, (count_h, cross_h) = self.stack_parts(card.width)
        self.type_band(pygame.Rect(card.left + pad, card.top + pad, inner_w, band_h), ballot)
        picture = pygame.Rect(card.left + pad, card.top + pad + band_h + px(6), inner_w, picture_h)
        label = (
            self.t("packet_count", count=stock.remaining)
            if stock.unused_counted
            else self.t("unknown")
        )
        size = (min(inner_w, px(136)), picture.height)
        self.stage_pictures.centred(_packet(ballot.value, label, size), picture)
        if stock.unused_crossed:
            self.crossed_over(picture.inflate(-(inner_w - size[0]), 0))
        top = picture.bottom + px(4)
        left = card.left + pad
        if stock.unused_counted:
            top += self.lines_at(self.t("unused", count=stock.remaining), (left, top), inner_w)
            self.lines_at(
                self.t("returned", count=stock.returned), (left, top), inner_w,
                colour=palette.MUTED,
            )
        else:
            self.lines_at(self.t("not_counted"), (left, top), inner_w, colour=palette.MUTED)
        cross_slot = pygame.Rect(left, card.bottom - pad - cross_h, inner_w, cross_h)
        count_slot = pygame.Rect(left, cross_slot.top - px(5) - count_h, inner_w, count_h)
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
        self.stage_pictures.add(art.cross_mark(rect.size), rect.topleft)
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
        self.stage_pictures.add(surface, tag.topleft)

    # --- attendance, disabled voters, the counting area ------------------------------------------

    def attendance_rows(self) -> list[list[str]]:
        cat = self.ctx.cat
        totals = closing.attendance(self.world)
        rows = [[self.t("list"), self.t("men"), self.t("women"), self.t("total")]]
        for name in LISTS:
            men, women = totals[name].men, totals[name].women
            rows.append([cat(f"list.{name}"), str(men), str(women), str(men + women)])
        men = sum(count.men for count in totals.values())
        women = sum(count.women for count in totals.values())
        rows.append([self.t("all_lists"), str(men), str(women), str(men + women)])
        return rows

    def table_columns(self) -> list[int]:
        """Each column of the attendance table as wide as its widest cell."""
        face = fonts.font(self.ctx.font_px(15), True)
        rows = self.attendance_rows()
        return [
            max(text_size(face, row[column])[0] for row in rows) + self.ctx.px(14)
            for column in range(len(rows[0]))
        ]

    def attendance_need(self) -> int:
        px = self.ctx.px
        return max(
            px(260),
            sum(self.table_columns()) + px(24),
            layout.button_width(self.ctx, self.t("attendance_button"), pygame.K_a) + px(20),
        )

    def table_row_h(self) -> int:
        return max(self.ctx.px(28), fonts.font(self.ctx.font_px(15), True).get_linesize() + 4)

    def attendance_h(self, width: int) -> int:
        px = self.ctx.px
        table = len(self.attendance_rows()) * self.table_row_h()
        sheets = px(118) + px(6) + self.lines_h(self.t("attendance_hidden"), width - px(24))
        slot = self.slot_h(width - px(20), (self.t("attendance_button"), pygame.K_a, None))
        title = self.title_h(self.t("attendance_title"), width)
        return title + max(table, sheets) + px(10) + slot + px(10)

    def build_attendance(self, rect: pygame.Rect, offered: list[Action]) -> None:
        px, cat = self.ctx.px, self.ctx.cat
        title = self.panel_title(rect, "attendance_title")
        slot_h = self.slot_h(rect.width - px(20), (self.t("attendance_button"), pygame.K_a, None))
        slot = self.bottom_slot(rect, height=slot_h)
        body = pygame.Rect(
            rect.left + px(12), rect.top + title, rect.width - px(24), slot.top - rect.top - title
        )
        names = [cat(f"list.{name}") for name in LISTS]
        if self.world.closing.attendance_totalled:
            self.attendance_table(body)
        else:
            sheets = art.attendance_sheets(names, (body.width, px(118)), self.ctx.font_px(14))
            self.stage_pictures.add(sheets, body.topleft)
            self.lines_at(
                self.t("attendance_hidden"),
                (body.left, body.top + px(124)),
                body.width,
                colour=palette.MUTED,
                centre=True,
            )
        action = TotalAttendance()
        if self.world.closing.attendance_totalled:
            self.badge(slot, self.t("attendance_done"))
        elif any(a == action for a in offered):
            self.action_button(slot, self.t("attendance_button"), action, key=pygame.K_a)

    def attendance_table(self, body: pygame.Rect) -> None:
        px = self.ctx.px
        rows = self.attendance_rows()
        needs = self.table_columns()
        spare = max(0, body.width - sum(needs))
        widths = [need + spare * need // sum(needs) for need in needs]
        row_h = self.table_row_h()
        for index, row in enumerate(rows):
            top = body.top + index * row_h
            strong = index in (0, len(rows) - 1)
            if index == len(rows) - 1:
                self.stage_pictures.add(_fill((body.width, 2), palette.INK), (body.left, top))
            elif index % 2 == 1:
                self.stage_pictures.add(_fill((body.width, row_h), palette.PAPER), (body.left, top))
            left = body.left
            for column, (cell, width) in enumerate(zip(row, widths, strict=True)):
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

    def disabled_need(self) -> int:
        px = self.ctx.px
        return max(
            px(180), layout.button_width(self.ctx, self.t("disabled_button"), pygame.K_d) + px(20)
        )

    def disabled_words_h(self, width: int) -> int:
        counted = self.lines_h(self.t("disabled_result", total=88), width, 17, bold=True)
        counted += self.lines_h(self.t("disabled_split", men=88, women=88), width)
        return max(counted, self.lines_h(self.t("disabled_hidden"), width))

    def disabled_h(self, width: int) -> int:
        px = self.ctx.px
        slot = self.slot_h(width - px(20), (self.t("disabled_button"), pygame.K_d, None))
        title = self.title_h(self.t("disabled_title"), width)
        words = self.disabled_words_h(width - px(24))
        return title + px(64) + px(8) + words + px(10) + slot + px(10)

    def build_disabled(self, rect: pygame.Rect, offered: list[Action]) -> None:
        px = self.ctx.px
        title = self.panel_title(rect, "disabled_title")
        symbol = art.wheelchair_symbol(px(64))
        self.stage_pictures.add(
            symbol, (rect.centerx - symbol.get_width() // 2, rect.top + title)
        )
        text_top = rect.top + title + px(64) + px(8)
        width = rect.width - px(24)
        left = rect.left + px(12)
        if self.world.closing.disabled_counted:
            present = closing.disabled_attended(self.world)
            text_top += self.lines_at(
                self.t("disabled_result", total=present.total),
                (left, text_top),
                width,
                17,
                bold=True,
                centre=True,
            )
            self.lines_at(
                self.t("disabled_split", men=present.men, women=present.women),
                (left, text_top),
                width,
                colour=palette.MUTED,
                centre=True,
            )
        else:
            self.lines_at(
                self.t("disabled_hidden"), (left, text_top), width, colour=palette.MUTED,
                centre=True,
            )
        slot_h = self.slot_h(rect.width - px(20), (self.t("disabled_button"), pygame.K_d, None))
        slot = self.bottom_slot(rect, height=slot_h)
        action = CountDisabledVoters()
        if self.world.closing.disabled_counted:
            self.badge(slot, self.t("disabled_done"))
        elif any(a == action for a in offered):
            self.action_button(slot, self.t("disabled_button"), action, key=pygame.K_d)

    def area_choices(self) -> list[tuple[bool, str]]:
        return [(True, "area_public"), (False, "area_closed")]

    def area_need(self) -> int:
        px = self.ctx.px
        widest = max(layout.button_width(self.ctx, self.t(k)) for _, k in self.area_choices())
        return max(px(220), widest + px(20))

    def area_slot_h(self, width: int) -> int:
        return self.slot_h(width - self.ctx.px(20), *((self.t(k), None, None)
                                                     for _, k in self.area_choices()))

    def area_h(self, width: int) -> int:
        px = self.ctx.px
        title = self.title_h(self.t("area_title"), width)
        words = max(
            self.lines_h(self.t(key), width - px(24), bold=True)
            for key in ("area_now_public", "area_now_closed", "area_none")
        )
        slots = 2 * self.area_slot_h(width) + px(6)
        return title + px(78) + px(6) + words + px(10) + slots + px(10)

    def build_area(self, rect: pygame.Rect, offered: list[Action]) -> None:
        px = self.ctx.px
        title = self.panel_title(rect, "area_title")
        public = self.world.closing.counting_area_public
        picture = pygame.Rect(
            rect.left + px(12), rect.top + title, rect.width - px(24), px(78)
        )
        width = rect.width - px(24)
        status_top = picture.bottom + px(6)
        if public is None:
            self.lines_at(
                self.t("area_none"),
                (picture.left, picture.centery - px(10)),
                width,
                colour=palette.MUTED,
                centre=True,
            )
        else:
            self.stage_pictures.centred(art.counting_area(public, picture.size), picture)
            key = "area_now_public" if public else "area_now_closed"
            self.lines_at(self.t(key), (picture.left, status_top), width, bold=True, centre=True)
        slot_h = self.area_slot_h(rect.width)
        for slot, (value, key) in enumerate(self.area_choices()):
            action = ArrangeCountingArea(public=value)
            if any(a == action for a in offered):
                self.action_button(
                    self.bottom_slot(rect, 1 - slot, height=slot_h), self.t(key), action
                )


@lru_cache(maxsize=64)
def _packet(ballot: str, label: str, size: tuple[int, int]) -> pygame.Surface:
    """A packet drawn once per look: a rebuild after each action redraws none that did not
    change (the surfaces are only ever blitted)."""
    return draw_ballot_packet(ballot, label, size)


def _fill(size: tuple[int, int], colour: palette.Colour) -> pygame.Surface:
    surface = pygame.Surface(size)
    surface.fill(colour)
    return surface


SCENE = PenutupanScene
