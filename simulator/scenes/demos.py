"""The trainer's demonstrations (``scenarios/demos/``), by the phase they show and the
mistakes they show: each opens in the replay viewer where its own part begins, with its
captions, its questions to the class (the play waits) and its reveals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.library import SCENARIO_DIR
from simulator.app.scene import Scene
from simulator.app.viewing import ReplayView
from simulator.content import ContentError
from simulator.content.errors import Problem
from simulator.i18n import Catalog
from simulator.schema.demo import Demo
from simulator.schema.types import PHASE_ORDER

DEMO_DIR = SCENARIO_DIR / "demos"


@dataclass(frozen=True, slots=True)
class DemoEntry:
    path: Path
    demo: Demo | None
    problem: Problem | None = None  # the first reason it does not load


def load_demos(folder: Path = DEMO_DIR) -> list[DemoEntry]:
    """Every demo in ``folder``, checked as ``validate`` checks it, in the day's order."""
    from simulator.content.load import load_document
    from simulator.core.catalogue import RULES_BY_ID

    entries: list[DemoEntry] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            entries.append(DemoEntry(path, load_document(path, Demo, known_rules=RULES_BY_ID)))
        except ContentError as error:
            entries.append(DemoEntry(path, None, error.problems[0] if error.problems else None))
    return sorted(entries, key=_order)


def _order(entry: DemoEntry) -> tuple[int, str, str]:
    """By the phase a demo shows, then by the first mistake it shows (the catalogue's order
    of the day)."""
    if entry.demo is None:
        return (len(PHASE_ORDER), "", entry.path.name)
    demo = entry.demo
    return (PHASE_ORDER.index(demo.start.phase), demo.mistakes[0], entry.path.name)


def why_broken(cat: Catalog, entry: DemoEntry) -> str:
    """Why a demo does not load: its line and the reason, in the trainer's words."""
    problem = entry.problem
    if problem is None:
        return cat("demos.broken_play", file=entry.path.name, message="")
    return cat("demos.broken", file=entry.path.name, line=problem.line,
               message=problem.message(cat))


def demo_view(ctx: AppContext, entry: DemoEntry) -> ReplayView | str:
    """The viewer's play of a demo, or why it cannot be played, in words."""
    from simulator.core.demo import make_script

    cat = ctx.cat
    demo = entry.demo
    if demo is None:
        return why_broken(cat, entry)
    scenario_entry = next(
        (e for e in ctx.library() if e.scenario and e.scenario.id == demo.scenario), None
    )
    if scenario_entry is None or scenario_entry.scenario is None:
        return cat("viewer.problem.scenario_missing", scenario=demo.scenario)
    script, problems = make_script(demo, scenario_entry.scenario, cat.lang)
    if script is None:
        first = problems[0] if problems else None
        message = cat(f"content.demo.{first.code}", **first.params) if first else ""
        return cat("demos.broken_play", file=entry.path.name, message=message)
    return ReplayView.of_demo(scenario_entry, script, demo.title.get(cat.lang))


def show_to_class(ctx: AppContext, view: ReplayView, back: Callable[[], None]) -> None:
    """A demo or a recording shown to a class: in projector mode (the setting as it was is put
    back when the viewer closes, then ``back`` puts the screen that opened it back)."""
    from simulator.scenes.viewer import ReplayViewer

    settings = ctx.settings
    was = settings.projector
    settings.projector = True
    ctx.relayout()

    def come_back() -> None:
        if settings.projector != was:
            settings.projector = was
            ctx.relayout()
        back()

    ReplayViewer.open(ctx, view, on_close=come_back)


class DemoMenuScene(Scene):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.message = ""
        self._demos: list[DemoEntry] | None = None

    def demos(self) -> list[DemoEntry]:
        if self._demos is None:
            self._demos = load_demos()
        return self._demos

    def build(self) -> None:
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        w, h = ctx.size
        left = px(40)
        width = w - 2 * left
        y = px(24)
        y += layout.heading(self.ui, ctx, left, y, width, cat("demos.title")) + px(4)
        y += layout.words(self.ui, ctx, left, y, width, cat("demos.intro"), style="@note")
        y += px(8)
        if self.message:
            y += layout.words(self.ui, ctx, left, y, width, self.message) + px(8)
        back_h = ctx.row_h(48, 16)
        bottom = h - px(20) - back_h
        scroller = self.ui.scroller(pygame.Rect(left, y, width, bottom - y - px(12)))
        inner = width - px(24)
        row_h = ctx.row_h(44, 16)
        row_y = 0
        first = None
        for entry in self.demos():
            text = self.row_text(entry)
            button = layout.button(
                self.ui, ctx, pygame.Rect(0, row_y, inner, row_h), text,
                lambda e=entry: self.play(e), container=scroller,
            )
            first = first or button
            row_y += max(row_h, button.rect.height) + px(8)
        layout.scroll_area(scroller, (inner, row_y))
        open_w = max(px(260), layout.button_width(ctx, cat("history.open"), key=pygame.K_b))
        self.ui.button(
            pygame.Rect(left, bottom, open_w, back_h),
            cat("history.open"),
            self.open_file,
            key=pygame.K_b,
        )
        report_w = max(px(220), layout.button_width(ctx, cat("report.screen.open"),
                                                    key=pygame.K_l))
        self.ui.button(
            pygame.Rect(left + open_w + px(12), bottom, report_w, back_h),
            cat("report.screen.open"),
            self.open_report,
            key=pygame.K_l,
        )
        back_w = max(px(200), layout.button_width(ctx, cat("shell.common.back")))
        back = self.ui.button(
            pygame.Rect(left + open_w + report_w + px(24), bottom, back_w, back_h),
            cat("shell.common.back"),
            self.close,
        )
        self.ui.set_focus(first or back)

    def row_text(self, entry: DemoEntry) -> str:
        cat = self.ctx.cat
        demo = entry.demo
        if demo is None:
            return why_broken(cat, entry)
        phase = cat(f"phase.{demo.start.phase.value}")
        return cat("demos.row", phase=phase, title=demo.title.get(cat.lang))

    def play(self, entry: DemoEntry) -> None:
        view = demo_view(self.ctx, entry)
        if isinstance(view, str):
            self.message = view
            self.rebuild()
            return
        self.show(view)

    def show(self, view: ReplayView) -> None:
        show_to_class(self.ctx, view, lambda: self.ctx.stack.replace(DemoMenuScene(self.ctx)))

    def open_report(self) -> None:
        """The class report, from the folder where the class's exports were gathered."""
        from simulator.scenes.class_report import open_class_report

        open_class_report(self.ctx)

    def open_file(self) -> None:
        """Any recording (a trainee's exported day, a trainer's annotated log) for the class."""
        from simulator.scenes.file_dialog import ask_for_path

        ask_for_path(self.ctx, self.ctx.cat("history.open_title"), folder=False,
                     then=self.open_path)

    def open_path(self, path: Path | None) -> None:
        from simulator.app.history import RecordingProblem, file_view

        if path is None:
            return
        try:
            view = file_view(path, self.ctx.library())
        except RecordingProblem as problem:
            self.message = self.ctx.cat(f"viewer.problem.{problem.code}", **problem.params)
            self.rebuild()
            return
        self.show(view)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close()
            return True
        return super().handle(event)
