"""The bimtek class (``scenarios/plans/``): the class plans on this laptop and, for the chosen
one, its steps in order — pre-test, each scenario, post-test — with what this trainee has done
of each, and the next one to start. A test is a quiz sitting over the plan's questions; a
scenario is a day played as usual; both are saved with the plan's id and part."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.scene import Scene
from simulator.app.widgets import escape
from simulator.content import ContentError
from simulator.content.errors import Problem
from simulator.content.plans import load_plan, plan_files
from simulator.persistence.plan_records import (
    PlanDone,
    StepState,
    next_step,
    plan_done,
    step_states,
)
from simulator.persistence.store import StoreError
from simulator.schema.plan import ClassPlan


@dataclass(frozen=True, slots=True)
class PlanEntry:
    path: Path
    plan: ClassPlan | None
    problem: Problem | None = None  # the first reason it does not load


def load_plans(folder: Path | None = None) -> list[PlanEntry]:
    """Every plan file, checked as ``validate`` checks it, by date then name."""
    entries: list[PlanEntry] = []
    for path in plan_files(folder) if folder is not None else plan_files():
        try:
            entries.append(PlanEntry(path, load_plan(path)))
        except ContentError as error:
            entries.append(PlanEntry(path, None, error.problems[0] if error.problems else None))
    return sorted(entries, key=lambda e: (e.plan is None, e.plan.date if e.plan else "",
                                          e.path.name))


def shown_date(plan: ClassPlan) -> str:
    return plan.day.strftime("%d-%m-%Y")


class PlanScene(Scene):
    def __init__(self, ctx: AppContext, chosen: str | None = None,
                 folder: Path | None = None) -> None:
        super().__init__(ctx)
        self.chosen = chosen  # the plan's id
        self.message = ""
        self._folder = folder
        self._plans: list[PlanEntry] | None = None

    def plans(self) -> list[PlanEntry]:
        if self._plans is None:
            self._plans = load_plans(self._folder)
        return self._plans

    @property
    def plan(self) -> ClassPlan | None:
        loaded = [e.plan for e in self.plans() if e.plan is not None]
        return next((p for p in loaded if p.id == self.chosen), loaded[0] if loaded else None)

    def states(self, plan: ClassPlan) -> list[StepState]:
        """This trainee's progress (nothing done without a profile or a readable save)."""
        store, profile = self.ctx.store, self.ctx.profile
        steps = plan.steps()
        if store is None or profile is None:
            return step_states(steps, _nothing())
        try:
            return step_states(steps, plan_done(store, profile.id, plan.id))
        except StoreError:
            return step_states(steps, _nothing())

    # --- layout ---------------------------------------------------------------------------

    def build(self) -> None:
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        w, h = ctx.size
        back_w = max(px(170), layout.button_width(ctx, cat("shell.common.back")))
        back_h = ctx.row_h(40, 16)
        left = px(40)
        self.ui.label(pygame.Rect(left, px(20), w - 2 * left - back_w - px(12), ctx.line(30)),
                      cat("plans.title"), style="@title")
        back = self.ui.button(pygame.Rect(w - px(30) - back_w, px(24), back_w, back_h),
                              cat("shell.common.back"), self.close, focusable=False)
        back.set_tooltip(escape(cat("shell.common.back_hint")))
        top = px(20) + max(ctx.line(30), px(4) + back_h) + px(6)
        who = (cat("plans.who", name=ctx.profile.name) if ctx.profile is not None
               else cat("plans.who_unsaved"))
        top += layout.words(self.ui, ctx, left, top, w - 2 * left,
                            f"{cat('plans.intro')} {who}", "@note") + px(10)
        plans = self.plans()
        if not plans:
            layout.words(self.ui, ctx, left, top, w - 2 * left, cat("plans.none"))
            self.ui.set_focus(back)
            return
        list_w = int(w * 0.30)
        self._build_list(pygame.Rect(left, top, list_w, h - px(24) - top))
        detail = pygame.Rect(left + list_w + px(24), top, w - left - list_w - px(24) - px(40),
                             h - px(24) - top)
        plan = self.plan
        if plan is not None:
            self._build_detail(plan, detail)

    def _build_list(self, rect: pygame.Rect) -> None:
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        title_h = layout.heading(self.ui, ctx, rect.left, rect.top, rect.width,
                                 cat("plans.list"))
        scroller = self.ui.scroller(pygame.Rect(rect.left, rect.top + title_h + px(4),
                                                rect.width, rect.height - title_h - px(4)))
        inner = rect.width - px(22)
        chosen = self.plan
        y = 0
        for entry in self.plans():
            marker = "• " if entry.plan is not None and entry.plan is chosen else ""
            button = layout.button(self.ui, ctx, pygame.Rect(0, y, inner, ctx.row_h(44)),
                                   marker + self.row_text(entry),
                                   lambda e=entry: self.choose(e), container=scroller,
                                   style="@strong" if marker else None)
            y += button.rect.height + px(6)
        layout.scroll_area(scroller, (inner, max(y, 1)))

    def row_text(self, entry: PlanEntry) -> str:
        cat = self.ctx.cat
        if entry.plan is None:
            problem = entry.problem
            return cat("plans.broken", file=entry.path.name,
                       line=problem.line if problem else 1,
                       message=problem.message(cat) if problem else "")
        return cat("plans.row", title=entry.plan.title.get(cat.lang),
                   date=shown_date(entry.plan))

    def _build_detail(self, plan: ClassPlan, rect: pygame.Rect) -> None:
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        y = rect.top
        y += layout.heading(self.ui, ctx, rect.left, y, rect.width, plan.title.get(cat.lang))
        y += layout.words(self.ui, ctx, rect.left, y, rect.width,
                          cat("plans.when", date=shown_date(plan), place=plan.place),
                          "@note") + px(8)
        states = self.states(plan)
        following = next_step(states)
        start_text = self.next_text(plan, following) if following else cat("plans.all_done")
        start_h = layout.button_height(ctx, start_text, rect.width, pygame.K_m, "@strong",
                                       least=ctx.row_h(52, 16))
        message_h = 0
        if self.message:
            font = layout.theme_font(ctx, "text_box", "@plain")
            lines = len(layout.wrap_lines(font, self.message, rect.width))
            message_h = layout.text_height(ctx, lines) + px(6)
        bottom = rect.bottom - start_h - message_h - px(12)
        inner = rect.width - px(22)
        texts = [self.step_text(plan, state) for state in states]
        needed = sum(layout.button_height(ctx, text, inner, least=ctx.row_h(44)) + px(6)
                     for text in texts)
        # The steps as tall as they are (scrolling when the room is short), what to do next
        # just under them: the eye goes from the last step to the button.
        steps = self.ui.scroller(pygame.Rect(rect.left, y, rect.width,
                                             min(bottom - y, needed + px(4))))
        first = None
        row_y = 0
        for state, text in zip(states, texts, strict=True):
            button = layout.button(self.ui, ctx, pygame.Rect(0, row_y, inner, ctx.row_h(44)),
                                   text, lambda s=state: self.start(plan, s), container=steps)
            if state.can_start:
                first = first or button
            else:
                button.disable()
            row_y += button.rect.height + px(6)
        layout.scroll_area(steps, (inner, max(row_y, 1)))
        y = steps.rect.bottom + px(12)
        if self.message:
            layout.words(self.ui, ctx, rect.left, y, rect.width, self.message)
            y += message_h
        if following is None:
            layout.heading(self.ui, ctx, rect.left, y, rect.width, start_text)
            if first is not None:
                self.ui.set_focus(first)
            return
        start = layout.button(self.ui, ctx, pygame.Rect(rect.left, y, rect.width, start_h),
                              start_text, lambda: self.start(plan, following),
                              key=pygame.K_m, style="@strong")
        self.ui.set_focus(start)

    def step_text(self, plan: ClassPlan, state: StepState) -> str:
        cat = self.ctx.cat
        if state.scenario is None:
            test = plan.test(state.part)
            step = cat("plans.step.test", number=state.number,
                       part=cat(f"plans.part.{state.part}"), count=test.size,
                       minutes=test.seconds // 60)
        else:
            step = cat("plans.step.play", number=state.number,
                       title=self.scenario_title(state.scenario))
        if state.done:
            status = cat("plans.status.done" if state.can_start else "plans.status.done_once",
                         score=state.score)
        elif state.unfinished:
            status = cat("plans.status.unfinished")
        else:
            status = cat("plans.status.todo")
        return cat("plans.step_row", step=step, status=status)

    def next_text(self, plan: ClassPlan, state: StepState) -> str:
        cat = self.ctx.cat
        if state.scenario is None:
            return cat("plans.next_test", number=state.number,
                       part=cat(f"plans.part.{state.part}"))
        key = "plans.resume" if state.unfinished else "plans.next_play"
        return cat(key, number=state.number, title=self.scenario_title(state.scenario))

    def scenario_title(self, scenario_id: str) -> str:
        entry = next((e for e in self.ctx.library()
                      if e.scenario is not None and e.scenario.id == scenario_id), None)
        return entry.title(self.ctx.cat) if entry is not None else scenario_id

    # --- choosing and starting ------------------------------------------------------------

    def choose(self, entry: PlanEntry) -> None:
        if entry.plan is not None:
            self.chosen = entry.plan.id
        self.message = ""
        self.rebuild()

    def start(self, plan: ClassPlan, state: StepState) -> None:
        if not state.can_start:
            return
        if state.scenario is None:
            self.start_test(plan, state)
        else:
            self.start_play(plan, state)

    def start_test(self, plan: ClassPlan, state: StepState) -> None:
        from simulator.app.quiz_play import QuizPlay, records_for
        from simulator.scenes.quiz import QuizScene

        profile = self.ctx.profile
        records = records_for(self.ctx.store, profile.id if profile else None)
        play = QuizPlay.for_plan(plan.test(state.part), plan.steps()[state.number - 1].tag(
            plan.id), self.ctx.quiz(), records, date.today())
        if play.run.length == 0:
            self.message = self.ctx.cat("plans.test_empty")
            self.rebuild()
            return
        self.ctx.stack.push(QuizScene(self.ctx, play), on_result=lambda _: self.rebuild())

    def start_play(self, plan: ClassPlan, state: StepState) -> None:
        from simulator.app.play import Mode, PlaySession
        from simulator.scenes.phases import scene_for

        if state.unfinished:
            from simulator.scenes.resume import ResumeScene

            self.ctx.stack.push(ResumeScene(self.ctx))
            return
        entry = next((e for e in self.ctx.library()
                      if e.scenario is not None and e.scenario.id == state.scenario), None)
        if entry is None:
            self.message = self.ctx.cat("plans.scenario_missing", scenario=state.scenario)
            self.rebuild()
            return
        profile = self.ctx.profile
        session = PlaySession.begin(entry, Mode(plan.mode), self.ctx.store,
                                    profile.id if profile else None,
                                    plan=plan.steps()[state.number - 1].tag(plan.id))
        self.ctx.stack.replace(scene_for(self.ctx, session))

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close()
            return True
        return super().handle(event)


def _nothing() -> PlanDone:
    return PlanDone({}, {}, frozenset())
