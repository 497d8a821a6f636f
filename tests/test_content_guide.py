"""A scenario's guide (``guide:``): notes that explain a phase as it is played. A good guide
loads; a broken one gets a located message in the reader's language, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.content import ContentError, Problem, load_scenario
from simulator.content.lint import guide_action_kinds
from simulator.i18n import catalog
from simulator.schema.scenario import GUIDE_NOTES_MAX, GUIDE_TEXT_MAX
from simulator.schema.types import Phase

FIXTURE = Path(__file__).parent / "fixtures" / "content" / "pemilu_minimal.yaml"
SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"

GOOD = """
guide:
  - phase: logistik
    text:
      id: Cocokkan setiap barang dengan daftar kiriman.
      en: Check each item against the delivery list.
  - phase: pemungutan
    after: admit_voter
    text: {id: Serahkan surat suaranya., en: Hand over the ballots.}
  - phase: pemungutan
    at: "10:00"
    text: {id: Antrean biasanya sepi menjelang siang., en: The queue thins before noon.}
"""


def with_guide(tmp_path: Path, guide: str) -> tuple[Path, int]:
    """The Pemilu fixture with ``guide`` appended; also the line the guide starts on."""
    text = FIXTURE.read_text(encoding="utf-8").rstrip("\n") + "\n"
    first = text.count("\n") + 1
    path = tmp_path / "scenario.yaml"
    path.write_text(text + guide.lstrip("\n"), encoding="utf-8")
    return path, first


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load_scenario(path)
    return caught.value.problems


def test_a_good_guide_loads_with_its_triggers(tmp_path: Path) -> None:
    path, _ = with_guide(tmp_path, GOOD)
    guide = load_scenario(path).guide
    assert [(n.phase, n.after, n.at) for n in guide] == [
        (Phase.LOGISTIK, None, None),
        (Phase.PEMUNGUTAN, "admit_voter", None),
        (Phase.PEMUNGUTAN, None, "10:00"),
    ]
    assert guide[1].text.get("en") == "Hand over the ballots."


def test_an_unknown_phase_is_placed_and_lists_the_phases(tmp_path: Path) -> None:
    path, first = with_guide(tmp_path, GOOD.replace("phase: logistik", "phase: logistic"))
    [problem] = problems_of(path)
    assert (problem.path, problem.code, problem.line) == ("guide[0].phase", "schema.enum",
                                                           first + 1)
    said = problem.render(catalog("id"))
    assert "'logistic'" in said and "'logistik'" in said and "pilih salah satu" in said, said


def test_an_unknown_action_kind_is_placed_named_and_a_close_one_suggested(
    tmp_path: Path,
) -> None:
    path, first = with_guide(tmp_path, GOOD.replace("after: admit_voter", "after: admit_votr"))
    [problem] = problems_of(path)
    assert (problem.path, problem.code, problem.line) == ("guide[1].after",
                                                           "lint.guide.unknown_action", first + 6)
    said = problem.render(catalog("id"))
    assert "'admit_votr'" in said and "tahap 'pemungutan'" in said, said
    assert "'admit_voter'" in said, f"no suggestion of the kind meant: {said}"
    assert "is not something the trainee does" in problem.render(catalog("en"))


def test_an_action_of_another_phase_is_refused(tmp_path: Path) -> None:
    """The votes are counted in penghitungan: a voting note waiting for a ruling would never
    show."""
    path, _ = with_guide(tmp_path, GOOD.replace("after: admit_voter", "after: rule_ballot"))
    [problem] = problems_of(path)
    assert problem.code == "lint.guide.unknown_action"
    assert "end_phase" not in guide_action_kinds(Phase.PEMUNGUTAN), "no note after the end"


def test_a_phase_the_scenario_does_not_play_is_refused(tmp_path: Path) -> None:
    path, first = with_guide(tmp_path, GOOD.replace("phase: logistik", "phase: penyerahan"))
    [problem] = problems_of(path)
    assert (problem.path, problem.code, problem.line) == ("guide[0].phase",
                                                           "lint.guide.phase_not_played", first + 1)
    assert "logistik, pembukaan, pemungutan" in problem.render(catalog("id"))


def test_a_note_with_two_triggers_points_at_its_time(tmp_path: Path) -> None:
    path, first = with_guide(tmp_path, GOOD.replace('    at: "10:00"',
                                                    '    at: "10:00"\n    after: call_voter'))
    [problem] = problems_of(path)
    assert (problem.path, problem.code, problem.line) == ("guide[2].at", "schema.value",
                                                           first + 9)
    assert "tidak keduanya" in problem.render(catalog("id"))
    assert "not both" in problem.render(catalog("en"))


def test_a_wrongly_written_action_kind_gets_a_sentence(tmp_path: Path) -> None:
    path, _ = with_guide(tmp_path, GOOD.replace("after: admit_voter", "after: Admit-Voter"))
    [problem] = problems_of(path)
    assert problem.path == "guide[1].after"
    assert "bukan jenis tindakan" in problem.render(catalog("id"))


def test_a_note_too_long_is_refused_in_words(tmp_path: Path) -> None:
    long = "kata " * (GUIDE_TEXT_MAX // 5 + 1)
    path, first = with_guide(tmp_path, GOOD.replace("Serahkan surat suaranya.", long.strip()))
    [problem] = problems_of(path)
    assert (problem.path, problem.line) == ("guide[1].text.id", first + 7)
    assert f"paling banyak {GUIDE_TEXT_MAX} karakter" in problem.render(catalog("id"))


def test_the_list_of_notes_is_bounded(tmp_path: Path) -> None:
    note = "  - phase: logistik\n    text: {id: Catatan., en: A note.}\n"
    path, _ = with_guide(tmp_path, "guide:\n" + note * (GUIDE_NOTES_MAX + 1))
    [problem] = problems_of(path)
    assert problem.path == "guide"
    assert f"paling banyak {GUIDE_NOTES_MAX}" in problem.render(catalog("id"))


def test_the_first_timers_scenario_explains_each_of_its_phases() -> None:
    """etika-netralitas (mudah) opens every phase it plays with a note in both languages."""
    scenario = load_scenario(SCENARIOS / "etika-netralitas.yaml")
    starts = [n.phase for n in scenario.guide if n.after is None and n.at is None]
    assert starts == list(scenario.phases), f"phase-start notes: {starts}"
    for note in scenario.guide:
        assert note.text.id != note.text.en, "each note is written in both languages"
