"""The desk's rules at their boundaries, each both ways (fires / does not fire): the cases a
mutation test of ``core/desk.py`` showed the suite let through (issue 11, item 7)."""

from __future__ import annotations

import pytest

from simulator.core.desk import (
    BASES,
    Reason,
    decide,
    entitled_to_assistance,
    is_priority,
    wants_assistance,
)
from simulator.core.domain import ASSISTABLE, ELDERLY_AGE
from simulator.i18n import catalog
from simulator.schema.types import BallotType, Disability, VoterList
from tests.test_desk import PEMILU, model_a, person, resident, summary, unsettled, world

B = BallotType


@pytest.mark.parametrize("setting", ["unscored", "accept", "refuse"])
def test_a_notice_and_no_id_at_all_is_never_the_kk_sim_rule(setting: str) -> None:
    """A C.Pemberitahuan with no ID is §5.5's open question, not a KK or SIM shown: the
    scenario's KK/SIM setting must not admit or refuse it."""
    decision = decide(person("dpt", "c_pemberitahuan"), world(rules={"kk_sim": setting}))
    assert summary(decision) == unsettled(VoterList.DPT)
    assert decision.basis == "dpt_tanpa_identitas"


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("accept", ("admit", VoterList.DPTB, (B.PPWP,))),
        ("refuse", ("refuse", Reason.TANPA_IDENTITAS)),
        ("unscored", ("unsettled", VoterList.DPTB, (B.PPWP,))),
    ],
)
def test_a_dptb_voter_with_only_a_kk_or_sim(setting: str, expected: tuple[object, ...]) -> None:
    for document in ("kk", "sim"):
        voter = person("dptb", model_a("ppwp"), document)
        decision = decide(voter, world(rules={"kk_sim": setting}))
        assert summary(decision) == expected, document
        assert decision.basis == "dptb_kk_sim"


def test_a_model_a_naming_no_type_of_this_tps_is_never_admitted_with_no_ballots() -> None:
    pilkada = world(election="pilkada2024")
    decision = decide(person("dptb", model_a("ppwp"), "ktp_el"), pilkada)
    assert decision.action == "unsettled", "admitted with nothing to vote on"
    assert decision.ballots == () and decision.basis == "model_a_kosong"
    served = decide(person("dptb", model_a("gubernur"), "ktp_el"), pilkada)
    assert summary(served) == ("admit", VoterList.DPTB, (B.GUBERNUR,))


@pytest.mark.parametrize(("left", "refused"), [(0, True), (1, False), (2, False)])
def test_a_dpk_voter_is_sent_on_only_when_a_type_has_none_left(left: int, refused: bool) -> None:
    w = world(clock="12:30")
    for ballot in PEMILU:
        stock = w.stocks[ballot]
        stock.issued = stock.received - left  # what remains: exactly ``left`` of every type
    decision = decide(resident(), w)
    if refused:
        assert summary(decision) == ("refuse", Reason.SURAT_SUARA_HABIS)
    else:
        assert summary(decision) == ("admit", VoterList.DPK, PEMILU), f"{left} of each left"


def test_one_type_run_out_is_enough_to_send_a_dpk_voter_on() -> None:
    w = world(clock="12:30")
    stock = w.stocks[B.DPD]
    stock.issued = stock.received
    assert summary(decide(resident(), w)) == ("refuse", Reason.SURAT_SUARA_HABIS)


@pytest.mark.parametrize(("age", "first"), [(ELDERLY_AGE - 1, False), (ELDERLY_AGE, True),
                                           (ELDERLY_AGE + 1, True)])
def test_elderly_from_sixty_are_served_first(age: int, first: bool) -> None:
    assert ELDERLY_AGE == 60, "§5.7: elderly means 60 and over"
    assert is_priority(person("dpt", "ktp_el", age=age)) is first


@pytest.mark.parametrize("setting", ["unscored", "accept", "refuse"])
@pytest.mark.parametrize("document", ["ktp_fotokopi", "ktp_foto_hp", "ikd"])
def test_every_basis_decide_gives_is_known_and_worded(setting: str, document: str) -> None:
    """A DPK voter with only a substitute ID: whatever the scenario says, the basis is one
    ``BASES`` lists (the debrief and the quiz word it from there) in both languages."""
    w = world(clock="12:30", rules={"substitute_id_for_dpk": setting})
    decision = decide(resident(document), w)  # shown without an address: that of this TPS
    assert decision.basis in BASES, f"{decision.basis} is missing from desk.BASES"
    for lang in ("id", "en"):
        cat = catalog(lang)
        key = f"desk.basis.{decision.basis}"
        assert cat(key) != key, f"no {lang} text for {key}"


@pytest.mark.parametrize("asks", ["none", "keluarga", "kpps"])
@pytest.mark.parametrize("disability", [None, *Disability])
def test_assistance_is_granted_to_whom_the_law_names(asks: str, disability: object) -> None:
    """Pasal 356: a voter who is blind, physically disabled or otherwise physically hindered
    may be helped; asking is not enough, and being disabled is not asking."""
    extra = {"assistance": asks, **({"disability": disability} if disability else {})}
    voter = person("dpt", "ktp_el", **extra)
    assert wants_assistance(voter) is (asks != "none")
    assert entitled_to_assistance(voter) is (asks != "none" and disability in ASSISTABLE)


def test_the_reasons_given_are_the_rows_they_come_from() -> None:
    """The basis names the handbook row (the debrief and the quiz explain from it)."""
    notice = person("none", {"kind": "c_pemberitahuan", "tps": "lain"})
    assert decide(notice, world()).basis == "pemberitahuan_tps_lain"
    w = world(clock="12:30")
    stock = w.stocks[B.DPD]
    stock.issued = stock.received
    assert decide(resident(), w).basis == "dpk_surat_suara_habis"


def test_unsettled_cases_keep_how_the_voter_would_be_served() -> None:
    pilkada = world(election="pilkada2024")
    kosong = decide(person("dptb", model_a("ppwp"), "ktp_el"), pilkada)
    assert summary(kosong) == ("unsettled", VoterList.DPTB, ())
    substitute = decide(resident("ktp_fotokopi"), world(clock="12:30"))
    assert summary(substitute) == ("unsettled", VoterList.DPK, PEMILU)
    assert substitute.basis == "dpk_identitas_pengganti"
