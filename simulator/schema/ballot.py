"""A ballot as it comes out of the box: the chair's signature, the marks, anything written on it.

Marks name what they touch on the printed layout, never what they "mean": deciding whether a
ballot is valid, and for whom, is the engine's job (``simulator.core.validity``).

How a mark is placed on each layout (HANDBOOK §7):

- pair ballots (PPWP, Gubernur, Bupati, Walikota): ``{pair: 2}``, ``{kosong: true}`` for the empty
  column of a single-candidate race, ``{pair: 2, place: border}``,
  ``{pair: 1, place: between, neighbour: 2}`` on the line between two columns;
- DPD ballots: ``{candidate: 4}``, ``{candidate: 4, place: border}``,
  ``{candidate: 4, place: between, neighbour: 5}``;
- DPR and DPRD ballots: ``{party: 3}`` (the party column), ``{party: 3, candidate: 2}``,
  ``{party: 3, place: border}``, ``{party: 3, candidate: 2, place: border}``,
  ``{party: 3, candidate: 2, place: between, neighbour: 3}`` (between two candidates),
  ``{party: 3, place: blank_area}`` (the shaded area below the last candidate);
- any ballot: ``{place: outside}`` for a mark outside every column.

``mirror: true`` marks the second hole of a ballot punched while folded (*coblos tembus*).
"""

from __future__ import annotations

from enum import Enum

from pydantic import Field, model_validator

from simulator.schema.base import Authored, Bool, Int, ShortText
from simulator.schema.types import BallotType


class Place(str, Enum):
    INSIDE = "inside"
    BORDER = "border"  # exactly on the outer border line of one column/row
    BETWEEN = "between"  # on the line shared by two columns, or by two candidate rows
    BLANK_AREA = "blank_area"  # the shaded area inside a party box below the last candidate
    OUTSIDE = "outside"  # outside every column


class Tool(str, Enum):
    PAKU = "paku"  # the nail provided at the booth: the only valid way to mark
    PEN = "pen"
    BURN = "burn"  # a cigarette burn or the like
    OTHER = "other"


class Mark(Authored):
    """One mark on a ballot, located on the printed layout."""

    pair: Int | None = Field(None, ge=1, le=20, description="Nomor urut pasangan calon")
    kosong: Bool = Field(False, description="The empty column (kolom kosong) of a single-pair race")
    party: Int | None = Field(None, ge=1, le=99, description="Nomor urut partai (DPR/DPRD)")
    candidate: Int | None = Field(
        None, ge=1, le=99, description="Nomor urut calon (in a party box, or on a DPD ballot)"
    )
    place: Place = Field(Place.INSIDE, description="Where the mark sits relative to its column")
    neighbour: Int | None = Field(
        None, ge=1, le=99, description="With place=between: the other column or candidate number"
    )
    tool: Tool = Field(Tool.PAKU, description="What made the mark; only the nail is valid")
    mirror: Bool = Field(False, description="A mirror hole left by punching a folded ballot")

    @model_validator(mode="after")
    def _located_once(self) -> Mark:
        if self.place is Place.OUTSIDE:
            if self.pair or self.kosong or self.party or self.candidate or self.neighbour:
                raise ValueError("a mark outside every column names no column")
            return self
        if not (self.pair or self.kosong or self.party or self.candidate):
            raise ValueError("a mark must name a pair, kosong, a party or a candidate")
        if self.pair and self.kosong:
            raise ValueError("a mark is in a pair's column or in the empty column, not both")
        if (self.place is Place.BETWEEN) != (self.neighbour is not None):
            raise ValueError("'neighbour' goes with place: between, and only with it")
        if self.place is Place.BLANK_AREA and (self.party is None or self.candidate is not None):
            raise ValueError("place: blank_area names a party box and no candidate")
        return self


class Ballot(Authored):
    """One used ballot to be counted."""

    ballot: BallotType = Field(description="Jenis surat suara")
    marks: list[Mark] = Field(default_factory=list, max_length=20, description="Tanda coblos")
    signed: Bool = Field(True, description="Bears the KPPS chair's handwritten signature")
    writing: Bool = Field(False, description="Has writing or another note on it")
    damaged: Bool = Field(False, description="Deliberately torn or perforated by the voter")
    district: ShortText | None = Field(
        None,
        description="The electoral district printed on it, when it differs from this TPS's "
        "(surat suara tertukar)",
    )
    note: ShortText | None = Field(None, description="A remark for the trainer; not shown in play")

