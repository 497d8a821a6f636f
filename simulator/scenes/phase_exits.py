"""The ways out of a phase screen (a part of :class:`~simulator.scenes.phase.PhaseScene`):
ending the phase after a question that, in Latihan, names the work still undone; the next
phase or the debrief; the list of mistakes, the pause menu, and the question asked when the
day could not be saved."""

from __future__ import annotations

from collections.abc import Callable

from simulator.app.context import AppContext
from simulator.app.play import Mode, PlaySession
from simulator.core.actions import Action, EndPhase
from simulator.core.state import World
from simulator.presenter.debrief import duty_text

#: undone duties listed when ending a phase in Latihan; the rest are counted
UNDONE_SHOWN = 5


class PhaseExits:
    """Leaving the phase, or looking away from it for a while."""

    ctx: AppContext
    session: PlaySession
    world: World
    act: Callable[[Action], None]
    after_action: Callable[[], None]

    def confirm_end(self) -> None:
        from simulator.scenes.dialog import ConfirmDialog

        cat = self.ctx.cat
        body = cat("shell.phase.end_body")
        undone = self.undone_duties() if self.session.mode is Mode.LATIHAN else []
        if undone:  # Latihan says what would be judged undone; Ujian gives no such hint
            lines = [f"• {text}" for text in undone[:UNDONE_SHOWN]]
            if len(undone) > UNDONE_SHOWN:
                lines.append(cat("shell.phase.end_more", count=len(undone) - UNDONE_SHOWN))
            body = "\n".join([body, "", cat("shell.phase.end_undone"), *lines])
        dialog = ConfirmDialog(
            self.ctx,
            cat("shell.phase.end_title"),
            body,
            cat("shell.phase.end_yes"),
            cat("shell.common.cancel"),
            prepare=self.rehearse_end,
        )
        self.ctx.stack.push(dialog, on_result=self._end_confirmed)

    def rehearse_end(self) -> None:
        """The next screen made ahead while the question is read (see
        :func:`simulator.scenes.phases.rehearse_end`)."""
        from simulator.scenes.phases import rehearse_end

        rehearse_end(self.ctx, self.session)

    def undone_duties(self) -> list[str]:
        """This phase's duties not (wholly) done yet, in words, as the debrief names them."""
        phase = self.world.phase
        if phase is None:
            return []
        duties = self.session.sim.duties().get(phase, ())
        return [
            duty_text(phase, duty, self.world, self.ctx.cat)
            for duty in duties
            if duty.done < duty.of
        ]

    def _end_confirmed(self, yes: bool) -> None:
        if yes:
            self.act(EndPhase())

    def next_phase(self) -> None:
        from simulator.scenes.phases import scene_for

        self.ctx.stack.replace(scene_for(self.ctx, self.session))

    def show_debrief(self) -> None:
        from simulator.scenes.debrief import DebriefScene

        self.ctx.stack.replace(DebriefScene(self.ctx, self.session))

    def open_mistakes(self) -> None:
        from simulator.scenes.mistakes import MistakesOverlay

        self.ctx.stack.push(MistakesOverlay(self.ctx, self.session))

    def open_pause(self) -> None:
        from simulator.scenes.pause import PauseScene

        self.ctx.stack.push(PauseScene(self.ctx, self.session))

    def ask_about_save(self) -> None:
        from simulator.scenes.save_problem import ask_about_save

        ask_about_save(self.ctx, self.session, self.after_action)
