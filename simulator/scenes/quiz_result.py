"""The end of a quiz sitting: the score (and, for Ujian, passed or not), a bar per topic, and
every question answered wrongly with the right answer, the explanation and the article."""

from __future__ import annotations

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.quiz_play import QuizPlay
from simulator.app.scene import Scene
from simulator.app.widgets import escape
from simulator.art import palette
from simulator.quiz import texts
from simulator.quiz.session import PASS_PERCENT, Mode, Result


class QuizResultScene(Scene):
    def __init__(self, ctx: AppContext, play: QuizPlay, result: Result) -> None:
        super().__init__(ctx)
        self.play = play
        self.result = result

    def build(self) -> None:
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        w, h = ctx.size
        result = self.result
        left, width = px(40), w - px(80)
        plan = self.play.plan
        title = (cat("plans.result.title", part=cat(f"plans.part.{plan.part}")) if plan
                 else cat("quiz.result.title", mode=cat(f"quiz.mode.{result.mode.value}")))
        self.ui.label(pygame.Rect(left, px(20), width, ctx.line(30)), title, style="@title")
        y = px(20) + ctx.line(30)
        y += layout.heading(self.ui, ctx, left, y, width,
                            cat("quiz.result.score", right=result.right, total=result.total,
                                percent=result.percent, time=texts.mmss(result.seconds)))
        if plan is not None:
            # A class's test is a measure, not an exam to pass: the pre-test's score is where
            # the trainee starts, the post-test's is set beside it.
            y += px(4) + layout.heading(self.ui, ctx, left, y + px(4), width, self.plan_note())
        elif result.mode is Mode.UJIAN:
            verdict = cat("quiz.result.passed" if result.passed else "quiz.result.failed",
                          mark=PASS_PERCENT)
            if result.time_up:
                verdict = cat("quiz.result.time_up", verdict=verdict)
            y += px(4) + layout.heading(self.ui, ctx, left, y + px(4), width, verdict)
        top = y + px(12)
        buttons_h = ctx.row_h(50, 16)
        bottom = h - px(30) - buttons_h - px(12)
        bars = pygame.Rect(left, top, px(500), bottom - top)
        self.build_bars(bars)
        notes = pygame.Rect(bars.right + px(24), top, w - bars.right - px(64), bottom - top)
        self.ui.text(notes, self.mistakes_markup())
        y = h - px(30) - buttons_h
        x = left
        first = None
        choices = (
            ((cat("plans.back_to_plan"), self.to_plan, pygame.K_m, "@strong"),) if plan else (
                (cat("quiz.result.again"), self.again, pygame.K_u, "@strong"),
                (cat("quiz.result.menu"), self.to_quiz_menu, pygame.K_m, None),
            )
        )
        for text, callback, key, style in choices:
            bw = max(px(260), layout.button_width(ctx, text, key, style))
            button = self.ui.button(pygame.Rect(x, y, bw, buttons_h), text, callback, key=key,
                                    style=style)
            first = first or button
            x += bw + px(16)
        if self.play.save_failed:
            layout.words(self.ui, ctx, x, y, w - x - px(40), cat("quiz.result.not_saved"))
        if first is not None:
            self.ui.set_focus(first)

    def build_bars(self, bars: pygame.Rect) -> None:
        """A row per topic: its name and score, and a bar; the rows scroll when they are more
        than the room holds."""
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        box = self.ui.scroller(bars)
        width = bars.width - px(22)
        y = 0
        for topic, score in self.result.by_topic.items():
            y += layout.words(
                self.ui, ctx, 0, y, width,
                cat("quiz.result.topic_row", topic=cat(f"quiz.topic.{topic}"),
                    right=score.right, total=score.total),
                container=box,
            )
            bar = pygame.Surface((width, px(10)), pygame.SRCALPHA)
            track = bar.get_rect()
            pygame.draw.rect(bar, palette.PANEL_LINE, track, border_radius=4)
            filled = track.copy()
            filled.width = int(track.width * score.percent / 100)
            colour = palette.OK if score.percent >= PASS_PERCENT else palette.DANGER
            pygame.draw.rect(bar, colour, filled, border_radius=4)
            self.ui.image(pygame.Rect((0, y), bar.get_size()), bar, container=box)
            y += px(10) + px(10)
        layout.scroll_area(box, (width, max(1, y)))

    def plan_note(self) -> str:
        """What a plan's test score means: a starting point, or set beside it."""
        cat, plan = self.ctx.cat, self.play.plan
        assert plan is not None
        if plan.part == "pre":
            return cat("plans.result.pre")
        pre = self._pre_percent(plan.plan)
        if pre is None:
            return cat("plans.result.post_alone")
        return cat("plans.result.post", pre=pre, post=self.result.percent)

    def _pre_percent(self, plan_id: str) -> int | None:
        from simulator.persistence.plan_records import plan_done
        from simulator.persistence.store import StoreError

        store, profile = self.ctx.store, self.ctx.profile
        if store is None or profile is None:
            return None
        try:
            return plan_done(store, profile.id, plan_id).tests.get("pre")
        except StoreError:
            return None

    def mistakes_markup(self) -> str:
        cat = self.ctx.cat
        plan = self.play.plan
        if plan is not None and plan.part == "pre":
            return escape(cat("plans.result.review_later"))
        wrong = [o for o in self.play.run.outcomes if not o.right]
        unanswered = self.result.total - len(self.play.run.outcomes) \
            if self.result.mode is Mode.UJIAN else 0
        if not wrong and not unanswered:
            return escape(cat("quiz.result.all_right"))
        parts = [f"<b>{escape(cat('quiz.result.mistakes', count=len(wrong)))}</b>", ""]
        for outcome in wrong:
            review = texts.review(outcome, cat)
            parts += [f"<b>{escape(review.question)}</b>", escape(review.given or ""),
                      escape(review.right), escape(review.explanation),
                      f"<i>{escape(review.source)}</i>", ""]
        if unanswered:
            parts.append(escape(cat("quiz.result.unanswered", count=unanswered)))
        return "<br>".join(parts)

    def again(self) -> None:
        from simulator.scenes.quiz import QuizScene

        old = self.play
        library = self.ctx.quiz()
        play = QuizPlay.begin(old.run.mode, library, old.records, old.today)
        if play.run.length == 0:
            self.to_quiz_menu()
            return
        self.ctx.stack.replace(QuizScene(self.ctx, play))

    def to_quiz_menu(self) -> None:
        """ "Menu kuis": back to the quiz menu, where the next sitting is chosen."""
        from simulator.scenes.quiz_menu import QuizMenuScene

        self.ctx.stack.replace(QuizMenuScene(self.ctx, today=self.play.today))

    def to_plan(self) -> None:
        """Back to the class plan, where the next step is offered."""
        from simulator.scenes.plans import PlanScene

        plan = self.play.plan
        self.ctx.stack.replace(PlanScene(self.ctx, chosen=plan.plan if plan else None))

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.to_plan() if self.play.plan is not None else self.to_quiz_menu()
            return True
        return super().handle(event)
