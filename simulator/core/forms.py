"""The C.Hasil result form as data, its reconciliation identities, and form-filling mistakes.

One :class:`ResultForm` per ballot type holds the cells of the C.Hasil plano (HANDBOOK §8.1).
Every cell starts *unfilled* (``None``) because the trainee fills it in. :func:`expected_form`
builds the correctly filled form from the ground truth of the day (:class:`DayFigures`);
:func:`check_identities` checks R1–R10 of HANDBOOK §8.2 on any form, :func:`check_received`
the logistics check R11; :func:`diagnose` names the MISTAKES.md patterns (M38–M42) in what a
trainee entered, compared with the expected form.

Field ids
---------
A cell is addressed by a short **field id**. Field ids appear in action logs
(``EnterFigure(ballot="dpr", field="II.2", value=3)``), so they are a file format::

    field_id := "I." row "." column          section I, e.g. I.A1.men, I.B4.total
              | "II." ("1" | "2" | "3" | "4")  use of ballots: received, returned, unused, used
              | "III." ("registered" | "voted")     voters with disabilities
              | "IV." row_key                  votes, e.g. IV.pair:2, IV.party:3/cand:2
              | "V." ("valid" | "invalid" | "total")
    row      := ("A" | "B") ("1" | "2" | "3" | "4")     A = registered, B = voted;
                                                        1 DPT, 2 DPTb, 3 DPK, 4 total
    column   := "men" | "women" | "total"
    row_key  := target | "party:" N "/total"
    target   := "pair:" N | "kosong" | "cand:" N | "party:" N | "party:" N "/cand:" N

``target`` is the canonical vote-target text used across the project (``core.targets``);
``party:N/total`` is the per-party total row of a DPR/DPRD form (party-only votes plus the
party's candidates). Numbers are written without leading zeros. :func:`field_ids` lists the
cells of a form in printed order.

Messages
--------
The core never returns display text. An :class:`IdentityFailure` or :class:`FormMistake`
carries message keys (``forms.identity.R5.title``) and the figures as parameters;
:func:`field_label` gives the keys that name a cell (``forms.field.II.4``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from simulator.core.domain import LAYOUT_OF, expected_ballots, reserve
from simulator.core.targets import all_targets
from simulator.schema.scenario import Contest, PartySlate, SexCount
from simulator.schema.types import BallotType, ElectionType, Layout

__all__ = [
    "COLUMNS",
    "IDENTITY_CHECKS",
    "KOSONG",
    "MISTAKE_IDS",
    "DayFigures",
    "FormMistake",
    "Headcount",
    "IdentityFailure",
    "LabelRef",
    "ResultForm",
    "SexRow",
    "UnknownField",
    "check_identities",
    "check_received",
    "diagnose",
    "expected_form",
    "expected_received",
    "field_ids",
    "field_label",
    "missing_fields",
    "reserve",
    "row_keys",
    "solve_cell",
    "vote_targets",
]

# --- Targets and rows -----------------------------------------------------------------------

KOSONG: Final = "kosong"
COLUMNS: Final = ("men", "women", "total")
_ROW_NUMBERS: Final = ("1", "2", "3", "4")


def _party(number: int) -> str:
    return f"party:{number}"


def _party_candidate(party: int, candidate: int) -> str:
    return f"party:{party}/cand:{candidate}"


def _party_total(party: int) -> str:
    return f"party:{party}/total"


@dataclass(frozen=True, slots=True)
class _PartyRows:
    """The section IV rows of one party box: party-only, its candidates, the party total."""

    number: int
    party_only: str
    candidates: tuple[str, ...]
    total: str


def _slates(contest: Contest) -> list[PartySlate]:
    return sorted(contest.slates, key=lambda slate: slate.party)


def _party_rows(contest: Contest) -> list[_PartyRows]:
    return [
        _PartyRows(
            number=slate.party,
            party_only=_party(slate.party),
            candidates=tuple(
                _party_candidate(slate.party, c.number)
                for c in sorted(slate.candidates, key=lambda c: c.number)
            ),
            total=_party_total(slate.party),
        )
        for slate in _slates(contest)
    ]


def _is_party_list(contest: Contest) -> bool:
    return LAYOUT_OF[contest.ballot] is Layout.PARTY_LIST


def vote_targets(contest: Contest) -> tuple[str, ...]:
    """What a valid ballot of ``contest`` can count for, in printed order (no total rows).

    Pair ballots list the pairs by number, then ``kosong`` when exactly one pair stands (a
    single-candidate race). DPD ballots list the candidates; party-list ballots list each party
    followed by its candidates.
    """
    return tuple(str(target) for target in all_targets(contest))


def row_keys(contest: Contest) -> tuple[str, ...]:
    """The section IV rows of ``contest`` in printed order, party totals included."""
    if not _is_party_list(contest):
        return vote_targets(contest)
    return tuple(
        key
        for rows in _party_rows(contest)
        for key in (rows.party_only, *rows.candidates, rows.total)
    )


# --- The form ------------------------------------------------------------------------------


class UnknownField(KeyError):
    """A field id that names no cell of this form."""


@dataclass(slots=True)
class SexRow:
    """One row of section I: men, women and their total, each as written on the form."""

    men: int | None = None
    women: int | None = None
    total: int | None = None


_ROW_ATTRS: Final = {f"{s}{n}": f"{s.lower()}{n}" for s in "AB" for n in _ROW_NUMBERS}
_SCALAR_ATTRS: Final = {
    "II.1": "received",
    "II.2": "returned",
    "II.3": "unused",
    "II.4": "used",
    "III.registered": "disabled_registered",
    "III.voted": "disabled_voted",
    "V.valid": "valid",
    "V.invalid": "invalid",
    "V.total": "total",
}
_SECTION_I: Final = tuple(f"I.{row}.{col}" for row in _ROW_ATTRS for col in COLUMNS)
_SECTIONS_II_III: Final = ("II.1", "II.2", "II.3", "II.4", "III.registered", "III.voted")
_SECTION_V: Final = ("V.valid", "V.invalid", "V.total")


@dataclass(slots=True)
class ResultForm:
    """The C.Hasil of one ballot type, cell by cell; ``None`` is a cell not yet filled in.

    ``a1``–``a4`` are section I.A (registered: DPT, DPTb, DPK, total), ``b1``–``b4`` section
    I.B (voted). ``votes`` holds section IV by row key (see the module docstring); its keys
    are fixed by the contest when the form is made with :meth:`blank`. ``struck`` keeps, per
    cell, the figures struck through by a correction (HANDBOOK §9), oldest first.
    """

    ballot: BallotType
    votes: dict[str, int | None]
    a1: SexRow = field(default_factory=SexRow)
    a2: SexRow = field(default_factory=SexRow)
    a3: SexRow = field(default_factory=SexRow)
    a4: SexRow = field(default_factory=SexRow)
    b1: SexRow = field(default_factory=SexRow)
    b2: SexRow = field(default_factory=SexRow)
    b3: SexRow = field(default_factory=SexRow)
    b4: SexRow = field(default_factory=SexRow)
    received: int | None = None  # II.1, reserve included
    returned: int | None = None  # II.2, returned by voters as damaged or wrongly marked
    unused: int | None = None  # II.3, leftover reserve included
    used: int | None = None  # II.4
    disabled_registered: int | None = None  # III
    disabled_voted: int | None = None  # III
    valid: int | None = None  # V
    invalid: int | None = None  # V
    total: int | None = None  # V, valid + invalid
    struck: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def blank(cls, contest: Contest) -> ResultForm:
        """An empty form for ``contest``: every cell unfilled."""
        return cls(ballot=contest.ballot, votes=dict.fromkeys(row_keys(contest)))

    def field_ids(self) -> tuple[str, ...]:
        """The cells of this form in printed order."""
        return (*_SECTION_I, *_SECTIONS_II_III, *(f"IV.{k}" for k in self.votes), *_SECTION_V)

    def get(self, field_id: str) -> int | None:
        """The figure in a cell, or ``None`` if it is unfilled; :class:`UnknownField` if no such
        cell exists."""
        holder, name = self._locate(field_id)
        return holder[name] if isinstance(holder, dict) else getattr(holder, name)

    def set(self, field_id: str, value: int | None) -> None:
        """Write ``value`` in a cell (``None`` clears it). Overwrites without a trace."""
        if value is not None and (type(value) is not int or value < 0):
            raise ValueError(f"{field_id}: a figure is a whole number ≥ 0, got {value!r}")
        holder, name = self._locate(field_id)
        if isinstance(holder, dict):
            holder[name] = value
        else:
            setattr(holder, name, value)

    def correct(self, field_id: str, value: int) -> None:
        """Strike through the figure in a cell and write ``value`` next to it (HANDBOOK §9)."""
        old = self.get(field_id)
        if old is not None:
            self.struck.setdefault(field_id, []).append(old)
        self.set(field_id, value)

    def cells(self) -> dict[str, int | None]:
        """Every cell, by field id, in printed order."""
        return {f: self.get(f) for f in self.field_ids()}

    def clone(self) -> ResultForm:
        """An independent copy."""
        rows = {name: replace(getattr(self, name)) for name in _ROW_ATTRS.values()}
        return replace(
            self,
            votes=dict(self.votes),
            struck={k: list(v) for k, v in self.struck.items()},
            **rows,
        )

    def _locate(self, field_id: str) -> tuple[object, str]:
        """The object that holds a cell, and the attribute or key naming it there."""
        if field_id in _SCALAR_ATTRS:
            return self, _SCALAR_ATTRS[field_id]
        section, _, rest = field_id.partition(".")
        if section == "IV" and rest in self.votes:
            return self.votes, rest
        if section == "I":
            row, _, column = rest.partition(".")
            if row in _ROW_ATTRS and column in COLUMNS:
                return getattr(self, _ROW_ATTRS[row]), column
        raise UnknownField(f"no cell {field_id!r} on the C.Hasil-{self.ballot.value} form")


def field_ids(contest: Contest) -> tuple[str, ...]:
    """The cells of the C.Hasil of ``contest`` in printed order."""
    return ResultForm.blank(contest).field_ids()


def _require_form_of(form: ResultForm, contest: Contest) -> None:
    if form.ballot is not contest.ballot:
        raise ValueError(
            f"a {form.ballot.value!r} form checked against a {contest.ballot.value!r} contest"
        )
    if tuple(form.votes) != row_keys(contest):
        raise ValueError(
            f"the section IV rows {tuple(form.votes)!r} of the {form.ballot.value!r} form do not"
            f" match its contest {row_keys(contest)!r}"
        )


def missing_fields(form: ResultForm, contest: Contest) -> list[str]:
    """The cells still unfilled, in printed order. Every cell is required (write 0 for none)."""
    _require_form_of(form, contest)
    return [f for f in form.field_ids() if form.get(f) is None]


# --- The ground truth ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Headcount:
    """A number of people split by sex."""

    men: int = 0
    women: int = 0

    def __post_init__(self) -> None:
        for name in ("men", "women"):
            value = getattr(self, name)
            if type(value) is not int or value < 0:
                raise ValueError(f"Headcount.{name} must be a whole number ≥ 0, got {value!r}")

    @property
    def total(self) -> int:
        return self.men + self.women

    @classmethod
    def of(cls, count: SexCount) -> Headcount:
        return cls(count.men, count.women)

    def __add__(self, other: Headcount) -> Headcount:
        return Headcount(self.men + other.men, self.women + other.women)


@dataclass(frozen=True, slots=True)
class DayFigures:
    """What really happened for one ballot type: the input of :func:`expected_form`.

    ``voted_dptb`` counts only the DPTb voters who **received this type** (HANDBOOK §8.2, the
    DPTb caveat); ``registered_dptb`` should likewise hold the DPTb voters entitled to it.
    DPK voters are registered only by voting, so A3 = B3 = ``voted_dpk``. ``used`` is the
    number of cast ballots found in the box; ``tally`` the valid votes per vote target (a
    missing target had none; party totals are computed, never given), ``invalid`` the cast
    ballots that were invalid.
    """

    registered_dpt: Headcount
    voted_dpt: Headcount
    registered_dptb: Headcount = Headcount()
    voted_dptb: Headcount = Headcount()
    voted_dpk: Headcount = Headcount()
    disabled_registered: int = 0
    disabled_voted: int = 0
    received: int = 0
    returned: int = 0
    unused: int = 0
    used: int = 0
    tally: Mapping[str, int] = field(default_factory=dict, hash=False)
    invalid: int = 0

    def __post_init__(self) -> None:
        counts = (
            "disabled_registered",
            "disabled_voted",
            "received",
            "returned",
            "unused",
            "used",
            "invalid",
        )
        for name in counts:
            value = getattr(self, name)
            if type(value) is not int or value < 0:
                raise ValueError(f"DayFigures.{name} must be a whole number ≥ 0, got {value!r}")
        for target, votes in self.tally.items():
            if type(votes) is not int or votes < 0:
                raise ValueError(f"DayFigures.tally[{target!r}] must be ≥ 0, got {votes!r}")

    @property
    def valid(self) -> int:
        return sum(self.tally.values())


def _fill_row(row: SexRow, count: Headcount) -> None:
    row.men, row.women, row.total = count.men, count.women, count.total


def expected_form(day: DayFigures, contest: Contest) -> ResultForm:
    """The C.Hasil of ``contest`` correctly filled in from the ground truth ``day``.

    It reproduces the truth, so it fails R5/R6 when the day itself did not reconcile (more
    ballots in the box than voters, as at TPS 13 Lhokseumawe): that is for the KPPS to record,
    not to hide.
    """
    targets = vote_targets(contest)
    unknown = sorted(set(day.tally) - set(targets))
    if unknown:
        raise ValueError(
            f"tally names targets not on the {contest.ballot.value!r} ballot: "
            f"{unknown!r} (expected some of {targets!r})"
        )
    form = ResultForm.blank(contest)
    rows = (day.registered_dpt, day.registered_dptb, day.voted_dpk)
    voted = (day.voted_dpt, day.voted_dptb, day.voted_dpk)
    for name, count in zip(("a1", "a2", "a3", "a4"), (*rows, sum(rows, Headcount())), strict=True):
        _fill_row(getattr(form, name), count)
    for name, count in zip(
        ("b1", "b2", "b3", "b4"), (*voted, sum(voted, Headcount())), strict=True
    ):
        _fill_row(getattr(form, name), count)
    form.received, form.returned, form.unused, form.used = (
        day.received,
        day.returned,
        day.unused,
        day.used,
    )
    form.disabled_registered, form.disabled_voted = day.disabled_registered, day.disabled_voted
    for target in targets:
        form.votes[target] = day.tally.get(target, 0)
    if _is_party_list(contest):
        for rows_ in _party_rows(contest):
            form.votes[rows_.total] = sum(
                form.votes[k] or 0 for k in (rows_.party_only, *rows_.candidates)
            )
    form.valid, form.invalid = day.valid, day.invalid
    form.total = day.valid + day.invalid
    return form


# --- Identities R1-R11 ---------------------------------------------------------------------

Params = Mapping[str, "int | str"]


@dataclass(frozen=True, slots=True)
class IdentityFailure:
    """One reconciliation identity of HANDBOOK §8.2 that the figures on a form break.

    ``check`` names which equation of the identity failed when it has several (``IDENTITY_CHECKS``
    lists them); ``fields`` are the cells involved; ``params`` the figures for the message.
    """

    identity: str
    check: str
    fields: tuple[str, ...]
    params: Params = field(default_factory=dict, hash=False)

    @property
    def title_key(self) -> str:
        return f"forms.identity.{self.identity}.title"

    @property
    def explanation_key(self) -> str:
        suffix = f".{self.check}" if self.check else ""
        return f"forms.identity.{self.identity}.explanation{suffix}"


# Which checks each identity has; "" is an identity with a single equation. The locale files
# hold forms.identity.<id>.explanation[.<check>] for each.
IDENTITY_CHECKS: Final[Mapping[str, tuple[str, ...]]] = {
    "R1": ("sex", "men", "women", "total"),
    "R2": ("sex", "men", "women", "total"),
    "R3": ("men", "women", "total"),
    "R4": ("",),
    "R5": ("",),
    "R6": ("sum", "used"),
    "R7": ("participants", "parties"),
    "R8": ("party", "sum"),
    "R9": ("registered", "voters"),
    "R10": ("",),
    "R11": ("",),
}


def _filled(form: ResultForm, ids: Sequence[str]) -> list[int] | None:
    """The figures in ``ids``, or ``None`` if any of them is unfilled."""
    values = [form.get(f) for f in ids]
    return None if any(v is None for v in values) else values  # type: ignore[return-value]


def _fail(identity: str, check: str, ids: Iterable[str], **params: int | str) -> IdentityFailure:
    return IdentityFailure(identity, check, tuple(ids), params)


def _check_block(form: ResultForm, section: str, identity: str) -> Iterator[IdentityFailure]:
    """R1 (section A) or R2 (section B): men + women = total in each row; row 4 = rows 1-3."""
    rows = [f"{section}{n}" for n in _ROW_NUMBERS]
    for row in rows:
        ids = [f"I.{row}.{col}" for col in COLUMNS]
        v = _filled(form, ids)
        if v is not None and v[0] + v[1] != v[2]:
            yield _fail(
                identity, "sex", ids, row=row, men=v[0], women=v[1], sum=v[0] + v[1], total=v[2]
            )
    for col in COLUMNS:
        ids = [f"I.{row}.{col}" for row in rows]
        v = _filled(form, ids)
        if v is not None and sum(v[:3]) != v[3]:
            yield _fail(identity, col, ids, p1=v[0], p2=v[1], p3=v[2], sum=sum(v[:3]), entered=v[3])


def _r1(form: ResultForm, contest: Contest) -> Iterator[IdentityFailure]:
    return _check_block(form, "A", "R1")


def _r2(form: ResultForm, contest: Contest) -> Iterator[IdentityFailure]:
    return _check_block(form, "B", "R2")


def _r3(form: ResultForm, contest: Contest) -> Iterator[IdentityFailure]:
    """Voters never exceed the registered in the same row and column."""
    for n in _ROW_NUMBERS:
        for col in COLUMNS:
            ids = [f"I.B{n}.{col}", f"I.A{n}.{col}"]
            v = _filled(form, ids)
            if v is not None and v[0] > v[1]:
                yield _fail(
                    "R3",
                    col,
                    ids,
                    voted_row=f"B{n}",
                    registered_row=f"A{n}",
                    voted=v[0],
                    registered=v[1],
                )


def _r4(form: ResultForm, contest: Contest) -> Iterator[IdentityFailure]:
    """Received = returned + unused + used."""
    ids = ["II.1", "II.2", "II.3", "II.4"]
    v = _filled(form, ids)
    if v is not None and v[0] != sum(v[1:]):
        yield _fail(
            "R4", "", ids, received=v[0], returned=v[1], unused=v[2], used=v[3], sum=sum(v[1:])
        )


def _r5(form: ResultForm, contest: Contest) -> Iterator[IdentityFailure]:
    """Ballots used = voters who received this type."""
    ids = ["II.4", "I.B4.total"]
    v = _filled(form, ids)
    if v is not None and v[0] != v[1]:
        yield _fail("R5", "", ids, used=v[0], voters=v[1])


def _r6(form: ResultForm, contest: Contest) -> Iterator[IdentityFailure]:
    """Valid + invalid = their total, and that total = ballots used."""
    ids = ["V.valid", "V.invalid", "V.total"]
    v = _filled(form, ids)
    if v is not None and v[0] + v[1] != v[2]:
        yield _fail("R6", "sum", ids, valid=v[0], invalid=v[1], sum=v[0] + v[1], total=v[2])
    ids = ["V.total", "II.4"]
    v = _filled(form, ids)
    if v is not None and v[0] != v[1]:
        yield _fail("R6", "used", ids, total=v[0], used=v[1])


def _valid_parts(contest: Contest) -> tuple[str, ...]:
    """The rows the valid votes are written as the sum of: the party totals on DPR/DPRD."""
    if _is_party_list(contest):
        return tuple(rows.total for rows in _party_rows(contest))
    return vote_targets(contest)


def _r7(form: ResultForm, contest: Contest) -> Iterator[IdentityFailure]:
    """The raw counts sum to the valid votes: the votes of every pair, candidate and empty
    column, and on DPR/DPRD every party-only and candidate row (HANDBOOK §8.2 R7). The party
    totals are written sums of those rows, R8's business: a wrong party total is not R7's."""
    check = "parties" if _is_party_list(contest) else "participants"
    ids = [*(f"IV.{k}" for k in vote_targets(contest)), "V.valid"]
    v = _filled(form, ids)
    if v is not None and sum(v[:-1]) != v[-1]:
        yield _fail("R7", check, ids, sum=sum(v[:-1]), valid=v[-1])


def _r8(form: ResultForm, contest: Contest) -> Iterator[IdentityFailure]:
    """DPR/DPRD, the written party totals (HANDBOOK §8.2 R8): each = party-only votes + its
    candidates' votes, and together = the valid votes.

    With the raw rows filled, "Σ totals = valid" follows from R7 and the per-party sums, so it
    is reported only when neither of those could be checked or found anything: one wrong
    party total is one R8 failure, a wrong valid total one R7 failure.
    """
    if not _is_party_list(contest):
        return
    per_party = list(_r8_parties(form, contest))
    yield from per_party
    if per_party or list(_r7(form, contest)):
        return
    ids = [*(f"IV.{rows.total}" for rows in _party_rows(contest)), "V.valid"]
    v = _filled(form, ids)
    if v is not None and sum(v[:-1]) != v[-1]:
        yield _fail("R8", "sum", ids, sum=sum(v[:-1]), valid=v[-1])


def _r8_parties(form: ResultForm, contest: Contest) -> Iterator[IdentityFailure]:
    for rows in _party_rows(contest):
        ids = [f"IV.{k}" for k in (rows.party_only, *rows.candidates, rows.total)]
        v = _filled(form, ids)
        if v is not None and sum(v[:-1]) != v[-1]:
            yield _fail(
                "R8",
                "party",
                ids,
                party=rows.number,
                party_only=v[0],
                candidates=sum(v[1:-1]),
                sum=sum(v[:-1]),
                total=v[-1],
            )


def _r9(form: ResultForm, contest: Contest) -> Iterator[IdentityFailure]:
    """Voters with disabilities who voted ≤ those registered, and ≤ all voters."""
    ids = ["III.voted", "III.registered"]
    v = _filled(form, ids)
    if v is not None and v[0] > v[1]:
        yield _fail("R9", "registered", ids, voted=v[0], registered=v[1])
    ids = ["III.voted", "I.B4.total"]
    v = _filled(form, ids)
    if v is not None and v[0] > v[1]:
        yield _fail("R9", "voters", ids, voted=v[0], voters=v[1])


def _r10(form: ResultForm, contest: Contest) -> Iterator[IdentityFailure]:
    """Each voter returns at most one ballot per type (PKPU 25/2023 Pasal 26(4))."""
    ids = ["II.2", "I.B4.total"]
    v = _filled(form, ids)
    if v is not None and v[0] > v[1]:
        yield _fail("R10", "", ids, returned=v[0], voters=v[1])


_IDENTITIES: Final[tuple[Callable[[ResultForm, Contest], Iterable[IdentityFailure]], ...]] = (
    _r1,
    _r2,
    _r3,
    _r4,
    _r5,
    _r6,
    _r7,
    _r8,
    _r9,
    _r10,
)


def check_identities(form: ResultForm, contest: Contest) -> list[IdentityFailure]:
    """The identities R1–R10 (HANDBOOK §8.2) that the figures on ``form`` break.

    An equation is checked only when all its cells are filled; :func:`missing_fields` lists the
    rest. R7 adds up the raw counts (on DPR/DPRD: the party-only and candidate rows); R8 checks
    the written party totals, so one wrong party total fails R8 alone.
    """
    _require_form_of(form, contest)
    return [failure for identity in _IDENTITIES for failure in identity(form, contest)]


def expected_received(dpt: int, election: ElectionType) -> int:
    """Ballots per type a TPS must receive (II.1): DPT + ceil(DPT × rate) (R11)."""
    return expected_ballots(dpt, election)


def check_received(form: ResultForm, dpt: int, election: ElectionType) -> list[IdentityFailure]:
    """R11, the logistics check: II.1 = DPT + reserve. A mismatch is a logistics event to
    report and record (HANDBOOK §3.3), not an arithmetic error on the form."""
    received = form.received
    expected = expected_received(dpt, election)
    if received is None or received == expected:
        return []
    return [
        _fail(
            "R11",
            "",
            ["II.1"],
            dpt=dpt,
            reserve=reserve(dpt, election),
            expected=expected,
            received=received,
        )
    ]


# --- Labels --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LabelRef:
    """A message key and its parameters: what the UI passes to ``t(key, **params)``."""

    key: str
    params: Params = field(default_factory=dict, hash=False)


_ROW_KEY: Final = re.compile(
    r"(?P<kind>pair|cand|party):(?P<number>[1-9][0-9]?)"
    r"(?:/(?:cand:(?P<candidate>[1-9][0-9]?)|(?P<total>total)))?"
)


def _row_key_label(row_key: str) -> LabelRef:
    if row_key == KOSONG:
        return LabelRef("forms.field.IV.kosong")
    match = _ROW_KEY.fullmatch(row_key)
    if match is None or (match["kind"] != "party" and match.end("number") != len(row_key)):
        raise UnknownField(f"not a section IV row: {row_key!r}")
    number = int(match["number"])
    if match["kind"] == "pair":
        return LabelRef("forms.field.IV.pair", {"pair": number})
    if match["kind"] == "cand":
        return LabelRef("forms.field.IV.cand", {"candidate": number})
    if match["candidate"]:
        params = {"party": number, "candidate": int(match["candidate"])}
        return LabelRef("forms.field.IV.party_candidate", params)
    if match["total"]:
        return LabelRef("forms.field.IV.party_total", {"party": number})
    return LabelRef("forms.field.IV.party", {"party": number})


def field_label(field_id: str) -> tuple[LabelRef, ...]:
    """The labels naming a cell: its row, then its column for section I cells.

    ``I.A1.men`` → (``forms.field.I.A1``, ``forms.column.men``); ``II.4`` →
    (``forms.field.II.4``,); ``IV.party:3/cand:2`` → (``forms.field.IV.party_candidate``
    with ``party=3, candidate=2``,).
    """
    if field_id in _SCALAR_ATTRS:
        return (LabelRef(f"forms.field.{field_id}"),)
    section, _, rest = field_id.partition(".")
    if section == "IV":
        return (_row_key_label(rest),)
    row, _, column = rest.partition(".")
    if section == "I" and row in _ROW_ATTRS and column in COLUMNS:
        return LabelRef(f"forms.field.I.{row}"), LabelRef(f"forms.column.{column}")
    raise UnknownField(f"not a C.Hasil field id: {field_id!r}")


# --- Diagnosis of form-filling mistakes ----------------------------------------------------

MISTAKE_IDS: Final = ("M38", "M39", "M40", "M41", "M42", "figure")

# The C.Hasil each ballot type is recorded on, for naming the form a figure was copied from.
_FORM_NAME: Final[Mapping[BallotType, str]] = {
    BallotType.PPWP: "C.HASIL-PPWP",
    BallotType.DPR: "C.HASIL-DPR",
    BallotType.DPD: "C.HASIL-DPD",
    BallotType.DPRD_PROV: "C.HASIL-DPRD-PROV",
    BallotType.DPRD_KABKO: "C.HASIL-DPRD-KAB/KOTA",
    BallotType.GUBERNUR: "C.HASIL-KWK-GUBERNUR",
    BallotType.BUPATI: "C.HASIL-KWK-BUPATI",
    BallotType.WALIKOTA: "C.HASIL-KWK-WALIKOTA",
}


@dataclass(frozen=True, slots=True)
class FormMistake:
    """A mistake found in what the trainee entered on a form.

    ``mistake`` is a MISTAKES.md id (``"M39"``) or ``"figure"`` for a plain wrong figure.
    ``fields`` are the wrong cells it explains: for ``figure`` the wrong cell first, then any
    total that was added up correctly from it. ``params`` are for the message.
    """

    mistake: str
    fields: tuple[str, ...]
    params: Params = field(default_factory=dict, hash=False)

    @property
    def title_key(self) -> str:
        return f"forms.mistake.{self.mistake}.title"

    @property
    def explanation_key(self) -> str:
        return f"forms.mistake.{self.mistake}.explanation"


@dataclass(slots=True)
class _Found:
    mistake: str
    fields: list[str]
    params: dict[str, int | str]


@dataclass(slots=True)
class _Diagnosis:
    """Working state of :func:`diagnose`: the wrong cells and what explains each."""

    entered: ResultForm
    expected: ResultForm
    contest: Contest
    others: Mapping[BallotType, ResultForm]
    wrong: dict[str, int]  # filled cells that differ from the expected form, in printed order
    found: list[_Found] = field(default_factory=list)
    owner: dict[str, _Found] = field(default_factory=dict)

    def e(self, field_id: str) -> int | None:
        return self.entered.get(field_id)

    def x(self, field_id: str) -> int:
        value = self.expected.get(field_id)
        assert value is not None, "diagnose checks that the expected form is complete"
        return value

    def open(self, field_id: str) -> bool:
        """The cell is wrong and nothing explains it yet."""
        return field_id in self.wrong and field_id not in self.owner

    def explain(self, mistake: str, ids: Iterable[str], **params: int | str) -> None:
        cells = [f for f in dict.fromkeys(ids) if self.open(f)]
        if not cells:
            return
        found = _Found(mistake, cells, dict(params))
        self.found.append(found)
        for f in cells:
            self.owner[f] = found


def _dptb_dpk_swapped(d: _Diagnosis) -> None:
    """M40: the DPTb figures written in the DPK row and the reverse (A2 ↔ A3, B2 ↔ B3)."""
    cells: list[str] = []
    for section in "AB":
        for col in COLUMNS:
            two, three = f"I.{section}2.{col}", f"I.{section}3.{col}"
            swapped = d.e(two) == d.x(three) and d.e(three) == d.x(two)
            if d.x(two) != d.x(three) and swapped and d.open(two) and d.open(three):
                cells += [two, three]
    d.explain("M40", cells)


def _damaged_vs_invalid(d: _Diagnosis) -> None:
    """M39: returned damaged/wrongly marked ballots (II.2) confused with invalid votes (V)."""
    returned, invalid = d.x("II.2"), d.x("V.invalid")
    e_returned, e_invalid = d.e("II.2"), d.e("V.invalid")
    params = {"returned": returned, "invalid": invalid}
    if returned != invalid and e_returned == invalid and e_invalid == returned:
        d.explain("M39", ["II.2", "V.invalid"], **params)
    elif returned > 0 and e_invalid == invalid + returned:
        d.explain("M39", ["V.invalid", *(["II.2"] if e_returned == 0 else [])], **params)
    elif invalid > 0 and e_returned == returned + invalid:
        d.explain("M39", ["II.2", *(["V.invalid"] if e_invalid == 0 else [])], **params)


def _doubled_totals(d: _Diagnosis, rows: _PartyRows) -> set[int]:
    """Party totals that count the candidates' votes twice, from the true or entered rows."""
    totals = set()
    for form in (d.expected, d.entered):
        v = _filled(form, [f"IV.{k}" for k in (rows.party_only, *rows.candidates)])
        if v is not None and sum(v[1:]) > 0:
            totals.add(v[0] + 2 * sum(v[1:]))
    return totals


def _party_double_count(d: _Diagnosis) -> None:
    """M41: candidates' votes counted twice in a party total, or in the valid votes."""
    if not _is_party_list(d.contest):
        return
    cells = []
    all_rows = _party_rows(d.contest)
    for rows in all_rows:
        total = f"IV.{rows.total}"
        if d.open(total) and d.e(total) in _doubled_totals(d, rows):
            cells.append(total)
    candidates = sum(d.x(f"IV.{k}") for rows in all_rows for k in rows.candidates)
    valid = d.x("V.valid")
    if candidates > 0 and d.e("V.valid") in (valid + candidates, 2 * valid):
        cells.append("V.valid")
    d.explain("M41", cells)


# Cells that differ between ballot types of one TPS because of DPTb entitlement (§8.2).
_PER_TYPE_SIGNAL: Final = ("I.B4.total", "II.4")
_PER_TYPE_ALSO: Final = ("I.B4.men", "I.B4.women", "I.B2.men", "I.B2.women", "I.B2.total", "II.3")


def _per_type_users_copied(d: _Diagnosis) -> None:
    """M42: this type's voters (B4) or ballots used (II.4) copied from another type's form."""
    for ballot, other in d.others.items():
        if ballot is d.expected.ballot:
            continue

        def copied(f: str, other: ResultForm = other) -> bool:
            theirs = other.get(f)
            return d.open(f) and theirs is not None and theirs == d.e(f) and theirs != d.x(f)

        signal = [f for f in _PER_TYPE_SIGNAL if copied(f)]
        if signal:
            also = [f for f in _PER_TYPE_ALSO if copied(f)]
            d.explain("M42", [*signal, *also], source=ballot.value, source_form=_FORM_NAME[ballot])
            return


_PATTERNS: Final[tuple[Callable[[_Diagnosis], None], ...]] = (
    _dptb_dpk_swapped,
    _damaged_vs_invalid,
    _party_double_count,
    _per_type_users_copied,
)

_R5_R6_CELLS: Final = ("II.4", "I.B4.total", "V.valid", "V.invalid", "V.total")


def _used_not_equal_voters(d: _Diagnosis) -> None:
    """M38: ballots used, voters and valid + invalid disagree (R5/R6 fail), unexplained."""
    failing = [f for f in check_identities(d.entered, d.contest) if f.identity in ("R5", "R6")]
    if not failing:
        return

    def shown(f: str) -> int | str:
        value = d.e(f)
        return "–" if value is None else value

    d.explain(
        "M38", _R5_R6_CELLS, used=shown("II.4"), voters=shown("I.B4.total"), cast=shown("V.total")
    )


def _sum_relations(contest: Contest) -> list[tuple[str, tuple[str, ...]]]:
    """Cells that are written as the sum of other cells: (total, parts)."""
    relations: list[tuple[str, tuple[str, ...]]] = []
    for section in "AB":
        for n in _ROW_NUMBERS:
            relations.append(
                (f"I.{section}{n}.total", (f"I.{section}{n}.men", f"I.{section}{n}.women"))
            )
        for col in COLUMNS:
            relations.append(
                (f"I.{section}4.{col}", tuple(f"I.{section}{n}.{col}" for n in _ROW_NUMBERS[:3]))
            )
    if _is_party_list(contest):
        for rows in _party_rows(contest):
            parts = tuple(f"IV.{k}" for k in (rows.party_only, *rows.candidates))
            relations.append((f"IV.{rows.total}", parts))
    relations.append(("V.valid", tuple(f"IV.{k}" for k in _valid_parts(contest))))
    relations.append(("V.total", ("V.valid", "V.invalid")))
    return relations


def _equalities(contest: Contest) -> list[tuple[str, tuple[str, ...]]]:
    """Every equation of R1-R8 as (cell, cells it equals the sum of); R4-R6 included."""
    return [
        *_sum_relations(contest),
        ("II.1", ("II.2", "II.3", "II.4")),  # R4
        ("II.4", ("I.B4.total",)),  # R5
        ("V.total", ("II.4",)),  # R6
    ]


def solve_cell(given: Mapping[str, int], asks: str, contest: Contest) -> int | None:
    """The figure the identities force into cell ``asks`` from the ``given`` cells.

    Equations with one unknown cell are solved until ``asks`` is known. ``None`` when the
    given cells do not determine it, when it would be negative, or when the figures break an
    identity (:func:`check_identities` has the last word). Raises :class:`UnknownField` for a
    cell the contest's form does not have.
    """
    form = ResultForm.blank(contest)
    for field_id, value in given.items():
        form.set(field_id, value)
    form.get(asks)  # an unknown cell raises here, before any solving
    equations = _equalities(contest)
    progress = True
    while form.get(asks) is None and progress:
        progress = False
        for total, parts in equations:
            unknown = [f for f in (total, *parts) if form.get(f) is None]
            if len(unknown) != 1:
                continue
            known_parts = sum(form.get(p) or 0 for p in parts)
            value = known_parts if unknown[0] == total else (form.get(total) or 0) - known_parts
            if value < 0:
                return None
            form.set(unknown[0], value)
            progress = True
    if check_identities(form, contest):
        return None
    return form.get(asks)


def _attribute_consequences(d: _Diagnosis) -> None:
    """A wrong total correctly added up from wrong parts belongs to the mistake in a part."""
    relations = _sum_relations(d.contest)
    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            if not d.open(total) or any(d.open(p) for p in parts):
                continue
            values = _filled(d.entered, parts)
            causes = [d.owner[p] for p in parts if p in d.owner]
            if values is None or sum(values) != d.e(total) or not causes:
                continue
            causes[0].fields.append(total)
            d.owner[total] = causes[0]
            changed = True


def _plain_figures(d: _Diagnosis, *, totals: bool) -> None:
    """Every remaining wrong cell is a plain wrong figure (totals last, after consequences)."""
    sums = {total for total, _ in _sum_relations(d.contest)}
    for f, value in d.wrong.items():
        if d.open(f) and (totals or f not in sums):
            d.explain("figure", [f], entered=value, expected=d.x(f))


def diagnose(
    entered: ResultForm,
    expected: ResultForm,
    contest: Contest,
    others: Mapping[BallotType, ResultForm] | None = None,
) -> list[FormMistake]:
    """The mistakes in ``entered`` compared with the correct ``expected`` form.

    Named patterns come first (M40, M39, M41, M42; M42 needs ``others``, the expected forms of
    the TPS's other ballot types), then M38 for R5/R6 failures none of them explains, then a
    ``figure`` for every other wrong cell. A total that was added up correctly from wrong parts
    is attributed to the mistake in its parts rather than reported again. Unfilled cells are
    not mistakes here (see :func:`missing_fields`).
    """
    _require_form_of(entered, contest)
    _require_form_of(expected, contest)
    unfilled = missing_fields(expected, contest)
    if unfilled:
        raise ValueError(f"the expected form has unfilled cells: {unfilled!r}")
    wrong = {
        f: value
        for f, value in entered.cells().items()
        if value is not None and value != expected.get(f)
    }
    d = _Diagnosis(entered, expected, contest, others or {}, wrong)
    for pattern in _PATTERNS:
        pattern(d)
    _attribute_consequences(d)
    _used_not_equal_voters(d)
    _plain_figures(d, totals=False)
    _attribute_consequences(d)
    _plain_figures(d, totals=True)
    return [FormMistake(f.mistake, tuple(f.fields), f.params) for f in d.found]
