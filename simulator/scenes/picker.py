"""The scenario picker: scenarios grouped by phase and difficulty, with the description,
objectives and best score of the chosen one, and the choice of mode. With a library of a few
dozen scenarios, a row of filters above the list ([A] all, [P] Pemilu, [K] Pilkada) keeps to
the election a class is trained for, and says how many of how many are shown."""

from __future__ import annotations

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.library import ScenarioEntry, group_order, phase_names
from simulator.app.play import Mode, PlaySession
from simulator.app.scene import Scene
from simulator.app.widgets import escape
from simulator.schema.types import ElectionType

# The filter buttons above the list: (election shown, None for all; its key).
FILTERS: tuple[tuple[ElectionType | None, int], ...] = (
    (None, pygame.K_a),
    (ElectionType.PEMILU_2024, pygame.K_p),
    (ElectionType.PILKADA_2024, pygame.K_k),
)


class PickerScene(Scene):
    def __init__(self, ctx: AppContext, chosen: ScenarioEntry | None = None) -> None:
        super().__init__(ctx)
        self.chosen = chosen
        self.mode = Mode.LATIHAN
        self.election: ElectionType | None = None  # the filter: None shows every election
        self.entry_of: dict[object, ScenarioEntry] = {}  # the list's buttons

    def build(self) -> None:
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        w, h = ctx.size
        every = ctx.library()
        entries = [e for e in every if self.shows(e)]
        if self.chosen is None or self.chosen not in entries:
            self.chosen = next((e for e in entries if e.playable), None)
        back_w = max(px(170), layout.button_width(ctx, cat("shell.common.back")))
        back_h = ctx.row_h(40, 16)
        self.ui.label(
            pygame.Rect(px(40), px(20), w - px(80) - back_w - px(12), self.ctx.line(30)),
            cat("shell.picker.title"),
            style="@title",
        )
        back = self.ui.button(
            pygame.Rect(w - px(30) - back_w, px(24), back_w, back_h),
            cat("shell.common.back"),
            self.close,
            focusable=False,
        )
        back.set_tooltip(escape(cat("shell.common.back_hint")))
        top = px(20) + max(self.ctx.line(30), px(24) + back_h - px(20)) + px(6)
        list_w = int(w * 0.42)
        top_of_list = self._build_filters(pygame.Rect(px(40), top, list_w, 0), len(entries),
                                          len(every))
        list_rect = pygame.Rect(px(40), top_of_list, list_w, h - px(30) - top_of_list)
        self._build_list(list_rect, entries)
        detail = pygame.Rect(
            list_rect.right + px(24), top, w - list_rect.right - px(64), h - px(30) - top
        )
        self._build_detail(detail)

    def shows(self, entry: ScenarioEntry) -> bool:
        """Whether the filter keeps ``entry`` (a scenario that does not load is always shown,
        with its problem, so a trainer sees why)."""
        if self.election is None or entry.scenario is None:
            return True
        return entry.scenario.election is self.election

    def _build_filters(self, rect: pygame.Rect, shown: int, total: int) -> int:
        """The election filters in a row, the count under them; returns where the list starts."""
        cat, px = self.ctx.cat, self.ctx.px
        gap = px(8)
        labels = [
            (election, key, cat(f"shell.picker.filter.{election.value if election else 'all'}"))
            for election, key in FILTERS
        ]
        width = (rect.width - gap * (len(labels) - 1)) // len(labels)
        height = max(
            layout.button_height(self.ctx, text, width, key=key, least=px(36))
            for _, key, text in labels
        )
        for index, (election, key, text) in enumerate(labels):
            chosen = election is self.election
            self.ui.button(
                pygame.Rect(rect.left + index * (width + gap), rect.top, width, height),
                ("• " if chosen else "") + text,
                lambda e=election: self.filter(e),
                key=key,
                style="@strong" if chosen else None,
                focusable=False,
            )
        y = rect.top + height + px(4)
        self.ui.label(
            pygame.Rect(rect.left, y, rect.width, self.ctx.line(15)),
            cat("shell.picker.filter.shown", shown=shown, total=total),
            style="@muted",
        )
        return y + self.ctx.line(15) + px(8)

    def filter(self, election: ElectionType | None) -> None:
        self.election = election
        self.rebuild()

    def _build_list(self, rect: pygame.Rect, entries: list[ScenarioEntry]) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        scroller = self.ui.scroller(rect)
        inner = rect.width - px(22)
        best = self._best_scores()
        self.entry_of = {}
        y = 0
        for group in group_order():
            members = [e for e in entries if e.group == group]
            if not members:
                continue
            font = layout.theme_font(self.ctx, "label", "@heading")
            for line in layout.wrap_lines(font, cat(f"shell.picker.group.{group}"), inner):
                self.ui.label(
                    pygame.Rect(0, y, inner, self.ctx.line(19)),
                    line,
                    style="@heading",
                    container=scroller,
                )
                y += self.ctx.line(19)
            y += px(2)
            for entry in members:
                text = self._row_text(entry, best)
                button = layout.button(
                    self.ui,
                    self.ctx,
                    pygame.Rect(0, y, inner, self.ctx.row_h(44)),
                    text,
                    lambda e=entry: self.choose(e),
                    container=scroller,
                )
                self.entry_of[button] = entry
                if entry is self.chosen:
                    self.ui.set_focus(button)
                y += button.rect.height + px(6)
            y += px(8)
        layout.scroll_area(scroller, (inner, max(y, 1)))

    def _row_text(self, entry: ScenarioEntry, best: dict[str, int]) -> str:
        cat = self.ctx.cat
        if entry.scenario is None:
            return cat("shell.picker.broken", file=entry.path.name)
        parts = [entry.title(cat), cat(f"difficulty.{entry.scenario.difficulty.value}")]
        score = best.get(entry.scenario.id)
        if score is not None:
            parts.append(cat("shell.picker.best_short", score=score))
        return " · ".join(parts)

    def _best_scores(self) -> dict[str, int]:
        store, profile = self.ctx.store, self.ctx.profile
        return store.best_scores(profile.id) if store and profile else {}

    def _build_detail(self, rect: pygame.Rect) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        entry = self.chosen
        if entry is None:
            self.ui.text(rect, escape(cat("shell.picker.none")))
            return
        buttons_h = self.ctx.row_h(50, 16)
        text_rect = pygame.Rect(
            rect.left, rect.top, rect.width, rect.height - 2 * buttons_h - px(24)
        )
        self.ui.text(text_rect, self._detail_markup(entry))
        if not entry.playable:
            return
        half = (rect.width - px(12)) // 2
        y = text_rect.bottom + px(12)
        for index, mode in enumerate(Mode):
            marker = "• " if mode is self.mode else ""
            self.ui.button(
                pygame.Rect(rect.left + index * (half + px(12)), y, half, buttons_h),
                marker + cat(f"shell.mode.{mode.value}"),
                lambda m=mode: self.set_mode(m),
                key=(pygame.K_l, pygame.K_u)[index],
                tooltip=cat(f"shell.mode.{mode.value}_hint"),
                style="@strong" if mode is self.mode else None,
            )
        self.ui.button(
            pygame.Rect(rect.left, y + buttons_h + px(12), rect.width, buttons_h),
            cat("shell.picker.start"),
            self.start,
            key=pygame.K_m,
            style="@strong",
        )

    def _detail_markup(self, entry: ScenarioEntry) -> str:
        cat = self.ctx.cat
        if entry.scenario is None:
            problem = entry.problem.render(cat) if entry.problem else ""
            return "<b>{}</b><br><br>{}".format(
                escape(cat("shell.picker.broken", file=entry.path.name)), escape(problem)
            )
        scenario = entry.scenario
        best = self._best_scores().get(scenario.id)
        lines = [
            f"<b>{escape(entry.title(cat))}</b>",
            escape(
                cat(f"election.{scenario.election.value}")
                + " · "
                + cat(f"difficulty.{scenario.difficulty.value}")
            ),
            escape(cat("shell.picker.phases", phases=phase_names(scenario.phases, cat))),
            "",
            escape(scenario.description.get(cat.lang)),
            "",
            f"<b>{escape(cat('shell.picker.objectives'))}</b>",
            *(f"• {escape(o.get(cat.lang))}" for o in scenario.objectives),
            "",
            escape(
                cat("shell.picker.best", score=best)
                if best is not None
                else cat("shell.picker.never")
            ),
        ]
        return "<br>".join(lines)

    # --- choosing -------------------------------------------------------------------------

    def choose(self, entry: ScenarioEntry) -> None:
        self.chosen = entry
        self.rebuild()

    def set_mode(self, mode: Mode) -> None:
        self.mode = mode
        self.rebuild()

    def start(self) -> None:
        from simulator.scenes.phases import scene_for

        entry = self.chosen
        if entry is None or not entry.playable:
            return
        profile_id = self.ctx.profile.id if self.ctx.profile else None
        session = PlaySession.begin(entry, self.mode, self.ctx.store, profile_id)
        self.ctx.stack.replace(scene_for(self.ctx, session))

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close()
            return True
        handled = super().handle(event)
        # The choice follows the keyboard through the list: the scenario described, and the
        # one Mulai [M] starts, is always the one the ring is on, never one scrolled away.
        if event.type == pygame.KEYDOWN:
            entry = self.entry_of.get(self.ui.focused())
            if entry is not None and entry is not self.chosen:
                self.choose(entry)
        return handled
