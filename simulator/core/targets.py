"""What one ballot counts for, written one way everywhere (HANDBOOK §7.7, §8.1).

A *target* is a row of the C.Hasil plano. Action logs, tallies and the counting scene all
write it in one canonical text form:

- ``pair:2``: pair number 2 (PPWP, Gubernur, Bupati or Walikota ballot);
- ``kosong``: the empty column (*kolom kosong*) of a single-pair Pilkada race, a **valid** vote;
- ``cand:4``: DPD candidate number 4;
- ``party:3``: a vote for party 3 only (DPR/DPRD);
- ``party:3/cand:2``: a vote for candidate 2 of party 3, which also counts in the party's total;
- ``invalid``: *tidak sah*.

Numbers are written without leading zeros, so ``str(parse_target(text)) == text`` for every
canonical text and ``parse_target(str(target)) == target`` for every target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from operator import attrgetter
from typing import Final

from simulator.core.domain import LAYOUT_OF
from simulator.schema.scenario import Contest
from simulator.schema.types import Layout

MAX_NUMBER: Final = 99  # the largest nomor urut any schema field allows

_by_number = attrgetter("number")


class TargetKind(str, Enum):
    PAIR = "pair"
    KOSONG = "kosong"
    CANDIDATE = "cand"  # a DPD candidate
    PARTY = "party"  # a DPR/DPRD party; with ``candidate`` set, one of its candidates
    INVALID = "invalid"

    def __str__(self) -> str:
        return str(self.value)


_NUMBERED: Final = frozenset({TargetKind.PAIR, TargetKind.CANDIDATE, TargetKind.PARTY})

_NUMBER = r"([1-9][0-9]?)"
_PATTERN: Final = re.compile(
    rf"pair:{_NUMBER}|kosong|cand:{_NUMBER}|party:{_NUMBER}(?:/cand:{_NUMBER})?|invalid"
)


@dataclass(frozen=True, slots=True)
class Target:
    """One row of the C.Hasil: whom a ballot counts for, or ``invalid``.

    ``number`` is the pair, DPD candidate or party number; ``candidate`` is set only for a
    vote for a candidate of a party (``party:3/cand:2``).
    """

    kind: TargetKind
    number: int | None = None
    candidate: int | None = None

    def __post_init__(self) -> None:
        if self.kind in _NUMBERED:
            _check_number("number", self.number, self)
        elif self.number is not None:
            raise ValueError(f"{self.kind.value!r} takes no number, got {self.number!r}")
        if self.candidate is not None:
            if self.kind is not TargetKind.PARTY:
                raise ValueError(f"only a party target names a candidate, got {self!r}")
            _check_number("candidate", self.candidate, self)

    def __str__(self) -> str:
        if self.kind is TargetKind.PARTY and self.candidate is not None:
            return f"party:{self.number}/cand:{self.candidate}"
        if self.kind in _NUMBERED:
            return f"{self.kind.value}:{self.number}"
        return self.kind.value

    @classmethod
    def pair(cls, number: int) -> Target:
        return cls(TargetKind.PAIR, number)

    @classmethod
    def dpd(cls, number: int) -> Target:
        return cls(TargetKind.CANDIDATE, number)

    @classmethod
    def party(cls, number: int, candidate: int | None = None) -> Target:
        return cls(TargetKind.PARTY, number, candidate)

    @property
    def is_valid(self) -> bool:
        return self.kind is not TargetKind.INVALID

    def party_only(self) -> Target:
        """The party row this vote also counts in (``party:3/cand:2`` → ``party:3``)."""
        if self.kind is not TargetKind.PARTY:
            raise ValueError(f"{self} is not a vote on a party-list ballot")
        return Target.party(self._number)

    @property
    def _number(self) -> int:
        assert self.number is not None, "checked in __post_init__"
        return self.number

    def label(self) -> tuple[str, dict[str, int]]:
        """The i18n key and parameters that name this row (``validity.target.*``)."""
        if self.kind is TargetKind.PARTY and self.candidate is not None:
            params = {"party": self._number, "candidate": self.candidate}
            return "validity.target.party_cand", params
        if self.kind in _NUMBERED:
            return f"validity.target.{self.kind.value}", {"number": self._number}
        return f"validity.target.{self.kind.value}", {}


def _check_number(field: str, value: object, target: Target) -> None:
    if type(value) is not int or not 1 <= value <= MAX_NUMBER:
        raise ValueError(
            f"{target.kind.value!r} needs a {field} from 1 to {MAX_NUMBER}, got {value!r}"
        )


KOSONG: Final = Target(TargetKind.KOSONG)
INVALID: Final = Target(TargetKind.INVALID)


def parse_target(text: str) -> Target:
    """The target written as ``text`` in the canonical form; ``ValueError`` otherwise."""
    match = _PATTERN.fullmatch(text)
    if match is None:
        raise ValueError(
            f"not a vote target: {text!r} (expected pair:N, kosong, cand:N, party:N, "
            "party:N/cand:M or invalid, numbers without leading zeros)"
        )
    pair, dpd, party, candidate = (int(g) if g else None for g in match.groups())
    if pair is not None:
        return Target.pair(pair)
    if dpd is not None:
        return Target.dpd(dpd)
    if party is not None:
        return Target.party(party, candidate)
    return KOSONG if text == "kosong" else INVALID


def all_targets(contest: Contest) -> tuple[Target, ...]:
    """The C.Hasil rows of ``contest`` in printed order (by nomor urut), ``invalid`` excluded.

    Pair ballots list the pairs, then ``kosong`` when exactly one pair stands. Party-list
    ballots list each party followed by every candidate printed in its box, including a
    candidate announced as TMS (their row stays on the form; votes on it go to the party).
    """
    layout = LAYOUT_OF[contest.ballot]
    if layout is Layout.PAIR:
        pairs = tuple(Target.pair(p.number) for p in sorted(contest.pairs, key=_by_number))
        return (*pairs, KOSONG) if len(pairs) == 1 else pairs
    if layout is Layout.INDIVIDUAL:
        return tuple(Target.dpd(c.number) for c in sorted(contest.candidates, key=_by_number))
    rows: list[Target] = []
    for slate in sorted(contest.slates, key=lambda s: s.party):
        rows.append(Target.party(slate.party))
        candidates = sorted(slate.candidates, key=_by_number)
        rows.extend(Target.party(slate.party, c.number) for c in candidates)
    return tuple(rows)
