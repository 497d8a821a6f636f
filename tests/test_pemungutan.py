"""The voting phase, rule by rule: each rule fires on its mistake and stays quiet otherwise.

Every test builds a tiny Pemilu scenario with one or a few voters, plays desk actions through
``pemungutan.apply`` (with the engine's handling of the clock, records and phase end), and
checks which rule ids were flagged.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from simulator.core.actions import (
    Action,
    AdvanceClock,
    EndPhase,
    IllegalAction,
    InformPtps,
    RecordSpecialEvent,
)
from simulator.core.desk import Reason, decide
from simulator.core.judge import Judge, ScoringTable
from simulator.core.phases import pemungutan as p
from simulator.core.rules import Finding, StepResult
from simulator.core.setup import build_world
from simulator.core.state import World
from simulator.schema.clock import to_minutes
from simulator.schema.scenario import Scenario
from simulator.schema.types import BallotType, VoterList

ALL = [BallotType.PPWP, BallotType.DPR, BallotType.DPD, BallotType.DPRD_PROV, BallotType.DPRD_KABKO]
SCORING = ScoringTable(points={r.id: r.cost for r in p.RULES})


# --- Fixtures ------------------------------------------------------------------------------


def scenario_dict(voters: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    """A small Pemilu TPS with every ballot type and the given voters."""
    slates = [
        {"party": 1, "candidates": [{"number": 1, "name": "Yanto Prasetyo"}]},
        {"party": 2, "candidates": [{"number": 1, "name": "Indah Permata", "sex": "P"}]},
    ]
    data: dict[str, Any] = {
        "id": "desk-test",
        "title": {"id": "Uji meja", "en": "Desk test"},
        "description": {"id": "Uji meja pemilih", "en": "Voter desk test"},
        "election": "pemilu2024",
        "phases": ["pemungutan"],
        "tps": {
            "number": 3,
            "village": "Sukamaju",
            "subdistrict": "Lembah",
            "regency": "Kabupaten Tanjung",
            "province": "Provinsi Nusa",
            "districts": {
                "province": "Nusa",
                "kabko": "Tanjung",
                "dpr": "Nusa I",
                "dprd_prov": "Nusa 2",
                "dprd_kabko": "Tanjung 3",
            },
            "dpt": {"men": 10, "women": 10},
            "dptb": {"men": 2, "women": 2},
            "disabled": {"men": 1, "women": 1},
        },
        "parties": [
            {"number": 1, "code": "Sawah", "name": "Partai Sawah"},
            {"number": 2, "code": "Layang", "name": "Partai Layang"},
        ],
        "contests": [
            {
                "ballot": "ppwp",
                "pairs": [
                    {"number": 1, "head": "Arif Gunawan", "deputy": "Sinta Maharani"},
                    {"number": 2, "head": "Hasan Basri", "deputy": "Melati Kusuma"},
                ],
            },
            {"ballot": "dpr", "slates": slates},
            {
                "ballot": "dpd",
                "candidates": [
                    {"number": 1, "name": "Made Arsana"},
                    {"number": 2, "name": "Nurul"},
                ],
            },
            {"ballot": "dprd_prov", "slates": slates},
            {"ballot": "dprd_kabko", "slates": slates},
        ],
        "voters": {"listed": voters},
    }
    data.update(extra)
    return data


def voter(
    vid: str = "v1",
    registered: str = "dpt",
    arrives: str = "07:00",
    docs: tuple[Any, ...] = ("c_pemberitahuan", "ktp_el"),
    **extra: Any,
) -> dict[str, Any]:
    documents = [{"kind": d} if isinstance(d, str) else d for d in docs]
    return {
        "id": vid,
        "name": f"Pemilih {vid.upper()}",
        "sex": "L",
        "age": 35,
        "registered": registered,
        "arrives": arrives,
        "documents": documents,
        **extra,
    }


class Desk:
    """The voting phase driven directly, with the engine's clock/record/end handling."""

    def __init__(self, *voters: dict[str, Any], **extra: Any) -> None:
        scenario = Scenario.model_validate(scenario_dict(list(voters), **extra))
        self.world: World = build_world(scenario)
        self.findings: list[Finding] = []
        self.events: list[tuple[str, dict[str, Any]]] = []
        self._run(p.enter)

    def _run(self, step: Any) -> StepResult:
        judge = Judge(self.world, SCORING, StepResult())
        step(judge)
        self.findings += judge.result.findings
        self.events += judge.result.events
        return judge.result

    def do(self, *actions: Action) -> Desk:
        for action in actions:
            self._run(lambda judge, a=action: self._dispatch(a, judge))
        return self

    def _dispatch(self, action: Action, judge: Judge) -> None:
        world = judge.world
        if isinstance(action, AdvanceClock):
            world.clock = to_minutes(action.to)
            p.on_clock(judge)
        elif isinstance(action, RecordSpecialEvent):
            world.special_events.append((action.topic, action.subject))
        elif isinstance(action, InformPtps):
            world.ptps_informed.add(action.subject)
        elif isinstance(action, EndPhase):
            p.finish(judge)
        else:
            p.apply(action, judge)

    def at(self, time: str) -> Desk:
        return self.do(AdvanceClock(to=time))

    def end(self) -> Desk:
        return self.do(EndPhase())

    @property
    def fired(self) -> list[str]:
        return [f.rule_id.removeprefix("pemungutan.") for f in self.findings]

    def fired_for(self, subject: str) -> list[str]:
        return [
            f.rule_id.removeprefix("pemungutan.") for f in self.findings if f.subject == subject
        ]

    # A careful crew, step by step -------------------------------------------------------

    def check(self, vid: str = "v1") -> Desk:
        return self.do(p.CallVoter(voter=vid), p.CheckInk(voter=vid), p.CheckDocuments(voter=vid))

    def serve(
        self,
        vid: str = "v1",
        voter_list: VoterList = VoterList.DPT,
        ballots: list[BallotType] | None = None,
        signature: str = "tangan",
    ) -> Desk:
        self.check(vid)
        self.do(p.AdmitVoter(voter=vid, list=voter_list))
        self.do(p.IssueBallots(voter=vid, ballots=ballots or ALL, signature=signature))
        return self.do(p.RemindPhone(voter=vid), p.ApplyInk(voter=vid))

    def refuse(self, vid: str, reason: Reason) -> Desk:
        return self.check(vid).do(p.RefuseVoter(voter=vid, reason=reason))

    def record(self, vid: str, topic: str = "pemilih_bertinta") -> Desk:
        return self.do(RecordSpecialEvent(topic=topic, subject=vid), InformPtps(subject=vid))

    def close_day(self) -> Desk:
        """Advance to 13:00 with both announcements made, then end the phase."""
        if self.world.clock < 12 * 60:
            self.at("12:00")
        if not self.world.voting.dpk_announced:
            self.do(p.AnnounceDpk())
        if self.world.clock < 13 * 60:
            self.at("13:00")
        return self.do(p.AnnounceClose()).end()


def assert_fired(desk: Desk, rule: str, times: int = 1) -> None:
    count = desk.fired.count(rule)
    assert count == times, f"expected {rule} to fire {times}×, it fired {count}×; all: {desk.fired}"


def assert_quiet(desk: Desk, *rules: str) -> None:
    noisy = [r for r in desk.fired if not rules or r in rules]
    assert not noisy, (
        f"expected no finding{' of ' + ', '.join(rules) if rules else ''}, got {noisy}"
    )


# --- A clean day ---------------------------------------------------------------------------


def test_a_careful_crew_serving_one_dpt_voter_breaks_nothing() -> None:
    desk = Desk(voter()).serve().close_day()
    assert_quiet(desk)
    assert all(len(box.contents) == 1 for box in desk.world.boxes.values()), "one ballot per box"
    assert desk.world.voting.ended_at == 13 * 60


# --- Ink ------------------------------------------------------------------------------------


def test_admitting_an_inked_voter_is_critical() -> None:
    desk = Desk(voter(inked=True)).check().do(p.AdmitVoter(voter="v1", list=VoterList.DPT))
    assert_fired(desk, "pemilih_bertinta_dilayani")
    assert "tinta_tidak_diperiksa" not in desk.fired, "the unchecked-ink rule must not double up"


def test_refusing_an_inked_voter_and_recording_it_is_right() -> None:
    desk = Desk(voter(inked=True)).refuse("v1", Reason.BERTINTA).record("v1").close_day()
    assert_quiet(desk)


def test_inked_voter_admitted_without_checking_fires_only_the_critical_rule() -> None:
    desk = Desk(voter(inked=True)).do(
        p.CallVoter(voter="v1"), p.AdmitVoter(voter="v1", list=VoterList.DPT)
    )
    assert desk.fired == ["pemilih_bertinta_dilayani"]


def test_admitting_without_checking_ink_fires() -> None:
    desk = Desk(voter()).do(p.CallVoter(voter="v1"), p.AdmitVoter(voter="v1", list=VoterList.DPT))
    assert_fired(desk, "tinta_tidak_diperiksa")


def test_admitting_after_checking_ink_does_not_fire() -> None:
    desk = Desk(voter()).check().do(p.AdmitVoter(voter="v1", list=VoterList.DPT))
    assert_quiet(desk, "tinta_tidak_diperiksa")


def test_ink_refusal_not_recorded_fires_at_the_end() -> None:
    desk = Desk(voter(inked=True)).refuse("v1", Reason.BERTINTA).close_day()
    assert_fired(desk, "pemilih_bertinta_tidak_dicatat")


def test_ink_refusal_recorded_but_ptps_not_told_still_fires() -> None:
    desk = Desk(voter(inked=True)).refuse("v1", Reason.BERTINTA)
    desk.do(RecordSpecialEvent(topic="pemilih_bertinta", subject="v1")).close_day()
    assert_fired(desk, "pemilih_bertinta_tidak_dicatat")


def test_ink_not_applied_when_the_next_voter_is_called() -> None:
    desk = Desk(voter("v1"), voter("v2"))
    desk.check("v1").do(
        p.AdmitVoter(voter="v1", list=VoterList.DPT),
        p.IssueBallots(voter="v1", ballots=ALL),
        p.RemindPhone(voter="v1"),
        p.CallVoter(voter="v2"),
    )
    assert_fired(desk, "tinta_tidak_diberikan")
    state = desk.world.voters["v1"]
    assert state.done and not state.inked, "the uninked voter still leaves"
    assert all(len(box.contents) == 1 for box in desk.world.boxes.values()), "ballots were cast"


def test_ink_applied_at_the_exit_does_not_fire() -> None:
    desk = Desk(voter("v1"), voter("v2")).serve("v1").check("v2")
    assert_quiet(desk, "tinta_tidak_diberikan")
    assert desk.world.voters["v1"].inked


def test_ink_not_applied_when_the_phase_ends_with_a_voter_holding_ballots() -> None:
    desk = (
        Desk(voter())
        .check()
        .do(p.AdmitVoter(voter="v1", list=VoterList.DPT), p.IssueBallots(voter="v1", ballots=ALL))
    )
    desk.close_day()
    assert_fired(desk, "tinta_tidak_diberikan")


# --- Who may vote here -----------------------------------------------------------------------


def test_non_resident_admitted_as_dpk_at_noon_is_critical() -> None:
    v = voter(
        registered="none", arrives="09:10", docs=({"kind": "ktp_el", "address": "provinsi_sama"},)
    )
    desk = Desk(v).at("12:05").check().do(p.AdmitVoter(voter="v1", list=VoterList.DPK))
    assert_fired(desk, "bukan_penduduk_dilayani")


def test_non_resident_sent_to_the_tps_of_their_address_is_right() -> None:
    v = voter(registered="none", docs=({"kind": "ktp_el", "address": "provinsi_lain"},))
    desk = Desk(v).refuse("v1", Reason.SALAH_TPS).close_day()
    assert_quiet(desk)


def test_no_id_and_no_list_admitted_is_critical() -> None:
    desk = Desk(voter(registered="none", docs=("kk",))).at("12:00").check()
    desk.do(p.AdmitVoter(voter="v1", list=VoterList.DPK))
    assert_fired(desk, "tanpa_identitas_dilayani")


def test_phone_photo_is_not_enough_for_a_dpk_voter_when_the_scenario_says_so() -> None:
    strict = {"rules": {"substitute_id_for_dpk": "refuse"}}
    desk = Desk(voter(registered="none", docs=("ktp_foto_hp",)), **strict).at("12:00").check()
    desk.do(p.AdmitVoter(voter="v1", list=VoterList.DPK))
    assert_fired(desk, "tanpa_identitas_dilayani")


def test_phone_photo_for_a_dpk_voter_is_not_graded_by_default() -> None:
    desk = Desk(voter(registered="none", docs=("ktp_foto_hp",))).at("12:00").check()
    desk.do(p.AdmitVoter(voter="v1", list=VoterList.DPK))
    assert "pemungutan.tanpa_identitas_dilayani" not in {f.rule_id for f in desk.findings}


def test_no_id_and_no_list_refused_is_right() -> None:
    desk = Desk(voter(registered="none", docs=("kk",))).refuse("v1", Reason.TANPA_IDENTITAS)
    assert_quiet(desk.close_day())


def test_impersonator_admitted_is_critical() -> None:
    notice = {"kind": "c_pemberitahuan", "name": "Sutrisno Saputra"}
    desk = Desk(voter(registered="none", docs=(notice, "ktp_el"))).check()
    desk.do(p.AdmitVoter(voter="v1", list=VoterList.DPT))
    assert_fired(desk, "joki_dilayani")


def test_impersonator_refused_recorded_and_reported_is_right() -> None:
    notice = {"kind": "c_pemberitahuan", "name": "Sutrisno Saputra"}
    desk = Desk(voter(registered="none", docs=(notice, "ktp_el")))
    desk.refuse("v1", Reason.IDENTITAS_TIDAK_COCOK).record("v1", "identitas_tidak_cocok")
    assert_quiet(desk.close_day())


def test_impersonator_refused_but_not_recorded_fires() -> None:
    notice = {"kind": "c_pemberitahuan", "name": "Sutrisno Saputra"}
    desk = Desk(voter(registered="none", docs=(notice, "ktp_el")))
    desk.refuse("v1", Reason.IDENTITAS_TIDAK_COCOK).close_day()
    assert_fired(desk, "joki_tidak_dicatat")


@pytest.mark.parametrize(
    ("extra", "docs"),
    [
        ({}, ({"kind": "c_pemberitahuan", "tps": "lain"}, "ktp_el")),
        ({"transferred_out": True}, ("ktp_el",)),
    ],
    ids=["notice-for-another-tps", "transferred-out"],
)
def test_voter_of_another_tps_admitted_is_critical(extra: dict[str, Any], docs: Any) -> None:
    desk = Desk(voter(docs=docs, **extra)).check().do(p.AdmitVoter(voter="v1", list=VoterList.DPT))
    assert_fired(desk, "pemilih_tps_lain_dilayani")


def test_voter_of_another_tps_sent_there_is_right() -> None:
    desk = Desk(voter(docs=({"kind": "c_pemberitahuan", "tps": "lain"}, "ktp_el")))
    assert_quiet(desk.refuse("v1", Reason.SALAH_TPS).close_day())


def test_transferred_out_voter_refused_is_right() -> None:
    desk = Desk(voter(transferred_out=True, docs=("ktp_el",)))
    assert_quiet(desk.refuse("v1", Reason.SUDAH_PINDAH_MEMILIH).close_day())


def test_dpk_from_another_tps_area_of_the_village_admitted_fires() -> None:
    v = voter(
        registered="none", arrives="12:10", docs=({"kind": "ktp_el", "address": "desa_sama"},)
    )
    desk = Desk(v).at("12:10").check().do(p.AdmitVoter(voter="v1", list=VoterList.DPK))
    assert_fired(desk, "dpk_beda_wilayah_dilayani")
    assert "bukan_penduduk_dilayani" not in desk.fired


def test_dpk_from_another_tps_area_directed_there_is_right() -> None:
    v = voter(
        registered="none", arrives="12:10", docs=({"kind": "ktp_el", "address": "desa_sama"},)
    )
    assert_quiet(Desk(v).at("12:10").refuse("v1", Reason.SALAH_TPS).close_day())


def test_kk_only_dpt_voter_is_not_scored_by_default() -> None:
    admitted = Desk(voter(docs=("c_pemberitahuan", "kk"))).serve().close_day()
    refused = Desk(voter(docs=("c_pemberitahuan", "kk"))).refuse("v1", Reason.TANPA_IDENTITAS)
    assert_quiet(admitted)
    assert_quiet(refused.close_day())


def test_kk_only_dpt_voter_admitted_fires_where_the_scenario_refuses_kk() -> None:
    desk = Desk(voter(docs=("c_pemberitahuan", "sim")), rules={"kk_sim": "refuse"}).serve()
    assert_fired(desk, "kk_sim_diterima")


def test_kk_only_dpt_voter_refused_fires_where_the_scenario_accepts_kk() -> None:
    desk = Desk(voter(docs=("c_pemberitahuan", "kk")), rules={"kk_sim": "accept"})
    desk.refuse("v1", Reason.TANPA_IDENTITAS)
    assert_fired(desk, "dpt_ditolak")


def test_notice_without_any_id_is_not_scored_either_way() -> None:
    admitted = Desk(voter(docs=("c_pemberitahuan",))).serve().close_day()
    refused = Desk(voter(docs=("c_pemberitahuan",))).refuse("v1", Reason.TANPA_IDENTITAS)
    assert_quiet(admitted)
    assert_quiet(refused.close_day())


# --- The clock: 12:00 and 13:00 ----------------------------------------------------------------


def test_voter_arriving_after_1300_admitted_fires() -> None:
    desk = Desk(voter(arrives="13:10")).at("13:10").serve()
    assert_fired(desk, "dilayani_setelah_1300")


def test_voter_arriving_after_1300_refused_is_right() -> None:
    desk = Desk(voter(arrives="13:10")).at("12:00").do(p.AnnounceDpk()).at("13:00")
    desk.do(p.AnnounceClose()).at("13:10").refuse("v1", Reason.SUDAH_DITUTUP).end()
    assert_quiet(desk)


def test_dpk_admitted_before_noon_fires() -> None:
    desk = Desk(voter(registered="none", arrives="09:30", docs=("ktp_el",))).at("09:30")
    desk.serve(voter_list=VoterList.DPK)
    assert_fired(desk, "dpk_sebelum_1200")


def test_dpk_asked_back_and_served_at_noon_is_right() -> None:
    desk = Desk(voter(registered="none", arrives="09:30", docs=("ktp_el",))).at("09:30")
    desk.check().do(p.AskComeBack(voter="v1"))
    assert "v1" not in desk.world.queue, "asked to come back: out of the queue"
    desk.at("12:00")
    assert desk.world.queue == ["v1"], "the voter re-joins the queue at 12:00"
    desk.do(p.AnnounceDpk()).serve(voter_list=VoterList.DPK).close_day()
    assert_quiet(desk)


def test_dpk_at_noon_waiting_in_the_queue_since_morning_is_served_now() -> None:
    desk = Desk(voter(registered="none", arrives="11:50", docs=("ktp_el",))).at("12:00")
    assert_quiet(desk.do(p.AnnounceDpk()).serve(voter_list=VoterList.DPK).close_day())


def test_dptb_early_is_only_an_advisory_when_the_scenario_sets_a_time() -> None:
    model_a = {"kind": "model_a", "ballots": ["ppwp"]}
    v = voter(registered="dptb", arrives="08:00", docs=(model_a, "ktp_el"))
    desk = Desk(v, rules={"dptb_from": "11:00"}).at("08:00")
    desk.serve(voter_list=VoterList.DPTB, ballots=[BallotType.PPWP])
    assert_fired(desk, "dptb_sebelum_waktunya")
    assert [f.points for f in desk.findings] == [1], "an advisory costs one point"


def test_dptb_at_0800_is_fine_without_a_setting() -> None:
    model_a = {"kind": "model_a", "ballots": ["ppwp"]}
    v = voter(registered="dptb", arrives="08:00", docs=(model_a, "ktp_el"))
    desk = Desk(v).at("08:00").serve(voter_list=VoterList.DPTB, ballots=[BallotType.PPWP])
    assert_quiet(desk)


def test_voting_ended_before_1300_fires() -> None:
    desk = Desk(voter(), voter("v2", arrives="12:30")).serve().at("11:00").end()
    assert_fired(desk, "ditutup_sebelum_1300")
    finding = next(f for f in desk.findings if f.rule_id.endswith("ditutup_sebelum_1300"))
    assert finding.param_dict()["voters_lost"] == 1, "v2 would still have come"


def test_voting_ended_at_1300_does_not_fire() -> None:
    assert_quiet(Desk(voter()).serve().close_day(), "ditutup_sebelum_1300")


def test_queue_cut_at_1300_fires_per_waiting_voter() -> None:
    desk = Desk(voter("v1", arrives="12:58"), voter("v2", arrives="12:59")).close_day()
    assert_fired(desk, "antrean_dipotong", times=2)


def test_queue_served_after_1300_does_not_fire() -> None:
    desk = Desk(voter("v1", arrives="12:58")).at("12:00").do(p.AnnounceDpk()).at("13:00")
    desk.do(p.AnnounceClose()).serve("v1").end()
    assert_quiet(desk)


def test_refusing_a_queuing_voter_as_too_late_is_a_queue_cut() -> None:
    desk = Desk(voter("v1", arrives="12:58")).at("13:00").refuse("v1", Reason.SUDAH_DITUTUP)
    assert desk.fired_for("v1") == ["antrean_dipotong"]


def test_refusing_a_non_entitled_voter_as_too_late_is_only_a_wrong_reason() -> None:
    v = voter(
        registered="none", arrives="12:58", docs=({"kind": "ktp_el", "address": "provinsi_lain"},)
    )
    desk = Desk(v).at("13:00").refuse("v1", Reason.SUDAH_DITUTUP)
    assert desk.fired_for("v1") == ["alasan_penolakan_keliru"]


def test_dpk_announcement_missing_fires() -> None:
    desk = Desk().at("13:00").do(p.AnnounceClose()).end()
    assert_fired(desk, "pengumuman_dpk_tidak_dilakukan")


def test_close_announcement_missing_fires() -> None:
    desk = Desk().at("12:00").do(p.AnnounceDpk()).at("13:00").end()
    assert_fired(desk, "pengumuman_penutupan_tidak_dilakukan")


def test_announcements_made_do_not_fire() -> None:
    assert_quiet(Desk().close_day())


def test_announcements_cannot_be_made_before_their_time() -> None:
    desk = Desk()
    with pytest.raises(IllegalAction, match="12:00"):
        desk.do(p.AnnounceDpk())
    with pytest.raises(IllegalAction, match="13:00"):
        desk.at("12:00").do(p.AnnounceClose())


# --- Ballots handed over -------------------------------------------------------------------


def dptb_voter(types: list[str], **extra: Any) -> dict[str, Any]:
    return voter(registered="dptb", docs=({"kind": "model_a", "ballots": types}, "ktp_el"), **extra)


def test_dptb_given_every_type_though_the_model_a_lists_ppwp_only_is_critical() -> None:
    desk = Desk(dptb_voter(["ppwp"])).serve(voter_list=VoterList.DPTB, ballots=ALL)
    assert_fired(desk, "jenis_surat_suara_dptb_salah")


def test_dptb_given_fewer_types_than_the_model_a_is_critical() -> None:
    desk = Desk(dptb_voter(["ppwp", "dpr", "dpd", "dprd_prov"]))
    desk.serve(voter_list=VoterList.DPTB, ballots=[BallotType.PPWP])
    assert_fired(desk, "jenis_surat_suara_dptb_salah")


def test_dptb_given_exactly_the_model_a_types_is_right() -> None:
    desk = Desk(dptb_voter(["ppwp", "dpd"]))
    desk.serve(voter_list=VoterList.DPTB, ballots=[BallotType.DPD, BallotType.PPWP])
    assert_quiet(desk)
    assert desk.world.voters["v1"].ballots == [BallotType.PPWP, BallotType.DPD], "kept in order"


def test_dpt_voter_not_given_every_type_fires() -> None:
    desk = Desk(voter()).serve(ballots=[BallotType.PPWP])
    assert_fired(desk, "surat_suara_tidak_lengkap")


def test_dpt_voter_given_every_type_does_not_fire() -> None:
    assert_quiet(Desk(voter()).serve(), "surat_suara_tidak_lengkap")


def test_wrong_attendance_list_fires() -> None:
    desk = Desk(dptb_voter(["ppwp"])).serve(voter_list=VoterList.DPT, ballots=[BallotType.PPWP])
    assert desk.fired == ["daftar_hadir_salah"]


@pytest.mark.parametrize("signature", ["stempel", "tanpa"])
def test_unsigned_or_stamped_ballots_are_critical_and_invalid(signature: str) -> None:
    desk = Desk(voter()).serve(signature=signature)
    assert_fired(desk, "surat_suara_tidak_ditandatangani")
    assert all(not b.signed for box in desk.world.boxes.values() for b in box.contents)


def test_hand_signed_ballots_do_not_fire() -> None:
    desk = Desk(voter()).serve()
    assert_quiet(desk, "surat_suara_tidak_ditandatangani")
    assert all(b.signed for box in desk.world.boxes.values() for b in box.contents)


# --- Refusals and sending away -------------------------------------------------------------


def test_dptb_voter_refused_fires() -> None:
    desk = Desk(dptb_voter(["ppwp"])).refuse("v1", Reason.TANPA_IDENTITAS)
    assert_fired(desk, "dptb_ditolak")


def test_model_a_holder_missing_from_the_dptb_copy_is_not_graded_either_way() -> None:
    """§5.3: a DPTb voter must appear on this TPS's DPTb list (H), and the handbook gives no
    remedy for one who does not: served or turned away, neither is graded; served, they get
    the Model A's ballots (M15 still holds)."""
    v = voter(registered="none", docs=({"kind": "model_a", "ballots": ["ppwp"]}, "ktp_el"))
    assert_quiet(Desk(v).refuse("v1", Reason.LUAR_DOMISILI).close_day())
    served = Desk(v).serve(voter_list=VoterList.DPTB, ballots=[BallotType.PPWP]).close_day()
    assert_quiet(served)
    too_many = Desk(v).serve(voter_list=VoterList.DPTB, ballots=[BallotType.PPWP, BallotType.DPR])
    assert_fired(too_many, "jenis_surat_suara_dptb_salah")


def test_dptb_voter_told_to_come_back_at_noon_fires() -> None:
    desk = Desk(dptb_voter(["ppwp"])).check().do(p.AskComeBack(voter="v1"))
    assert_fired(desk, "dptb_ditolak")


def test_dpt_voter_with_phone_photo_refused_fires() -> None:
    desk = Desk(voter(docs=("c_pemberitahuan", "ktp_foto_hp"))).refuse("v1", Reason.TANPA_IDENTITAS)
    assert_fired(desk, "dpt_ditolak")


def test_dpt_voter_without_notice_refused_fires() -> None:
    desk = Desk(voter(docs=("ktp_el",))).refuse("v1", Reason.SALAH_TPS)
    assert_fired(desk, "dpt_ditolak")


def test_dpt_voter_told_to_come_back_at_noon_fires() -> None:
    desk = Desk(voter()).check().do(p.AskComeBack(voter="v1"))
    assert_fired(desk, "dpt_ditolak")


def test_dpk_after_noon_refused_fires() -> None:
    desk = Desk(voter(registered="none", arrives="12:10", docs=("ktp_el",))).at("12:10")
    desk.refuse("v1", Reason.LUAR_DOMISILI)
    assert_fired(desk, "dpk_ditolak")


def test_dpk_before_noon_refused_instead_of_asked_back_fires() -> None:
    desk = Desk(voter(registered="none", arrives="09:00", docs=("ktp_el",))).at("09:00")
    desk.refuse("v1", Reason.TANPA_IDENTITAS)
    assert_fired(desk, "dpk_ditolak")


def test_wrong_refusal_reason_fires() -> None:
    v = voter(registered="none", docs=({"kind": "ktp_el", "address": "kabko_sama"},))
    assert_fired(Desk(v).refuse("v1", Reason.TANPA_IDENTITAS), "alasan_penolakan_keliru")


def test_non_resident_told_to_come_back_at_noon_is_a_wrong_reason() -> None:
    v = voter(registered="none", docs=({"kind": "ktp_el", "address": "provinsi_lain"},))
    desk = Desk(v).check().do(p.AskComeBack(voter="v1"))
    assert_fired(desk, "alasan_penolakan_keliru")


def test_right_refusal_reason_does_not_fire() -> None:
    v = voter(registered="none", docs=({"kind": "ktp_el", "address": "kabko_sama"},))
    assert_quiet(Desk(v).refuse("v1", Reason.SALAH_TPS))


def exhausted() -> dict[str, Any]:
    return {"logistics": {"ballots": {"ppwp": {"count": 0}}}}


def test_dpk_with_ballots_exhausted_refused_without_redirect_fires() -> None:
    desk = Desk(voter(registered="none", arrives="12:10", docs=("ktp_el",)), **exhausted())
    desk.at("12:10").refuse("v1", Reason.TANPA_IDENTITAS)
    assert_fired(desk, "dpk_tidak_diarahkan")


def test_dpk_served_with_what_is_left_instead_of_redirected_fires() -> None:
    desk = Desk(voter(registered="none", arrives="12:10", docs=("ktp_el",)), **exhausted())
    desk.at("12:10").serve(voter_list=VoterList.DPK, ballots=ALL[1:])
    assert desk.fired == ["dpk_tidak_diarahkan"], desk.fired


def test_dpk_with_ballots_exhausted_redirected_is_right() -> None:
    desk = Desk(voter(registered="none", arrives="12:10", docs=("ktp_el",)), **exhausted())
    assert_quiet(desk.at("12:10").refuse("v1", Reason.SURAT_SUARA_HABIS))


# --- Records -------------------------------------------------------------------------------


def test_substitute_id_admission_not_recorded_fires() -> None:
    desk = Desk(voter(docs=("c_pemberitahuan", "ktp_foto_hp"))).serve().close_day()
    assert_fired(desk, "identitas_pengganti_tidak_dicatat")


def test_substitute_id_admission_recorded_does_not_fire() -> None:
    desk = Desk(voter(docs=("c_pemberitahuan", "ikd"))).serve()
    desk.do(RecordSpecialEvent(topic="identitas_pengganti", subject="v1")).close_day()
    assert_quiet(desk)


# --- Assistance, phone, replacements ------------------------------------------------------


def blind(**extra: Any) -> dict[str, Any]:
    return voter(disability="tunanetra", assistance="keluarga", **extra)


def admitted(desk: Desk, vid: str = "v1") -> Desk:
    return desk.check(vid).do(
        p.AdmitVoter(voter=vid, list=VoterList.DPT),
        p.IssueBallots(voter=vid, ballots=ALL),
        p.RemindPhone(voter=vid),
    )


def test_assistance_given_to_a_voter_who_did_not_ask_fires() -> None:
    desk = admitted(Desk(voter())).do(p.AllowAssistance(voter="v1"))
    assert_fired(desk, "pendampingan_tanpa_permintaan")


def test_assistance_at_the_voters_request_with_statement_is_right() -> None:
    desk = admitted(Desk(blind())).do(
        p.AllowAssistance(voter="v1"), p.RecordHelperStatement(voter="v1"), p.ApplyInk(voter="v1")
    )
    assert_quiet(desk)


def test_helper_without_signed_statement_fires() -> None:
    desk = admitted(Desk(blind())).do(p.AllowAssistance(voter="v1"), p.ApplyInk(voter="v1"))
    assert_fired(desk, "pendamping_tanpa_formulir")


def test_legitimate_assistance_request_refused_fires() -> None:
    desk = admitted(Desk(blind())).do(p.RefuseAssistance(voter="v1"), p.ApplyInk(voter="v1"))
    assert_fired(desk, "pendampingan_ditolak")


def test_legitimate_assistance_request_ignored_counts_as_refused() -> None:
    desk = admitted(Desk(blind())).do(p.ApplyInk(voter="v1"))
    assert_fired(desk, "pendampingan_ditolak")


def test_request_from_a_voter_without_a_qualifying_disability_is_not_scored() -> None:
    desk = admitted(Desk(voter(assistance="keluarga"))).do(
        p.RefuseAssistance(voter="v1"), p.ApplyInk(voter="v1")
    )
    assert_quiet(desk)


def test_phone_not_reminded_fires() -> None:
    desk = (
        Desk(voter(phone=True))
        .check()
        .do(
            p.AdmitVoter(voter="v1", list=VoterList.DPT),
            p.IssueBallots(voter="v1", ballots=ALL),
            p.ApplyInk(voter="v1"),
        )
    )
    assert_fired(desk, "hp_tidak_diingatkan")


def test_phone_reminded_does_not_fire() -> None:
    assert_quiet(Desk(voter(phone=True)).serve(), "hp_tidak_diingatkan")


def test_voter_without_phone_needs_no_reminder() -> None:
    desk = (
        Desk(voter())
        .check()
        .do(
            p.AdmitVoter(voter="v1", list=VoterList.DPT),
            p.IssueBallots(voter="v1", ballots=ALL),
            p.ApplyInk(voter="v1"),
        )
    )
    assert_quiet(desk)


def test_first_replacement_refused_fires() -> None:
    desk = admitted(Desk(voter(replacements=["dpr"])))
    desk.do(p.RefuseReplacement(voter="v1", ballot=BallotType.DPR), p.ApplyInk(voter="v1"))
    assert_fired(desk, "penggantian_ditolak")


def test_first_replacement_ignored_counts_as_refused() -> None:
    desk = admitted(Desk(voter(replacements=["dpr"]))).do(p.ApplyInk(voter="v1"))
    assert_fired(desk, "penggantian_ditolak")


def test_first_replacement_granted_is_right_and_counted() -> None:
    desk = admitted(Desk(voter(replacements=["dpr"])))
    desk.do(p.ReplaceBallot(voter="v1", ballot=BallotType.DPR), p.ApplyInk(voter="v1"))
    assert_quiet(desk)
    stock = desk.world.stocks[BallotType.DPR]
    assert (stock.issued, stock.returned) == (2, 1), "a fresh ballot out, the spoiled one back"
    assert len(desk.world.boxes[BallotType.DPR].contents) == 1, "one DPR ballot cast"


def test_second_replacement_of_the_same_type_granted_fires() -> None:
    desk = admitted(Desk(voter(replacements=["dpr", "dpr"])))
    desk.do(p.ReplaceBallot(voter="v1", ballot=BallotType.DPR))
    desk.do(p.ReplaceBallot(voter="v1", ballot=BallotType.DPR), p.ApplyInk(voter="v1"))
    assert_fired(desk, "penggantian_kedua_diberikan")


def test_second_replacement_refused_is_right() -> None:
    desk = admitted(Desk(voter(replacements=["dpr", "dpr"])))
    desk.do(p.ReplaceBallot(voter="v1", ballot=BallotType.DPR))
    desk.do(p.RefuseReplacement(voter="v1", ballot=BallotType.DPR), p.ApplyInk(voter="v1"))
    assert_quiet(desk)


# --- Priority ------------------------------------------------------------------------------


def test_calling_others_while_an_elderly_voter_waits_fires_once() -> None:
    desk = Desk(voter("v1"), voter("v2"), voter("v3", age=70))
    desk.serve("v1").serve("v2")
    assert desk.fired == ["prioritas_diabaikan"], f"once for v3, got {desk.fired}"
    assert desk.findings[0].subject == "v3"


def test_calling_the_priority_voters_first_does_not_fire() -> None:
    desk = Desk(voter("v1"), voter("v2", pregnant=True), voter("v3", disability="kursi_roda"))
    desk.serve("v2").serve("v3").serve("v1")
    assert_quiet(desk)


# --- World mechanics -----------------------------------------------------------------------


def test_voters_join_the_queue_as_they_arrive() -> None:
    desk = Desk(voter("v1", arrives="06:50"), voter("v2", arrives="08:00"))
    assert desk.world.queue == ["v1"]
    desk.at("08:00")
    assert desk.world.queue == ["v1", "v2"]
    assert [e for e, _ in desk.events].count("voter_arrived") == 2


def test_calling_a_voter_not_yet_arrived_is_illegal() -> None:
    with pytest.raises(IllegalAction, match="queue"):
        Desk(voter(arrives="09:00")).do(p.CallVoter(voter="v1"))


def test_acting_on_a_voter_not_at_the_desk_is_illegal() -> None:
    with pytest.raises(IllegalAction, match="desk"):
        Desk(voter()).do(p.CheckInk(voter="v1"))


def test_acting_on_a_voter_who_left_is_illegal() -> None:
    desk = Desk(voter()).serve()
    with pytest.raises(IllegalAction):
        desk.do(p.RemindPhone(voter="v1"))


def test_ballots_need_an_attendance_entry_and_stock() -> None:
    desk = Desk(voter(), voter("v2"), **exhausted()).check()
    with pytest.raises(IllegalAction, match="attendance"):
        desk.do(p.IssueBallots(voter="v1", ballots=ALL))
    desk.do(p.AdmitVoter(voter="v1", list=VoterList.DPT))
    with pytest.raises(IllegalAction, match="ppwp"):
        desk.do(p.IssueBallots(voter="v1", ballots=ALL))


def test_apply_ink_needs_ballots() -> None:
    with pytest.raises(IllegalAction, match="no ballots"):
        Desk(voter()).check().do(p.ApplyInk(voter="v1"))


def test_an_undecided_voter_goes_back_to_the_queue_when_another_is_called() -> None:
    desk = Desk(voter("v1"), voter("v2")).check("v1").do(p.CallVoter(voter="v2"))
    assert desk.world.queue == ["v1"] and desk.world.voting.at_desk == "v2"
    assert_quiet(desk)


def test_cast_ballots_carry_listed_marks_and_the_wrong_district() -> None:
    marks = {"ppwp": [{"pair": 2}]}
    desk = Desk(voter(votes=marks))
    # Logistics is taken as done by a careful crew (swapped); here the swap never came.
    desk.world.stocks[BallotType.DPR].district = "Nusa IV"
    desk.serve()
    ppwp = desk.world.boxes[BallotType.PPWP].contents[0]
    assert ppwp.marks[0].pair == 2, "the voter's own marks are cast"
    assert desk.world.boxes[BallotType.DPR].contents[0].district == "Nusa IV"
    assert ppwp.district is None


def test_cast_ballots_take_the_listed_ballots_in_order() -> None:
    listed = [{"ballot": "dpd", "marks": [{"candidate": 2}], "note": "first listed"}]
    desk = Desk(voter(), ballots={"listed": listed}).serve()
    assert desk.world.boxes[BallotType.DPD].contents[0].note == "first listed"
    assert desk.world.pending_ballots[BallotType.DPD] == []


def test_every_allowed_action_is_legal() -> None:
    desk = Desk(
        voter("v1", replacements=["dpr"], docs=("c_pemberitahuan", "ktp_el")),
        dptb_voter(["ppwp"], vid="v2"),
        voter("v3", arrives="09:00"),
    )
    desk.check("v1").do(
        p.AdmitVoter(voter="v1", list=VoterList.DPT),
        p.IssueBallots(voter="v1", ballots=ALL),
        p.AllowAssistance(voter="v1"),
    )
    states = [desk.world]
    desk2 = Desk(voter(), voter("v2", arrives="12:30")).at("12:30")
    desk2.check("v1")
    states.append(desk2.world)
    for world in states:
        for action in p.allowed(world):
            trial = copy.deepcopy(world)
            judge = Judge(trial, SCORING, StepResult())
            if isinstance(action, AdvanceClock):
                trial.clock = to_minutes(action.to)
                p.on_clock(judge)
            elif isinstance(action, RecordSpecialEvent | InformPtps):
                continue
            else:
                p.apply(action, judge)  # must not raise


def test_decide_is_pure() -> None:
    desk = Desk(voter(registered="none", arrives="12:00", docs=("ktp_el",))).at("12:00")
    before = copy.deepcopy(desk.world.voters["v1"])
    decision = decide(desk.world.voters["v1"].voter, desk.world)
    assert decision.action == "admit" and decision.list is VoterList.DPK
    assert desk.world.voters["v1"] == before
