"""The packing map in a scenario (HANDBOOK §10 step 6, §15 item 12): a trainer's unknown
document, envelope or box is pointed out at its line, in both languages, with a suggestion;
ballots sent to another type's box are refused, since the handbook settles that part."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from simulator.content import load_scenario, validate_paths
from simulator.core import packing
from simulator.i18n import catalog
from simulator.schema.types import BallotType

FIXTURES = Path(__file__).parent / "fixtures" / "content"
PEMILU = FIXTURES / "pemilu_minimal.yaml"


def write(tmp_path: Path, packing_map: dict[str, Any]) -> Path:
    """The minimal Pemilu scenario with ``packing_map`` appended as its ``packing:``."""
    text = PEMILU.read_text(encoding="utf-8").rstrip("\n") + "\n"
    text += yaml.safe_dump({"packing": packing_map}, allow_unicode=True, sort_keys=False)
    target = tmp_path / "s.yaml"
    target.write_text(text, "utf-8")
    return target


def problems(path: Path, lang: str = "en") -> list[tuple[str, int, str]]:
    [report] = validate_paths([path])
    cat = catalog(lang)
    return [(p.path, p.line, p.render(cat)) for p in report.problems if p.is_error]


def test_a_good_map_loads_and_overrides_the_default(tmp_path: Path) -> None:
    path = write(tmp_path, {"envelopes": {"c_daftar_hadir": "sampul_c_hasil.dpr"},
                            "boxes": {"sampul_dokumen": "dpr"}})
    assert not problems(path), problems(path)
    target = packing.scenario_map(load_scenario(path))
    assert target.envelope_of["c_daftar_hadir"] == "sampul_c_hasil.dpr"
    assert target.box_of["sampul_dokumen"] is BallotType.DPR
    assert target.envelope_of["c_hasil.ppwp"] == "sampul_c_hasil.ppwp", "the rest keeps its default"


@pytest.mark.parametrize(
    ("packing_map", "where", "words"),
    [
        ({"envelopes": {"c_hasil_ppwp": "sampul_dokumen"}}, "packing.envelopes.c_hasil_ppwp",
         "no document 'c_hasil_ppwp'"),
        ({"envelopes": {"c_hasil.ppwp": "sampul_hasil.ppwp"}}, "packing.envelopes.c_hasil.ppwp",
         "no envelope 'sampul_hasil.ppwp'"),
        ({"boxes": {"sampul_dokumenn": "ppwp"}}, "packing.boxes.sampul_dokumenn",
         "no envelope 'sampul_dokumenn'"),
        ({"boxes": {"sampul_dokumen": "gubernur"}}, "packing.boxes.sampul_dokumen",
         "'gubernur' has no contest"),
        ({"envelopes": {"c_hasil.gubernur": "sampul_dokumen"}},
         "packing.envelopes.c_hasil.gubernur",
         "no document 'c_hasil.gubernur'"),
    ],
    ids=["document", "envelope", "envelope-key", "box", "type-not-here"],
)
def test_unknown_ids_are_located(
    tmp_path: Path, packing_map: dict[str, Any], where: str, words: str
) -> None:
    found = problems(write(tmp_path, packing_map))
    assert any(p == where and line > 1 and words in text for p, line, text in found), found


def test_an_unknown_id_comes_with_a_suggestion_in_indonesian_too(tmp_path: Path) -> None:
    found = problems(write(tmp_path, {"boxes": {"sampul_dokumenn": "ppwp"}}), "id")
    [(_, _, text)] = found
    assert "tidak ada sampul 'sampul_dokumenn'" in text, text
    assert "'sampul_dokumen'" in text, f"the close envelope is suggested: {text}"


def test_ballots_sent_to_another_types_box_are_refused(tmp_path: Path) -> None:
    found = problems(write(tmp_path, {"boxes": {"sampul_sisa.dpr": "ppwp"}}))
    assert [(p, t) for p, _, t in found if "own type's box" in t], found
    [(where, _, _)] = found
    assert where == "packing.boxes.sampul_sisa.dpr", found


def test_ballots_moved_into_an_envelope_of_another_box_are_refused_at_the_document(
    tmp_path: Path,
) -> None:
    found = problems(write(tmp_path, {"envelopes": {"surat_suara.dpr": "sampul_dokumen"}}))
    assert [p for p, _, _ in found] == ["packing.envelopes.surat_suara.dpr"], found


def test_a_malformed_id_is_a_schema_error_at_its_line(tmp_path: Path) -> None:
    found = problems(write(tmp_path, {"envelopes": {"C.Hasil PPWP": "sampul_dokumen"}}))
    assert found and all(line > 1 for _, line, _ in found), found
