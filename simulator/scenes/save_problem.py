"""When the day cannot be saved: the trainee is told at once what happened, that the day is
safe up to the action before, and what to do; the day waits until a retry stores it, or the
trainee leaves for the menu (and resumes later from the last stored action)."""

from __future__ import annotations

from collections.abc import Callable

from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.scenes.dialog import ConfirmDialog


class SaveProblemDialog(ConfirmDialog):
    """The question a failed save asks: retry, or leave for the menu."""

    def __init__(self, ctx: AppContext, session: PlaySession) -> None:
        cat = ctx.cat
        problem = session.save_problem or "other"
        safe = (
            cat("shell.save_problem.safe", count=session.stored)
            if session.stored
            else cat("shell.save_problem.safe_none")
        )
        lines = [cat(f"shell.save_problem.{problem}"), "", safe]
        if session.store is not None:  # a failed save has a store: where it lives
            lines.append(cat("shell.save_problem.todo", folder=str(session.store.path.parent)))
        super().__init__(
            ctx,
            cat("shell.save_problem.title"),
            "\n".join(lines),
            cat("shell.save_problem.retry"),
            cat("shell.save_problem.leave"),
        )


def ask_about_save(ctx: AppContext, session: PlaySession, carry_on: Callable[[], None]) -> None:
    """Put the failed save in front of the trainee (once); ``carry_on`` continues the day
    when a retry has stored it."""
    if isinstance(ctx.stack.top, SaveProblemDialog):
        return

    def answered(retry: bool) -> None:
        if not retry:
            from simulator.scenes.start import StartScene

            ctx.stack.replace(StartScene(ctx))
        elif session.save():
            carry_on()
        else:
            ask_about_save(ctx, session, carry_on)  # still failing: say so again

    ctx.stack.push(SaveProblemDialog(ctx, session), on_result=answered)
