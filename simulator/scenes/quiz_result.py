"""The end of a quiz sitting: the score (and, for Ujian, passed or not), a bar per topic, and
every question answered wrongly with the right answer, the explanation and the article."""

from __future__ import annotations

import pygame

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

    def bars_rect(self) -> pygame.Rect:
        px = self.ctx.px
        return pygame.Rect(px(40), px(150), px(500), self.ctx.size[1] - px(250))

    def row_step(self) -> int:
        """The height of a topic's row: at most 40 design pixels, all topics in the column."""
        rows = max(1, len(self.result.by_topic))
        return min(self.ctx.px(40), self.bars_rect().height // rows)

    def build(self) -> None:
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        w, h = ctx.size
        result = self.result
        self.ui.label(pygame.Rect(px(40), px(20), w - px(80), ctx.line(30)),
                      cat("quiz.result.title", mode=cat(f"quiz.mode.{result.mode.value}")),
                      style="@title")
        self.ui.label(pygame.Rect(px(40), px(70), w - px(80), px(30)),
                      cat("quiz.result.score", right=result.right, total=result.total,
                          percent=result.percent, time=texts.mmss(result.seconds)),
                      style="@heading")
        if result.mode is Mode.UJIAN:
            verdict = cat("quiz.result.passed" if result.passed else "quiz.result.failed",
                          mark=PASS_PERCENT)
            if result.time_up:
                verdict = cat("quiz.result.time_up", verdict=verdict)
            self.ui.label(pygame.Rect(px(40), px(104), w - px(80), px(30)), verdict,
                          style="@heading")
        bars = self.bars_rect()
        step = self.row_step()
        for index, (topic, score) in enumerate(result.by_topic.items()):
            self.ui.label(pygame.Rect(bars.left, bars.top + index * step, bars.width, px(20)),
                          cat("quiz.result.topic_row", topic=cat(f"quiz.topic.{topic}"),
                              right=score.right, total=score.total))
        notes = pygame.Rect(bars.right + px(24), px(150), w - bars.right - px(64), h - px(250))
        self.ui.text(notes, self.mistakes_markup())
        y, bw = h - px(80), px(260)
        again = self.ui.button(pygame.Rect(px(40), y, bw, px(50)), cat("quiz.result.again"),
                               self.again, key=pygame.K_u, style="@strong")
        self.ui.button(pygame.Rect(px(40) + bw + px(16), y, bw, px(50)), cat("quiz.result.menu"),
                       self.to_quiz_menu, key=pygame.K_m)
        if self.play.save_failed:
            self.ui.label(pygame.Rect(px(40) + 2 * (bw + px(16)), y + px(12), px(500), px(26)),
                          cat("quiz.result.not_saved"))
        self.ui.set_focus(again)

    def mistakes_markup(self) -> str:
        cat = self.ctx.cat
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

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.to_quiz_menu()
            return True
        return super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        px = self.ctx.px
        bars = self.bars_rect()
        step = self.row_step()
        for index, score in enumerate(self.result.by_topic.values()):
            top = bars.top + index * step + px(22)
            track = pygame.Rect(bars.left, top, bars.width, max(3, min(px(10), step - px(24))))
            pygame.draw.rect(surface, palette.PANEL_LINE, track, border_radius=4)
            filled = track.copy()
            filled.width = int(track.width * score.percent / 100)
            colour = palette.OK if score.percent >= PASS_PERCENT else palette.DANGER
            pygame.draw.rect(surface, colour, filled, border_radius=4)
