"""A finding names its case and the right answer: the voter, the witness, the ballot and its
marks, the form cell; and what the core judged right for that case. The debrief groups them by
phase and rule, criticals first, with one explanation per rule."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from simulator.content.load import load_scenario
from simulator.core.actions import EndPhase
from simulator.core.engine import Simulation
from simulator.core.phases.penghitungan import true_verdict
from simulator.core.replay import apply_log
from simulator.core.scoring import Verdict
from simulator.i18n import LANGUAGES, catalog
from simulator.persistence.logfile import read_log
from simulator.presenter import finding_text
from simulator.presenter.debrief import phase_reports, verdict_reasons
from simulator.presenter.labels import verdict_name
from simulator.schema.scenario import Scenario
from simulator.schema.types import BallotType, Severity

ROOT = Path(__file__).resolve().parents[1]
LOGS = sorted((ROOT / "tests" / "playthroughs").glob("*.keliru.log"))
# What an id looks like when it leaks: a voter or witness id, an event, a ballot in its box,
# a cell id, a rule id, a discrepancy id.
RAW_ID = re.compile(
    r"\b(v\d{2,}|w\d+|n\d+|event\.\d+|[a-z_]+#\d+|I\.[AB]\d|II\.\d|[a-z]+\.[a-z_]+\.[a-z_]+)\b"
)


@cache
def scenario(scenario_id: str) -> Scenario:
    return load_scenario(ROOT / "scenarios" / f"{scenario_id}.yaml")


@cache
def mistaken_day(log_name: str) -> Simulation:
    log = read_log(ROOT / "tests" / "playthroughs" / log_name)
    return apply_log(scenario(log.header.scenario), log)


@cache
def abandoned_day(scenario_id: str) -> Simulation:
    sim = Simulation.start(scenario(scenario_id))
    while not sim.finished:
        sim.apply(EndPhase())
    return sim


def days() -> list[tuple[str, Simulation]]:
    found = [(path.name, mistaken_day(path.name)) for path in LOGS]
    found += [(f"{p.stem} abandoned", abandoned_day(p.stem))
              for p in sorted((ROOT / "scenarios").glob("*.yaml"))]
    return found


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_finding_with_a_subject_names_it_in_words(lang: str) -> None:
    cat = catalog(lang)
    problems = []
    for name, sim in days():
        for finding in sim.findings:
            text = finding_text(finding, cat, sim.world)
            if finding.subject is not None and not text.case:
                problems.append(f"{name}: {finding.rule_id} ({finding.subject}) has no case")
            for line in (text.case, text.right):
                if RAW_ID.search(line):
                    problems.append(f"{name}: {finding.rule_id}: raw id in {line!r}")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_misjudged_ballot_names_its_marks_and_the_engines_ruling(lang: str) -> None:
    cat = catalog(lang)
    sim = mistaken_day("pilkada-calon-tunggal-hitung.keliru.log")
    ballots = [f for f in sim.findings if f.subject and "#" in f.subject]
    assert ballots, "the mistaken count misjudged no ballot"
    for finding in ballots:
        text = finding_text(finding, cat, sim.world)
        ballot_type, number = finding.subject.split("#")
        paper = sim.world.boxes[BallotType(ballot_type)].contents[int(number) - 1]
        truth = true_verdict(sim.world, paper)
        assert verdict_name(str(truth.counted_as), cat) in text.right, text.right
        assert cat(f"validity.code.{truth.code.value}.title") in text.right, text.right
        assert number in text.case, f"the ballot's number in the count is named: {text.case}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_wrong_form_figure_names_the_cell_and_both_figures(lang: str) -> None:
    cat = catalog(lang)
    sim = mistaken_day("pemilu-hari-penuh.keliru.log")
    cells = [f for f in sim.findings if "written" in f.param_dict()]
    assert cells, "the mistaken forms have no wrong figure"
    for finding in cells:
        params = finding.param_dict()
        text = finding_text(finding, cat, sim.world)
        assert str(params["expected"]) in text.right and str(params["written"]) in text.right
        assert text.case.startswith("C.Hasil"), text.case


def test_the_debrief_groups_by_phase_and_rule_criticals_first() -> None:
    cat = catalog("id")
    sim = mistaken_day("pilkada-calon-tunggal-hitung.keliru.log")
    reports = phase_reports(sim.findings, sim.score(), sim.duties(), sim.world, cat)
    assert [r.phase.value for r in reports] == ["penghitungan", "formulir"]
    counting = reports[0]
    rule_ids = [g.rule.id for g in counting.groups]
    assert len(rule_ids) == len(set(rule_ids)), "one entry per rule"
    severities = [g.severity for g in counting.groups]
    assert severities == sorted(severities, key=[Severity.KRITIS, Severity.BERAT,
                                                  Severity.RINGAN].index)
    kosong = next(g for g in counting.groups if g.rule.id == "penghitungan.kolom_kosong_tidak_sah")
    assert len(kosong.instances) == sum(
        1 for f in sim.findings if f.rule_id == "penghitungan.kolom_kosong_tidak_sah"
    ) > 1, "every instance of the rule is a line of one entry"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_abandoned_day_says_what_was_left_undone_and_why_it_failed(lang: str) -> None:
    cat = catalog(lang)
    sim = abandoned_day("pilkada-calon-tunggal-hitung")
    score = sim.score()
    assert score.verdict is Verdict.CRITICAL
    reasons = verdict_reasons(score, cat)
    assert len(reasons) >= 2, reasons  # the critical mistakes, and the unfinished phases
    reports = phase_reports(sim.findings, score, sim.duties(), sim.world, cat)
    undone = [line for r in reports for line in r.undone]
    assert any(cat("ballot.bupati") in line for line in undone), undone
    assert not any(RAW_ID.search(line) or "duty." in line for line in undone), undone
