"""The election lint: a question on a rule of one election names that election in its text, in
both languages; what scopes a question is its handbook section, its mistakes or its numeric task
(``simulator.content.quiz_lint.check_elections``). Fires and does not fire, located and
translated; and its two tables agree with the notes where they are checked out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator.content.load import check_file
from simulator.content.quiz_lint import MISTAKE_ELECTION, SECTION_ELECTION
from simulator.i18n import catalog
from simulator.schema.quiz import HANDBOOK_SECTIONS
from simulator.schema.types import ElectionType

ROOT = Path(__file__).resolve().parents[1]
MISTAKES_MD = ROOT.parent / "shared" / "domain" / "MISTAKES.md"
HANDBOOK_MD = ROOT.parent / "shared" / "domain" / "HANDBOOK.md"
GOOD = (Path(__file__).parent / "fixtures" / "quiz_small.yaml").read_text(encoding="utf-8")
TAG = {"P": ElectionType.PEMILU_2024, "K": ElectionType.PILKADA_2024}

# q8 of the fixture, a true/false statement on opening the TPS (§4, both elections).
Q8 = '''    topic: pembukaan
    section: "4"
    text: {id: "TPS dibuka pukul 07.00.", en: "The TPS opens at 07:00."}'''


def q8_as(topic: str, section: str, text_id: str, text_en: str, mistakes: str = "") -> str:
    new = (f'    topic: {topic}\n    section: "{section}"\n'
           f'    text: {{id: "{text_id}", en: "{text_en}"}}')
    assert Q8 in GOOD
    text = GOOD.replace(Q8, new + (f"\n    mistakes: [{mistakes}]" if mistakes else ""), 1)
    return text


def election_problems(tmp_path: Path, text: str) -> list[tuple[str, int, str]]:
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    report = check_file(path)
    found = [p for p in report.errors if p.code == "quiz.election_unnamed"]
    for lang in ("id", "en"):
        for problem in found:
            rendered = problem.render(catalog(lang))
            assert rendered.startswith(f"{path}:{problem.line}:"), rendered
            assert "problem " not in rendered and "content.quiz" not in rendered, rendered
    return [(p.code, p.line, p.path) for p in found]


def line_of(text: str, needle: str) -> int:
    return text.count("\n", 0, text.index(needle)) + 1


def test_the_fixture_passes(tmp_path: Path) -> None:
    assert election_problems(tmp_path, GOOD) == []


def test_a_re_vote_question_that_names_no_election_fires_in_both_languages(
        tmp_path: Path) -> None:
    text = q8_as("psu_pidana", "11.1", "PSU wajib digelar.", "A re-vote must be held.")
    at = line_of(text, "PSU wajib digelar.")
    assert election_problems(tmp_path, text) == [
        ("quiz.election_unnamed", at, "questions[7].text.id"),
        ("quiz.election_unnamed", at, "questions[7].text.en"),
    ]


def test_naming_it_in_one_language_only_fires_for_the_other(tmp_path: Path) -> None:
    text = q8_as("psu_pidana", "11.1", "Pemilu 2024: PSU wajib digelar.", "A re-vote must be held.")
    assert [p[2] for p in election_problems(tmp_path, text)] == ["questions[7].text.en"]


@pytest.mark.parametrize(
    ("section", "text_id", "text_en"),
    [
        ("11.1", "Pemilu 2024: PSU wajib digelar.", "2024 Pemilu: a re-vote must be held."),
        ("11.1", "Pada pemilihan umum, PSU wajib.", "In the general election, a re-vote."),
        ("11.2", "Pilkada 2024: PSU dapat digelar.", "2024 Pilkada: a re-vote may be held."),
        ("11.2", "Pemilihan kepala daerah: PSU.", "In a regional election: a re-vote."),
        ("12", "Pemilu 2024: Pasal 506.", "2024 Pemilu: Pasal 506."),
    ],
)
def test_a_question_that_names_its_election_passes(tmp_path: Path, section: str, text_id: str,
                                                   text_en: str) -> None:
    assert election_problems(tmp_path, q8_as("psu_pidana", section, text_id, text_en)) == []


def test_the_other_election_named_does_not_count(tmp_path: Path) -> None:
    text = q8_as("psu_pidana", "11.2", "Pemilu 2024: PSU wajib.", "2024 Pemilu: a re-vote.")
    assert len(election_problems(tmp_path, text)) == 2


def test_a_one_election_mistake_scopes_a_question_of_a_shared_section(tmp_path: Path) -> None:
    """M47 is [P] (the PPWP sheet is checked in Sirekap differently); §4 holds in both."""
    fires = q8_as("pembukaan", "4", "Sirekap membaca 725.", "Sirekap reads 725.", mistakes="M47")
    assert len(election_problems(tmp_path, fires)) == 2
    named = q8_as("pembukaan", "4", "C.Hasil-PPWP: Sirekap membaca 725.",
                  "C.Hasil-PPWP: Sirekap reads 725.", mistakes="M47")
    assert election_problems(tmp_path, named) == []
    shared = q8_as("pembukaan", "4", "Sirekap membaca 725.", "Sirekap reads 725.", mistakes="M45")
    assert election_problems(tmp_path, shared) == []


def test_a_ballot_named_in_the_text_names_its_election(tmp_path: Path) -> None:
    text = q8_as("psu_pidana", "11.2", "Dua surat suara Bupati robek.", "Two Bupati ballots torn.")
    assert election_problems(tmp_path, text) == []


def test_a_received_ballots_task_names_its_election(tmp_path: Path) -> None:
    old = '{id: "Berapa per jenis, Pemilu 2024?", en: "How many per type, 2024 Pemilu?"}'
    assert old in GOOD
    text = GOOD.replace(old, '{id: "Berapa?", en: "How many?"}', 1)
    at = line_of(text, "    task: {compute: received") - 1
    assert [(p[1], p[2]) for p in election_problems(tmp_path, text)] == [
        (at, "questions[5].text.id"), (at, "questions[5].text.en")]


def test_ballot_questions_are_named_by_the_ballot_they_show(tmp_path: Path) -> None:
    """q2 and q4 are PPWP and DPR ballots (§7.3, §7.4 [P]) with no text at all."""
    assert '    section: "7.3"\n    contest: ppwp' in GOOD
    assert election_problems(tmp_path, GOOD) == []


def test_the_section_table_is_the_handbook_headings_tagged_with_one_election() -> None:
    assert set(SECTION_ELECTION) <= set(HANDBOOK_SECTIONS)
    if not HANDBOOK_MD.is_file():
        return
    text = HANDBOOK_MD.read_text(encoding="utf-8")
    tagged = {}
    for number, heading in re.findall(r"^#{2,3} (\d+(?:\.\d+)*)\.? (.*)$", text, re.M):
        tags = re.findall(r"\[(P\+K|P|K)\]", heading)
        if number in HANDBOOK_SECTIONS and len(tags) == 1 and tags[0] in TAG:
            tagged[number] = TAG[tags[0]]
    assert tagged == SECTION_ELECTION, "SECTION_ELECTION differs from HANDBOOK.md's headings"


def test_the_mistake_table_is_the_entries_scoped_to_one_election() -> None:
    if not MISTAKES_MD.is_file():
        return
    text = MISTAKES_MD.read_text(encoding="utf-8")
    rows = re.findall(r"^### (M\d\d) .*\n- \*\*phase\*\* \w+ · \*\*scope\*\* \[(P\+K|P|K)\]",
                      text, re.M)
    assert rows, f"{MISTAKES_MD} lists no scoped entries"
    scoped = {mid: TAG[scope] for mid, scope in rows if scope in TAG}
    assert scoped == MISTAKE_ELECTION, "MISTAKE_ELECTION differs from MISTAKES.md's scopes"
