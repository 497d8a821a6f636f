"""The ballot on the chair's table during the count (a part of :class:`PenghitunganScene`):
which sheet of the box it is, the ballot drawn large with its punch holes, the same in words
under it, the buttons of the chair's table (announce the count, set a ballot aside unshown),
and the magnifier that holds it up as wide as the screen. A click on a punched column is
read as that column's ruling (:meth:`BallotTable.target_at`); the scene never says what a
ballot is worth."""

from __future__ import annotations

from collections.abc import Callable

import pygame
from pygame_gui.elements import UILabel

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.widgets import Widgets, offer_key
from simulator.art import palette
from simulator.art.ballots import ballot_target_rects, draw_ballot
from simulator.art.fonts import fit_text, text_size
from simulator.core.actions import Action
from simulator.core.domain import LAYOUT_OF, district_of
from simulator.core.phases.penghitungan import AnnounceBoxCount, RuleBallot
from simulator.core.state import World
from simulator.quiz.texts import paper_lines
from simulator.scenes.magnifier import MAGNIFY_KEY, Magnifier
from simulator.scenes.phases.formulir_art import wrap
from simulator.schema.types import BallotType, Layout

WORDS_POINTS = 13  # the ballot in words, under its picture
WORDS_LINES = 3


class BallotTable:
    """Builds and draws the ballot on the table; the scene holds the state, and its
    ``left_rect``, ``contest``, ``short`` and ``_note`` are used here."""

    ctx: AppContext
    ui: Widgets
    world: World
    _ballot_rect: pygame.Rect | None
    _words_rect: pygame.Rect | None
    _targets: dict[str, pygame.Rect]
    _ballots: dict[tuple[BallotType, int, tuple[int, int]], pygame.Surface]
    _words: dict[tuple[object, ...], list[pygame.Surface]]
    _progress: UILabel | None
    act: Callable[[Action], None]

    def _build_ballot(self, ballot: BallotType, allowed: dict[str, Action]) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        left = self.left_rect()
        box = self.world.boxes[ballot]
        index = self.world.counting.next_index.get(ballot, 0)
        # The sheet's number changes with every ballot (the label is rewritten in place): in
        # the heading's size when its longest form fits the column, else in the body's.
        longest = self._progress_text(ballot, len(box.contents), len(box.contents))
        heading = layout.theme_font(self.ctx, "label", "@heading")
        # Beside it, the magnifier: the ballot read large (its small print, a punch hole).
        # Beside it (under it when the text is too large for both on one row), the
        # magnifier: the ballot read large (its small print, a punch hole).
        enlarge = cat("shell.magnifier.open")
        enlarge_w = layout.button_width(self.ctx, enlarge, MAGNIFY_KEY)
        badge = layout.theme_font(self.ctx, "label", "@badge")
        beside = left.width - enlarge_w - px(8)
        progress_w = beside if text_size(badge, longest)[0] <= beside else left.width
        self._progress = self.ui.label(
            pygame.Rect(left.left, left.top, progress_w, self.ctx.line(19)),
            self._progress_text(ballot, index, len(box.contents)),
            style="@heading" if text_size(heading, longest)[0] <= progress_w else "@badge",
        )
        hint = pygame.Rect(left.left, left.top + self.ctx.line(19) + px(2), left.width, 0)
        ballot_top = self._note(cat("scene.penghitungan.hint"), hint, points=13)
        if index < len(box.contents):
            place = pygame.Rect(left.right - enlarge_w, left.top, enlarge_w, self.ctx.line(19))
            if progress_w == left.width:  # a row of its own, over the ballot
                place = pygame.Rect(
                    left.right - enlarge_w, ballot_top + px(4), enlarge_w, self.ctx.row_h(34)
                )
                ballot_top = place.bottom
            self.ui.button(place, enlarge, self.magnify, key=MAGNIFY_KEY)
        row_h, gap = self.ctx.row_h(38, 16), px(6)
        bottom = left.bottom
        unshown = RuleBallot(verdict="invalid", shown=False)
        if offer_key(unshown) in allowed:
            button = layout.button(
                self.ui,
                self.ctx,
                pygame.Rect(left.left, bottom, left.width, self.ctx.row_h(38)),
                cat("scene.penghitungan.unshown"),
                lambda: self.act(unshown),
                action=unshown,
            )
            bottom -= button.rect.height
            button.set_relative_position((left.left, bottom))
            bottom -= gap
        announce = AnnounceBoxCount(ballot=ballot)
        if offer_key(announce) in allowed:
            button = layout.button(
                self.ui,
                self.ctx,
                pygame.Rect(left.left, bottom, left.width, row_h),
                cat("scene.penghitungan.announce"),
                lambda: self.act(announce),
                key=pygame.K_a,
                style="@strong",
                action=announce,
            )
            bottom -= button.rect.height
            button.set_relative_position((left.left, bottom))
        else:
            text = cat("scene.penghitungan.announced", count=len(box.contents))
            bottom -= self._note_h(text, left.width, points=15)
            self._note(
                text,
                pygame.Rect(left.left, bottom, left.width, 0),
                points=15,
                colour=palette.PRIMARY_DARK,
                bold=True,
            )
        margin = px(10)
        # Under the picture, the paper in words (its signature, a district printed for another
        # dapil, each punch hole), as the quiz gives it: nothing rests on the picture alone.
        line_h = fit_text("Ag", self.ctx.font_px(WORDS_POINTS), 10**6).get_height()
        words_h = WORDS_LINES * line_h
        bottom -= words_h + gap
        self._words_rect = pygame.Rect(left.left, bottom + gap // 2, left.width, words_h)
        area = pygame.Rect(
            left.left + margin,
            ballot_top + margin,
            left.width - 2 * margin,
            bottom - gap - ballot_top - 2 * margin,
        )
        self._ballot_rect = self._ballot_area(ballot, area)
        self._targets = ballot_target_rects(
            self.contest(ballot), self.world.scenario.parties, self._ballot_rect.size
        )

    def magnify(self) -> None:
        """The ballot on the table held up large (see :mod:`simulator.scenes.magnifier`)."""
        ballot_type, rect = self.world.counting.open_box, self._ballot_rect
        if ballot_type is None or rect is None:
            return
        index = self.world.counting.next_index.get(ballot_type, 0)
        total = len(self.world.boxes[ballot_type].contents)
        if index >= total:
            return
        self.ctx.stack.push(
            Magnifier(
                self.ctx,
                self._progress_text(ballot_type, index, total),
                lambda size: self._draw_sheet(ballot_type, index, size),
                rect.width / rect.height,
                self._sheet_words(ballot_type, index),
            )
        )

    def _progress_text(self, ballot: BallotType, index: int, total: int) -> str:
        return self.ctx.cat(
            "scene.penghitungan.progress",
            ballot=self.short(ballot),
            number=min(index + 1, total),
            total=total,
        )

    def _ballot_area(self, ballot: BallotType, area: pygame.Rect) -> pygame.Rect:
        """The ballot's rectangle in ``area``: pair ballots stay a little wider than tall,
        the others take the whole area."""
        height = area.height
        if LAYOUT_OF[ballot] is Layout.PAIR:
            height = min(height, round(area.width / 1.1))
        rect = pygame.Rect(0, 0, area.width, height)
        rect.center = area.center
        return rect

    def target_at(self, pos: tuple[int, int]) -> str | None:
        """The vote target under the screen point ``pos`` on the ballot, if one is."""
        rect = self._ballot_rect
        if rect is None or not rect.collidepoint(pos) or self.world.counting.open_box is None:
            return None
        local = (pos[0] - rect.left, pos[1] - rect.top)
        return next((t for t, r in self._targets.items() if r.collidepoint(local)), None)

    def _draw_ballot(self, surface: pygame.Surface) -> None:
        ballot_type = self.world.counting.open_box
        rect = self._ballot_rect
        if ballot_type is None or rect is None:
            return
        index = self.world.counting.next_index.get(ballot_type, 0)
        picture = self._ballot_picture(ballot_type, index, rect.size)
        if picture is None:
            return
        shadow = rect.move(self.ctx.px(3), self.ctx.px(4))
        pygame.draw.rect(surface, palette.WOOD_DARK, shadow)
        surface.blit(picture, rect)
        words = self._words_rect
        if words is not None:
            y = words.top
            for line in self._ballot_words(ballot_type, index, words.width):
                surface.blit(line, (words.left, y))
                y += line.get_height()
        hovered = self.target_at(pygame.mouse.get_pos())
        if hovered is not None and self.ctx.stack.top is self:
            outline = self._targets[hovered].move(rect.topleft)
            pygame.draw.rect(surface, palette.PRIMARY, outline, width=max(2, self.ctx.px(3)))

    def _ballot_words(
        self, ballot_type: BallotType, index: int, width: int
    ) -> list[pygame.Surface]:
        """The ballot on the table in words, wrapped to ``width`` (rendered once)."""
        key = (ballot_type, index, width, self.ctx.settings.lang)
        lines = self._words.get(key)
        if lines is None:
            text = self._sheet_words(ballot_type, index)
            size = self.ctx.font_px(WORDS_POINTS)
            wrapped = wrap(text, size, width)
            lines = [fit_text(line, size, width, colour=palette.INK) for line in wrapped]
            self._words = {key: lines}
        return lines

    def _ballot_picture(
        self, ballot_type: BallotType, index: int, size: tuple[int, int]
    ) -> pygame.Surface | None:
        """The ``index``-th ballot of the box, drawn ``size`` large (once)."""
        contents = self.world.boxes[ballot_type].contents
        if index >= len(contents):
            return None
        key = (ballot_type, index, size)
        picture = self._ballots.get(key)
        if picture is None:
            picture = self._draw_sheet(ballot_type, index, size)
            self._ballots = {k: v for k, v in self._ballots.items() if k[1] >= index - 1}
            self._ballots[key] = picture
        return picture

    def _draw_sheet(
        self, ballot_type: BallotType, index: int, size: tuple[int, int]
    ) -> pygame.Surface:
        """The ``index``-th ballot of the box drawn ``size`` large (on the table, or held up
        in the magnifier)."""
        paper = self.world.boxes[ballot_type].contents[index]
        district = district_of(self.world.scenario.tps.districts, ballot_type)
        contest, parties = self.contest(ballot_type), self.world.scenario.parties
        return draw_ballot(contest, parties, paper, size, district=district)

    def _sheet_words(self, ballot_type: BallotType, index: int) -> str:
        """The ``index``-th ballot of the box in words (its signature, marks, damage)."""
        paper = self.world.boxes[ballot_type].contents[index]
        return " ".join(paper_lines(paper, self.ctx.cat)[1:])

    def _draw_next_ballot(self) -> None:
        """The ballot after the one on the table, drawn ahead in a quiet frame, so that the
        frame after a ruling only shows it (a DPR ballot takes several milliseconds)."""
        ballot_type, rect = self.world.counting.open_box, self._ballot_rect
        if ballot_type is None or rect is None:
            return
        index = self.world.counting.next_index.get(ballot_type, 0)
        if (ballot_type, index, rect.size) in self._ballots:
            self._ballot_picture(ballot_type, index + 1, rect.size)
