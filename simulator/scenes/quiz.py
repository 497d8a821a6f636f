"""One quiz sitting on screen: the question, its answers by key or mouse, and (in Latihan and
Ulangan) the explanation at once; a ballot question shows the ballot drawn by the counting
scene's own code, with its marks also listed in words."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.quiz_play import QuizPlay
from simulator.app.scene import Scene
from simulator.app.widgets import escape
from simulator.art import palette
from simulator.art.fonts import text_size
from simulator.art.sheet import wrap
from simulator.core.answers import Answer
from simulator.quiz import texts
from simulator.quiz.parse import AnswerError, parse_answer
from simulator.quiz.session import Item, Mode, Outcome, Shown
from simulator.scenes.magnifier import MAGNIFY_KEY, Magnifier
from simulator.schema.quiz import BallotQuestion, MultipleChoice, Numeric, Ordering

DIGIT_KEYS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6,
              pygame.K_7, pygame.K_8, pygame.K_9)


@dataclass
class _Row:
    """An answer row: its number button, and the text area a click also selects."""

    rect: pygame.Rect  # the text's area, in screen coordinates (for clicks)
    index: int  # 0-based position in the shown order


BALLOT_SHARES = (0.46, 0.36, 0.28)  # the ballot's share of the width, as the words allow


class QuizScene(Scene):
    def __init__(self, ctx: AppContext, play: QuizPlay) -> None:
        super().__init__(ctx)
        self.play = play
        self.picked: list[int] = []  # multiple: chosen rows; ordering: rows in chosen order
        self.feedback: Outcome | None = None  # shown after an answer in Latihan and Ulangan
        self.input_message = ""
        self._rows: list[_Row] = []
        self._clock_label = None
        self._shown_second = -1
        self._ballot_picture: tuple[pygame.Surface, pygame.Rect] | None = None
        self._magnify: Callable[[], None] | None = None  # the ballot shown, read large

    @property
    def shown(self) -> Shown | None:
        return self.play.run.current()

    # --- layout ---------------------------------------------------------------------------

    def build(self) -> None:
        self._rows = []
        self._ballot_picture = None
        self._magnify = None
        shown = self.shown
        if shown is None and self.feedback is None:
            # The sitting ends from inside this build: the last question's elements, carried
            # into it, are let go here, as the end of a build would (the result screen that
            # replaces this one takes over the spares).
            self.ui.release_unused()
            self.finish()
            return
        self._header()
        if self.feedback is not None:
            self._build_feedback(self.feedback)
            return
        assert shown is not None
        if isinstance(shown.item.question, BallotQuestion):
            self._build_ballot(shown)
        else:
            self._build_plain(shown)

    def _header(self) -> None:
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        w = ctx.size[0]
        run = self.play.run
        item = (self.feedback.item if self.feedback is not None
                else run.current().item)  # type: ignore[union-attr]
        number = run.position + (0 if self.feedback is not None else 1)
        self.ui.label(
            pygame.Rect(px(40), px(14), w - px(320), px(28)),
            cat("quiz.play.heading", mode=self._sitting_name(), number=number,
                count=run.length, topic=cat(f"quiz.topic.{item.topic}"),
                difficulty=cat(f"quiz.difficulty.{item.question.difficulty.value}")),
            style="@muted",
        )
        self._clock_label = None
        if run.time_limit is not None:
            self._clock_label = self.ui.label(
                pygame.Rect(w - px(270), px(10), px(230), ctx.line(19)), self._clock_text(),
                style="@heading")

    def _sitting_name(self) -> str:
        """Latihan, Ujian, Ulangan, or a class plan's pre-test or post-test."""
        cat, plan = self.ctx.cat, self.play.plan
        if plan is not None:
            return cat(f"plans.part.{plan.part}")
        return cat(f"quiz.mode.{self.play.run.mode.value}")

    def _clock_text(self) -> str:
        remaining = self.play.run.remaining(self.play.elapsed) or 0.0
        # A countdown shows 00:01 until the last second is gone, not 00:00 before the bell.
        return self.ctx.cat("quiz.play.time_left", time=texts.mmss(math.ceil(remaining)))

    def _question_parts(self, shown: Shown) -> list[tuple[str, str]]:
        """The question block, paragraph by paragraph, as (plain text, markup): the markup is
        shown, the plain text measured for the box's height."""
        cat = self.ctx.cat
        item = shown.item
        question = texts.question_text(item, cat)
        # A situation's case comes first, as it would at the desk; then what is asked.
        parts = [(line, escape(line)) for line in texts.case_lines(item, cat)]
        if parts:
            parts.append(("", ""))
        parts.append((question, f"<b>{escape(question)}</b>"))
        cells = texts.given_cells(item, cat)
        if cells:
            parts.append(("", ""))
            parts += [(f"• {name}: {value}", f"• {escape(name)}: <b>{value}</b>")
                      for name, value in cells]
        asked = texts.asked_cell(item, cat)
        if asked:
            line = cat("quiz.play.asked_cell", cell=asked)
            parts += [("", ""), (line, escape(line))]
        if self.input_message:
            parts += [("", ""), (self.input_message, f"<i>{escape(self.input_message)}</i>")]
        return parts

    def _question_box(self, shown: Shown, rect: pygame.Rect, least: int) -> int:
        """The question block in a box at ``rect``'s top left and width, as tall as its text
        needs (at least ``least``, at most half the window); returns the height used."""
        parts = self._question_parts(shown)
        # Two spare lines: the text box's own layout adds spacing around its paragraphs.
        needed = self._text_lines([plain for plain, _ in parts] + ["", ""],
                                  rect.width - self.ctx.px(40)) + self.ctx.px(24)
        height = max(least, min(needed, self.ctx.size[1] // 2))
        self.ui.text(pygame.Rect(rect.left, rect.top, rect.width, height),
                     "<br>".join(markup for _, markup in parts))
        return height

    def _build_plain(self, shown: Shown) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        least = px(150)
        if isinstance(shown.item.question, Numeric):  # the given cells and the asked one
            least += px(30) * (len(texts.given_cells(shown.item, self.ctx.cat)) + 2)
        text_height = self._question_box(shown, pygame.Rect(px(40), px(52), w - px(80), 0),
                                          least)
        area = pygame.Rect(px(40), px(52) + text_height + px(12), w - px(80),
                           h - text_height - px(150))
        self._answers(shown, area)

    def _build_ballot(self, shown: Shown) -> None:
        px = self.ctx.px
        right = self._place_ballot(shown.item)
        text_height = self._question_box(shown, right, px(130))
        self._answers(shown, pygame.Rect(right.left, right.top + text_height + px(10),
                                         right.width, right.height - text_height - px(10)))

    def _place_ballot(
        self, item: Item, share: float = BALLOT_SHARES[0], *, draw: bool = True
    ) -> pygame.Rect:
        """The ballot on the left (``share`` of the width), drawn by the counting scene's
        code, with its marks in words under it (nothing rests on seeing the picture alone);
        returns the area left free (``draw``: False only measures)."""
        from simulator.art.ballots import draw_ballot
        from simulator.core.domain import district_of

        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        w, h = ctx.size
        question = item.question
        contest = item.contest
        assert isinstance(question, BallotQuestion) and contest is not None
        column = int((w - px(80)) * share)
        if not draw:
            return pygame.Rect(px(40) + column + px(24), px(52), w - column - px(104),
                               h - px(100))
        lines = [f"• {line}" for line in texts.ballot_description(item, cat)]
        # One spare line: the text box's own layout adds spacing around its paragraphs.
        notes_height = min(self._text_lines([*lines, ""], column - px(40)) + px(24), h // 2)
        # Under the picture, the magnifier (the ballot read large: a click on it does the same).
        enlarge = ctx.cat("shell.magnifier.open")
        enlarge_w = layout.button_width(ctx, enlarge, MAGNIFY_KEY)
        enlarge_h = ctx.row_h(34)
        picture_rect = pygame.Rect(px(40), px(52), column,
                                   h - px(52) - notes_height - px(40) - enlarge_h - px(12))
        parties, district = list(item.bank.parties), district_of(item.bank.districts,
                                                                   contest.ballot)
        picture = draw_ballot(contest, parties, question.paper, picture_rect.size,
                              district=district)
        self._ballot_picture = (picture, picture_rect)

        described = texts.ballot_description(item, cat)

        def magnify() -> None:
            self.ctx.stack.push(Magnifier(
                ctx, described[0],
                lambda size: draw_ballot(contest, parties, question.paper, size,
                                         district=district),
                picture_rect.width / picture_rect.height, " ".join(described[1:]), clock=self,
            ))

        self._magnify = magnify
        self.ui.button(pygame.Rect(picture_rect.right - enlarge_w, picture_rect.bottom + px(14),
                                   enlarge_w, enlarge_h), enlarge, magnify, key=MAGNIFY_KEY)
        self.ui.text(pygame.Rect(px(32), picture_rect.bottom + px(16) + enlarge_h + px(8),
                                 column + px(16), notes_height),
                     "<br>".join(escape(line) for line in lines))
        return pygame.Rect(picture_rect.right + px(24), px(52),
                           w - picture_rect.right - px(64), h - px(100))

    def _answers(self, shown: Shown, area: pygame.Rect) -> None:
        question = shown.item.question
        if isinstance(question, Numeric):
            self._numeric(area)
            return
        choices = texts.choices(shown.item, shown.order, self.ctx.cat)
        self._choice_rows([c.text for c in choices], area)
        if isinstance(question, MultipleChoice | Ordering):
            self._confirm_buttons(shown, area)

    def _choice_rows(self, labels: list[str], area: pygame.Rect) -> None:
        px = self.ctx.px
        question = self.shown.item.question if self.shown else None
        multi = isinstance(question, MultipleChoice | Ordering)
        base = px(46) if len(labels) <= 6 else px(42)
        bottom_space = px(60) if multi else 0
        # The mark's button: as wide as its widest mark ("[x]", "10.") with its key.
        marks = ["[x]", f"{len(labels)}."]
        button_w = max(px(74), *(layout.button_width(self.ctx, m, DIGIT_KEYS[0]) for m in marks))
        gap = px(6)
        text_w = area.width - button_w - px(8)
        # The text box keeps padding and room for a scroll bar inside its width.
        heights = [max(base, self._text_height(label, text_w - px(50))) for label in labels]
        total = sum(heights) + gap * len(labels)
        scroller = None
        if total > area.height - bottom_space:
            scroller = self.ui.scroller(pygame.Rect(area.left, area.top, area.width,
                                                    area.height - bottom_space))
            text_w -= px(24)
        x, y = (0, 0) if scroller else area.topleft
        first = None
        for index, label in enumerate(labels):
            # The option's words first, as tall as pygame_gui lays them out; its button as tall.
            box = self.ui.text(pygame.Rect(x + button_w + px(8), y, text_w, -1), escape(label),
                               container=scroller)
            height = max(base, box.rect.height)
            if box.rect.height < height:
                box.set_dimensions((text_w, height))
            button = self.ui.button(
                pygame.Rect(x, y, button_w, height), self._row_mark(index),
                lambda i=index: self.choose(i),
                key=DIGIT_KEYS[index] if index < len(DIGIT_KEYS) else None,
                style="@strong" if index in self.picked else None, container=scroller)
            if scroller is None:
                self._rows.append(_Row(pygame.Rect(box.rect.topleft, (text_w, height)), index))
            first = first or button
            y += height + gap
        if scroller is not None:
            layout.scroll_area(scroller, (area.width - px(24), max(1, y)))
        if first is not None and multi:
            # Where one press answers, nothing is focused: an Enter meant for the question
            # before must not answer this one.
            self.ui.set_focus(first)

    def _text_height(self, text: str, width: int) -> int:
        """The height a text box needs to show ``text`` at ``width`` without scrolling (a long
        option at a large text size takes two lines rather than a scroll bar)."""
        return self._text_lines([text], width) + self.ctx.px(22)

    def _text_lines(self, paragraphs: list[str], width: int) -> int:
        """The height of ``paragraphs`` wrapped at ``width`` in the text boxes' font."""
        font = self.ctx.manager.get_theme().get_font(["text_box"])
        count = sum(max(1, len(wrap(font, paragraph, width, max_lines=10**6)))  # type: ignore[arg-type]
                    for paragraph in paragraphs)
        return count * (text_size(font, "Ay")[1] + self.ctx.px(4))

    def _row_mark(self, index: int) -> str:
        question = self.shown.item.question if self.shown else None
        if isinstance(question, Ordering) and index in self.picked:
            return f"{self.picked.index(index) + 1}."
        if isinstance(question, MultipleChoice):
            return "[x]" if index in self.picked else "[ ]"
        return "" if index < len(DIGIT_KEYS) else str(index + 1)  # no key beyond 9: Tab to it

    def _confirm_buttons(self, shown: Shown, area: pygame.Rect) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        row_h = self.ctx.row_h(48, 16)
        y = area.bottom - row_h - px(2)
        ready = bool(self.picked) if isinstance(shown.item.question, MultipleChoice) \
            else len(self.picked) == len(shown.order)
        answer_w = max(px(260), layout.button_width(self.ctx, cat("quiz.play.answer"),
                                                    pygame.K_j, "@strong"))
        clear_w = max(px(260), layout.button_width(self.ctx, cat("quiz.play.clear"), pygame.K_h))
        answer = self.ui.button(pygame.Rect(area.left, y, answer_w, row_h),
                                cat("quiz.play.answer"), self.submit_picked, key=pygame.K_j,
                                style="@strong")
        if not ready:
            answer.disable()
        self.ui.button(pygame.Rect(area.left + answer_w + px(16), y, clear_w, row_h),
                       cat("quiz.play.clear"), self.clear_picked, key=pygame.K_h)
        hint = "quiz.play.hint_multiple" if isinstance(shown.item.question, MultipleChoice) \
            else "quiz.play.hint_ordering"
        hint_left = area.left + answer_w + clear_w + px(32)
        if area.right - hint_left >= px(200):  # beside the buttons, in the lines it needs
            layout.words(self.ui, self.ctx, hint_left, y, area.right - hint_left, cat(hint),
                         "@note")
        if ready:
            self.ui.set_focus(answer)

    def _numeric(self, area: pygame.Rect) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        top = area.top + layout.words(self.ui, self.ctx, area.left, area.top, area.width,
                                      cat("quiz.play.type_number")) + px(6)
        row_h = self.ctx.row_h(46, 16)
        answer_w = max(px(200), layout.button_width(self.ctx, cat("quiz.play.answer"),
                                                    style="@strong"))
        entry = self.ui.entry(pygame.Rect(area.left, top, px(220), row_h),
                              self.submit_text, max_length=9, name="answer")
        self.ui.button(pygame.Rect(area.left + px(236), top, answer_w, row_h),
                       cat("quiz.play.answer"), lambda: self.submit_text(entry.get_text()),
                       style="@strong")
        self.ui.set_focus(entry)

    def _build_feedback(self, outcome: Outcome) -> None:
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        w, h = ctx.size
        item = outcome.item
        review = texts.review(outcome, cat)
        verdict = cat("quiz.play.right" if outcome.right else "quiz.play.wrong")
        parts = [f"<b>{escape(verdict)}</b>", "", f"<b>{escape(review.question)}</b>", ""]
        if review.given is not None:
            parts.append(escape(review.given))
        parts += [f"<b>{escape(review.right)}</b>", "", escape(review.explanation), "",
                  f"<i>{escape(review.source)}</i>"]
        area = pygame.Rect(px(40), px(60), w - px(80), h - px(170))
        if isinstance(item.question, BallotQuestion):  # the ballot stays in view beside it
            # narrower when large text needs the room for the explanation
            plain = [re.sub(r"<[^>]+>", "", part) for part in parts]
            for share in BALLOT_SHARES:
                right = self._place_ballot(item, share, draw=False)
                needed = self._text_lines(plain, right.width - px(40)) + px(24)
                if needed <= h - px(170) - right.top + px(52):
                    break
            right = self._place_ballot(item, share)
            area = pygame.Rect(right.left, right.top, right.width, h - px(170))
        self.ui.text(area, "<br>".join(parts))
        last = self.play.run.current() is None
        nxt = self.ui.button(pygame.Rect(area.left, h - px(90), px(320), px(50)),
                             cat("quiz.play.results" if last else "quiz.play.next"),
                             self.next_question, key=pygame.K_n, style="@strong")
        self.ui.set_focus(nxt)

    # --- answering ------------------------------------------------------------------------

    def choose(self, index: int) -> None:
        shown = self.shown
        if shown is None or self.feedback is not None:
            return
        question = shown.item.question
        if isinstance(question, MultipleChoice):
            self.picked = [i for i in self.picked if i != index] if index in self.picked \
                else [*self.picked, index]
            self.rebuild()
        elif isinstance(question, Ordering):
            if index not in self.picked:
                self.picked.append(index)
                self.rebuild()
        else:
            self.submit(parse_answer(shown, str(index + 1)))

    def clear_picked(self) -> None:
        self.picked = []
        self.rebuild()

    def submit_picked(self) -> None:
        if self.picked:
            self.submit_text(" ".join(str(i + 1) for i in self.picked))

    def submit_text(self, text: str) -> None:
        """Read what was typed (or picked) as an answer; a slip is explained, not marked."""
        shown = self.shown
        if shown is None:
            return
        try:
            given = parse_answer(shown, text)
        except AnswerError as error:
            self.input_message = self.ctx.cat(error.key, **error.params)
            self.rebuild()
            return
        self.submit(given)

    def submit(self, given: Answer) -> None:
        outcome = self.play.answer(given)
        self.picked, self.input_message = [], ""
        if outcome.counted and self.play.run.mode is not Mode.UJIAN:
            self.ctx.sounds.play("ok" if outcome.right else "mistake")
            self.feedback = outcome
        self.new_page()  # the feedback or the next question: no key from before answers it
        self.rebuild()

    def next_question(self) -> None:
        self.feedback = None
        self.new_page()
        self.rebuild()

    def finish(self) -> None:
        from simulator.scenes.quiz_result import QuizResultScene

        result = self.play.finish()
        self.ctx.stack.replace(QuizResultScene(self.ctx, self.play, result))

    def ask_to_stop(self) -> None:
        from simulator.scenes.dialog import ConfirmDialog

        cat = self.ctx.cat
        body = cat("quiz.play.stop_exam" if self.play.run.mode is Mode.UJIAN
                   else "quiz.play.stop_body")
        dialog = ConfirmDialog(self.ctx, cat("quiz.play.stop_title"), body,
                               cat("quiz.play.stop_yes"), cat("quiz.play.stop_no"))
        self.ctx.stack.push(dialog, on_result=lambda yes: self.finish() if yes else None)

    # --- events and time ------------------------------------------------------------------

    def _row_at(self, event: pygame.event.Event) -> _Row | None:
        if event.type != pygame.MOUSEBUTTONDOWN or getattr(event, "button", 0) != 1:
            return None
        return next((row for row in self._rows if row.rect.collidepoint(event.pos)), None)

    def _on_ballot(self, event: pygame.event.Event) -> bool:
        """A click on the ballot's picture (it opens the magnifier)."""
        return (
            event.type == pygame.MOUSEBUTTONDOWN
            and getattr(event, "button", 0) == 1
            and self._ballot_picture is not None
            and self._magnify is not None
            and self._ballot_picture[1].collidepoint(event.pos)
        )

    def claims_click(self, event: pygame.event.Event) -> bool:
        return self._row_at(event) is not None or self._on_ballot(event)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.ask_to_stop()
            return True
        row = self._row_at(event)
        if row is not None:
            self.choose(row.index)
            return True
        if self._on_ballot(event) and self._magnify is not None:
            self._magnify()
            return True
        return super().handle(event)

    def update(self, dt: float) -> None:
        reading = isinstance(self.ctx.stack.top, Magnifier)  # an exam's time goes on
        if self.ctx.stack.top is not self and not reading:
            return  # the clock stops while the stop dialog asks
        self.play.tick(dt)
        if self.play.run.time_limit is None:
            return
        if self.play.time_up:
            if reading:
                self.ctx.stack.top.close()
            self.finish()
            return
        second = int(self.play.elapsed)
        if second != self._shown_second and self._clock_label is not None:
            self._shown_second = second
            self._clock_label.set_text(self._clock_text())

    def next_change(self) -> float | None:
        """An exam's countdown moves on each second."""
        if self.ctx.stack.top is not self or self.play.run.time_limit is None:
            return None
        return 1.0 - self.play.elapsed % 1.0

    def draw(self, surface: pygame.Surface) -> None:
        if self._ballot_picture is not None:
            picture, rect = self._ballot_picture
            pygame.draw.rect(surface, palette.WOOD, rect.inflate(self.ctx.px(16),
                                                                  self.ctx.px(16)),
                             border_radius=6)
            surface.blit(picture, rect)
