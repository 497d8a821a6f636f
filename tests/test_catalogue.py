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
# What a public citation is made of. It is shown to trainees in both languages and they must be
# able to look it up, so each ";"-separated part names one document of a known kind, then at
# most its articles, chapter or page: never prose, never the implementers' notes.
GUIDES = (  # the named guides HANDBOOK.md cites where it gives no article
    "Buku Panduan KPPS Pemilu 2024",
    "Buku Panduan KPPS Pemilu 2019",
    "Buku Pintar KPPS Pemilihan 2024",
    "Panduan Pengawas TPS 2024",
)
DOCUMENT = re.compile(
    r"^(?:(?:UU|PKPU|Perbawaslu|Peraturan DKPP|Kep\. KPU|Keputusan KPU) \d+/\d{4}"
    r"|Putusan MK \d+/PUU-[IVX]+/\d{4}"
    rf"|{'|'.join(re.escape(g) for g in GUIDES)})(?= |$)"
)
# After the document: "Pasal 26(1)-(3)", "Pasal 178B", "Pasal 503 jo. Pasal 389(3)",
# "Pasal 356(2), Pasal 500", "Pasal 8 a, e" (huruf), "Bab V B", "hlm. 3-4".
LOCATION_WORDS = frozenset({"Pasal", "jo.", "Bab", "hlm."})
LOCATION_TOKEN = re.compile(
    r"^(?:\d+[A-Z]?(?:\([0-9a-z]+\))*(?:[-–](?:\d+[A-Z]?(?:\([0-9a-z]+\))*|\([0-9a-z]+\)))?"
    r"|[a-z](?:[-–][a-z])?|[IVX]+|[A-Z])$"
)
INTERNAL = ("HANDBOOK", "§", "MISTAKES", "S-")
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


def citation_problems(citation: str) -> list[str]:
    """What makes ``citation`` unfit to show a trainee: empty, an internal reference, a part
    that names no known document, or words that are not an article, chapter or page."""
    if not citation.strip():
        return ["cites nothing"]
    problems = [f"internal reference {word!r}" for word in INTERNAL if word in citation]
    for part in (p.strip() for p in citation.split(";")):
        document = DOCUMENT.match(part)
        if document is None:
            problems.append(f"{part!r} names no known law, regulation, decision or guide")
            continue
        rest = part[document.end():].split()
        if rest and rest[0] not in LOCATION_WORDS - {"jo."}:
            problems.append(f"{part!r}: {rest[0]!r} is not Pasal, Bab or hlm.")
        strays = [
            w for w in (w.rstrip(",") for w in rest)
            if w not in LOCATION_WORDS and not LOCATION_TOKEN.match(w)
        ]
        if strays:
            problems.append(f"{part!r} holds {strays}, which are not article numbers")
    return problems


def shown_bases(rule: Rule) -> list[str]:
    """Every citation a trainee may see for ``rule``: the Pemilu's, and the Pilkada's own."""
    return [rule.regulation, *([rule.regulation_pilkada] if rule.regulation_pilkada else [])]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_cites_a_document_a_trainee_can_look_up(rule: Rule) -> None:
    """Trainees see a rule's basis on every screen, in both languages: a law, regulation,
    decision, court ruling or named guide with its articles, never the implementers'
    handbook, the mistakes catalogue, prose, or a document of an unknown kind (a typo)."""
    for citation in shown_bases(rule):
        problems = citation_problems(citation)
        assert not problems, (
            f"{rule.id}: {citation!r}: {'; '.join(problems)} (a qualifier goes into the rule's "
            "translated explanation, a handbook pointer into Rule.handbook)"
        )
    assert rule.confidence in {"H", "M", "L"}, f"{rule.id}: confidence {rule.confidence!r}"


@pytest.mark.parametrize(
    ("citation", "problem"),
    [
        ("", "cites nothing"),
        ("HANDBOOK §5.4", "internal reference 'HANDBOOK'"),
        ("PKPU 25/2023 Pasal 80; MISTAKES M13", "internal reference 'MISTAKES'"),
        ("PKPU 25/2023 Pasal 53 (§7.2)", "internal reference '§'"),
        ("PKPU 25/2023 Pasal 53(4) as reported", "not article numbers"),
        ("Kep. KPU 66/2024 (chair's duties)", "is not Pasal, Bab or hlm."),
        ("PKUP 25/2023 Pasal 5", "names no known"),
        ("Buku Panduan KPPS", "names no known"),
        ("Instruksi KPU RI 2024", "names no known"),
        ("UU 7/2017 Pasal 356(2); Model C.PENDAMPING-KPU", "names no known"),
        ("KPU Provinsi DKI Jakarta", "names no known"),
    ],
)
def test_the_citation_check_catches_typos_prose_and_internal_references(
    citation: str, problem: str
) -> None:
    """The check above would catch the citations this catalogue used to carry, and typos."""
    assert any(problem in p for p in citation_problems(citation)), citation_problems(citation)


@pytest.mark.parametrize(
    "citation",
    [
        "UU 7/2017 Pasal 503 jo. Pasal 389(3); Putusan MK 20/PUU-XVII/2019",
        "PKPU 25/2023 Pasal 26(1)-(3); UU 7/2017 Pasal 499",
        "UU 7/2017 Pasal 356(2), Pasal 500",
        "UU 10/2016 Pasal 112(2)(d), Pasal 178B; PKPU 17/2024 Pasal 50(3)(d)",
        "Kep. KPU 66/2024 Bab V B; Buku Panduan KPPS Pemilu 2024 hlm. 3-4",
        "Peraturan DKPP 2/2017 Pasal 8 a, e; PKPU 8/2022 Pasal 43(4)(b)",
        "Panduan Pengawas TPS 2024",
    ],
)
def test_the_citation_check_accepts_documents_with_their_articles(citation: str) -> None:
    assert citation_problems(citation) == []


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
