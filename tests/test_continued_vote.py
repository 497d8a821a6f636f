"""A disturbance the KPU Kab/Kota answers with a continued vote (PSL; HANDBOOK §17.2, §17.4.8):
the desk stops once the event is answered, the decision comes once the PPS is told, and the day
goes on at 07:00 with the voters still to come — what was done before the stop stands. The
game shows the stop at the desk and the decision on a card; a scenario can ask for it only on
a disturbance."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest
from pygame_gui.elements import UIButton
from rulekit import PEMILU, play, respond, scenario, start

from simulator.app.library import ScenarioEntry
from simulator.app.play import Mode, PlaySession
from simulator.content import ContentError
from simulator.content.load import load_document_bytes
from simulator.core.actionlog import format_log, parse_log
from simulator.core.actions import AdvanceClock, IllegalAction, InformPps, RespondToEvent
from simulator.core.careful import CarefulCrew
from simulator.core.engine import Simulation
from simulator.core.phases import continued_vote, pemungutan
from simulator.core.replay import apply_log, header_for, result_of
from simulator.scenes.dialog import NoticeDialog
from simulator.scenes.event import EventDialog, FollowUpDialog
from simulator.scenes.phases import scene_for
from simulator.schema.scenario import Scenario
from tests.fit import layout_faults
from tests.pilot import Pilot, shown_text


def voter(vid: str, arrives: str) -> dict[str, Any]:
    return {"id": vid, "name": f"Warga {vid}", "sex": "L", "age": 40, "registered": "dpt",
            "arrives": arrives, "documents": [{"kind": "c_pemberitahuan"}, {"kind": "ktp_el"}]}


def fight(decision: str | None = "psl") -> dict[str, Any]:
    event: dict[str, Any] = {"at": "10:00", "kind": "kerusuhan"}
    if decision is not None:
        event["decision"] = decision
    return {
        "phases": ["pemungutan"],
        "events": [event],
        "voters": {"listed": [voter("v01", "08:00"), voter("v02", "09:55"),
                              voter("v03", "11:00")]},
    }


def serve(sim: Simulation, vid: str) -> None:
    crew = CarefulCrew(sim)
    play(sim, crew.serve(vid))


def at_the_fight(decision: str | None = "psl") -> Simulation:
    """v01 served at 08:00; v02 waiting when the fight breaks out at 10:00."""
    sim = start(PEMILU, **fight(decision))
    play(sim, [AdvanceClock(to="08:00")])
    serve(sim, "v01")
    play(sim, [AdvanceClock(to="10:00")])
    assert sim.world.queue == ["v02"], "v02 should be waiting at 10:00"
    return sim


def test_the_desk_stops_once_the_fight_is_answered_and_waits_for_the_pps() -> None:
    sim = at_the_fight()
    respond(sim, 0, "amankan_lapor")
    assert continued_vote.halted(sim.world)
    assert not any(isinstance(a, pemungutan.CallVoter | AdvanceClock)
                   for a in sim.allowed_actions()), "nobody is called while the KPU decides"
    with pytest.raises(IllegalAction):
        sim.apply(pemungutan.CallVoter(voter="v02"))
    assert InformPps(subject="event.0") in sim.allowed_actions(), "the report is offered"


def test_once_the_pps_is_told_the_day_goes_on_at_seven_with_those_still_to_come() -> None:
    sim = at_the_fight()
    respond(sim, 0, "amankan_lapor")
    play(sim, [InformPps(subject="event.0")])
    world = sim.world
    assert not continued_vote.halted(world) and world.voting.continued
    assert world.clock == 7 * 60, "the continued vote opens at 07:00"
    assert world.queue == ["v02"], "the voter waiting at the stop comes back first"
    assert world.voters["v01"].done, "who voted before the stop has voted"
    assert all(len(box.contents) == 1 for box in world.boxes.values()), (
        "v01's ballots stay in the boxes")
    serve(sim, "v02")
    play(sim, [AdvanceClock(to="11:00")])
    assert world.queue == ["v03"], "who had not come yet arrives at their hour on the PSL day"
    serve(sim, "v03")
    play(sim, [AdvanceClock(to="13:00"), pemungutan.AnnounceClose()])
    assert not sim.findings, [f.rule_id for f in sim.findings]


def test_a_chair_who_declares_the_psl_himself_is_judged_and_the_kpu_still_decides() -> None:
    sim = at_the_fight()
    assert "pemungutan.kpps_memutuskan_psl_sendiri" in respond(sim, 0, "umumkan_psl")
    assert continued_vote.halted(sim.world), "the day cannot go on whatever was said"
    play(sim, [InformPps(subject="event.0")])
    assert sim.world.voting.continued and sim.world.clock == 7 * 60


def test_without_a_psl_decision_voting_resumes_the_same_day() -> None:
    sim = at_the_fight(decision=None)
    respond(sim, 0, "amankan_lapor")
    assert not continued_vote.halted(sim.world)
    assert pemungutan.CallVoter(voter="v02") in sim.allowed_actions()
    play(sim, [InformPps(subject="event.0")])
    assert not sim.world.voting.continued and sim.world.clock == 10 * 60


def test_a_continued_vote_replays_to_the_same_day() -> None:
    sim = at_the_fight()
    respond(sim, 0, "amankan_lapor")
    play(sim, [InformPps(subject="event.0")])
    serve(sim, "v02")
    text = format_log(header_for(sim, "0" * 64), sim.log, result_of(sim))
    assert "\n07:00 call_voter" in text, "the log shows the continued vote's own hours"
    replayed = apply_log(sim.world.scenario, parse_log(text))  # strict about every time
    assert replayed.digest() == sim.digest()


def test_only_a_disturbance_waits_for_a_psl_decision() -> None:
    text = Path("scenarios/darurat-pemungutan.yaml").read_text(encoding="utf-8")
    bad = text.replace('kind: banjir}', 'kind: banjir, decision: psl}')
    assert bad != text
    with pytest.raises(ContentError) as caught:
        load_document_bytes(bad.encode(), "darurat.yaml", Scenario)
    message = str(caught.value)
    assert "decision" in message and "kerusuhan" in message, message


# --- on screen -------------------------------------------------------------------------------


def fight_day(pilot: Pilot) -> tuple[PlaySession, Any]:
    day = scenario(PEMILU, **fight())
    session = PlaySession.begin(ScenarioEntry(Path("kerusuhan.yaml"), day, "0" * 64),
                                Mode.UJIAN, None, None)
    scene = scene_for(pilot.ctx, session)
    pilot.show(scene)
    session.do(AdvanceClock(to="10:00"))
    scene.after_action()
    pilot.frames(2)
    return session, scene


def test_the_stop_is_shown_at_the_desk_and_the_decision_on_a_card() -> None:
    pilot = Pilot()
    session, scene = fight_day(pilot)
    assert isinstance(pilot.top, EventDialog)
    pilot.play(RespondToEvent(event=0, response="amankan_lapor"))
    pilot.frames(2)
    follow = pilot.top
    assert isinstance(follow, FollowUpDialog)
    pilot.key(pygame.K_ESCAPE)  # go on without reporting: the desk says why nothing moves
    pilot.frames(2)
    assert pilot.top is scene
    assert shown_text(pilot).shows("Pemungutan suara dihentikan")
    assert not any(isinstance(e, UIButton) and e.alive() and "Panggil" in e.text
                   for e in scene.ui.elements), "no voter can be called during the stop"
    pilot.play(InformPps(subject="event.0"))
    pilot.frames(2)
    card = pilot.top
    assert isinstance(card, NoticeDialog), f"the decision is not told: {card}"
    assert shown_text(pilot).shows("pemungutan suara lanjutan")
    pilot.key(pygame.K_RETURN)
    pilot.frames(2)
    assert pilot.top is scene and session.sim.world.clock == 7 * 60
    assert shown_text(pilot).shows("Pemungutan suara lanjutan (PSL)")
    assert shown_text(pilot).shows("07:00")


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_decision_card_fits_at_large_text(lang: str, size: tuple[int, int]) -> None:
    pilot = Pilot(size, lang, text_size="besar")
    fight_day(pilot)
    pilot.play(RespondToEvent(event=0, response="amankan_lapor"))
    pilot.frames(2)
    pilot.play(InformPps(subject="event.0"))  # on the follow-up card
    pilot.frames(2)
    assert isinstance(pilot.top, FollowUpDialog), "the card stays for what is left"
    pilot.key(pygame.K_ESCAPE)
    pilot.frames(2)
    card = pilot.top
    assert isinstance(card, NoticeDialog) and not layout_faults(card), layout_faults(card)
