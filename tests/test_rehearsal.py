"""The next screen made ahead while the end-of-phase question is read: it leaves the day,
its save, the question's focus and the widgets on screen as they were, and the screen the
answer shows is the one it would have been."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from simulator.app.play import Mode, PlaySession
from simulator.core.actions import EndPhase
from simulator.core.careful import CarefulCrew
from simulator.persistence.store import SaveStore
from simulator.scenes.debrief import DebriefScene
from simulator.scenes.dialog import ConfirmDialog
from simulator.scenes.phases import scene_for
from tests.pilot import Pilot, entry


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SaveStore]:
    opened, _ = SaveStore.open(tmp_path)
    yield opened
    opened.close()


@pytest.mark.slow
def test_every_phase_rehearses_its_end_without_a_trace(
    store: SaveStore, caplog: pytest.LogCaptureFixture
) -> None:
    """Through the whole Pemilu day: at each question the next screen is made ahead and let
    go (no widget left behind, the focus on "cancel", not a line saved, the day as it
    stood); confirming then shows the next phase, and the last shows the debrief."""
    pilot = Pilot(store=store)
    profile = store.create_profile("Sri")
    session = PlaySession.begin(entry("pemilu-hari-penuh"), Mode.LATIHAN, store, profile.id)
    crew = CarefulCrew(session.sim)
    caplog.set_level(logging.ERROR)
    while not session.finished:
        phase = session.sim.world.phase
        assert phase is not None
        for action in crew.phase_actions(phase):
            session.do(action)
        crew.respond_to_events()
        session.save()
        pilot.show(scene_for(pilot.ctx, session))
        pilot.key(pygame.K_e)
        dialog = pilot.top
        assert isinstance(dialog, ConfirmDialog), f"E in {phase.value} opened {dialog}"
        pilot.frames(1)
        widgets = set(pilot.ctx.manager.get_sprite_group().sprites())
        focus = pilot.ctx.manager.get_focus_set()
        digest, stored = session.sim.digest(), len(store.run_actions(session.run_id or 0))
        dialog.after_shown()  # the question is on screen: the rehearsal runs
        assert dialog.prepare is None, "the rehearsal is to run once"
        left = set(pilot.ctx.manager.get_sprite_group().sprites())
        assert left == widgets, f"{phase.value}: the rehearsal left {len(left - widgets)} widgets"
        assert pilot.ctx.manager.get_focus_set() == focus, "the rehearsal took the focus"
        assert session.sim.digest() == digest, f"{phase.value}: the rehearsal changed the day"
        assert len(store.run_actions(session.run_id or 0)) == stored, "the rehearsal saved"
        assert not caplog.records, f"{phase.value}: the rehearsal failed: {caplog.text}"
        pilot.key(pygame.K_LEFT)
        pilot.key(pygame.K_RETURN)
        assert len(store.run_actions(session.run_id or 0)) == stored + 1, "the end not saved"
        if session.finished:
            assert isinstance(pilot.top, DebriefScene), f"the day ended on {pilot.top}"
        else:
            assert pilot.top.phase is session.sim.world.phase, f"{phase.value} did not end"


def test_a_rehearsal_that_fails_costs_nothing(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A next screen that cannot be made ahead is logged; the question stays, and its answer
    still ends the phase."""
    pilot = Pilot()
    session = pilot.start_session("pemilu-hari-penuh")
    pilot.key(pygame.K_e)
    dialog = pilot.top
    assert isinstance(dialog, ConfirmDialog)

    def broken(ctx: object, session: PlaySession) -> None:
        raise RuntimeError("a screen that cannot be built")

    monkeypatch.setattr("simulator.scenes.phases.scene_for", broken)
    with caplog.at_level(logging.ERROR):
        dialog.after_shown()
    assert "could not make the next screen ahead" in caplog.text
    assert pilot.top is dialog
    monkeypatch.undo()
    pilot.key(pygame.K_LEFT)
    pilot.key(pygame.K_RETURN)
    assert session.sim.log[-1].action == EndPhase(), "the answer did not end the phase"
