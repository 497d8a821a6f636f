"""The seeded ballot generator: deterministic, and always judged as it intends.

The generator and :func:`simulator.core.validity.judge` are two independent codings of
HANDBOOK §7; when they disagree, one of them misreads the handbook. All names are fictional.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.core.ballot_gen import (
    draw_ballot,
    draw_ballots,
    draw_with_verdict,
    generator_problem,
)
from simulator.core.domain import LAYOUT_OF
from simulator.core.targets import TargetKind
from simulator.core.validity import Code, judge
from simulator.schema.scenario import (
    BallotGenerator,
    Candidate,
    CandidateStatus,
    Contest,
    PartySlate,
    RuleSettings,
)
from simulator.schema.types import BallotType, Layout
from tests.contest_fixtures import DISTRICTS, dpd_contest, pair_contest

RULES = (RuleSettings(), RuleSettings(punch_through_all_types=True))


def party_contest(ballot: BallotType = BallotType.DPR) -> Contest:
    """Party 1: four candidates, the third TMS; party 2: two; party 5: none."""
    first = [
        Candidate(
            number=n,
            name=f"Caleg {n}",
            status=CandidateStatus.TMS if n == 3 else CandidateStatus.AKTIF,
        )
        for n in (1, 2, 3, 4)
    ]
    return Contest(
        ballot=ballot,
        slates=[
            PartySlate(party=1, candidates=first),
            PartySlate(
                party=2, candidates=[Candidate(number=n, name=f"Caleg {n}") for n in (1, 2)]
            ),
            PartySlate(party=5),
        ],
    )


PPWP = pair_contest(BallotType.PPWP, 1, 2, 3)
TUNGGAL = pair_contest(BallotType.BUPATI, 1)
DPD = dpd_contest(1, 2, 3, 4, 5)
DPR = party_contest()


# --- Random contests for the agreement property ----------------------------------------------


@st.composite
def contests(draw: st.DrawFn) -> Contest:
    ballot = draw(st.sampled_from(list(BallotType)))
    layout = LAYOUT_OF[ballot]
    if layout is Layout.PAIR:
        numbers = draw(st.lists(st.integers(1, 20), min_size=1, max_size=5, unique=True))
        return pair_contest(ballot, *numbers)
    if layout is Layout.INDIVIDUAL:
        numbers = draw(st.lists(st.integers(1, 99), min_size=1, max_size=12, unique=True))
        return dpd_contest(*numbers)
    parties = draw(st.lists(st.integers(1, 99), min_size=1, max_size=6, unique=True))
    slates = []
    for party in parties:
        numbers = draw(st.lists(st.integers(1, 30), max_size=8, unique=True))
        statuses = draw(
            st.lists(st.sampled_from(CandidateStatus), min_size=len(numbers), max_size=len(numbers))
        )
        candidates = [
            Candidate(number=n, name=f"Caleg {party}-{n}", status=s)
            for n, s in zip(numbers, statuses, strict=True)
        ]
        slates.append(PartySlate(party=party, candidates=candidates))
    return Contest(ballot=ballot, slates=slates)


def _participants(contest: Contest) -> list[int]:
    layout = LAYOUT_OF[contest.ballot]
    if layout is Layout.PAIR:
        return [pair.number for pair in contest.pairs]
    if layout is Layout.INDIVIDUAL:
        return [candidate.number for candidate in contest.candidates]
    return [slate.party for slate in contest.slates]


@st.composite
def specs(draw: st.DrawFn, contest: Contest) -> BallotGenerator:
    weights: dict[int, int] = {}
    if draw(st.booleans()):
        numbers = _participants(contest)
        weights = {n: draw(st.integers(0, 5)) for n in numbers}
        weights[numbers[0]] = max(1, weights[numbers[0]])
    return BallotGenerator(
        weights=weights,
        kosong=draw(st.integers(0, 5)),
        invalid=draw(st.integers(0, 100)),
        tricky=draw(st.integers(0, 100)),
    )


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), seed=st.integers(0, 2**32))
def test_the_judge_rules_every_generated_ballot_as_intended(data: st.DataObject, seed: int) -> None:
    contest = data.draw(contests(), label="contest")
    spec = data.draw(specs(contest), label="spec")
    rng = random.Random(seed)
    for _ in range(20):
        drawn = draw_with_verdict(rng, contest, spec, DISTRICTS)
        for rules in RULES:
            verdict = judge(drawn.ballot, contest, DISTRICTS, rules)
            assert verdict == drawn.intended, (
                f"generator meant {drawn.intended}, judge said {verdict} "
                f"(punch_through_all_types={rules.punch_through_all_types}) for {drawn.ballot}"
            )


# --- Every variant turns up --------------------------------------------------------------------

GENERAL = {Code.G2_TOOL, Code.G3_WRITING, Code.G4_NO_MARK, Code.G5_DAMAGED, Code.G6_OUTSIDE}
EXPECTED_CODES: list[tuple[Contest, set[Code]]] = [
    (
        PPWP,
        {Code.V1, Code.V2, Code.V3, Code.V4, Code.MULTI_COLUMN, Code.BETWEEN_COLUMNS}
        | {Code.MIRROR_IN_OTHER_COLUMN}
        | GENERAL,
    ),
    (
        pair_contest(BallotType.GUBERNUR, 1, 2),
        {Code.V1, Code.V2, Code.V3, Code.MULTI_COLUMN, Code.BETWEEN_COLUMNS} | GENERAL,
    ),
    (
        TUNGGAL,
        {Code.V1, Code.V2, Code.V3, Code.K1, Code.KOSONG_AND_PAIR, Code.BETWEEN_COLUMNS} | GENERAL,
    ),
    (DPD, {Code.W1, Code.W2, Code.W3, Code.MULTI_COLUMN, Code.BETWEEN_COLUMNS} | GENERAL),
    (DPR, {Code(f"D{i}") for i in range(1, 17)} | {Code.MULTI_PARTY} | GENERAL),
]


@pytest.mark.parametrize(
    ("contest", "expected"), EXPECTED_CODES, ids=lambda x: str(getattr(x, "ballot", ""))
)
def test_every_variant_of_the_layout_is_drawn(contest: Contest, expected: set[Code]) -> None:
    spec = BallotGenerator(invalid=40, tricky=60, kosong=1)
    rng = random.Random(f"7:{contest.ballot}")
    seen = {draw_with_verdict(rng, contest, spec, DISTRICTS).intended.code for _ in range(3000)}
    assert seen == expected, (
        f"missing {sorted(expected - seen)}, unexpected {sorted(seen - expected)}"
    )


def test_unsigned_ballots_are_never_generated() -> None:
    spec = BallotGenerator(invalid=100)
    for contest in (PPWP, TUNGGAL, DPD, DPR):
        ballots = draw_ballots(random.Random(3), contest, spec, DISTRICTS, 500)
        assert all(b.signed and b.district is None for b in ballots), (
            "signing is the voting phase's job"
        )


# --- The knobs -------------------------------------------------------------------------------


def _codes(contest: Contest, spec: BallotGenerator, count: int = 1000) -> Counter[Code]:
    rng = random.Random(11)
    return Counter(
        draw_with_verdict(rng, contest, spec, DISTRICTS).intended.code for _ in range(count)
    )


@pytest.mark.parametrize(
    ("contest", "plain"),
    [
        (PPWP, {Code.V1}),
        (TUNGGAL, {Code.V1, Code.K1}),
        (DPD, {Code.W1}),
        (DPR, {Code.D1, Code.D2, Code.D16}),
    ],
)
def test_no_invalid_and_no_tricky_gives_plain_ballots(contest: Contest, plain: set[Code]) -> None:
    seen = set(_codes(contest, BallotGenerator(invalid=0, tricky=0, kosong=1)))
    assert seen == plain, f"plain ballots should be {sorted(plain)}, got {sorted(seen)}"


def test_invalid_percent_is_honoured() -> None:
    assert not any(c.valid for c in _codes(DPR, BallotGenerator(invalid=100))), "100% invalid"
    assert all(c.valid for c in _codes(DPR, BallotGenerator(invalid=0))), "0% invalid"
    share = sum(
        n for c, n in _codes(PPWP, BallotGenerator(invalid=20), 4000).items() if not c.valid
    )
    assert 0.16 < share / 4000 < 0.24, f"about 20% should be invalid, got {share / 4000:.1%}"


def test_weights_pick_the_target() -> None:
    spec = BallotGenerator(weights={2: 5}, invalid=0, tricky=50)
    rng = random.Random(5)
    targets = {
        str(draw_with_verdict(rng, PPWP, spec, DISTRICTS).intended.target) for _ in range(300)
    }
    assert targets == {"pair:2"}, f"only pair 2 has weight, got {targets}"


def test_kosong_weight_drives_the_empty_column() -> None:
    none = _codes(TUNGGAL, BallotGenerator(invalid=0, kosong=0))
    assert Code.K1 not in none, "kosong weight 0: no votes for the empty column"
    rng = random.Random(2)
    spec = BallotGenerator(weights={1: 1}, kosong=3, invalid=0)
    kinds = Counter(
        draw_with_verdict(rng, TUNGGAL, spec, DISTRICTS).intended.counted_as.kind
        for _ in range(4000)
    )
    share = kinds[TargetKind.KOSONG] / 4000
    assert 0.70 < share < 0.80, f"kosong weight 3 against 1 should give about 75%, got {share:.1%}"


def test_party_list_votes_go_to_a_candidate_about_60_percent_of_the_time() -> None:
    counts = _codes(DPR, BallotGenerator(weights={1: 1, 2: 1}, invalid=0, tricky=0), 4000)
    share = counts[Code.D2] / 4000
    assert 0.55 < share < 0.65, f"expected about 60% candidate votes, got {share:.1%}"


@pytest.mark.parametrize(
    ("spec", "match"),
    [
        (BallotGenerator(weights={9: 1}), "unknown_weight"),
        (BallotGenerator(weights={1: 0, 2: 0, 3: 0}), "no_one_to_vote_for"),
    ],
)
def test_weights_that_cannot_work_raise(spec: BallotGenerator, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        draw_ballot(random.Random(1), PPWP, spec, DISTRICTS)
    problem = generator_problem(PPWP, spec)
    assert problem is not None and problem.code == match, "validate would not see it"


def test_an_empty_contest_raises() -> None:
    with pytest.raises(ValueError, match="nobody_standing"):
        draw_ballot(random.Random(1), Contest(ballot=BallotType.PPWP), BallotGenerator(), DISTRICTS)


# --- Determinism -------------------------------------------------------------------------------


@pytest.mark.parametrize("contest", [PPWP, TUNGGAL, DPD, DPR], ids=lambda c: str(c.ballot))
def test_the_same_stream_gives_the_same_ballots(contest: Contest) -> None:
    spec = BallotGenerator(invalid=30, tricky=50, kosong=1)
    first = draw_ballots(random.Random("42:ballots"), contest, spec, DISTRICTS, 200)
    again = draw_ballots(random.Random("42:ballots"), contest, spec, DISTRICTS, 200)
    one_by_one_rng = random.Random("42:ballots")
    one_by_one = [draw_ballot(one_by_one_rng, contest, spec, DISTRICTS) for _ in range(200)]
    assert first == again, "the same seed must give the same ballots"
    assert first == one_by_one, "draw_ballots must equal repeated draw_ballot"


def test_the_global_random_module_is_never_used(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(*_: Any, **__: Any) -> Any:
        raise AssertionError("the generator reached for the global random module")

    for name in ("random", "choice", "choices", "randint", "randrange", "sample", "shuffle"):
        monkeypatch.setattr(random, name, forbidden)
    spec = BallotGenerator(invalid=50, tricky=50, kosong=1)
    for contest in (PPWP, TUNGGAL, DPD, DPR):
        assert len(draw_ballots(random.Random(1), contest, spec, DISTRICTS, 200)) == 200
