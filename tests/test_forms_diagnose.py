"""diagnose(): the form-filling mistakes of MISTAKES.md section F, found in what was entered."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_forms import (
    BUPATI_TUNGGAL,
    DPR,
    PPWP,
    dpr_day,
    ppwp_day,
    tps_forms,
)

from simulator.core.forms import (
    DayFigures,
    FormMistake,
    Headcount,
    ResultForm,
    diagnose,
    expected_form,
)
from simulator.schema.scenario import Contest
from simulator.schema.types import BallotType


def expected_ppwp() -> ResultForm:
    return expected_form(ppwp_day(), PPWP)


def expected_dpr() -> ResultForm:
    return expected_form(dpr_day(), DPR)


def entered(form: ResultForm, changes: Mapping[str, int]) -> ResultForm:
    """What the trainee wrote: the correct form with ``changes``."""
    copy = form.clone()
    for field_id, value in changes.items():
        copy.set(field_id, value)
    return copy


def only(mistakes: list[FormMistake]) -> FormMistake:
    assert len(mistakes) == 1, f"expected one mistake, found {mistakes}"
    return mistakes[0]


def cells_of(mistakes: list[FormMistake]) -> list[str]:
    return [f for m in mistakes for f in m.fields]


# --- Nothing to find -----------------------------------------------------------------------


def test_the_expected_form_has_no_mistakes() -> None:
    for form, contest in ((expected_ppwp(), PPWP), (expected_dpr(), DPR)):
        others = {BallotType.PPWP: expected_ppwp(), BallotType.DPR: expected_dpr()}
        assert diagnose(form, form, contest, others) == [], f"{contest.ballot} flagged when right"


def test_unfilled_cells_are_not_mistakes() -> None:
    partial = ResultForm.blank(PPWP)
    partial.set("II.1", 250)
    assert diagnose(partial, expected_ppwp(), PPWP) == []


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(tps_forms())
def test_no_mistakes_on_any_expected_form(
    tps: tuple[tuple[Contest, ...], dict[BallotType, ResultForm]],
) -> None:
    contests, forms = tps
    for contest in contests:
        form = forms[contest.ballot]
        found = diagnose(form.clone(), form, contest, forms)
        assert found == [], f"the correct {contest.ballot.value} form was diagnosed with {found}"


# --- M39 damaged vs invalid ----------------------------------------------------------------


def test_m39_returned_and_invalid_swapped() -> None:
    # 3 returned and replaced, 6 invalid: written the other way round, total added up from it.
    form = entered(expected_ppwp(), {"II.2": 6, "V.invalid": 3, "V.total": 199 + 3})
    mistake = only(diagnose(form, expected_ppwp(), PPWP))
    assert mistake.mistake == "M39", mistake
    assert set(mistake.fields) == {"II.2", "V.invalid", "V.total"}, mistake.fields
    assert mistake.params == {"returned": 3, "invalid": 6}


def test_m39_returned_ballots_counted_as_invalid() -> None:
    form = entered(expected_ppwp(), {"II.2": 0, "V.invalid": 9, "V.total": 208})
    mistake = only(diagnose(form, expected_ppwp(), PPWP))
    assert mistake.mistake == "M39", mistake
    assert set(mistake.fields) == {"II.2", "V.invalid", "V.total"}, mistake.fields


def test_m39_invalid_votes_counted_as_returned() -> None:
    form = entered(expected_ppwp(), {"II.2": 9, "V.invalid": 0, "V.total": 199})
    assert only(diagnose(form, expected_ppwp(), PPWP)).mistake == "M39"


# --- M40 DPTb and DPK rows swapped ---------------------------------------------------------


def test_m40_dptb_and_dpk_rows_swapped() -> None:
    # 5 DPTb voters (3 men, 2 women) and 2 DPK voters (1 + 1), written in each other's rows.
    swapped = {
        "I.A2.men": 1, "I.A2.women": 1, "I.A2.total": 2,
        "I.A3.men": 3, "I.A3.women": 2, "I.A3.total": 5,
        "I.B2.men": 1, "I.B2.women": 1, "I.B2.total": 2,
        "I.B3.men": 3, "I.B3.women": 2, "I.B3.total": 5,
    }  # fmt: skip
    mistake = only(diagnose(entered(expected_ppwp(), swapped), expected_ppwp(), PPWP))
    assert mistake.mistake == "M40", mistake
    assert set(mistake.fields) == set(swapped), mistake.fields


def test_m40_only_the_voted_rows_swapped() -> None:
    swapped = {"I.B2.total": 2, "I.B3.total": 5}
    mistake = only(diagnose(entered(expected_ppwp(), swapped), expected_ppwp(), PPWP))
    assert (mistake.mistake, set(mistake.fields)) == ("M40", set(swapped)), mistake


# --- M41 party and candidate votes counted twice -------------------------------------------


def test_m41_candidates_counted_twice_in_a_party_total() -> None:
    # Party 1: 30 party-only + 60 candidate votes, totalled as 30 + 2 × 60 = 150; valid and the
    # grand total are then added up from the wrong party total.
    form = entered(expected_dpr(), {"IV.party:1/total": 150, "V.valid": 259, "V.total": 263})
    mistake = only(diagnose(form, expected_dpr(), DPR))
    assert mistake.mistake == "M41", mistake
    assert set(mistake.fields) == {"IV.party:1/total", "V.valid", "V.total"}, mistake.fields


def test_m41_candidates_counted_twice_in_the_valid_votes() -> None:
    candidates = 40 + 20 + 50
    form = entered(expected_dpr(), {"V.valid": 199 + candidates})
    mistake = only(diagnose(form, expected_dpr(), DPR))
    assert (mistake.mistake, mistake.fields) == ("M41", ("V.valid",)), mistake


def test_m41_needs_a_party_list_ballot() -> None:
    form = entered(expected_ppwp(), {"V.valid": 2 * 199})
    assert "M41" not in [m.mistake for m in diagnose(form, expected_ppwp(), PPWP)]


# --- M42 per-type voters copied ------------------------------------------------------------


M42_COPY = {
    "I.B2.men": 3, "I.B2.total": 5,  # the PPWP's DPTb voters (the women agree: 2)
    "I.B4.men": 104, "I.B4.total": 205,
    "II.4": 205,
}  # fmt: skip


def test_m42_ppwp_voters_copied_onto_the_dpr_form() -> None:
    form = entered(expected_dpr(), M42_COPY)
    mistake = only(diagnose(form, expected_dpr(), DPR, {BallotType.PPWP: expected_ppwp()}))
    assert mistake.mistake == "M42", mistake
    assert set(mistake.fields) == set(M42_COPY), mistake.fields
    assert mistake.params == {"source": "ppwp", "source_form": "C.HASIL-PPWP"}


def test_m42_needs_the_other_forms() -> None:
    found = diagnose(entered(expected_dpr(), M42_COPY), expected_dpr(), DPR)
    assert "M42" not in [m.mistake for m in found], found
    assert sorted(cells_of(found)) == sorted(M42_COPY), "every wrong cell is still reported"


def test_m42_ignores_a_figure_the_types_share() -> None:
    # The PPWP's B4 equals the DPR's when no DPTb voter was refused the DPR ballot.
    form = entered(expected_dpr(), {"I.B4.total": 999})
    found = diagnose(form, expected_dpr(), DPR, {BallotType.PPWP: expected_ppwp()})
    assert [m.mistake for m in found] != ["M42"], found


# --- M38 ballots used, voters and valid + invalid disagree ---------------------------------


def test_m38_two_ballots_too_many_counted() -> None:
    # Like the Pekanbaru count: two more valid votes than ballots used and voters.
    form = entered(expected_ppwp(), {"IV.pair:1": 82, "V.valid": 201, "V.total": 207})
    found = diagnose(form, expected_ppwp(), PPWP)
    kinds = {m.mistake: m for m in found}
    assert set(kinds) == {"M38", "figure"}, found
    assert set(kinds["M38"].fields) == {"V.valid", "V.total"}, kinds["M38"]
    assert kinds["M38"].params == {"used": 205, "voters": 205, "cast": 207}
    assert kinds["figure"].fields == ("IV.pair:1",), "the tally row itself is a wrong figure"


def test_m38_not_reported_when_m39_explains_it() -> None:
    form = entered(expected_ppwp(), {"II.2": 0, "V.invalid": 9, "V.total": 208})
    assert [m.mistake for m in diagnose(form, expected_ppwp(), PPWP)] == ["M39"]


def test_m38_for_ballots_used_written_wrongly() -> None:
    form = entered(expected_ppwp(), {"II.4": 204})
    mistake = only(diagnose(form, expected_ppwp(), PPWP))
    assert (mistake.mistake, mistake.fields) == ("M38", ("II.4",)), mistake


# --- Plain wrong figures -------------------------------------------------------------------


def test_a_wrong_figure_and_the_totals_added_up_from_it() -> None:
    form = entered(
        expected_ppwp(),
        {"I.A1.men": 121, "I.A1.total": 246, "I.A4.men": 125, "I.A4.total": 253},
    )
    mistake = only(diagnose(form, expected_ppwp(), PPWP))
    assert mistake.mistake == "figure", mistake
    assert mistake.fields[0] == "I.A1.men", "the wrong cell comes first"
    assert set(mistake.fields) == {"I.A1.men", "I.A1.total", "I.A4.men", "I.A4.total"}
    assert mistake.params == {"entered": 121, "expected": 120}


def test_a_total_added_up_wrongly_is_its_own_figure() -> None:
    form = entered(expected_ppwp(), {"I.A1.total": 999})
    mistake = only(diagnose(form, expected_ppwp(), PPWP))
    assert (mistake.mistake, mistake.fields) == ("figure", ("I.A1.total",)), mistake
    assert mistake.params == {"entered": 999, "expected": 245}


def test_kolom_kosong_recorded_as_invalid_is_a_wrong_figure() -> None:
    contest = BUPATI_TUNGGAL
    day = DayFigures(
        registered_dpt=Headcount(10, 10),
        voted_dpt=Headcount(8, 8),
        received=21,
        unused=5,
        used=16,
        tally={"pair:1": 9, "kosong": 5},
        invalid=2,
    )
    right = expected_form(day, contest)
    wrong = entered(right, {"IV.kosong": 0, "V.valid": 9, "V.invalid": 7})
    found = diagnose(wrong, right, contest)
    assert sorted(cells_of(found)) == sorted(["IV.kosong", "V.valid", "V.invalid"]), found


# --- Every wrong cell is explained exactly once --------------------------------------------


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(tps_forms(), st.data())
def test_every_wrong_cell_is_reported_once(
    tps: tuple[tuple[Contest, ...], dict[BallotType, ResultForm]], data: st.DataObject
) -> None:
    contests, forms = tps
    contest = data.draw(st.sampled_from(contests))
    right = forms[contest.ballot]
    ids = right.field_ids()
    changes = data.draw(
        st.dictionaries(st.sampled_from(ids), st.integers(0, 400), min_size=1, max_size=6)
    )
    wrong = entered(right, changes)
    found = diagnose(wrong, right, contest, forms)
    reported = cells_of(found)
    differing = [f for f in ids if wrong.get(f) != right.get(f)]
    assert len(reported) == len(set(reported)), f"a cell reported twice: {found}"
    assert set(reported) == set(differing), (
        f"reported {sorted(reported)} but the wrong cells are {sorted(differing)}"
    )


# --- M39 at its boundaries (issue 11, item 7) ----------------------------------------------


def day_with(returned: int, invalid: int) -> ResultForm:
    """The PPWP day with ``returned`` ballots handed back and ``invalid`` invalid votes."""
    base = ppwp_day()
    tally = dict(base.tally)
    tally["pair:3"] += base.invalid - invalid  # the votes stay 205 in all
    day = replace(base, returned=returned, unused=250 - 205 - returned, invalid=invalid,
                  tally=tally)
    return expected_form(day, PPWP)


def m39(mistakes: list[FormMistake]) -> list[FormMistake]:
    return [m for m in mistakes if m.mistake == "M39"]


@pytest.mark.parametrize("returned", [0, 1, 2])
def test_m39_from_a_single_returned_ballot(returned: int) -> None:
    truth = day_with(returned, 6)
    assert diagnose(truth.clone(), truth, PPWP) == [], "a right form flagged"
    if returned == 0:
        return
    form = entered(truth, {"II.2": 0, "V.invalid": 6 + returned, "V.total": 205 + returned})
    mistake = only(diagnose(form, truth, PPWP))
    assert mistake.mistake == "M39", mistake
    assert set(mistake.fields) == {"II.2", "V.invalid", "V.total"}, mistake.fields
    assert mistake.params == {"returned": returned, "invalid": 6}


@pytest.mark.parametrize("invalid", [1, 2])
def test_m39_from_a_single_invalid_vote(invalid: int) -> None:
    truth = day_with(3, invalid)
    form = entered(truth, {"II.2": 3 + invalid, "V.invalid": 0, "V.total": 205 - invalid})
    mistake = only(m39(diagnose(form, truth, PPWP)))
    assert mistake.params == {"returned": 3, "invalid": invalid}
    assert {"II.2", "V.invalid"} <= set(mistake.fields), mistake.fields


def test_m39_names_only_the_cell_that_is_wrong() -> None:
    """Returned ballots also counted as invalid, but II.2 itself written right: the mistake
    is in V.invalid (and the total that follows), not in II.2."""
    form = entered(expected_ppwp(), {"V.invalid": 6 + 3, "V.total": 208})
    mistake = only(m39(diagnose(form, expected_ppwp(), PPWP)))
    assert "II.2" not in mistake.fields, mistake.fields
    assert mistake.params == {"returned": 3, "invalid": 6}


@pytest.mark.parametrize(
    "changes",
    [{"II.2": 6, "V.invalid": 5, "V.total": 204}, {"II.2": 4}, {"V.invalid": 5, "V.total": 204}],
    ids=["half_a_swap", "returned_wrong", "invalid_wrong"],
)
def test_a_plain_wrong_figure_is_not_m39(changes: dict[str, int]) -> None:
    assert not m39(diagnose(entered(expected_ppwp(), changes), expected_ppwp(), PPWP))
