"""Penyerahan (HANDBOOK §10; MISTAKES M45-M48): Sirekap, the C.Hasil Salinan made at the TPS
from the signed plano and given to everyone entitled, documents packed into their envelopes
and boxes (the scenario's packing map, §15 item 12), sealed boxes, the handover.

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
    merged,
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
    PutInBox,
    PutInEnvelope,
    SealBox,
    UploadSirekap,
)
from simulator.schema.scenario import Scenario
from simulator.schema.types import BallotType

COPIES_NOT_GIVEN = "penyerahan.salinan_tidak_diberikan"
FORMS_TAKEN_OUT = "penyerahan.formulir_dibawa_keluar"
COPIES_OF_UNSIGNED = "penyerahan.salinan_sebelum_ditandatangani"
BOX_NOT_SEALED = "penyerahan.kotak_tidak_disegel"
BOX_NOT_PACKED = "penyerahan.kotak_disegel_sebelum_dikemas"
HANDED_OVER_LATE = "penyerahan.tidak_diserahkan_hari_itu"
NOT_HANDED_OVER = "penyerahan.tidak_diserahkan"
NOT_UPLOADED = "penyerahan.sirekap_tidak_diunggah"
LEFT_OUT = "penyerahan.dokumen_tidak_dikemas"
BALLOTS_IN_WRONG_BOX = "penyerahan.surat_suara_salah_kotak"
WRONG_ENVELOPE = "penyerahan.dokumen_salah_sampul"
WRONG_BOX = "penyerahan.dokumen_salah_kotak"

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
    found = careful_except(sim, lambda a: isinstance(a, PutInBox) and a.box is PPWP)
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


# --- Packing: documents into envelopes, envelopes into boxes (§10 step 6, §15 item 12) -------


def unscored_handover(base: dict[str, Any] = PEMILU, **changes: Any) -> Simulation:
    """A handover with the catalogue's own scoring (rulekit's ``start`` switches every rule
    on): what a scenario gets when it says nothing about scoring."""
    data = merged(base, {"phases": ["penyerahan"], "counting_start": TWO_VOTED,
                         "ballots": {"listed": PEMILU_BALLOTS}, "witnesses": [WITNESS],
                         **changes})
    return Simulation.start(Scenario.model_validate(data))


def moved(document: str, envelope: str) -> Callable[[Action], Action]:
    """Replace the careful crew's placing of ``document`` by putting it into ``envelope``."""
    return lambda a: PutInEnvelope(document=document, envelope=envelope)


def placing(document: str) -> Callable[[Action], bool]:
    return lambda a: isinstance(a, PutInEnvelope) and a.document == document


def test_the_default_map_packed_as_it_says_finds_nothing() -> None:
    sim = handover()
    found = play(sim, careful(sim)) | end_phase(sim)
    packing_rules = {LEFT_OUT, BALLOTS_IN_WRONG_BOX, WRONG_ENVELOPE, WRONG_BOX}
    assert not found & packing_rules, f"every document where the map puts it: {found}"
    assert all(sim.world.boxes[b].packed for b in (PPWP, DPR)), "both boxes hold envelopes"


def test_a_document_left_out_of_every_box_is_flagged() -> None:
    sim = handover()
    found = careful_except(sim, placing("c_hasil.dpr"))
    assert LEFT_OUT in found, f"the DPR C.Hasil plano never went into a box: {found}"
    assert subjects(sim, LEFT_OUT) == {"c_hasil.dpr"}


def test_an_envelope_never_put_in_a_box_leaves_its_documents_out() -> None:
    sim = handover()
    found = careful_except(sim, lambda a: a == PutInBox(envelope="sampul_dokumen", box=PPWP))
    assert LEFT_OUT in found, f"the shared envelope stayed on the table: {found}"
    assert subjects(sim, LEFT_OUT) == {
        "c_daftar_hadir", "c_kejadian_khusus", "c_pemberitahuan", "model_a"
    }


def test_ballots_in_another_types_box_are_flagged_whatever_the_map() -> None:
    """Per ballot type, everything into the box of its type (§10 step 6): settled, so scored
    by default."""
    sim = unscored_handover()
    found = careful_except(
        sim,
        lambda a: a == PutInBox(envelope="sampul_sisa.dpr", box=DPR),
        lambda a: PutInBox(envelope="sampul_sisa.dpr", box=PPWP),
    )
    assert BALLOTS_IN_WRONG_BOX in found, f"the DPR unused ballots in the PPWP box: {found}"
    assert subjects(sim, BALLOTS_IN_WRONG_BOX) == {"surat_suara_sisa.dpr"}
    finding = next(f for f in sim.findings if f.rule_id == BALLOTS_IN_WRONG_BOX)
    assert finding.param_dict() == {"box": PPWP, "expected_box": DPR}, finding.params


def test_ballots_in_their_own_box_in_another_envelope_are_not_in_the_wrong_box() -> None:
    sim = handover()
    found = careful_except(sim, placing("surat_suara_sisa.dpr"),
                           moved("surat_suara_sisa.dpr", "sampul_surat_suara.dpr"))
    assert BALLOTS_IN_WRONG_BOX not in found, f"still in the DPR box: {found}"
    assert WRONG_ENVELOPE in found, f"scored here (rulekit enables every rule): {found}"


def test_a_wrong_envelope_is_unscored_by_default() -> None:
    """Which envelope holds which document is not settled (§15 item 12)."""
    sim = unscored_handover()
    found = careful_except(sim, placing("c_daftar_hadir"), moved("c_daftar_hadir",
                                                                 "sampul_c_hasil.ppwp"))
    assert WRONG_ENVELOPE not in found, f"unsettled placement, not scored: {found}"
    assert not found, f"nothing else was wrong: {found}"


def test_a_wrong_envelope_is_scored_when_the_scenario_asks() -> None:
    sim = unscored_handover(scoring={"enable": [WRONG_ENVELOPE, WRONG_BOX]})
    found = careful_except(sim, placing("c_daftar_hadir"), moved("c_daftar_hadir",
                                                                 "sampul_c_hasil.dpr"))
    assert WRONG_ENVELOPE in found, f"the scenario scores the envelope map: {found}"
    assert WRONG_BOX in found, f"...and the C.Hasil DPR envelope sits in the DPR box: {found}"
    assert subjects(sim, WRONG_ENVELOPE) == {"c_daftar_hadir"}
    finding = next(f for f in sim.findings if f.rule_id == WRONG_ENVELOPE)
    assert finding.param_dict() == {"envelope": "sampul_c_hasil.dpr",
                                    "expected_envelope": "sampul_dokumen"}, finding.params


def test_a_form_in_another_box_is_unscored_by_default_and_scored_on_request() -> None:
    move = (lambda a: a == PutInBox(envelope="sampul_dokumen", box=PPWP),
            lambda a: PutInBox(envelope="sampul_dokumen", box=DPR))
    quiet = unscored_handover()
    assert not careful_except(quiet, *move), describe(quiet)
    scored = unscored_handover(scoring={"enable": [WRONG_BOX]})
    found = careful_except(scored, *move)
    assert found == {WRONG_BOX}, f"the forms' box is the scenario's to set: {found}"
    assert subjects(scored, WRONG_BOX) == {
        "c_daftar_hadir", "c_kejadian_khusus", "c_pemberitahuan", "model_a"
    }


def test_the_scenarios_own_map_is_the_one_judged() -> None:
    packing = {"envelopes": {"c_daftar_hadir": "sampul_c_hasil.ppwp"},
               "boxes": {"sampul_dokumen": "dpr"}}
    sim = unscored_handover(packing=packing, scoring={"enable": [WRONG_ENVELOPE, WRONG_BOX]})
    assert sim.world.packing.envelope_of["c_daftar_hadir"] == "sampul_c_hasil.ppwp"
    assert sim.world.packing.box_of["sampul_dokumen"] is DPR
    found = play(sim, careful(sim)) | end_phase(sim)
    assert not found, f"the careful crew packs by the scenario's map: {found}"


def test_pilkada_default_map_has_two_boxes_and_the_forms_in_the_first() -> None:
    sim = handover(PILKADA)
    target = sim.world.packing
    assert set(target.box_of.values()) == {BallotType.GUBERNUR, BallotType.BUPATI}
    assert target.box_of["sampul_dokumen"] is BallotType.GUBERNUR
    assert target.box_for("c_hasil.bupati") is BallotType.BUPATI


def test_nothing_moves_in_or_out_of_a_sealed_box() -> None:
    sim = handover()
    play(sim, [a for a in careful(sim) if not isinstance(a, SealBox | HandOver)])
    play(sim, [SealBox(ballot=PPWP)])
    offered = sim.allowed_actions()
    assert PutInEnvelope(document="c_hasil.ppwp", envelope="sampul_c_hasil.dpr") not in offered
    assert PutInBox(envelope="sampul_c_hasil.dpr", box=PPWP) not in offered
    assert PutInBox(envelope="sampul_c_hasil.dpr", box=DPR) not in offered  # already there
    assert PutInEnvelope(document="c_hasil.dpr", envelope="sampul_sisa.dpr") in offered


def test_a_day_of_packing_moves_replays_byte_for_byte() -> None:
    """Documents moved between envelopes and envelopes between boxes, written to a log and
    played back: the same state, the same findings, the same log text."""
    from simulator.core.actionlog import format_log, parse_log
    from simulator.core.digest import state_digest
    from simulator.core.replay import apply_log, header_for, result_of

    sim = unscored_handover(scoring={"enable": [WRONG_ENVELOPE, WRONG_BOX]})
    detour = [
        PutInEnvelope(document="c_hasil.ppwp", envelope="sampul_dokumen"),
        PutInBox(envelope="sampul_dokumen", box=DPR),
        PutInBox(envelope="sampul_dokumen", box=PPWP),
        PutInEnvelope(document="surat_suara_sisa.dpr", envelope="sampul_sisa.ppwp"),
    ]
    play(sim, detour)
    play(sim, replacing(careful(sim), placing("surat_suara_sisa.dpr"), lambda a: None))
    end_phase(sim)
    assert {WRONG_ENVELOPE, BALLOTS_IN_WRONG_BOX} <= {f.rule_id for f in sim.findings}, (
        describe(sim)
    )
    text = format_log(header_for(sim, "0" * 64), sim.log, result_of(sim))
    again = apply_log(sim.world.scenario, parse_log(text))
    assert state_digest(again.world, again.findings) == state_digest(sim.world, sim.findings)
    assert format_log(header_for(again, "0" * 64), again.log, result_of(again)) == text
