"""The polling day as it stands: plain mutable dataclasses, changed only inside ``apply``.

The world holds physical truths (how many ballots lie where, what is in each box, who is in
which attendance list) and the record of what the KPPS has done (what was counted, shown,
announced, signed). Rules read both; scenes only display them.
"""

from __future__ import annotations

import operator
import random
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from typing import TypeVar

from simulator.core.forms import ResultForm
from simulator.core.packing import PackingMap
from simulator.core.scoring import Duty
from simulator.schema.ballot import Ballot
from simulator.schema.scenario import Scenario, Voter
from simulator.schema.types import BallotType, Phase, VoterList

T = TypeVar("T")


@dataclass(slots=True)
class BallotStock:
    """The ballots of one type held by the KPPS outside the box."""

    received: int  # C.Hasil II.1
    district: str | None  # district printed, when not this TPS's (tertukar)
    defective: int  # print or paper defects in the packets
    counted: bool = False  # counted per type in front of witnesses
    issued: int = 0  # handed to voters, replacements included
    returned: int = 0  # handed back damaged or wrongly marked (II.2)
    unused_counted: bool = False
    unused_crossed: bool = False
    swapped_by_pps: bool = False  # wrong-district ballots exchanged after a report

    @property
    def remaining(self) -> int:
        return self.received - self.issued


@dataclass(slots=True)
class Box:
    """One ballot box, from delivery to the sealed handover."""

    ballot: BallotType
    sealed_on_arrival: bool
    sticker_matches: bool
    opened: bool = False  # opened at the opening meeting
    shown_empty: bool = False
    relocked: bool = False
    contents: list[Ballot] = field(default_factory=list)
    opened_for_count: bool = False
    count_announced: bool = False
    packed: bool = False  # holds at least one envelope
    sealed: bool = False

    def __deepcopy__(self, memo: dict[int, object]) -> Box:
        return _copy_box(self)


@dataclass(slots=True)
class VoterState:
    """One person at the TPS and what has happened to them."""

    voter: Voter
    arrives: int  # minutes; may move to 12:00 when asked to come back
    arrived: bool = False
    ink_checked: bool = False
    documents_checked: bool = False
    called: bool = False
    attendance: VoterList | None = None  # the attendance list they were entered in
    refused: str | None = None  # the reason given
    asked_to_return: bool = False
    ballots: list[BallotType] = field(default_factory=list)  # types handed over
    signature: str | None = None
    phone_reminded: bool = False
    assistance: str | None = None  # "allowed", "refused", "offered"
    helper_statement: bool = False
    replacements_pending: list[BallotType] = field(default_factory=list)
    replacements_done: list[BallotType] = field(default_factory=list)
    inked: bool = False  # ink applied at the exit
    done: bool = False  # left the TPS, ballots cast

    @property
    def id(self) -> str:
        return self.voter.id

    def __deepcopy__(self, memo: dict[int, object]) -> VoterState:
        return _copy_voter(self)


def _field_copier(cls: type[T]) -> Callable[[T], T]:
    """A deep copy for a state dataclass whose fields are immutable values, authored models
    (shared, as their own deep copy does) and lists of those (copied one level).

    A copy of the day (Simulation.fork) copies every voter, 600 at a Pilkada TPS, and every
    box of a counted day; the generic deep copy spent most of a fork on them.
    """
    declared = fields(cls)  # type: ignore[arg-type]
    values_of = operator.attrgetter(*(f.name for f in declared))
    lists = [i for i, f in enumerate(declared) if f.default_factory is list]
    made = [f.name for f in declared if f.default_factory not in (MISSING, list)]
    assert not made, f"{cls.__name__}: {made} would need a deep copy of their own"

    def copy_of(state: T) -> T:
        values = list(values_of(state))
        for index in lists:
            values[index] = list(values[index])
        return cls(*values)

    return copy_of


_copy_voter = _field_copier(VoterState)
_copy_box = _field_copier(Box)


@dataclass(slots=True)
class EventState:
    index: int
    at: int
    kind: str
    ballot: BallotType | None
    claim_valid: bool | None
    fired: bool = False
    response: str | None = None
    # What the event turned out to be about, fixed when it fired: a ballot in its box
    # ("ppwp#7"), a C.Hasil cell ("dpr:II.4"), a box type.
    subject: str | None = None
    figure: int | None = None  # the figure concerned (a cell's, or what Sirekap read)


@dataclass(slots=True)
class WitnessState:
    id: str
    arrives: int
    mandate: bool
    attributes: bool
    decision: str | None = None  # "admitted", "refused"
    attributes_removed: bool = False


@dataclass(slots=True)
class OpeningState:
    board_posted: bool = False
    board_marked: bool = False
    meeting_opened_at: int | None = None
    oath_taken: bool = False
    procedure_explained: bool = False
    box_order: list[BallotType] = field(default_factory=list)
    notices_returned: dict[str, str] = field(default_factory=dict)  # notice id → reason given


# A field added after playthroughs were recorded stays out of the state digest while it is
# empty (core/digest.py), so a day that never used it keeps the digest it was recorded with.
OMIT_WHEN_EMPTY = {"digest": "omit_when_empty"}


@dataclass(slots=True)
class VotingState:
    at_desk: str | None = None  # the voter being served
    dpk_announced: bool = False
    close_announced_at: int | None = None
    ended_at: int | None = None
    priority_skipped: list[str] = field(default_factory=list)  # priority voters passed over
    # Voting stopped by a disturbance until the KPU Kab/Kota decides (the event, "event.N"),
    # and whether the day has been carried into a continued vote (PSL) (HANDBOOK §17.2).
    halted_by: str | None = field(default=None, metadata=OMIT_WHEN_EMPTY)
    continued: bool = field(default=False, metadata=OMIT_WHEN_EMPTY)


@dataclass(slots=True)
class ClosingState:
    attendance_totalled: bool = False
    disabled_counted: bool = False
    counting_area_public: bool | None = None


@dataclass(slots=True)
class CountingState:
    order: list[BallotType] = field(default_factory=list)  # boxes opened for counting
    open_box: BallotType | None = None
    next_index: dict[BallotType, int] = field(default_factory=dict)
    tally: dict[BallotType, dict[str, int]] = field(default_factory=dict)  # as ruled, plano
    rulings: dict[BallotType, list[str]] = field(default_factory=dict)
    rows: dict[BallotType, frozenset[str]] = field(default_factory=dict)  # C.Hasil rows per type
    unshown: dict[BallotType, int] = field(default_factory=dict)
    finished: list[BallotType] = field(default_factory=list)
    # Ballots the careful crew ruled at the chair's request: the last ``delegated[type]`` of
    # ``rulings[type]`` (the rest of a box, counted by the engine's own judgement).
    delegated: dict[BallotType, int] = field(default_factory=dict, metadata=OMIT_WHEN_EMPTY)


@dataclass(slots=True)
class FormsState:
    entries: dict[BallotType, ResultForm] = field(default_factory=dict)  # the trainee's C.Hasil
    signed: dict[BallotType, bool] = field(default_factory=dict)
    corrections: dict[BallotType, list[str]] = field(default_factory=dict)  # method per fix


@dataclass(slots=True)
class HandoverState:
    sirekap_uploaded: list[BallotType] = field(default_factory=list)
    copies_made: dict[BallotType, str] = field(default_factory=dict)  # type → "tps"/"luar"
    copies_given: list[str] = field(default_factory=list)  # recipients
    handed_over_at: int | None = None
    # What the crew packed where: document → envelope, envelope → the box it went into.
    envelope_of: dict[str, str] = field(default_factory=dict, metadata=OMIT_WHEN_EMPTY)
    box_of: dict[str, BallotType] = field(default_factory=dict, metadata=OMIT_WHEN_EMPTY)


@dataclass(slots=True)
class World:
    """Everything the engine knows about this polling day, at one instant."""

    scenario: Scenario
    seed: int
    rngs: dict[str, random.Random]
    clock: int
    phases: tuple[Phase, ...]  # the phases played, in order
    phase_index: int
    stocks: dict[BallotType, BallotStock]
    boxes: dict[BallotType, Box]
    items_delivered: dict[str, int]
    items_expected: dict[str, int]
    # Where each document belongs (the scenario's packing map): derived from the scenario,
    # so the digest leaves it out as it does the scenario.
    packing: PackingMap
    reported: set[str] = field(default_factory=set)  # discrepancy ids reported to PPS
    inspected: set[str] = field(default_factory=set)
    special_events: list[tuple[str, str | None]] = field(default_factory=list)
    ptps_informed: set[str] = field(default_factory=set)
    witnesses: dict[str, WitnessState] = field(default_factory=dict)
    voters: dict[str, VoterState] = field(default_factory=dict)
    queue: list[str] = field(default_factory=list)  # arrived, waiting, in arrival order
    events: list[EventState] = field(default_factory=list)
    opening: OpeningState = field(default_factory=OpeningState)
    voting: VotingState = field(default_factory=VotingState)
    closing: ClosingState = field(default_factory=ClosingState)
    counting: CountingState = field(default_factory=CountingState)
    forms: FormsState = field(default_factory=FormsState)
    handover: HandoverState = field(default_factory=HandoverState)
    attendance_preset: dict[str, int] = field(default_factory=dict)  # when voting is not played
    pending_ballots: dict[BallotType, list[Ballot]] = field(default_factory=dict)
    # Generated marks drawn ahead in one batch per type, consumed from the end. A pure function
    # of the seed and of how many were cast, so the digest leaves it out, as it does the rngs.
    drawn: dict[BallotType, list[Ballot]] = field(default_factory=dict)
    # Each ended phase's duties as they stood when it ended: what its score is measured on.
    duties: dict[Phase, tuple[Duty, ...]] = field(default_factory=dict)
    finished: bool = False

    @property
    def phase(self) -> Phase | None:
        return None if self.finished else self.phases[self.phase_index]

    @property
    def ballot_types(self) -> tuple[BallotType, ...]:
        return tuple(self.stocks)

    def rng(self, stream: str) -> random.Random:
        """A named random stream, seeded from the scenario seed (created on first use)."""
        generator = self.rngs.get(stream)
        if generator is None:
            generator = random.Random(f"{self.seed}:{stream}")
            self.rngs[stream] = generator
        return generator
