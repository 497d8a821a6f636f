"""Penyerahan: Sirekap, the signed copies for everyone entitled, sealed boxes, the handover.

HANDBOOK §10: upload each C.Hasil to Sirekap (checking what it reads), make the C.Hasil
Salinan at the TPS from the signed plano, give them to the witnesses and the PTPS and, for the
PPK, to the PPS (UU 7/2017 Pasal 506); pack every document into its envelope and every envelope
into its box (the scenario's packing map, ``simulator.core.packing``), seal every box; hand
everything to the PPS the same day, before the counting deadline.

What is packed where is judged when the boxes leave, at the handover: a document left out of
every box, and ballots in another type's box, always (the handbook settles both); a document in
another envelope or box than the map's only when the scenario scores it (§15 item 12).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from simulator.core import packing
from simulator.core.actions import Action, IllegalAction
from simulator.core.domain import COUNTING_DEADLINE
from simulator.core.judge import Judge
from simulator.core.rules import Rule
from simulator.core.scoring import Duty
from simulator.core.state import World
from simulator.schema.types import BallotType, Consequence, Phase, Severity

PHASE = Phase.PENYERAHAN

Recipient = Literal["saksi", "ptps", "pps"]
RECIPIENTS: tuple[Recipient, ...] = ("saksi", "ptps", "pps")


class UploadSirekap(Action):
    """Photograph the C.Hasil plano of one type with Sirekap and send it."""

    kind: Literal["upload_sirekap"] = "upload_sirekap"
    ballot: BallotType


class MakeCopies(Action):
    """Make the C.Hasil Salinan of one type with the document copier."""

    kind: Literal["make_copies"] = "make_copies"
    ballot: BallotType
    place: Literal["tps", "luar"] = "tps"


class GiveCopies(Action):
    """Hand the signed copies of every type to the witnesses, the PTPS or the PPS."""

    kind: Literal["give_copies"] = "give_copies"
    recipient: Recipient


PACKING_ID = r"^[a-z][a-z0-9_]*(\.[a-z_]+)?$"


class PutInEnvelope(Action):
    """Put a document (a bundle of ballots, a form) into an envelope, or move it to another."""

    kind: Literal["put_in_envelope"] = "put_in_envelope"
    document: str = Field(pattern=PACKING_ID, max_length=40)
    envelope: str = Field(pattern=PACKING_ID, max_length=40)


class PutInBox(Action):
    """Put an envelope into a ballot box, or move it to another box not yet sealed."""

    kind: Literal["put_in_box"] = "put_in_box"
    envelope: str = Field(pattern=PACKING_ID, max_length=40)
    box: BallotType


class SealBox(Action):
    kind: Literal["seal_box"] = "seal_box"
    ballot: BallotType


class HandOver(Action):
    """Hand the sealed boxes and documents to the PPS, with the PTPS watching, and take a
    receipt."""

    kind: Literal["hand_over"] = "hand_over"


ACTIONS: tuple[type[Action], ...] = (
    UploadSirekap,
    MakeCopies,
    GiveCopies,
    PutInEnvelope,
    PutInBox,
    SealBox,
    HandOver,
)

COPIES_NOT_GIVEN = Rule(
    "penyerahan.salinan_tidak_diberikan",
    PHASE,
    Severity.KRITIS,
    "UU 7/2017 Pasal 506 jo. Pasal 390(2)-(3); Buku Panduan KPPS Pemilu 2024 hlm. 38",
    ("M45",),
    (Consequence.PIDANA, Consequence.KEBERATAN),
    handbook="§10 step 5; §18.1",
)
FORMS_TAKEN_OUT = Rule(
    "penyerahan.formulir_dibawa_keluar",
    PHASE,
    Severity.KRITIS,
    "Kep. KPU 66/2024; Buku Panduan KPPS Pemilu 2024 hlm. 38",
    ("M45", "M46"),
    (Consequence.KEBERATAN, Consequence.HITUNG_ULANG),
    handbook="§10 step 5 (forms must not leave the TPS to be copied)",
)
# Copying an unsigned plano is a procedural lapse that invites differing sets (M46); the crime
# of Pasal 535 needs altered figures, so it is not this rule's consequence.
COPIES_OF_UNSIGNED = Rule(
    "penyerahan.salinan_sebelum_ditandatangani",
    PHASE,
    Severity.BERAT,
    "Kep. KPU 66/2024; Buku Panduan KPPS Pemilu 2024 hlm. 38",
    ("M46",),
    (Consequence.KEBERATAN, Consequence.HITUNG_ULANG),
    severity_note=(
        "Copying before signing risks M46; the critical case, copies that differ from "
        "the plano, is not what happened here."
    ),
    handbook="§10 steps 2 and 5 (copies are made from the signed C.Hasil)",
)
BOX_NOT_SEALED = Rule(
    "penyerahan.kotak_tidak_disegel",
    PHASE,
    Severity.BERAT,
    "UU 7/2017 Pasal 537",
    ("M48",),
    (Consequence.HITUNG_ULANG, Consequence.PIDANA),
    handbook="§10 step 7; §18.1",
)
BOX_NOT_PACKED = Rule(
    "penyerahan.kotak_disegel_sebelum_dikemas",
    PHASE,
    Severity.RINGAN,
    "Kep. KPU 66/2024; Buku Panduan KPPS Pemilu 2024 hlm. 38",
    ("M48",),
    (),
    confidence="M",
    severity_note=(
        "The box was sealed and handed over (M48 avoided); it has to be reopened to be "
        "packed."
    ),
    handbook="§10 steps 6-7",
)
HANDED_OVER_LATE = Rule(
    "penyerahan.tidak_diserahkan_hari_itu",
    PHASE,
    Severity.BERAT,
    "UU 7/2017 Pasal 537",
    ("M48",),
    (Consequence.HITUNG_ULANG,),
    handbook="§2 (same day); §10 step 8",
)
# Never handed over: the sealed boxes and the result documents do not reach the PPS, so the
# TPS has no result at the recapitulation.
NOT_HANDED_OVER = Rule(
    "penyerahan.tidak_diserahkan",
    PHASE,
    Severity.KRITIS,
    "UU 7/2017 Pasal 537",
    ("M48",),
    (Consequence.TANPA_HASIL, Consequence.PIDANA),
    confidence="M",
    severity_note=(
        "Never handed over at all: no result reaches the PPS (UU 7/2017 Pasal 537), "
        "beyond M48's late or unsealed handover."
    ),
    handbook="§10 steps 7-8; §18.1",
)
# The sealed box goes to the PPS "with its minutes and certificates" (Pasal 537): a document
# left out of every box does not travel in the sealed chain.
LEFT_OUT = Rule(
    "penyerahan.dokumen_tidak_dikemas",
    PHASE,
    Severity.BERAT,
    "UU 7/2017 Pasal 537; Kep. KPU 66/2024; Buku Panduan KPPS Pemilu 2024 hlm. 38",
    ("M48",),
    (Consequence.KEBERATAN, Consequence.HITUNG_ULANG),
    confidence="M",
    handbook="§10 steps 6-8 (everything into the box; the sealed box with its minutes and "
    "certificates to the PPS); §18.1",
)
# Per ballot type, everything into the box of its type (§10 step 6): the settled part of the
# packing map, scored whatever the scenario's map says about envelopes.
BALLOTS_IN_WRONG_BOX = Rule(
    "penyerahan.surat_suara_salah_kotak",
    PHASE,
    Severity.BERAT,
    "Kep. KPU 66/2024; Buku Panduan KPPS Pemilu 2024 hlm. 38",
    ("M48",),
    (Consequence.KEBERATAN, Consequence.HITUNG_ULANG),
    confidence="M",
    handbook="§10 step 6 (per ballot type ... into the box of its type)",
)
# Which envelope holds which document, and which box holds the forms, was not found in a
# primary text (§15 item 12): judged against the scenario's map, unscored unless it asks.
WRONG_ENVELOPE = Rule(
    "penyerahan.dokumen_salah_sampul",
    PHASE,
    Severity.RINGAN,
    "Kep. KPU 66/2024; Buku Panduan KPPS Pemilu 2024 hlm. 38",
    ("M48",),
    (),
    scored_by_default=False,
    confidence="L",
    severity_note="The envelope map is unsettled (§15 item 12): a lapse of order only.",
    handbook="§10 step 6; §15 item 12 (packing map unsettled)",
)
WRONG_BOX = Rule(
    "penyerahan.dokumen_salah_kotak",
    PHASE,
    Severity.RINGAN,
    "Kep. KPU 66/2024; Buku Panduan KPPS Pemilu 2024 hlm. 38",
    ("M48",),
    (),
    scored_by_default=False,
    confidence="L",
    severity_note="Which box holds the forms is unsettled (§15 item 12): a lapse of order only.",
    handbook="§10 step 6; §15 item 12 (packing map unsettled)",
)
NOT_UPLOADED = Rule(
    "penyerahan.sirekap_tidak_diunggah",
    PHASE,
    Severity.RINGAN,
    "Kep. KPU 66/2024",
    ("M47",),
    (),
    handbook="§10 step 3; §19.3",
)

RULES: tuple[Rule, ...] = (
    COPIES_NOT_GIVEN,
    FORMS_TAKEN_OUT,
    COPIES_OF_UNSIGNED,
    BOX_NOT_SEALED,
    BOX_NOT_PACKED,
    HANDED_OVER_LATE,
    NOT_HANDED_OVER,
    NOT_UPLOADED,
    LEFT_OUT,
    BALLOTS_IN_WRONG_BOX,
    WRONG_ENVELOPE,
    WRONG_BOX,
)


def required_recipients(world: World) -> tuple[Recipient, ...]:
    """Witnesses get copies only where witnesses took part."""
    has_witnesses = any(w.decision == "admitted" for w in world.witnesses.values())
    return tuple(r for r in RECIPIENTS if r != "saksi" or has_witnesses)


def apply(action: Action, judge: Judge) -> None:
    world = judge.world
    handover = world.handover
    if handover.handed_over_at is not None:
        raise IllegalAction("everything has been handed over already")
    if isinstance(action, HandOver):
        _hand_over(judge)
        return
    if isinstance(action, GiveCopies):
        if len(handover.copies_made) < len(world.boxes):
            raise IllegalAction("copies of every type must be made before they are handed out")
        if action.recipient not in handover.copies_given:
            handover.copies_given.append(action.recipient)
        return
    if isinstance(action, PutInEnvelope):
        _put_in_envelope(action, world)
        return
    if isinstance(action, PutInBox):
        _put_in_box(action, world)
        return
    if not isinstance(action, UploadSirekap | MakeCopies | SealBox):
        raise IllegalAction(f"{action.kind} is not a handover action")
    box = world.boxes.get(action.ballot)
    if box is None:
        raise IllegalAction(f"{action.kind}: no {action.ballot.value} box here")
    if isinstance(action, UploadSirekap):
        if box.ballot not in handover.sirekap_uploaded:
            handover.sirekap_uploaded.append(box.ballot)
    elif isinstance(action, MakeCopies):
        _make_copies(action, judge)
    else:
        box.sealed = True
        if not box.packed:
            judge.flag(BOX_NOT_PACKED, box.ballot.value)


def sealed_in(world: World, envelope: str | None) -> bool:
    """Whether ``envelope`` lies in a box that is already sealed (nothing goes in or out)."""
    box = world.handover.box_of.get(envelope) if envelope is not None else None
    return box is not None and world.boxes[box].sealed


def _put_in_envelope(action: PutInEnvelope, world: World) -> None:
    handover = world.handover
    if action.document not in world.packing.envelope_of:
        raise IllegalAction(f"put_in_envelope: no document {action.document!r} here")
    if action.envelope not in world.packing.box_of:
        raise IllegalAction(f"put_in_envelope: no envelope {action.envelope!r} here")
    if sealed_in(world, handover.envelope_of.get(action.document)):
        raise IllegalAction(f"{action.document} is in a box already sealed")
    if sealed_in(world, action.envelope):
        raise IllegalAction(f"{action.envelope} is in a box already sealed")
    handover.envelope_of[action.document] = action.envelope


def _put_in_box(action: PutInBox, world: World) -> None:
    handover = world.handover
    if action.envelope not in world.packing.box_of:
        raise IllegalAction(f"put_in_box: no envelope {action.envelope!r} here")
    box = world.boxes.get(action.box)
    if box is None:
        raise IllegalAction(f"put_in_box: no {action.box.value} box here")
    if box.sealed or sealed_in(world, action.envelope):
        raise IllegalAction(f"put_in_box: {action.envelope} into or out of a sealed box")
    before = handover.box_of.get(action.envelope)
    handover.box_of[action.envelope] = action.box
    box.packed = True
    if before is not None and before is not action.box:
        world.boxes[before].packed = any(b is before for b in handover.box_of.values())


def packed_box(world: World, document: str) -> BallotType | None:
    """The box a document went into (through its envelope); None while it is in none."""
    envelope = world.handover.envelope_of.get(document)
    return world.handover.box_of.get(envelope) if envelope is not None else None


def judge_packing(judge: Judge) -> None:
    """What left in the boxes, against the scenario's map (HANDBOOK §10 step 6)."""
    world = judge.world
    target = world.packing
    for document, envelope in target.envelope_of.items():
        found_envelope = world.handover.envelope_of.get(document)
        found_box = packed_box(world, document)
        if found_envelope is None or found_box is None:
            judge.flag(
                LEFT_OUT, document, expected_envelope=envelope,
                expected_box=target.box_for(document),
            )
            continue
        own_type = packing.ballots_of(document)
        if own_type is not None and found_box is not own_type:
            judge.flag(BALLOTS_IN_WRONG_BOX, document, box=found_box, expected_box=own_type)
        if found_envelope != envelope:
            judge.flag(
                WRONG_ENVELOPE, document, envelope=found_envelope, expected_envelope=envelope
            )
        if own_type is None and found_box is not target.box_for(document):
            judge.flag(
                WRONG_BOX, document, box=found_box, expected_box=target.box_for(document)
            )


def _make_copies(action: MakeCopies, judge: Judge) -> None:
    world = judge.world
    world.handover.copies_made[action.ballot] = action.place
    if action.place == "luar":
        judge.flag(FORMS_TAKEN_OUT, action.ballot.value)
    if not world.forms.signed.get(action.ballot, False):
        judge.flag(COPIES_OF_UNSIGNED, action.ballot.value)


def _hand_over(judge: Judge) -> None:
    world = judge.world
    world.handover.handed_over_at = world.clock
    judge_packing(judge)
    for box in world.boxes.values():
        if not box.sealed:
            judge.flag(BOX_NOT_SEALED, box.ballot.value)
    if world.clock > COUNTING_DEADLINE:
        judge.flag(HANDED_OVER_LATE, None, time=world.clock)


def finish(judge: Judge) -> None:
    world = judge.world
    handover = world.handover
    for recipient in required_recipients(world):
        if recipient not in handover.copies_given:
            judge.flag(COPIES_NOT_GIVEN, recipient)
    for ballot in world.boxes:
        if ballot not in handover.sirekap_uploaded:
            judge.flag(NOT_UPLOADED, ballot.value)
    if handover.handed_over_at is None:
        for box in world.boxes.values():
            if not box.sealed:
                judge.flag(BOX_NOT_SEALED, box.ballot.value)
        judge.flag(NOT_HANDED_OVER, None)


def duties(world: World) -> list[Duty]:
    """After the count (HANDBOOK §10 steps 3-8): per type, the plano sent through Sirekap,
    copied, packed and sealed; every document packed into a box; the copies handed out;
    everything handed to the PPS."""
    handover = world.handover
    found = [
        Duty(
            f"box:{ballot.value}",
            int(ballot in handover.sirekap_uploaded)
            + int(ballot in handover.copies_made)
            + int(box.packed)
            + int(box.sealed),
            4,
        )
        for ballot, box in world.boxes.items()
    ]
    documents = list(world.packing.envelope_of)
    packed = sum(packed_box(world, d) is not None for d in documents)
    found.append(Duty("packing", packed, len(documents)))
    found += [
        Duty(f"copies:{r}", int(r in handover.copies_given)) for r in required_recipients(world)
    ]
    found.append(Duty("handover", int(handover.handed_over_at is not None)))
    return found


def allowed(world: World) -> Sequence[Action]:
    handover = world.handover
    if handover.handed_over_at is not None:
        return []
    actions: list[Action] = []
    for ballot, box in world.boxes.items():
        if ballot not in handover.sirekap_uploaded:
            actions.append(UploadSirekap(ballot=ballot))
        if ballot not in handover.copies_made:
            actions += [MakeCopies(ballot=ballot), MakeCopies(ballot=ballot, place="luar")]
        if not box.sealed:
            actions.append(SealBox(ballot=ballot))
    actions += packing_moves(world)
    if len(handover.copies_made) == len(world.boxes):
        actions += [GiveCopies(recipient=r) for r in RECIPIENTS if r not in handover.copies_given]
    actions.append(HandOver())
    return actions


def packing_moves(world: World) -> list[Action]:
    """Every move of a document or an envelope not locked in a sealed box: each document into
    any other envelope that is not, each envelope into any other box not sealed."""
    handover = world.handover
    open_envelopes = [e for e in world.packing.box_of if not sealed_in(world, e)]
    moves: list[Action] = []
    for document in world.packing.envelope_of:
        now = handover.envelope_of.get(document)
        if sealed_in(world, now):
            continue
        moves += [PutInEnvelope(document=document, envelope=e) for e in open_envelopes if e != now]
    for envelope in open_envelopes:
        now_box = handover.box_of.get(envelope)
        moves += [
            PutInBox(envelope=envelope, box=ballot)
            for ballot, box in world.boxes.items()
            if ballot is not now_box and not box.sealed
        ]
    return moves
