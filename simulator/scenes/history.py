"""A trainee's past days, newest first (when, which scenario, mode, score, mistakes by
severity): reopen a day's debrief, replay it in the viewer, or export its log to a folder (a
USB stick). Any log file can be opened in the viewer too ("Buka rekaman…")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.history import (
    Recording,
    RecordingProblem,
    debrief_session,
    export_run,
    file_view,
    mistake_counts,
    recording_view,
    run_recording,
)
from simulator.app.scene import Scene
from simulator.app.viewing import ReplayView
from simulator.i18n import os_errors
from simulator.persistence.store import RunRecord, local_time
from simulator.schema.types import Severity

ROWS_SHOWN = 200  # the newest days listed (a trainee plays a few a day)


class HistoryScene(Scene):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.message = ""

    def runs(self) -> list[RunRecord]:
        store, profile = self.ctx.store, self.ctx.profile
        if store is None or profile is None:
            return []
        return store.finished_runs(profile.id)[:ROWS_SHOWN]

    def build(self) -> None:
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        w, h = ctx.size
        left = px(40)
        width = w - 2 * left
        name = ctx.profile.name if ctx.profile else ""
        y = px(24)
        y += layout.heading(self.ui, ctx, left, y, width, cat("history.title", name=name))
        y += px(6)
        if self.message:
            y += layout.words(self.ui, ctx, left, y, width, self.message) + px(6)
        row_h = ctx.row_h(42, 16)
        bottom_h = ctx.row_h(48, 16)
        bottom = h - px(20) - bottom_h
        runs = self.runs()
        titles = {e.scenario.id: e.title(cat) for e in ctx.library() if e.scenario}
        actions = [
            (cat("history.debrief"), self.debrief, None),
            (cat("history.replay"), self.replay, "@strong"),
            (cat("history.export"), self.export, None),
        ]
        button_ws = [
            max(px(120), layout.button_width(ctx, text, style=style)) for text, _, style in actions
        ]
        first = None
        if not runs:
            y += layout.words(self.ui, ctx, left, y, width, cat("history.none")) + px(8)
        else:
            scroller = self.ui.scroller(pygame.Rect(left, y, width, bottom - y - px(12)))
            inner = width - px(24)
            text_w = inner - sum(button_ws) - px(8) * len(actions)
            row_y = 0
            for run in runs:
                words = self.row_text(run, titles.get(run.scenario_id, run.scenario_id))
                height = layout.words(
                    self.ui, ctx, 0, row_y, text_w, words, container=scroller
                )
                x = text_w + px(8)
                for (text, act, style), button_w in zip(actions, button_ws, strict=True):
                    button = self.ui.button(
                        pygame.Rect(x, row_y, button_w, row_h),
                        text,
                        lambda r=run, a=act: a(r),
                        style=style,
                        container=scroller,
                    )
                    first = first or button
                    x += button_w + px(8)
                row_y += max(height, row_h) + px(10)
            layout.scroll_area(scroller, (inner, row_y))
        row: list[tuple[str, Callable[[], None], int | None]] = [
            (cat("history.open"), self.open_file, pygame.K_b),
            (cat("history.results"), lambda: self.export_results(everyone=False), None),
            (cat("history.results_all"), lambda: self.export_results(everyone=True), None),
            (cat("shell.common.back"), self.close, None),
        ]
        x = left
        back = None
        for text, press, key in row:
            button_w = max(px(180), layout.button_width(ctx, text, key=key))
            back = self.ui.button(
                pygame.Rect(x, bottom, button_w, bottom_h), text, press, key=key
            )
            x += button_w + px(12)
        self.ui.set_focus(first or back)

    def row_text(self, run: RunRecord, title: str) -> str:
        cat = self.ctx.cat
        counts = mistake_counts(run)
        return cat(
            "history.row",
            date=local_time(run.finished or run.started),
            title=title,
            mode=cat(f"shell.mode.{run.mode}"),
            score=run.score if run.score is not None else "–",
            critical=counts[Severity.KRITIS],
            major=counts[Severity.BERAT],
            minor=counts[Severity.RINGAN],
        )

    # --- what a row offers ----------------------------------------------------------------

    def recording(self, run: RunRecord) -> Recording | None:
        store = self.ctx.store
        assert store is not None
        try:
            return run_recording(store, run, self.ctx.library(), self.title_of(run))
        except RecordingProblem as problem:
            self.say(problem)
            return None

    def title_of(self, run: RunRecord) -> str:
        name = self.ctx.profile.name if self.ctx.profile else ""
        return f"{name} · {local_time(run.finished or run.started)}"

    def debrief(self, run: RunRecord) -> None:
        from simulator.scenes.debrief import DebriefScene

        recording = self.recording(run)
        if recording is None:
            return
        try:
            session = debrief_session(recording)
        except RecordingProblem as problem:
            self.say(problem)
            return
        self.ctx.stack.push(DebriefScene(self.ctx, session))

    def replay(self, run: RunRecord) -> None:
        recording = self.recording(run)
        if recording is not None:
            self.view(recording)

    def view(self, recording: Recording) -> None:
        try:
            view = recording_view(recording)
        except RecordingProblem as problem:
            self.say(problem)
            return
        self.show(view)

    def show(self, view: ReplayView) -> None:
        from simulator.scenes.viewer import ReplayViewer

        ReplayViewer.open(self.ctx, view, on_close=self.come_back)

    def come_back(self) -> None:
        self.message = ""
        self.ctx.stack.replace(HistoryScene(self.ctx))

    def export(self, run: RunRecord) -> None:
        from simulator.scenes.file_dialog import ask_for_path

        ask_for_path(self.ctx, self.ctx.cat("history.export_title"), folder=True,
                     then=lambda folder: self.export_to(run, folder))

    def export_to(self, run: RunRecord, folder: Path | None) -> None:
        store = self.ctx.store
        if folder is None or store is None:
            return
        name = self.ctx.profile.name if self.ctx.profile else ""
        try:
            path = export_run(store, run, name, folder)
        except OSError as error:
            self.message = self.ctx.cat("history.export_failed", folder=str(folder),
                                        why=os_errors.reason(self.ctx.cat, error, folder))
        else:
            self.message = self.ctx.cat("history.exported", path=str(path))
        self.rebuild()

    def export_results(self, everyone: bool) -> None:
        """The trainee's results (or every profile's on this laptop) as xAPI statements in a
        JSON Lines file, in a folder chosen with the file dialog (a USB stick)."""
        from simulator.scenes.file_dialog import ask_for_path

        ask_for_path(self.ctx, self.ctx.cat("history.export_title"), folder=True,
                     then=lambda folder: self.results_to(folder, everyone))

    def results_to(self, folder: Path | None, everyone: bool) -> None:
        from simulator.xapi.export import export, export_file_name

        store, profile = self.ctx.store, self.ctx.profile
        if folder is None or store is None or profile is None:
            return
        profiles = store.profiles() if everyone else [profile]
        path = folder / export_file_name(None if everyone else profile.name, store.now())
        try:
            count = export(store, profiles, path)
        except OSError as error:
            self.message = self.ctx.cat("history.export_failed", folder=str(folder),
                                        why=os_errors.reason(self.ctx.cat, error, folder))
        else:
            self.message = self.ctx.cat("history.results_done", count=count, path=str(path))
        self.rebuild()

    def open_file(self) -> None:
        from simulator.scenes.file_dialog import ask_for_path

        ask_for_path(self.ctx, self.ctx.cat("history.open_title"), folder=False,
                     then=self.open_path)

    def open_path(self, path: Path | None) -> None:
        if path is None:
            return
        try:
            view = file_view(path, self.ctx.library())
        except RecordingProblem as problem:
            self.say(problem)
            return
        self.show(view)

    def say(self, problem: RecordingProblem) -> None:
        self.message = self.ctx.cat(f"viewer.problem.{problem.code}", **problem.params)
        self.rebuild()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close()
            return True
        return super().handle(event)
