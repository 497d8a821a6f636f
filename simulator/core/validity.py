"""Whether a used ballot is valid (*sah*), and for whom: HANDBOOK §7.2-§7.6.

:func:`judge` reads a :class:`~simulator.schema.ballot.Ballot` the way the KPPS chair does and
returns a :class:`Verdict`: valid or not, the C.Hasil row it counts in, and the code of the
variant that decided it (``V1``-``V4``, ``K1``, ``D1``-``D16``, ``W1``-``W3``, or a reason it
is invalid). Each code has a title and an explanation citing the regulation under
``validity.code.<code>`` in the locale files, so a trainee is told *why*.

Order of reading, as the chair does it: the general conditions first (G1 signature, G2 tool,
G3 writing, G5 damage, G4 no mark, G6 a mark outside every column), then the rules of the
ballot's layout. A ballot that does not fit its contest (a pair that is not standing, a
candidate not on the slate, a party-list mark on a pair ballot) is a content or programmer
error and raises ``ValueError``; a trainee can never cause one.

Points the handbook leaves open, and what this module does about them:

- Punch-through (*coblos tembus*, V4) is settled for the PPWP ballot only (§7.3, §15.7). On any
  other ballot a mirror hole is an ordinary mark unless ``RuleSettings.punch_through_all_types``
  is set; then a mirror hole in the blank margin or in the same column (pair, DPD candidate, or
  party box) is set aside.
- Combinations of marks inside one party box that the D1-D16 table does not list follow the
  principle the table is built on: a vote for the party, and for a candidate only when the
  marks single out exactly one qualified candidate and nothing is ambiguous (D10).
- A Pilkada or PPWP ballot printed for another district (§3.3 item 4) is a logistics event;
  the handbook says nothing about its validity beyond "judged as the rules say" (§3.3 item 8),
  so it is judged by its marks and only flagged ``tertukar``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Final

from simulator.core.domain import LAYOUT_OF, district_of
from simulator.core.targets import INVALID, KOSONG, Target, TargetKind
from simulator.schema.ballot import Ballot, Mark, Place, Tool
from simulator.schema.scenario import (
    Candidate,
    CandidateStatus,
    Contest,
    Districts,
    PartySlate,
    RuleSettings,
)
from simulator.schema.types import BallotType, Layout


class Code(str, Enum):
    """The variant that decided a verdict; the value is the locale key under ``validity.code``."""

    # Pair ballots (PPWP §7.3; Pilkada §7.6 uses V1-V3 and K1).
    V1 = "V1"  # one mark in one pair's column
    V2 = "V2"  # several marks, all in that one column
    V3 = "V3"  # on the border line of that column
    V4 = "V4"  # punched while folded; the mirror hole touches no other pair's column
    K1 = "K1"  # in or on the border of the empty column of a single-pair race
    # DPR and DPRD ballots (§7.4).
    D1 = "D1"
    D2 = "D2"
    D3 = "D3"
    D4 = "D4"
    D5 = "D5"
    D6 = "D6"
    D7 = "D7"
    D8 = "D8"
    D9 = "D9"
    D10 = "D10"
    D11 = "D11"
    D12 = "D12"
    D13 = "D13"
    D14 = "D14"
    D15 = "D15"
    D16 = "D16"
    # DPD ballot (§7.5).
    W1 = "W1"
    W2 = "W2"
    W3 = "W3"
    # Invalid: the general conditions (§7.2) ...
    G1_UNSIGNED = "G1_unsigned"
    G2_TOOL = "G2_tool"
    G3_WRITING = "G3_writing"
    G4_NO_MARK = "G4_no_mark"
    G5_DAMAGED = "G5_damaged"
    G6_OUTSIDE = "G6_outside"
    # ... and the layout rules.
    MULTI_COLUMN = "multi_column"  # two pairs, or two DPD candidates
    MULTI_PARTY = "multi_party"  # marks in the boxes of two parties
    BETWEEN_COLUMNS = "between_columns"  # on the line dividing two pairs' / candidates' columns
    KOSONG_AND_PAIR = "kosong_and_pair"  # both columns of a single-pair race
    MIRROR_IN_OTHER_COLUMN = "mirror_in_other_column"  # a punch-through reaching another column
    TERTUKAR_DPD = "tertukar_dpd"  # a DPD ballot printed for another province

    def __str__(self) -> str:
        return str(self.value)

    @property
    def valid(self) -> bool:
        return self in VALID_CODES


VALID_CODES: Final = frozenset(c for c in Code if c.value[0] in "VKDW" and c.value[1:].isdigit())
INVALID_CODES: Final = frozenset(set(Code) - VALID_CODES)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The chair's ruling on one ballot.

    ``tertukar``: the ballot was printed for another district than this TPS's (HANDBOOK §3.3
    item 4, §7.4, §7.5): a logistics event to record in the C.Kejadian Khusus whatever the
    ruling. ``punch_through``: mirror holes of a ballot punched while folded were set aside
    (V4), or reached another column (``mirror_in_other_column``).
    """

    valid: bool
    target: Target | None
    code: Code
    tertukar: bool = False
    punch_through: bool = False

    def __post_init__(self) -> None:
        if self.valid != (self.target is not None) or self.valid != self.code.valid:
            raise ValueError(f"inconsistent verdict: {self!r}")

    @property
    def counted_as(self) -> Target:
        """The C.Hasil row this ballot is tallied in, ``invalid`` included."""
        return self.target if self.target is not None else INVALID

    @property
    def title_key(self) -> str:
        return f"validity.code.{self.code.value}.title"

    @property
    def explanation_key(self) -> str:
        return f"validity.code.{self.code.value}.explanation"

    @property
    def note_keys(self) -> tuple[str, ...]:
        """Keys of the notes to show under the explanation (``validity.note.*``)."""
        notes: list[str] = []
        if self.punch_through and self.valid and self.code is not Code.V4:
            notes.append("validity.note.punch_through")
        if self.tertukar and self.code is not Code.TERTUKAR_DPD:
            notes.append(f"validity.note.{_tertukar_note(self)}")
        return tuple(notes)


def _tertukar_note(verdict: Verdict) -> str:
    if not verdict.valid:
        return "tertukar_invalid"
    assert verdict.target is not None
    return "tertukar_party" if verdict.target.kind is TargetKind.PARTY else "tertukar_other"


def _valid(target: Target, code: Code) -> Verdict:
    return Verdict(valid=True, target=target, code=code)


def _invalid(code: Code) -> Verdict:
    return Verdict(valid=False, target=None, code=code)


# --- The judge -------------------------------------------------------------------------------


def judge(
    ballot: Ballot, contest: Contest, districts: Districts, settings: RuleSettings
) -> Verdict:
    """Rule on ``ballot`` as the chair must (HANDBOOK §7.2-§7.6).

    Raises ``ValueError`` when the ballot does not belong to ``contest`` or a mark names a
    column the contest does not print.
    """
    if ballot.ballot is not contest.ballot:
        raise ValueError(f"a {ballot.ballot} ballot judged in the {contest.ballot} contest")
    layout = LAYOUT_OF[contest.ballot]
    _check_marks_fit(ballot.marks, contest, layout)
    foreign = _printed_elsewhere(ballot, districts)
    real, mirrors = _split_mirror_holes(ballot, settings)
    verdict = _general_conditions(ballot, real)
    if verdict is None and foreign and layout is Layout.INDIVIDUAL:
        verdict = _invalid(Code.TERTUKAR_DPD)
    if verdict is None:
        verdict = _JUDGES[layout](real, contest)
        if mirrors and verdict.valid:
            verdict = _set_aside_mirror_holes(verdict, mirrors, layout)
    if foreign and verdict.valid and layout is Layout.PARTY_LIST:
        verdict = _for_party_only(verdict)
    # A foreign pair ballot (Pilkada kab/kota or province; PPWP) keeps the ruling of its marks:
    # §3.3 items 4 and 8 only say to check on receipt and record the event. The flag lets the
    # engine raise that logistics event.
    return replace(verdict, tertukar=foreign) if foreign else verdict


def _general_conditions(ballot: Ballot, real: Sequence[Mark]) -> Verdict | None:
    """G1-G6 (§7.2), in the order the chair checks them; ``None`` when all hold.

    ``real`` excludes mirror holes when the punch-through rule applies, which is exactly the
    exception to G6 (a mirror hole in the blank margin).
    """
    if not ballot.signed:
        return _invalid(Code.G1_UNSIGNED)
    if any(mark.tool is not Tool.PAKU for mark in ballot.marks):
        return _invalid(Code.G2_TOOL)
    if ballot.writing:
        return _invalid(Code.G3_WRITING)
    if ballot.damaged:
        return _invalid(Code.G5_DAMAGED)
    if not ballot.marks:
        return _invalid(Code.G4_NO_MARK)
    if any(mark.place is Place.OUTSIDE for mark in real):
        return _invalid(Code.G6_OUTSIDE)
    return None


# --- Tertukar: a ballot printed for another district (§3.3 item 4) ---------------------------


def _printed_elsewhere(ballot: Ballot, districts: Districts) -> bool:
    """Whether the ballot names a district other than this TPS's for its type.

    ``Ballot.district`` is set only when it differs, so a set district counts as foreign
    even when the TPS's own dapil for that type was left out of the scenario.
    """
    if ballot.district is None:
        return False
    return ballot.district != district_of(districts, ballot.ballot)


def _for_party_only(verdict: Verdict) -> Verdict:
    """A valid DPR/DPRD ballot of another dapil counts for the party only (S-TUKAR, §7.4)."""
    assert verdict.target is not None
    return replace(verdict, target=verdict.target.party_only())


# --- Punch-through (coblos tembus, §7.3 V4, §15.7) -------------------------------------------


def _split_mirror_holes(
    ballot: Ballot, settings: RuleSettings
) -> tuple[Sequence[Mark], tuple[Mark, ...]]:
    """The real marks and the mirror holes to set aside, when the V4 rule applies.

    V4 is settled for the PPWP ballot only; elsewhere only if the scenario asks. Mirror holes
    with no real punch beside them mirror nothing, so they are read as ordinary marks.
    """
    applies = ballot.ballot is BallotType.PPWP or settings.punch_through_all_types
    mirrors = tuple(m for m in ballot.marks if m.mirror)
    if not applies or not mirrors or len(mirrors) == len(ballot.marks):
        return ballot.marks, ()
    return tuple(m for m in ballot.marks if not m.mirror), mirrors


def _set_aside_mirror_holes(verdict: Verdict, mirrors: Sequence[Mark], layout: Layout) -> Verdict:
    """Valid if every mirror hole is in the blank margin or the chosen column (V4)."""
    assert verdict.target is not None
    if not all(_same_column(hole, verdict.target, layout) for hole in mirrors):
        return replace(_invalid(Code.MIRROR_IN_OTHER_COLUMN), punch_through=True)
    # V4 names a vote for a pair; elsewhere (K1, DPD, DPR/DPRD under the scenario setting)
    # the variant of the real marks stays and the flag tells the trainee about the fold.
    for_a_pair = layout is Layout.PAIR and verdict.target.kind is TargetKind.PAIR
    code = Code.V4 if for_a_pair else verdict.code
    return replace(verdict, code=code, punch_through=True)


def _same_column(hole: Mark, target: Target, layout: Layout) -> bool:
    if hole.place is Place.OUTSIDE:
        return True
    if layout is Layout.PARTY_LIST:  # anywhere in the same party's box
        return hole.party == target.number
    if hole.place is Place.BETWEEN:  # the dividing line touches a neighbour's column
        return False
    return _column_key(hole) == (target.number or _KOSONG_KEY)


# --- Pair ballots: PPWP, Gubernur, Bupati, Walikota (§7.3, §7.6) ------------------------------

_KOSONG_KEY: Final = 0  # numbers start at 1


def _column_key(mark: Mark) -> int:
    """The pair or DPD candidate whose column a mark is in, or 0 for the empty column."""
    if mark.kosong:
        return _KOSONG_KEY
    number = mark.pair if mark.pair is not None else mark.candidate
    assert number is not None, "checked by _check_marks_fit"
    return number


def _judge_pair(marks: Sequence[Mark], contest: Contest) -> Verdict:
    """V1-V3 and K1; invalid across columns (§7.3, §7.6)."""
    if any(mark.place is Place.BETWEEN for mark in marks):
        return _invalid(Code.BETWEEN_COLUMNS)
    columns = {_column_key(mark) for mark in marks}
    if len(columns) > 1:
        both = _KOSONG_KEY in columns
        return _invalid(Code.KOSONG_AND_PAIR if both else Code.MULTI_COLUMN)
    (column,) = columns
    if column == _KOSONG_KEY:
        return _valid(KOSONG, Code.K1)  # a valid vote: M36
    return _valid(Target.pair(column), _one_column_variant(marks, Code.V1, Code.V2, Code.V3))


def _one_column_variant(marks: Sequence[Mark], one: Code, several: Code, border: Code) -> Code:
    """V1/V2/V3 or W1/W2/W3: a border mark is the notable point, then several marks."""
    if any(mark.place is Place.BORDER for mark in marks):
        return border
    return several if len(marks) > 1 else one


# --- DPD ballot (§7.5) -------------------------------------------------------------------------


def _judge_dpd(marks: Sequence[Mark], contest: Contest) -> Verdict:
    """W1-W3; two candidates, or the line between two, is invalid."""
    if any(mark.place is Place.BETWEEN for mark in marks):
        return _invalid(Code.BETWEEN_COLUMNS)
    columns = {_column_key(mark) for mark in marks}
    if len(columns) > 1:
        return _invalid(Code.MULTI_COLUMN)
    (column,) = columns
    return _valid(Target.dpd(column), _one_column_variant(marks, Code.W1, Code.W2, Code.W3))


# --- DPR and DPRD ballots (§7.4) ---------------------------------------------------------------


@dataclass(slots=True)
class _PartyBox:
    """What the marks inside one party's box touch."""

    column: int = 0  # marks in the party column (number, logo, name), border included
    column_border: bool = False  # one of them on the column's border
    qualified: dict[int, list[Mark]] = field(default_factory=dict)  # aktif candidate → marks
    tms: bool = False  # a candidate announced TMS was marked
    between: bool = False  # a mark on the line between two candidates
    blank: bool = False  # a mark in the blank area below the last candidate

    @classmethod
    def read(cls, marks: Sequence[Mark], slate: PartySlate) -> _PartyBox:
        box = cls()
        for mark in marks:
            box._add(mark, slate)
        return box

    def _add(self, mark: Mark, slate: PartySlate) -> None:
        if mark.place is Place.BLANK_AREA:
            self.blank = True
        elif mark.place is Place.BETWEEN:
            self.between = True
        elif mark.candidate is None:
            self.column += 1
            if mark.place is Place.BORDER:
                self.column_border = True
        elif _candidate(slate, mark.candidate).status is CandidateStatus.TMS:
            self.tms = True
        else:
            self.qualified.setdefault(mark.candidate, []).append(mark)

    def chosen_candidate(self) -> int | None:
        """The one qualified candidate the marks single out, if any (D2, D3, D7, D9, D13, D15)."""
        if self.between or len(self.qualified) != 1:
            return None
        (number,) = self.qualified
        return number


def _judge_party_list(marks: Sequence[Mark], contest: Contest) -> Verdict:
    """D1-D16; marks in two parties' boxes, in any combination, are invalid."""
    parties = {mark.party for mark in marks}
    if len(parties) > 1:
        return _invalid(Code.MULTI_PARTY)
    (number,) = parties
    assert number is not None
    slate = _slate(contest, number)
    if not slate.candidates:
        return _valid(Target.party(number), Code.D16)
    box = _PartyBox.read(marks, slate)
    chosen = box.chosen_candidate()
    if chosen is None:
        return _valid(Target.party(number), _party_vote_variant(box))
    return _valid(Target.party(number, chosen), _candidate_vote_variant(box))


def _candidate_vote_variant(box: _PartyBox) -> Code:
    """Which listed variant gives the vote to the one qualified candidate."""
    if box.tms:
        return Code.D13
    if box.blank:
        return Code.D15
    if box.column:
        return Code.D3
    (marks,) = box.qualified.values()
    if len(marks) > 1:
        return Code.D7
    return Code.D9 if marks[0].place is Place.BORDER else Code.D2


def _party_vote_variant(box: _PartyBox) -> Code:
    """Which listed variant leaves the vote with the party only."""
    if box.between:
        return Code.D10
    if len(box.qualified) > 1:
        return Code.D4 if box.column else Code.D5
    if box.tms:
        return Code.D12 if box.column else Code.D11
    if box.blank:
        return Code.D14
    if box.column_border:
        return Code.D8
    return Code.D6 if box.column > 1 else Code.D1


# --- Marks that do not fit the contest: content or programmer errors -------------------------


def _slate(contest: Contest, party: int) -> PartySlate:
    for slate in contest.slates:
        if slate.party == party:
            return slate
    raise ValueError(f"party {party} has no box on the {contest.ballot} ballot")


def _candidate(slate: PartySlate, number: int) -> Candidate:
    for candidate in slate.candidates:
        if candidate.number == number:
            return candidate
    raise ValueError(f"party {slate.party} has no candidate {number}")


def _misfit(mark: Mark, contest: Contest, why: str) -> ValueError:
    return ValueError(f"mark {mark!r} does not fit the {contest.ballot} ballot: {why}")


def _check_marks_fit(marks: Sequence[Mark], contest: Contest, layout: Layout) -> None:
    """Raise ``ValueError`` for a mark naming a column that ``contest`` does not print."""
    if layout is Layout.PARTY_LIST:
        for mark in marks:
            _fits_party_list(mark, contest)
        return
    if layout is Layout.PAIR:
        pairs = frozenset(pair.number for pair in contest.pairs)
        for mark in marks:
            _fits_pair(mark, contest, pairs)
        return
    candidates = frozenset(candidate.number for candidate in contest.candidates)
    for mark in marks:
        _fits_dpd(mark, contest, candidates)


# A mark on the blank area names a party (the schema's rule for Mark), so a pair or DPD ballot
# refuses it with the party it names.


def _fits_pair(mark: Mark, contest: Contest, pairs: frozenset[int]) -> None:
    if mark.party is not None or mark.candidate is not None:
        raise _misfit(mark, contest, "a pair ballot has no party or candidate boxes")
    if mark.place is Place.OUTSIDE:
        return
    if mark.kosong and len(pairs) != 1:
        raise _misfit(mark, contest, "only a single-pair race prints an empty column")
    if mark.pair is not None and mark.pair not in pairs:
        raise _misfit(mark, contest, f"pair {mark.pair} is not standing")
    if mark.place is Place.BETWEEN and (mark.neighbour not in pairs or mark.neighbour == mark.pair):
        raise _misfit(mark, contest, f"no line between this column and pair {mark.neighbour}")


def _fits_dpd(mark: Mark, contest: Contest, candidates: frozenset[int]) -> None:
    if mark.pair is not None or mark.kosong or mark.party is not None:
        raise _misfit(mark, contest, "a DPD mark names a candidate only")
    if mark.place is Place.OUTSIDE:
        return
    if mark.candidate not in candidates:
        raise _misfit(mark, contest, f"candidate {mark.candidate} is not standing")
    if mark.place is Place.BETWEEN and (
        mark.neighbour not in candidates or mark.neighbour == mark.candidate
    ):
        raise _misfit(mark, contest, f"no line between this column and {mark.neighbour}")


def _fits_party_list(mark: Mark, contest: Contest) -> None:
    if mark.pair is not None or mark.kosong:
        raise _misfit(mark, contest, "a party-list ballot has no pair columns")
    if mark.place is Place.OUTSIDE:
        return
    if mark.party is None:
        raise _misfit(mark, contest, "a mark inside a party box names the party")
    slate = _slate(contest, mark.party)
    if mark.candidate is not None:
        _candidate(slate, mark.candidate)
    if mark.place is Place.BETWEEN:
        # The schema's only "between" on this layout is the line between two candidates of
        # one party (D10). A line between two party boxes is not in the handbook.
        if mark.candidate is None or mark.neighbour == mark.candidate:
            raise _misfit(mark, contest, "'between' names two candidates of one party")
        assert mark.neighbour is not None
        _candidate(slate, mark.neighbour)


_JUDGES: Final[dict[Layout, Callable[[Sequence[Mark], Contest], Verdict]]] = {
    Layout.PAIR: _judge_pair,
    Layout.INDIVIDUAL: _judge_dpd,
    Layout.PARTY_LIST: _judge_party_list,
}
