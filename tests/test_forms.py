"""The C.Hasil as data: field ids, the expected form, and the identities R1-R11 (HANDBOOK §8).

Builders and strategies defined here are shared by ``test_forms_diagnose.py`` and
``test_forms_messages.py``.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.core.forms import (
    COLUMNS,
    DayFigures,
    Headcount,
    IdentityFailure,
    ResultForm,
    UnknownField,
    check_identities,
    check_received,
    expected_form,
    expected_received,
    field_ids,
    missing_fields,
    reserve,
    row_keys,
    solve_cell,
    vote_targets,
)
from simulator.schema.scenario import Candidate, Contest, Pair, PartySlate
from simulator.schema.types import BallotType, ElectionType

# --- Contests ------------------------------------------------------------------------------


def _pair(n: int) -> Pair:
    return Pair(number=n, head=f"Calon {n}", deputy=f"Wakil {n}")


def _cand(n: int) -> Candidate:
    return Candidate(number=n, name=f"Calon {n}")


PPWP = Contest(ballot=BallotType.PPWP, pairs=[_pair(2), _pair(1), _pair(3)])
BUPATI_TUNGGAL = Contest(ballot=BallotType.BUPATI, pairs=[_pair(1)])  # single pair: kolom kosong
DPD = Contest(ballot=BallotType.DPD, candidates=[_cand(n) for n in (1, 2, 3, 4)])
DPR = Contest(
    ballot=BallotType.DPR,
    slates=[
        PartySlate(party=2, candidates=[_cand(1)]),
        PartySlate(party=1, candidates=[_cand(3), _cand(1), _cand(2)]),
        PartySlate(party=3),  # a party with no candidates on this ballot
    ],
)
CONTESTS = (PPWP, BUPATI_TUNGGAL, DPD, DPR)


def form_with(contest: Contest, cells: Mapping[str, int]) -> ResultForm:
    """A form of ``contest`` with only ``cells`` filled in."""
    form = ResultForm.blank(contest)
    for field_id, value in cells.items():
        form.set(field_id, value)
    return form


def failures_of(form: ResultForm, contest: Contest) -> list[tuple[str, str]]:
    return [(f.identity, f.check) for f in check_identities(form, contest)]


# --- The TPS of the worked examples: 3 DPTb and 2 DPK voters, 3 returned, 6 invalid ---------

DPT_REGISTERED = Headcount(120, 125)


def ppwp_day() -> DayFigures:
    """PPWP: 5 DPTb voters all got it; 3 ballots returned; 6 invalid (MISTAKES M39, M40)."""
    return DayFigures(
        registered_dpt=DPT_REGISTERED,
        voted_dpt=Headcount(100, 98),
        registered_dptb=Headcount(3, 2),
        voted_dptb=Headcount(3, 2),
        voted_dpk=Headcount(1, 1),
        disabled_registered=4,
        disabled_voted=3,
        received=250,
        returned=3,
        unused=42,
        used=205,
        tally={"pair:1": 80, "pair:2": 70, "pair:3": 49},
        invalid=6,
    )


def dpr_day() -> DayFigures:
    """DPR: two male DPTb voters from another province got no DPR ballot (MISTAKES M42)."""
    return DayFigures(
        registered_dpt=DPT_REGISTERED,
        voted_dpt=Headcount(100, 98),
        registered_dptb=Headcount(1, 2),
        voted_dptb=Headcount(1, 2),
        voted_dpk=Headcount(1, 1),
        disabled_registered=4,
        disabled_voted=3,
        received=250,
        returned=1,
        unused=46,
        used=203,
        tally={
            "party:1": 30,
            "party:1/cand:1": 40,
            "party:1/cand:2": 20,
            "party:2": 25,
            "party:2/cand:1": 50,
            "party:3": 34,
        },
        invalid=4,
    )


# --- Random consistent days ----------------------------------------------------------------


@st.composite
def headcounts(draw: st.DrawFn, most: int) -> Headcount:
    return Headcount(draw(st.integers(0, most)), draw(st.integers(0, most)))


@st.composite
def within(draw: st.DrawFn, limit: Headcount) -> Headcount:
    return Headcount(draw(st.integers(0, limit.men)), draw(st.integers(0, limit.women)))


@st.composite
def tps_days(draw: st.DrawFn, contests: tuple[Contest, ...]) -> dict[BallotType, DayFigures]:
    """One TPS, several ballot types: DPTb voters receive only the types they are entitled to.

    The figures reconcile (every voter casts one ballot per type received), so the expected
    forms must satisfy every identity.
    """
    registered_dpt = draw(headcounts(40))
    voted_dpt = draw(within(registered_dpt))
    registered_dptb = draw(headcounts(4))
    voted_dptb_any = draw(within(registered_dptb))
    voted_dpk = draw(headcounts(3))
    disabled_registered = draw(st.integers(0, 6))
    days = {}
    for i, contest in enumerate(contests):
        # The first type (PPWP in a Pemilu) goes to every DPTb voter; later ones to fewer.
        entitled = registered_dptb if i == 0 else draw(within(registered_dptb))
        voted_dptb = voted_dptb_any if i == 0 else draw(within(voted_dptb_any))
        voted_dptb = Headcount(
            min(voted_dptb.men, entitled.men), min(voted_dptb.women, entitled.women)
        )
        voters = voted_dpt.total + voted_dptb.total + voted_dpk.total
        outcomes = draw(
            st.lists(
                st.sampled_from((*vote_targets(contest), "invalid")),
                min_size=voters,
                max_size=voters,
            )
        )
        tally = Counter(outcomes)
        invalid = tally.pop("invalid", 0)
        returned = draw(st.integers(0, voters))
        unused = draw(st.integers(0, 20))
        days[contest.ballot] = DayFigures(
            registered_dpt=registered_dpt,
            voted_dpt=voted_dpt,
            registered_dptb=entitled,
            voted_dptb=voted_dptb,
            voted_dpk=voted_dpk,
            disabled_registered=disabled_registered,
            disabled_voted=draw(st.integers(0, min(disabled_registered, voters))),
            received=voters + returned + unused,
            returned=returned,
            unused=unused,
            used=voters,
            tally=dict(tally),
            invalid=invalid,
        )
    return days


CONTEST_SETS = st.sampled_from(((PPWP, DPR, DPD), (BUPATI_TUNGGAL,), (DPR,), (PPWP, DPD)))


@st.composite
def tps_forms(draw: st.DrawFn) -> tuple[tuple[Contest, ...], dict[BallotType, ResultForm]]:
    contests = draw(CONTEST_SETS)
    days = draw(tps_days(contests))
    return contests, {c.ballot: expected_form(days[c.ballot], c) for c in contests}


# --- Field ids -----------------------------------------------------------------------------


def test_field_ids_follow_the_printed_order() -> None:
    ids = field_ids(DPR)
    assert ids[:3] == ("I.A1.men", "I.A1.women", "I.A1.total"), ids[:3]
    assert ids[21:30] == (
        "I.B4.men", "I.B4.women", "I.B4.total",
        "II.1", "II.2", "II.3", "II.4",
        "III.registered", "III.voted",
    ), ids[21:30]  # fmt: skip
    assert ids[30:] == (
        "IV.party:1", "IV.party:1/cand:1", "IV.party:1/cand:2", "IV.party:1/cand:3",
        "IV.party:1/total",
        "IV.party:2", "IV.party:2/cand:1", "IV.party:2/total",
        "IV.party:3", "IV.party:3/total",
        "V.valid", "V.invalid", "V.total",
    ), ids[30:]  # fmt: skip


def test_pair_and_dpd_rows() -> None:
    assert row_keys(PPWP) == ("pair:1", "pair:2", "pair:3")
    assert row_keys(BUPATI_TUNGGAL) == ("pair:1", "kosong"), "a single pair runs against kosong"
    assert row_keys(DPD) == ("cand:1", "cand:2", "cand:3", "cand:4")


@pytest.mark.parametrize("contest", CONTESTS, ids=lambda c: c.ballot.value)
def test_rows_agree_with_the_project_targets(contest: Contest) -> None:
    targets = pytest.importorskip("simulator.core.targets")
    assert vote_targets(contest) == tuple(str(t) for t in targets.all_targets(contest)), (
        "section IV rows must be the canonical targets in the same printed order"
    )


@pytest.mark.parametrize("contest", CONTESTS, ids=lambda c: c.ballot.value)
def test_every_cell_can_be_written_and_read_back(contest: Contest) -> None:
    form = ResultForm.blank(contest)
    assert missing_fields(form, contest) == list(field_ids(contest)), "a blank form is all unfilled"
    for i, field_id in enumerate(field_ids(contest)):
        form.set(field_id, i)
    for i, field_id in enumerate(field_ids(contest)):
        assert form.get(field_id) == i, f"{field_id} did not keep its figure"
    assert missing_fields(form, contest) == []
    assert list(form.cells().values()) == list(range(len(field_ids(contest))))


@pytest.mark.parametrize(
    "field_id", ["IV.pair:9", "IV.party:1/total", "I.A5.men", "I.A1.all", "II.5", "V", "A1.men"]
)
def test_unknown_cells_are_refused(field_id: str) -> None:
    form = ResultForm.blank(PPWP)
    with pytest.raises(UnknownField):
        form.get(field_id)
    with pytest.raises(UnknownField):
        form.set(field_id, 1)


@pytest.mark.parametrize("value", [-1, True, 1.0, "3"])
def test_a_figure_is_a_whole_number(value: object) -> None:
    with pytest.raises(ValueError, match=r"II\.2"):
        ResultForm.blank(PPWP).set("II.2", value)  # type: ignore[arg-type]


def test_a_correction_strikes_through_the_old_figure() -> None:
    form = ResultForm.blank(PPWP)
    form.correct("II.2", 3)  # first entry: nothing to strike
    form.correct("II.2", 4)
    form.correct("II.2", 5)
    assert form.get("II.2") == 5
    assert form.struck == {"II.2": [3, 4]}, "struck figures stay visible, oldest first"


def test_clone_is_independent() -> None:
    form = expected_form(dpr_day(), DPR)
    copy = form.clone()
    copy.set("I.A1.men", 0)
    copy.set("IV.party:1", 0)
    copy.correct("II.2", 9)
    assert form == expected_form(dpr_day(), DPR), "changing a clone changed the original"


def test_a_form_is_checked_against_its_own_contest() -> None:
    with pytest.raises(ValueError, match="contest"):
        check_identities(ResultForm.blank(PPWP), DPR)
    with pytest.raises(ValueError, match="rows"):
        check_identities(
            ResultForm.blank(PPWP), Contest(ballot=BallotType.PPWP, pairs=[_pair(1), _pair(2)])
        )


# --- The expected form ---------------------------------------------------------------------


def test_expected_form_of_the_dpr_ballot() -> None:
    form = expected_form(dpr_day(), DPR)
    assert form.cells()["I.A2.total"] == 3 and form.cells()["I.B2.total"] == 3
    assert (form.get("I.A3.total"), form.get("I.B3.total")) == (2, 2), "DPK: A3 = B3"
    assert (form.get("I.B4.men"), form.get("I.B4.women"), form.get("I.B4.total")) == (102, 101, 203)
    assert form.get("IV.party:1/cand:3") == 0, "a candidate nobody voted for is written as 0"
    assert form.get("IV.party:1/total") == 90 and form.get("IV.party:3/total") == 34
    assert (form.get("V.valid"), form.get("V.invalid"), form.get("V.total")) == (199, 4, 203)
    assert check_identities(form, DPR) == []
    assert missing_fields(form, DPR) == []


def test_expected_form_refuses_targets_not_on_the_ballot() -> None:
    for bad in ("pair:4", "kosong", "party:1/total", "party:4"):
        with pytest.raises(ValueError, match="not on the"):
            expected_form(
                DayFigures(registered_dpt=Headcount(), voted_dpt=Headcount(), tally={bad: 1}),
                PPWP,
            )


def test_day_figures_refuse_negative_counts() -> None:
    with pytest.raises(ValueError, match="returned"):
        DayFigures(registered_dpt=Headcount(), voted_dpt=Headcount(), returned=-1)
    with pytest.raises(ValueError, match="men"):
        Headcount(-1, 0)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(tps_forms())
def test_the_expected_form_always_reconciles(
    tps: tuple[tuple[Contest, ...], dict[BallotType, ResultForm]],
) -> None:
    contests, forms = tps
    for contest in contests:
        form = forms[contest.ballot]
        failures = check_identities(form, contest)
        assert failures == [], f"the correct {contest.ballot.value} form fails {failures}"
        assert missing_fields(form, contest) == []


# --- Identities: a holding and a failing case each, from tiny figures ----------------------

IDENTITY_CASES = [
    # identity, check, contest, cells that hold, the overrides that break them
    ("R1", "sex", PPWP, {"I.A2.men": 2, "I.A2.women": 3, "I.A2.total": 5}, {"I.A2.total": 6}),
    *(
        ("R1", col, PPWP,
         {"I.A1." + col: 4, "I.A2." + col: 1, "I.A3." + col: 0, "I.A4." + col: 5},
         {"I.A4." + col: 6})
        for col in COLUMNS
    ),
    ("R2", "sex", PPWP, {"I.B3.men": 1, "I.B3.women": 1, "I.B3.total": 2}, {"I.B3.women": 2}),
    *(
        ("R2", col, PPWP,
         {"I.B1." + col: 3, "I.B2." + col: 1, "I.B3." + col: 1, "I.B4." + col: 5},
         {"I.B2." + col: 2})
        for col in COLUMNS
    ),
    ("R3", "men", PPWP, {"I.B1.men": 2, "I.A1.men": 2}, {"I.B1.men": 3}),
    ("R3", "women", PPWP, {"I.B2.women": 1, "I.A2.women": 3}, {"I.B2.women": 4}),
    ("R3", "total", PPWP, {"I.B3.total": 2, "I.A3.total": 2}, {"I.A3.total": 1}),
    ("R4", "", PPWP, {"II.1": 10, "II.2": 1, "II.3": 2, "II.4": 7}, {"II.3": 3}),
    ("R5", "", PPWP, {"II.4": 7, "I.B4.total": 7}, {"II.4": 8}),
    ("R6", "sum", PPWP, {"V.valid": 6, "V.invalid": 1, "V.total": 7}, {"V.invalid": 2}),
    ("R6", "used", PPWP, {"V.total": 7, "II.4": 7}, {"V.total": 6}),
    ("R7", "participants", PPWP,
     {"IV.pair:1": 3, "IV.pair:2": 2, "IV.pair:3": 0, "V.valid": 5}, {"V.valid": 6}),
    ("R7", "participants", BUPATI_TUNGGAL,
     {"IV.pair:1": 3, "IV.kosong": 2, "V.valid": 5}, {"IV.kosong": 3}),
    ("R7", "participants", DPD,
     {"IV.cand:1": 1, "IV.cand:2": 1, "IV.cand:3": 1, "IV.cand:4": 1, "V.valid": 4},
     {"IV.cand:4": 0}),
    # R7 on DPR/DPRD adds up the raw counts (party-only and candidate rows), not the totals.
    ("R7", "parties", DPR,
     {"IV.party:1": 1, "IV.party:1/cand:1": 2, "IV.party:1/cand:2": 0, "IV.party:1/cand:3": 1,
      "IV.party:2": 0, "IV.party:2/cand:1": 2, "IV.party:3": 1, "V.valid": 7},
     {"IV.party:2/cand:1": 3}),
    ("R8", "party", DPR,
     {"IV.party:1": 1, "IV.party:1/cand:1": 2, "IV.party:1/cand:2": 0, "IV.party:1/cand:3": 1,
      "IV.party:1/total": 4},
     {"IV.party:1/total": 7}),
    # Σ totals = valid is R8's own clause when the raw rows are not (yet) there to check.
    ("R8", "sum", DPR,
     {"IV.party:1/total": 4, "IV.party:2/total": 2, "IV.party:3/total": 1, "V.valid": 7},
     {"IV.party:2/total": 3}),
    ("R9", "registered", PPWP, {"III.voted": 2, "III.registered": 2}, {"III.voted": 3}),
    ("R9", "voters", PPWP, {"III.voted": 2, "I.B4.total": 2}, {"I.B4.total": 1}),
    ("R10", "", PPWP, {"II.2": 1, "I.B4.total": 1}, {"II.2": 2}),
]  # fmt: skip


def _case_id(case: tuple[object, ...]) -> str:
    identity, check, contest = case[:3]
    assert isinstance(contest, Contest)
    return f"{identity}-{check or 'only'}-{contest.ballot.value}"


@pytest.mark.parametrize("case", IDENTITY_CASES, ids=_case_id)
def test_identity_holds(case: tuple[str, str, Contest, dict[str, int], dict[str, int]]) -> None:
    identity, check, contest, cells, _ = case
    found = failures_of(form_with(contest, cells), contest)
    assert found == [], f"{identity} {check} should hold on {cells}, but found {found}"


@pytest.mark.parametrize("case", IDENTITY_CASES, ids=_case_id)
def test_identity_fails(case: tuple[str, str, Contest, dict[str, int], dict[str, int]]) -> None:
    identity, check, contest, cells, breaks = case
    form = form_with(contest, {**cells, **breaks})
    failures = check_identities(form, contest)
    assert [(f.identity, f.check) for f in failures] == [(identity, check)], (
        f"{identity} {check} should be the only failure after {breaks}, found {failures}"
    )
    assert set(failures[0].fields) <= set(cells), "a failure names only the cells involved"
    assert set(breaks) <= set(failures[0].fields), "a failure names the cell that broke it"


def test_unfilled_cells_are_not_checked_but_listed() -> None:
    form = form_with(PPWP, {"II.1": 10, "II.2": 1, "II.4": 7})  # II.3 missing
    assert check_identities(form, PPWP) == [], "R4 cannot be checked without II.3"
    assert "II.3" in missing_fields(form, PPWP)


def test_r8_reports_the_party_and_its_figures() -> None:
    form = expected_form(dpr_day(), DPR)
    form.set("IV.party:1/total", 150)  # 30 + 2 × (40 + 20): candidates counted twice
    failures = {(f.identity, f.check): f for f in check_identities(form, DPR)}
    assert failures["R8", "party"].params == {
        "party": 1, "party_only": 30, "candidates": 60, "sum": 90, "total": 150,
    }  # fmt: skip
    assert list(failures) == [("R8", "party")], "one wrong party total fails R8 alone (§8.2)"


@pytest.mark.parametrize("party", [1, 2, 3])
def test_one_wrong_party_total_fails_r8_alone(party: int) -> None:
    """HANDBOOK §8.2: R7 is the raw count, R8 the written party totals. A party total off
    by one breaks R8 for that party, once; the raw counts still add up to the valid votes."""
    form = expected_form(dpr_day(), DPR)
    cell = f"IV.party:{party}/total"
    form.set(cell, (form.get(cell) or 0) + 1)
    failures = check_identities(form, DPR)
    assert [(f.identity, f.check) for f in failures] == [("R8", "party")], failures
    assert failures[0].params["party"] == party and cell in failures[0].fields


def test_a_wrong_raw_count_fails_r7_and_its_party_total() -> None:
    """A candidate's tally row written wrong breaks R7 (raw ≠ valid) and that party's R8."""
    form = expected_form(dpr_day(), DPR)
    form.set("IV.party:1/cand:1", (form.get("IV.party:1/cand:1") or 0) + 5)
    found = [(f.identity, f.check) for f in check_identities(form, DPR)]
    assert found == [("R7", "parties"), ("R8", "party")], found


def test_a_wrong_valid_total_fails_r7_alone() -> None:
    form = expected_form(dpr_day(), DPR)
    form.set("V.valid", (form.get("V.valid") or 0) + 1)
    found = [(f.identity, f.check) for f in check_identities(form, DPR)]
    assert ("R7", "parties") in found and not [f for f in found if f[0] == "R8"], found


# --- R11 and the reserve -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dpt", "election", "expected"),
    [
        (299, ElectionType.PEMILU_2024, 6),  # the Pekanbaru TPS: 299 → 305
        (300, ElectionType.PEMILU_2024, 6),
        (250, ElectionType.PEMILU_2024, 5),  # exact 2 %; the "250 → 6" claim (§15.3) does not fit
        (251, ElectionType.PEMILU_2024, 6),
        (1, ElectionType.PEMILU_2024, 1),
        (0, ElectionType.PEMILU_2024, 0),
        (600, ElectionType.PILKADA_2024, 15),
        (599, ElectionType.PILKADA_2024, 15),
        (41, ElectionType.PILKADA_2024, 2),
        (40, ElectionType.PILKADA_2024, 1),
    ],
)
def test_reserve_is_rounded_up_per_tps(dpt: int, election: ElectionType, expected: int) -> None:
    assert reserve(dpt, election) == expected, f"reserve for DPT {dpt} in {election}"
    assert expected_received(dpt, election) == dpt + expected


def _received(n: int) -> ResultForm:
    return form_with(PPWP, {"II.1": n})


def test_r11_holds_when_dpt_plus_reserve_arrived() -> None:
    assert check_received(_received(305), 299, ElectionType.PEMILU_2024) == []
    assert check_received(ResultForm.blank(PPWP), 299, ElectionType.PEMILU_2024) == []


def test_r11_fails_when_ballots_are_short() -> None:
    (failure,) = check_received(_received(304), 299, ElectionType.PEMILU_2024)
    assert failure == IdentityFailure(
        "R11", "", ("II.1",), {"dpt": 299, "reserve": 6, "expected": 305, "received": 304}
    )


# --- The worked failures of HANDBOOK §8.2 --------------------------------------------------


def lhokseumawe_day() -> DayFigures:
    """TPS 13 Kampung Jawa: 284 on the DPT, 215 DPT + 2 DPK voters, 255 PPWP ballots cast."""
    return DayFigures(
        registered_dpt=Headcount(140, 144),
        voted_dpt=Headcount(105, 110),
        voted_dpk=Headcount(1, 1),
        received=expected_received(284, ElectionType.PEMILU_2024),
        returned=0,
        unused=290 - 255,
        used=255,  # ballots found in the box
        tally={"pair:1": 100, "pair:2": 90, "pair:3": 60},
        invalid=5,
    )


def test_lhokseumawe_fails_r5_and_r6() -> None:
    truth = expected_form(lhokseumawe_day(), PPWP)
    assert truth.get("I.B4.total") == 217 and truth.get("V.total") == 255
    assert failures_of(truth, PPWP) == [("R5", "")], (
        "255 ballots in the box for 217 voters must break R5 (ballots used = voters)"
    )
    written = truth.clone()
    written.set("II.4", 217)  # the crew wrote the number of voters as ballots used
    written.set("II.3", 290 - 217)
    assert failures_of(written, PPWP) == [("R6", "used")], (
        "valid + invalid = 255 against 217 ballots used must break R6"
    )


def pekanbaru_day() -> DayFigures:
    """DPT 299, 305 PPWP ballots received, 228 DPT voters, 77 unused; 230 ballots counted."""
    return DayFigures(
        registered_dpt=Headcount(150, 149),
        voted_dpt=Headcount(110, 118),
        received=305,
        unused=77,
        used=228,
        tally={"pair:1": 107, "pair:2": 109, "pair:3": 13},
        invalid=1,
    )


def test_pekanbaru_satisfies_r11_and_fails_r6() -> None:
    form = expected_form(pekanbaru_day(), PPWP)
    assert check_received(form, 299, ElectionType.PEMILU_2024) == [], "299 + 6 reserve = 305"
    assert reserve(299, ElectionType.PEMILU_2024) == 6
    (failure,) = check_identities(form, PPWP)
    assert (failure.identity, failure.check) == ("R6", "used"), failure
    assert failure.params == {"total": 230, "used": 228}, "two more ballots counted than voters"


# --- solve_cell at its boundaries (issue 11, item 7) ----------------------------------------


def test_solve_cell_answers_zero_when_the_figures_force_zero() -> None:
    """A cell the identities force to 0 is answered 0, not "cannot be told"."""
    assert solve_cell({"I.A1.men": 7, "I.A1.total": 7}, "I.A1.women", PPWP) == 0
    assert solve_cell({"I.A1.men": 0, "I.A1.women": 0}, "I.A1.total", PPWP) == 0


def test_solve_cell_refuses_a_negative_figure() -> None:
    assert solve_cell({"I.A1.men": 8, "I.A1.total": 7}, "I.A1.women", PPWP) is None


def test_solve_cell_refuses_givens_that_contradict_each_other() -> None:
    """The asked cell follows from some givens while others break an identity: there is no
    right answer to such a question, and the engine must not give one."""
    contradictory = {"I.A1.men": 3, "I.A1.women": 4, "I.A2.men": 1, "I.A2.women": 1,
                     "I.A2.total": 5}  # I.A2.total should be 2
    assert solve_cell(contradictory, "I.A1.total", PPWP) is None
    consistent = {**contradictory, "I.A2.total": 2}
    assert solve_cell(consistent, "I.A1.total", PPWP) == 7


# --- the figures a broken identity is explained with (issue 11, item 7) -----------------------


@settings(max_examples=60, deadline=None)
@given(
    section=st.sampled_from(["A", "B"]),
    figures=st.lists(st.integers(0, 400), min_size=12, max_size=12),
)
def test_a_broken_row_or_column_is_explained_with_its_own_figures(
    section: str, figures: list[int]
) -> None:
    """R1 (section A) and R2 (section B): the message quotes the very cells that break the
    sum, men + women = total in a row, rows 1-3 = row 4 in a column."""
    form = ResultForm.blank(PPWP)
    cells = {}
    for index, (row, column) in enumerate(
        (r, c) for r in (1, 2, 3, 4) for c in ("men", "women", "total")
    ):
        cells[f"I.{section}{row}.{column}"] = figures[index]
    for field_id, value in cells.items():
        form.set(field_id, value)
    identity = "R1" if section == "A" else "R2"
    for failure in check_identities(form, PPWP):
        if failure.identity != identity:
            continue
        p = failure.params
        if failure.check == "sex":
            row = p["row"]
            assert (p["men"], p["women"], p["total"]) == (
                cells[f"I.{row}.men"], cells[f"I.{row}.women"], cells[f"I.{row}.total"]
            ), failure
            assert p["sum"] == p["men"] + p["women"] != p["total"]
        else:
            column = failure.check
            parts = [cells[f"I.{section}{n}.{column}"] for n in (1, 2, 3)]
            assert (p["p1"], p["p2"], p["p3"]) == tuple(parts), failure
            assert p["sum"] == sum(parts) != p["entered"] == cells[f"I.{section}4.{column}"]


def test_solve_cell_says_so_when_the_givens_do_not_decide() -> None:
    assert solve_cell({"I.A1.men": 3}, "I.A1.total", PPWP) is None
    assert solve_cell({}, "I.B4.total", PPWP) is None


def test_solve_cell_follows_a_chain_of_identities() -> None:
    """The asked cell is reached only through another one solved first (rows, then row 4)."""
    given = {
        "I.A1.men": 10, "I.A1.women": 12,
        "I.A2.men": 1, "I.A2.women": 2,
        "I.A3.men": 0, "I.A3.women": 1,
    }
    assert solve_cell(given, "I.A4.total", PPWP) == 26


#: for each identity (and which of its equations), the message's figures in the order of the
#: failure's cells, and how its "sum" is made from them
_PARAM_ORDER: dict[tuple[str, str], tuple[tuple[str, ...], Callable[[list[int]], int] | None]] = {
    ("R1", "sex"): (("men", "women", "total"), lambda v: v[0] + v[1]),
    ("R1", "col"): (("p1", "p2", "p3", "entered"), lambda v: sum(v[:3])),
    ("R2", "sex"): (("men", "women", "total"), lambda v: v[0] + v[1]),
    ("R2", "col"): (("p1", "p2", "p3", "entered"), lambda v: sum(v[:3])),
    ("R3", "row"): (("voted", "registered"), None),
    ("R4", ""): (("received", "returned", "unused", "used"), lambda v: sum(v[1:])),
    ("R5", ""): (("used", "voters"), None),
    ("R6", "sum"): (("valid", "invalid", "total"), lambda v: v[0] + v[1]),
    ("R6", "used"): (("total", "used"), None),
    ("R7", "participants"): ((), lambda v: sum(v[:-1])),
    ("R7", "parties"): ((), lambda v: sum(v[:-1])),
    ("R8", "party"): ((), lambda v: sum(v[:-1])),
    ("R8", "sum"): ((), lambda v: sum(v[:-1])),
    ("R9", "registered"): (("voted", "registered"), None),
    ("R9", "voters"): (("voted", "voters"), None),
    ("R10", ""): (("returned", "voters"), None),
}


@pytest.mark.slow
@settings(max_examples=80, deadline=None)
@given(contest=st.sampled_from(CONTESTS), seed=st.integers(0, 10**6))
def test_every_broken_identity_is_explained_with_the_figures_on_the_form(
    contest: Contest, seed: int
) -> None:
    """Whatever identity a form breaks, its message quotes the figures written in the very
    cells it names, and its sums add those figures up: an explanation with a wrong number
    would teach a wrong count."""
    rng = random.Random(seed)
    form = ResultForm.blank(contest)
    for field_id in field_ids(contest):
        form.set(field_id, rng.randint(0, 30))
    for failure in check_identities(form, contest):
        values = [form.get(f) or 0 for f in failure.fields]
        check = failure.check
        if failure.identity in ("R1", "R2") and check != "sex":
            check = "col"
        if failure.identity == "R3":
            check = "row"
        names, summed = _PARAM_ORDER[(failure.identity, check)]
        if names:
            shown = tuple(failure.params[name] for name in names)
            assert shown == tuple(values), f"{failure}: figures {shown}, cells {values}"
        if summed is not None:
            assert failure.params["sum"] == summed(values), failure
        if failure.identity == "R8" and check == "party":
            assert failure.params["total"] == values[-1], failure
        if failure.identity == "R7":
            assert failure.params["valid"] == values[-1], failure
