"""The quiz menu: Latihan (all topics, or one), Ujian, Ulangan, and the trainee's polling day."""

from __future__ import annotations

from datetime import date

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.quiz_play import QuizPlay, records_for, review_size
from simulator.app.scene import Scene
from simulator.art.fonts import text_size
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
        self.ui.label(pygame.Rect(px(60), px(26), w - px(120), ctx.line(30)),
                      cat("quiz.menu.title"), style="@title")
        who = ctx.profile.name if ctx.profile else cat("shell.start.no_profile")
        top = px(26) + ctx.line(30)
        top += layout.words(
            self.ui, ctx, px(60), top, w - px(120),
            cat("quiz.menu.subtitle", count=len(library.items), name=who), "@note",
        ) + px(10)
        left, width = px(60), px(560)
        back_h = ctx.row_h(48, 16)
        back_top = h - px(28) - back_h
        bottom = back_top - px(10)
        if library.problems:
            problems = cat("quiz.menu.bank_problems",
                           count=len({p.file for p in library.problems}))
            font = layout.theme_font(ctx, "text_box", "@plain")
            bottom -= layout.text_height(ctx, len(layout.wrap_lines(font, problems, width)))
            layout.words(self.ui, ctx, left, bottom, width, problems)
            bottom -= px(6)
        # The modes and the polling day, in a column that scrolls when large text needs it.
        box = self.ui.scroller(pygame.Rect(left, top, width, bottom - top))
        inner = width - px(22)
        y = 0
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
            button = layout.button(self.ui, ctx, pygame.Rect(0, y, inner, ctx.row_h(50, 16)),
                                   text, callback, key=key, style=style, container=box)
            buttons.append(button)
            y += button.rect.height + px(4)
            y += self._note(hint, 0, y, inner, box) + px(10)
        if records is None:
            buttons[2].disable()  # review follows a profile's own schedule
        y = self._polling_day(records, 0, y + px(6), inner, box)
        layout.scroll_area(box, (inner, max(1, y)))
        self.ui.button(
            pygame.Rect(left, back_top, max(px(260), layout.button_width(ctx, cat(
                "shell.common.back"))), back_h),
            cat("shell.common.back"),
            self.close,
        )
        self._topics(left + width + px(40), w - left - width - px(100), top, back_top)
        self.ui.set_focus(buttons[0])

    def _note(self, text: str, left: int, top: int, width: int, box: object) -> int:
        """Muted words that wrap, in the scrolling column; their height."""
        return layout.words(self.ui, self.ctx, left, top, width, text, "@note", container=box)

    def _polling_day(
        self, records: QuizRecords | None, left: int, y: int, width: int, box: object
    ) -> int:
        """The trainee's polling day, and where to set it; returns where it ends."""
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        if records is None:
            return y
        day = records.polling_day()
        if day is None:
            status = cat("quiz.menu.polling_unset")
        else:
            days = (day - self.today).days
            status = cat("quiz.menu.polling_set", date=day.strftime("%d-%m-%Y"), days=days) \
                if days >= 0 else cat("quiz.menu.polling_past", date=day.strftime("%d-%m-%Y"))
        font = layout.theme_font(ctx, "label", "@heading")
        for line in layout.wrap_lines(font, status, width):
            self.ui.label(pygame.Rect(left, y, width, ctx.line(19)), line, style="@heading",
                          container=box)  # type: ignore[arg-type]
            y += ctx.line(19)
        y += self._note(cat("quiz.menu.polling_hint"), left, y, width, box) + px(8)
        row_h = ctx.row_h(42, 16)
        entry_w = max(px(220), text_size(layout.theme_font(ctx, "text_entry_line"), "00-00-0000")[0]
                      + px(28))
        entry = self.ui.entry(pygame.Rect(left, y, entry_w, row_h), self.set_polling_day,
                              initial=day.strftime("%d-%m-%Y") if day else "", max_length=10,
                              name="polling_day", container=box)  # type: ignore[arg-type]
        save = cat("quiz.menu.polling_save")
        save_w = max(px(150), layout.button_width(ctx, save))
        self.ui.button(pygame.Rect(left + entry_w + px(12), y, save_w, row_h), save,
                       lambda: self.set_polling_day(entry.get_text()),
                       container=box)  # type: ignore[arg-type]
        y += row_h + px(6)
        if self.message:
            y += self._note(self.message, left, y, width, box)
        return y

    def _topics(self, left: int, width: int, top: int, bottom: int) -> None:
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        library = ctx.quiz()
        title_h = layout.heading(self.ui, ctx, left, top, width, cat("quiz.menu.topics"))
        scroller = self.ui.scroller(
            pygame.Rect(left, top + title_h + px(4), width, bottom - top - title_h - px(4))
        )
        known = {record.topic: record for record in self._topic_records()}
        y = 0
        inner = width - px(24)
        for topic in library.topics():
            record = known.get(topic)
            text = cat("quiz.menu.topic_row", topic=cat(f"quiz.topic.{topic}"),
                       count=library.count(topic))
            if record is not None:
                text = cat("quiz.menu.topic_row_known", row=text, percent=record.recent_percent)
            button = layout.button(self.ui, ctx, pygame.Rect(0, y, inner, ctx.row_h(42)), text,
                                   lambda t=topic: self.start(Mode.LATIHAN, t),
                                   container=scroller)
            y += button.rect.height + px(6)
        layout.scroll_area(scroller, (inner, max(y, 1)))

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
