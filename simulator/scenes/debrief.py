"""The debrief: the verdict and why, the score of each phase with the share of its duties
done, then per phase what was left undone and each rule broken (critical first), explained
once with every instance on its own line; "try again" or "next"."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.app.scene import Scene
from simulator.app.widgets import escape
from simulator.art import palette
from simulator.core.scoring import PhaseScore, Score
from simulator.presenter.debrief import (
    PhaseReport,
    RuleGroup,
    phase_reports,
    verdict_reasons,
)

UNDONE_SHOWN = 8  # undone duties listed per phase before "… and N more"


class DebriefScene(Scene):
    def __init__(self, ctx: AppContext, session: PlaySession) -> None:
        super().__init__(ctx)
        self.session = session
        self.score: Score = session.sim.score()

    def top(self) -> int:
        """Under the title and the scenario's name."""
        return self.ctx.px(20) + self.ctx.line(30) + self.ctx.line(15) + self.ctx.px(6)

    def buttons(self) -> list[tuple[str, Callable[[], None], int, str | None]]:
        cat = self.ctx.cat
        return [
            (cat("shell.debrief.again"), self.again, pygame.K_u, "@strong"),
            (cat("plans.back_to_plan") if self.session.plan else cat("shell.debrief.next"),
             self.next, pygame.K_n, None),
            (cat("shell.debrief.menu"), self.menu, pygame.K_m, None),
        ]

    def buttons_h(self) -> int:
        return self.ctx.row_h(50, 16)

    def bars_rect(self) -> pygame.Rect:
        px = self.ctx.px
        top = self.top() + 2 * self.ctx.line(19) + px(10)
        bottom = self.ctx.size[1] - px(30) - self.buttons_h() - px(12)
        return pygame.Rect(px(40), top, px(460), bottom - top)

    def build(self) -> None:
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        w, h = ctx.size
        entry = self.session.entry
        self.ui.label(
            pygame.Rect(px(40), px(20), w - px(80), self.ctx.line(30)),
            cat("shell.debrief.title"),
            style="@title",
        )
        self.ui.label(
            pygame.Rect(px(40), px(20) + self.ctx.line(30), w - px(80), self.ctx.line(15)),
            entry.title(cat),
            style="@muted",
        )
        bars = self.bars_rect()
        top = self.top()
        self.ui.label(
            pygame.Rect(bars.left, top, bars.width, self.ctx.line(19)),
            cat("shell.debrief.overall", score=self.score.overall),
            style="@heading",
        )
        # The verdict in words, not only the bar colours: passed or not, and its band.
        self.ui.label(
            pygame.Rect(bars.left, top + self.ctx.line(19) + px(4), bars.width, self.ctx.line(19)),
            cat(f"verdict.{self.score.verdict.value}"),
            style="@heading",
        )
        self.build_bars(bars)
        findings_rect = pygame.Rect(bars.right + px(24), top, w - bars.right - px(64),
                                    bars.bottom - top)
        self.ui.text(findings_rect, self.findings_markup())
        y = h - px(30) - self.buttons_h()
        x = px(40)
        first = None
        for text, callback, key, style in self.buttons():
            width = max(px(240), layout.button_width(ctx, text, key, style))
            button = self.ui.button(
                pygame.Rect(x, y, width, self.buttons_h()), text, callback, key=key, style=style
            )
            first = first or button
            x += width + px(16)
        if first is not None:
            self.ui.set_focus(first)

    def build_bars(self, bars: pygame.Rect) -> None:
        """A row per phase: its label, a bar (length for the score, colour and word for the
        verdict) and the share of its duties done; the rows scroll when large text makes
        them taller than the room."""
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        box = self.ui.scroller(bars)
        width = bars.width - px(22)
        y = 0
        for phase_score in self.score.phases:
            self.ui.label(
                pygame.Rect(0, y, width, ctx.line(15)),
                cat(
                    "shell.debrief.phase_row",
                    phase=cat(f"phase.{phase_score.phase.value}"),
                    score=phase_score.score,
                    verdict=cat(f"debrief.verdict_short.{phase_score.verdict.value}"),
                ),
                container=box,
            )
            y += ctx.line(15) + px(2)
            bar = self.bar(phase_score, width)
            self.ui.image(pygame.Rect((0, y), bar.get_size()), bar, container=box)
            y += px(16)
            self.ui.label(
                pygame.Rect(0, y, width, ctx.line(14)),
                cat("shell.debrief.phase_share", completion=phase_score.completion),
                style="@muted",
                container=box,
            )
            y += ctx.line(14) + px(4)
        layout.scroll_area(box, (width, y))

    def bar(self, phase_score: PhaseScore, width: int) -> pygame.Surface:
        px = self.ctx.px
        surface = pygame.Surface((width, px(14)), pygame.SRCALPHA)
        full = surface.get_rect()
        pygame.draw.rect(surface, palette.PANEL_LINE, full, border_radius=px(6))
        colour = palette.OK if phase_score.passed else palette.WARNING
        if phase_score.critical:
            colour = palette.DANGER
        filled = full.copy()
        filled.width = max(px(4), full.width * phase_score.score // 100)
        pygame.draw.rect(surface, colour, filled, border_radius=px(6))
        return surface

    def findings_markup(self) -> str:
        """Why the day did not pass, then per phase: what was left undone and each rule
        broken (criticals first), its explanation once and every instance on a line."""
        cat = self.ctx.cat
        sim = self.session.sim
        score = self.score
        parts: list[str] = []
        reasons = verdict_reasons(score, cat)
        if reasons:
            parts.append(f"<b>{escape(cat('shell.debrief.why'))}</b>")
            parts += [f"• {escape(reason)}" for reason in reasons]
        elif not sim.findings:
            parts.append(escape(cat("shell.debrief.clean")))
        for report in phase_reports(sim.findings, score, sim.duties(), sim.world, cat):
            parts += ["", self._phase_markup(report)]
        return "<br>".join(parts[1:] if parts and parts[0] == "" else parts)

    def _phase_markup(self, report: PhaseReport) -> str:
        cat = self.ctx.cat
        lines = [
            "<b>"
            + escape(
                cat(
                    "shell.debrief.phase_heading",
                    phase=cat(f"phase.{report.phase.value}"),
                    score=report.score.score,
                    verdict=cat(f"debrief.verdict_short.{report.score.verdict.value}"),
                )
            )
            + "</b>"
        ]
        if report.undone:
            lines.append(escape(cat("shell.debrief.undone")))
            lines += [f"• {escape(text)}" for text in report.undone[:UNDONE_SHOWN]]
            if len(report.undone) > UNDONE_SHOWN:
                more = len(report.undone) - UNDONE_SHOWN
                lines.append(escape(cat("shell.debrief.undone_more", count=more)))
        if not report.groups and not report.undone:
            lines.append(escape(cat("shell.debrief.phase_clean")))
        for group in report.groups:
            lines += ["", *self._group_lines(group)]
        return "<br>".join(lines)

    def _group_lines(self, group: RuleGroup) -> list[str]:
        cat = self.ctx.cat
        first = group.first
        count = len(group.instances)
        key = "shell.debrief.group_many" if count > 1 else "shell.debrief.group_one"
        heading = cat(key, severity=first.severity, title=first.title, count=count,
                      points=group.points)
        lines = [f"<b>{escape(heading)}</b>", escape(first.explanation)]
        lines.append(escape(cat("shell.debrief.consequence", text=first.consequence)))
        if first.consequences:
            risks = ", ".join(first.consequences)
            lines.append(escape(cat("shell.debrief.risks", risks=risks)))
        lines.append(f"<i>{escape(first.regulation)}</i>")
        for instance in group.instances:
            case = " — ".join(text for text in (instance.case, instance.right) if text)
            lines.append(f"• {escape(instance.time)} {escape(case)}".rstrip())
        return lines

    # --- where next -----------------------------------------------------------------------

    def again(self) -> None:
        from simulator.scenes.phases import scene_for

        profile_id = self.ctx.profile.id if self.ctx.profile else None
        session = PlaySession.begin(
            self.session.entry, self.session.mode, self.ctx.store, profile_id,
            plan=self.session.plan,
        )
        self.ctx.stack.replace(scene_for(self.ctx, session))

    def next(self) -> None:
        from simulator.scenes.picker import PickerScene

        if self.session.plan is not None:  # a step of a class plan: the plan's next step
            from simulator.scenes.plans import PlanScene

            self.ctx.stack.replace(PlanScene(self.ctx, chosen=self.session.plan.plan))
            return

        entries = [e for e in self.ctx.library() if e.playable]
        following = None
        if self.session.entry in entries:
            index = entries.index(self.session.entry)
            following = entries[(index + 1) % len(entries)]
        self.ctx.stack.replace(PickerScene(self.ctx, chosen=following))

    def menu(self) -> None:
        from simulator.scenes.start import StartScene

        self.ctx.stack.replace(StartScene(self.ctx))
