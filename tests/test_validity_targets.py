"""Vote targets: one canonical text form, and the C.Hasil rows of each contest in order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.core.targets import (
    INVALID,
    KOSONG,
    Target,
    TargetKind,
    all_targets,
    parse_target,
)
from simulator.i18n import LANGUAGES, catalog
from simulator.schema.scenario import Candidate, CandidateStatus, Contest, Pair, PartySlate
from simulator.schema.types import BallotType

numbers = st.integers(min_value=1, max_value=99)
targets = st.one_of(
    numbers.map(Target.pair),
    numbers.map(Target.dpd),
    st.builds(Target.party, numbers, st.none() | numbers),
    st.just(KOSONG),
    st.just(INVALID),
)
canonical_texts = st.one_of(
    st.from_regex(r"(pair|cand|party):[1-9][0-9]?", fullmatch=True),
    st.from_regex(r"party:[1-9][0-9]?/cand:[1-9][0-9]?", fullmatch=True),
    st.sampled_from(["kosong", "invalid"]),
)


@given(targets)
def test_every_target_survives_its_text(target: Target) -> None:
    text = str(target)
    assert parse_target(text) == target, f"{target!r} written as {text!r} reads back differently"


@given(canonical_texts)
def test_every_canonical_text_survives_parsing(text: str) -> None:
    assert str(parse_target(text)) == text, f"{text!r} is not written back the same way"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("pair:2", Target.pair(2)),
        ("kosong", KOSONG),
        ("cand:4", Target.dpd(4)),
        ("party:3", Target.party(3)),
        ("party:3/cand:2", Target.party(3, 2)),
        ("invalid", INVALID),
    ],
)
def test_the_documented_forms(text: str, target: Target) -> None:
    assert parse_target(text) == target, f"{text!r} should read as {target!r}"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "pair:02",
        "pair:0",
        "pair:100",
        "Pair:1",
        " pair:1",
        "pair:1 ",
        "party:3/cand:",
        "cand:4/party:3",
        "kosong:1",
        "tidak sah",
        "pair:1/cand:2",
        "party:3/pair:1",
    ],
)
def test_anything_else_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a vote target"):
        parse_target(text)


def test_a_target_cannot_be_built_malformed() -> None:
    for bad in [
        lambda: Target(TargetKind.PAIR),
        lambda: Target(TargetKind.KOSONG, 1),
        lambda: Target(TargetKind.PAIR, 1, 2),
        lambda: Target(TargetKind.PARTY, 0),
        lambda: Target(TargetKind.PAIR, True),  # a bool is not a number here
    ]:
        with pytest.raises(ValueError):
            bad()


def test_party_only_drops_the_candidate() -> None:
    assert Target.party(3, 2).party_only() == Target.party(3)
    with pytest.raises(ValueError):
        Target.pair(1).party_only()


# --- C.Hasil rows --------------------------------------------------------------------------------


def test_pair_rows_in_number_order_and_kosong_only_for_a_single_pair() -> None:
    def contest(*numbers: int) -> Contest:
        return Contest(
            ballot=BallotType.WALIKOTA,
            pairs=[Pair(number=n, head=f"Calon {n}", deputy=f"Wakil {n}") for n in numbers],
        )

    assert [str(t) for t in all_targets(contest(2, 1, 3))] == ["pair:1", "pair:2", "pair:3"]
    assert [str(t) for t in all_targets(contest(1))] == ["pair:1", "kosong"]


def test_dpd_rows() -> None:
    contest = Contest(
        ballot=BallotType.DPD, candidates=[Candidate(number=n, name=f"Senator {n}") for n in (3, 1)]
    )
    assert [str(t) for t in all_targets(contest)] == ["cand:1", "cand:3"]


def test_party_list_rows_list_each_party_then_its_printed_candidates() -> None:
    contest = Contest(
        ballot=BallotType.DPR,
        slates=[
            PartySlate(party=2),
            PartySlate(
                party=1,
                candidates=[
                    Candidate(number=2, name="Caleg Dua", status=CandidateStatus.TMS),
                    Candidate(number=1, name="Caleg Satu"),
                ],
            ),
        ],
    )
    rows = [str(t) for t in all_targets(contest)]
    assert rows == ["party:1", "party:1/cand:1", "party:1/cand:2", "party:2"], (
        f"rows should follow the printed order, TMS candidates included: {rows}"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_target_has_a_label(lang: str) -> None:
    for target in (
        Target.pair(1),
        KOSONG,
        Target.dpd(2),
        Target.party(3),
        Target.party(3, 4),
        INVALID,
    ):
        key, params = target.label()
        assert catalog(lang)(key, **params), f"{lang}: no label for {target}"
