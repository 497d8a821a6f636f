"""An event's dialog at the large text size: as tall as its words and answers, so the case
it names (the witness's cell, the ballot) is read whole without scrolling, and the card stays
on the screen."""

from __future__ import annotations

import pytest
from pygame_gui.elements import UIImage, UIPanel, UITextBox

from simulator.app.driver import Driver
from simulator.app.shots import headless_context
from simulator.scenes.event import EventDialog
from tests.fit import layout_faults
from tests.pilot import Pilot
from tests.test_keyboard_walk import show_objection


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["laptop", "full-hd"])
def test_an_objection_reads_whole_at_besar(lang: str, size: tuple[int, int]) -> None:
    pilot = Pilot(size, lang)
    pilot.ctx = headless_context(size, lang, "besar")
    pilot.driver = Driver(pilot.ctx)
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
