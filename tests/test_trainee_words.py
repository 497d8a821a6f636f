"""Only trainee words on trainee screens: what a trainee reads holds no pointer into the
implementers' handbook ("HANDBOOK", "§", its codes for validity variants, form identities,
mistakes and sources) and no rule id, in either language; and Bahasa Indonesia holds no English.

It renders what trainees see: every finding of every rule (with the figures of real mistaken
days, and with made-up figures for the rules no recorded day breaks), the pause screen's rules
of each phase, every quiz question with its answer, explanation and source line, and every
Indonesian text of the translation layer.
"""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from simulator.app.shots import headless_context
from simulator.content.load import load_scenario
from simulator.core.actions import EndPhase
from simulator.core.catalogue import RULES
from simulator.core.engine import Simulation
from simulator.core.replay import apply_log
from simulator.core.rules import Finding, Rule
from simulator.i18n import LANGUAGES, catalog, placeholders
from simulator.persistence.logfile import read_log
from simulator.presenter import FindingText, finding_text
from simulator.quiz import texts
from simulator.quiz.banks import load_banks
from simulator.quiz.session import items_of, present
from simulator.schema.types import PHASE_ORDER, ElectionType

ROOT = Path(__file__).resolve().parents[1]
LOGS = sorted((ROOT / "tests" / "playthroughs").glob("*.keliru.log"))

# Common English words that Indonesian text never holds as words: any of them on an Indonesian
# screen is English that slipped in (a citation's "as reported", "step 2", "one type at a
# time", "chair's duties" ...).
ENGLISH = frozenset(
    {
        *("the", "and", "of", "step", "steps", "as", "reported", "one", "type", "time"),
        *("each", "not", "with", "for", "from", "by", "is", "are", "to", "in", "on", "at"),
        *("or", "only", "after", "before", "if", "then", "when", "where", "which", "this"),
        *("that", "be", "was", "has", "have", "must", "should", "every", "item", "items"),
        *("chair", "duties", "guidance", "ruling", "findings", "record", "show", "ballot"),
        *("ballots", "voter", "voters", "counting", "opening", "checklist", "printed"),
        *("filling", "identity", "identities", "advisory", "caveat", "matrix"),
        *("form", "forms", "count", "box", "boxes", "other", "another", "its", "their"),
    }
)
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
# The handbook's own labels: validity variants (V4, D13, W3, G1), form identities (R5), mistakes
# (M34) and sources (S-BW19). The C.Hasil's printed row labels (A1, B4, II.2) are the form's own.
HANDBOOK_CODE = re.compile(r"\b(?:[VDGW]\d{1,2}|R\d{1,2}|M\d{2}|S-[A-Z][A-Z0-9]+)\b")
RULE_ID = re.compile(r"\b(?:" + "|".join(p.value for p in PHASE_ORDER) + r")\.[a-z0-9_]{3,}")
TAG = re.compile(r"<[^>]+>")
# Made-up figures for a finding no recorded day produces, by the name its texts use.
FIGURES: dict[str, Any] = {
    "actual": 3, "arrived": 790, "ballot": "dpr", "called": 600, "counted": 2,
    "earliest": 720, "entitled": ["ppwp", "dpd"], "expected": 5, "given": ["ppwp"],
    "latest": 780, "missing": ["dpd"], "right": "dpt", "still_open": ["dpr"], "time": 600,
    "total": 5, "unused": 3, "voters_lost": 2, "first": "I.B4.total", "written": 4,
    "box": "dpr", "expected_box": "ppwp", "envelope": "sampul_c_hasil.dpr",
    "expected_envelope": "sampul_dokumen",
}


def leaks(text: str, lang: str = "id") -> list[str]:
    """What in ``text`` is not for a trainee's screen in ``lang``."""
    plain = TAG.sub(" ", text)
    found = [marker for marker in ("HANDBOOK", "§") if marker in plain]
    found += HANDBOOK_CODE.findall(plain) + RULE_ID.findall(plain)
    if lang == "id":
        found += sorted({w for w in WORD.findall(plain) if w.lower() in ENGLISH})
    return found


def test_the_check_catches_what_used_to_leak() -> None:
    """The citations and texts this catalogue used to show would all fail the check."""
    assert leaks("PKPU 25/2023 Pasal 53(4) as reported (HANDBOOK §7.3 V4)") == [
        "HANDBOOK", "§", "V4", "as", "reported"
    ]
    assert leaks("Kep. KPU 66/2024 Bab V B (one type at a time)") == [
        "at", "one", "time", "type"
    ]
    assert leaks("lihat aturan penghitungan.urutan_salah") == ["penghitungan.urutan_salah"]
    assert not leaks("Kep. KPU 66/2024 Bab V B; Buku Panduan KPPS Pemilu 2024 hlm. 38")
    assert not leaks("Kotak suara dibuka satu per satu di depan saksi dan Pengawas TPS.")
    assert leaks("Varian D13: calon TMS; memenuhi R1–R10 (M34).") == ["D13", "R1", "R10", "M34"]
    assert leaks("The chair opens the box (step 2).", "en") == []
    assert not leaks("Jumlah pemilih (A1 + A2 + A3) dan II.2")


def report(problems: list[str]) -> str:
    return f"{len(problems)} text(s) on Indonesian screens hold what trainees must not read:\n" + (
        "\n".join(problems[:30])
    )


# --- findings ------------------------------------------------------------------------------


@cache
def mistaken_days() -> tuple[Simulation, ...]:
    days = []
    for path in LOGS:
        log = read_log(path)
        scenario = load_scenario(ROOT / "scenarios" / f"{log.header.scenario}.yaml")
        days.append(apply_log(scenario, log))
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        sim = Simulation.start(load_scenario(path))
        while not sim.finished:
            sim.apply(EndPhase())
        days.append(sim)
    return tuple(days)


def made_up_finding(rule: Rule, subject: str | None) -> Finding:
    cat = catalog("id")
    wanted = set().union(
        *(placeholders(cat.strings.get(rule.key(part), "")) for part in ("title", "explanation",
                                                                         "consequence", "case",
                                                                         "right"))
    )
    params = tuple((name, FIGURES[name]) for name in sorted(wanted) if name in FIGURES)
    return Finding(rule.id, rule.phase, rule.severity, rule.cost, 600, subject, params,
                   rule.consequences)


def finding_words(text: FindingText) -> list[str]:
    return [text.title, text.explanation, text.consequence, text.regulation, text.case,
            text.right, text.severity, *text.consequences]


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_finding_reads_in_trainee_words(lang: str) -> None:
    cat = catalog(lang)
    problems = []
    days = mistaken_days()
    for sim in days:
        for finding in sim.findings:
            for words in finding_words(finding_text(finding, cat, sim.world)):
                problems += [f"{finding.rule_id}: {bad!r} in {words!r}"
                             for bad in leaks(words, lang)]
    world = days[0].world  # a day with voters, witnesses, boxes and forms to name
    someone = next(iter(world.voters))
    for rule in RULES:
        for subject in (None, someone, "dpr"):
            text = finding_text(made_up_finding(rule, subject), cat, world)
            for words in finding_words(text):
                problems += [f"{rule.id}: {bad!r} in {words!r}" for bad in leaks(words, lang)]
    assert not problems, report(sorted(set(problems)))


# --- the pause screen -----------------------------------------------------------------------


@pytest.mark.parametrize("phase", PHASE_ORDER, ids=lambda p: p.value)
def test_the_pause_screen_lists_the_phase_rules_in_indonesian_only(phase: Any) -> None:
    from simulator.scenes.pause import PauseScene

    ctx = headless_context((1366, 768), "id")
    for election in ElectionType:  # each election shows its own basis where it has one
        scenario = SimpleNamespace(election=election)
        world = SimpleNamespace(phase=phase, scenario=scenario)
        session = SimpleNamespace(sim=SimpleNamespace(world=world))
        markup = PauseScene(ctx, session).help_markup()  # type: ignore[arg-type]
        assert markup, f"the pause screen lists no rule for {phase.value}"
        problems = [f"{bad!r} in {line!r}" for line in markup.split("<br>") for bad in leaks(line)]
        assert not problems, report(problems)


# --- the quiz -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_quiz_question_and_its_feedback_read_in_trainee_words(lang: str) -> None:
    cat = catalog(lang)
    loaded = load_banks()
    assert loaded.ok and loaded.banks, "the shipped quiz banks load"
    problems = []
    rng = random.Random(1)
    for item in items_of(loaded.banks):
        shown = [
            texts.question_text(item, cat),
            *(choice.text for choice in texts.choices(item, present(item, rng).order, cat)),
            texts.answer_text(item, item.key.answer, cat),
            texts.explanation_text(item, cat),
            cat("quiz.play.regulation", regulation=item.question.regulation),
        ]
        problems += [f"{item.question.id}: {bad!r} in {words!r}"
                     for words in shown for bad in leaks(words, lang)]
    assert not problems, report(problems)


# --- every Indonesian text ------------------------------------------------------------------

# A trainer's tool may name the handbook: the command line's rule list prints each rule's
# HANDBOOK sections under this heading, and the MISTAKES.md ids each rule catches. Messages
# about a scenario or quiz file speak to its author and quote its (English) field names.
TRAINERS_ONLY = frozenset({"cli.rules.handbook", "cli.verb.rules"})
AUTHORS_ONLY = "content."


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_text_holds_no_handbook_pointer_rule_id_or_stray_english(lang: str) -> None:
    strings = catalog(lang).strings
    problems = []
    for key, template in sorted(strings.items()):
        if key in TRAINERS_ONLY or key.startswith(AUTHORS_ONLY):
            continue
        words = re.sub(r"\{[^}]*\}", " ", template)
        problems += [f"{key}: {bad!r} in {words!r}" for bad in leaks(words, lang)]
    assert not problems, report(problems)


# --- what scenario authors wrote -------------------------------------------------------------


def bilingual_texts(node: object, where: str) -> list[tuple[str, str, str]]:
    """Every ``{id: …, en: …}`` text of a scenario file, with where it is."""
    found: list[tuple[str, str, str]] = []
    if isinstance(node, dict):
        if {"id", "en"} <= node.keys() and all(isinstance(node[k], str) for k in ("id", "en")):
            found += [(where, lang, node[lang]) for lang in LANGUAGES]
        for key, value in node.items():
            found += bilingual_texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += bilingual_texts(value, f"{where}[{index}]")
    return found


def test_the_shipped_scenarios_speak_in_trainee_words() -> None:
    """Titles, briefings and everything else the picker and the phases show of a scenario."""
    import yaml

    problems = []
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        texts_ = bilingual_texts(yaml.safe_load(path.read_text(encoding="utf-8")), path.stem)
        assert texts_, f"{path.name} holds no bilingual text"
        problems += [f"{where} ({lang}): {bad!r} in {text!r}"
                     for where, lang, text in texts_ for bad in leaks(text, lang)]
    assert not problems, report(problems)
