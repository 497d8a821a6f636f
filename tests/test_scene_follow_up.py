"""After answering an event that leaves duties, the game asks what else the crew does now:
record it in the C.Kejadian Khusus form, tell the TPS supervisor, or go on. The same offers
follow a wrong answer as a right one (Ujian gives nothing away); each taken is done at once and
leaves the card with what is left; the keyboard and the mouse both reach every choice."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from pygame_gui.elements import UIButton
from rulekit import PEMILU, scenario

from simulator.app.library import ScenarioEntry
from simulator.app.play import Mode, PlaySession
from simulator.core.actions import AdvanceClock
from simulator.scenes.event import EventDialog, FollowUpDialog
from simulator.scenes.phases import scene_for
from tests.fit import layout_faults
from tests.pilot import Pilot

QUEUE = {"voters": {"listed": [{
    "id": "v01", "name": "Sri Rahayu", "sex": "P", "age": 45, "registered": "dpt",
    "arrives": "08:50", "documents": [{"kind": "c_pemberitahuan"}, {"kind": "ktp_el"}],
}]}}


def gift_day(pilot: Pilot, mode: Mode = Mode.UJIAN) -> PlaySession:
    """The voting phase at 09:00, when a candidate's team arrives with lunch and envelopes."""
    day = scenario(PEMILU, phases=["pemungutan"],
                   events=[{"at": "09:00", "kind": "pemberian_peserta"}], **QUEUE)
    session = PlaySession.begin(ScenarioEntry(Path("hadiah.yaml"), day, "0" * 64), mode,
                                None, None)
    scene = scene_for(pilot.ctx, session)
    pilot.show(scene)
    session.do(AdvanceClock(to="09:00"))
    scene.after_action()  # type: ignore[attr-defined]
    pilot.frames(2)
    return session


def button(scene: object, words: str) -> UIButton:
    return next(e for e in scene.ui.elements  # type: ignore[attr-defined]
                if isinstance(e, UIButton) and e.alive() and words in e.text)


@pytest.mark.parametrize("answer", ["Tolak semuanya", "Terima, toh"])
def test_the_same_follow_ups_come_after_any_answer(answer: str) -> None:
    pilot = Pilot()
    gift_day(pilot)
    dialog = pilot.top
    assert isinstance(dialog, EventDialog), f"the gift is not asked about: {dialog}"
    pilot.click(button(dialog, answer))
    pilot.frames(2)
    follow = pilot.top
    assert isinstance(follow, FollowUpDialog), f"nothing asked what else: {follow}"
    offered = sorted(b.text for b in follow.ui.elements
                     if isinstance(b, UIButton) and b.alive())
    assert any("Catat di C.Kejadian Khusus" in t for t in offered)
    assert any("Laporkan «Kiriman dari tim peserta» kepada Pengawas TPS" in t for t in offered)


def test_each_follow_up_is_done_at_once_and_the_card_keeps_what_is_left() -> None:
    pilot = Pilot()
    session = gift_day(pilot)
    pilot.click(button(pilot.top, "Tolak semuanya"))
    pilot.frames(2)
    follow = pilot.top
    assert isinstance(follow, FollowUpDialog)
    pilot.click(button(follow, "Catat di C.Kejadian Khusus"))
    pilot.frames(2)
    assert pilot.top is follow, "the card stays for what is left"
    assert ("pemberian_peserta", "event.0") in session.sim.world.special_events
    assert not any("Catat" in b.text for b in follow.ui.elements
                   if isinstance(b, UIButton) and b.alive()), "what is done is not offered again"
    pilot.click(button(follow, "kepada Pengawas TPS"))
    pilot.frames(2)
    assert "event.0" in session.sim.world.ptps_informed
    pilot.click(button(follow, "kepada PPS"))
    pilot.frames(2)
    assert "event.0" in session.sim.world.reported
    focused = follow.ui.focused()
    assert isinstance(focused, UIButton) and "Lanjutkan" in focused.text, (
        "with everything done, Enter goes on")
    pilot.key(pygame.K_RETURN)
    pilot.frames(2)
    assert not isinstance(pilot.top, FollowUpDialog | EventDialog)


def test_going_on_leaves_the_duties_to_be_judged_at_the_end() -> None:
    pilot = Pilot()
    session = gift_day(pilot)
    pilot.click(button(pilot.top, "Tolak semuanya"))
    pilot.frames(2)
    pilot.key(pygame.K_ESCAPE)
    pilot.frames(2)
    assert not isinstance(pilot.top, FollowUpDialog)
    assert not session.sim.world.special_events, "nothing recorded that the trainee did not do"


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_follow_up_card_fits_at_large_text(lang: str, size: tuple[int, int]) -> None:
    pilot = Pilot(size, lang, text_size="besar")
    gift_day(pilot)
    dialog = pilot.top
    assert isinstance(dialog, EventDialog) and not layout_faults(dialog), layout_faults(dialog)
    first = next(e for e in dialog.ui.elements if isinstance(e, UIButton) and e.alive())
    pilot.click(first)
    pilot.frames(2)
    follow = pilot.top
    assert isinstance(follow, FollowUpDialog) and not layout_faults(follow), (
        layout_faults(follow))


def test_a_duty_taken_after_a_wrong_answer_leaves_its_mistake_explained() -> None:
    """In Latihan the wrong answer's finding stays in the feedback while the duties are taken:
    a duty's own "no mistake" there would read as a verdict on the answer."""
    pilot = Pilot()
    gift_day(pilot, Mode.LATIHAN)
    pilot.click(button(pilot.top, "Terima, toh"))
    pilot.frames(2)
    scene = pilot.top.phase_scene  # type: ignore[attr-defined]
    explained = scene.feedback_markup()
    assert "Pemberian dari tim peserta diterima" in explained
    pilot.click(button(pilot.top, "Catat di C.Kejadian Khusus"))
    pilot.frames(2)
    assert scene.feedback_markup() == explained, "the answer's mistake is still explained"
    assert "Tidak ada kesalahan" not in scene.feedback_markup()
