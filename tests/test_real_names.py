"""Parties and people in authored content are fictional: real ones are refused by the lint."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.content.load import check_file
from simulator.content.real_names import real_party, real_person

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("PKB", "Partai Kebun Bersama"),
        ("Nasdem", "Partai Cahaya"),
        ("Kebun", "Partai Golkar"),
        ("Tani", "Partai Kebangkitan Bangsa Baru"),
        ("Aceh", "Partai Nanggroe Aceh"),
        ("PDIP", "Partai Padi"),
    ],
)
def test_a_real_party_is_recognised_by_its_code_or_name(code: str, name: str) -> None:
    assert real_party(code, name) is not None


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("Kebun", "Partai Kebun Bersama"),
        ("Lentera", "Partai Lentera Desa"),
        ("Perahu", "Partai Perahu Nelayan"),
        ("Pandu", "Partai Pandu Bangsa"),
    ],
)
def test_a_fictional_party_passes(code: str, name: str) -> None:
    assert real_party(code, name) is None


def test_real_candidates_are_recognised_and_fictional_people_pass() -> None:
    assert real_person("H. Prabowo Santoso") == "prabowo"
    assert real_person("Ganjar Wibowo") == "ganjar"
    assert real_person("Bambang Sasmito") is None
    assert real_person("Aniesa Putri") is None  # a whole word, not a prefix


def test_a_scenario_naming_a_real_party_does_not_validate(tmp_path: Path) -> None:
    text = (ROOT / "scenarios" / "pemilu-hari-penuh.yaml").read_text("utf-8")
    assert "code: Sawah," in text, "the scenario no longer names the party this test changes"
    changed = text.replace("code: Sawah,", "code: Gerindra,", 1)
    path = tmp_path / "real.yaml"
    path.write_text(changed, "utf-8")
    assert "lint.real.party" in [p.code for p in check_file(path).errors]


@pytest.mark.slow
def test_every_shipped_file_is_fictional() -> None:
    for path in sorted((ROOT / "scenarios").rglob("*.yaml")):
        codes = [p.code for p in check_file(path).problems]
        assert not [c for c in codes if c.startswith("lint.real")], path
