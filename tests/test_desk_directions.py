"""Where the desk sends a voter it cannot serve now (issue 14, item 2): to the TPS of their
KTP-el address (HANDBOOK §5.4 condition 3, §15 item 6), to the TPS whose list holds their name
(§5.4 condition 1), or back later, at the hour that applies to them (12:00 for DPK, the
scenario's DPTb hour: §2, §13, §15 items 1-2).

Each case as a trainee meets it at the desk: the right decision passes quietly, the wrong one
is flagged, and the finding's words name the person and the right answer in both languages.
"""

from __future__ import annotations

from typing import Any

import pytest

from simulator.core.desk import Reason, decide
from simulator.core.phases import pemungutan as p
from simulator.i18n import LANGUAGES, catalog
from simulator.presenter import finding_text
from simulator.schema.clock import to_minutes
from simulator.schema.types import BallotType, VoterList
from tests.test_desk import person, world
from tests.test_pemungutan import Desk, assert_fired, assert_quiet, voter

OUT_OF_VILLAGE = ("kabko_sama", "provinsi_sama", "provinsi_lain")


def words(desk: Desk, rule: str, lang: str) -> str:
    """Everything the debrief says about the one finding of ``rule``."""
    found = [f for f in desk.findings if f.rule_id == f"pemungutan.{rule}"]
    assert len(found) == 1, [f.rule_id for f in desk.findings]
    text = finding_text(found[0], catalog(lang), desk.world)
    return " ".join((text.title, text.explanation, text.case, text.right))


# --- §5.4 condition 3, §15.6: a resident of another village is directed to their TPS ---------


def resident_of(area: str, arrives: str = "12:10") -> dict[str, Any]:
    return voter(registered="none", arrives=arrives, docs=({"kind": "ktp_el", "address": area},))


@pytest.mark.parametrize("area", ["desa_sama", *OUT_OF_VILLAGE])
def test_a_resident_of_another_tps_area_is_directed_to_the_tps_of_their_address(area: str) -> None:
    decision = decide(person("none", {"kind": "ktp_el", "address": area}), world(clock="12:10"))
    assert decision.action == "refuse" and decision.reason is Reason.SALAH_TPS, decision
    desk = Desk(resident_of(area)).at("12:10").refuse("v1", Reason.SALAH_TPS).close_day()
    assert_quiet(desk)


@pytest.mark.parametrize("area", ["desa_sama", *OUT_OF_VILLAGE])
def test_a_plain_refusal_without_directing_them_is_a_minor_mistake(area: str) -> None:
    desk = Desk(resident_of(area)).at("12:10").refuse("v1", Reason.LUAR_DOMISILI)
    assert desk.fired == ["tidak_diarahkan_ke_tps_domisili"], desk.fired
    assert desk.findings[0].severity.value == "ringan"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("id", ("Pemilih V1", "TPS sesuai alamat KTP-el", "Berdomisili di luar wilayah")),
        ("en", ("Pemilih V1", "TPS of the address on their KTP-el", "outside")),
    ],
)
def test_the_plain_refusal_is_explained_with_the_case_and_the_right_answer(
    lang: str, expected: tuple[str, ...]
) -> None:
    assert lang in LANGUAGES
    desk = Desk(resident_of("kabko_sama")).at("12:10").refuse("v1", Reason.LUAR_DOMISILI)
    text = words(desk, "tidak_diarahkan_ke_tps_domisili", lang)
    for part in expected:
        assert part in text, f"{lang}: {part!r} missing from {text!r}"


def test_admitting_a_resident_of_another_village_stays_the_critical_re_vote_ground() -> None:
    desk = Desk(resident_of("provinsi_sama")).at("12:10").check()
    desk.do(p.AdmitVoter(voter="v1", list=VoterList.DPK))
    assert_fired(desk, "bukan_penduduk_dilayani")


# --- §5.4 condition 1: on another TPS's list, holding no notice ------------------------------


def listed_elsewhere(**extra: Any) -> dict[str, Any]:
    return voter(registered="none", arrives="09:00", docs=("ktp_el",), other_tps=7, **extra)


def test_a_voter_the_lookup_finds_on_another_tps_list_is_sent_to_that_tps() -> None:
    decision = decide(person("none", "ktp_el", other_tps=7), world(clock="12:30"))
    assert (decision.action, decision.reason, decision.send_to) == ("refuse", Reason.SALAH_TPS, 7)
    desk = Desk(listed_elsewhere()).at("09:00").refuse("v1", Reason.SALAH_TPS).close_day()
    assert_quiet(desk)


def test_told_to_come_back_at_noon_as_dpk_is_a_wrong_reason_naming_that_tps() -> None:
    desk = Desk(listed_elsewhere()).at("09:00").check().do(p.AskComeBack(voter="v1"))
    assert_fired(desk, "alasan_penolakan_keliru")
    assert desk.findings[0].param_dict()["tps"] == 7
    assert "TPS 7" in words(desk, "alasan_penolakan_keliru", "id")
    assert "TPS 7" in words(desk, "alasan_penolakan_keliru", "en")


def test_served_here_as_dpk_is_critical_and_names_that_tps() -> None:
    desk = Desk(listed_elsewhere()).at("12:10").check()
    desk.do(p.AdmitVoter(voter="v1", list=VoterList.DPK))
    assert_fired(desk, "pemilih_tps_lain_dilayani")
    for lang in LANGUAGES:
        assert "TPS 7" in words(desk, "pemilih_tps_lain_dilayani", lang), lang


def test_the_lookup_shows_the_row_on_the_other_tps_list() -> None:
    from simulator.scenes.phases.pemungutan_lists import Desk as Card
    from simulator.scenes.phases.pemungutan_lists import row_texts, search, voter_lists

    desk = Desk(listed_elsewhere())
    rows = search(voter_lists(desk.world.scenario, [desk.world.voters["v1"].voter]), "pemilih")
    assert [row.other_tps for row in rows] == [7]
    for lang in LANGUAGES:
        title, _, where, warning = row_texts(rows[0], Card(tps="3", area=""), catalog(lang))
        assert "TPS 7" in title + where and warning, (lang, title, where)


# --- The hour to come back at: 12:00 for DPK, the scenario's DPTb hour ------------------------

MODEL_A = {"kind": "model_a", "ballots": ["gubernur", "bupati"]}
PILKADA: dict[str, Any] = {
    "election": "pilkada2024",
    "parties": [],
    "contests": [
        {"ballot": "gubernur", "pairs": [{"number": 1, "head": "Arif", "deputy": "Sinta"},
                                         {"number": 2, "head": "Hasan", "deputy": "Melati"}]},
        {"ballot": "bupati", "pairs": [{"number": 1, "head": "Yanto", "deputy": "Indah"},
                                       {"number": 2, "head": "Made", "deputy": "Nurul"}]},
    ],
}


def pilkada_dptb(**rules: Any) -> Desk:
    v = voter(registered="dptb", arrives="09:00", docs=(MODEL_A, "ktp_el"))
    return Desk(v, **PILKADA, rules=rules).at("09:00")


def test_a_pilkada_dptb_voter_before_1100_comes_back_at_1100_where_configured() -> None:
    w = world(election="pilkada2024", clock="09:00", rules={"dptb_from": "11:00"})
    decision = decide(person("dptb", MODEL_A, "ktp_el"), w)
    assert (decision.action, decision.come_back_at) == ("come_back", to_minutes("11:00"))
    assert decision.list is VoterList.DPTB and decision.entitled
    desk = pilkada_dptb(dptb_from="11:00").check()
    assert p.AskComeBack(voter="v1", at="11:00") in p.allowed(desk.world)
    desk.do(p.AskComeBack(voter="v1", at="11:00"))
    assert_quiet(desk)
    assert desk.world.voters["v1"].arrives == to_minutes("11:00")
    desk.at("11:00").serve(voter_list=VoterList.DPTB, ballots=[BallotType.GUBERNUR,
                                                                BallotType.BUPATI])
    assert_quiet(desk.close_day())


def test_without_the_setting_a_pilkada_dptb_voter_before_1100_is_not_graded_either_way() -> None:
    """§2, §13: the Pilkada serves DPTb voters from 11:00 (M), which §15 item 2 leaves open:
    where the scenario does not set the hour, serving the voter at 09:00 and asking them to
    come back at 11:00 are both left ungraded (an audit found the second was punished)."""
    decision = decide(person("dptb", MODEL_A, "ktp_el"), world(election="pilkada2024"))
    assert decision.action == "admit", "§15 item 2 is (M): not graded unless configured"
    desk = pilkada_dptb().serve(voter_list=VoterList.DPTB,
                                ballots=[BallotType.GUBERNUR, BallotType.BUPATI])
    assert_quiet(desk.close_day())
    asked = pilkada_dptb().check()
    assert p.AskComeBack(voter="v1", at="11:00") in p.allowed(asked.world)
    asked.do(p.AskComeBack(voter="v1", at="11:00"))
    assert_quiet(asked)
    asked.at("11:00").serve(voter_list=VoterList.DPTB,
                            ballots=[BallotType.GUBERNUR, BallotType.BUPATI])
    assert_quiet(asked.close_day())
    noon = pilkada_dptb().check().do(p.AskComeBack(voter="v1", at="12:00"))
    assert noon.fired == ["dptb_ditolak"], "sent away to the DPK hour is still a mistake"


def test_a_pemilu_dptb_voter_is_not_offered_the_pilkada_hour() -> None:
    dptb = voter(registered="dptb", arrives="09:00",
                 docs=({"kind": "model_a", "ballots": ["ppwp"]}, "ktp_el"))
    desk = Desk(dptb).at("09:00").check()
    assert [a.at for a in p.allowed(desk.world) if isinstance(a, p.AskComeBack)] == ["12:00"]


def test_a_pilkada_dptb_voter_served_before_1100_where_configured_is_the_advisory() -> None:
    desk = pilkada_dptb(dptb_from="11:00").serve(
        voter_list=VoterList.DPTB, ballots=[BallotType.GUBERNUR, BallotType.BUPATI]
    )
    assert desk.fired == ["dptb_sebelum_waktunya"], desk.fired
    for lang, hour in (("id", "11.00"), ("en", "11:00")):
        assert hour in words(desk, "dptb_sebelum_waktunya", lang), lang


def test_a_dptb_voter_told_to_come_back_at_noon_where_1100_applies_is_a_wrong_reason() -> None:
    desk = pilkada_dptb(dptb_from="11:00").check().do(p.AskComeBack(voter="v1", at="12:00"))
    assert desk.fired == ["alasan_penolakan_keliru"], desk.fired
    found = desk.findings[0].param_dict()
    assert (found["given"], found["right"]) == ("kembali_1200", "kembali_1100")
    for lang, hour in (("id", "11.00"), ("en", "11:00")):
        assert hour in words(desk, "alasan_penolakan_keliru", lang), lang


def test_a_dpk_voter_told_to_come_back_at_the_dptb_hour_is_a_wrong_reason() -> None:
    dpk = voter(registered="none", arrives="09:00", docs=("ktp_el",))
    desk = Desk(dpk, rules={"dptb_from": "11:00"}).at("09:00").check()
    desk.do(p.AskComeBack(voter="v1", at="11:00"))
    assert desk.fired == ["alasan_penolakan_keliru"], desk.fired
    assert desk.findings[0].param_dict()["right"] == "kembali_1200"


def test_a_dpk_voter_asked_back_at_noon_is_right_as_before() -> None:
    dpk = voter(registered="none", arrives="09:00", docs=("ktp_el",))
    desk = Desk(dpk).at("09:00").check().do(p.AskComeBack(voter="v1"))
    assert_quiet(desk)
    assert [a.at for a in p.allowed(Desk(dpk).at("09:00").check().world)
            if isinstance(a, p.AskComeBack)] == ["12:00"]


def test_an_hour_the_desk_does_not_offer_is_a_programmer_error() -> None:
    from simulator.core.actions import IllegalAction

    desk = Desk(voter(registered="none", arrives="09:00", docs=("ktp_el",))).at("09:00").check()
    with pytest.raises(IllegalAction):
        desk.do(p.AskComeBack(voter="v1", at="10:30"))
