"""The program as installed: its content found through one function, in the package or the
checkout; a missing folder, locale, verb or phase screen stops it at start-up with a message;
its output survives a console that cannot write '✗'; the wheel carries the content."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from enum import Enum
from pathlib import Path
from types import SimpleNamespace

import pytest

from simulator import resources
from simulator.cli import EXIT_INTERNAL, main
from simulator.cli.console import use_utf8
from simulator.resources import MissingContent, content_dir

ROOT = Path(__file__).resolve().parents[1]


def test_the_content_is_found_in_the_checkout() -> None:
    assert content_dir("scenarios") == ROOT / "scenarios"
    assert content_dir("assets") == ROOT / "assets"
    assert content_dir("locales") == ROOT / "simulator" / "i18n" / "locales"
    assert (content_dir("scenarios") / "quiz").is_dir(), "the quiz banks are under scenarios/"


def test_the_installed_content_comes_before_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Installed from a wheel, the content is simulator/_shipped/…: that copy is the one used."""
    package = tmp_path / "simulator"
    (package / "_shipped" / "scenarios").mkdir(parents=True)
    monkeypatch.setattr(resources.resources, "files", lambda name: package)
    assert content_dir("scenarios") == package / "_shipped" / "scenarios"
    assert content_dir("assets") == ROOT / "assets", "what is not installed comes from the checkout"


def test_a_missing_content_folder_says_where_it_was_looked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resources.resources, "files", lambda name: tmp_path / "simulator")
    monkeypatch.setattr(resources, "_CHECKOUT", tmp_path)
    (tmp_path / "pyproject.toml").write_text("")
    with pytest.raises(MissingContent) as caught:
        content_dir("scenarios")
    assert str(tmp_path / "simulator" / "_shipped" / "scenarios") in str(caught.value)
    assert str(tmp_path / "scenarios") in str(caught.value)
    with pytest.raises(ValueError, match="unknown content"):
        content_dir("fonts")


def test_a_missing_locale_stops_the_program_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import simulator.i18n

    (tmp_path / "id").mkdir()
    (tmp_path / "id" / "cli.yaml").write_text("cli: {}\n")  # Indonesian there, English not
    monkeypatch.setattr(simulator.i18n, "content_dir", lambda name: tmp_path)
    simulator.i18n.catalog.cache_clear()
    try:
        assert main(["rules"]) == EXIT_INTERNAL
    finally:
        simulator.i18n.catalog.cache_clear()  # the other tests read the real texts
    err = capsys.readouterr().err
    # The texts being what is broken, the message is in plain words of both languages.
    assert "instalasi rusak" in err and f"places={tmp_path / 'en'}" in err, (
        f"the missing locale is not named: {err}")


def test_a_missing_verb_stops_the_program_with_a_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import simulator.cli

    monkeypatch.setitem(simulator.cli.VERBS, "hilang", "hilang")
    assert main(["rules"]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "«hilang»" in err, f"the missing verb is not named: {err}"


def test_a_missing_phase_screen_stops_the_game_before_its_window(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import simulator.app.launch
    import simulator.cli.install

    class Phases(str, Enum):
        PEMUNGUTAN = "pemungutan"
        HILANG = "hilang"

    def no_window(**_: object) -> int:
        raise AssertionError("the game opened its window with a phase screen missing")

    monkeypatch.setattr(simulator.cli.install, "Phase", Phases)
    monkeypatch.setattr(simulator.app.launch, "launch_game", no_window)
    assert simulator.cli.install.missing_screens() == ["hilang"]
    assert main([]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "«hilang»" in err and "«pemungutan»" not in err, err


def test_every_phase_has_its_screen() -> None:
    from simulator.cli.install import missing_screens

    assert missing_screens() == []


def test_a_phase_without_a_screen_is_an_error_not_a_blank_one() -> None:
    from simulator.scenes.phases import MissingScreen, scene_for

    session = SimpleNamespace(sim=SimpleNamespace(world=SimpleNamespace(
        phase=SimpleNamespace(value="hilang"))))
    with pytest.raises(MissingScreen, match="hilang"):
        scene_for(None, session)  # type: ignore[arg-type]


def test_a_console_that_cannot_write_a_sign_is_switched_to_utf8(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", stream)
    use_utf8()
    print("✗ Salah. «Ibu Sari»")
    stream.flush()
    assert raw.getvalue().decode("utf-8") == "✗ Salah. «Ibu Sari»\n"


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "SDL_VIDEODRIVER": "dummy"}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True,
                          timeout=60, check=False)


@pytest.mark.slow
def test_a_cp1252_pipe_gets_the_report_and_the_exit_code(tmp_path: Path) -> None:
    """On Windows, output redirected to a file is cp1252: a file name with '✗' crashed the
    report (exit 3, an internal error) instead of listing its problems (exit 2)."""
    bad = tmp_path / "salah-✗.yaml"
    bad.write_text("id: x\n", encoding="utf-8")
    for entry in (["-m", "simulator"], [str(ROOT / "run_sim.py")]):
        done = _run([*entry, "validate", str(bad)], cwd=tmp_path)
        out = done.stdout.decode("utf-8")
        assert done.returncode == 2, f"{entry}: exit {done.returncode}: {done.stderr!r}"
        assert "salah-✗.yaml:1:1" in out and b"Traceback" not in done.stderr, out


@pytest.mark.slow
def test_the_wheel_carries_the_content_and_the_commands(tmp_path: Path) -> None:
    # Built from a copy of what a packager checks out: setuptools writes build/ and egg-info
    # into the tree it builds, and a build/ left by an older build would hide a file missing.
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".*", "build", "dist", "*.egg-info", "__pycache__", "tests", "mutants", "out"))
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w",
         str(tmp_path)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, f"the wheel could not be built: {done.stderr[-2000:]}"
    (wheel,) = tmp_path.glob("simulasi_tps-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        "scenarios": ROOT / "scenarios",
        "assets": ROOT / "assets",
        "i18n/locales": ROOT / "simulator" / "i18n" / "locales",
    }
    for inside, folder in shipped.items():
        prefix = "simulator/" + ("_shipped/" if not inside.startswith("i18n") else "") + inside
        files = {f"{prefix}/{path.relative_to(folder).as_posix()}"
                 for path in folder.rglob("*") if path.is_file()}
        assert files, f"nothing in {folder}"
        missing = sorted(files - names)
        assert not missing, f"the wheel lacks {len(missing)} file(s) of {inside}: {missing[:5]}"
    for kind in ("quiz", "demos", "plans"):
        assert any(n.startswith(f"simulator/_shipped/scenarios/{kind}/") for n in names), kind
    assert "simulator/__main__.py" in names and "simulator/resources.py" in names
    (entry_points,) = (n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "simulasi-tps-cli = simulator.cli:main" in text, text
    assert "[gui_scripts]\nsimulasi-tps = simulator.cli:main" in text, text


def test_run_takes_the_id_of_a_shipped_scenario(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Installed, the scenarios are inside the package: a trainer names one by its id."""
    monkeypatch.chdir(tmp_path)
    assert main(["run", "meja-pemilih-jebakan", "--careful"]) == 0
    assert main(["run", "tidak-ada", "--careful"]) == 2
    assert "tidak-ada" in capsys.readouterr().err


def test_without_a_console_a_broken_installation_is_shown_in_a_message_box(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The game from the Start menu (pythonw) has no standard error: on Windows what is missing
    is said in a message box, and kept in crash.log for whoever is asked to help."""
    from simulator.cli import console

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(console, "_message_box", lambda title, text: shown.append((title, text)))
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setenv("SIMULASI_TPS_DATA", str(tmp_path))
    import simulator.cli
    from simulator.cli.install import Problem

    monkeypatch.setattr(simulator.cli, "installation_problems",
                        lambda verbs, game: [Problem("cli.broken.verb", {"verb": "rules"})])
    assert main([]) == EXIT_INTERNAL
    [(title, text)] = shown
    assert title == "Simulasi TPS"
    assert "tidak terpasang lengkap" in text and "«rules»" in text, text
    assert "«rules»" in (tmp_path / "crash.log").read_text(encoding="utf-8")


def test_with_a_console_nothing_pops_up(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from simulator.cli import console

    monkeypatch.setattr(console, "_message_box", lambda *_: pytest.fail("a message box"))
    monkeypatch.setattr(sys, "platform", "win32")
    assert console.tell_without_console(lambda: "Simulasi TPS", "kata") is False
