"""Seeded generation of used ballots for the count (HANDBOOK §7).

Each ballot is drawn in three steps: whom the voter meant (by ``BallotGenerator.weights``, and
``kosong`` for the empty column of a single-pair race); whether the ballot is spoiled
(``invalid`` percent: two columns or parties, a mark outside, no mark, a pen, writing, damage,
the line between two columns, a punch-through into another column); and, if not, whether it
is a valid but odd variant (``tricky`` percent of the valid ones: V2-V4, K1 on the border or
with several marks, D3-D15, W2-W3). Unsigned ballots are never drawn here: signing belongs to
the voting phase.

This module writes down, for every ballot it draws, the verdict it *intends*
(:func:`draw_with_verdict`). It is a second, independent coding of the rules in
:mod:`simulator.core.validity`; the tests check that the two always agree.

Only the ``random.Random`` passed in is used, so the same stream state gives the same ballots.
Generated ballots are always this TPS's own (no ``district``): a ballot from another district
is a logistics situation a scenario describes, not a voter's choice.

Weights: an empty ``weights`` gives every participant weight 1; otherwise a participant it
does not name has weight 0. The empty column weighs ``kosong`` (0 by default), so with an
empty ``weights`` the pair weighs 1 against it: set both for a chosen split. Naming a number
that is not standing, or leaving every weight at 0, is an error.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Final, Protocol

from simulator.core.domain import LAYOUT_OF
from simulator.core.targets import KOSONG, Target, TargetKind
from simulator.core.validity import Code, Verdict
from simulator.schema.ballot import Ballot, Mark, Place, Tool
from simulator.schema.scenario import (
    BallotGenerator,
    CandidateStatus,
    Contest,
    Districts,
    PartySlate,
)
from simulator.schema.types import BallotType, Layout

CANDIDATE_SHARE: Final = 0.6  # of party-list votes, the share marked for a candidate
_BAD_TOOLS: Final = (Tool.PEN, Tool.BURN, Tool.OTHER)
_OUTSIDE: Final = Mark(place=Place.OUTSIDE)


@dataclass(frozen=True, slots=True)
class DrawnBallot:
    """A generated ballot and the verdict the generator meant it to get."""

    ballot: Ballot
    intended: Verdict


@dataclass(frozen=True, slots=True)
class _Plan:
    """The marks of one ballot and what they are meant to be worth."""

    marks: tuple[Mark, ...]
    code: Code
    target: Target | None = None
    writing: bool = False
    damaged: bool = False
    punch_through: bool = False

    def verdict(self) -> Verdict:
        return Verdict(
            valid=self.target is not None,
            target=self.target,
            code=self.code,
            punch_through=self.punch_through,
        )


# --- Public API ------------------------------------------------------------------------------


def draw_ballot(
    rng: random.Random, contest: Contest, spec: BallotGenerator, districts: Districts
) -> Ballot:
    """One used ballot of ``contest``, drawn from ``rng`` as ``spec`` asks."""
    return draw_with_verdict(rng, contest, spec, districts).ballot


def draw_ballots(
    rng: random.Random,
    contest: Contest,
    spec: BallotGenerator,
    districts: Districts,
    count: int,
) -> list[Ballot]:
    """``count`` used ballots, the same as ``count`` calls of :func:`draw_ballot`."""
    drawer = _drawer(contest, spec)
    return [_ballot(_plan(rng, drawer, spec), contest.ballot) for _ in range(count)]


def draw_with_verdict(
    rng: random.Random, contest: Contest, spec: BallotGenerator, districts: Districts
) -> DrawnBallot:
    """One used ballot together with the verdict it is meant to get under HANDBOOK §7.

    ``districts`` is accepted for symmetry with :func:`~simulator.core.validity.judge`;
    generated ballots always carry this TPS's own district.
    """
    plan = _plan(rng, _drawer(contest, spec), spec)
    return DrawnBallot(ballot=_ballot(plan, contest.ballot), intended=plan.verdict())


def _plan(rng: random.Random, drawer: _Drawer, spec: BallotGenerator) -> _Plan:
    choice = drawer.choose(rng)
    if rng.random() * 100 < spec.invalid:
        return _spoiled(rng, drawer, choice)
    if rng.random() * 100 < spec.tricky:
        return drawer.tricky(rng, choice)
    return drawer.plain(rng, choice)


def _ballot(plan: _Plan, ballot_type: BallotType) -> Ballot:
    return Ballot(
        ballot=ballot_type, marks=list(plan.marks), writing=plan.writing, damaged=plan.damaged
    )


# --- Marks ----------------------------------------------------------------------------------


class _Marks:
    """The marks made so far for one contest: a Mark is immutable, so one serves every ballot.

    Building a Mark runs its validator; reusing marks saves that work on every ballot. The memo
    belongs to a drawer, which lives for one call, so no state outlives the call.
    """

    def __init__(self) -> None:
        self._made: dict[tuple[object, ...], Mark] = {}

    def get(
        self,
        *,
        pair: int | None = None,
        kosong: bool = False,
        party: int | None = None,
        candidate: int | None = None,
        place: Place = Place.INSIDE,
        neighbour: int | None = None,
        mirror: bool = False,
    ) -> Mark:
        key = (pair, kosong, party, candidate, place, neighbour, mirror)
        mark = self._made.get(key)
        if mark is None:
            mark = Mark(
                pair=pair,
                kosong=kosong,
                party=party,
                candidate=candidate,
                place=place,
                neighbour=neighbour,
                mirror=mirror,
            )
            self._made[key] = mark
        return mark

    def column(self, choice: Target, place: Place = Place.INSIDE) -> Mark:
        """A mark in the pair, empty or DPD column ``choice`` names."""
        if choice.kind is TargetKind.KOSONG:
            return self.get(kosong=True, place=place)
        if choice.kind is TargetKind.CANDIDATE:
            return self.get(candidate=choice.number, place=place)
        return self.get(pair=choice.number, place=place)


# --- Weighted choice of whom the voter meant -------------------------------------------------


class _Drawer(Protocol):
    def choose(self, rng: random.Random) -> Target: ...
    def plain(self, rng: random.Random, choice: Target) -> _Plan: ...
    def tricky(self, rng: random.Random, choice: Target) -> _Plan: ...
    def spoiled(self, rng: random.Random, choice: Target) -> _Plan | None: ...


@dataclass(frozen=True, slots=True)
class _Weighted:
    options: tuple[Target, ...]
    cumulative: tuple[int, ...]

    @classmethod
    def of(
        cls, contest: Contest, spec: BallotGenerator, numbered: Sequence[tuple[int, Target]]
    ) -> _Weighted:
        numbers = {number for number, target in numbered if target != KOSONG}
        unknown = sorted(set(spec.weights) - numbers)
        if unknown:
            raise GeneratorError("unknown_weight", number=unknown[0])
        weights = [spec.weights.get(n, 0) if spec.weights else 1 for n, _ in numbered]
        options = [target for _, target in numbered]
        if KOSONG in options:
            weights[options.index(KOSONG)] = spec.kosong
        if not any(weights):
            raise GeneratorError("no_one_to_vote_for")
        return cls(tuple(options), tuple(accumulate(weights)))

    def pick(self, rng: random.Random) -> Target:
        # What rng.choices(cum_weights=...) does, without its per-call set-up.
        return self.options[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


# --- Spoiled ballots common to every layout (§7.2) --------------------------------------------


def _spoiled(rng: random.Random, drawer: _Drawer, choice: Target) -> _Plan:
    """An invalid ballot: one of the general kinds, or one the layout adds."""
    kind = rng.randrange(6)
    if kind == 5:
        special = drawer.spoiled(rng, choice)
        if special is not None:
            return special
        kind = rng.randrange(5)
    marks = drawer.plain(rng, choice).marks
    if kind == 0:
        return _Plan(marks=(), code=Code.G4_NO_MARK)
    if kind == 1:
        return _Plan(marks=marks, code=Code.G3_WRITING, writing=True)
    if kind == 2:
        return _Plan(marks=marks, code=Code.G5_DAMAGED, damaged=True)
    if kind == 3:
        return _Plan(marks=_with_bad_tool(rng, marks), code=Code.G2_TOOL)
    outside = (*marks, _OUTSIDE) if rng.random() < 0.5 else (_OUTSIDE,)
    return _Plan(marks=outside, code=Code.G6_OUTSIDE)


def _with_bad_tool(rng: random.Random, marks: tuple[Mark, ...]) -> tuple[Mark, ...]:
    """The same marks with one of them made by a pen, a burn or the like (G2)."""
    spoilt = rng.randrange(len(marks))
    tool = rng.choice(_BAD_TOOLS)
    return tuple(
        m.model_copy(update={"tool": tool}) if i == spoilt else m for i, m in enumerate(marks)
    )


# --- Pair ballots: PPWP, Gubernur, Bupati, Walikota (§7.3, §7.6) ------------------------------


class _PairDrawer:
    def __init__(self, contest: Contest, spec: BallotGenerator) -> None:
        numbers = sorted(pair.number for pair in contest.pairs)
        if not numbers:
            raise GeneratorError("nobody_standing")
        numbered = [(n, Target.pair(n)) for n in numbers]
        if len(numbers) == 1:  # calon tunggal: the empty column is printed beside the pair
            numbered.append((0, KOSONG))
        self.numbers = numbers
        self.weighted = _Weighted.of(contest, spec, numbered)
        self.punch_through = contest.ballot is BallotType.PPWP  # V4 is settled for PPWP only
        self.marks = _Marks()

    def choose(self, rng: random.Random) -> Target:
        return self.weighted.pick(rng)

    def plain(self, rng: random.Random, choice: Target) -> _Plan:
        code = Code.K1 if choice.kind is TargetKind.KOSONG else Code.V1
        return _Plan(marks=(self.marks.column(choice),), code=code, target=choice)

    def tricky(self, rng: random.Random, choice: Target) -> _Plan:
        several = tuple(self.marks.column(choice) for _ in range(rng.randint(2, 3)))
        border = (self.marks.column(choice, Place.BORDER),)
        if choice.kind is TargetKind.KOSONG:
            return _Plan(marks=rng.choice((several, border)), code=Code.K1, target=choice)
        variants = [(several, Code.V2), (border, Code.V3)]
        if self.punch_through:
            variants.append((self._folded(rng, choice), Code.V4))
        marks, code = rng.choice(variants)
        return _Plan(marks=marks, code=code, target=choice, punch_through=code is Code.V4)

    def _folded(self, rng: random.Random, choice: Target) -> tuple[Mark, ...]:
        """A punch in the column and its mirror hole in the margin or the same column (V4)."""
        real = self.marks.column(choice, rng.choice((Place.INSIDE, Place.BORDER)))
        if rng.random() < 0.5:
            return (real, self.marks.get(place=Place.OUTSIDE, mirror=True))
        return (real, self.marks.get(pair=choice.number, mirror=True))

    def spoiled(self, rng: random.Random, choice: Target) -> _Plan | None:
        if len(self.numbers) == 1:
            (only,) = self.numbers
            if rng.random() < 0.5:
                both = (self.marks.get(pair=only), self.marks.get(kosong=True))
                return _Plan(marks=both, code=Code.KOSONG_AND_PAIR)
            line = self.marks.get(kosong=True, place=Place.BETWEEN, neighbour=only)
            return _Plan(marks=(line,), code=Code.BETWEEN_COLUMNS)
        assert choice.number is not None
        other = rng.choice([n for n in self.numbers if n != choice.number])
        kinds = [
            _Plan(
                marks=(self.marks.column(choice), self.marks.get(pair=other)),
                code=Code.MULTI_COLUMN,
            ),
            _Plan(
                marks=(self.marks.get(pair=choice.number, place=Place.BETWEEN, neighbour=other),),
                code=Code.BETWEEN_COLUMNS,
            ),
        ]
        if self.punch_through:
            mirrored = (self.marks.column(choice), self.marks.get(pair=other, mirror=True))
            kinds.append(
                _Plan(marks=mirrored, code=Code.MIRROR_IN_OTHER_COLUMN, punch_through=True)
            )
        return rng.choice(kinds)


def _number(target: Target) -> int:
    assert target.number is not None, f"{target} names no column"
    return target.number


# --- DPD ballot (§7.5) -------------------------------------------------------------------------


class _DpdDrawer:
    def __init__(self, contest: Contest, spec: BallotGenerator) -> None:
        self.numbers = sorted(candidate.number for candidate in contest.candidates)
        if not self.numbers:
            raise GeneratorError("nobody_standing")
        numbered = [(n, Target.dpd(n)) for n in self.numbers]
        self.weighted = _Weighted.of(contest, spec, numbered)
        self.marks = _Marks()

    def choose(self, rng: random.Random) -> Target:
        return self.weighted.pick(rng)

    def plain(self, rng: random.Random, choice: Target) -> _Plan:
        return _Plan(marks=(self.marks.column(choice),), code=Code.W1, target=choice)

    def tricky(self, rng: random.Random, choice: Target) -> _Plan:
        if rng.random() < 0.5:
            several = tuple(self.marks.column(choice) for _ in range(rng.randint(2, 3)))
            return _Plan(marks=several, code=Code.W2, target=choice)
        return _Plan(marks=(self.marks.column(choice, Place.BORDER),), code=Code.W3, target=choice)

    def spoiled(self, rng: random.Random, choice: Target) -> _Plan | None:
        if len(self.numbers) == 1:
            return None
        other = rng.choice([n for n in self.numbers if n != choice.number])
        if rng.random() < 0.5:
            both = (self.marks.column(choice), self.marks.get(candidate=other))
            return _Plan(marks=both, code=Code.MULTI_COLUMN)
        line = self.marks.get(candidate=choice.number, place=Place.BETWEEN, neighbour=other)
        return _Plan(marks=(line,), code=Code.BETWEEN_COLUMNS)


# --- DPR and DPRD ballots (§7.4) ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Box:
    """One party box as printed: who is still qualified and who was announced TMS."""

    party: int
    qualified: tuple[int, ...]
    tms: tuple[int, ...]
    printed: tuple[int, ...]  # every candidate number, in printed order
    marks: _Marks

    @classmethod
    def of(cls, slate: PartySlate, marks: _Marks) -> _Box:
        ordered = sorted(slate.candidates, key=lambda c: c.number)
        return cls(
            party=slate.party,
            qualified=tuple(c.number for c in ordered if c.status is CandidateStatus.AKTIF),
            tms=tuple(c.number for c in ordered if c.status is CandidateStatus.TMS),
            printed=tuple(c.number for c in ordered),
            marks=marks,
        )

    def logo(self, place: Place = Place.INSIDE) -> Mark:
        return self.marks.get(party=self.party, place=place)

    def row(self, candidate: int, place: Place = Place.INSIDE) -> Mark:
        return self.marks.get(party=self.party, candidate=candidate, place=place)

    def between(self, upper: int, lower: int) -> Mark:
        return self.marks.get(
            party=self.party, candidate=upper, place=Place.BETWEEN, neighbour=lower
        )

    def blank(self) -> Mark:
        return self.marks.get(party=self.party, place=Place.BLANK_AREA)


class _PartyDrawer:
    def __init__(self, contest: Contest, spec: BallotGenerator) -> None:
        marks = _Marks()
        self.boxes = {slate.party: _Box.of(slate, marks) for slate in contest.slates}
        if not self.boxes:
            raise GeneratorError("nobody_standing")
        numbered = [(n, Target.party(n)) for n in sorted(self.boxes)]
        self.weighted = _Weighted.of(contest, spec, numbered)

    def choose(self, rng: random.Random) -> Target:
        party = self.weighted.pick(rng)
        box = self.boxes[_number(party)]
        if box.qualified and rng.random() < CANDIDATE_SHARE:
            return Target.party(box.party, rng.choice(box.qualified))
        return party

    def plain(self, rng: random.Random, choice: Target) -> _Plan:
        box = self.boxes[_number(choice)]
        if choice.candidate is not None:
            return _Plan(marks=(box.row(choice.candidate),), code=Code.D2, target=choice)
        code = Code.D1 if box.printed else Code.D16
        return _Plan(marks=(box.logo(),), code=code, target=choice)

    def tricky(self, rng: random.Random, choice: Target) -> _Plan:
        box = self.boxes[_number(choice)]
        if choice.candidate is not None:
            marks, code = rng.choice(_for_candidate(box, choice.candidate))
        elif not box.printed:  # a party with no candidates on this ballot
            marks, code = (rng.choice((box.logo(Place.BORDER), box.blank())),), Code.D16
        else:
            marks, code = rng.choice(_for_party(rng, box))
        return _Plan(marks=marks, code=code, target=choice)

    def spoiled(self, rng: random.Random, choice: Target) -> _Plan | None:
        others = [n for n in self.boxes if n != _number(choice)]
        if not others:
            return None
        other = self.boxes[rng.choice(others)]
        elsewhere = other.row(rng.choice(other.printed)) if other.printed else other.logo()
        theirs = rng.choice((other.logo(), elsewhere))
        return _Plan(marks=(*self.plain(rng, choice).marks, theirs), code=Code.MULTI_PARTY)


_Variant = tuple[tuple[Mark, ...], Code]


def _for_candidate(box: _Box, candidate: int) -> list[_Variant]:
    """The odd ways to vote validly for one qualified candidate (D3, D7, D9, D13, D15)."""
    row = box.row(candidate)
    variants: list[_Variant] = [
        ((box.logo(), row), Code.D3),
        ((row, row), Code.D7),
        ((box.row(candidate, Place.BORDER),), Code.D9),
        ((row, box.blank()), Code.D15),
    ]
    variants.extend(((box.row(tms), row), Code.D13) for tms in box.tms[:1])
    return variants


def _for_party(rng: random.Random, box: _Box) -> list[_Variant]:
    """The odd ways to vote validly for the party only (D4-D6, D8, D10-D12, D14)."""
    variants: list[_Variant] = [
        ((box.logo(), box.logo()), Code.D6),
        ((box.logo(Place.BORDER),), Code.D8),
        ((box.blank(),), Code.D14),
    ]
    if len(box.qualified) >= 2:
        two = tuple(box.row(n) for n in rng.sample(box.qualified, 2))
        variants += [((box.logo(), *two), Code.D4), (two, Code.D5)]
    if len(box.printed) >= 2:
        i = rng.randrange(len(box.printed) - 1)
        upper, lower = box.printed[i], box.printed[i + 1]
        variants.append(((box.between(upper, lower),), Code.D10))
    if box.tms:
        tms = box.row(rng.choice(box.tms))
        variants += [((tms,), Code.D11), ((box.logo(), tms), Code.D12)]
    return variants


# --- Layout dispatch ---------------------------------------------------------------------------


class GeneratorError(ValueError):
    """A ballot generator that cannot draw a ballot for its contest: ``code`` says why (a
    ``lint.ballots.*`` message), ``params`` fill it in."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(f"{code} {params}")
        self.code = code
        self.params = params


def generator_problem(contest: Contest, spec: BallotGenerator) -> GeneratorError | None:
    """Why ``spec`` could not draw ballots (or voters' votes) for ``contest``, if it could
    not: the check ``validate`` makes, by the engine's own drawing."""
    try:
        _drawer(contest, spec)
    except GeneratorError as problem:
        return problem
    return None


def _drawer(contest: Contest, spec: BallotGenerator) -> _Drawer:
    layout = LAYOUT_OF[contest.ballot]
    if layout is Layout.PAIR:
        return _PairDrawer(contest, spec)
    if layout is Layout.INDIVIDUAL:
        return _DpdDrawer(contest, spec)
    return _PartyDrawer(contest, spec)
