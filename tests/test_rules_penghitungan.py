"""Penghitungan suara (HANDBOOK §7; MISTAKES M02, M22, M32-M36): one box at a time in the
fixed order, its count announced, every ballot shown and ruled as the regulation says.

Most scenarios hold a single ballot per box, so the ruling under test is the only one; what is
right is the engine's validity judgement, checked here against the handbook's variant."""

from __future__ import annotations

from typing import Any

import pytest
from rulekit import (
    MIRROR_IN_MARGIN,
    PEMILU,
    PILKADA,
    ballot,
    careful,
    count_box,
    describe,
    end_phase,
    findings,
    kosong,
    pair,
    party,
    play,
    start,
    subjects,
    truth,
)

from simulator.core.engine import Simulation
from simulator.core.phases.penghitungan import (
    AnnounceBoxCount,
    OpenBoxForCount,
    RuleBallot,
    current_ballot,
)
from simulator.schema.types import BallotType

WRONG_ORDER = "penghitungan.urutan_salah"
TWO_BOXES_OPEN = "penghitungan.kotak_dibuka_bersamaan"
COUNT_NOT_ANNOUNCED = "penghitungan.jumlah_tidak_diumumkan"
NOT_SHOWN = "penghitungan.surat_suara_tidak_ditunjukkan"
KOSONG_INVALID = "penghitungan.kolom_kosong_tidak_sah"
PARTY_LIST_MISJUDGED = "penghitungan.partai_caleg_keliru"
PUNCH_THROUGH_MISJUDGED = "penghitungan.coblos_tembus_keliru"
TERTUKAR_MISJUDGED = "penghitungan.tertukar_keliru"
UNSIGNED_COUNTED = "penghitungan.tanpa_tanda_tangan_dihitung"
VALID_RULED_INVALID = "penghitungan.sah_dinyatakan_tidak_sah"
INVALID_RULED_VALID = "penghitungan.tidak_sah_dinyatakan_sah"
WRONG_TARGET = "penghitungan.suara_untuk_peserta_lain"
NOT_FINISHED = "penghitungan.tidak_selesai"

PPWP, DPR = BallotType.PPWP, BallotType.DPR
GUBERNUR, BUPATI = BallotType.GUBERNUR, BallotType.BUPATI

# One ordinary ballot per box unless a test says otherwise.
PEMILU_BOXES = [ballot("ppwp", pair(1)), ballot("dpr", party(1))]
PILKADA_BOXES = [ballot("gubernur", kosong()), ballot("bupati", pair(2))]


def counting(*used: dict[str, Any], base: dict[str, Any] | None = None) -> Simulation:
    """A simulation starting at the count, one ballot per box; ``used`` replaces the ballot of
    its type. The election follows the ballots (Pemilu unless a Pilkada ballot is given)."""
    pilkada = base is PILKADA or any(b["ballot"] in ("gubernur", "bupati") for b in used)
    base = PILKADA if pilkada else PEMILU
    boxes = {b["ballot"]: b for b in (PILKADA_BOXES if pilkada else PEMILU_BOXES)}
    boxes.update({b["ballot"]: b for b in used})
    return start(
        base,
        phases=["penghitungan"],
        counting_start={"dpt": {"men": 1}},
        ballots={"listed": list(boxes.values())},
    )


# --- The whole phase ------------------------------------------------------------------------


def test_careful_count_of_a_mixed_pemilu_box_finds_nothing() -> None:
    mixed = [
        ballot("ppwp", pair(1)),
        ballot("ppwp", pair(2), MIRROR_IN_MARGIN),
        ballot("ppwp", pair(1), pair(2)),
        ballot("ppwp", pair(2), signed=False),
        ballot("dpr", party(1), party(1, 2)),
        ballot("dpr", party(2, 1), district="Teluk Senja IV"),
        ballot("dpr", party(1), party(2)),
    ]
    sim = start(
        PEMILU,
        phases=["penghitungan"],
        counting_start={"dpt": {"men": 4}},
        ballots={"listed": mixed},
    )
    found = play(sim, careful(sim)) | end_phase(sim)
    assert not found, f"a careful count is flawless, found {describe(sim)}"


def test_careful_count_of_a_single_candidate_race_finds_nothing() -> None:
    mixed = [
        ballot("gubernur", kosong()),
        ballot("gubernur", kosong(place="border")),
        ballot("gubernur", pair(1)),
        ballot("gubernur", pair(1), kosong()),
        ballot("bupati", pair(1)),
        ballot("bupati", pair(2)),
    ]
    sim = start(
        PILKADA,
        phases=["penghitungan"],
        counting_start={"dpt": {"men": 4}},
        ballots={"listed": mixed},
    )
    found = play(sim, careful(sim)) | end_phase(sim)
    assert not found, f"a careful count is flawless, found {describe(sim)}"
    assert sim.world.counting.tally[GUBERNUR] == {"kosong": 2, "pair:1": 1, "invalid": 1}


# --- Order and openness ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "first", "expected"),
    [
        pytest.param(PEMILU, DPR, "ppwp", id="pemilu-dpr-first"),
        pytest.param(PILKADA, BUPATI, "gubernur", id="pilkada-bupati-first"),
    ],
)
def test_a_box_counted_out_of_order_is_flagged(
    base: dict[str, Any], first: BallotType, expected: str
) -> None:
    sim = counting(base=base)
    found = play(sim, [OpenBoxForCount(ballot=first)])
    assert WRONG_ORDER in found, f"{first.value} opened before {expected} (§7.1 step 2): {found}"
    (finding,) = findings(sim, WRONG_ORDER)
    assert finding.subject == first.value and finding.param_dict() == {"expected": expected}


@pytest.mark.parametrize("base", [PEMILU, PILKADA], ids=["pemilu", "pilkada"])
def test_boxes_counted_in_order_are_not_flagged(base: dict[str, Any]) -> None:
    sim = counting(base=base)
    first, second = sim.world.ballot_types
    found = count_box(sim, first.value) | count_box(sim, second.value) | end_phase(sim)
    assert WRONG_ORDER not in found, f"the fixed order was kept: {found}"


def test_a_second_box_opened_while_one_is_open_is_flagged() -> None:
    sim = counting()
    found = play(sim, [OpenBoxForCount(ballot=PPWP), OpenBoxForCount(ballot=DPR)])
    assert TWO_BOXES_OPEN in found, f"one type at a time (§7.1 step 2): {found}"
    assert subjects(sim, TWO_BOXES_OPEN) == {"dpr"}
    assert WRONG_ORDER not in found, "DPR is next in order; only the overlap is wrong"


def test_a_box_opened_after_the_previous_one_is_done_is_not_flagged() -> None:
    sim = counting()
    found = count_box(sim, "ppwp") | play(sim, [OpenBoxForCount(ballot=DPR)])
    assert TWO_BOXES_OPEN not in found, f"the PPWP count was finished first: {found}"


def test_a_box_left_open_can_still_be_counted_to_the_end() -> None:
    two = [ballot("ppwp", pair(1)), ballot("ppwp", pair(2)), ballot("dpr", party(1))]
    sim = start(
        PEMILU, phases=["penghitungan"], counting_start={"dpt": {"men": 2}}, ballots={"listed": two}
    )
    play(sim, [OpenBoxForCount(ballot=PPWP), AnnounceBoxCount(ballot=PPWP)])
    play(sim, [RuleBallot(verdict=truth(sim))])
    count_box(sim, "dpr")  # the slip: DPR opened with one PPWP ballot still on the table
    # Back to the PPWP ballot left on the table: reopen the box if the engine offers that,
    # then rule what is left in it.
    play(sim, [a for a in sim.allowed_actions() if a == OpenBoxForCount(ballot=PPWP)])
    while sim.world.counting.open_box is PPWP and current_ballot(sim.world) is not None:
        play(sim, [RuleBallot(verdict=truth(sim))])
    found = end_phase(sim)
    assert NOT_FINISHED not in found, (
        f"every PPWP ballot can still be ruled after the slip: {describe(sim)}"
    )


def test_ruling_before_announcing_the_box_count_is_flagged() -> None:
    sim = counting()
    found = play(sim, [OpenBoxForCount(ballot=PPWP), RuleBallot(verdict="pair:1")])
    assert COUNT_NOT_ANNOUNCED in found, f"the box count is announced first (§7.1 step 3): {found}"
    assert subjects(sim, COUNT_NOT_ANNOUNCED) == {"ppwp"}


def test_ruling_after_announcing_the_box_count_is_not_flagged() -> None:
    sim = counting()
    found = count_box(sim, "ppwp")
    assert COUNT_NOT_ANNOUNCED not in found, f"the count was announced: {found}"


def test_a_ballot_ruled_without_being_shown_is_flagged_once_per_type() -> None:
    two = [ballot("ppwp", pair(1)), ballot("ppwp", pair(1)), ballot("dpr", party(1))]
    sim = start(
        PEMILU, phases=["penghitungan"], counting_start={"dpt": {"men": 2}}, ballots={"listed": two}
    )
    unshown = RuleBallot(verdict="pair:1", shown=False)
    found = play(
        sim, [OpenBoxForCount(ballot=PPWP), AnnounceBoxCount(ballot=PPWP), unshown, unshown]
    )
    assert NOT_SHOWN in found, f"every ballot is shown before the ruling (§7.1 step 4): {found}"
    assert len(findings(sim, NOT_SHOWN)) == 1, "one finding per ballot type, not per ballot"
    assert sim.world.counting.unshown[PPWP] == 2, "both ballots are recorded as unshown"


def test_a_ballot_shown_before_the_ruling_is_not_flagged() -> None:
    sim = counting()
    found = count_box(sim, "ppwp")
    assert NOT_SHOWN not in found, f"the ballot was shown: {found}"


def test_a_box_never_counted_is_flagged_as_critical() -> None:
    """A box not counted leaves the TPS with no result for that type."""
    sim = counting()
    found = count_box(sim, "ppwp") | end_phase(sim)
    assert NOT_FINISHED in found, f"the DPR box was never counted: {found}"
    assert subjects(sim, NOT_FINISHED) == {"dpr"}
    flagged = next(f for f in sim.findings if f.rule_id == NOT_FINISHED)
    assert flagged.critical, "a box without a result is a critical mistake"
    assert flagged.param_dict() == {"counted": 0, "total": 1}


def test_every_box_counted_is_not_flagged_as_unfinished() -> None:
    sim = counting()
    found = count_box(sim, "ppwp") | count_box(sim, "dpr") | end_phase(sim)
    assert NOT_FINISHED not in found, f"both boxes were counted: {found}"


# --- Rulings --------------------------------------------------------------------------------


def misjudged(name: str, used: dict[str, Any], right: str, wrong: str, rule_id: str) -> Any:
    """A ballot, its right ruling, a wrong ruling, and the rule the wrong one breaks."""
    return pytest.param(used, right, wrong, rule_id, id=name)


MISJUDGEMENTS: list[Any] = [
    # M36: a mark in the empty column is a valid vote for it (HANDBOOK §7.6).
    misjudged("M36-kosong", ballot("gubernur", kosong()), "kosong", "invalid", KOSONG_INVALID),
    misjudged(
        "M36-kosong-border",
        ballot("gubernur", kosong(place="border")),
        "kosong",
        "invalid",
        KOSONG_INVALID,
    ),
    # M34: party column + its own candidate is a vote for the candidate (D3); two parties are
    # invalid (HANDBOOK §7.4).
    misjudged(
        "M34-D3-ruled-invalid",
        ballot("dpr", party(1), party(1, 2)),
        "party:1/cand:2",
        "invalid",
        PARTY_LIST_MISJUDGED,
    ),
    misjudged(
        "M34-D3-party-only",
        ballot("dpr", party(1), party(1, 2)),
        "party:1/cand:2",
        "party:1",
        PARTY_LIST_MISJUDGED,
    ),
    misjudged(
        "M34-two-parties",
        ballot("dpr", party(1), party(2, 1)),
        "invalid",
        "party:1",
        PARTY_LIST_MISJUDGED,
    ),
    # M35: a punch-through whose mirror hole touches no other pair is valid (V4).
    misjudged(
        "M35-V4-ruled-invalid",
        ballot("ppwp", pair(2), MIRROR_IN_MARGIN),
        "pair:2",
        "invalid",
        PUNCH_THROUGH_MISJUDGED,
    ),
    misjudged(
        "M35-mirror-in-pair-1",
        ballot("ppwp", pair(2), pair(1, mirror=True)),
        "invalid",
        "pair:2",
        PUNCH_THROUGH_MISJUDGED,
    ),
    # M02: a DPR ballot of another dapil counts for the party only (S-TUKAR).
    misjudged(
        "M02-tertukar-to-candidate",
        ballot("dpr", party(1, 2), district="Teluk Senja IV"),
        "party:1",
        "party:1/cand:2",
        TERTUKAR_MISJUDGED,
    ),
    # M22 / G1: an unsigned ballot is invalid however it is marked.
    misjudged(
        "M22-unsigned", ballot("ppwp", pair(1), signed=False), "invalid", "pair:1", UNSIGNED_COUNTED
    ),
    misjudged(
        "V1-ruled-invalid", ballot("ppwp", pair(1)), "pair:1", "invalid", VALID_RULED_INVALID
    ),
    misjudged(
        "V3-border-ruled-invalid",
        ballot("bupati", pair(2, place="border")),
        "pair:2",
        "invalid",
        VALID_RULED_INVALID,
    ),
    misjudged(
        "two-pairs-ruled-valid",
        ballot("ppwp", pair(1), pair(2)),
        "invalid",
        "pair:1",
        INVALID_RULED_VALID,
    ),
    misjudged(
        "G2-pen-tick-ruled-valid",
        ballot("ppwp", pair(1, tool="pen")),
        "invalid",
        "pair:1",
        INVALID_RULED_VALID,
    ),
    misjudged("to-the-other-pair", ballot("ppwp", pair(1)), "pair:1", "pair:2", WRONG_TARGET),
    misjudged(
        "bupati-to-the-other-pair", ballot("bupati", pair(2)), "pair:2", "pair:1", WRONG_TARGET
    ),
]


@pytest.mark.parametrize(("used", "right", "wrong", "rule_id"), MISJUDGEMENTS)
def test_a_misjudged_ballot_is_flagged(
    used: dict[str, Any], right: str, wrong: str, rule_id: str
) -> None:
    sim = counting(used)
    kind = BallotType(used["ballot"])
    first = sim.world.ballot_types[0]
    if kind is not first:
        count_box(sim, first.value)  # the earlier box in the fixed order, ruled rightly
    play(sim, [OpenBoxForCount(ballot=kind), AnnounceBoxCount(ballot=kind)])
    assert truth(sim) == right, f"the handbook's ruling for this ballot is {right}"
    found = play(sim, [RuleBallot(verdict=wrong)])
    assert rule_id in found, f"ruling {wrong!r} instead of {right!r} must be flagged: {found}"
    assert found == {rule_id}, f"one misjudgement, named by its most specific rule: {found}"
    (finding,) = findings(sim, rule_id)
    assert finding.subject == f"{kind.value}#1", "the finding names the ballot"
    assert finding.param_dict()["expected"] == right and finding.param_dict()["ruled"] == wrong
    assert sim.world.counting.tally[kind] == {wrong: 1}, "the plano records the ruling as made"


@pytest.mark.parametrize(("used", "right", "wrong", "rule_id"), MISJUDGEMENTS)
def test_a_ballot_ruled_rightly_is_not_flagged(
    used: dict[str, Any], right: str, wrong: str, rule_id: str
) -> None:
    sim = counting(used)
    found = play(sim, careful(sim)) | end_phase(sim)
    assert rule_id not in found, f"{right!r} is the right ruling: {describe(sim)}"
    assert not found, f"a careful count of this box is flawless: {describe(sim)}"
    assert sim.world.counting.tally[BallotType(used["ballot"])] == {right: 1}
