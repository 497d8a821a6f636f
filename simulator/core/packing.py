"""What is packed where after the count: documents into envelopes, envelopes into boxes.

HANDBOOK §10 step 6: per ballot type, the used ballots (valid, bundled by participant, and
invalid), the returned damaged and the crossed-out unused ones go into their envelopes or
bags; the result documents (C.Hasil plano, attendance lists, C.Kejadian Khusus forms, used
C.Pemberitahuan and Model A) into theirs; everything into the box of its type. Which envelope
holds which document, and which box holds the forms, was not found in a primary text (§15
item 12), so the map is scenario data (``Scenario.packing``) over the default built here.

Ids: a document or envelope of one ballot type is ``<kind>.<type>`` ("c_hasil.ppwp",
"sampul_sisa.dpr"); a shared one is its kind alone ("c_daftar_hadir", "sampul_dokumen").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from simulator.core.domain import BALLOT_ORDER
from simulator.schema.scenario import Scenario
from simulator.schema.types import BallotType, ElectionType

# Documents of each ballot type, in the order the screen lists them: the type's used ballots
# (from the count), its unused and returned damaged ballots (counted at the closing, §6), and
# its C.Hasil plano.
TYPE_DOCUMENTS: tuple[str, ...] = ("surat_suara", "surat_suara_sisa", "c_hasil")
# Ballots: the only documents whose box the handbook settles (the box of their own type).
BALLOT_DOCUMENTS: frozenset[str] = frozenset({"surat_suara", "surat_suara_sisa"})
# The TPS's documents of every type: attendance lists (DPT, DPTb, DPK), the special events
# and objections form, the used voter notices, the transfer letters (Model A).
SHARED_DOCUMENTS: tuple[str, ...] = (
    "c_daftar_hadir",
    "c_kejadian_khusus",
    "c_pemberitahuan",
    "model_a",
)
TYPE_ENVELOPES: tuple[str, ...] = ("sampul_surat_suara", "sampul_sisa", "sampul_c_hasil")
SHARED_ENVELOPES: tuple[str, ...] = ("sampul_dokumen",)
# The default envelope of each kind of document (a shared document: the shared envelope).
DEFAULT_ENVELOPE: dict[str, str] = {
    "surat_suara": "sampul_surat_suara",
    "surat_suara_sisa": "sampul_sisa",
    "c_hasil": "sampul_c_hasil",
}


def split(item: str) -> tuple[str, BallotType | None]:
    """A document's or envelope's kind and ballot type ("c_hasil.ppwp" → c_hasil, PPWP)."""
    kind, _, ballot = item.partition(".")
    return kind, BallotType(ballot) if ballot else None


def in_order(types: Sequence[BallotType], election: ElectionType) -> tuple[BallotType, ...]:
    """The scenario's ballot types in the order of the day (PPWP first; Gubernur first)."""
    order = BALLOT_ORDER[election]
    return tuple(sorted(types, key=lambda t: order.index(t) if t in order else len(order)))


def documents(types: Sequence[BallotType]) -> tuple[str, ...]:
    """Every document to pack at a TPS with these ballot types: each type's, then shared."""
    per_type = tuple(f"{kind}.{t.value}" for t in types for kind in TYPE_DOCUMENTS)
    return per_type + SHARED_DOCUMENTS


def envelopes(types: Sequence[BallotType]) -> tuple[str, ...]:
    """Every envelope at a TPS with these ballot types: each type's, then shared."""
    per_type = tuple(f"{kind}.{t.value}" for t in types for kind in TYPE_ENVELOPES)
    return per_type + SHARED_ENVELOPES


def ballots_of(document: str) -> BallotType | None:
    """The ballot type a bundle of ballots belongs to; None for a form or a shared document."""
    kind, ballot = split(document)
    return ballot if kind in BALLOT_DOCUMENTS else None


@dataclass(frozen=True, slots=True)
class PackingMap:
    """Where each document belongs: its envelope, and the box each envelope goes into."""

    envelope_of: dict[str, str]
    box_of: dict[str, BallotType]

    def box_for(self, document: str) -> BallotType:
        return self.box_of[self.envelope_of[document]]


def default_map(types: Sequence[BallotType], election: ElectionType) -> PackingMap:
    """Each type's documents in that type's envelopes, in that type's box; the shared
    documents in the shared envelope, in the box of the first type of the day."""
    ordered = in_order(types, election)
    envelope_of: dict[str, str] = {}
    for document in documents(ordered):
        kind, ballot = split(document)
        if ballot is None:
            envelope_of[document] = SHARED_ENVELOPES[0]
        else:
            envelope_of[document] = f"{DEFAULT_ENVELOPE[kind]}.{ballot.value}"
    box_of: dict[str, BallotType] = {}
    for envelope in envelopes(ordered):
        _, ballot = split(envelope)
        box_of[envelope] = ballot if ballot is not None else ordered[0]
    return PackingMap(envelope_of, box_of)


def scenario_map(scenario: Scenario) -> PackingMap:
    """The default map with the scenario's overrides. The content lint has checked every id
    the scenario names (an unknown one here is a programmer error)."""
    base = default_map(scenario.ballot_types, scenario.election)
    known_envelopes = set(base.box_of)
    for document, envelope in scenario.packing.envelopes.items():
        if document not in base.envelope_of or envelope not in known_envelopes:
            raise ValueError(f"packing: {document!r} -> {envelope!r} names an unknown id")
    for envelope in scenario.packing.boxes:
        if envelope not in known_envelopes:
            raise ValueError(f"packing: unknown envelope {envelope!r}")
    return PackingMap(
        {**base.envelope_of, **scenario.packing.envelopes},
        {**base.box_of, **scenario.packing.boxes},
    )
