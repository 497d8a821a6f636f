"""Portable mode (issue 15, part 3): a packaged program, or any copy with the marker file
beside it, keeps its saves in ``data`` beside the program, so a USB stick carries them from
laptop to laptop; ``$SIMULASI_TPS_DATA`` still wins."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.persistence import store
from simulator.persistence.portable import MARKER, portable_base, program_dir

ROOT = Path(__file__).resolve().parents[1]


def test_a_packaged_program_is_portable_beside_its_executable(tmp_path: Path) -> None:
    exe = tmp_path / "Simulasi TPS" / "simulasi-tps.exe"
    exe.parent.mkdir()
    exe.write_bytes(b"")
    assert program_dir(frozen=True, executable=str(exe)) == exe.parent
    assert portable_base(frozen=True, executable=str(exe)) == exe.parent


def test_a_copy_is_portable_only_with_the_marker_beside_it(tmp_path: Path) -> None:
    script = tmp_path / "stick" / "run_sim.py"
    script.parent.mkdir()
    script.write_text("", encoding="utf-8")
    assert portable_base(str(script), frozen=False) is None
    (script.parent / MARKER).write_text("", encoding="utf-8")
    assert portable_base(str(script), frozen=False) == script.parent


def test_saves_go_beside_a_portable_program_unless_the_variable_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "USB stick"
    stick.mkdir()
    (stick / MARKER).write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", [str(stick / "run_sim.py")])
    monkeypatch.delenv(store.DATA_DIR_ENV, raising=False)
    assert store.default_data_dir() == stick / "data"
    monkeypatch.setenv(store.DATA_DIR_ENV, str(tmp_path / "elsewhere"))
    assert store.default_data_dir() == tmp_path / "elsewhere"


@pytest.mark.slow
def test_a_game_started_from_a_marked_folder_writes_its_save_there(tmp_path: Path) -> None:
    """The real start-up, in a folder with spaces: the save file is made in ``data`` there."""
    stick = tmp_path / "USB stick" / "Simulasi TPS"
    stick.mkdir(parents=True)
    (stick / MARKER).write_text("", encoding="utf-8")
    launcher = stick / "start.py"
    launcher.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from simulator.app.launch import open_app\n"
        "ctx = open_app()\n"
        "ctx.store.close()\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != store.DATA_DIR_ENV}
    env["SDL_VIDEODRIVER"] = "dummy"
    done = subprocess.run([sys.executable, str(launcher)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert (stick / "data" / "saves.db").is_file(), list(stick.rglob("*"))


def _stick_with_own_scenario(tmp_path: Path) -> Path:
    """A portable copy whose trainer wrote a scenario of their own beside it."""
    stick = tmp_path / "USB stick"
    (stick / "scenarios").mkdir(parents=True)
    (stick / MARKER).write_text("", encoding="utf-8")
    text = (ROOT / "scenarios" / "pemilu-fase-logistik.yaml").read_text(encoding="utf-8")
    own = text.replace("id: pemilu-fase-logistik", "id: latihan-kecamatan-logistik", 1)
    assert own != text
    (stick / "scenarios" / "latihan-kecamatan-logistik.yaml").write_text(own, encoding="utf-8")
    return stick


def test_a_trainers_scenarios_beside_a_portable_program_are_offered_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from simulator.app.library import load_library

    stick = _stick_with_own_scenario(tmp_path)
    monkeypatch.setattr(sys, "argv", [str(stick / "run_sim.py")])
    ids = [e.scenario.id for e in load_library() if e.scenario is not None]
    assert "latihan-kecamatan-logistik" in ids and "pemilu-hari-penuh" in ids, ids
    (stick / MARKER).unlink()
    ids = [e.scenario.id for e in load_library() if e.scenario is not None]
    assert "latihan-kecamatan-logistik" not in ids, "not portable: only the shipped ones"


@pytest.mark.slow
def test_validate_with_no_path_checks_the_shipped_and_the_trainers_scenarios(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from simulator.cli import main

    stick = _stick_with_own_scenario(tmp_path)
    shipped = len(list((ROOT / "scenarios").rglob("*.yaml")))
    monkeypatch.setattr(sys, "argv", [str(stick / "run_sim.py")])
    assert main(["--lang", "en", "validate"]) == 0
    out = capsys.readouterr().out
    assert f"{shipped + 1} file(s) checked" in out, out[-400:]
    (stick / "scenarios" / "rusak.yaml").write_text("id: [\n", encoding="utf-8")
    assert main(["--lang", "en", "validate"]) == 2
    assert "rusak.yaml" in capsys.readouterr().out
