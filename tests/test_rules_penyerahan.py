"""Penyerahan (HANDBOOK §10; MISTAKES M45-M48): Sirekap, the C.Hasil Salinan made at the TPS
from the signed plano and given to everyone entitled, packed and sealed boxes, the handover.

The scenarios start at the handover (22:00) with the forms filled and signed, and one
witness with a mandate who took part."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rulekit import (
    PEMILU,
    PILKADA,
    WITNESS,
    careful,
    describe,
    end_phase,
    play,
    replacing,
    start,
    subjects,
    without,
)

from simulator.core.actions import Action, AdvanceClock, EndPhase
from simulator.core.engine import Simulation
from simulator.core.phases.formulir import SignForm
from simulator.core.phases.penyerahan import (
    GiveCopies,
    HandOver,
    MakeCopies,
    PackBox,
    SealBox,
    UploadSirekap,
)
from simulator.schema.types import BallotType

COPIES_NOT_GIVEN = "penyerahan.salinan_tidak_diberikan"
FORMS_TAKEN_OUT = "penyerahan.formulir_dibawa_keluar"
COPIES_OF_UNSIGNED = "penyerahan.salinan_sebelum_ditandatangani"
BOX_NOT_SEALED = "penyerahan.kotak_tidak_disegel"
BOX_NOT_PACKED = "penyerahan.kotak_disegel_sebelum_dikemas"
HANDED_OVER_LATE = "penyerahan.tidak_diserahkan_hari_itu"
NOT_HANDED_OVER = "penyerahan.tidak_diserahkan"
NOT_UPLOADED = "penyerahan.sirekap_tidak_diunggah"

PPWP, DPR = BallotType.PPWP, BallotType.DPR
TWO_VOTED: dict[str, Any] = {"dpt": {"men": 1, "women": 1}}
PEMILU_BALLOTS = [
    {"ballot": "ppwp", "marks": [{"pair": 1}]},
    {"ballot": "ppwp", "marks": [{"pair": 2}]},
    {"ballot": "dpr", "marks": [{"party": 1}]},
    {"ballot": "dpr", "marks": [{"party": 2, "candidate": 1}]},
]
PILKADA_BALLOTS = [
    {"ballot": "gubernur", "marks": [{"kosong": True}]},
    {"ballot": "gubernur", "marks": [{"pair": 1}]},
    {"ballot": "bupati", "marks": [{"pair": 1}]},
    {"ballot": "bupati", "marks": [{"pair": 2}]},
]


def handover(
    base: dict[str, Any] = PEMILU, phases: tuple[str, ...] = ("penyerahan",), **changes: Any
) -> Simulation:
    changes.setdefault("witnesses", [WITNESS])
    listed = PEMILU_BALLOTS if base is PEMILU else PILKADA_BALLOTS
    return start(
        base, phases=phases, counting_start=TWO_VOTED, ballots={"listed": listed}, **changes
    )


def careful_except(
    sim: Simulation,
    match: type[Action] | Callable[[Action], bool],
    by: Callable[[Action], Action | list[Action] | None] = lambda a: None,
) -> set[str]:
    """The careful handover with ``match`` replaced by ``by(action)`` (dropped by default),
    then the end of the phase; the ids of the rules broken."""
    return play(sim, replacing(careful(sim), match, by)) | end_phase(sim)


# --- The whole phase ------------------------------------------------------------------------


@pytest.mark.parametrize("base", [PEMILU, PILKADA], ids=["pemilu", "pilkada"])
def test_careful_handover_finds_nothing(base: dict[str, Any]) -> None:
    sim = handover(base)
    found = play(sim, careful(sim)) | end_phase(sim)
    assert not found, f"a careful handover is flawless, found {describe(sim)}"
    assert sim.finished, "the handover is the last phase of the day"


# --- The C.Hasil Salinan (M45, M46) ---------------------------------------------------------


@pytest.mark.parametrize("recipient", ["saksi", "ptps", "pps"])
def test_copies_withheld_from_a_recipient_are_flagged(recipient: str) -> None:
    sim = handover()
    found = careful_except(sim, lambda a: a == GiveCopies(recipient=recipient))
    assert COPIES_NOT_GIVEN in found, f"no copy for the {recipient} (UU 7/2017 Pasal 506): {found}"
    assert subjects(sim, COPIES_NOT_GIVEN) == {recipient}


def test_copies_given_to_everyone_are_not_flagged() -> None:
    sim = handover()
    found = play(sim, careful(sim)) | end_phase(sim)
    assert COPIES_NOT_GIVEN not in found, f"witnesses, PTPS and PPS all got copies: {found}"


def test_no_witness_present_needs_no_witness_copy() -> None:
    sim = handover(witnesses=[])
    found = careful_except(sim, lambda a: a == GiveCopies(recipient="saksi"))
    assert COPIES_NOT_GIVEN not in found, f"no witness took part, so none is owed a copy: {found}"


def test_forms_copied_outside_the_tps_are_flagged() -> None:
    sim = handover()
    found = careful_except(
        sim, lambda a: a == MakeCopies(ballot=DPR), lambda a: MakeCopies(ballot=DPR, place="luar")
    )
    assert FORMS_TAKEN_OUT in found, f"the forms never leave the TPS to be copied (§10): {found}"
    assert subjects(sim, FORMS_TAKEN_OUT) == {"dpr"}


def test_forms_copied_at_the_tps_are_not_flagged() -> None:
    sim = handover()
    found = play(sim, careful(sim)) | end_phase(sim)
    assert FORMS_TAKEN_OUT not in found, f"copied at the TPS with the copier: {found}"


def test_copies_of_an_unsigned_form_are_flagged() -> None:
    sim = handover(phases=("formulir", "penyerahan"))
    play(sim, without(careful(sim), lambda a: a == SignForm(ballot=PPWP)))
    end_phase(sim)
    found = play(sim, careful(sim)) | end_phase(sim)
    assert COPIES_OF_UNSIGNED in found, f"copies come from the signed plano (§10 step 5): {found}"
    assert subjects(sim, COPIES_OF_UNSIGNED) == {"ppwp"}


def test_copies_of_signed_forms_are_not_flagged() -> None:
    sim = handover(phases=("formulir", "penyerahan"))
    play(sim, careful(sim))
    end_phase(sim)
    found = play(sim, careful(sim)) | end_phase(sim)
    assert COPIES_OF_UNSIGNED not in found, f"both forms were signed first: {found}"
    assert not {f.rule_id for f in sim.findings}, describe(sim)


# --- Boxes and the handover (M48) -----------------------------------------------------------


def test_a_box_handed_over_unsealed_is_flagged() -> None:
    sim = handover()
    found = careful_except(sim, lambda a: a == SealBox(ballot=DPR))
    assert BOX_NOT_SEALED in found, f"every box is locked and sealed (§10 step 7): {found}"
    assert subjects(sim, BOX_NOT_SEALED) == {"dpr"}


def test_boxes_left_unsealed_without_a_handover_are_flagged() -> None:
    sim = handover()
    found = play(sim, without(careful(sim), SealBox, HandOver)) | end_phase(sim)
    assert BOX_NOT_SEALED in found, f"boxes left open at the end of the day: {found}"
    assert subjects(sim, BOX_NOT_SEALED) == {"ppwp", "dpr"}


def test_sealed_boxes_are_not_flagged() -> None:
    sim = handover()
    found = play(sim, careful(sim)) | end_phase(sim)
    assert BOX_NOT_SEALED not in found, f"every box was sealed: {found}"


def test_a_box_sealed_before_it_was_packed_is_flagged() -> None:
    sim = handover()
    found = careful_except(sim, lambda a: a == PackBox(ballot=PPWP))
    assert BOX_NOT_PACKED in found, f"pack first, then seal (§10 steps 6-7): {found}"
    assert subjects(sim, BOX_NOT_PACKED) == {"ppwp"}


def test_a_box_packed_then_sealed_is_not_flagged() -> None:
    sim = handover()
    found = play(sim, careful(sim)) | end_phase(sim)
    assert BOX_NOT_PACKED not in found, f"each box was packed before it was sealed: {found}"


def test_a_handover_the_next_afternoon_is_flagged() -> None:
    sim = handover()
    found = careful_except(sim, HandOver, lambda a: [AdvanceClock(to="13:00+1"), a])
    assert HANDED_OVER_LATE in found, f"handed over after the counting deadline: {found}"


def test_no_handover_at_all_is_flagged_as_critical() -> None:
    """Never handed over: no result reaches the PPS (UU 7/2017 Pasal 537), which is more than
    a late handover."""
    sim = handover()
    found = play(sim, without(careful(sim), HandOver)) | end_phase(sim)
    assert NOT_HANDED_OVER in found, f"the boxes never reached the PPS: {found}"
    assert HANDED_OVER_LATE not in found, "never handed over is not 'late'"
    assert any(f.rule_id == NOT_HANDED_OVER and f.critical for f in sim.findings)


def test_a_handover_the_same_evening_is_not_flagged() -> None:
    sim = handover()
    found = play(sim, careful(sim)) | end_phase(sim)
    assert HANDED_OVER_LATE not in found, f"handed over at 22:00 on polling day: {found}"


# --- Sirekap (M47) --------------------------------------------------------------------------


def test_a_form_never_uploaded_to_sirekap_is_flagged() -> None:
    sim = handover()
    found = careful_except(sim, lambda a: a == UploadSirekap(ballot=DPR))
    assert NOT_UPLOADED in found, f"each C.Hasil is photographed into Sirekap (§10 step 3): {found}"
    assert subjects(sim, NOT_UPLOADED) == {"dpr"}


def test_forms_uploaded_to_sirekap_are_not_flagged() -> None:
    sim = handover()
    found = play(sim, careful(sim)) | end_phase(sim)
    assert NOT_UPLOADED not in found, f"both forms were uploaded: {found}"


def test_nothing_can_change_after_the_handover() -> None:
    sim = handover()
    play(sim, [HandOver()])
    actions: list[Action] = [a for a in sim.allowed_actions() if not isinstance(a, EndPhase)]
    assert not actions, f"everything is with the PPS; only the end of the day remains: {actions}"
