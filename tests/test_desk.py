"""``decide`` against every row of the handbook's desk tables (HANDBOOK §5.2-§5.6, §5.10)."""

from __future__ import annotations

from typing import Any

import pytest

from simulator.core.desk import BASES, Decision, Reason, decide
from simulator.core.setup import build_world
from simulator.core.state import World
from simulator.schema.clock import to_minutes
from simulator.schema.scenario import Scenario, Voter
from simulator.schema.types import BallotType, VoterList

B = BallotType
PEMILU = (B.PPWP, B.DPR, B.DPD, B.DPRD_PROV, B.DPRD_KABKO)


def world(
    *, election: str = "pemilu2024", clock: str = "08:00", types: tuple[str, ...] = (), **extra: Any
) -> World:
    """A TPS with one contest per ballot type (Pemilu: all five unless ``types`` says)."""
    if election == "pemilu2024":
        types = types or tuple(t.value for t in PEMILU)
    else:
        types = types or ("gubernur", "bupati")
    pairs = [
        {"number": 1, "head": "Arif Gunawan", "deputy": "Sinta Maharani"},
        {"number": 2, "head": "Hasan Basri", "deputy": "Melati Kusuma"},
    ]
    slates = [{"party": 1, "candidates": [{"number": 1, "name": "Yanto"}]}]
    contests = []
    for t in types:
        if t in ("ppwp", "gubernur", "bupati", "walikota"):
            contests.append({"ballot": t, "pairs": pairs})
        elif t == "dpd":
            contests.append({"ballot": t, "candidates": [{"number": 1, "name": "Made"}]})
        else:
            contests.append({"ballot": t, "slates": slates})
    data = {
        "id": "desk-rows",
        "title": {"id": "Meja", "en": "Desk"},
        "description": {"id": "Meja", "en": "Desk"},
        "election": election,
        "phases": ["pemungutan"],
        "tps": {
            "number": 1,
            "village": "Sukamaju",
            "subdistrict": "Lembah",
            "regency": "Tanjung",
            "province": "Nusa",
            "districts": {"province": "Nusa", "kabko": "Tanjung", "dpr": "Nusa I"},
            "dpt": {"men": 5, "women": 5},
        },
        "parties": [{"number": 1, "code": "Sawah", "name": "Partai Sawah"}],
        "contests": contests,
        **extra,
    }
    w = build_world(Scenario.model_validate(data))
    w.clock = to_minutes(clock)
    return w


def person(registered: str = "dpt", *docs: Any, arrives: str = "08:00", **extra: Any) -> Voter:
    documents = [{"kind": d} if isinstance(d, str) else d for d in docs]
    return Voter.model_validate(
        {
            "id": "p1",
            "name": "Sri Rahayu",
            "sex": "P",
            "age": 40,
            "registered": registered,
            "arrives": arrives,
            "documents": documents,
            **extra,
        }
    )


def admit(voter_list: VoterList, ballots: tuple[BallotType, ...] = PEMILU) -> Any:
    return ("admit", voter_list, ballots)


def summary(decision: Decision) -> tuple[Any, ...]:
    if decision.action == "refuse":
        return ("refuse", decision.reason)
    # An unsettled decision keeps the list and ballots the voter would be served with, should
    # a trainer's scenario settle it: they are part of what is checked.
    return (decision.action, decision.list, decision.ballots)


def unsettled(voter_list: VoterList | None, ballots: tuple[BallotType, ...] = PEMILU) -> Any:
    return ("unsettled", voter_list, ballots)


# --- §5.2 DPT voters -------------------------------------------------------------------------

DPT_ROWS = [
    ("notice + KTP-el", person("dpt", "c_pemberitahuan", "ktp_el"), admit(VoterList.DPT)),
    ("notice + Suket", person("dpt", "c_pemberitahuan", "suket"), admit(VoterList.DPT)),
    ("no notice, KTP-el", person("dpt", "ktp_el"), admit(VoterList.DPT)),
    ("no notice, Suket", person("dpt", "suket"), admit(VoterList.DPT)),
    ("notice + photocopy", person("dpt", "c_pemberitahuan", "ktp_fotokopi"), admit(VoterList.DPT)),
    ("notice + phone photo", person("dpt", "c_pemberitahuan", "ktp_foto_hp"), admit(VoterList.DPT)),
    ("notice + IKD", person("dpt", "c_pemberitahuan", "ikd"), admit(VoterList.DPT)),
    ("KK only", person("dpt", "c_pemberitahuan", "kk"), unsettled(VoterList.DPT)),
    ("SIM only", person("dpt", "sim"), unsettled(VoterList.DPT)),
    (
        "notice for another TPS",
        person("dpt", {"kind": "c_pemberitahuan", "tps": "lain"}, "ktp_el"),
        ("refuse", Reason.SALAH_TPS),
    ),
    (
        "notice in someone else's name",
        person("dpt", {"kind": "c_pemberitahuan", "name": "Siti Aminah"}, "ktp_el"),
        ("refuse", Reason.IDENTITAS_TIDAK_COCOK),
    ),
    (
        "transferred out",
        person("dpt", "ktp_el", transferred_out=True),
        ("refuse", Reason.SUDAH_PINDAH_MEMILIH),
    ),
    (
        "outside the suggested slot",
        person("dpt", "c_pemberitahuan", "ktp_el", arrives="12:40"),
        admit(VoterList.DPT),
    ),
]


@pytest.mark.parametrize(("row", "voter", "expected"), DPT_ROWS, ids=[r[0] for r in DPT_ROWS])
def test_dpt_rows(row: str, voter: Voter, expected: tuple[Any, ...]) -> None:
    decision = decide(voter, world(clock="12:45"))
    assert summary(decision) == expected, f"§5.2 {row}: got {decision}"


def test_substitute_id_is_admitted_and_recorded_without_ptps() -> None:
    decision = decide(person("dpt", "c_pemberitahuan", "ktp_foto_hp"), world())
    assert decision.record and not decision.inform_ptps, "record in C.Kejadian Khusus only"
    assert decision.basis == "dpt_pengganti"


def test_impersonation_is_recorded_and_reported() -> None:
    voter = person("dpt", {"kind": "c_pemberitahuan", "name": "Siti Aminah"}, "ktp_el")
    decision = decide(voter, world())
    assert decision.record and decision.inform_ptps


def test_an_id_in_someone_else_s_name_is_impersonation_too() -> None:
    voter = person("dpt", "c_pemberitahuan", {"kind": "ktp_el", "name": "Siti Aminah"})
    assert decide(voter, world()).reason is Reason.IDENTITAS_TIDAK_COCOK


def test_names_match_regardless_of_case_and_spacing() -> None:
    voter = person("dpt", {"kind": "c_pemberitahuan", "name": "sri  RAHAYU"}, "ktp_el")
    assert decide(voter, world()).action == "admit"


@pytest.mark.parametrize(
    ("setting", "expected"),
    [("accept", admit(VoterList.DPT)), ("refuse", ("refuse", Reason.TANPA_IDENTITAS))],
)
def test_kk_sim_follows_the_scenario_setting(setting: str, expected: tuple[Any, ...]) -> None:
    decision = decide(person("dpt", "kk"), world(rules={"kk_sim": setting}))
    assert summary(decision) == expected


# --- §5.5 the notice without any ID ----------------------------------------------------------


def test_notice_without_any_id_is_not_settled() -> None:
    decision = decide(person("dpt", "c_pemberitahuan"), world())
    assert decision.action == "unsettled", "§5.5: do not encode as admit"
    assert decision.list is VoterList.DPT and decision.ballots == PEMILU, "how to serve if admitted"


# --- §5.3 DPTb voters ------------------------------------------------------------------------


def model_a(*types: str, tps: str = "ini") -> dict[str, Any]:
    return {"kind": "model_a", "tps": tps, "ballots": list(types)}


DPTB_ROWS = [
    (
        "from another province",
        person("dptb", model_a("ppwp"), {"kind": "ktp_el", "address": "provinsi_lain"}),
        admit(VoterList.DPTB, (B.PPWP,)),
    ),
    (
        "another kab/kota, another DPR dapil",
        person("dptb", model_a("dpd", "ppwp"), "ktp_el"),
        admit(VoterList.DPTB, (B.PPWP, B.DPD)),
    ),
    (
        "same DPR and DPRD Prov dapil",
        person("dptb", model_a("ppwp", "dpr", "dpd", "dprd_prov"), "suket"),
        admit(VoterList.DPTB, (B.PPWP, B.DPR, B.DPD, B.DPRD_PROV)),
    ),
    (
        "same DPRD Kab/Kota dapil",
        person("dptb", model_a(*(t.value for t in PEMILU)), "ktp_el"),
        admit(VoterList.DPTB, PEMILU),
    ),
    (
        "Model A for another TPS",
        person("dptb", model_a("ppwp", tps="lain"), "ktp_el"),
        ("refuse", Reason.SALAH_TPS),
    ),
    (
        "Model A with a substitute ID",
        person("dptb", model_a("ppwp"), "ikd"),
        admit(VoterList.DPTB, (B.PPWP,)),
    ),
    ("on the DPTb without a Model A", person("dptb", "ktp_el"), unsettled(VoterList.DPTB, ())),
    ("Model A without any ID", person("dptb", model_a("ppwp")),
     unsettled(VoterList.DPTB, (B.PPWP,))),
    (
        # §5.3 asks that a DPTb voter be on this TPS's DPTb list (H) and gives no remedy.
        "Model A but missing from our DPTb copy",
        person("none", model_a("ppwp", "dpd"), "ktp_el"),
        unsettled(VoterList.DPTB, (B.PPWP, B.DPD)),
    ),
    (
        "lives elsewhere, no Model A, even at 12:00: sent to the TPS of their address",
        person("none", {"kind": "ktp_el", "address": "provinsi_sama"}),
        ("refuse", Reason.SALAH_TPS),
    ),
]


@pytest.mark.parametrize(("row", "voter", "expected"), DPTB_ROWS, ids=[r[0] for r in DPTB_ROWS])
def test_dptb_rows(row: str, voter: Voter, expected: tuple[Any, ...]) -> None:
    decision = decide(voter, world(clock="12:15"))
    assert summary(decision) == expected, f"§5.3 {row}: got {decision}"


def test_dptb_may_be_served_any_time_from_0700() -> None:
    decision = decide(person("dptb", model_a("ppwp"), "ktp_el"), world(clock="07:05"))
    assert decision.action == "admit", "§15.1: an 08:00 DPTb admission is not an error"


def test_model_a_types_this_tps_lacks_are_left_out() -> None:
    w = world(types=("ppwp", "dpr", "dpd", "dprd_prov"))  # a TPS like DKI Jakarta's
    decision = decide(person("dptb", model_a(*(t.value for t in PEMILU)), "ktp_el"), w)
    assert decision.ballots == (B.PPWP, B.DPR, B.DPD, B.DPRD_PROV)


@pytest.mark.parametrize(
    ("types", "expected"),
    [(("gubernur", "bupati"), (B.GUBERNUR, B.BUPATI)), (("gubernur",), (B.GUBERNUR,))],
    ids=["same kab/kota", "another kab/kota of the province"],
)
def test_pilkada_dptb_gets_the_model_a_types(types: tuple[str, ...], expected: Any) -> None:
    decision = decide(person("dptb", model_a(*types), "ktp_el"), world(election="pilkada2024"))
    assert summary(decision) == admit(VoterList.DPTB, expected)


# --- §5.4 DPK voters -------------------------------------------------------------------------


def resident(*docs: Any) -> Voter:
    return person("none", *(docs or ("ktp_el",)))


def test_dpk_before_noon_comes_back_at_1200() -> None:
    decision = decide(resident(), world(clock="09:30"))
    assert decision.action == "come_back" and decision.come_back_at == to_minutes("12:00")
    assert decision.list is VoterList.DPK and decision.ballots == PEMILU


def test_dpk_from_noon_is_admitted_with_every_type() -> None:
    assert summary(decide(resident(), world(clock="12:00"))) == admit(VoterList.DPK)


def test_dpk_with_a_suket_is_admitted_unless_the_scenario_says_otherwise() -> None:
    assert decide(resident("suket"), world(clock="12:00")).action == "admit"
    strict = world(clock="12:00", rules={"suket_for_dpk": False})
    assert summary(decide(resident("suket"), strict)) == ("refuse", Reason.TANPA_IDENTITAS)


def test_dpk_when_ballots_have_run_out_is_sent_to_the_nearest_tps() -> None:
    w = world(clock="12:30", logistics={"ballots": {"dpd": {"count": 0}}})
    assert summary(decide(resident(), w)) == ("refuse", Reason.SURAT_SUARA_HABIS)


@pytest.mark.parametrize(
    ("area", "reason"),
    [
        ("desa_sama", Reason.SALAH_TPS),
        # §15.6: directed to the TPS of their address, not merely refused.
        ("kabko_sama", Reason.SALAH_TPS),
        ("provinsi_sama", Reason.SALAH_TPS),
        ("provinsi_lain", Reason.SALAH_TPS),
    ],
)
def test_dpk_address_outside_this_tps_area(area: str, reason: Reason) -> None:
    decision = decide(resident({"kind": "ktp_el", "address": area}), world(clock="12:10"))
    assert summary(decision) == ("refuse", reason)


@pytest.mark.parametrize("docs", [(), ("kk",), ("sim",)])
def test_dpk_without_ktp_el_or_suket_is_refused(docs: tuple[str, ...]) -> None:
    voter = person("none", *docs)
    assert summary(decide(voter, world(clock="12:10"))) == ("refuse", Reason.TANPA_IDENTITAS)


@pytest.mark.parametrize("doc", ["ktp_foto_hp", "ikd", "ktp_fotokopi"])
def test_dpk_with_only_a_substitute_id_is_unsettled_unless_the_scenario_says(doc: str) -> None:
    """§5.5: ✗ per KPU Tomohon (M), not settled (L): not graded unless a scenario decides."""
    voter = person("none", doc)
    assert decide(voter, world(clock="12:10")).action == "unsettled"
    refusing = world(clock="12:10", rules={"substitute_id_for_dpk": "refuse"})
    assert summary(decide(voter, refusing)) == ("refuse", Reason.TANPA_IDENTITAS)
    accepting = world(clock="12:10", rules={"substitute_id_for_dpk": "accept"})
    assert decide(voter, accepting).action == "admit"


def test_someone_on_another_tps_dpt_is_not_dpk_here() -> None:
    voter = person("none", {"kind": "c_pemberitahuan", "tps": "lain"}, "ktp_el")
    assert summary(decide(voter, world(clock="12:10"))) == ("refuse", Reason.SALAH_TPS)


# --- §5.6 ink and §5.10 the close ------------------------------------------------------------


def test_ink_comes_first_and_is_recorded_and_reported() -> None:
    voter = person("dpt", "c_pemberitahuan", "ktp_el", inked=True, arrives="13:30")
    decision = decide(voter, world(clock="13:30"))
    assert summary(decision) == ("refuse", Reason.BERTINTA)
    assert decision.record and decision.inform_ptps


def test_arriving_at_1301_is_too_late_and_at_1300_is_not() -> None:
    late = person("dpt", "c_pemberitahuan", "ktp_el", arrives="13:01")
    on_time = person("dpt", "c_pemberitahuan", "ktp_el", arrives="13:00")
    w = world(clock="13:20")
    assert summary(decide(late, w)) == ("refuse", Reason.SUDAH_DITUTUP)
    assert decide(on_time, w).action == "admit"


def test_the_close_comes_before_the_documents() -> None:
    voter = person("dpt", {"kind": "c_pemberitahuan", "name": "Siti"}, "ktp_el", arrives="13:05")
    assert decide(voter, world(clock="13:05")).reason is Reason.SUDAH_DITUTUP


# --- Every decision names a known basis ------------------------------------------------------


def test_every_basis_returned_is_listed() -> None:
    cases = [v for _, v, _ in DPT_ROWS + DPTB_ROWS] + [
        resident(),
        resident("kk"),
        resident({"kind": "ktp_el", "address": "desa_sama"}),
        person("dptb", model_a("walikota"), "ktp_el"),
        person("dpt", "c_pemberitahuan", "ktp_el", inked=True),
        person("dpt", "ktp_el", arrives="13:30"),
    ]
    for clock in ("09:00", "12:30"):
        for voter in cases:
            decision = decide(voter, world(clock=clock))
            assert decision.basis in BASES, f"{decision.basis!r} is not in desk.BASES"
