"""Persiapan & pembukaan (HANDBOOK §2, §4, §1.3; MISTAKES M04-M11): every rule fires on its
mistake and stays silent on the careful neighbour.

The scenarios start at the opening (06:00), so the logistics are taken as checked; the PTPS
and any witness arrive at 06:30 unless a test says otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from rulekit import (
    PEMILU,
    PILKADA,
    VOTER,
    WITNESS,
    careful,
    describe,
    end_phase,
    findings,
    play,
    replacing,
    start,
    subjects,
    without,
)

from simulator.core.actions import Action, AdvanceClock
from simulator.core.engine import Simulation
from simulator.core.phases.logistik import CountBallots
from simulator.core.phases.pembukaan import (
    AdmitWitness,
    AskRemoveAttributes,
    ExplainProcedure,
    LockBox,
    OpenBox,
    OpenMeeting,
    PostNoticeBoard,
    RefuseWitness,
    ReturnNotice,
    ShowBoxEmpty,
    TakeOath,
)
from simulator.schema.scenario import NoticeReason
from simulator.schema.types import BallotType

NOTICE_NOT_RETURNED = "pembukaan.pemberitahuan_tidak_dikembalikan"
NOTICE_WRONG_REASON = "pembukaan.alasan_pemberitahuan_keliru"
BOARD_NOT_POSTED = "pembukaan.papan_pengumuman_tidak_dipasang"
BOARD_NOT_MARKED = "pembukaan.dpt_tidak_ditandai"
OPENED_LATE = "pembukaan.dibuka_terlambat"
OPENED_EARLY = "pembukaan.dibuka_sebelum_0700"
BOX_BEFORE_MEETING = "pembukaan.kotak_dibuka_sebelum_rapat"
BOX_NOT_SHOWN = "pembukaan.kotak_tidak_ditunjukkan_kosong"
BOX_NOT_LOCKED = "pembukaan.kotak_tidak_dikunci"
BOX_ORDER = "pembukaan.urutan_kotak_salah"
WITNESS_WITHOUT_MANDATE = "pembukaan.saksi_tanpa_mandat_diterima"
WITNESS_WRONGLY_REFUSED = "pembukaan.saksi_bermandat_ditolak"
WITNESS_ATTRIBUTES = "pembukaan.atribut_saksi_dibiarkan"
NOT_EXPLAINED = "pembukaan.tata_cara_tidak_dijelaskan"
NO_OATH = "pembukaan.sumpah_tidak_dilakukan"

NOTICE = {"id": "n1", "name": "Oka Saputra", "reason": "meninggal"}
PPWP, DPR = BallotType.PPWP, BallotType.DPR


def opening(base: dict[str, Any] = PEMILU, **changes: Any) -> Simulation:
    return start(base, phases=["pembukaan"], **changes)


def by_hand(order: Sequence[BallotType]) -> list[Action]:
    """A whole opening without witnesses or notices, the boxes opened in ``order`` and each
    type's ballots counted as its box is opened (HANDBOOK §4 step 5)."""
    boxes = [
        a
        for b in order
        for a in (
            OpenBox(ballot=b),
            CountBallots(ballot=b),
            ShowBoxEmpty(ballot=b),
            LockBox(ballot=b),
        )
    ]
    return [
        PostNoticeBoard(),
        AdvanceClock(to="07:00"),
        OpenMeeting(),
        TakeOath(),
        *boxes,
        ExplainProcedure(),
    ]


# --- The whole phase ------------------------------------------------------------------------


@pytest.mark.parametrize("base", [PEMILU, PILKADA], ids=["pemilu", "pilkada"])
def test_careful_opening_finds_nothing(base: dict[str, Any]) -> None:
    sim = opening(base, witnesses=[WITNESS], undelivered_notices=[NOTICE])
    found = play(sim, careful(sim)) | end_phase(sim)
    assert not found, f"a careful opening is flawless, found {describe(sim)}"


def test_an_opening_by_hand_in_the_fixed_order_finds_nothing() -> None:
    sim = opening()
    found = play(sim, by_hand([PPWP, DPR])) | end_phase(sim)
    assert not found, f"the handbook's opening, step by step, is flawless: {describe(sim)}"


# --- Voter notices (H-1) -------------------------------------------------------------------


def test_an_undelivered_notice_kept_is_flagged() -> None:
    sim = opening(undelivered_notices=[NOTICE])
    found = play(sim, without(careful(sim), ReturnNotice)) | end_phase(sim)
    assert NOTICE_NOT_RETURNED in found, f"notice n1 never went back to the PPS, found {found}"
    assert subjects(sim, NOTICE_NOT_RETURNED) == {"n1"}


def test_an_undelivered_notice_returned_is_not_flagged() -> None:
    sim = opening(undelivered_notices=[NOTICE])
    found = play(sim, careful(sim)) | end_phase(sim)
    assert NOTICE_NOT_RETURNED not in found, f"notice n1 was returned, found {found}"
    assert NOTICE_WRONG_REASON not in found, f"with its true reason, found {found}"


def test_a_notice_returned_with_the_wrong_reason_is_flagged() -> None:
    sim = opening(undelivered_notices=[NOTICE])
    wrong = replacing(
        careful(sim),
        ReturnNotice,
        lambda a: a.model_copy(update={"reason": NoticeReason.PINDAH_DOMISILI}),
    )
    found = play(sim, wrong) | end_phase(sim)
    assert NOTICE_WRONG_REASON in found, f"a dead voter marked 'moved' must be flagged: {found}"
    assert NOTICE_NOT_RETURNED not in found, "the notice was returned, only the reason is wrong"
    (finding,) = findings(sim, NOTICE_WRONG_REASON)
    assert finding.param_dict() == {"given": "pindah_domisili", "actual": "meninggal"}


# --- The notice board ----------------------------------------------------------------------


def test_no_notice_board_is_flagged() -> None:
    sim = opening()
    found = play(sim, without(careful(sim), PostNoticeBoard)) | end_phase(sim)
    assert BOARD_NOT_POSTED in found, f"no DPT or candidate list posted, found {found}"


def test_a_posted_board_is_not_flagged() -> None:
    sim = opening()
    found = play(sim, careful(sim)) | end_phase(sim)
    assert BOARD_NOT_POSTED not in found and BOARD_NOT_MARKED not in found, found


def test_a_dpt_posted_without_marking_ineligible_voters_is_flagged() -> None:
    sim = opening()
    unmarked = replacing(
        careful(sim), PostNoticeBoard, lambda a: PostNoticeBoard(marked_ineligible=False)
    )
    found = play(sim, unmarked) | end_phase(sim)
    assert BOARD_NOT_MARKED in found, f"voters who no longer qualify must be marked: {found}"
    assert BOARD_NOT_POSTED not in found, "the board itself was posted"


# --- The meeting opens at 07:00 -------------------------------------------------------------


def test_opening_before_0700_is_flagged() -> None:
    sim = opening()
    found = play(sim, [AdvanceClock(to="06:45"), OpenMeeting()])
    assert OPENED_EARLY in found, f"the meeting never opens before 07:00, found {found}"


def test_opening_at_0700_is_neither_early_nor_late() -> None:
    sim = opening()
    found = play(sim, [AdvanceClock(to="07:00"), OpenMeeting()])
    assert OPENED_EARLY not in found and OPENED_LATE not in found, found


@pytest.mark.parametrize(
    ("witness_arrives", "ptps_arrives", "voter_arrives", "opens_at", "late"),
    [
        pytest.param("06:30", "06:30", "06:50", "07:10", True, id="everyone-there-opened-0710"),
        pytest.param("07:10", "06:30", "06:50", "07:20", False, id="waiting-for-a-witness"),
        pytest.param("06:30", "07:15", "06:50", "07:30", False, id="waiting-for-the-ptps-30-min"),
        pytest.param("06:30", "06:30", "07:20", "07:20", False, id="waiting-for-the-first-voter"),
        pytest.param("07:10", "06:30", "06:50", "07:45", True, id="beyond-the-30-min-grace"),
    ],
)
def test_a_late_opening_is_flagged_unless_waiting_for_someone_absent(
    witness_arrives: str, ptps_arrives: str, voter_arrives: str, opens_at: str, late: bool
) -> None:
    sim = opening(
        witnesses=[{**WITNESS, "arrives": witness_arrives}],
        ptps_arrives=ptps_arrives,
        voters={"listed": [{**VOTER, "arrives": voter_arrives}]},
    )
    found = play(sim, [AdvanceClock(to=opens_at), OpenMeeting()])
    if late:
        assert OPENED_LATE in found, f"opened at {opens_at} with no reason to wait: {found}"
    else:
        assert OPENED_LATE not in found, (
            f"waiting up to 30 min for absent voters, witnesses or PTPS is allowed: {found}"
        )


def test_a_meeting_never_opened_is_flagged_as_late() -> None:
    sim = opening(voters={"listed": [VOTER]})
    found = play(sim, without(careful(sim), OpenMeeting, OpenBox, ShowBoxEmpty, LockBox))
    found |= end_phase(sim)
    assert OPENED_LATE in found, f"the voting meeting never opened, found {found}"


# --- The boxes ------------------------------------------------------------------------------


def test_a_box_opened_before_the_meeting_is_flagged() -> None:
    sim = opening()
    found = play(sim, [PostNoticeBoard(), OpenBox(ballot=PPWP)])
    assert BOX_BEFORE_MEETING in found, f"a box opened before the meeting is a PSU ground: {found}"
    assert subjects(sim, BOX_BEFORE_MEETING) == {"ppwp"}


def test_boxes_opened_after_the_meeting_are_not_flagged() -> None:
    sim = opening()
    found = play(sim, by_hand([PPWP, DPR])) | end_phase(sim)
    assert BOX_BEFORE_MEETING not in found, f"every box was opened in the meeting: {found}"


@pytest.mark.parametrize(
    ("drop", "rule_id"),
    [(ShowBoxEmpty, BOX_NOT_SHOWN), (LockBox, BOX_NOT_LOCKED)],
    ids=["not-shown-empty", "not-locked-again"],
)
def test_a_box_step_skipped_is_flagged_for_that_box(drop: type[Action], rule_id: str) -> None:
    sim = opening()
    found = play(sim, without(by_hand([PPWP, DPR]), lambda a: a == drop(ballot=DPR)))
    found |= end_phase(sim)
    assert rule_id in found, f"the DPR box skipped {drop.__name__}, found {found}"
    assert subjects(sim, rule_id) == {"dpr"}, "only the DPR box is named"


def test_boxes_shown_empty_and_locked_are_not_flagged() -> None:
    sim = opening()
    found = play(sim, careful(sim)) | end_phase(sim)
    assert not {BOX_NOT_SHOWN, BOX_NOT_LOCKED} & found, found


def test_a_box_never_opened_is_flagged_as_not_shown_empty() -> None:
    sim = opening()
    found = play(sim, without(by_hand([PPWP, DPR]), lambda a: getattr(a, "ballot", None) is DPR))
    found |= end_phase(sim)
    assert BOX_NOT_SHOWN in found, f"the DPR box was never opened nor shown empty: {found}"


@pytest.mark.parametrize(
    ("base", "order", "first_out_of_order"),
    [
        pytest.param(PEMILU, [DPR, PPWP], "dpr", id="pemilu-dpr-first"),
        pytest.param(
            PILKADA, [BallotType.BUPATI, BallotType.GUBERNUR], "bupati", id="pilkada-bupati-first"
        ),
    ],
)
def test_boxes_opened_out_of_order_are_flagged(
    base: dict[str, Any], order: list[BallotType], first_out_of_order: str
) -> None:
    sim = opening(base)
    found = play(sim, by_hand(order)) | end_phase(sim)
    assert BOX_ORDER in found, f"boxes open in the fixed order (HANDBOOK §4 step 5): {found}"
    assert subjects(sim, BOX_ORDER) == {first_out_of_order}, "only the box opened too early"


@pytest.mark.parametrize(
    ("base", "order"),
    [
        pytest.param(PEMILU, [PPWP, DPR], id="pemilu"),
        pytest.param(PILKADA, [BallotType.GUBERNUR, BallotType.BUPATI], id="pilkada"),
    ],
)
def test_boxes_opened_in_order_are_not_flagged(
    base: dict[str, Any], order: list[BallotType]
) -> None:
    sim = opening(base)
    found = play(sim, by_hand(order)) | end_phase(sim)
    assert BOX_ORDER not in found, f"the fixed order was kept, found {found}"


# --- Witnesses ------------------------------------------------------------------------------


def test_a_witness_without_mandate_admitted_is_flagged() -> None:
    sim = opening(witnesses=[{**WITNESS, "mandate": False}])
    found = play(sim, [AdvanceClock(to="06:30"), AdmitWitness(witness="saksi-1")])
    assert WITNESS_WITHOUT_MANDATE in found, f"no surat mandat, no witness (§1.3): {found}"
    assert subjects(sim, WITNESS_WITHOUT_MANDATE) == {"saksi-1"}


def test_a_witness_without_mandate_refused_is_not_flagged() -> None:
    sim = opening(witnesses=[{**WITNESS, "mandate": False}])
    found = play(sim, careful(sim)) | end_phase(sim)
    assert WITNESS_WITHOUT_MANDATE not in found and WITNESS_WRONGLY_REFUSED not in found, found


def test_a_witness_with_mandate_refused_is_flagged() -> None:
    sim = opening(witnesses=[WITNESS])
    found = play(sim, [AdvanceClock(to="06:30"), RefuseWitness(witness="saksi-1")])
    assert WITNESS_WRONGLY_REFUSED in found, f"a mandated witness may take part: {found}"
    assert subjects(sim, WITNESS_WRONGLY_REFUSED) == {"saksi-1"}


def test_a_witness_with_mandate_admitted_is_not_flagged() -> None:
    sim = opening(witnesses=[WITNESS])
    found = play(sim, [AdvanceClock(to="06:30"), AdmitWitness(witness="saksi-1")])
    assert not found, f"a mandated witness without attributes is welcome, found {found}"


def test_a_witness_admitted_wearing_attributes_is_flagged() -> None:
    sim = opening(witnesses=[{**WITNESS, "attributes": True}])
    found = play(sim, without(careful(sim), AskRemoveAttributes)) | end_phase(sim)
    assert WITNESS_ATTRIBUTES in found, f"a party shirt must come off or be covered: {found}"
    assert subjects(sim, WITNESS_ATTRIBUTES) == {"saksi-1"}


def test_a_witness_asked_to_remove_attributes_first_is_not_flagged() -> None:
    sim = opening(witnesses=[{**WITNESS, "attributes": True}])
    found = play(sim, careful(sim)) | end_phase(sim)
    assert WITNESS_ATTRIBUTES not in found, f"the attribute was removed before admission: {found}"


# --- Oath and explanation -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("drop", "rule_id"),
    [(TakeOath, NO_OATH), (ExplainProcedure, NOT_EXPLAINED)],
    ids=["no-oath", "procedure-not-explained"],
)
def test_a_skipped_opening_step_is_flagged(drop: type[Action], rule_id: str) -> None:
    sim = opening()
    found = play(sim, without(careful(sim), drop)) | end_phase(sim)
    assert rule_id in found, f"skipping {drop.__name__} must be flagged, found {found}"


@pytest.mark.parametrize("rule_id", [NO_OATH, NOT_EXPLAINED])
def test_opening_steps_done_are_not_flagged(rule_id: str) -> None:
    sim = opening()
    found = play(sim, careful(sim)) | end_phase(sim)
    assert rule_id not in found, f"the oath was taken and the procedure explained: {found}"


def test_a_mandated_witness_arriving_after_the_meeting_opened_may_be_refused() -> None:
    sim = opening(witnesses=[{**WITNESS, "arrives": "07:40"}], voters={"listed": [VOTER]})
    found = play(sim, [AdvanceClock(to="07:00"), OpenMeeting(), AdvanceClock(to="07:40")])
    found |= play(sim, [RefuseWitness(witness="saksi-1")])
    assert WITNESS_WRONGLY_REFUSED not in found, (
        f"the mandate is handed over before the meeting starts (HANDBOOK §1.3): {found}"
    )
