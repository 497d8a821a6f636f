"""The debrief: the score of each phase, then every error with its explanation, its
consequence on the real day and the regulation it breaks; "try again" or "next"."""

from __future__ import annotations

import pygame

from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.app.scene import Scene
from simulator.app.widgets import escape
from simulator.art import palette
from simulator.core.scoring import PASS_MARK, Score
from simulator.presenter import finding_text


class DebriefScene(Scene):
    def __init__(self, ctx: AppContext, session: PlaySession) -> None:
        super().__init__(ctx)
        self.session = session
        self.score: Score = session.sim.score()

    def bars_rect(self) -> pygame.Rect:
        px = self.ctx.px
        return pygame.Rect(px(40), px(150), px(460), self.ctx.size[1] - px(250))

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
            pygame.Rect(px(40), px(66), w - px(80), px(30)), entry.title(cat), style="@muted"
        )
        bars = self.bars_rect()
        # As wide as the bars: the verdict in words opens the list of mistakes beside them.
        self.ui.label(
            pygame.Rect(bars.left, px(100), bars.width, px(40)),
            cat("shell.debrief.overall", score=self.score.overall),
            style="@heading",
        )
        for index, phase_score in enumerate(self.score.phases):
            y = bars.top + index * px(52)
            self.ui.label(
                pygame.Rect(bars.left, y, bars.width, px(24)),
                cat(
                    "shell.debrief.phase_row_critical"
                    if phase_score.critical
                    else "shell.debrief.phase_row",
                    phase=cat(f"phase.{phase_score.phase.value}"),
                    score=phase_score.score,
                    errors=phase_score.findings,
                    critical=phase_score.critical,
                ),
            )
        findings_rect = pygame.Rect(
            bars.right + px(24), px(100), w - bars.right - px(64), h - px(200)
        )
        self.ui.text(findings_rect, self.findings_markup())
        y = h - px(80)
        bw = px(240)
        again = self.ui.button(
            pygame.Rect(px(40), y, bw, px(50)),
            cat("shell.debrief.again"),
            self.again,
            key=pygame.K_u,
            style="@strong",
        )
        self.ui.button(
            pygame.Rect(px(40) + bw + px(16), y, bw, px(50)),
            cat("shell.debrief.next"),
            self.next,
            key=pygame.K_n,
        )
        self.ui.button(
            pygame.Rect(px(40) + 2 * (bw + px(16)), y, bw, px(50)),
            cat("shell.debrief.menu"),
            self.menu,
            key=pygame.K_m,
        )
        self.ui.set_focus(again)

    def findings_markup(self) -> str:
        cat = self.ctx.cat
        findings = self.session.sim.findings
        passed = self.score.passed
        verdict = escape(cat("shell.debrief.passed" if passed else "shell.debrief.not_yet"))
        if not findings:
            return f"<b>{verdict}</b> {escape(cat('shell.debrief.clean'))}"
        parts = [
            f"<b>{verdict}</b>",
            "",
            f"<b>{escape(cat('shell.debrief.errors', count=len(findings)))}</b>",
            "",
        ]
        for finding in findings:
            text = finding_text(finding, cat)
            consequence = ", ".join(text.consequences)
            parts += [
                f"<b>{escape(text.time)} · {escape(text.severity)} · −{text.points} · "
                f"{escape(text.title)}</b>",
                escape(text.explanation),
                escape(cat("shell.debrief.consequence", text=text.consequence)),
            ]
            if consequence:
                parts.append(escape(cat("shell.debrief.risks", risks=consequence)))
            parts += [f"<i>{escape(text.regulation)}</i>", ""]
        return "<br>".join(parts)

    # --- where next -----------------------------------------------------------------------

    def again(self) -> None:
        from simulator.scenes.phases import scene_for

        profile_id = self.ctx.profile.id if self.ctx.profile else None
        session = PlaySession.begin(
            self.session.entry, self.session.mode, self.ctx.store, profile_id
        )
        self.ctx.stack.replace(scene_for(self.ctx, session))

    def next(self) -> None:
        from simulator.scenes.picker import PickerScene

        entries = [e for e in self.ctx.library() if e.playable]
        following = None
        if self.session.entry in entries:
            index = entries.index(self.session.entry)
            following = entries[(index + 1) % len(entries)]
        self.ctx.stack.replace(PickerScene(self.ctx, chosen=following))

    def menu(self) -> None:
        from simulator.scenes.start import StartScene

        self.ctx.stack.replace(StartScene(self.ctx))

    def draw(self, surface: pygame.Surface) -> None:
        """A bar per phase under its label: length for the score, a word for the verdict."""
        px = self.ctx.px
        bars = self.bars_rect()
        for index, phase_score in enumerate(self.score.phases):
            y = bars.top + index * px(52) + px(26)
            full = pygame.Rect(bars.left, y, bars.width, px(14))
            pygame.draw.rect(surface, palette.PANEL_LINE, full, border_radius=px(6))
            colour = palette.OK if phase_score.score >= PASS_MARK else palette.WARNING
            if phase_score.critical:
                colour = palette.DANGER
            filled = full.copy()
            filled.width = max(px(4), full.width * phase_score.score // 100)
            pygame.draw.rect(surface, colour, filled, border_radius=px(6))
