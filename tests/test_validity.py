"""The ballot-validity judge against HANDBOOK §7: for every code, a case where it fires and a
neighbouring case where it must not.

All parties, pairs and candidates here are fictional.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest

from simulator.core.targets import parse_target
from simulator.core.validity import INVALID_CODES, VALID_CODES, Code, Verdict, judge
from simulator.i18n import LANGUAGES, catalog
from simulator.schema.ballot import Ballot, Mark, Place, Tool
from simulator.schema.scenario import (
    Candidate,
    CandidateStatus,
    Contest,
    PartySlate,
    RuleSettings,
)
from simulator.schema.types import BallotType
from tests.contest_fixtures import DISTRICTS, dpd_contest, pair_contest

# --- Fixtures: a fictional TPS and its contests ----------------------------------------------

DEFAULT = RuleSettings()
PUNCH_THROUGH_EVERYWHERE = RuleSettings(punch_through_all_types=True)


def party_list(ballot: BallotType = BallotType.DPR) -> Contest:
    """Party 1: candidates 1-3 qualified, 4 announced TMS. Party 2: candidates 1-2.
    Party 3: no candidates on this ballot."""
    first = [Candidate(number=n, name=f"Caleg Satu {n}") for n in (1, 2, 3)]
    first.append(Candidate(number=4, name="Caleg Satu 4", status=CandidateStatus.TMS))
    second = [Candidate(number=n, name=f"Caleg Dua {n}") for n in (1, 2)]
    return Contest(
        ballot=ballot,
        slates=[
            PartySlate(party=1, candidates=first),
            PartySlate(party=2, candidates=second),
            PartySlate(party=3),
        ],
    )


PPWP = pair_contest(BallotType.PPWP, 1, 2, 3)
BUPATI = pair_contest(BallotType.BUPATI, 1, 2)
TUNGGAL = pair_contest(BallotType.BUPATI, 1)  # calon tunggal: the pair and the empty column
DPD = dpd_contest(1, 2, 3, 4)
DPR = party_list()

OUT: dict[str, Any] = {"place": Place.OUTSIDE}
MIRROR_OUT: dict[str, Any] = {"place": Place.OUTSIDE, "mirror": True}


def ballot(contest: Contest, *marks: dict[str, Any], **flags: Any) -> Ballot:
    return Ballot(ballot=contest.ballot, marks=[Mark(**m) for m in marks], **flags)


def rule(b: Ballot, contest: Contest, settings: RuleSettings = DEFAULT) -> Verdict:
    return judge(b, contest, DISTRICTS, settings)


def p(number: int, **more: Any) -> dict[str, Any]:
    return {"pair": number, **more}


def c(number: int, **more: Any) -> dict[str, Any]:
    return {"candidate": number, **more}


def box(party: int, candidate: int | None = None, **more: Any) -> dict[str, Any]:
    return {"party": party, "candidate": candidate, **more}


BORDER: dict[str, Any] = {"place": Place.BORDER}
KOSONG: dict[str, Any] = {"kosong": True}
BLANK: dict[str, Any] = {"place": Place.BLANK_AREA}


@dataclass(frozen=True)
class Case:
    """A ballot and the ruling the handbook gives it."""

    what: str  # the situation in words, for the failure message
    contest: Contest
    ballot: Ballot
    target: str | None  # canonical target text, None when invalid
    code: Code
    settings: RuleSettings = DEFAULT

    def check(self) -> None:
        verdict = rule(self.ballot, self.contest, self.settings)
        assert verdict.code is self.code, f"{self.what}: expected {self.code}, got {verdict}"
        expected = None if self.target is None else parse_target(self.target)
        assert verdict.target == expected, (
            f"{self.what}: should count for {self.target or 'nobody (tidak sah)'}, got {verdict}"
        )
        assert verdict.valid is (self.target is not None), f"{self.what}: {verdict}"


def case(
    what: str,
    contest: Contest,
    marks: tuple[dict[str, Any], ...],
    target: str | None,
    code: Code,
    *,
    settings: RuleSettings = DEFAULT,
    **flags: Any,
) -> Case:
    return Case(what, contest, ballot(contest, *marks, **flags), target, code, settings)


# --- Every code fires ------------------------------------------------------------------------

FIRES: list[Case] = [
    # PPWP (§7.3)
    case("one mark on pair 2", PPWP, (p(2),), "pair:2", Code.V1),
    case("two marks inside pair 2's column", PPWP, (p(2), p(2)), "pair:2", Code.V2),
    case("a mark on pair 2's border line", PPWP, (p(2, **BORDER),), "pair:2", Code.V3),
    case("pair 2 + mirror hole in the margin (M35)", PPWP, (p(2), MIRROR_OUT), "pair:2", Code.V4),
    case("pair 2 + mirror hole in pair 2", PPWP, (p(2), p(2, mirror=True)), "pair:2", Code.V4),
    case("two marks on pair 2 + mirror out", PPWP, (p(2), p(2), MIRROR_OUT), "pair:2", Code.V4),
    # Pilkada (§7.6)
    case("Bupati: one mark on pair 1", BUPATI, (p(1),), "pair:1", Code.V1),
    case("Bupati: several marks on pair 2", BUPATI, (p(2), p(2), p(2)), "pair:2", Code.V2),
    case("Bupati: on pair 2's border", BUPATI, (p(2, **BORDER),), "pair:2", Code.V3),
    case("calon tunggal: mark on the pair", TUNGGAL, (p(1),), "pair:1", Code.V1),
    case("calon tunggal: empty column (M36)", TUNGGAL, (KOSONG,), "kosong", Code.K1),
    case(
        "calon tunggal: on the empty column's border",
        TUNGGAL,
        ({**KOSONG, **BORDER},),
        "kosong",
        Code.K1,
    ),
    case("calon tunggal: twice in the empty column", TUNGGAL, (KOSONG, KOSONG), "kosong", Code.K1),
    # DPR/DPRD (§7.4)
    case("party 1's logo only", DPR, (box(1),), "party:1", Code.D1),
    case("candidate 2 of party 1 only", DPR, (box(1, 2),), "party:1/cand:2", Code.D2),
    case(
        "party 1 logo + its candidate 2 (M34)", DPR, (box(1), box(1, 2)), "party:1/cand:2", Code.D3
    ),
    case("party 1 + candidates 1 and 2", DPR, (box(1), box(1, 1), box(1, 2)), "party:1", Code.D4),
    case("candidates 1 and 3 of party 1", DPR, (box(1, 1), box(1, 3)), "party:1", Code.D5),
    case("party 1's column punched twice", DPR, (box(1), box(1)), "party:1", Code.D6),
    case("candidate 2's row punched twice", DPR, (box(1, 2), box(1, 2)), "party:1/cand:2", Code.D7),
    case("on party 1's column border", DPR, (box(1, **BORDER),), "party:1", Code.D8),
    case("on candidate 2's row border", DPR, (box(1, 2, **BORDER),), "party:1/cand:2", Code.D9),
    case(
        "on the line between candidates 2 and 3",
        DPR,
        (box(1, 2, place=Place.BETWEEN, neighbour=3),),
        "party:1",
        Code.D10,
    ),
    case("TMS candidate 4 only", DPR, (box(1, 4),), "party:1", Code.D11),
    case("party 1 + TMS candidate 4", DPR, (box(1), box(1, 4)), "party:1", Code.D12),
    case("TMS candidate 4 + candidate 2", DPR, (box(1, 4), box(1, 2)), "party:1/cand:2", Code.D13),
    case("blank area of party 1's box", DPR, (box(1, **BLANK),), "party:1", Code.D14),
    case("candidate 2 + blank area", DPR, (box(1, 2), box(1, **BLANK)), "party:1/cand:2", Code.D15),
    case("party 3, which has no candidates", DPR, (box(3),), "party:3", Code.D16),
    case("blank box of party 3 (no candidates)", DPR, (box(3, **BLANK),), "party:3", Code.D16),
    case(
        "DPRD Kab/Kota follows the same table",
        party_list(BallotType.DPRD_KABKO),
        (box(2), box(2, 1)),
        "party:2/cand:1",
        Code.D3,
    ),
    # DPD (§7.5)
    case("DPD candidate 2", DPD, (c(2),), "cand:2", Code.W1),
    case("DPD candidate 2 punched twice", DPD, (c(2), c(2)), "cand:2", Code.W2),
    case("DPD on candidate 2's outer border", DPD, (c(2, **BORDER),), "cand:2", Code.W3),
    # General conditions (§7.2)
    case("unsigned (M22)", PPWP, (p(2),), None, Code.G1_UNSIGNED, signed=False),
    case("pen tick on pair 2", PPWP, (p(2, tool=Tool.PEN),), None, Code.G2_TOOL),
    case("cigarette burn on a DPD candidate", DPD, (c(1, tool=Tool.BURN),), None, Code.G2_TOOL),
    case("writing on the ballot", DPR, (box(1),), None, Code.G3_WRITING, writing=True),
    case("no mark at all", PPWP, (), None, Code.G4_NO_MARK),
    case("torn after marking", DPD, (c(3),), None, Code.G5_DAMAGED, damaged=True),
    case("pair 2 + a mark outside", PPWP, (p(2), OUT), None, Code.G6_OUTSIDE),
    case("only a mark outside", DPR, (OUT,), None, Code.G6_OUTSIDE),
    # Layout rules
    case("pairs 1 and 2", PPWP, (p(1), p(2)), None, Code.MULTI_COLUMN),
    case("Bupati pairs 1 and 2", BUPATI, (p(1), p(2, **BORDER)), None, Code.MULTI_COLUMN),
    case("DPD candidates 1 and 2", DPD, (c(1), c(2)), None, Code.MULTI_COLUMN),
    case("logos of parties 1 and 2", DPR, (box(1), box(2)), None, Code.MULTI_PARTY),
    case("party 1 + candidate of party 2 (M34)", DPR, (box(1), box(2, 1)), None, Code.MULTI_PARTY),
    case("candidates of parties 1 and 2", DPR, (box(1, 1), box(2, 2)), None, Code.MULTI_PARTY),
    case("party 1 + party 3's box", DPR, (box(1, 2), box(3)), None, Code.MULTI_PARTY),
    case(
        "on the line between pairs 1 and 2",
        PPWP,
        (p(1, place=Place.BETWEEN, neighbour=2),),
        None,
        Code.BETWEEN_COLUMNS,
    ),
    case(
        "on the line between DPD candidates 2 and 3",
        DPD,
        (c(2, place=Place.BETWEEN, neighbour=3),),
        None,
        Code.BETWEEN_COLUMNS,
    ),
    case(
        "calon tunggal: on the line between the columns",
        TUNGGAL,
        ({**KOSONG, "place": Place.BETWEEN, "neighbour": 1},),
        None,
        Code.BETWEEN_COLUMNS,
    ),
    case("calon tunggal: both columns", TUNGGAL, (p(1), KOSONG), None, Code.KOSONG_AND_PAIR),
    case(
        "pair 2 + mirror hole in pair 1 (M35)",
        PPWP,
        (p(2), p(1, mirror=True)),
        None,
        Code.MIRROR_IN_OTHER_COLUMN,
    ),
    case(
        "DPD ballot of another province (M02)",
        DPD,
        (c(2),),
        None,
        Code.TERTUKAR_DPD,
        district="Provinsi Teluk Damar",
    ),
]


@pytest.mark.parametrize("fires", FIRES, ids=lambda k: f"{k.code}: {k.what}")
def test_code_fires(fires: Case) -> None:
    fires.check()


def test_every_code_has_a_fires_case() -> None:
    missing = set(Code) - {k.code for k in FIRES}
    assert not missing, f"codes with no 'fires' test: {sorted(missing)}"


# --- ... and its neighbour does not ----------------------------------------------------------

DOES_NOT_FIRE: list[tuple[Code, Case]] = [
    (
        Code.V1,
        case(
            "a valid mark does not rescue a mark outside", PPWP, (p(2), OUT), None, Code.G6_OUTSIDE
        ),
    ),
    (
        Code.V2,
        case(
            "marks in two columns are not 'several marks'",
            PPWP,
            (p(1), p(3)),
            None,
            Code.MULTI_COLUMN,
        ),
    ),
    (
        Code.V3,
        case(
            "the line shared with pair 3 is not pair 2's border",
            PPWP,
            (p(2, place=Place.BETWEEN, neighbour=3),),
            None,
            Code.BETWEEN_COLUMNS,
        ),
    ),
    (
        Code.V4,
        case(
            "a mirror hole in pair 1's column spoils a vote for pair 2 (M35)",
            PPWP,
            (p(2), p(1, mirror=True)),
            None,
            Code.MIRROR_IN_OTHER_COLUMN,
        ),
    ),
    (
        Code.V4,
        case(
            "punch-through is not settled for the Bupati ballot: the hole outside is G6",
            BUPATI,
            (p(1), MIRROR_OUT),
            None,
            Code.G6_OUTSIDE,
        ),
    ),
    (
        Code.V4,
        case(
            "a mirror hole alone mirrors nothing: an ordinary mark outside",
            PPWP,
            (MIRROR_OUT,),
            None,
            Code.G6_OUTSIDE,
        ),
    ),
    (
        Code.V4,
        case(
            "a mirror hole on the line between pairs touches another column",
            PPWP,
            (p(2), p(2, place=Place.BETWEEN, neighbour=3, mirror=True)),
            None,
            Code.MIRROR_IN_OTHER_COLUMN,
        ),
    ),
    (
        Code.K1,
        case(
            "both columns of a single-pair race",
            TUNGGAL,
            (p(1), KOSONG),
            None,
            Code.KOSONG_AND_PAIR,
        ),
    ),
    (
        Code.K1,
        case(
            "a mark on the pair is a vote for the pair",
            TUNGGAL,
            (p(1, **BORDER),),
            "pair:1",
            Code.V3,
        ),
    ),
    (Code.D1, case("logos of two parties", DPR, (box(1), box(2)), None, Code.MULTI_PARTY)),
    (
        Code.D2,
        case("candidates of two parties", DPR, (box(1, 2), box(2, 1)), None, Code.MULTI_PARTY),
    ),
    (
        Code.D3,
        case(
            "party 1 logo + a candidate of party 2 (M34)",
            DPR,
            (box(1), box(2, 2)),
            None,
            Code.MULTI_PARTY,
        ),
    ),
    (
        Code.D4,
        case(
            "party + only one candidate is D3", DPR, (box(1), box(1, 3)), "party:1/cand:3", Code.D3
        ),
    ),
    (
        Code.D5,
        case(
            "the same candidate twice is D7", DPR, (box(1, 1), box(1, 1)), "party:1/cand:1", Code.D7
        ),
    ),
    (
        Code.D6,
        case(
            "several party marks + a mark outside",
            DPR,
            (box(1), box(1), OUT),
            None,
            Code.G6_OUTSIDE,
        ),
    ),
    (
        Code.D7,
        case("two different candidates is D5", DPR, (box(1, 1), box(1, 2)), "party:1", Code.D5),
    ),
    (
        Code.D8,
        case(
            "party border + a candidate is D3",
            DPR,
            (box(1, **BORDER), box(1, 2)),
            "party:1/cand:2",
            Code.D3,
        ),
    ),
    (
        Code.D9,
        case(
            "a candidate's border + another candidate",
            DPR,
            (box(1, 2, **BORDER), box(1, 3)),
            "party:1",
            Code.D5,
        ),
    ),
    (
        Code.D10,
        case(
            "on one candidate's own border is D9",
            DPR,
            (box(1, 3, **BORDER),),
            "party:1/cand:3",
            Code.D9,
        ),
    ),
    (
        Code.D11,
        case("a qualified candidate counts for them", DPR, (box(1, 3),), "party:1/cand:3", Code.D2),
    ),
    (
        Code.D12,
        case(
            "party + a qualified candidate is D3",
            DPR,
            (box(1), box(1, 1)),
            "party:1/cand:1",
            Code.D3,
        ),
    ),
    (
        Code.D13,
        case(
            "TMS candidate + a candidate of another party",
            DPR,
            (box(1, 4), box(2, 1)),
            None,
            Code.MULTI_PARTY,
        ),
    ),
    (
        Code.D13,
        case(
            "TMS candidate + two qualified candidates",
            DPR,
            (box(1, 4), box(1, 1), box(1, 2)),
            "party:1",
            Code.D5,
        ),
    ),
    (
        Code.D14,
        case(
            "blank area + another party's logo",
            DPR,
            (box(1, **BLANK), box(2)),
            None,
            Code.MULTI_PARTY,
        ),
    ),
    (
        Code.D15,
        case(
            "two candidates + blank area",
            DPR,
            (box(1, 2), box(1, 3), box(1, **BLANK)),
            "party:1",
            Code.D5,
        ),
    ),
    (Code.D16, case("party 3 + party 1", DPR, (box(3), box(1)), None, Code.MULTI_PARTY)),
    (Code.W1, case("two DPD candidates", DPD, (c(1), c(4)), None, Code.MULTI_COLUMN)),
    (Code.W2, case("several marks + one outside", DPD, (c(2), c(2), OUT), None, Code.G6_OUTSIDE)),
    (
        Code.W3,
        case(
            "the line shared with a neighbour is not the border",
            DPD,
            (c(2, place=Place.BETWEEN, neighbour=1),),
            None,
            Code.BETWEEN_COLUMNS,
        ),
    ),
    (Code.G1_UNSIGNED, case("signed by the chair", PPWP, (p(2),), "pair:2", Code.V1, signed=True)),
    (Code.G2_TOOL, case("punched with the nail", PPWP, (p(2, tool=Tool.PAKU),), "pair:2", Code.V1)),
    (Code.G3_WRITING, case("no writing", DPR, (box(1),), "party:1", Code.D1, writing=False)),
    (Code.G4_NO_MARK, case("one mark", PPWP, (p(3),), "pair:3", Code.V1)),
    (Code.G5_DAMAGED, case("not damaged", DPD, (c(3),), "cand:3", Code.W1, damaged=False)),
    (
        Code.G6_OUTSIDE,
        case("a PPWP mirror hole in the margin (M35)", PPWP, (p(2), MIRROR_OUT), "pair:2", Code.V4),
    ),
    (Code.MULTI_COLUMN, case("two marks in one column", PPWP, (p(1), p(1)), "pair:1", Code.V2)),
    (
        Code.MULTI_PARTY,
        case(
            "party + its own candidate (M34)", DPR, (box(2), box(2, 2)), "party:2/cand:2", Code.D3
        ),
    ),
    (Code.BETWEEN_COLUMNS, case("on the outer border", DPD, (c(4, **BORDER),), "cand:4", Code.W3)),
    (
        Code.KOSONG_AND_PAIR,
        case("the empty column only is VALID (M36)", TUNGGAL, (KOSONG,), "kosong", Code.K1),
    ),
    (
        Code.MIRROR_IN_OTHER_COLUMN,
        case("mirror hole in the same column", PPWP, (p(3), p(3, mirror=True)), "pair:3", Code.V4),
    ),
    (
        Code.TERTUKAR_DPD,
        case(
            "a DPD ballot naming this province",
            DPD,
            (c(2),),
            "cand:2",
            Code.W1,
            district="Provinsi Nusa Kenari",
        ),
    ),
]


@pytest.mark.parametrize(
    ("not_this", "neighbour"),
    DOES_NOT_FIRE,
    ids=lambda k: str(k) if isinstance(k, Code) else k.what,
)
def test_code_does_not_fire_on_its_neighbour(not_this: Code, neighbour: Case) -> None:
    verdict = rule(neighbour.ballot, neighbour.contest, neighbour.settings)
    assert verdict.code is not not_this, (
        f"{neighbour.what}: {not_this} must not fire, got {verdict}"
    )
    neighbour.check()


def test_every_code_has_a_does_not_fire_case() -> None:
    missing = set(Code) - {code for code, _ in DOES_NOT_FIRE}
    assert not missing, f"codes with no 'does not fire' test: {sorted(missing)}"


def test_kolom_kosong_is_a_valid_vote() -> None:
    verdict = rule(ballot(TUNGGAL, KOSONG), TUNGGAL)
    assert verdict.valid, f"a mark in the empty column is a valid vote (M36), got {verdict}"
    assert str(verdict.counted_as) == "kosong", f"it is tallied in the kosong row, got {verdict}"


# --- Tertukar: ballots printed for another district (§3.3, §7.4, §7.5) ------------------------


def test_dpr_tertukar_with_a_candidate_counts_for_the_party_only() -> None:
    verdict = rule(ballot(DPR, box(1, 2), district="Dapil Tetangga"), DPR)
    assert verdict.target == parse_target("party:1"), f"tertukar DPR → party only, got {verdict}"
    assert verdict.code is Code.D2, f"the variant code stays, got {verdict}"
    assert verdict.tertukar, "the verdict must flag the swapped ballot"
    assert "validity.note.tertukar_party" in verdict.note_keys


def test_dpr_tertukar_party_vote_stays_a_party_vote() -> None:
    verdict = rule(ballot(DPR, box(2), box(2, 1), district="Dapil Tetangga"), DPR)
    assert (str(verdict.target), verdict.code) == ("party:2", Code.D3), f"got {verdict}"


def test_dpr_tertukar_that_is_invalid_stays_invalid() -> None:
    verdict = rule(ballot(DPR, box(1), box(2, 1), district="Dapil Tetangga"), DPR)
    assert (verdict.valid, verdict.code) == (False, Code.MULTI_PARTY), f"got {verdict}"
    assert verdict.tertukar and "validity.note.tertukar_invalid" in verdict.note_keys


def test_each_dprd_ballot_is_compared_with_its_own_dapil() -> None:
    contest = party_list(BallotType.DPRD_PROV)
    # The DPR dapil printed on a DPRD Provinsi ballot is still another district for it.
    verdict = rule(ballot(contest, box(1, 1), district=DISTRICTS.dpr), contest)
    assert verdict.tertukar and str(verdict.target) == "party:1", f"got {verdict}"
    own = rule(ballot(contest, box(1, 1), district=DISTRICTS.dprd_prov), contest)
    assert not own.tertukar and str(own.target) == "party:1/cand:1", f"got {own}"


def test_dpd_tertukar_is_invalid_whatever_the_marks() -> None:
    for marks in [(c(1),), (c(2), c(2)), (c(3, **BORDER),)]:
        verdict = rule(ballot(DPD, *marks, district="Provinsi Teluk Damar"), DPD)
        assert verdict.code is Code.TERTUKAR_DPD, f"{marks}: got {verdict}"
        assert verdict.tertukar and not verdict.note_keys


def test_general_conditions_are_read_before_tertukar() -> None:
    verdict = rule(ballot(DPD, c(1), signed=False, district="Provinsi Teluk Damar"), DPD)
    assert verdict.code is Code.G1_UNSIGNED and verdict.tertukar, f"got {verdict}"


def test_pilkada_ballot_of_another_kabko_is_judged_by_its_marks_and_flagged() -> None:
    verdict = rule(ballot(BUPATI, p(2), district="Kabupaten Bukit Asam"), BUPATI)
    assert (str(verdict.target), verdict.code, verdict.tertukar) == ("pair:2", Code.V1, True)
    assert "validity.note.tertukar_other" in verdict.note_keys
    gub = pair_contest(BallotType.GUBERNUR, 1, 2)
    assert not rule(ballot(gub, p(1), district=DISTRICTS.province), gub).tertukar


# --- Punch-through on other ballot types: off by default, a scenario setting (§15.7) ----------


def test_punch_through_setting_applies_v4_logic_to_dpd() -> None:
    verdict = rule(ballot(DPD, c(2), MIRROR_OUT), DPD, PUNCH_THROUGH_EVERYWHERE)
    assert (str(verdict.target), verdict.code, verdict.punch_through) == ("cand:2", Code.W1, True)
    assert "validity.note.punch_through" in verdict.note_keys
    other = rule(ballot(DPD, c(2), c(3, mirror=True)), DPD, PUNCH_THROUGH_EVERYWHERE)
    assert other.code is Code.MIRROR_IN_OTHER_COLUMN, f"got {other}"
    assert other.punch_through, "the fold is explained on a mirror hole in another column too"


def test_punch_through_setting_applies_to_party_boxes() -> None:
    same_box = rule(
        ballot(DPR, box(1, 2), box(1, **BLANK, mirror=True)), DPR, PUNCH_THROUGH_EVERYWHERE
    )
    assert (str(same_box.target), same_box.code) == ("party:1/cand:2", Code.D2), f"got {same_box}"
    other_box = rule(ballot(DPR, box(1, 2), box(2, mirror=True)), DPR, PUNCH_THROUGH_EVERYWHERE)
    assert other_box.code is Code.MIRROR_IN_OTHER_COLUMN, f"got {other_box}"
    off = rule(ballot(DPR, box(1, 2), box(2, mirror=True)), DPR)
    assert off.code is Code.MULTI_PARTY, f"without the setting a mirror hole is a mark: {off}"


def test_punch_through_setting_keeps_k1_for_the_empty_column() -> None:
    verdict = rule(ballot(TUNGGAL, KOSONG, MIRROR_OUT), TUNGGAL, PUNCH_THROUGH_EVERYWHERE)
    assert (str(verdict.target), verdict.code, verdict.punch_through) == ("kosong", Code.K1, True)
    into_pair = rule(ballot(TUNGGAL, KOSONG, p(1, mirror=True)), TUNGGAL, PUNCH_THROUGH_EVERYWHERE)
    assert into_pair.code is Code.MIRROR_IN_OTHER_COLUMN, f"got {into_pair}"


def test_pilkada_punch_through_counts_for_the_pair_with_the_setting() -> None:
    verdict = rule(ballot(BUPATI, p(1), MIRROR_OUT), BUPATI, PUNCH_THROUGH_EVERYWHERE)
    assert (str(verdict.target), verdict.code) == ("pair:1", Code.V4), f"got {verdict}"


def test_invalid_real_marks_stay_invalid_beside_a_mirror_hole() -> None:
    verdict = rule(ballot(PPWP, p(1), p(2), MIRROR_OUT), PPWP)
    assert verdict.code is Code.MULTI_COLUMN and not verdict.punch_through, f"got {verdict}"


def test_a_mirror_hole_made_with_a_pen_is_still_g2() -> None:
    verdict = rule(ballot(PPWP, p(1), {**MIRROR_OUT, "tool": Tool.PEN}), PPWP)
    assert verdict.code is Code.G2_TOOL, f"got {verdict}"


# --- Content errors raise; trainee errors never do ----------------------------------------------


@pytest.mark.parametrize(
    ("what", "contest", "marks"),
    [
        ("pair 4 is not standing", PPWP, (p(4),)),
        ("no empty column when three pairs stand", PPWP, (KOSONG,)),
        ("a party mark on a pair ballot", PPWP, (box(1),)),
        ("the line between pair 1 and itself", PPWP, (p(1, place=Place.BETWEEN, neighbour=1),)),
        ("DPD candidate 9 is not standing", DPD, (c(9),)),
        ("a pair mark on a DPD ballot", DPD, (p(1),)),
        ("candidate 7 is not on party 1's slate", DPR, (box(1, 7),)),
        ("party 9 has no box", DPR, (box(9),)),
        (
            "a line between two party boxes is not in the handbook",
            DPR,
            ({"party": 1, "place": Place.BETWEEN, "neighbour": 2},),
        ),
        (
            "a neighbour who is not on the slate",
            DPR,
            (box(2, 2, place=Place.BETWEEN, neighbour=3),),
        ),
        ("a candidate-only mark on a party-list ballot", DPR, (c(1),)),
    ],
)
def test_marks_that_do_not_fit_the_contest_raise(
    what: str, contest: Contest, marks: tuple[dict[str, Any], ...]
) -> None:
    with pytest.raises(ValueError):
        rule(ballot(contest, *marks), contest)


def test_a_ballot_of_another_type_raises() -> None:
    with pytest.raises(ValueError, match="dpd"):
        rule(ballot(DPD, c(1)), PPWP)


def test_a_verdict_cannot_contradict_itself() -> None:
    with pytest.raises(ValueError):
        Verdict(valid=True, target=None, code=Code.V1)
    with pytest.raises(ValueError):
        Verdict(valid=False, target=None, code=Code.V1)


# --- Every code is explained in words, in both languages -----------------------------------------


def test_codes_split_into_valid_and_invalid() -> None:
    assert set(Code) == VALID_CODES | INVALID_CODES
    assert {c.value for c in VALID_CODES} == (
        {f"V{i}" for i in range(1, 5)}
        | {"K1"}
        | {f"D{i}" for i in range(1, 17)}
        | {f"W{i}" for i in range(1, 4)}
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_code_has_a_title_and_an_explanation_citing_its_rule(lang: str) -> None:
    text = catalog(lang)
    sources = ("PKPU", "Kep. KPU", "UU ", "Buku Pintar", "KPU")
    for code in Code:
        verdict_keys = (
            f"validity.code.{code.value}.title",
            f"validity.code.{code.value}.explanation",
        )
        for key in verdict_keys:
            assert text.has(key), f"{lang}: no text for {key}"
        explanation = text(f"validity.code.{code.value}.explanation")
        assert any(s in explanation for s in sources), (
            f"{lang}: {code} cites no rule: {explanation}"
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_note_a_verdict_can_carry_has_text(lang: str) -> None:
    notes = {"punch_through", "tertukar_party", "tertukar_other", "tertukar_invalid"}
    for note in notes:
        assert catalog(lang).has(f"validity.note.{note}"), f"{lang}: no text for note {note}"


# --- what a ballot cannot carry (issue 11, item 7) -------------------------------------------


@pytest.mark.parametrize(
    "mark",
    [
        {"party": 1, "candidate": 2},
        {"party": 1},
        {"pair": 1},
        {"kosong": True},
    ],
    ids=["party_and_candidate", "party", "pair", "kosong"],
)
def test_a_dpd_ballot_takes_a_candidate_mark_only(mark: dict[str, Any]) -> None:
    """The DPD ballot prints candidates, no parties, pairs or empty column: a mark naming
    one is not a ballot of that contest, never a vote for someone."""
    with pytest.raises(ValueError, match="DPD mark names a candidate only"):
        rule(ballot(DPD, mark), DPD)
    assert rule(ballot(DPD, {"candidate": 2}), DPD).valid


# Every column a ballot does not print, by layout, with the words of the refusal (a mark that
# does not fit its ballot is a bug in whoever wrote it: validate names it, judge refuses it).
MISFITS = [
    (PPWP, {"pair": 1, "party": 1}, "a pair ballot has no party or candidate boxes"),
    (PPWP, {"pair": 1, "candidate": 1}, "a pair ballot has no party or candidate boxes"),
    (PPWP, {"party": 1, "place": "blank_area"}, "a pair ballot has no party or candidate boxes"),
    (PPWP, {"kosong": True}, "only a single-pair race prints an empty column"),
    (PPWP, {"pair": 7}, "pair 7 is not standing"),
    (PPWP, {"pair": 1, "place": "between", "neighbour": 7},
     "no line between this column and pair 7"),
    (PPWP, {"pair": 1, "place": "between", "neighbour": 1},
     "no line between this column and pair 1"),
    (DPD, {"party": 1, "place": "blank_area"}, "a DPD mark names a candidate only"),
    (DPD, {"candidate": 9}, "candidate 9 is not standing"),
    (DPD, {"candidate": 1, "place": "between", "neighbour": 9},
     "no line between this column and 9"),
    (DPD, {"candidate": 1, "place": "between", "neighbour": 1},
     "no line between this column and 1"),
    (DPR, {"pair": 1}, "a party-list ballot has no pair columns"),
    (DPR, {"kosong": True}, "a party-list ballot has no pair columns"),
    (DPR, {"candidate": 1}, "a mark inside a party box names the party"),
    (DPR, {"party": 1, "place": "between", "neighbour": 2},
     "'between' names two candidates of one party"),
    (DPR, {"party": 1, "candidate": 2, "place": "between", "neighbour": 2},
     "'between' names two candidates of one party"),
]


@pytest.mark.parametrize(("contest", "mark", "why"), MISFITS,
                         ids=[f"{c.ballot.value}-{w[:24]}" for c, _, w in MISFITS])
def test_a_mark_the_ballot_does_not_print_is_refused_in_words(
    contest: Contest, mark: dict[str, Any], why: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(f" ballot: {why}") + "$") as raised:
        rule(ballot(contest, mark), contest)
    assert f"{contest.ballot} ballot" in str(raised.value), "the refusal names the ballot"
    assert "mark " in str(raised.value) and "place" in str(raised.value), "… and the mark"


@pytest.mark.parametrize("contest", [PPWP, DPD, DPR], ids=lambda c: c.ballot.value)
def test_a_hole_outside_every_column_fits_any_ballot(contest: Contest) -> None:
    """Outside every column there is nothing to misfit: the ballot is judged (invalid)."""
    verdict = rule(ballot(contest, {"place": "outside"}), contest)
    assert not verdict.valid
