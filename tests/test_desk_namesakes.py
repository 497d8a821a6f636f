"""Namesakes at the voter desk: the engine judges the person at the desk and their own
documents against their own registration, never "the first entry with that name"."""

from __future__ import annotations

from typing import Any

from simulator.core.actions import AdvanceClock, EndPhase
from simulator.core.engine import Simulation
from simulator.core.phases import pemungutan as p
from simulator.schema.scenario import Scenario
from simulator.schema.types import BallotType, VoterList

NAME = "Slamet Riyanto"
ALL = [BallotType.PPWP, BallotType.DPR, BallotType.DPD, BallotType.DPRD_PROV, BallotType.DPRD_KABKO]


def namesakes_scenario() -> Scenario:
    """Two men called Slamet Riyanto: v1 (40) on this TPS's DPT, v2 (55) a resident of its area
    on no list, who arrives first."""
    slates = [{"party": 1, "candidates": [{"number": 1, "name": "Yanto Prasetyo"}]}]
    ktp = {"kind": "ktp_el"}
    data: dict[str, Any] = {
        "id": "desk-namesakes",
        "title": {"id": "Nama sama", "en": "Namesakes"},
        "description": {"id": "Nama sama", "en": "Namesakes"},
        "election": "pemilu2024",
        "phases": ["pemungutan"],
        "tps": {
            "number": 4,
            "village": "Sukamaju",
            "subdistrict": "Lembah",
            "regency": "Tanjung",
            "province": "Nusa",
            "districts": {"province": "Nusa", "kabko": "Tanjung", "dpr": "Nusa I"},
            "dpt": {"men": 10, "women": 10},
        },
        "parties": [{"number": 1, "code": "Sawah", "name": "Partai Sawah"}],
        "contests": [
            {"ballot": "ppwp", "pairs": [{"number": 1, "head": "Arif", "deputy": "Sinta"}]},
            {"ballot": "dpr", "slates": slates},
            {"ballot": "dpd", "candidates": [{"number": 1, "name": "Made Arsana"}]},
            {"ballot": "dprd_prov", "slates": slates},
            {"ballot": "dprd_kabko", "slates": slates},
        ],
        "voters": {
            "listed": [
                {"id": "v2", "name": NAME, "sex": "L", "age": 55, "registered": "none",
                 "arrives": "08:00", "documents": [ktp]},
                {"id": "v1", "name": NAME, "sex": "L", "age": 40, "registered": "dpt",
                 "arrives": "08:05", "documents": [{"kind": "c_pemberitahuan"}, ktp]},
            ]
        },
    }  # fmt: skip
    return Scenario.model_validate(data)


def serve(sim: Simulation, voter: str, voter_list: VoterList) -> None:
    for action in (
        p.CallVoter(voter=voter),
        p.CheckInk(voter=voter),
        p.CheckDocuments(voter=voter),
        p.AdmitVoter(voter=voter, list=voter_list),
        p.IssueBallots(voter=voter, ballots=ALL),
        p.ApplyInk(voter=voter),
    ):
        sim.apply(action)


def arrived(sim: Simulation, at: str) -> Simulation:
    sim.apply(AdvanceClock(to=at))
    return sim


def rules(sim: Simulation) -> list[str]:
    return [f"{f.rule_id}@{f.subject}" for f in sim.findings]


def test_both_namesakes_served_right_cost_nothing() -> None:
    sim = arrived(Simulation.start(namesakes_scenario()), "08:05")
    for action in (p.CallVoter(voter="v2"), p.CheckInk(voter="v2"), p.CheckDocuments(voter="v2")):
        sim.apply(action)
    sim.apply(p.AskComeBack(voter="v2"))  # on no list: a DPK voter, from 12:00
    serve(sim, "v1", VoterList.DPT)  # the namesake on the DPT, with his own notice
    sim.apply(AdvanceClock(to="12:00"))
    sim.apply(p.AnnounceDpk())
    serve(sim, "v2", VoterList.DPK)
    sim.apply(AdvanceClock(to="13:00"))
    sim.apply(p.AnnounceClose())
    sim.apply(EndPhase())
    assert rules(sim) == [], "each namesake served by their own registration costs nothing"


def test_refusing_the_namesake_who_is_on_the_dpt_is_judged_as_refusing_a_dpt_voter() -> None:
    sim = arrived(Simulation.start(namesakes_scenario()), "08:05")
    for action in (p.CallVoter(voter="v1"), p.CheckInk(voter="v1"), p.CheckDocuments(voter="v1")):
        sim.apply(action)
    sim.apply(p.RefuseVoter(voter="v1", reason=p.Reason.IDENTITAS_TIDAK_COCOK))
    assert rules(sim) == ["pemungutan.dpt_ditolak@v1"], "his own KTP-el matches his own row"


def test_the_namesake_on_no_list_is_not_a_dpt_voter_because_of_the_name() -> None:
    sim = arrived(Simulation.start(namesakes_scenario()), "08:05")
    serve(sim, "v2", VoterList.DPT)  # found "his" name on the DPT: the row is the other man's
    found = set(rules(sim))
    assert "pemungutan.dpk_sebelum_1200@v2" in found, "he is a DPK voter, served before 12:00"
    assert "pemungutan.daftar_hadir_salah@v2" in found, "and signed the DPT, not the DPK list"
    assert not any(r.endswith("@v1") for r in found), "nothing is charged to the other man"
