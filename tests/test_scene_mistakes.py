"""Latihan keeps this phase's mistakes a key away (F2), each with its case and right answer;
Ujian shows neither the list nor a count (that would be a hint)."""

from __future__ import annotations

import pygame
import pytest
from pygame_gui.elements import UIButton, UITextBox

from simulator.app.play import Mode
from simulator.core.phases.pemungutan import AdmitVoter, CallVoter, CheckDocuments
from simulator.scenes.mistakes import MistakesOverlay
from simulator.scenes.phase import PhaseScene
from simulator.schema.types import VoterList
from tests.pilot import Pilot


def mistaken_desk(mode: Mode) -> Pilot:
    """The voter desk, with v12 (a resident on no list, at 09:45) entered as DPK at once."""
    pilot = Pilot()
    pilot.start_session("meja-pemilih-jebakan", mode)
    pilot.type_into("clock", "09:45")  # v12 queues at 09:45
    pilot.play(CallVoter(voter="v12"))
    pilot.play(CheckDocuments(voter="v12"))
    pilot.play(AdmitVoter(voter="v12", list=VoterList.DPK))
    return pilot


def mistakes_button(scene: PhaseScene) -> UIButton | None:
    return next(
        (e for e in scene.ui.elements
         if isinstance(e, UIButton) and e.text.startswith(("Kesalahan", "Mistakes"))),
        None,
    )


def test_latihan_counts_this_phases_mistakes_and_f2_lists_them_with_their_case() -> None:
    pilot = mistaken_desk(Mode.LATIHAN)
    scene = pilot.top
    assert isinstance(scene, PhaseScene)
    button = mistakes_button(scene)
    own = [f for f in scene.session.sim.findings if f.phase is scene.phase]
    assert "pemungutan.dpk_sebelum_1200" in {f.rule_id for f in own}
    assert button is not None and f": {len(own)} " in button.text, (
        f"the header counts this phase's {len(own)} mistakes: {button and button.text}"
    )
    pilot.key(pygame.K_F2)
    overlay = pilot.top
    assert isinstance(overlay, MistakesOverlay), "F2 opens the list"
    text = next(e for e in overlay.ui.elements if isinstance(e, UITextBox)).html_text
    name = scene.world.voters["v12"].voter.name
    assert name in text, "each mistake names its case (the voter)"
    assert "12.00" in text, "and the right answer for it (come back at 12:00)"
    pilot.key(pygame.K_ESCAPE)
    assert pilot.top is scene, "Esc goes back to the desk"


def test_ujian_shows_no_count_and_no_list() -> None:
    pilot = mistaken_desk(Mode.UJIAN)
    scene = pilot.top
    assert isinstance(scene, PhaseScene)
    assert mistakes_button(scene) is None, "a count of mistakes would be a hint in Ujian"
    pilot.key(pygame.K_F2)
    assert pilot.top is scene


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_empty_list_says_so(lang: str) -> None:
    pilot = Pilot(lang=lang)
    pilot.start_session("meja-pemilih-jebakan")
    pilot.key(pygame.K_F2)
    overlay = pilot.top
    assert isinstance(overlay, MistakesOverlay)
    text = next(e for e in overlay.ui.elements if isinstance(e, UITextBox)).html_text
    assert text == overlay.ctx.cat("shell.mistakes.none")
