"""The rule and action catalogue is well-formed: unique, well-named ids in the right phase,
every MISTAKES.md entry caught by some rule, every rule citing its public regulation (and, for
trainers, the HANDBOOK sections it was encoded from), every critical rule naming what it
causes, every action kind unique and known to the catalogue."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from types import ModuleType

import pytest
from handbook import SECTIONS
from mistakes import MISTAKES

from simulator.core.actions import COMMON_ACTIONS, Action
from simulator.core.catalogue import ACTION_CLASSES, ACTION_KINDS, PHASE_MODULES, RULES, RULES_BY_ID
from simulator.core.phases import incidents
from simulator.core.rules import Rule
from simulator.schema.types import Phase, Severity

ROOT = Path(__file__).resolve().parents[1]
MISTAKES_MD = ROOT.parent / "shared" / "domain" / "MISTAKES.md"
HANDBOOK_MD = ROOT.parent / "shared" / "domain" / "HANDBOOK.md"
RULE_ID = re.compile(r"^(?P<phase>[a-z]+)\.[a-z0-9]+(?:_[a-z0-9]+)*$")
# What a public citation names: a law, a KPU regulation, decision or instruction, a court ruling,
# a guide, or the KPU office that issued a guidance.
CITATION = re.compile(
    r"\b(UU|PKPU|Kep\. KPU|MK|Buku Panduan KPPS|Panduan Pengawas TPS|KPU|Peraturan DKPP)\b"
)
# A public citation is shown to trainees in both languages, so it is made of citation words
# only: document names, article numbers and form names, never prose in either language.
CITATION_WORDS = frozenset(
    {
        *("UU", "PKPU", "Kep.", "KPU", "MK", "Instruksi", "RI", "Buku", "Panduan", "KPPS"),
        *("Pemilu", "Pengawas", "TPS", "Model", "C.PENDAMPING-KPU", "Pasal", "Bab", "jo."),
        *("hlm.", "II", "V", "B", "Provinsi", "DKI", "Jakarta", "Kota", "Tomohon"),
        *("Peraturan", "DKPP"),
    }
)
CITATION_TOKEN = re.compile(
    r"^(?:\d+(?:\(\w+\))*(?:-(?:\d+|\(\d+\)))?|\d+/\d{4}|\d+/PUU-[IVX]+/\d{4}|\(\d{4}\))$"
)
HANDBOOK_REF = re.compile(r"§(\d+(?:\.\d+)?)")


def mistake_ids() -> list[str]:
    """Every M-number of MISTAKES.md (its copy in ``tests/mistakes.py``)."""
    return list(MISTAKES)


SEVERITY_WORDS = {Severity.KRITIS: "critical", Severity.BERAT: "major", Severity.RINGAN: "minor"}


def test_mistakes_copy_matches_the_notes() -> None:
    """tests/mistakes.py is MISTAKES.md as data; where the shared notes are checked out, the
    two agree (in a clean clone the copy stands for them)."""
    if not MISTAKES_MD.is_file():
        return
    text = MISTAKES_MD.read_text(encoding="utf-8")
    rows = re.findall(
        r"^### (M\d\d) `([a-z0-9-]+)`\n- \*\*phase\*\* (\w+) · \*\*scope\*\* \S+ · "
        r"\*\*severity\*\* (\w+)",
        text,
        re.M,
    )
    assert rows, f"{MISTAKES_MD} lists no '### Mnn' entries"
    notes = {mid: (slug, phase, severity) for mid, slug, phase, severity in rows}
    assert notes == MISTAKES, "tests/mistakes.py differs from MISTAKES.md: copy it again"


@pytest.mark.parametrize("rule", [r for r in RULES if r.mistakes], ids=lambda r: r.id)
def test_a_rule_is_as_severe_as_the_mistakes_it_catches_or_says_why(rule: Rule) -> None:
    """MISTAKES.md grades each mistake; a rule that catches only a lesser (or a graver) side
    of one carries a severity_note saying so, so a trainer can see every departure."""
    expected = {MISTAKES[m][2] for m in rule.mistakes}
    if SEVERITY_WORDS[rule.severity] in expected:
        return
    assert rule.severity_note, (
        f"{rule.id} is {SEVERITY_WORDS[rule.severity]} but catches "
        f"{', '.join(f'{m} ({MISTAKES[m][2]})' for m in rule.mistakes)}: align the severity "
        "or give a severity_note"
    )


def module_actions(module: ModuleType) -> list[type[Action]]:
    """The concrete action classes defined in ``module`` (those with a fixed ``kind``)."""
    return [
        cls
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, Action)
        and cls.__module__ == module.__name__
        and isinstance(cls.model_fields["kind"].default, str)
    ]


def test_rule_ids_are_unique() -> None:
    ids = [rule.id for rule in RULES]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"two rules share an id: {duplicates}"
    assert len(RULES_BY_ID) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_a_rule_id_is_its_phase_and_a_snake_case_name(rule: Rule) -> None:
    match = RULE_ID.fullmatch(rule.id)
    assert match, f"{rule.id!r} is not 'phase.snake_case_name'"
    assert match["phase"] in {p.value for p in Phase}, f"{rule.id!r} names no phase"
    assert match["phase"] == rule.phase.value, f"{rule.id!r} belongs to {rule.phase.value!r}"


@pytest.mark.parametrize("phase", list(PHASE_MODULES), ids=str)
def test_a_phase_module_judges_only_its_own_phase(phase: Phase) -> None:
    module = PHASE_MODULES[phase]
    assert module.PHASE is phase, f"{module.__name__}.PHASE is {module.PHASE}, not {phase}"
    strays = [r.id for r in module.RULES if r.phase is not phase]
    assert not strays, f"{module.__name__} holds rules of another phase: {strays}"


def test_every_module_rule_is_in_the_catalogue() -> None:
    catalogued = set(RULES)
    for module in (*PHASE_MODULES.values(), incidents):
        missing = [r.id for r in module.RULES if r not in catalogued]
        assert not missing, f"{module.__name__} rules missing from the catalogue: {missing}"


def _caught_cases() -> list[str]:
    return mistake_ids()


@pytest.mark.parametrize("mistake", _caught_cases())
def test_every_common_mistake_is_caught_by_a_rule(mistake: str) -> None:
    catching = [rule.id for rule in RULES if mistake in rule.mistakes]
    assert catching, f"no rule catches {mistake} of MISTAKES.md"


def test_rules_name_only_known_mistakes() -> None:
    known = set(mistake_ids())
    unknown = sorted({(r.id, m) for r in RULES for m in r.mistakes if m not in known})
    assert not unknown, f"rules cite mistakes MISTAKES.md does not list: {unknown}"


def citation_strays(citation: str) -> list[str]:
    """The parts of a public citation that are neither a citation word nor a number."""
    parts = [p for p in re.split(r"[\s;,]+", citation) if p]
    return [p for p in parts if p not in CITATION_WORDS and not CITATION_TOKEN.match(p)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_cites_a_public_regulation_in_citation_words_only(rule: Rule) -> None:
    """Trainees see ``regulation`` on every screen, in both languages: a law, regulation or
    guide with its articles, never the implementers' handbook and never prose."""
    assert rule.regulation.strip(), f"{rule.id} cites nothing"
    assert CITATION.search(rule.regulation), (
        f"{rule.id} cites {rule.regulation!r}: no law, regulation, decision or guide"
    )
    assert "HANDBOOK" not in rule.regulation and "§" not in rule.regulation, (
        f"{rule.id}: {rule.regulation!r} points to the handbook; that belongs in Rule.handbook"
    )
    strays = citation_strays(rule.regulation)
    assert not strays, (
        f"{rule.id}: {rule.regulation!r} holds {strays}, which are not citation words; a "
        "qualifier goes into the rule's translated explanation"
    )


def test_the_citation_check_catches_prose_and_handbook_pointers() -> None:
    """The word check above would catch the citations this catalogue used to carry."""
    assert citation_strays("PKPU 25/2023 Pasal 53(4) as reported") == ["as", "reported"]
    assert citation_strays("Kep. KPU 66/2024 (chair's duties)") == ["(chair's", "duties)"]
    assert citation_strays("UU 7/2017 Pasal 503 jo. Pasal 389(3); MK 20/PUU-XVII/2019") == []
    assert citation_strays("PKPU 25/2023 Pasal 26(1)-(3); Buku Panduan KPPS hlm. 3-4") == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_names_the_handbook_sections_it_comes_from(rule: Rule) -> None:
    """``handbook`` points trainers to existing HANDBOOK.md sections (the copy in
    ``tests/handbook.py`` stands for the notes in a clean clone)."""
    sections = HANDBOOK_REF.findall(rule.handbook)
    assert rule.handbook.startswith("§") and sections, (
        f"{rule.id}: handbook {rule.handbook!r} names no section (\"§7.1 step 2\")"
    )
    unknown = [s for s in sections if s not in SECTIONS]
    assert not unknown, f"{rule.id}: HANDBOOK.md has no section {unknown} ({rule.handbook!r})"


def test_handbook_sections_copy_matches_the_notes() -> None:
    """tests/handbook.py lists the section headings of HANDBOOK.md, where the shared notes
    are checked out (in a clean clone the copy stands for them)."""
    if not HANDBOOK_MD.is_file():
        return
    text = HANDBOOK_MD.read_text(encoding="utf-8")
    headings = set(re.findall(r"^#{2,3} (\d+(?:\.\d+)*)\.? ", text, re.M))
    assert headings, f"{HANDBOOK_MD} has no numbered section headings"
    assert headings == SECTIONS, (
        "tests/handbook.py differs from HANDBOOK.md: only in the notes "
        f"{sorted(headings - SECTIONS)}, only in the copy {sorted(SECTIONS - headings)}"
    )


@pytest.mark.parametrize(
    "rule", [r for r in RULES if r.severity is Severity.KRITIS], ids=lambda r: r.id
)
def test_every_critical_rule_names_a_consequence(rule: Rule) -> None:
    assert rule.consequences, f"{rule.id} is critical but names no consequence"


def test_action_kinds_are_unique() -> None:
    kinds = [cls.model_fields["kind"].default for cls in ACTION_CLASSES]
    duplicates = sorted({k for k in kinds if kinds.count(k) > 1})
    assert not duplicates, f"two action classes share a kind: {duplicates}"
    assert len(ACTION_KINDS) == len(ACTION_CLASSES)


@pytest.mark.parametrize("module", list(PHASE_MODULES.values()), ids=lambda m: m.__name__)
def test_every_action_of_a_phase_module_is_in_the_catalogue(module: ModuleType) -> None:
    for cls in module_actions(module):
        kind = cls.model_fields["kind"].default
        assert ACTION_KINDS.get(kind) is cls, f"{cls.__name__} ({kind!r}) is not in ACTION_KINDS"
        assert cls in module.ACTIONS or any(cls in m.ACTIONS for m in PHASE_MODULES.values()), (
            f"{cls.__name__} is defined in {module.__name__} but no phase accepts it"
        )


def test_common_actions_are_in_the_catalogue() -> None:
    for cls in COMMON_ACTIONS:
        kind = cls.model_fields["kind"].default
        assert ACTION_KINDS.get(kind) is cls, f"{cls.__name__} ({kind!r}) is not in ACTION_KINDS"
