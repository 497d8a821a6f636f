"""Penghitungan suara: boxes opened one at a time, each ballot shown and ruled, the tally
growing on the C.Hasil plano on the wall.

Before a box is open the stage shows the boxes on the chair's table; which one to open first
is the trainee's choice (the engine judges the order). With a box open, the ballot the chair
is holding is drawn large: clicking the punched column rules the ballot valid for that
target; the plano beside it has one button per row (the same rulings, from the keyboard too)
and the tally marks of the rulings so far. The scene never says what a ballot is worth.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame
from pygame_gui.elements import UIImage, UILabel, UIScrollingContainer

from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.app.widgets import offer_key
from simulator.art import palette
from simulator.art.ballots import ballot_target_rects, draw_ballot
from simulator.art.fonts import fit_text
from simulator.art.things import BoxState, draw_box
from simulator.core.actions import Action
from simulator.core.domain import LAYOUT_OF, district_of
from simulator.core.phases import incidents, penghitungan
from simulator.core.phases.penghitungan import AnnounceBoxCount, OpenBoxForCount, RuleBallot
from simulator.scenes.phase import PhaseScene
from simulator.scenes.phases import counting_art as art
from simulator.scenes.phases.formulir_art import wrap
from simulator.schema.clock import format_minutes
from simulator.schema.scenario import Contest
from simulator.schema.types import BallotType, Layout

LEFT_W = 440  # design units: the chair's table (boxes, or the ballot being ruled)
GAP = 16
NUMBER_KEYS = {n: getattr(pygame, f"K_{n}") for n in range(1, 10)}


class PenghitunganScene(PhaseScene):
    """The count, one box and one ballot at a time."""

    shot_steps = 8  # a box opened and announced, six ballots ruled

    def __init__(self, ctx: AppContext, session: PlaySession) -> None:
        super().__init__(ctx, session)
        self._pictures: dict[tuple[object, ...], pygame.Surface] = {}
        self._ballot_rect: pygame.Rect | None = None
        self._targets: dict[str, pygame.Rect] = {}
        self._plano_image: UIImage | None = None
        self._plano_scroller: UIScrollingContainer | None = None
        self._plano_scroll = 0.0
        self._plano_of: BallotType | None = None
        self._progress: UILabel | None = None
        self._built_at: tuple[object, ...] = ()
        self._one_ruling = False
        self._box_pictures: list[tuple[pygame.Surface, pygame.Rect]] = []
        self._notes: list[tuple[pygame.Surface, tuple[int, int]]] = []

    # --- what the side list leaves to the stage -------------------------------------------

    stage_kinds = frozenset({"open_count", "announce_count", "rule_ballot"})

    def side_actions(self) -> list[Action]:
        """Opening another box while one is open stays reachable, in the side list."""
        actions = super().side_actions()
        if self.world.counting.open_box is None:
            return actions
        others = [a for a in self.offered_actions() if isinstance(a, OpenBoxForCount)]
        return others + actions

    def allowed(self) -> dict[str, Action]:
        return {offer_key(a): a for a in self.offered_actions()}

    def contest(self, ballot: BallotType) -> Contest:
        contest = self.world.scenario.contest(ballot)
        assert contest is not None, "scenario validation guarantees a contest per box"
        return contest

    def short(self, ballot: BallotType) -> str:
        return self.ctx.cat(f"scene.penghitungan.short.{ballot.value}")

    # --- geometry -------------------------------------------------------------------------

    def left_rect(self) -> pygame.Rect:
        stage = self.stage_rect()
        return pygame.Rect(stage.left, stage.top, self.ctx.px(LEFT_W), stage.height)

    def right_rect(self) -> pygame.Rect:
        stage, left = self.stage_rect(), self.left_rect()
        x = left.right + self.ctx.px(GAP)
        return pygame.Rect(x, stage.top, stage.right - x, stage.height)

    # --- building -------------------------------------------------------------------------

    def rebuild(self) -> None:
        bar = getattr(self._plano_scroller, "vert_scroll_bar", None)
        if bar is not None:
            self._plano_scroll = float(bar.start_percentage)
        super().rebuild()

    def build_stage(self) -> None:
        counting = self.world.counting
        self._ballot_rect, self._targets = None, {}
        self._box_pictures, self._notes = [], []
        self._plano_scroller, self._plano_image = None, None
        self._progress = None
        open_box = counting.open_box
        self._built_at = (open_box,)
        allowed = self.allowed()
        if open_box is not None:
            self._build_ballot(open_box, allowed)
            self._build_plano(open_box, allowed)
        else:
            shown = counting.order[-1] if counting.order else None
            if shown is not None:
                self._build_boxes(allowed, self.left_rect())
                self._build_plano(shown, {})
            else:
                self._build_boxes(allowed, self.stage_rect().inflate(-self.ctx.px(24), 0))

    def _build_ballot(self, ballot: BallotType, allowed: dict[str, Action]) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        left = self.left_rect()
        box = self.world.boxes[ballot]
        index = self.world.counting.next_index.get(ballot, 0)
        self._progress = self.ui.label(
            pygame.Rect(left.left, left.top, left.width, px(30)),
            self._progress_text(ballot, index, len(box.contents)),
            style="@heading",
        )
        hint = pygame.Rect(left.left, left.top + px(32), left.width, 0)
        ballot_top = self._note(cat("scene.penghitungan.hint"), hint, points=13)
        row_h, gap = px(38), px(6)
        bottom = left.bottom
        unshown = RuleBallot(verdict="invalid", shown=False)
        if offer_key(unshown) in allowed:
            bottom -= row_h
            self.ui.button(
                pygame.Rect(left.left, bottom, left.width, row_h),
                self.fit(cat("scene.penghitungan.unshown"), left.width),
                lambda: self.act(unshown),
                action=unshown,
            )
            bottom -= gap
        announce = AnnounceBoxCount(ballot=ballot)
        bottom -= row_h
        rect = pygame.Rect(left.left, bottom, left.width, row_h)
        if offer_key(announce) in allowed:
            self.ui.button(
                rect,
                self.fit(cat("scene.penghitungan.announce"), left.width - px(40)),
                lambda: self.act(announce),
                key=pygame.K_a,
                style="@strong",
                action=announce,
            )
        else:
            text = cat("scene.penghitungan.announced", count=len(box.contents))
            self.ui.label(rect, self.fit(text, left.width), style="@badge")
        margin = px(10)
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

    def _build_boxes(self, allowed: dict[str, Action], left: pygame.Rect) -> None:
        """The boxes on the chair's table in ``left``, each with its state in words."""
        cat, px = self.ctx.cat, self.ctx.px
        self.ui.label(
            pygame.Rect(left.left, left.top, left.width, px(30)),
            cat("scene.penghitungan.boxes"),
            style="@heading",
        )
        counting = self.world.counting
        everything_counted = all(b in counting.finished for b in self.world.boxes)
        key = "scene.penghitungan.choose"
        if everything_counted:
            key = "scene.penghitungan.done"
        elif counting.order:
            key = "scene.penghitungan.next"
        note_top = self._note(cat(key), pygame.Rect(left.left, left.top + px(34), left.width, 0))
        types = list(self.world.boxes)
        cols = min(3, max(1, len(types)))
        rows = -(-len(types) // cols)
        gap = px(10)
        cell_w = (left.width - (cols - 1) * gap) // cols
        top = note_top + px(8)
        cell_h = min(px(280), (left.bottom - top - (rows - 1) * gap) // rows)
        for index, ballot in enumerate(types):
            row, col = divmod(index, cols)
            cell = pygame.Rect(
                left.left + col * (cell_w + gap), top + row * (cell_h + gap), cell_w, cell_h
            )
            self._box_cell(ballot, cell, index, allowed)

    def _box_cell(
        self, ballot: BallotType, cell: pygame.Rect, index: int, allowed: dict[str, Action]
    ) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        box = self.world.boxes[ballot]
        counting = self.world.counting
        done = counting.next_index.get(ballot, 0)
        state: BoxState
        if ballot in counting.finished:
            state, fill, status = "open", 0.0, cat("scene.penghitungan.box.counted")
        elif box.opened_for_count:
            state = "open"
            fill = 1 - done / max(1, len(box.contents))
            status = cat("scene.penghitungan.box.paused", done=done, count=len(box.contents))
        else:
            state, fill, status = "locked", 0.8, cat("scene.penghitungan.box.waiting")
        button_h = px(36)
        text_h = self.ctx.font_px(13) * 2 + px(8)
        side = min(cell.width, cell.height - button_h - text_h - px(6))
        picture = self._picture(
            ("box", ballot, state, round(fill, 2), side),
            lambda: draw_box(ballot, (side, side), state, fill=fill),
        )
        self._box_pictures.append((picture, picture.get_rect(midtop=(cell.centerx, cell.top))))
        y = cell.top + side + px(2)
        name = fit_text(self.short(ballot), self.ctx.font_px(14), cell.width, bold=True)
        self._notes.append((name, (cell.centerx - name.get_width() // 2, y)))
        y += name.get_height()
        colour = palette.OK if ballot in counting.finished else palette.MUTED
        status_text = fit_text(status, self.ctx.font_px(12), cell.width, colour=colour)
        self._notes.append((status_text, (cell.centerx - status_text.get_width() // 2, y)))
        action = OpenBoxForCount(ballot=ballot)
        if offer_key(action) in allowed:
            key = NUMBER_KEYS.get(index + 1)
            text = cat("scene.penghitungan.open", ballot=self.short(ballot))
            self.ui.button(
                pygame.Rect(cell.left, cell.bottom - button_h, cell.width, button_h),
                self.fit(text, cell.width - px(36), short=self.short(ballot)),
                lambda a=action: self.act(a),
                key=key,
                action=action,
            )

    def _note(self, text: str, rect: pygame.Rect, points: int = 14) -> int:
        """Wrapped muted text from ``rect``'s top-left; the y where it ends."""
        size = self.ctx.font_px(points)
        y = rect.top
        for line in wrap(text, size, rect.width):
            rendered = fit_text(line, size, rect.width, colour=palette.MUTED)
            self._notes.append((rendered, (rect.left, y)))
            y += rendered.get_height()
        return y

    def _build_plano(self, ballot: BallotType, allowed: dict[str, Action]) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        right = self.right_rect()
        self.ui.label(
            pygame.Rect(right.left, right.top, right.width, px(30)),
            self.fit(cat("scene.penghitungan.plano_title", ballot=self.short(ballot)), right.width),
            style="@heading",
        )
        rect = pygame.Rect(right.left, right.top + px(34), right.width, right.height - px(34))
        scroller = self.ui.scroller(rect)
        self._plano_scroller = scroller
        if ballot is not self._plano_of:
            self._plano_scroll, self._plano_of = 0.0, ballot
        rows = self.plano_rows(ballot)
        metrics = self.plano_metrics(rect.width - px(22), rect.height, len(rows))
        tally = self.world.counting.tally.get(ballot, {})
        interactive = bool(allowed)
        surface = self._plano_surface(ballot, metrics, with_names=not interactive)
        image = UIImage(
            pygame.Rect(0, 0, surface.get_width(), surface.get_height()),
            surface,
            self.ui.manager,
            container=scroller,
        )
        self.ui.elements.append(image)  # killed with the scene's other widgets
        self._plano_image = image
        scroller.set_scrollable_area_dimensions(surface.get_size())
        if interactive:
            heights = art.row_heights(rows, tally, metrics)
            tops = art.row_tops(heights, metrics)
            for row, top, height in zip(rows, tops, heights, strict=True):
                self._row_button(ballot, row, top, height, metrics, scroller, allowed)
        bar = scroller.vert_scroll_bar
        if self._plano_scroll and bar is not None:
            bar.set_scroll_from_start_percentage(self._plano_scroll)
        self._reveal_latest(ballot)

    def _reveal_latest(self, ballot: BallotType) -> None:
        """Scroll a long plano so that the row just tallied is in sight."""
        scroller = self._plano_scroller
        rulings = self.world.counting.rulings.get(ballot, [])
        if scroller is None or scroller.vert_scroll_bar is None or not rulings:
            return
        rows = self.plano_rows(ballot)
        visible = scroller.get_relative_rect().height
        metrics = self.plano_metrics(
            scroller.get_relative_rect().width - self.ctx.px(22), visible, len(rows)
        )
        tally = self.world.counting.tally.get(ballot, {})
        heights = art.row_heights(rows, tally, metrics)
        tops = art.row_tops(heights, metrics)
        index = next((i for i, r in enumerate(rows) if r.target == rulings[-1]), None)
        if index is None:
            return
        content = max(1, scroller.scrollable_container.get_relative_rect().height)
        bar = scroller.vert_scroll_bar
        start = bar.start_percentage * content
        top, bottom = tops[index], tops[index] + heights[index]
        if top < start or bottom > start + visible:
            wanted = max(0, top - (visible - heights[index]) // 2)
            bar.set_scroll_from_start_percentage(min(wanted / content, 1 - visible / content))

    def _row_button(
        self,
        ballot: BallotType,
        row: art.PlanoRow,
        top: int,
        height: int,
        m: art.PlanoMetrics,
        scroller: UIScrollingContainer,
        allowed: dict[str, Action],
    ) -> None:
        action = RuleBallot(verdict=row.target)
        if offer_key(action) not in allowed:
            return
        px = self.ctx.px
        indent = 2 * m.pad if row.indent else 0
        button_h = min(height - px(4), px(34))
        rect = pygame.Rect(
            m.pad + indent, top + (height - button_h) // 2, m.label_w - indent, button_h
        )
        key = self._row_key(ballot, row)
        text = f"{row.number}  {row.name}" if row.number else row.name
        room = rect.width - (px(36) if key is not None else 0)
        self.ui.button(
            rect,
            self.fit(text, room),
            lambda a=action: self.act(a),
            key=key,
            container=scroller,
            tooltip=f"{row.number}  {row.full_name}" if row.full_name else text,
            action=action,
        )

    def _row_key(self, ballot: BallotType, row: art.PlanoRow) -> int | None:
        """Number keys for pairs and DPD candidates, K for the empty column, X for invalid;
        party-list rows are reached with Tab (their numbers repeat across parties)."""
        if row.target == "invalid":
            return pygame.K_x
        if row.target == "kosong":
            return pygame.K_k
        if LAYOUT_OF[ballot] is not Layout.PARTY_LIST and row.number.isdigit():
            return NUMBER_KEYS.get(int(row.number))
        return None

    def plano_metrics(self, width: int, height: int, rows: int) -> art.PlanoMetrics:
        """Rows as tall as the sheet allows (a few rows get big, legible tally marks), never
        lower than a button."""
        px = self.ctx.px
        summary = 3 * self.ctx.font_px(13) + px(40)
        row_h = max(px(38), min(px(64), (height - summary) // max(1, rows)))
        return art.PlanoMetrics(
            width=width,
            label_w=min(px(200), width // 2),
            count_w=px(44),
            row_h=row_h,
            stroke=max(3, px(6)),
            stroke_h=min(px(26), row_h // 2),
            text_px=self.ctx.font_px(13),
            pad=px(6),
            min_height=height,
        )

    def plano_rows(self, ballot: BallotType) -> list[art.PlanoRow]:
        cat = self.ctx.cat
        names = {
            "kosong": cat("scene.penghitungan.row.kosong"),
            "invalid": cat("scene.penghitungan.row.invalid"),
        }
        return art.plano_rows(self.contest(ballot), self.world.scenario.parties, names)

    def _plano_surface(
        self, ballot: BallotType, m: art.PlanoMetrics, *, with_names: bool
    ) -> pygame.Surface:
        cat = self.ctx.cat
        tally = self.world.counting.tally.get(ballot, {})
        rulings = self.world.counting.rulings.get(ballot, [])
        latest = rulings[-1] if rulings else None
        valid = sum(v for k, v in tally.items() if k != "invalid")
        invalid = tally.get("invalid", 0)
        taken = len(self.world.boxes[ballot].contents)
        summary = [
            cat("scene.penghitungan.summary.valid", count=valid),
            cat("scene.penghitungan.summary.invalid", count=invalid),
            cat("scene.penghitungan.summary.total", count=valid + invalid, taken=taken),
        ]
        key = ("plano", ballot, m, cat.lang, with_names, tuple(sorted(tally.items())), latest)
        return self._picture(
            key,
            lambda: art.draw_plano(
                self.plano_rows(ballot),
                tally,
                m,
                summary=summary,
                with_names=with_names,
                latest=latest,
            ),
        )

    def _picture(
        self, key: tuple[object, ...], draw: Callable[[], pygame.Surface]
    ) -> pygame.Surface:
        """A drawn picture, made once per ``key`` (the cache is kept small)."""
        picture = self._pictures.get(key)
        if picture is None:
            if len(self._pictures) > 8:
                self._pictures.clear()
            picture = draw()
            self._pictures[key] = picture
        return picture

    # --- acting ---------------------------------------------------------------------------

    def act_all(self, actions: Sequence[Action]) -> None:
        self._one_ruling = len(actions) == 1 and isinstance(actions[0], RuleBallot)
        super().act_all(actions)

    def after_action(self) -> None:
        """One ballot ruled, the same box still open: the plano, the progress and the
        feedback change in place instead of every widget being made again."""
        one_ruling, self._one_ruling = self._one_ruling, False
        counting = self.world.counting
        quiet = (
            one_ruling
            and not self.session.finished
            and self.world.phase is self.phase
            and (counting.open_box,) == self._built_at
            and not incidents.awaiting(self.world)
            and self._plano_image is not None
            and self._plano_image.alive()
        )
        if not quiet or not self.refresh_feedback() or not self._refresh_plano():
            super().after_action()
            return
        self._focus_after_build = None
        ballot = counting.open_box
        assert ballot is not None and self._progress is not None
        index = counting.next_index.get(ballot, 0)
        total = len(self.world.boxes[ballot].contents)
        self._progress.set_text(self._progress_text(ballot, index, total))
        clock = format_minutes(self.world.clock)
        if self.clock_label is not None and self.clock_label.text != clock:
            self.clock_label.set_text(clock)

    def _refresh_plano(self) -> bool:
        """Draw the plano again in place; False when it changed size (a full rebuild then)."""
        ballot = self.world.counting.open_box
        image = self._plano_image
        if ballot is None or image is None:
            return False
        scroller = self._plano_scroller
        if scroller is None:
            return False
        rows = len(self.plano_rows(ballot))
        metrics = self.plano_metrics(
            image.get_relative_rect().width, scroller.get_relative_rect().height, rows
        )
        surface = self._plano_surface(ballot, metrics, with_names=False)
        if surface.get_size() != image.get_relative_rect().size:
            return False
        image.set_image(surface)
        self._reveal_latest(ballot)
        return True

    # --- dialogs over the stage ---------------------------------------------------------------

    # --- input ----------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            target = self.target_at(event.pos)
            if target is not None:
                self.act(RuleBallot(verdict=target))
                return True
        return super().handle(event)

    def target_at(self, pos: tuple[int, int]) -> str | None:
        """The vote target under the screen point ``pos`` on the ballot, if one is."""
        rect = self._ballot_rect
        if rect is None or not rect.collidepoint(pos) or self.world.counting.open_box is None:
            return None
        local = (pos[0] - rect.left, pos[1] - rect.top)
        return next((t for t, r in self._targets.items() if r.collidepoint(local)), None)

    # --- drawing --------------------------------------------------------------------------

    def draw_stage(self, surface: pygame.Surface) -> None:
        stage = self.stage_rect()
        pygame.draw.rect(surface, palette.WALL, stage, border_radius=8)
        left = self.left_rect()
        table = pygame.Rect(left.left, left.top, left.width, left.height)
        if self._ballot_rect is not None:
            table = self._ballot_rect.inflate(self.ctx.px(16), self.ctx.px(16))
            pygame.draw.rect(surface, palette.WOOD, table, border_radius=6)
            self._draw_ballot(surface)
        image = self._plano_image
        if self._plano_scroller is not None and image is not None and image.alive():
            sheet = self._plano_scroller.get_abs_rect()
            sheet.width = image.get_abs_rect().width
            pygame.draw.rect(
                surface, palette.PANEL_LINE, sheet.move(self.ctx.px(4), self.ctx.px(4))
            )
        for picture, rect in self._box_pictures:
            surface.blit(picture, rect)
        for rendered, at in self._notes:
            surface.blit(rendered, at)

    def _draw_ballot(self, surface: pygame.Surface) -> None:
        ballot_type = self.world.counting.open_box
        rect = self._ballot_rect
        if ballot_type is None or rect is None:
            return
        ballot = penghitungan.current_ballot(self.world)
        index = self.world.counting.next_index.get(ballot_type, 0)
        contest = self.contest(ballot_type)
        district = district_of(self.world.scenario.tps.districts, ballot_type)
        picture = self._picture(
            ("ballot", ballot_type, index, rect.size),
            lambda: draw_ballot(
                contest, self.world.scenario.parties, ballot, rect.size, district=district
            ),
        )
        shadow = rect.move(self.ctx.px(3), self.ctx.px(4))
        pygame.draw.rect(surface, palette.WOOD_DARK, shadow)
        surface.blit(picture, rect)
        hovered = self.target_at(pygame.mouse.get_pos())
        if hovered is not None and self.ctx.stack.top is self:
            outline = self._targets[hovered].move(rect.topleft)
            pygame.draw.rect(surface, palette.PRIMARY, outline, width=max(2, self.ctx.px(3)))


SCENE = PenghitunganScene
