"""The voter desk's back row: the queue waiting (a priority voter marked by a badge and in
words) and the running clock with its buttons."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.widgets import Widgets
from simulator.art import palette
from simulator.core.actions import Action, AdvanceClock
from simulator.core.desk import is_priority
from simulator.core.phases import continued_vote
from simulator.core.phases.pemungutan import CallVoter
from simulator.core.state import World
from simulator.scenes.guide import Guide
from simulator.scenes.phases import pemungutan_art as art
from simulator.scenes.phases.pemungutan_units import BAND_H, FAST, ROW, TAG_H, Blit, P
from simulator.schema.clock import to_minutes

# The queue's title names the places of at most this many priority voters.
PRIORITY_PLACES_SHOWN = 6


class DeskBand:
    """Builds the queue and the clock panel (a part of :class:`PemungutanScene`)."""

    ctx: AppContext
    ui: Widgets
    art: art.DeskArt
    blits: list[Blit]
    world: World
    allowed: dict[str, Action]
    paused: bool
    fast: bool
    reading: bool
    guide: Guide

    # --- sizes at the player's text size ---------------------------------------------------

    def band_button_h(self) -> int:
        return self.ctx.row_h(26)

    def queue_title_h(self) -> int:
        return max(self.ctx.px(22), self.ctx.font_px(15) * 4 // 3 + self.ctx.px(2))

    def tag_h(self) -> int:
        return max(self.ctx.px(TAG_H), self.ctx.font_px(12) * 4 // 3)

    def clock_words(self) -> list[str]:
        """Every label the clock's buttons can show, with their keys."""
        cat = self.ctx.cat
        return [
            layout.shown_label(cat(f"{P}.clock.{name}"), key)
            for name, key in (
                ("pause", pygame.K_j),
                ("resume", pygame.K_j),
                ("read_done", pygame.K_j),
                ("fast", pygame.K_v),
                ("normal", pygame.K_v),
            )
        ]

    def clock_panel_w(self) -> int:
        """The clock's panel: the design's width, or what its words need (two buttons side
        by side, the "wait until" one across)."""
        px = self.ctx.px
        pair = 2 * max(layout.button_width(self.ctx, w) for w in self.clock_words()) + px(6)
        wait = layout.shown_label(self.ctx.cat(f"{P}.clock.wait", time="00:00"), pygame.K_w)
        inner = max(pair, layout.button_width(self.ctx, wait))
        return max(px(252), inner + px(12))

    def clock_state_h(self) -> int:
        """Two lines of the clock's state ("the clock waits while you read …")."""
        size = self.ctx.font_px(13)
        return 2 * (size * 4 // 3)

    def band_height(self) -> int:
        """The queue and the clock: the design's height, or what their words need."""
        px = self.ctx.px
        row = self.ctx.row_h(ROW)
        clock = px(6) + 2 * row + px(6) + px(4) + self.clock_state_h() + px(6)
        figure = px(54)
        queue = px(6) + self.queue_title_h() + figure + self.tag_h() + px(2) + self.band_button_h()
        return max(px(BAND_H), clock, queue + px(4))

    # --- building -----------------------------------------------------------------------------

    def build_band(self) -> None:
        px = self.ctx.px
        band = self.band_rect()
        clock_w = self.clock_panel_w()
        floor = pygame.Rect(band.left, band.top, band.width - clock_w - px(16), band.height)
        panel = pygame.Rect(
            floor.right + px(8), band.top, band.right - floor.right - px(8), band.height
        )
        self.blits.append(
            (self.art.scenery("queue", floor.size, art.draw_queue_floor), floor.topleft)
        )
        self.blits.append((self.art.scenery("panel", panel.size, art.draw_panel), panel.topleft))
        title = self.queue_title(self.world.queue)
        self.blits.append(
            (
                self.art.text(title, self.ctx.font_px(15), floor.width - px(24), bold=True),
                (floor.left + px(12), floor.top + px(6)),
            )
        )
        top = floor.top + px(6) + self.queue_title_h()
        self.build_queue(
            pygame.Rect(floor.left + px(8), top, floor.width - px(16), floor.bottom - top)
        )
        self.build_clock(panel.inflate(-px(12), -px(12)))

    def queue_title(self, queue: Sequence[str]) -> str:
        """How many wait, in words, and where the priority voters stand (HANDBOOK §5.7)."""
        cat = self.ctx.cat
        count = len(queue)
        if count == 0:
            return f"{cat(f'{P}.queue.title')}: {cat(f'{P}.queue.none')}"
        words = art.number_words(count, cat)
        text = cat(f"{P}.queue.count_one" if count == 1 else f"{P}.queue.count_many", count=words)
        voters = self.world.voters
        places = [str(i + 1) for i, v in enumerate(queue) if is_priority(voters[v].voter)]
        if len(places) > PRIORITY_PLACES_SHOWN:
            # A full-size morning queue holds a score of priority voters: their places would
            # shrink the title past reading. The first few tell whom to call next; the whole
            # queue [Q] marks every one.
            shown = ", ".join(places[:PRIORITY_PLACES_SHOWN])
            more = len(places) - PRIORITY_PLACES_SHOWN
            text += " · " + cat(f"{P}.queue.priority_title_more", numbers=shown, more=more)
        elif places:
            text += " · " + cat(f"{P}.queue.priority_title", numbers=", ".join(places))
        return f"{cat(f'{P}.queue.title')}: {text}"

    def build_queue(self, area: pygame.Rect) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        queue = self.world.queue
        slot = px(58)
        fig = (px(48), px(54))
        more_label = layout.shown_label(cat(f"{P}.queue.more", count=len(queue)), pygame.K_q)
        more_w = max(px(96), layout.button_width(self.ctx, more_label) + px(6))
        fits_all = len(queue) * slot <= area.width
        shown = queue if fits_all else queue[: max(0, (area.width - more_w) // slot)]
        tag_h = self.tag_h()
        button_h = self.band_button_h()
        button_top = area.top + fig[1] + tag_h + px(2)
        for index, voter_id in enumerate(shown):
            voter = self.world.voters[voter_id].voter
            x = area.left + index * slot
            self.blits.append((self.art.figure(voter, fig), (x + (slot - fig[0]) // 2, area.top)))
            if is_priority(voter):
                self.build_priority_tag(pygame.Rect(x, area.top, slot, fig[1] + tag_h))
            looks = ", ".join(art.looks(voter, cat))
            self.offer(
                pygame.Rect(x + px(3), button_top, slot - px(6), button_h),
                str(index + 1),
                CallVoter(voter=voter_id),
                tooltip=f"{cat(f'{P}.queue.call', number=index + 1)}: {looks}",
                centred=True,
            )
        rest = len(queue) - len(shown)
        if rest > 0:
            x = area.left + len(shown) * slot
            small = (px(34), px(40))
            for k, voter_id in enumerate(queue[len(shown) : len(shown) + 4]):
                voter = self.world.voters[voter_id].voter
                spot = (x + px(6) + k * px(16), area.top + fig[1] - small[1])
                self.blits.append((self.art.figure(voter, small), spot))
            more = self.ui.button(
                pygame.Rect(x + px(3), button_top, more_w - px(6), button_h),
                cat(f"{P}.queue.more", count=rest),
                self.open_queue_picker,
                tooltip=cat(f"{P}.queue.more_hint"),
                key=pygame.K_q,
            )
            self.fit_button(more)

    def build_priority_tag(self, slot: pygame.Rect) -> None:
        """A priority voter in the queue: a star badge on the figure's shoulder and the word
        under it, so neither colour nor a tooltip alone carries it."""
        px = self.ctx.px
        size = px(18)
        badge = self.art.scenery("priority", (size, size), art.draw_priority_badge)
        self.blits.append((badge, (slot.right - size - px(2), slot.top + px(2))))
        word = self.art.text(
            self.ctx.cat(f"{P}.queue.priority"),
            self.ctx.font_px(12),
            slot.width - px(2),
            bold=True,
            colour=palette.INK,
        )
        spot = word.get_rect(centerx=slot.centerx, bottom=slot.bottom)
        self.blits.append((word, spot.topleft))

    def build_clock(self, area: pygame.Rect) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        half = (area.width - px(6)) // 2
        row = self.ctx.row_h(ROW)
        if self.reading:
            first = f"{P}.clock.read_done"
        else:
            first = f"{P}.clock.resume" if self.paused else f"{P}.clock.pause"
        self.fit_button(
            self.ui.button(
                pygame.Rect(area.left, area.top, half, row),
                cat(first),
                self.toggle_pause,
                key=pygame.K_j,
                style="@strong" if self.reading else None,
            )
        )
        self.ui.button(
            pygame.Rect(area.left + half + px(6), area.top, half, row),
            cat(f"{P}.clock.normal" if self.fast else f"{P}.clock.fast"),
            self.toggle_speed,
            key=pygame.K_v,
        )
        stops = [a for a in self.allowed.values() if isinstance(a, AdvanceClock)]
        wait_rect = pygame.Rect(area.left, area.top + row + px(6), area.width, row)
        if stops:
            first = min(stops, key=lambda a: to_minutes(a.to))
            self.offer(
                wait_rect,
                cat(f"{P}.clock.wait", time=first.to),
                first,
                key=pygame.K_w,
                tooltip=cat(f"{P}.clock.wait_hint"),
            )
        else:
            self.disabled(wait_rect, cat(f"{P}.clock.nothing"))
        if self.reading:
            state, colour = cat(f"{P}.clock.reading"), palette.INK
        elif continued_vote.halted(self.world):
            state, colour = cat(f"{P}.clock.halted"), palette.INK
        elif self.guide.is_open:
            state, colour = cat(f"{P}.clock.guide"), palette.INK
        elif self.paused:
            state, colour = cat(f"{P}.clock.paused"), palette.MUTED
        else:
            state, colour = cat(f"{P}.clock.running", speed=FAST if self.fast else 1), palette.MUTED
        self.blits.append(
            (
                self.art.paragraph(state, self.ctx.font_px(13), area.width, 2, colour),
                (area.left + px(2), wait_rect.bottom + px(4)),
            )
        )
