"""Penerimaan logistik: the PPS delivery laid out on the receiving table.

Each box, ballot packet and supply is a tile; choosing a tile opens and checks it (the engine's
``inspect``), and only then does the scene show what the engine says is there: the seal and
sticker of a box, the district printed on a packet and its defects, the number of supplies
received. Packets are counted with their own button. Beside each checked item the scene shows
the PPS delivery list (the paper the KPPS holds: what should have come) and offers a report to
the PPS for each problem that item could have; comparing the two is the trainee's job, and the
engine judges the report. The receipt form on the right lists what has been reported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame
from pygame_gui.core import UIElement
from pygame_gui.elements import UILabel

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.app.widgets import escape
from simulator.art import palette
from simulator.core import domain
from simulator.core.actions import Action
from simulator.core.domain import expected_ballots, reserve
from simulator.core.phases.logistik import CountBallots, InspectItem, ReportDiscrepancy
from simulator.core.state import World
from simulator.i18n import Catalog
from simulator.presenter.labels import discrepancy_name, target_name
from simulator.scenes.phase import PhaseScene, held_while_drawing
from simulator.scenes.phases.logistics_art import (
    Line,
    PictureCache,
    TextCache,
    draw_flag,
    draw_ring,
    draw_tick,
)
from simulator.schema.types import BallotType

FAMILIES = ("box", "ballots", "item")
COLUMNS = 5
NAME_H = 22  # the name strip at the top of a tile
TABLE_W = 638  # design units: the receiving table; the rest of the stage is the detail
SIDE_W = 316  # the receipt form needs less room than the framework's list of actions
REPORT_KEYS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4)


@dataclass(frozen=True)
class Tile:
    """One thing on the table: ``target`` is the engine's inspection target."""

    target: str

    @property
    def family(self) -> str:
        return self.target.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.target.split(".", 1)[1]

    def owns(self, discrepancy: str) -> bool:
        return discrepancy == self.target or discrepancy.startswith(self.target + ".")


def tiles_of(targets: Sequence[str]) -> list[Tile]:
    """The tiles in table order (boxes, packets, supplies), from the engine's targets."""
    return [Tile(t) for family in FAMILIES for t in targets if t.split(".", 1)[0] == family]


def district_of(world: World, ballot: BallotType) -> str:
    """The district this TPS's ballots of ``ballot`` carry (HANDBOOK §3.3 item 4); the
    province where the scenario left that dapil out."""
    districts = world.scenario.tps.districts
    return domain.district_of(districts, ballot) or districts.province


def short_name(tile: Tile, cat: Catalog) -> str:
    family = "item" if tile.family == "item" else "ballot"
    return cat.get(f"scene.logistik.short.{family}.{tile.name}", tile.name)


class LogistikScene(PhaseScene):
    """The receiving table, the checked item, and the receipt form."""

    stage_kinds = frozenset({"inspect", "count_ballots", "report"})
    # The careful crew opens the five Pemilu packets first: the last one shows the district
    # printed on it, to compare with the delivery list.
    shot_steps = 5

    def __init__(self, ctx: AppContext, session: PlaySession) -> None:
        super().__init__(ctx, session)
        self.selected: str | None = None
        self.text_cache = TextCache()
        self.pictures = PictureCache()
        self.tile_cards: dict[str, tuple[pygame.Rect, str]] = {}  # card and row heading
        self.tile_pictures: dict[str, pygame.Rect] = {}
        self.detail_picture: pygame.Rect | None = None
        self.detail_text_rect: pygame.Rect | None = None
        self.form_rect: pygame.Rect | None = None
        self.detail: list[Line] = []  # the words of the panels, made when the state changes
        self.form: list[Line] = []

    # --- what the engine offers -----------------------------------------------------------

    def tiles(self) -> list[Tile]:
        targets = [a.target for a in self.offered_actions() if isinstance(a, InspectItem)]
        return tiles_of(targets)

    def reports_for(self, tile: Tile) -> list[ReportDiscrepancy]:
        return [
            a
            for a in self.offered_actions()
            if isinstance(a, ReportDiscrepancy) and tile.owns(a.discrepancy)
        ]

    def count_for(self, tile: Tile) -> CountBallots | None:
        if tile.family != "ballots":
            return None
        return next(
            (
                a
                for a in self.offered_actions()
                if isinstance(a, CountBallots) and a.ballot.value == tile.name
            ),
            None,
        )

    def inspected(self, tile: Tile) -> bool:
        return tile.target in self.world.inspected

    def reported(self, tile: Tile) -> list[str]:
        return sorted(d for d in self.world.reported if tile.owns(d))

    # --- geometry ---------------------------------------------------------------------------

    @held_while_drawing
    def side_rect(self) -> pygame.Rect:
        return narrow_side(self)

    @held_while_drawing
    def table_rect(self) -> pygame.Rect:
        stage = self.stage_rect()
        return pygame.Rect(
            stage.left, stage.top, min(self.ctx.px(TABLE_W), stage.width), stage.height
        )

    @held_while_drawing
    def detail_rect(self) -> pygame.Rect:
        stage, table = self.stage_rect(), self.table_rect()
        gap = self.ctx.px(12)
        return pygame.Rect(
            table.right + gap, stage.top, stage.right - table.right - gap, stage.height
        )

    def name_h(self) -> int:
        """The name strip at the top of a tile: one line of its bold name."""
        return max(self.ctx.px(NAME_H), self.ctx.font_px(13) * 4 // 3 + self.ctx.px(4))

    def row_heading_h(self) -> int:
        return max(self.ctx.px(24), self.ctx.font_px(14) * 4 // 3 + self.ctx.px(4))

    def table_title_h(self) -> int:
        return max(self.ctx.px(30), self.ctx.font_px(17) * 4 // 3 + self.ctx.px(8))

    def tile_layout(self, tiles: Sequence[Tile]) -> dict[str, tuple[pygame.Rect, str]]:
        """Each tile's card rect, and the row heading it sits under, by target. The cards
        share what the title and row headings leave: at a large text size the pictures get
        smaller, never the words."""
        px = self.ctx.px
        table = self.table_rect().inflate(-px(16), -px(12))
        rows: list[tuple[str, list[Tile]]] = []
        for family in FAMILIES:
            members = [t for t in tiles if t.family == family]
            for start in range(0, len(members), COLUMNS):
                rows.append((family if start == 0 else "", members[start : start + COLUMNS]))
        heading_h, gap = self.row_heading_h(), px(6)
        top = table.top + self.table_title_h()
        headings = sum(1 for family, _ in rows if family)
        free = table.bottom - top - headings * heading_h - gap * len(rows)
        card_h = min(px(118), free // max(1, len(rows)))
        card_w = (table.width - gap * (COLUMNS - 1)) // COLUMNS
        layout: dict[str, tuple[pygame.Rect, str]] = {}
        y = top
        for family, members in rows:
            if family:
                y += heading_h
            for index, tile in enumerate(members):
                x = table.left + index * (card_w + gap)
                layout[tile.target] = (
                    pygame.Rect(x, y, card_w, card_h),
                    family if index == 0 else "",
                )
            y += card_h + gap
        return layout

    # --- building ---------------------------------------------------------------------------

    def build_stage(self) -> None:
        cat = self.ctx.cat
        tiles = self.tiles()
        if self.selected not in {t.target for t in tiles}:
            self.selected = None
        layout = self.tile_layout(tiles)
        self.tile_cards = layout
        self.detail = self.detail_lines()
        self.tile_pictures = {}
        button_h = self.ctx.row_h(30)
        name_h = self.name_h()
        for tile in tiles:
            card, _ = layout[tile.target]
            self.tile_pictures[tile.target] = pygame.Rect(
                card.left, card.top + name_h, card.width, card.height - button_h - name_h
            )
            button_rect = pygame.Rect(card.left, card.bottom - button_h, card.width, button_h)
            seen = self.inspected(tile)
            verb = "scene.logistik.button.view" if seen else "scene.logistik.button.check"
            self.ui.button(
                button_rect,
                self.fit(cat(verb), button_rect.width),
                lambda t=tile: self.press_tile(t),
                tooltip=target_name(tile.target, cat),
                action=None if seen else InspectItem(target=tile.target),
                style="@centred",
            )
        self.build_detail()

    def build_detail(self) -> None:
        """The chosen tile: its picture, what the delivery list says and what checking showed
        (words that wrap, and scroll when they must), and its buttons at the foot, each as
        tall as its words."""
        px = self.ctx.px
        detail = self.detail_rect().inflate(-px(20), -px(16))
        tile = Tile(self.selected) if self.selected else None
        self.detail_picture = None
        if tile is None:
            self.detail_text_rect = pygame.Rect(detail.left, detail.top, detail.width, px(120))
            self.build_detail_text(self.detail_text_rect)
            return
        gap = px(6)
        made: list[UIElement] = []
        for text, callback, key, action, tooltip in self.detail_buttons(tile):
            if isinstance(action, ReportDiscrepancy) and made and not any(
                isinstance(e, UILabel) for e in made
            ):
                # "Report to the PPS:" once, over its problems: each button names only its
                # problem, so it fits one line at any text size.
                made.append(
                    self.ui.label(
                        pygame.Rect(detail.left, detail.top, detail.width, self.ctx.line(15)),
                        self.ctx.cat("scene.logistik.button.report_group"),
                        style="@badge",
                    )
                )
            made.append(
                layout.button(
                    self.ui,
                    self.ctx,
                    pygame.Rect(detail.left, detail.top, detail.width, self.ctx.row_h(36)),
                    text,
                    callback,
                    key=key,
                    action=action,
                    tooltip=tooltip,
                    style="@strong" if isinstance(action, (InspectItem, CountBallots)) else None,
                )
            )
        buttons_top = layout.stack_up(made, detail.bottom, gap) if made else detail.bottom
        # The words come first: the picture (the tile shows it too) gets what they leave,
        # and none when that is too little to see anything.
        font = layout.theme_font(self.ctx, "text_box", "@reading")
        lines = sum(len(layout.wrap_lines(font, line.text, detail.width)) for line in self.detail)
        words_h = layout.text_height(self.ctx, lines, "@reading")
        picture_h = min(px(104), buttons_top - gap - detail.top - px(12) - words_h)
        text_top = detail.top
        if picture_h >= px(48):
            self.detail_picture = pygame.Rect(
                detail.left, detail.top + px(4), detail.width, picture_h
            )
            text_top = self.detail_picture.bottom + px(8)
        text_rect = pygame.Rect(
            detail.left, text_top, detail.width, buttons_top - gap - text_top
        )
        self.detail_text_rect = text_rect
        self.build_detail_text(text_rect)

    def build_detail_text(self, rect: pygame.Rect) -> None:
        self.ui.text(rect, lines_markup(self.detail), style="@reading")

    def detail_buttons(
        self, tile: Tile
    ) -> list[tuple[str, Callable[[], None], int | None, Action | None, str | None]]:
        cat = self.ctx.cat
        rows: list[tuple[str, Callable[[], None], int | None, Action | None, str | None]] = []
        if not self.inspected(tile):
            action = InspectItem(target=tile.target)
            rows.append(
                (
                    cat("scene.logistik.button.inspect"),
                    lambda: self.act(action),
                    pygame.K_p,
                    action,
                    None,
                )
            )
        count = self.count_for(tile)
        if count is not None:
            rows.append(
                (
                    cat("scene.logistik.button.count"),
                    lambda: self.act(count),
                    pygame.K_h,
                    count,
                    None,
                )
            )
        if not self.inspected(tile):
            return rows  # what could be wrong with it shows once it has been looked at
        for index, report in enumerate(self.reports_for(tile)):
            problem = self.problem_text(report.discrepancy)
            key = REPORT_KEYS[index] if index < len(REPORT_KEYS) else None
            rows.append(
                (
                    problem[:1].upper() + problem[1:],
                    lambda r=report: self.act(r),
                    key,
                    report,
                    cat("scene.logistik.button.report_hint", problem=problem),
                )
            )
        return rows

    def problem_text(self, discrepancy: str) -> str:
        what = discrepancy.rsplit(".", 1)[1] if not discrepancy.startswith("item.") else "item"
        return self.ctx.cat(f"scene.logistik.problem.{what}")

    def detail_lines(self) -> list[Line]:
        """What the detail panel says about the chosen tile: the delivery list, then what
        checking it showed (nothing before it is checked), then what has been reported."""
        cat = self.ctx.cat
        if self.selected is None:
            return [Line(cat("scene.logistik.detail.choose"), "muted")]
        tile = Tile(self.selected)
        bullet = self.ctx.px(10)
        lines = [Line(target_name(tile.target, cat), "bold")]
        lines.append(Line(cat("scene.logistik.detail.manifest"), "italic"))
        lines += [Line(f"• {text}", indent=bullet) for text in self.manifest_lines(tile)]
        lines.append(Line(cat("scene.logistik.detail.seen"), "italic"))
        if not self.inspected(tile):
            lines.append(Line(cat("scene.logistik.detail.unseen"), indent=bullet))
        else:
            lines += [Line(f"• {text}", indent=bullet) for text in self.seen_lines(tile)]
        for discrepancy in self.reported(tile):
            problem = self.problem_text(discrepancy)
            lines.append(Line(cat("scene.logistik.detail.reported", problem=problem), "bold"))
        return lines

    def manifest_lines(self, tile: Tile) -> list[str]:
        return manifest_words(self.world, tile, self.ctx.cat)

    def seen_lines(self, tile: Tile) -> list[str]:
        """What checking the item shows, straight from the engine's state."""
        return seen_words(self.world, tile, self.ctx.cat)

    # --- the side column: the receipt form -------------------------------------------------

    def build_side(self) -> None:
        self.form_rect = build_side_column(self, self.ctx.cat("scene.logistik.form.title"))
        self.form = self.form_lines()
        self.ui.text(self.form_rect, lines_markup(self.form))

    def form_lines(self) -> list[Line]:
        cat, world = self.ctx.cat, self.world
        tps = world.scenario.tps
        tiles = self.tiles()
        done = sum(1 for t in tiles if self.inspected(t))
        counted = sum(1 for s in world.stocks.values() if s.counted)
        place = cat("scene.logistik.form.place", tps=f"{tps.number:03d}", village=tps.village)
        lines = [
            Line(place, "bold"),
            Line(cat("scene.logistik.form.inspected", done=done, total=len(tiles))),
            Line(cat("scene.logistik.form.counted", done=counted, total=len(world.stocks))),
            Line(" "),
            Line(cat("scene.logistik.form.reported"), "italic"),
        ]
        reported = [d for t in tiles for d in self.reported(t)]
        reported += sorted(d for d in world.reported if d not in reported)
        if not reported:
            lines.append(Line(cat("scene.logistik.form.none"), "muted"))
        for number, discrepancy in enumerate(reported, start=1):
            lines.append(Line(f"{number}. {self.discrepancy_words(discrepancy)}"))
        return lines

    def discrepancy_words(self, discrepancy: str) -> str:
        return discrepancy_name(discrepancy, self.world, self.ctx.cat)

    # --- acting -----------------------------------------------------------------------------

    def press_tile(self, tile: Tile) -> None:
        """Choose a tile; an item not yet checked is opened and checked at once."""
        self.selected = tile.target
        if not self.inspected(tile):
            self.act(InspectItem(target=tile.target))
        else:
            self.keep_focus()
            self.rebuild()

    def act_all(self, actions: Sequence[Action]) -> None:
        for action in actions:
            target = _target_of(action)
            if target is not None:
                self.selected = target
        super().act_all(actions)

    def reveal(self, action: Action) -> bool:
        """Bring the control for ``action`` on screen (choose its tile); True if it changed
        anything. For tests and demonstrations that play through the screen."""
        target = _target_of(action)
        if target is None or target == self.selected:
            return False
        self.selected = target
        self.rebuild()
        return True

    # --- input and drawing ------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for target, rect in self.tile_pictures.items():
                if rect.collidepoint(event.pos):
                    self.press_tile(Tile(target))
                    return True
        return super().handle(event)

    def draw_stage(self, surface: pygame.Surface) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        table = self.table_rect()
        pygame.draw.rect(surface, palette.WOOD, table, border_radius=px(8))
        pygame.draw.rect(surface, palette.WOOD_DARK, table, px(2), border_radius=px(8))
        title = self.text_cache.get(
            cat("scene.logistik.table"), self.ctx.font_px(17), table.width - px(24), bold=True
        )
        surface.blit(title, (table.left + px(12), table.top + px(8)))
        heading_h = self.row_heading_h()
        for target, (card, heading) in self.tile_cards.items():
            if heading:
                words = self.text_cache.get(
                    cat(f"scene.logistik.row.{heading}"),
                    self.ctx.font_px(14),
                    table.width,
                    bold=True,
                )
                surface.blit(words, (card.left, card.top - heading_h + px(1)))
            self.draw_tile(surface, Tile(target), card)
        detail = self.detail_rect()
        pygame.draw.rect(surface, palette.PANEL, detail, border_radius=px(8))
        pygame.draw.rect(surface, palette.PANEL_LINE, detail, 1, border_radius=px(8))
        if self.selected and self.detail_picture is not None:
            self.draw_picture(surface, Tile(self.selected), self.detail_picture)

    def draw_tile(self, surface: pygame.Surface, tile: Tile, card: pygame.Rect) -> None:
        px = self.ctx.px
        chosen = tile.target == self.selected
        pygame.draw.rect(surface, palette.PANEL, card, border_radius=px(6))
        border = palette.PRIMARY if chosen else palette.WOOD_DARK
        pygame.draw.rect(surface, border, card, px(3) if chosen else 1, border_radius=px(6))
        self.draw_name(surface, tile, pygame.Rect(card.left, card.top, card.width, self.name_h()))
        picture = self.tile_pictures.get(tile.target)
        if picture is not None:
            self.draw_picture(surface, tile, picture.inflate(-px(8), -px(6)))
            self.draw_mark(surface, tile, picture)

    def draw_mark(self, surface: pygame.Surface, tile: Tile, picture: pygame.Rect) -> None:
        """A mark that says, by its shape, where the tile stands: an empty ring (not checked),
        a tick (checked), a flag (reported to the PPS), in the picture's top left corner."""
        px = self.ctx.px
        icon = max(px(12), self.ctx.font_px(11))
        centre = (picture.left + px(5) + icon // 2, picture.top + px(3) + icon // 2)
        if self.reported(tile):
            draw_flag(surface, centre, icon, palette.WARNING)
        elif self.inspected(tile):
            draw_tick(surface, centre, icon, palette.OK)
        else:
            draw_ring(surface, centre, icon, palette.MUTED)

    def draw_name(self, surface: pygame.Surface, tile: Tile, strip: pygame.Rect) -> None:
        """The tile's name, the whole width of the tile; a long one at a large text size is
        set smaller, never under the size it has at the normal text size."""
        px = self.ctx.px
        size = self.ctx.font_px(13)
        text = self.text_cache.get(
            short_name(tile, self.ctx.cat),
            size,
            strip.width - px(10),
            bold=True,
            shrink=True,
            least=min(size * 3 // 4, self.ctx.normal_font_px(13)),
        )
        surface.blit(text, (strip.left + px(5), strip.centery + px(1) - text.get_height() // 2))

    def draw_picture(self, surface: pygame.Surface, tile: Tile, rect: pygame.Rect) -> None:
        picture = self.picture(tile, (rect.width, rect.height))
        surface.blit(picture, picture.get_rect(center=rect.center))

    def picture(self, tile: Tile, size: tuple[int, int]) -> pygame.Surface:
        """The art for ``tile``: veiled until it has been checked (every box looks alike
        then), afterwards as the engine has it. Supplies are never crossed out: the numbers
        are there to compare; a supply that did not come at all shows as a faint outline."""
        seen = self.inspected(tile)
        key = (tile.target, self.picture_state(tile), seen, size)
        return self.pictures.get(key, lambda: self.make_picture(tile, size, seen))

    def picture_state(self, tile: Tile) -> object:
        world = self.world
        if tile.family == "box":
            return world.boxes[BallotType(tile.name)].sealed_on_arrival
        if tile.family == "ballots":
            stock = world.stocks[BallotType(tile.name)]
            return stock.counted, stock.received
        return world.items_delivered.get(tile.name, 0)

    def make_picture(self, tile: Tile, size: tuple[int, int], seen: bool) -> pygame.Surface:
        from simulator.art import things

        world, cat = self.world, self.ctx.cat
        if tile.family == "box":
            box = world.boxes[BallotType(tile.name)]
            state = "damaged_seal" if seen and not box.sealed_on_arrival else "sealed"
            picture = things.draw_box(BallotType(tile.name), size, state)
        elif tile.family == "ballots":
            stock = world.stocks[BallotType(tile.name)]
            label = (
                cat("scene.logistik.packet.counted", count=stock.received)
                if stock.counted
                else cat("scene.logistik.packet.uncounted")
            )
            picture = things.draw_ballot_packet(BallotType(tile.name), label, size)
        else:
            picture = things.draw_item(tile.name, size, ok=True)
            if seen and world.items_delivered.get(tile.name, 0) == 0:
                picture.set_alpha(60)
                faint = pygame.Surface(picture.get_size(), pygame.SRCALPHA)
                faint.blit(picture, (0, 0))
                picture = faint
        if not seen:
            picture = veiled(picture, self.text_cache, self.ctx.font_px(22))
        return picture


def lines_markup(lines: Sequence[Line]) -> str:
    """Paragraphs as a text box's markup: bold, italic and muted as drawn before, a bullet's
    words after its bullet."""
    muted = "#{:02x}{:02x}{:02x}".format(*palette.MUTED)
    parts = []
    for line in lines:
        words = escape(line.text)
        if line.weight == "bold":
            words = f"<b>{words}</b>"
        elif line.weight == "italic":
            words = f"<i><font color='{muted}'>{words}</font></i>"
        elif line.weight == "muted":
            words = f"<font color='{muted}'>{words}</font>"
        parts.append(words)
    return "<br>".join(parts)


def veiled(picture: pygame.Surface, text: TextCache, font: int) -> pygame.Surface:
    """``picture`` under a pale veil with a question mark: not checked yet."""
    out = picture.copy()
    veil = pygame.Surface(out.get_size(), pygame.SRCALPHA)
    veil.fill((*palette.PANEL, 165))
    out.blit(veil, (0, 0))
    w, h = out.get_size()
    radius = max(6, min(w, h) // 4)
    centre = (w // 2, h // 2)
    pygame.draw.circle(out, palette.PANEL, centre, radius)
    draw_ring(out, centre, radius * 2, palette.MUTED)
    # The mark keeps inside its ring, however small a crowded tile makes the picture.
    mark = text.get("?", min(font, radius * 2), radius * 2, bold=True, colour=palette.MUTED)
    out.blit(mark, mark.get_rect(center=centre))
    return out


def _target_of(action: Action) -> str | None:
    """The tile an action concerns."""
    if isinstance(action, InspectItem):
        return action.target
    if isinstance(action, CountBallots):
        return f"ballots.{action.ballot.value}"
    if isinstance(action, ReportDiscrepancy):
        parts = action.discrepancy.split(".")
        return ".".join(parts[:2])
    return None


def _other_tps(number: int) -> int:
    """The number on a sticker meant for another TPS."""
    return number + 10 if number < 990 else number - 10


def manifest_words(world: World, tile: Tile, cat: Catalog) -> list[str]:
    """What the PPS delivery list says ``tile`` should be."""
    tps = world.scenario.tps
    if tile.family == "box":
        return [
            cat(
                "scene.logistik.detail.box_manifest",
                tps=f"{tps.number:03d}",
                village=tps.village,
            )
        ]
    if tile.family == "ballots":
        dpt = tps.dpt.total
        election = world.scenario.election
        ballot = BallotType(tile.name)
        return [
            cat(
                "scene.logistik.detail.ballots_manifest",
                expected=expected_ballots(dpt, election),
                dpt=dpt,
                reserve=reserve(dpt, election),
            ),
            cat("scene.logistik.detail.district_manifest", district=district_of(world, ballot)),
        ]
    quantity = world.items_expected.get(tile.name, 0)
    return [cat("scene.logistik.detail.item_manifest", quantity=quantity)]


def seen_words(world: World, tile: Tile, cat: Catalog) -> list[str]:
    """What checking ``tile`` shows, straight from the engine's state."""
    tps = world.scenario.tps
    if tile.family == "box":
        box = world.boxes[BallotType(tile.name)]
        seal = "seal_intact" if box.sealed_on_arrival else "seal_broken"
        # A sticker that does not match carries another TPS's number: the trainee compares.
        number = tps.number if box.sticker_matches else _other_tps(tps.number)
        return [
            cat(f"scene.logistik.detail.{seal}"),
            cat("scene.logistik.detail.sticker", tps=f"{number:03d}", village=tps.village),
        ]
    if tile.family == "ballots":
        ballot = BallotType(tile.name)
        stock = world.stocks[ballot]
        printed = stock.district or district_of(world, ballot)
        lines = [cat("scene.logistik.detail.district_seen", district=printed)]
        if stock.defective:
            lines.append(cat("scene.logistik.detail.defects", count=stock.defective))
        else:
            lines.append(cat("scene.logistik.detail.defects_none"))
        if stock.counted:
            lines.append(cat("scene.logistik.detail.counted", count=stock.received))
        else:
            lines.append(cat("scene.logistik.detail.not_counted"))
        if stock.swapped_by_pps:
            lines.append(cat("scene.logistik.detail.swapped"))
        return lines
    return [
        cat("scene.logistik.detail.item_seen", quantity=world.items_delivered.get(tile.name, 0))
    ]


# --- shared with the opening scene ------------------------------------------------------------


def build_side_column(scene: PhaseScene, title: str) -> pygame.Rect:
    """The right-hand column: ``title`` over room the scene draws in (the returned rect),
    then every allowed action the stage has no control for, so nothing the engine allows is
    out of reach (many of one kind fold under one button), then "End this phase"."""
    cat, px = scene.ctx.cat, scene.ctx.px
    side = scene.side_rect()
    title_h = layout.heading(scene.ui, scene.ctx, side.left, side.top, side.width, title)
    end_h = scene.end_button_h()
    rows = scene.side_rows()
    body_top = side.top + title_h + px(4)
    body_bottom = side.bottom - end_h - px(8)
    split = body_bottom
    if rows:
        row_h, gap = px(38), px(4)
        wanted = px(34) + len(rows) * (row_h + gap)
        split = body_bottom - min(wanted, int((body_bottom - body_top) * 0.5))
        scene.ui.label(
            pygame.Rect(side.left, split + px(6), side.width, px(26)),
            cat("scene.logistik.others"),
            style="@badge",
        )
        list_rect = pygame.Rect(side.left, split + px(34), side.width, body_bottom - split - px(34))
        scene.build_action_list(list_rect, rows)
    scene.build_end_button(side)
    return pygame.Rect(side.left, body_top, side.width, split - body_top)


def narrow_side(scene: PhaseScene) -> pygame.Rect:
    """The framework's side column, narrowed to ``SIDE_W``: the stage gets the rest."""
    px = scene.ctx.px
    side = PhaseScene.side_rect(scene)
    width = min(side.width, px(SIDE_W))
    return pygame.Rect(side.right - width, side.top, width, side.height)


SCENE = LogistikScene
