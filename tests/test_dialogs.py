"""Dialogs at the large text size: an event's as tall as its words and answers, so the case
it names (the witness's cell, the ballot) is read whole without scrolling, and the card stays
on the screen; the end of a phase, which in Latihan names the work still undone."""

from __future__ import annotations

import pygame
import pytest
from pygame_gui.elements import UIImage, UIPanel, UITextBox

from simulator.app.play import Mode, PlaySession
from simulator.core.actions import EndPhase
from simulator.core.careful import CarefulCrew
from simulator.scenes.dialog import ConfirmDialog
from simulator.scenes.event import EventDialog
from simulator.scenes.phases import scene_for
from simulator.schema.types import Phase
from tests.fit import layout_faults
from tests.pilot import Pilot, entry
from tests.test_keyboard_walk import show_objection


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["laptop", "full-hd"])
def test_an_objection_reads_whole_at_besar(lang: str, size: tuple[int, int]) -> None:
    pilot = Pilot(size, lang, text_size="besar")
    show_objection(pilot)
    dialog = pilot.top
    assert isinstance(dialog, EventDialog), f"no event dialog, but {type(dialog).__name__}"
    [narration] = [e for e in dialog.ui.elements if isinstance(e, UITextBox)]
    assert narration.scroll_bar is None, "the narration scrolls: its last lines are hidden"
    card = dialog.box()
    assert pilot.ctx.screen.get_rect().contains(card), f"the card {card} leaves the screen"
    for element in dialog.ui.elements:
        if isinstance(element, UIImage | UIPanel):
            continue  # the veil over the screen and the card itself
        assert card.contains(element.rect), f"{element} stands outside the card {card}"
    assert not layout_faults(dialog), layout_faults(dialog)


def end_dialog(mode: Mode, text_size: str = "normal") -> tuple[Pilot, ConfirmDialog]:
    pilot = Pilot(text_size=text_size)
    session = PlaySession.begin(entry("pemilu-hari-penuh"), mode, None, None)
    crew = CarefulCrew(session.sim)
    while session.sim.world.phase is not Phase.PENGHITUNGAN:
        for action in crew.phase_actions(session.sim.world.phase):
            crew.do(action)
        crew.do(EndPhase())
    pilot.show(scene_for(pilot.ctx, session))
    pilot.key(pygame.K_e)
    dialog = pilot.top
    assert isinstance(dialog, ConfirmDialog), f"E opened {type(dialog).__name__}"
    return pilot, dialog


def test_ending_a_phase_in_latihan_names_what_is_still_undone() -> None:
    """Ending the count with no box counted: Latihan says, before it is too late, which
    boxes are not counted (what the debrief would judge); the dialog shows it whole."""
    pilot, dialog = end_dialog(Mode.LATIHAN, "besar")
    assert "Belum dikerjakan:" in dialog.body
    assert "Kotak DPR: baru 0 dari" in dialog.body, dialog.body
    [body] = [e for e in dialog.ui.elements if isinstance(e, UITextBox)]
    assert body.scroll_bar is None, "the list of undone work is cut off"
    assert not layout_faults(dialog), layout_faults(dialog)
    pilot.key(pygame.K_ESCAPE)
    assert pilot.top is not dialog


def test_ending_a_phase_in_ujian_gives_no_hint() -> None:
    _, dialog = end_dialog(Mode.UJIAN)
    assert "Belum dikerjakan" not in dialog.body and "Kotak DPR" not in dialog.body
