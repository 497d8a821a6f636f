"""Typing a plano row's number (scenes/phases/counting_keys.py): every row of every ballot is
reached by its printed number, a DPR/DPRD ruling takes two keys, and neither a stray digit
nor a number that names no row rules anything."""

from __future__ import annotations

from simulator.core.targets import Target, TargetKind
from simulator.scenes.phases.counting_keys import RowTyping

KOSONG = Target(TargetKind.KOSONG)


def party_list(parties: int, candidates: int) -> list[Target]:
    rows: list[Target] = []
    for party in range(1, parties + 1):
        rows.append(Target.party(party))
        rows += [Target.party(party, c) for c in range(1, candidates + 1)]
    return rows


def typed(typing: RowTyping, keys: str) -> list[str]:
    """The rows ruled while typing ``keys`` (``\\r`` Enter, ``<`` Backspace, ``!`` Esc)."""
    ruled: list[str] = []
    for key in keys:
        if key == "\r":
            row = typing.enter()
        elif key == "<":
            typing.back()
            row = None
        elif key == "!":
            typing.clear()
            row = None
        else:
            row = typing.digit(key)
        if row is not None:
            ruled.append(row)
    return ruled


def test_a_pair_is_one_key() -> None:
    typing = RowTyping.of([Target.pair(1), Target.pair(2), Target.pair(3)])
    assert typed(typing, "2") == ["pair:2"]
    assert not typing.pending, "nothing is left waiting after a ruling"


def test_the_empty_column_has_no_number_to_type() -> None:
    typing = RowTyping.of([Target.pair(1), KOSONG])
    assert typed(typing, "1") == ["pair:1"], "one pair: 1 is complete at once"
    assert "kosong" not in typing.rows.values(), "K is the empty column's own key"


def test_a_candidate_of_a_party_is_party_then_candidate() -> None:
    typing = RowTyping.of(party_list(4, 3))
    assert typed(typing, "3") == [], "a party is chosen, nothing ruled yet"
    assert typing.party == "party:3" and typing.prompt()[0] == "candidate"
    assert typed(typing, "2") == ["party:3/cand:2"]


def test_the_party_row_is_zero_or_enter_after_the_party() -> None:
    typing = RowTyping.of(party_list(4, 3))
    assert typed(typing, "30") == ["party:3"]
    assert typed(typing, "4\r") == ["party:4"]


def test_every_row_of_a_real_size_party_list_is_reachable() -> None:
    """Eighteen parties (the 2024 national count) with ten candidates each: a number that a
    longer one starts with waits for Enter; every row is ruled by its own keys."""
    rows = party_list(18, 10)
    typing = RowTyping.of(rows)
    for target in rows:
        party = str(target.number)
        keys = party + ("\r" if party == "1" else "")  # 1 could still become 10..18
        candidate = target.candidate
        if candidate is None:
            keys += "0"
        else:
            keys += str(candidate) + ("\r" if candidate == 1 else "")  # 1 could become 10
        assert typed(typing, keys) == [str(target)], f"{keys!r} should rule {target}"


def test_twelve_dpd_candidates_wait_only_where_a_longer_number_starts_alike() -> None:
    typing = RowTyping.of([Target.dpd(n) for n in range(1, 13)])
    assert typed(typing, "1") == [] and typing.prompt() == ("row_typed", {"typed": "1"})
    assert typed(typing, "2") == ["cand:12"]
    assert typed(typing, "1\r") == ["cand:1"]
    assert typed(typing, "7") == ["cand:7"], "no number starts with 7 but 7"


def test_a_stray_digit_on_a_party_list_rules_nothing_and_esc_forgets_it() -> None:
    typing = RowTyping.of(party_list(4, 3))
    assert typed(typing, "2!") == []
    assert not typing.pending
    assert typed(typing, "12") == ["party:1/cand:2"], "after Esc, typing starts afresh"


def test_backspace_takes_back_a_digit_then_the_party() -> None:
    typing = RowTyping.of(party_list(12, 12))
    assert typed(typing, "1<") == [] and not typing.pending
    assert typed(typing, "5<") == [] and not typing.pending, "the party chosen is let go"
    assert typed(typing, "51<") == [] and typing.party == "party:5", "only the 1 is taken back"
    assert typed(typing, "12") == ["party:5/cand:12"]


def test_a_number_naming_no_row_is_said_and_rules_nothing() -> None:
    typing = RowTyping.of(party_list(4, 3))
    assert typed(typing, "7") == []
    assert typing.prompt() == ("unknown", {"number": "7"}) and not typing.pending
    assert typed(typing, "29") == [] and typing.prompt() == ("unknown", {"number": "2.9"})
    assert typing.party == "party:2", "the party stays chosen after a wrong candidate"
    assert typed(typing, "1") == ["party:2/cand:1"]


def test_enter_with_nothing_typed_rules_nothing() -> None:
    typing = RowTyping.of(party_list(4, 3))
    assert typed(typing, "\r") == []
    assert not typing.pending
