"""Profiles: several trainees on one laptop, each with their own results and saved days."""

from __future__ import annotations

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.scene import Scene
from simulator.app.widgets import escape
from simulator.i18n import Catalog
from simulator.persistence.quiz_records import QuizRecords
from simulator.persistence.store import Profile, SaveStore, local_time
from simulator.quiz.session import PASS_PERCENT


def quiz_results_markup(records: QuizRecords, cat: Catalog) -> str:
    """Per topic, the share right among the latest answers (what is known now), weakest first;
    topics under the pass mark are marked to study; then the latest exams."""
    topics = sorted(records.by_topic(), key=lambda r: (r.recent_percent, r.topic))
    if not topics:
        return escape(cat("quiz.profile.none"))
    lines = []
    for record in topics:
        line = escape(cat("quiz.profile.row", topic=cat(f"quiz.topic.{record.topic}"),
                          recent=record.recent_percent,
                          total=record.total))
        if record.recent_percent < PASS_PERCENT:
            line = f"<b>{line} · {escape(cat('quiz.profile.study'))}</b>"
        lines.append(line)
    exams = records.exams()
    if exams:
        lines += ["", f"<b>{escape(cat('quiz.profile.exams'))}</b>"]
        for exam in exams:
            verdict = cat("quiz.profile.exam_passed" if exam.passed else "quiz.profile.exam_failed")
            lines.append(escape(cat("quiz.profile.exam_row", date=local_time(exam.at, "%d-%m-%Y"),
                                    correct=exam.correct, total=exam.total, verdict=verdict)))
    return "<br>".join(lines)


class ProfileScene(Scene):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.message = ""

    def build(self) -> None:
        cat, px, store = self.ctx.cat, self.ctx.px, self.ctx.store
        ctx = self.ctx
        left, column = px(60), px(640)
        self.ui.label(
            pygame.Rect(left, px(30), px(700), ctx.line(30)),
            cat("shell.profiles.title"),
            style="@title",
        )
        y = px(30) + ctx.line(30) + px(6)
        back_h = ctx.row_h(48, 16)
        back_w = max(px(260), layout.button_width(ctx, cat("shell.common.back")))
        if store is None:
            y += layout.words(self.ui, ctx, left, y, px(700), cat("shell.profiles.no_store"))
            self.ui.button(
                pygame.Rect(left, y + px(16), back_w, back_h), cat("shell.common.back"), self.close
            )
            return
        y += layout.words(self.ui, ctx, left, y, column, cat("shell.profiles.new")) + px(4)
        row_h = ctx.row_h(44, 16)
        create_w = max(px(200), layout.button_width(ctx, cat("shell.profiles.create"),
                                                    style="@strong"))
        entry = self.ui.entry(
            pygame.Rect(left, y, column - create_w - px(12), row_h), self.create, max_length=40
        )
        self.ui.button(
            pygame.Rect(left + column - create_w, y, create_w, row_h),
            cat("shell.profiles.create"),
            lambda: self.create(entry.get_text()),
            style="@strong",
        )
        y += row_h + px(4)
        if self.message:
            y += layout.words(self.ui, ctx, left, y, column, self.message)
        y += px(14)
        y += layout.heading(self.ui, ctx, left, y, column, cat("shell.profiles.existing"))
        y += px(4)
        bottom = ctx.size[1] - px(28) - back_h
        scroller = self.ui.scroller(pygame.Rect(left, y, column, bottom - y - px(12)))
        y = 0
        current = self.ctx.profile.id if self.ctx.profile else None
        profiles = store.profiles()
        inner_w = column - px(40)
        for profile in profiles:
            marker = "• " if profile.id == current else ""
            button = layout.button(
                self.ui,
                ctx,
                pygame.Rect(0, y, inner_w, row_h),
                marker + profile.name,
                lambda p=profile: self.pick(p),
                container=scroller,
            )
            if profile.id == current:
                self.ui.set_focus(button)
            y += button.rect.height + px(6)
        layout.scroll_area(scroller, (inner_w, max(y, 1)))
        self.ui.button(
            pygame.Rect(left, bottom, back_w, back_h),
            cat("shell.common.back"),
            self.close,
        )
        if self.ctx.profile is not None:
            history = cat("shell.profiles.history")
            history_w = max(px(260), layout.button_width(ctx, history, key=pygame.K_r))
            self.ui.button(
                pygame.Rect(left + back_w + px(12), bottom, history_w, back_h),
                history,
                self.open_history,
                key=pygame.K_r,
            )
        if not profiles:
            self.ui.set_focus(entry)
        if self.ctx.profile is not None:
            self._quiz_results(self.ctx.profile)

    def _quiz_results(self, profile: Profile) -> None:
        """What the trainee should study: quiz results per topic, weakest first, and exams."""
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        assert ctx.store is not None
        w, h = ctx.size
        top = px(30) + ctx.line(30) + px(6)
        area = pygame.Rect(px(740), top, w - px(780), h - px(28) - top)
        title_h = layout.heading(
            self.ui, ctx, area.left, area.top, area.width, cat("quiz.profile.title")
        )
        self.ui.text(
            pygame.Rect(area.left, area.top + title_h + px(4), area.width,
                        area.height - title_h - px(4)),
            quiz_results_markup(QuizRecords(ctx.store, profile.id), cat),
        )

    def open_history(self) -> None:
        from simulator.scenes.history import HistoryScene

        self.ctx.stack.push(HistoryScene(self.ctx))

    def create(self, name: str) -> None:
        store = self.ctx.store
        assert store is not None
        name = "".join(ch for ch in name if ch.isprintable())  # a pasted control character
        problem = SaveStore.profile_name_problem(name, (p.name for p in store.profiles()))
        if problem is not None:
            self.message = self.ctx.cat(f"shell.profiles.problem.{problem}")
            self.rebuild()
            return
        self.pick(store.create_profile(name))

    def pick(self, profile: Profile) -> None:
        self.ctx.profile = profile
        if self.ctx.store is not None:
            self.ctx.store.set_setting("last_profile", str(profile.id))
        self.close(profile)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close()
            return True
        return super().handle(event)
