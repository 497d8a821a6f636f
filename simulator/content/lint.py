"""The domain lint: what the schema cannot see in a scenario that parsed.

Cross-references (a slate names a party that is defined, a mark names a pair that stands) and
the arithmetic of the polling day (reserve ballots, voters per TPS, the counting-start
reconciliation of HANDBOOK §8.2). Each check is a small function from a :class:`Scenario` to
issues addressed by data path; the loader places them in the file.

A check never judges what the trainee will do: a shortage of ballots is a situation a trainer
may set up on purpose, so it is a warning, not an error.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TypeVar

from simulator.content.errors import Anchor, Hint, Issue, Level, PathPart
from simulator.content.real_names import real_party, real_person
from simulator.core import packing
from simulator.core.actions import COMMON_ACTIONS, EndPhase
from simulator.core.ballot_gen import GeneratorError, generator_problem
from simulator.core.catalogue import PHASE_MODULES
from simulator.core.domain import (
    BALLOT_ORDER,
    DISTRICT_FIELD,
    DPK_FROM,
    LAYOUT_OF,
    MAX_VOTERS_PER_TPS,
    expected_ballots,
)
from simulator.schema.ballot import Mark, Place
from simulator.schema.clock import format_minutes, to_minutes
from simulator.schema.scenario import (
    BallotGenerator,
    Contest,
    DocumentKind,
    EventKind,
    Party,
    Registration,
    Scenario,
    SexCount,
    Voter,
)
from simulator.schema.types import BallotType, ElectionType, Layout, Phase, Sex

Loc = tuple[PathPart, ...]
Check = Callable[[Scenario], list[Issue]]
T = TypeVar("T")

# Voters join the queue from when the KPPS arrive (06:00); arrivals after the 13:00 close are
# allowed on purpose (a late voter is a situation to train), up to 14:00.
VOTER_WINDOW = (to_minutes("06:00"), to_minutes("14:00"))
# Anything else happens between the day before (logistics, H-1) and the 12:00 limit for counting
# the next day (HANDBOOK §2).
DAY_WINDOW = (to_minutes("00:00-1"), to_minutes("12:00+1"))

_LIST_OF_LAYOUT: dict[Layout, str] = {
    Layout.PAIR: "pairs",
    Layout.PARTY_LIST: "slates",
    Layout.INDIVIDUAL: "candidates",
}
# The dapil a party-list ballot is printed for must be named: its ballots count by it.
_DISTRICT_OF: dict[BallotType, str] = {
    ballot: field for ballot, field in DISTRICT_FIELD.items()
    if LAYOUT_OF[ballot] is Layout.PARTY_LIST
}


def _issue(loc: Loc, code: str, /, level: Level = "error", hint: Hint | None = None,
           anchor: Anchor = "value", **params: object) -> Issue:
    return Issue(loc, code, params, hint=hint, level=level, anchor=anchor)


def _contests(s: Scenario) -> dict[BallotType, Contest]:
    contests: dict[BallotType, Contest] = {}
    for contest in s.contests:
        contests.setdefault(contest.ballot, contest)
    return contests


def _duplicates(items: Sequence[T], key: Callable[[T], object]) -> Iterable[tuple[int, object]]:
    """(index, key) of every item whose key an earlier item already had."""
    seen: set[object] = set()
    for index, item in enumerate(items):
        value = key(item)
        if value in seen:
            yield index, value
        seen.add(value)


# --- Contests and participants -------------------------------------------------------------


def check_contest_election(s: Scenario) -> list[Issue]:
    allowed = BALLOT_ORDER[s.election]
    issues = [
        _issue(("contests", i, "ballot"), "lint.contest.election", ballot=str(c.ballot),
               election=str(s.election), allowed=", ".join(map(str, allowed)))
        for i, c in enumerate(s.contests)
        if c.ballot not in allowed
    ]
    issues += [
        _issue(("contests", i, "ballot"), "lint.contest.duplicate", ballot=str(ballot))
        for i, ballot in _duplicates(s.contests, lambda c: c.ballot)
    ]
    types = {c.ballot for c in s.contests}
    if {BallotType.BUPATI, BallotType.WALIKOTA} <= types:
        index = next(i for i, c in enumerate(s.contests) if c.ballot is BallotType.WALIKOTA)
        issues.append(_issue(("contests", index, "ballot"), "lint.contest.both_regents"))
    return issues


def check_contest_lists(s: Scenario) -> list[Issue]:
    issues: list[Issue] = []
    for i, contest in enumerate(s.contests):
        wanted = _LIST_OF_LAYOUT[LAYOUT_OF[contest.ballot]]
        if not getattr(contest, wanted):
            issues.append(_issue(("contests", i), "lint.contest.empty", ballot=str(contest.ballot),
                                 list=wanted))
        for other in _LIST_OF_LAYOUT.values():
            if other != wanted and getattr(contest, other):
                issues.append(_issue(("contests", i, other), "lint.contest.wrong_list",
                                     anchor="key", ballot=str(contest.ballot), list=wanted,
                                     field=other))
        if wanted == "pairs" and len(contest.pairs) == 1 and s.election is not \
                ElectionType.PILKADA_2024:
            issues.append(_issue(("contests", i, "pairs"), "lint.contest.single_pair",
                                 anchor="key", ballot=str(contest.ballot)))
    return issues


def check_contest_numbers(s: Scenario) -> list[Issue]:
    return [issue for i, contest in enumerate(s.contests)
            for issue in contest_number_issues(("contests", i), contest)]


def contest_number_issues(loc: Loc, contest: Contest) -> list[Issue]:
    """Two pairs, slates or candidates of one contest under one number (a scenario's or a
    quiz bank's): a mark on that number could not say whom it is for."""
    issues: list[Issue] = []
    for field, items in (("pairs", contest.pairs), ("slates", contest.slates),
                         ("candidates", contest.candidates)):
        issues += _duplicate_numbers((*loc, field), items)
    for j, slate in enumerate(contest.slates):
        issues += _duplicate_numbers((*loc, "slates", j, "candidates"), slate.candidates)
    return issues


def _duplicate_numbers(loc: Loc, items: Sequence[object]) -> list[Issue]:
    field = "party" if loc[-1] == "slates" else "number"  # a slate is numbered by its party
    return [
        _issue((*loc, index, field), "lint.contest.duplicate_number", number=value)
        for index, value in _duplicates(items, lambda item: getattr(item, field))
    ]


def check_parties(s: Scenario) -> list[Issue]:
    issues = [
        _issue(("parties", i, "number"), "lint.party.duplicate_number", number=value)
        for i, value in _duplicates(s.parties, lambda p: p.number)
    ]
    issues += [
        _issue(("parties", i, "code"), "lint.party.duplicate_code", code=repr(value))
        for i, value in _duplicates(s.parties, lambda p: p.code)
    ]
    return issues


def fictional_issues(parties: Sequence[Party], contests: Sequence[Contest]) -> list[Issue]:
    """Parties and candidates must be fictional: never a real party's code or name, nor a
    real 2024 candidate's name (shared by scenarios and quiz banks)."""
    issues: list[Issue] = []
    for i, party in enumerate(parties):
        found = real_party(party.code, party.name)
        if found is not None:
            field = "code" if found == party.code else "name"
            issues.append(_issue(("parties", i, field), "lint.real.party", found=repr(found)))
    for i, contest in enumerate(contests):
        people: list[tuple[Loc, str]] = []
        for j, pair in enumerate(contest.pairs):
            people += [(("contests", i, "pairs", j, "head"), pair.head),
                       (("contests", i, "pairs", j, "deputy"), pair.deputy)]
        people += [(("contests", i, "candidates", j, "name"), c.name)
                   for j, c in enumerate(contest.candidates)]
        for j, slate in enumerate(contest.slates):
            people += [(("contests", i, "slates", j, "candidates", k, "name"), c.name)
                       for k, c in enumerate(slate.candidates)]
        for loc, name in people:
            found = real_person(name)
            if found is not None:
                issues.append(_issue(loc, "lint.real.person", found=repr(found)))
    return issues


def check_fictional(s: Scenario) -> list[Issue]:
    return fictional_issues(s.parties, s.contests)


def check_party_references(s: Scenario) -> list[Issue]:
    defined = {party.number for party in s.parties}
    issues: list[Issue] = []
    for i, contest in enumerate(s.contests):
        for j, slate in enumerate(contest.slates):
            if slate.party not in defined:
                issues.append(_issue(("contests", i, "slates", j, "party"),
                                     "lint.party.undefined", number=slate.party))
        for j, pair in enumerate(contest.pairs):
            issues += [
                _issue(("contests", i, "pairs", j, "parties", k), "lint.party.undefined",
                       number=number)
                for k, number in enumerate(pair.parties)
                if number not in defined
            ]
    return issues


def check_districts(s: Scenario) -> list[Issue]:
    if s.election is not ElectionType.PEMILU_2024:
        return []
    return [
        _issue(("tps", "districts"), "lint.tps.district_missing", ballot=str(contest.ballot),
               field=_DISTRICT_OF[contest.ballot])
        for contest in s.contests
        if contest.ballot in _DISTRICT_OF
        and getattr(s.tps.districts, _DISTRICT_OF[contest.ballot]) is None
    ]


# --- The TPS and its logistics -------------------------------------------------------------


def check_voters_per_tps(s: Scenario) -> list[Issue]:
    total = s.tps.dpt.total + s.tps.dptb.total
    limit = MAX_VOTERS_PER_TPS[s.election]
    if total <= limit:
        return []
    return [_issue(("tps", "dpt"), "lint.tps.too_many_voters", total=total, limit=limit,
                   election=str(s.election))]


def check_tps_disabled(s: Scenario) -> list[Issue]:
    registered = _sex_sum(s.tps.dpt, s.tps.dptb)
    return [
        _issue(("tps", "disabled", field), "lint.tps.disabled_exceeds",
               count=getattr(s.tps.disabled, field), registered=registered[field])
        for field in ("men", "women")
        if getattr(s.tps.disabled, field) > registered[field]
    ]


def _sex_sum(*counts: SexCount) -> dict[str, int]:
    return {"men": sum(c.men for c in counts), "women": sum(c.women for c in counts)}


def check_logistics_types(s: Scenario) -> list[Issue]:
    types = set(_contests(s))
    return [
        _not_in_scenario(("logistics", field, ballot), ballot, anchor="key")
        for field in ("ballots", "boxes")
        for ballot in getattr(s.logistics, field)
        if ballot not in types
    ]


def check_ballot_counts(s: Scenario) -> list[Issue]:
    expected = expected_ballots(s.tps.dpt.total, s.election)
    issues: list[Issue] = []
    for ballot, packet in s.logistics.ballots.items():
        loc: Loc = ("logistics", "ballots", str(ballot))
        count = expected if packet.count is None else packet.count
        if packet.count is not None and packet.count != expected:
            issues.append(_issue((*loc, "count"), "lint.logistics.count_differs", "warning",
                                 ballot=str(ballot), count=count, expected=expected,
                                 dpt=s.tps.dpt.total, reserve=expected - s.tps.dpt.total))
        if packet.damaged > count:
            issues.append(_issue((*loc, "damaged"), "lint.logistics.damaged_exceeds",
                                 damaged=packet.damaged, count=count))
    return issues


def _not_in_scenario(loc: Loc, ballot: BallotType, anchor: Anchor = "value") -> Issue:
    return _issue(loc, "lint.ballot_type.not_in_scenario", anchor=anchor, ballot=str(ballot))


# --- People --------------------------------------------------------------------------------


def check_people_ids(s: Scenario) -> list[Issue]:
    groups: tuple[tuple[Loc, Sequence[object]], ...] = (
        (("voters", "listed"), s.voters.listed),
        (("witnesses",), s.witnesses),
        (("undelivered_notices",), s.undelivered_notices),
    )
    return [
        _issue((*loc, i, "id"), "lint.people.duplicate_id", id=repr(value))
        for loc, items in groups
        for i, value in _duplicates(items, lambda item: getattr(item, "id", None))
    ]


def check_listed_registration(s: Scenario) -> list[Issue]:
    """Listed voters on a list cannot outnumber that list, per sex (a C.Hasil row)."""
    listed = Counter((v.registered, v.sex) for v in s.voters.listed)
    issues: list[Issue] = []
    for registration, name, counts in ((Registration.DPT, "DPT", s.tps.dpt),
                                       (Registration.DPTB, "DPTb", s.tps.dptb)):
        for sex, field in ((Sex.L, "men"), (Sex.P, "women")):
            number, registered = listed[(registration, sex)], getattr(counts, field)
            if number > registered:
                issues.append(_issue(("voters", "listed"), "lint.voter.exceeds_registered",
                                     anchor="key", list=name, sex=str(sex), listed=number,
                                     registered=registered))
    return issues


def check_other_tps(s: Scenario) -> list[Issue]:
    """``other_tps`` names another TPS's DPT: for a voter on no list of this TPS, and not this
    TPS's own number."""
    issues: list[Issue] = []
    for i, v in enumerate(s.voters.listed):
        loc: Loc = ("voters", "listed", i, "other_tps")
        if v.other_tps is None:
            continue
        if v.registered is not Registration.NONE:
            issues.append(_issue(loc, "lint.voter.other_tps_registered",
                                 registered=v.registered.value))
        elif v.other_tps == s.tps.number:
            issues.append(_issue(loc, "lint.voter.other_tps_is_this", tps=v.other_tps))
    return issues


def check_voter_ballot_types(s: Scenario) -> list[Issue]:
    types = set(_contests(s))
    issues: list[Issue] = []
    for i, voter in enumerate(s.voters.listed):
        loc: Loc = ("voters", "listed", i)
        issues += [_not_in_scenario((*loc, "votes", str(t)), t, "key")
                   for t in voter.votes if t not in types]
        issues += [_not_in_scenario((*loc, "replacements", k), t)
                   for k, t in enumerate(voter.replacements) if t not in types]
        for j, document in enumerate(voter.documents):
            if document.kind is DocumentKind.MODEL_A:
                issues += [_not_in_scenario((*loc, "documents", j, "ballots", k), t)
                           for k, t in enumerate(document.ballots) if t not in types]
    return issues


def check_voter_marks(s: Scenario) -> list[Issue]:
    contests = _contests(s)
    issues: list[Issue] = []
    for i, voter in enumerate(s.voters.listed):
        for ballot, marks in voter.votes.items():
            if ballot in contests:
                loc: Loc = ("voters", "listed", i, "votes", str(ballot))
                issues += _marks_issues(marks, contests[ballot], loc)
    return issues


def check_listed_ballots(s: Scenario) -> list[Issue]:
    contests = _contests(s)
    issues: list[Issue] = []
    for i, ballot in enumerate(s.ballots.listed):
        loc: Loc = ("ballots", "listed", i)
        if ballot.ballot not in contests:
            issues.append(_not_in_scenario((*loc, "ballot"), ballot.ballot))
            continue
        issues += _marks_issues(ballot.marks, contests[ballot.ballot], (*loc, "marks"))
    return issues


# --- Marks on the printed layout -----------------------------------------------------------


def _marks_issues(marks: Sequence[Mark], contest: Contest, loc: Loc) -> list[Issue]:
    issues: list[Issue] = []
    for j, mark in enumerate(marks):
        issues += mark_issues(mark, contest, (*loc, j))
    return issues


def mark_issues(mark: Mark, contest: Contest, loc: Loc) -> list[Issue]:
    """Whether a mark names columns that exist on this contest's printed ballot."""
    if mark.place is Place.OUTSIDE:
        return []
    layout = LAYOUT_OF[contest.ballot]
    wrong = [field for field in _FOREIGN_FIELDS[layout] if getattr(mark, field)]
    if wrong:
        return [_issue((*loc, field), "lint.mark.layout", anchor="key", field=field,
                       ballot=str(contest.ballot)) for field in wrong]
    if layout is Layout.PAIR:
        return _pair_mark(mark, contest, loc)
    if layout is Layout.PARTY_LIST:
        return _slate_mark(mark, contest, loc)
    return _candidate_mark(mark, contest, loc)


_FOREIGN_FIELDS: dict[Layout, tuple[str, ...]] = {
    Layout.PAIR: ("party", "candidate"),
    Layout.PARTY_LIST: ("pair", "kosong"),
    Layout.INDIVIDUAL: ("pair", "kosong", "party"),
}


def _pair_mark(mark: Mark, contest: Contest, loc: Loc) -> list[Issue]:
    numbers = sorted(pair.number for pair in contest.pairs)
    if mark.kosong:
        if len(numbers) != 1:
            return [_issue((*loc, "kosong"), "lint.mark.kosong", ballot=str(contest.ballot),
                           pairs=len(numbers))]
        # the only line a kolom kosong shares is with the single pair's column
        if mark.neighbour is not None and mark.neighbour != numbers[0]:
            return [_neighbour_issue(loc, "kosong", mark.neighbour)]
        return []
    return _numbered_mark(loc, "pair", mark.pair, mark.neighbour, numbers)


def _slate_mark(mark: Mark, contest: Contest, loc: Loc) -> list[Issue]:
    if mark.party is None:
        return [_issue(loc, "lint.mark.needs_party", ballot=str(contest.ballot))]
    slates = {slate.party: slate for slate in contest.slates}
    if mark.candidate is None:
        return _numbered_mark(loc, "party", mark.party, mark.neighbour, sorted(slates))
    slate = slates.get(mark.party)
    if slate is None:
        return [_unknown_number(loc, "party", mark.party)]
    numbers = sorted(candidate.number for candidate in slate.candidates)
    return _numbered_mark(loc, "candidate", mark.candidate, mark.neighbour, numbers)


def _candidate_mark(mark: Mark, contest: Contest, loc: Loc) -> list[Issue]:
    numbers = sorted(candidate.number for candidate in contest.candidates)
    return _numbered_mark(loc, "candidate", mark.candidate, mark.neighbour, numbers)


def _numbered_mark(loc: Loc, field: str, number: int | None, neighbour: int | None,
                   numbers: list[int]) -> list[Issue]:
    if number is None or number not in numbers:
        return [_unknown_number(loc, field, number)]
    if neighbour is not None and not _adjacent(number, neighbour, numbers):
        return [_neighbour_issue(loc, field, neighbour)]
    return []


def _adjacent(a: int, b: int, numbers: list[int]) -> bool:
    """Two columns (or rows) share a line when they are next to each other in print order."""
    return a in numbers and b in numbers and abs(numbers.index(a) - numbers.index(b)) == 1


def _unknown_number(loc: Loc, field: str, number: int | None) -> Issue:
    return _issue((*loc, field), "lint.mark.unknown_number", field=field, number=number)


def _neighbour_issue(loc: Loc, field: str, neighbour: int) -> Issue:
    return _issue((*loc, "neighbour"), "lint.mark.neighbour", field=field, neighbour=neighbour)


# --- Ballots to count ----------------------------------------------------------------------


def check_generated_ballots(s: Scenario) -> list[Issue]:
    contests = _contests(s)
    issues: list[Issue] = []
    for ballot, generator in s.ballots.generated.items():
        loc: Loc = ("ballots", "generated", str(ballot))
        contest = contests.get(ballot)
        if contest is None:
            issues.append(_not_in_scenario(loc, ballot, "key"))
            continue
        numbers = _weight_numbers(contest)
        unknown = [
            _issue((*loc, "weights", number), "lint.ballots.unknown_weight", anchor="key",
                   number=number, ballot=str(ballot))
            for number in generator.weights
            if number not in numbers
        ]
        issues += unknown
        if generator.kosong and len(contest.pairs) != 1:
            issues.append(_issue((*loc, "kosong"), "lint.ballots.kosong", ballot=str(ballot)))
        problem = _generator_problem(contest, generator)
        if problem is not None and not unknown:
            issues.append(_issue((*loc, "weights"), f"lint.ballots.{problem.code}",
                                 ballot=str(ballot), **problem.params))
    # A type with no generator of its own draws with the default one (voters' votes).
    for ballot, contest in contests.items():
        if ballot not in s.ballots.generated:
            problem = _generator_problem(contest, BallotGenerator())
            if problem is not None:
                issues.append(_issue(("contests",), f"lint.ballots.{problem.code}",
                                     ballot=str(ballot), **problem.params))
    return issues


def _generator_problem(contest: Contest, spec: BallotGenerator) -> GeneratorError | None:
    """What keeps ``spec`` from drawing ballots, by the engine's own drawing; a contest with
    no one standing is already reported by :func:`check_contest_lists`."""
    problem = generator_problem(contest, spec)
    return None if problem is None or problem.code == "nobody_standing" else problem


def _weight_numbers(contest: Contest) -> set[int]:
    layout = LAYOUT_OF[contest.ballot]
    if layout is Layout.PAIR:
        return {pair.number for pair in contest.pairs}
    if layout is Layout.PARTY_LIST:
        return {slate.party for slate in contest.slates}
    return {candidate.number for candidate in contest.candidates}


# --- Times ---------------------------------------------------------------------------------


def check_times(s: Scenario) -> list[Issue]:
    times: list[tuple[Loc, str, tuple[int, int]]] = [
        (("voters", "listed", i, "arrives"), v.arrives, VOTER_WINDOW)
        for i, v in enumerate(s.voters.listed)
    ]
    times += [(("witnesses", i, "arrives"), w.arrives, DAY_WINDOW)
              for i, w in enumerate(s.witnesses)]
    times += [(("events", i, "at"), e.at, DAY_WINDOW) for i, e in enumerate(s.events)]
    times.append((("ptps_arrives",), s.ptps_arrives, DAY_WINDOW))
    if s.rules.dptb_from is not None:
        times.append((("rules", "dptb_from"), s.rules.dptb_from, VOTER_WINDOW))
    if s.voters.generated is not None:
        times += [(("voters", "generated", field), getattr(s.voters.generated, field),
                   VOTER_WINDOW) for field in ("start", "end")]
    issues = [_window_issue(loc, text, window) for loc, text, window in times
              if not window[0] <= to_minutes(text) <= window[1]]
    return issues + _generator_order(s)


def _window_issue(loc: Loc, text: str, window: tuple[int, int]) -> Issue:
    return _issue(loc, "lint.time.window", time=text, start=format_minutes(window[0]),
                  end=format_minutes(window[1]))


def _generator_order(s: Scenario) -> list[Issue]:
    generated = s.voters.generated
    if generated is None or to_minutes(generated.start) <= to_minutes(generated.end):
        return []
    return [_issue(("voters", "generated", "end"), "lint.time.order", start=generated.start,
                   end=generated.end)]


# --- Starting after the vote ---------------------------------------------------------------


def _starts_after_voting(s: Scenario) -> bool:
    return list(Phase).index(s.phases[0]) >= list(Phase).index(Phase.PENUTUPAN)


def check_counting_start_needed(s: Scenario) -> list[Issue]:
    if _starts_after_voting(s) and s.counting_start is None:
        return [_issue(("phases",), "lint.counting_start.missing", phase=str(s.phases[0]))]
    if not _starts_after_voting(s) and s.counting_start is not None:
        return [_issue(("counting_start",), "lint.counting_start.unused", "warning",
                       anchor="key")]
    return []


def check_counting_start_voters(s: Scenario) -> list[Issue]:
    start = s.counting_start
    if start is None:
        return []
    issues: list[Issue] = []
    for name, label, voted, registered in (("dpt", "DPT", start.dpt, s.tps.dpt),
                                           ("dptb", "DPTb", start.dptb, s.tps.dptb)):
        issues += [
            _issue(("counting_start", name, field), "lint.counting_start.exceeds_registered",
                   list=label, voted=getattr(voted, field),
                   registered=getattr(registered, field))
            for field in ("men", "women")
            if getattr(voted, field) > getattr(registered, field)
        ]
    voters = start.dpt.total + start.dptb.total + start.dpk.total
    limit = min(voters, s.tps.disabled.total + start.dpk.total)
    if start.disabled.total > limit:
        issues.append(_issue(("counting_start", "disabled"), "lint.counting_start.disabled_exceeds",
                             voted=start.disabled.total, limit=limit))
    return issues


def check_counting_start_ballots(s: Scenario) -> list[Issue]:
    start = s.counting_start
    if start is None:
        return []
    contests = _contests(s)
    issues = [
        _not_in_scenario(("counting_start", field, str(t)), t, "key")
        for field in ("returned", "not_entitled")
        for t in getattr(start, field)
        if t not in contests
    ]
    for ballot in contests:
        issues += _reconcile(s, ballot)
    return issues


def _reconcile(s: Scenario, ballot: BallotType) -> list[Issue]:
    """HANDBOOK §8.2 R5, R4 and the DPTb caveat, for one ballot type."""
    start = s.counting_start
    assert start is not None
    dptb = start.dptb.total
    not_entitled = start.not_entitled.get(ballot, 0)
    if not_entitled > dptb:
        return [_issue(("counting_start", "not_entitled", str(ballot)),
                       "lint.counting_start.not_entitled_exceeds", ballot=str(ballot),
                       count=not_entitled, dptb=dptb)]
    used = start.dpt.total + dptb + start.dpk.total - not_entitled
    issues: list[Issue] = []
    to_count = sum(1 for b in s.ballots.listed if b.ballot is ballot)
    generator = s.ballots.generated.get(ballot)
    to_count += generator.count if generator is not None else 0
    if to_count != used:
        # A day that does not reconcile is a scenario's point only where it trains the
        # recording of it (M38) or what not to do when Sirekap flags it (M60).
        meant = bool({"M38", "M60"} & set(s.mistakes))
        issues.append(_issue(("ballots", "generated", str(ballot), "count"),
                             "lint.counting_start.ballots_mismatch", ballot=str(ballot),
                             level="warning" if meant else "error",
                             count=to_count, voters=used))
    returned = start.returned.get(ballot, 0)
    delivered = _delivered(s, ballot)
    if returned + used > delivered:
        issues.append(_issue(("counting_start", "returned", str(ballot)),
                             "lint.counting_start.exceeds_delivered", ballot=str(ballot),
                             returned=returned, used=used, delivered=delivered))
    return issues


def _delivered(s: Scenario, ballot: BallotType) -> int:
    packet = s.logistics.ballots.get(ballot)
    if packet is not None and packet.count is not None:
        return packet.count
    return expected_ballots(s.tps.dpt.total, s.election)


def check_ballots_for_voters(s: Scenario) -> list[Issue]:
    """Enough ballots of each type for every voter on the lists who comes, unless the scenario
    places the shortage event (``surat_suara_kurang``: HANDBOOK §17.4.3, the PPS brings ballots
    from another TPS): without it a day that would run out is refused rather than left to stop
    at the voter who finds none.

    A voter on no list is served from 12:00 only while ballots remain, and one who finds none
    is sent to the nearest TPS of the village (§5.4 conditions 4-5; M18), so running out on
    them is a case the desk handles, and a scenario may train it. They are counted only when a
    voter on the lists who needs this type still comes after 12:00, and could find it gone. A
    DPTb voter needs only the types written on their Model A (§5.3)."""
    if Phase.PEMUNGUTAN not in s.phases:
        return []
    if any(e.kind is EventKind.SURAT_SUARA_KURANG for e in s.events):
        return []
    generated = s.voters.generated.count if s.voters.generated is not None else 0
    unlisted = [v for v in s.voters.listed if v.registered is Registration.NONE]
    issues: list[Issue] = []
    for ballot in _contests(s):
        listed = [v for v in s.voters.listed if _needs_on_the_list(v, ballot)]
        if generated or any(to_minutes(v.arrives) >= DPK_FROM for v in listed):
            listed += unlisted
        voters = len(listed) + generated
        delivered = _delivered(s, ballot)
        if delivered >= voters:
            continue
        packet = s.logistics.ballots.get(ballot)
        loc: Loc = (
            ("logistics", "ballots", str(ballot), "count")
            if packet is not None and packet.count is not None
            else ("tps", "dpt")
        )
        issues.append(_issue(loc, "lint.logistics.runs_out", ballot=str(ballot),
                             count=delivered, voters=voters))
    return issues


def _needs_on_the_list(voter: Voter, ballot: BallotType) -> bool:
    """A voter on this TPS's lists who is to receive a ballot of this type."""
    if voter.registered is Registration.NONE:
        return False
    model_a = next((d for d in voter.documents if d.kind is DocumentKind.MODEL_A), None)
    return model_a is None or not model_a.ballots or ballot in model_a.ballots


# --- Events, scoring -----------------------------------------------------------------------


def check_event_ballots(s: Scenario) -> list[Issue]:
    types = set(_contests(s))
    return [
        _not_in_scenario(("events", i, "ballot"), event.ballot)
        for i, event in enumerate(s.events)
        if event.ballot is not None and event.ballot not in types
    ]


def check_event_decisions(s: Scenario) -> list[Issue]:
    """Only a disturbance waits for the KPU Kab/Kota's decision on a continued vote (PSL)."""
    return [
        _issue(("events", i, "decision"), "lint.events.decision_kind", kind=event.kind.value)
        for i, event in enumerate(s.events)
        if event.decision is not None and event.kind is not EventKind.KERUSUHAN
    ]


def check_packing(s: Scenario) -> list[Issue]:
    """The packing map names documents and envelopes of this TPS, boxes of its ballot types,
    and keeps every type's ballots in that type's box (HANDBOOK §10 step 6)."""
    types = tuple(_contests(s))
    documents = packing.documents(types)
    envelopes = packing.envelopes(types)
    listing = {
        "document": {"types": ", ".join(packing.TYPE_DOCUMENTS),
                     "shared": ", ".join(packing.SHARED_DOCUMENTS)},
        "envelope": {"types": ", ".join(packing.TYPE_ENVELOPES),
                     "shared": ", ".join(packing.SHARED_ENVELOPES)},
    }

    def unknown(loc: Loc, what: str, value: str, known: Sequence[str], anchor: Anchor) -> Issue:
        close = difflib.get_close_matches(value, list(known), n=1)
        hint = Hint("content.hint.did_you_mean", {"suggestion": repr(close[0])}) if close else None
        return _issue(loc, f"lint.packing.unknown_{what}", anchor=anchor, hint=hint,
                      **{what: repr(value)}, **listing[what])

    issues: list[Issue] = []
    for document, envelope in s.packing.envelopes.items():
        loc = ("packing", "envelopes", document)
        if document not in documents:
            issues.append(unknown(loc, "document", document, documents, "key"))
        if envelope not in envelopes:
            issues.append(unknown(loc, "envelope", envelope, envelopes, "value"))
    for envelope, ballot in s.packing.boxes.items():
        loc = ("packing", "boxes", envelope)
        if envelope not in envelopes:
            issues.append(unknown(loc, "envelope", envelope, envelopes, "key"))
        if ballot not in types:
            issues.append(_not_in_scenario(loc, ballot))
    # The ballots' boxes, judged on the entries that name known ids (the rest is reported).
    base = packing.default_map(types, s.election) if types else None
    if base is None:
        return issues
    target = packing.PackingMap(
        {**base.envelope_of, **{d: e for d, e in s.packing.envelopes.items()
                                if d in documents and e in envelopes}},
        {**base.box_of, **{e: b for e, b in s.packing.boxes.items()
                           if e in envelopes and b in types}},
    )
    return issues + _ballots_elsewhere(s, target)


def _ballots_elsewhere(s: Scenario, target: packing.PackingMap) -> list[Issue]:
    """Ballots whose envelope the map sends to another type's box, pointed out where the
    scenario said so: the envelope's box if it set one, else the document's envelope."""
    issues = []
    for document, envelope in target.envelope_of.items():
        own = packing.ballots_of(document)
        box = target.box_of[envelope]
        if own is None or box is own:
            continue
        loc: Loc = (("packing", "boxes", envelope) if envelope in s.packing.boxes
                    else ("packing", "envelopes", document))
        issues.append(_issue(loc, "lint.packing.ballots_elsewhere", document=repr(document),
                             ballot=str(own), envelope=repr(envelope), box=str(box)))
    return issues


def check_scoring_lists(s: Scenario) -> list[Issue]:
    scoring = s.scoring
    issues = [
        _issue(("scoring", field, i), "lint.scoring.duplicate", rule=repr(value))
        for field in ("enable", "disable")
        for i, value in _duplicates(getattr(scoring, field), str)
    ]
    both = set(scoring.enable) & set(scoring.disable)
    issues += [
        _issue(("scoring", "disable", i), "lint.scoring.conflict", rule=repr(rule))
        for i, rule in enumerate(scoring.disable)
        if rule in both
    ]
    issues += [
        _issue(("mistakes", i), "lint.mistakes.duplicate", mistake=repr(value))
        for i, value in _duplicates(s.mistakes, str)
    ]
    return issues


def check_rule_ids(s: Scenario, known_rules: Collection[str] | None) -> list[Issue]:
    """Hook for the rule catalogue: every rule id the scenario names must exist.

    The catalogue lives in the engine, which the content layer must not import; whoever holds it
    passes its ids (``load_scenario(path, known_rules=…)``). Without them this checks nothing.
    """
    if known_rules is None:
        return []
    known = sorted(known_rules)
    named: list[tuple[Loc, str, str]] = [
        (("scoring", "points", rule), rule, "key") for rule in s.scoring.points
    ]
    named += [(("scoring", field, i), rule, "value")
              for field in ("enable", "disable")
              for i, rule in enumerate(getattr(s.scoring, field))]
    return [
        _issue(loc, "lint.scoring.unknown_rule", anchor=anchor, rule=repr(rule),
               hint=_rule_hint(rule, known))
        for loc, rule, anchor in named
        if rule not in known_rules
    ]


# --- The guide -----------------------------------------------------------------------------


def guide_action_kinds(phase: Phase) -> list[str]:
    """The action kinds a guide note of ``phase`` may wait for: what the trainee can do in that
    phase (ending it is not among them: no note is shown once the phase is over)."""
    classes = (*COMMON_ACTIONS, *PHASE_MODULES[phase].ACTIONS)
    kinds = (str(cls.model_fields["kind"].default) for cls in classes)
    return sorted({kind for kind in kinds if kind != EndPhase.model_fields["kind"].default})


def check_guide(s: Scenario) -> list[Issue]:
    """A guide note belongs to a phase the scenario plays, and waits for an action the trainee
    can take there (a misspelt kind would leave the note never shown)."""
    issues: list[Issue] = []
    played = ", ".join(str(phase) for phase in s.phases)
    for i, note in enumerate(s.guide):
        if note.phase not in s.phases:
            issues.append(_issue(("guide", i, "phase"), "lint.guide.phase_not_played",
                                 phase=str(note.phase), phases=played))
        if note.after is None:
            continue
        kinds = guide_action_kinds(note.phase)
        if note.after not in kinds:
            close = difflib.get_close_matches(note.after, kinds, n=1)
            hint = Hint("content.hint.did_you_mean", {"suggestion": repr(close[0])}) if close \
                else None
            issues.append(_issue(("guide", i, "after"), "lint.guide.unknown_action", hint=hint,
                                 kind=repr(note.after), phase=str(note.phase),
                                 allowed=", ".join(kinds)))
    return issues


def _rule_hint(rule: str, known: list[str]) -> Hint | None:
    close = difflib.get_close_matches(rule, known, n=1)
    return Hint("content.hint.did_you_mean", {"suggestion": repr(close[0])}) if close else None


SCENARIO_CHECKS: tuple[Check, ...] = (
    check_contest_election,
    check_contest_lists,
    check_contest_numbers,
    check_parties,
    check_fictional,
    check_party_references,
    check_districts,
    check_voters_per_tps,
    check_tps_disabled,
    check_logistics_types,
    check_ballot_counts,
    check_people_ids,
    check_listed_registration,
    check_other_tps,
    check_voter_ballot_types,
    check_voter_marks,
    check_listed_ballots,
    check_generated_ballots,
    check_times,
    check_counting_start_needed,
    check_counting_start_voters,
    check_counting_start_ballots,
    check_event_ballots,
    check_event_decisions,
    check_ballots_for_voters,
    check_packing,
    check_scoring_lists,
    check_guide,
)


def lint_scenario(s: Scenario, known_rules: Collection[str] | None = None) -> list[Issue]:
    """Every domain issue of a scenario that passed the schema."""
    issues: list[Issue] = []
    for check in SCENARIO_CHECKS:
        issues += check(s)
    return issues + check_rule_ids(s, known_rules)
