"""The class report on the trainer's screen: the same report as the HTML page, read from a
folder of the class's exports, a section at a time (keys 1–6) so it reads on a projector.

What the page draws as charts, the screen gives as figures (a trainee count per score band);
"Buka di peramban" writes the page and opens it in the browser, charts and all, and a mistake
with a demo plays it here (the viewer comes back to the report)."""

from __future__ import annotations

import logging
import webbrowser
from collections.abc import Callable
from html import escape
from pathlib import Path

import pygame
from pygame_gui.elements import UIScrollingContainer

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.scene import Scene
from simulator.i18n import os_errors
from simulator.xapi.analysis import FOLLOW_UP_PERCENT
from simulator.xapi.reading import Reading, read_files
from simulator.xapi.report import SCORE_BANDS, ClassReport, class_report, unread_message

log = logging.getLogger(__name__)

SECTIONS = ("glance", "mistakes", "phases", "items", "follow_ups", "plans")
ROWS = 40  # rows of a list on the screen; the page holds them all


def open_class_report(ctx: AppContext) -> None:
    """Ask for the folder holding the class's exports, then show its report."""
    from simulator.scenes.file_dialog import ask_for_path

    def chosen(path: Path | None) -> None:
        if path is not None:
            reading = read_files([path])
            ctx.stack.push(ClassReportScene(ctx, path, reading))

    ask_for_path(ctx, ctx.cat("report.screen.choose"), folder=True, then=chosen)


class ClassReportScene(Scene):
    def __init__(self, ctx: AppContext, source: Path, reading: Reading,
                 section: str = "glance") -> None:
        super().__init__(ctx)
        self.source = source
        self.reading = reading
        self.section = section
        self.message = ""
        self._report: ClassReport | None = None
        self._report_lang = ""
        self.scroller: UIScrollingContainer | None = None

    def report(self) -> ClassReport:
        if self._report is None or self._report_lang != self.ctx.cat.lang:
            self._report = class_report(self.reading, self.ctx.cat)
            self._report_lang = self.ctx.cat.lang
        return self._report

    # --- the screen --------------------------------------------------------------------

    def build(self) -> None:
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        w, h = ctx.size
        left = px(40)
        width = w - 2 * left
        y = px(20)
        title = cat("report.screen.title", folder=self.source.name or str(self.source))
        y += layout.heading(self.ui, ctx, left, y, width, title) + px(4)
        if self.message:
            y += layout.words(self.ui, ctx, left, y, width, self.message) + px(6)
        tab_h = ctx.row_h(40, 16)
        x = left
        chosen = None
        for number, name in enumerate(SECTIONS, start=1):
            text = cat(f"report.{name}")
            style = "@strong" if name == self.section else None
            key = pygame.K_0 + number
            tab_w = layout.button_width(ctx, text, key=key, style=style)
            if x + tab_w > left + width:  # the tabs wrap at large text
                x = left
                y += tab_h + px(6)
            button = self.ui.button(pygame.Rect(x, y, tab_w, tab_h), text,
                                    lambda n=name: self.turn_to(n), key=key, style=style)
            if name == self.section:
                chosen = button
            x += tab_w + px(8)
        y += tab_h + px(10)
        bottom_h = ctx.row_h(48, 16)
        bottom = h - px(20) - bottom_h
        self.scroller = self.ui.scroller(pygame.Rect(left, y, width, bottom - y - px(10)))
        inner = width - px(24)
        height = self.fill(self.section, inner)
        layout.scroll_area(self.scroller, (inner, height))
        row: list[tuple[str, Callable[[], None], int | None]] = [
            (cat("report.screen.browser"), self.open_in_browser, pygame.K_o),
            (cat("report.screen.save"), self.save_page, pygame.K_s),
            (cat("shell.common.back"), self.close, None),
        ]
        x = left
        for text, press, key in row:
            button_w = max(px(180), layout.button_width(ctx, text, key=key))
            self.ui.button(pygame.Rect(x, bottom, button_w, bottom_h), text, press, key=key)
            x += button_w + px(12)
        self.ui.set_focus(chosen)

    def fill(self, section: str, width: int) -> int:
        """Write ``section`` into the scroller; the height it takes."""
        report = self.report()
        lines: list[tuple[str, Callable[[], None] | None]]  # markup, and a demo to play
        lines = getattr(self, f"_{section}")(report)
        ctx, px = self.ctx, self.ctx.px
        button_text = ctx.cat("report.screen.play_demo")
        button_w = layout.button_width(ctx, button_text)
        row_h = ctx.row_h(40, 16)
        y = 0
        for markup, play in lines:
            text_w = width - (button_w + px(12) if play else 0)
            height = layout.words(self.ui, ctx, 0, y, text_w, markup, markup=True,
                                  container=self.scroller)
            if play is not None:
                self.ui.button(pygame.Rect(text_w + px(12), y, button_w, row_h), button_text,
                               play, container=self.scroller)
                height = max(height, row_h)
            y += height + px(8)
        return y

    # --- the sections, as lines of text-box markup -------------------------------------------

    def _glance(self, report: ClassReport) -> list[tuple[str, Callable[[], None] | None]]:
        cat = self.ctx.cat
        s = report.summary
        n = self.number
        lines: list[tuple[str, Callable[[], None] | None]] = [(escape(cat(
            "report.screen.glance", trainees=n(s.trainees), days=n(s.days),
            days_passed=n(s.days_passed), exams=n(s.exams), exams_passed=n(s.exams_passed),
            answers=n(s.answers),
        )), None)]
        lines.append((escape(cat(
            "report.screen.to_check", items=n(sum(1 for r in report.items if r.item.flags)),
            follow_ups=n(len(report.follow_ups)))), None))
        if report.mistakes:
            lines.append((f"<b>{escape(cat('report.screen.top_mistakes'))}</b><br>" + "<br>".join(
                escape(cat("report.screen.top_mistake", title=row.title,
                           percent=round(100 * row.share.share)))
                for row in report.mistakes[:3]), None))
        if report.topics:
            weakest = sorted(report.topics, key=lambda t: t[1])[:3]
            lines.append((f"<b>{escape(cat('report.screen.weak_topics'))}</b><br>" + "<br>".join(
                escape(cat("report.screen.weak_topic", topic=name, percent=round(percent)))
                for name, percent in weakest), None))
        lines.append((escape(cat("report.screen.counted", sources=n(report.sources),
                                 statements=n(report.statements))), None))
        if report.unread_count or report.unread:
            lines.append((f"<b>{escape(cat('report.unread_title'))}</b>", None))
            for unread in report.unread[:ROWS]:
                lines.append((escape(unread_message(cat, unread)), None))
        if report.repeated_sources:
            lines.append((escape(cat("report.repeated")), None))
            lines += [(escape(source), None) for source in report.repeated_sources[:ROWS]]
        return lines

    def _mistakes(self, report: ClassReport) -> list[tuple[str, Callable[[], None] | None]]:
        cat = self.ctx.cat
        if not report.mistakes:
            return [(escape(cat("report.mistakes_none")), None)]
        lines: list[tuple[str, Callable[[], None] | None]] = []
        for row in report.mistakes[:ROWS]:
            share = row.share
            text = cat("report.screen.mistake", trainees=self.number(share.trainees),
                       percent=round(100 * share.share), phase=row.phase, title=row.title,
                       mistakes=f" ({', '.join(share.mistakes)})" if share.mistakes else "")
            demo = row.demos[0] if row.demos else None
            if demo is not None:
                text += "\n" + cat("report.screen.demo", title=demo.title)
            lines.append((escape(text).replace("\n", "<br>"),
                          (lambda f=demo.file: self.play_demo(f)) if demo else None))
        return lines

    def _phases(self, report: ClassReport) -> list[tuple[str, Callable[[], None] | None]]:
        cat = self.ctx.cat
        if not report.phases:
            return [(escape(cat("report.phases_none")), None)]
        lines: list[tuple[str, Callable[[], None] | None]] = [
            (escape(cat("report.phases_intro")), None)]
        for phase in report.phases:
            bands = " · ".join(
                cat("report.screen.band", low=low, high=high, count=count)
                for (low, high), count in zip(SCORE_BANDS, phase.bands, strict=True)
            )
            head = cat("report.phase_caption", phase=phase.name, count=len(phase.scores),
                       median=f"{phase.median:.0f}")
            lines.append((f"<b>{escape(head)}</b><br>{escape(bands)}", None))
        return lines

    def _items(self, report: ClassReport) -> list[tuple[str, Callable[[], None] | None]]:
        cat = self.ctx.cat
        if not report.items:
            return [(escape(cat("report.items_none")), None)]
        lines: list[tuple[str, Callable[[], None] | None]] = [
            (escape(cat("report.items_intro")), None)]
        for row in report.items[:ROWS]:
            item = row.item
            notes = ", ".join(cat(f"report.flag_{flag}") for flag in item.flags) or "—"
            figures = cat("report.screen.item", answered=item.answered_by,
                          facility=round(item.facility),
                          discrimination="—" if item.discrimination is None
                          else round(item.discrimination) or 0, notes=notes)
            lines.append((f"{escape(row.text)}<br><i>{escape(row.topic)} · "
                          f"{escape(item.question)}</i><br>{escape(figures)}", None))
        return lines

    def _follow_ups(self, report: ClassReport) -> list[tuple[str, Callable[[], None] | None]]:
        cat = self.ctx.cat
        if not report.follow_ups:
            return [(escape(cat("report.follow_ups_none")), None)]
        lines: list[tuple[str, Callable[[], None] | None]] = [
            (escape(cat("report.follow_ups_intro", percent=FOLLOW_UP_PERCENT)), None)]
        for follow in report.follow_ups[:ROWS]:
            topics = ", ".join(report.topic_names.get(t, t) for t in follow.weak_topics) or "—"
            lines.append((escape(cat("report.screen.follow_up", name=follow.trainee,
                                     laptop=follow.laptop[:8], topics=topics,
                                     days=follow.days_not_passed)), None))
        if len(report.follow_ups) > ROWS:
            lines.append((escape(cat("report.rows_cut", shown=ROWS,
                                     total=len(report.follow_ups))), None))
        return lines

    def _plans(self, report: ClassReport) -> list[tuple[str, Callable[[], None] | None]]:
        cat = self.ctx.cat
        if not report.plans:
            return [(escape(cat("report.screen.no_plans")), None)]
        lines: list[tuple[str, Callable[[], None] | None]] = []
        for title, plan in report.plans:
            lines.append((f"<b>{escape(title)}</b><br>"
                          f"{escape(cat('report.plan_began', count=plan.trainees))}", None))
            if not plan.gains:
                lines.append((escape(cat("report.plan_no_gain")), None))
            for gain in plan.gains:
                lines.append((escape(cat(
                    "report.screen.gain", topic=report.topic_names.get(gain.topic, gain.topic),
                    pre=round(gain.pre), post=round(gain.post), gain=f"{gain.gain:+.0f}",
                    trainees=gain.trainees)), None))
            if plan.unfinished:
                lines.append((escape(cat("report.plan_unfinished",
                                         count=len(plan.unfinished))), None))
                for name, laptop, missing in plan.unfinished[:ROWS]:
                    parts = ", ".join(cat(f"report.{p}") if p in ("pre", "post") else p
                                      for p in missing)
                    lines.append((escape(cat("report.screen.unfinished", name=name,
                                             laptop=laptop[:8], missing=parts)), None))
            else:
                lines.append((escape(cat("report.plan_all_finished")), None))
        return lines

    def number(self, value: int) -> str:
        from simulator.xapi.report_html import grouped

        return grouped(value, self.ctx.cat.lang)

    # --- what the trainer does ----------------------------------------------------------

    def turn_to(self, section: str) -> None:
        self.section = section
        self.message = ""
        self.rebuild()

    def page_html(self) -> str:
        from simulator.persistence.store import local_time, utc_now
        from simulator.xapi.report_html import render_html

        return render_html(self.report(), self.ctx.cat, local_time(utc_now()))

    def save_page(self) -> None:
        from simulator.scenes.file_dialog import ask_for_path

        ask_for_path(self.ctx, self.ctx.cat("report.screen.save_title"), folder=True,
                     then=self.save_to)

    def save_to(self, folder: Path | None) -> Path | None:
        from simulator.persistence.logfile import write_text_atomically
        from simulator.persistence.store import utc_now

        if folder is None:
            return None
        stamp = "".join(ch for ch in utc_now() if ch.isdigit())[:12]
        path = folder / f"laporan-kelas-{stamp}.html"
        try:
            write_text_atomically(path, self.page_html())
        except OSError as error:
            self.message = self.ctx.cat("cli.report.cannot_write", path=str(path),
                                        why=os_errors.reason(self.ctx.cat, error, path))
            self.rebuild()
            return None
        self.message = self.ctx.cat("report.screen.saved", path=str(path))
        self.rebuild()
        return path

    def open_in_browser(self) -> None:
        """The page, charts and all, in the laptop's browser (kept beside the saves)."""
        from simulator.persistence.store import default_data_dir

        path = self.save_to(default_data_dir() / "laporan")
        if path is None:
            return
        try:
            opened = webbrowser.open(path.as_uri())
        except webbrowser.Error:
            opened = False
        if not opened:
            log.info("no browser opened %s", path)
            self.message = self.ctx.cat("report.screen.no_browser", path=str(path))
            self.rebuild()

    def play_demo(self, file: str) -> None:
        from simulator.scenes.demos import DEMO_DIR, demo_view, load_demos, show_to_class

        entry = next((e for e in load_demos(DEMO_DIR) if e.path.name == file), None)
        view = demo_view(self.ctx, entry) if entry is not None else file
        if isinstance(view, str):
            self.message = view
            self.rebuild()
            return
        show_to_class(self.ctx, view, lambda: self.ctx.stack.replace(
            ClassReportScene(self.ctx, self.source, self.reading, self.section)))

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close()
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.scroll_page(1 if event.key == pygame.K_PAGEDOWN else -1)
            return True
        return super().handle(event)

    def scroll_page(self, direction: int) -> None:
        """PgDn/PgUp scroll the section by most of a screen: its words take no focus."""
        scroller = self.scroller
        bar = scroller.vert_scroll_bar if scroller is not None else None
        if bar is None:
            return
        step = 0.8 * bar.visible_percentage
        start = min(max(0.0, bar.start_percentage + direction * step),
                    1.0 - bar.visible_percentage)
        bar.set_scroll_from_start_percentage(start)
