"""The domain lint: each check fires on a broken variant of a valid fixture, and only then."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from simulator.content import ContentError, Issue, check_rule_ids, lint_scenario, load_scenario
from simulator.content.lint import expected_ballots
from simulator.content.yaml_loader import load_yaml
from simulator.schema.scenario import Scenario
from simulator.schema.types import ElectionType

FIXTURES = Path(__file__).parent / "fixtures" / "content"
Data = dict[str, Any]


def fixture(name: str) -> Data:
    return load_yaml(FIXTURES / f"{name}.yaml").data  # type: ignore[return-value]


PEMILU = fixture("pemilu_minimal")
PILKADA = fixture("pilkada_minimal")


def issues(base: Data, change: Callable[[Data], object] | None = None) -> list[Issue]:
    data = copy.deepcopy(base)
    if change is not None:
        change(data)
    return lint_scenario(Scenario.model_validate(data))


def codes(base: Data, change: Callable[[Data], object] | None = None) -> list[str]:
    return [issue.code for issue in issues(base, change)]


def voter(data: Data, index: int = 0) -> Data:
    return data["voters"]["listed"][index]  # type: ignore[no-any-return]


def contest(data: Data, ballot: str) -> Data:
    return next(c for c in data["contests"] if c["ballot"] == ballot)


@pytest.mark.parametrize("base", [PEMILU, PILKADA], ids=["pemilu", "pilkada"])
def test_the_fixtures_are_clean(base: Data) -> None:
    assert issues(base) == []


# --- Contests and participants -------------------------------------------------------------


def replace_contest(d: Data, ballot: str, new: Data) -> None:
    index = d["contests"].index(contest(d, ballot))
    d["contests"][index] = new


def test_a_ballot_type_of_another_election_fires() -> None:
    gubernur = {
        "ballot": "gubernur",
        "pairs": [{"number": n, "head": "A", "deputy": "B"} for n in (1, 2)],
    }
    found = issues(PEMILU, lambda d: replace_contest(d, "dprd_kabko", gubernur))
    assert [(i.code, i.loc) for i in found] == [
        ("lint.contest.election", ("contests", 4, "ballot"))
    ]


def test_a_second_contest_of_one_type_fires() -> None:
    def twice(d: Data) -> None:
        replace_contest(d, "dprd_kabko", copy.deepcopy(contest(d, "dpd")))

    assert codes(PEMILU, twice) == ["lint.contest.duplicate"]


def test_bupati_and_walikota_together_fire() -> None:
    def add_walikota(d: Data) -> None:
        d["contests"].append({**copy.deepcopy(contest(d, "bupati")), "ballot": "walikota"})
        d["ballots"]["generated"]["walikota"] = {"count": 97}

    assert codes(PILKADA, add_walikota) == ["lint.contest.both_regents"]


def test_a_contest_without_its_list_fires() -> None:
    assert codes(PEMILU, lambda d: contest(d, "dprd_prov").update(slates=[])) == [
        "lint.contest.empty"
    ]


def test_a_contest_filling_the_wrong_list_fires() -> None:
    def add_candidates(d: Data) -> None:
        contest(d, "ppwp")["candidates"] = [{"number": 1, "name": "X"}]

    found = issues(PEMILU, add_candidates)
    assert [(i.code, i.loc) for i in found] == [
        ("lint.contest.wrong_list", ("contests", 0, "candidates"))
    ]


def test_a_single_pair_fires_in_a_pemilu_but_not_in_a_pilkada() -> None:
    assert codes(PEMILU, lambda d: contest(d, "ppwp")["pairs"].pop(0)) == [
        "lint.contest.single_pair"
    ]
    assert len(contest(PILKADA, "gubernur")["pairs"]) == 1  # and the fixture is clean


def test_a_number_used_twice_in_a_contest_fires() -> None:
    def same_number(d: Data) -> None:
        contest(d, "ppwp")["pairs"][0]["number"] = 2

    found = issues(PEMILU, same_number)
    assert [(i.code, i.loc) for i in found] == [
        ("lint.contest.duplicate_number", ("contests", 0, "pairs", 1, "number"))
    ]


def test_parties_defined_twice_fire() -> None:
    def twice(d: Data) -> None:
        d["parties"].append({**d["parties"][0]})

    assert sorted(codes(PEMILU, twice)) == [
        "lint.party.duplicate_code",
        "lint.party.duplicate_number",
    ]


def test_an_undefined_party_fires_for_slates_and_for_pairs() -> None:
    def undefined(d: Data) -> None:
        contest(d, "dprd_kabko")["slates"][0]["party"] = 9
        contest(d, "ppwp")["pairs"][0]["parties"] = [1, 8]

    found = issues(PEMILU, undefined)
    assert {(i.code, i.params["number"]) for i in found} == {
        ("lint.party.undefined", 9),
        ("lint.party.undefined", 8),
    }


def test_a_pemilu_dprd_contest_without_its_district_fires() -> None:
    def no_district(d: Data) -> None:
        del d["tps"]["districts"]["dprd_kabko"]

    found = issues(PEMILU, no_district)
    assert [(i.code, i.params["field"]) for i in found] == [
        ("lint.tps.district_missing", "dprd_kabko")
    ]


# --- The TPS and its logistics -------------------------------------------------------------


def test_too_many_voters_for_the_election_fires() -> None:
    def crowd(d: Data) -> None:
        d["tps"]["dpt"] = {"men": 150, "women": 149}  # 299 + DPTb 3 = 302 > 300
        d["logistics"] = {}

    assert codes(PEMILU, crowd) == ["lint.tps.too_many_voters"]


def test_six_hundred_voters_is_fine_for_a_pilkada() -> None:
    def crowd(d: Data) -> None:
        d["tps"]["dpt"] = {"men": 297, "women": 297}

    assert "lint.tps.too_many_voters" not in codes(PILKADA, crowd)


def test_more_disabled_voters_than_voters_fires() -> None:
    assert codes(PILKADA, lambda d: d["tps"]["disabled"].update(men=64)) == [
        "lint.tps.disabled_exceeds"
    ]


def test_reserve_is_rounded_up_per_tps() -> None:
    assert expected_ballots(299, ElectionType.PEMILU_2024) == 305
    assert expected_ballots(200, ElectionType.PEMILU_2024) == 204
    assert expected_ballots(120, ElectionType.PILKADA_2024) == 123
    assert expected_ballots(0, ElectionType.PILKADA_2024) == 0


def test_a_delivered_count_that_differs_is_a_warning_only() -> None:
    [issue] = issues(PEMILU, lambda d: d["logistics"]["ballots"]["ppwp"].update(count=200))
    assert (issue.code, issue.level) == ("lint.logistics.count_differs", "warning")
    assert issue.params["expected"] == 204


def test_more_damaged_ballots_than_delivered_fires() -> None:
    assert codes(PEMILU, lambda d: d["logistics"]["ballots"]["ppwp"].update(damaged=205)) == [
        "lint.logistics.damaged_exceeds"
    ]


def test_logistics_for_a_type_without_contest_fires() -> None:
    def extra(d: Data) -> None:
        d["logistics"]["ballots"]["gubernur"] = {}
        d["logistics"]["boxes"] = {"bupati": {"sealed": False}}

    found = issues(PEMILU, extra)
    assert {(i.code, i.loc) for i in found} == {
        ("lint.ballot_type.not_in_scenario", ("logistics", "ballots", "gubernur")),
        ("lint.ballot_type.not_in_scenario", ("logistics", "boxes", "bupati")),
    }


def few_ballots_and_residents(d: Data) -> None:
    """Two ballots of each type: v1 (DPT) and v2 (DPTb, Model A for PPWP and DPD) take one
    each; three residents on no list come at the DPK hour and may find none."""
    d["logistics"] = {"ballots": {b: {"count": 2} for b in ("ppwp", "dpr", "dpd")}}
    d["logistics"]["ballots"] |= {b: {"count": 2} for b in ("dprd_prov", "dprd_kabko")}
    del d["voters"]["generated"]
    for i in range(3):
        d["voters"]["listed"].append({
            "id": f"dpk{i}", "name": f"Warga Desa {i}", "sex": "L", "age": 40,
            "registered": "none", "arrives": "12:10", "documents": [{"kind": "ktp_el"}],
        })


def test_ballots_running_out_on_voters_on_no_list_only_is_fine() -> None:
    """The desk sends a DPK voter who finds none to the nearest TPS (§5.4; M18)."""
    assert "lint.logistics.runs_out" not in codes(PEMILU, few_ballots_and_residents)


def test_a_voter_on_the_lists_after_noon_counts_the_residents_for_the_types_they_need() -> None:
    def late(d: Data) -> None:
        few_ballots_and_residents(d)
        voter(d, 1)["arrives"] = "12:30"  # the DPTb voter, entitled to PPWP and DPD only

    found = [i for i in issues(PEMILU, late) if i.code == "lint.logistics.runs_out"]
    assert sorted(i.params["ballot"] for i in found) == ["dpd", "ppwp"]
    assert {i.params["voters"] for i in found} == {5}


# --- People --------------------------------------------------------------------------------


def test_a_voter_id_used_twice_fires() -> None:
    assert codes(PEMILU, lambda d: voter(d, 1).update(id="v1")) == ["lint.people.duplicate_id"]


def test_more_listed_voters_than_registered_fires() -> None:
    # v2 is a man on the DPTb; the TPS registers no DPTb men
    found = issues(PEMILU, lambda d: d["tps"]["dptb"].update(men=0))
    assert [(i.code, i.params["list"], i.params["sex"]) for i in found] == [
        ("lint.voter.exceeds_registered", "DPTb", "L")
    ]


def test_voter_ballot_types_outside_the_scenario_fire() -> None:
    def foreign(d: Data) -> None:
        voter(d, 0)["votes"]["gubernur"] = [{"pair": 1}]
        voter(d, 0)["replacements"] = ["bupati"]
        voter(d, 1)["documents"][0]["ballots"] = ["ppwp", "walikota"]

    found = issues(PEMILU, foreign)
    assert [i.loc for i in found] == [
        ("voters", "listed", 0, "votes", "gubernur"),
        ("voters", "listed", 0, "replacements", 0),
        ("voters", "listed", 1, "documents", 0, "ballots", 1),
    ]
    assert {i.code for i in found} == {"lint.ballot_type.not_in_scenario"}


@pytest.mark.parametrize(
    ("ballot", "mark", "code"),
    [
        ("ppwp", {"pair": 3}, "lint.mark.unknown_number"),
        ("ppwp", {"kosong": True}, "lint.mark.kosong"),
        ("ppwp", {"party": 1}, "lint.mark.layout"),
        ("ppwp", {"pair": 1, "place": "between", "neighbour": 3}, "lint.mark.neighbour"),
        ("dpr", {"party": 1, "candidate": 5}, "lint.mark.unknown_number"),
        ("dpr", {"party": 7}, "lint.mark.unknown_number"),
        ("dpr", {"candidate": 1}, "lint.mark.needs_party"),
        ("dpr", {"pair": 1}, "lint.mark.layout"),
        ("dpd", {"candidate": 2, "place": "between", "neighbour": 4}, "lint.mark.neighbour"),
        ("dpd", {"party": 1}, "lint.mark.layout"),
    ],
)
def test_a_voter_mark_that_does_not_fit_the_ballot_fires(
    ballot: str, mark: Data, code: str
) -> None:
    assert codes(PEMILU, lambda d: voter(d)["votes"].update({ballot: [mark]})) == [code]


@pytest.mark.parametrize(
    ("ballot", "mark"),
    [
        ("ppwp", {"pair": 1, "place": "between", "neighbour": 2}),
        ("dpr", {"party": 1, "candidate": 1, "place": "between", "neighbour": 2}),
        ("dpr", {"party": 2, "place": "blank_area"}),
        ("dpr", {"party": 1, "place": "between", "neighbour": 2}),
        ("dpd", {"place": "outside"}),
    ],
)
def test_a_voter_mark_that_fits_the_ballot_does_not_fire(ballot: str, mark: Data) -> None:
    assert codes(PEMILU, lambda d: voter(d)["votes"].update({ballot: [mark]})) == []


def test_a_listed_ballot_of_a_type_without_contest_fires() -> None:
    def foreign(d: Data) -> None:
        d["ballots"]["listed"][0]["ballot"] = "walikota"
        d["ballots"]["generated"]["gubernur"]["count"] = 96  # keep the count reconciled

    assert codes(PILKADA, foreign) == ["lint.ballot_type.not_in_scenario"]


def test_a_listed_ballot_mark_is_checked_too() -> None:
    def bad_mark(d: Data) -> None:
        d["ballots"]["listed"][1]["marks"] = [{"pair": 2}]

    found = issues(PILKADA, bad_mark)
    assert [(i.code, i.loc) for i in found] == [
        ("lint.mark.unknown_number", ("ballots", "listed", 1, "marks", 0, "pair"))
    ]


def test_generated_ballots_must_name_existing_participants() -> None:
    def bad_generators(d: Data) -> None:
        d["ballots"]["generated"]["bupati"]["weights"][3] = 5
        d["ballots"]["generated"]["bupati"]["kosong"] = 5

    assert sorted(codes(PILKADA, bad_generators)) == [
        "lint.ballots.kosong",
        "lint.ballots.unknown_weight",
    ]


def test_generated_ballots_of_a_type_without_contest_fire() -> None:
    def foreign(d: Data) -> None:
        d["ballots"]["generated"]["walikota"] = {"count": 0}

    assert codes(PILKADA, foreign) == ["lint.ballot_type.not_in_scenario"]


# --- Times ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arrives", "fires"),
    [
        ("05:59", True),
        ("06:00", False),
        ("13:30", False),
        ("14:00", False),
        ("14:01", True),
        ("08:00+1", True),
    ],
)
def test_voter_arrivals_fall_in_the_voting_window(arrives: str, fires: bool) -> None:
    found = codes(PEMILU, lambda d: voter(d).update(arrives=arrives))
    assert found == (["lint.time.window"] if fires else [])


@pytest.mark.parametrize(
    ("at", "fires"), [("16:00-1", False), ("11:00+1", False), ("13:00+1", True), ("23:00-2", True)]
)
def test_events_fall_between_the_day_before_and_noon_after(at: str, fires: bool) -> None:
    found = codes(PEMILU, lambda d: d["events"][0].update(at=at))
    assert found == (["lint.time.window"] if fires else [])


def test_a_witness_arriving_two_days_late_fires() -> None:
    assert codes(PEMILU, lambda d: d["witnesses"][0].update(arrives="08:00+2")) == [
        "lint.time.window"
    ]


def test_a_generator_ending_before_it_starts_fires() -> None:
    found = issues(PEMILU, lambda d: d["voters"]["generated"].update(start="12:00", end="08:00"))
    assert [(i.code, i.loc) for i in found] == [("lint.time.order", ("voters", "generated", "end"))]


# --- Starting after the vote ---------------------------------------------------------------


def test_starting_after_voting_without_counting_start_fires() -> None:
    def counting_only(d: Data) -> None:
        d["phases"] = ["penghitungan"]

    assert codes(PEMILU, counting_only) == ["lint.counting_start.missing"]
    assert codes(PILKADA, lambda d: d.pop("counting_start")) == ["lint.counting_start.missing"]


def test_counting_start_in_a_scenario_that_plays_voting_is_a_warning() -> None:
    def played(d: Data) -> None:
        d["phases"] = ["pemungutan", "penutupan", "penghitungan"]

    [issue] = issues(PILKADA, played)
    assert (issue.code, issue.level) == ("lint.counting_start.unused", "warning")


def test_more_voters_than_registered_fires() -> None:
    def crowd(d: Data) -> None:
        d["counting_start"]["dpt"]["men"] = 61
        d["ballots"]["generated"]["gubernur"]["count"] += 21
        d["ballots"]["generated"]["bupati"]["count"] += 21

    assert codes(PILKADA, crowd) == ["lint.counting_start.exceeds_registered"]


def test_ballots_to_count_must_equal_voters_per_type() -> None:
    found = issues(PILKADA, lambda d: d["ballots"]["generated"]["gubernur"].update(count=90))
    assert [(i.code, i.params["count"], i.params["voters"]) for i in found] == [
        ("lint.counting_start.ballots_mismatch", 92, 97)
    ]


def test_not_entitled_voters_cannot_outnumber_dptb_voters() -> None:
    assert codes(PILKADA, lambda d: d["counting_start"]["not_entitled"].update(bupati=6)) == [
        "lint.counting_start.not_entitled_exceeds"
    ]


def test_returned_and_used_ballots_cannot_exceed_delivered() -> None:
    def short(d: Data) -> None:
        d["logistics"] = {"ballots": {"gubernur": {"count": 97}}}

    assert "lint.counting_start.exceeds_delivered" in codes(PILKADA, short)


def test_more_disabled_voters_voting_than_possible_fires() -> None:
    assert codes(PILKADA, lambda d: d["counting_start"]["disabled"].update(women=4)) == [
        "lint.counting_start.disabled_exceeds"
    ]


# --- Events, scoring -----------------------------------------------------------------------


def test_an_event_about_a_type_without_contest_fires() -> None:
    assert codes(PILKADA, lambda d: d["events"][0].update(ballot="dpr")) == [
        "lint.ballot_type.not_in_scenario"
    ]


def test_scoring_lists_must_not_repeat_or_conflict() -> None:
    def muddled(d: Data) -> None:
        d["scoring"] = {
            "enable": ["voter.dptb.early", "voter.dptb.early"],
            "disable": ["voter.dptb.early"],
        }
        d["mistakes"] = ["M01", "M01"]

    assert sorted(codes(PEMILU, muddled)) == [
        "lint.mistakes.duplicate",
        "lint.scoring.conflict",
        "lint.scoring.duplicate",
    ]


def test_rule_ids_are_checked_only_when_the_catalogue_is_given() -> None:
    scenario = Scenario.model_validate({**PEMILU, "scoring": {"enable": ["voter.dptb.early"]}})
    assert check_rule_ids(scenario, None) == []
    assert check_rule_ids(scenario, {"voter.dptb.early"}) == []
    [issue] = check_rule_ids(scenario, {"voter.dptb.earlier", "voter.ink.admitted"})
    assert issue.code == "lint.scoring.unknown_rule"
    assert issue.hint is not None
    assert issue.hint.params == {"suggestion": "'voter.dptb.earlier'"}


# --- Lint problems are placed in the file --------------------------------------------------


def test_a_lint_problem_points_at_the_offending_line(tmp_path: Path) -> None:
    text = (FIXTURES / "pemilu_minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "late.yaml"
    path.write_text(text.replace("arrives: 11:30", "arrives: 15:30"), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_scenario(path)
    [problem] = caught.value.problems
    line = text.split("\n").index("      arrives: 11:30") + 1
    assert (problem.line, problem.column, problem.path, problem.code) == (
        line,
        16,
        "voters.listed[1].arrives",
        "lint.time.window",
    )


def test_a_warning_does_not_stop_loading(tmp_path: Path) -> None:
    text = (FIXTURES / "pemilu_minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "short.yaml"
    path.write_text(text.replace("{count: 204}", "{count: 150}"), encoding="utf-8")
    assert load_scenario(path).logistics.ballots  # loads despite the warning


def test_other_tps_names_another_tps_for_a_voter_on_no_list_here() -> None:
    """Issue 14: a voter on another TPS's DPT (``other_tps``) is on no list of this TPS, and
    the TPS named is not this one."""

    def elsewhere(d: Data, registered: str, tps: int) -> None:
        voter(d, 0).update(registered=registered, other_tps=tps)

    assert codes(PEMILU, lambda d: elsewhere(d, "none", 8)) == []
    assert codes(PEMILU, lambda d: elsewhere(d, "dpt", 8)) == ["lint.voter.other_tps_registered"]
    this = PEMILU["tps"]["number"]
    found = issues(PEMILU, lambda d: elsewhere(d, "none", this))
    assert [(i.code, i.loc) for i in found] == [
        ("lint.voter.other_tps_is_this", ("voters", "listed", 0, "other_tps"))
    ]
