"""The quiz menu: Latihan (all topics, or one), Ujian, Ulangan, and the trainee's polling day."""

from __future__ import annotations

from datetime import date

import pygame

from simulator.app.context import AppContext
from simulator.app.quiz_play import QuizPlay, records_for, review_size
from simulator.app.scene import Scene
from simulator.app.widgets import escape
from simulator.persistence.quiz_records import QuizRecords, TopicRecord
from simulator.persistence.store import StoreError
from simulator.quiz.parse import AnswerError, read_polling_day
from simulator.quiz.session import EXAM_SECONDS, EXAM_SIZE, Mode


class QuizMenuScene(Scene):
    def __init__(self, ctx: AppContext, today: date | None = None) -> None:
        super().__init__(ctx)
        self.today = today or date.today()
        self.message = ""

    @property
    def records(self) -> QuizRecords | None:
        profile = self.ctx.profile
        return records_for(self.ctx.store, profile.id if profile else None)

    def build(self) -> None:
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        w, h = ctx.size
        library = ctx.quiz()
        records = self.records
        self.ui.label(pygame.Rect(px(60), px(26), px(700), ctx.line(30)), cat("quiz.menu.title"),
                      style="@title")
        who = ctx.profile.name if ctx.profile else cat("shell.start.no_profile")
        self.ui.label(pygame.Rect(px(60), px(74), px(640), px(28)),
                      cat("quiz.menu.subtitle", count=len(library.items), name=who),
                      style="@muted")
        left, width = px(60), px(540)
        y = px(120)
        due = review_size(library, records, self.today)
        entries = [
            (cat("quiz.menu.practice"), cat("quiz.menu.practice_hint"),
             lambda: self.start(Mode.LATIHAN), pygame.K_l, "@strong"),
            (cat("quiz.menu.exam", count=EXAM_SIZE, minutes=EXAM_SECONDS // 60),
             cat("quiz.menu.exam_hint"), lambda: self.start(Mode.UJIAN), pygame.K_u, None),
            (cat("quiz.menu.review", count=due), cat("quiz.menu.review_hint"
                                                     if records else "quiz.menu.review_no_profile"),
             lambda: self.start(Mode.ULANGAN), pygame.K_r, "@strong" if due else None),
        ]
        buttons = []
        for text, hint, callback, key, style in entries:
            buttons.append(self.ui.button(pygame.Rect(left, y, width, px(50)), text, callback,
                                          key=key, style=style))
            hint_height = 2 * ctx.line(14)  # two lines, so a large text size wraps, not clips
            self.ui.text(pygame.Rect(left, y + px(54), width, hint_height), escape(hint),
                         style="@note")
            y += px(62) + hint_height
        if records is None:
            buttons[2].disable()  # review follows a profile's own schedule
        self._polling_day(records, left, y + px(6), width)
        if library.problems:
            self.ui.label(pygame.Rect(left, h - px(130), width, px(24)),
                          cat("quiz.menu.bank_problems", count=len({p.file for p in
                                                                    library.problems})))
        self.ui.button(pygame.Rect(left, h - px(76), px(260), px(48)), cat("shell.common.back"),
                       self.close)
        self._topics(px(660), w - px(720))
        self.ui.set_focus(buttons[0])

    def _polling_day(self, records: QuizRecords | None, left: int, y: int, width: int) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        if records is None:
            return
        day = records.polling_day()
        if day is None:
            status = cat("quiz.menu.polling_unset")
        else:
            days = (day - self.today).days
            status = cat("quiz.menu.polling_set", date=day.strftime("%d-%m-%Y"), days=days) \
                if days >= 0 else cat("quiz.menu.polling_past", date=day.strftime("%d-%m-%Y"))
        self.ui.label(pygame.Rect(left, y, width, px(26)), status, style="@heading")
        self.ui.text(pygame.Rect(left, y + px(32), width, px(80)),
                     escape(cat("quiz.menu.polling_hint")), style="@note")
        y += px(60)
        entry = self.ui.entry(pygame.Rect(left, y + px(60), px(220), px(42)), self.set_polling_day,
                              initial=day.strftime("%d-%m-%Y") if day else "", max_length=10,
                              name="polling_day")
        self.ui.button(pygame.Rect(left + px(232), y + px(60), px(150), px(42)),
                       cat("quiz.menu.polling_save"),
                       lambda: self.set_polling_day(entry.get_text()))
        if self.message:
            self.ui.label(pygame.Rect(left, y + px(108), width, px(24)), self.message)

    def _topics(self, left: int, width: int) -> None:
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        library = ctx.quiz()
        self.ui.label(pygame.Rect(left, px(120), width, ctx.line(19)), cat("quiz.menu.topics"),
                      style="@heading")
        scroller = self.ui.scroller(pygame.Rect(left, px(160), width, ctx.size[1] - px(260)))
        known = {record.topic: record for record in self._topic_records()}
        y = 0
        for topic in library.topics():
            record = known.get(topic)
            text = cat("quiz.menu.topic_row", topic=cat(f"quiz.topic.{topic}"),
                       count=library.count(topic))
            if record is not None:
                text = cat("quiz.menu.topic_row_known", row=text, percent=record.recent_percent)
            self.ui.button(pygame.Rect(0, y, width - px(24), px(42)), text,
                           lambda t=topic: self.start(Mode.LATIHAN, t), container=scroller)
            y += px(48)
        scroller.set_scrollable_area_dimensions((width - px(24), max(y, 1)))

    def _topic_records(self) -> list[TopicRecord]:
        records = self.records
        if records is None:
            return []
        try:
            return records.by_topic()
        except StoreError:
            return []

    # --- actions --------------------------------------------------------------------------

    def set_polling_day(self, text: str) -> None:
        records = self.records
        if records is None:
            return
        cat = self.ctx.cat
        if not text.strip():
            records.set_polling_day(None)
            self.message = cat("quiz.menu.polling_cleared")
        else:
            try:
                records.set_polling_day(read_polling_day(text, self.today))
                self.message = ""
            except AnswerError as error:
                self.message = cat(error.key, **error.params)
        self.rebuild()

    def start(self, mode: Mode, topic: str | None = None) -> None:
        from simulator.scenes.quiz import QuizScene

        library = self.ctx.quiz()
        if not library.items:
            return
        play = QuizPlay.begin(mode, library, self.records, self.today, topic=topic)
        if play.run.length == 0:
            self.message = self.ctx.cat("quiz.menu.nothing_due")
            self.rebuild()
            return
        self.ctx.stack.push(QuizScene(self.ctx, play), on_result=lambda _: self.rebuild())

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close()
            return True
        return super().handle(event)
