"""An unfinished day from last time (the window was closed, or the laptop died): resume it
where it stopped, or set it aside."""

from __future__ import annotations

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.play import PlaySession, ResumeError
from simulator.app.scene import Scene
from simulator.persistence.store import RunRecord, local_time


class ResumeScene(Scene):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.message = ""

    def build(self) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        store, profile = self.ctx.store, self.ctx.profile
        self.ui.label(
            pygame.Rect(px(60), px(30), px(800), self.ctx.line(30)),
            cat("shell.resume.title"),
            style="@title",
        )
        runs = store.unfinished_runs(profile.id) if store and profile else []
        ctx = self.ctx
        left = px(60)
        width = ctx.size[0] - 2 * left
        y = px(30) + ctx.line(30) + px(10)
        if self.message:
            y += layout.words(self.ui, ctx, left, y, width, self.message) + px(10)
        titles = {e.scenario.id: e for e in self.ctx.library() if e.scenario}
        discard_w = max(px(220), layout.button_width(ctx, cat("shell.resume.discard"),
                                                     style="@danger"))
        row_h = ctx.row_h(46, 16)
        first = None
        for run in runs[:6]:
            entry = titles.get(run.scenario_id)
            title = entry.title(cat) if entry else run.scenario_id
            text = cat(
                "shell.resume.row",
                title=title,
                actions=run.actions,
                mode=cat(f"shell.mode.{run.mode}"),
                started=local_time(run.started),
            )
            row_w = width - discard_w - px(12)
            button = layout.button(
                self.ui, ctx, pygame.Rect(left, y, row_w, row_h), text, lambda r=run: self.resume(r)
            )
            self.ui.button(
                pygame.Rect(left + row_w + px(12), y, discard_w, row_h),
                cat("shell.resume.discard"),
                lambda r=run: self.discard(r),
                style="@danger",
            )
            first = first or button
            y += max(row_h, button.rect.height) + px(10)
        back_w = max(px(260), layout.button_width(ctx, cat("shell.common.back")))
        back = self.ui.button(
            pygame.Rect(left, y + px(10), back_w, ctx.row_h(48, 16)),
            cat("shell.common.back"),
            self.close,
        )
        # The first day to resume; with none left (the last one set aside), the way back.
        self.ui.set_focus(first or back)

    def resume(self, run: RunRecord) -> None:
        from simulator.scenes.phases import scene_for

        store = self.ctx.store
        entry = next(
            (e for e in self.ctx.library() if e.scenario and e.scenario.id == run.scenario_id), None
        )
        if store is None or entry is None:
            self.message = self.ctx.cat("shell.resume.missing")
            self.rebuild()
            return
        try:
            session = PlaySession.resume(entry, run, store)
        except ResumeError as error:
            if str(error) != "scenario_changed":  # kept, never deleted, no longer offered
                store.set_run_aside(run.id, str(error))
            self.message = self.ctx.cat(f"shell.resume.{error}")
            self.rebuild()
            return
        self.ctx.stack.replace(scene_for(self.ctx, session))

    def discard(self, run: RunRecord) -> None:
        """The trainee's choice not to resume this day: it is set aside, kept with every
        action (a trainer may still want it), no longer offered."""
        if self.ctx.store is not None:
            self.ctx.store.set_run_aside(run.id, "trainee")
        if not (
            self.ctx.store
            and self.ctx.profile
            and self.ctx.store.unfinished_runs(self.ctx.profile.id)
        ):
            self.close()
            return
        self.rebuild()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close()
            return True
        return super().handle(event)
