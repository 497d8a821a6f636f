"""A trainee's past days on the profile page: listed newest first with their score and
mistakes by severity; each reopens its debrief, replays in the viewer, or is exported to a
folder through pygame_gui's file dialog as a log that ``replay`` confirms; any log file opens
the same way, and one for a scenario that is not here says which file is needed."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from simulator.app.history import export_name, mistake_counts
from simulator.app.play import Mode, PlaySession
from simulator.cli import main as cli_main
from simulator.core.actionlog import parse_log
from simulator.persistence.store import SaveStore
from simulator.scenes.debrief import DebriefScene
from simulator.scenes.file_dialog import FileDialogScene
from simulator.scenes.history import HistoryScene
from simulator.scenes.profiles import ProfileScene
from simulator.scenes.viewer import ReplayViewer
from simulator.schema.types import Severity
from tests.pilot import Pilot, entry, key_events

ROOT = Path(__file__).resolve().parents[1]
PLAYED = ("meja-pemilih-jebakan.benar.log", "pemilu-hari-penuh.keliru.log")


@pytest.fixture
def pilot(tmp_path: Path) -> Pilot:
    store, _ = SaveStore.open(tmp_path / "data")
    pilot = Pilot(store=store)
    pilot.ctx.profile = store.create_profile("Sri Wahyuni")
    for name in PLAYED:
        log = parse_log((ROOT / "tests" / "playthroughs" / name).read_text(encoding="utf-8"))
        session = PlaySession.begin(
            entry(log.header.scenario), Mode.LATIHAN, store, pilot.ctx.profile.id
        )
        for logged in log.entries:
            session.do(logged.action)
        assert session.finished and session.save()
    return pilot


def open_history(pilot: Pilot) -> HistoryScene:
    pilot.show(ProfileScene(pilot.ctx))
    pilot.key(pygame.K_r)
    history = pilot.top
    assert isinstance(history, HistoryScene), f"R on the profile page opened {history}"
    return history


def type_path(pilot: Pilot, path: Path) -> None:
    """Into the dialog's path box (it has the focus), replacing what it holds, then Enter."""
    dialog = pilot.top
    assert isinstance(dialog, FileDialogScene)
    entry_line = dialog.ui.focused()
    assert entry_line is dialog.dialog.file_path_text_line, "the path box should have the focus"
    entry_line.set_text("")
    pilot.type(str(path))
    pilot.frames(1, key_events(pygame.K_RETURN, 0, "\r"))
    pilot.frames(2)


@pytest.mark.slow
def test_the_days_are_listed_newest_first_with_their_mistakes(pilot: Pilot) -> None:
    history = open_history(pilot)
    runs = history.runs()
    assert [run.scenario_id for run in runs] == ["pemilu-hari-penuh", "meja-pemilih-jebakan"]
    careless = runs[0]
    findings = json.loads(careless.result_json or "{}")["findings"]
    counts = mistake_counts(careless)
    assert counts[Severity.KRITIS] == sum(1 for f in findings if f["severity"] == "kritis")
    assert sum(counts.values()) == len(findings) > 0
    row = history.row_text(careless, "Pemilu")
    assert f"skor {careless.score}" in row and f"kritis {counts[Severity.KRITIS]}" in row


@pytest.mark.slow
def test_a_day_replays_and_the_viewer_comes_back(pilot: Pilot) -> None:
    history = open_history(pilot)
    history.replay(history.runs()[0])
    pilot.frames(2)
    assert isinstance(pilot.top, ReplayViewer)
    pilot.key(pygame.K_END)
    assert pilot.top.view.step == pilot.top.view.length
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.top, HistoryScene), "closing the viewer returns to the history"


@pytest.mark.slow
def test_a_day_reopens_its_debrief_with_its_score(pilot: Pilot) -> None:
    history = open_history(pilot)
    run = history.runs()[0]
    history.debrief(run)
    pilot.frames(2)
    debrief = pilot.top
    assert isinstance(debrief, DebriefScene)
    assert debrief.score.overall == run.score


@pytest.mark.slow
def test_export_through_the_file_dialog_writes_a_log_that_replays(
    pilot: Pilot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    history = open_history(pilot)
    run = history.runs()[0]
    history.export(run)
    pilot.frames(2)
    type_path(pilot, stick)
    assert isinstance(pilot.top, HistoryScene)
    written = stick / export_name(run, "Sri Wahyuni")
    assert written.is_file(), f"nothing exported: {list(stick.iterdir())}"
    assert "Rekaman disimpan di" in pilot.top.message
    capsys.readouterr()
    assert cli_main(["replay", str(written)]) == 0, capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.slow
def test_a_typed_path_through_a_file_keeps_the_dialog_open(
    pilot: Pilot, tmp_path: Path
) -> None:
    """A path that runs through a file ("flashdisk/catatan.txt/rekaman") cannot be listed:
    the dialog stays open on the last folder it could list (it ended the program), and the
    trainee can type a folder that works."""
    note = tmp_path / "catatan.txt"
    note.write_text("x", encoding="utf-8")
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    history = open_history(pilot)
    run = history.runs()[0]
    history.export(run)
    pilot.frames(2)
    type_path(pilot, note / "rekaman")
    assert isinstance(pilot.top, FileDialogScene), "the dialog should stay open"
    type_path(pilot, stick)
    assert isinstance(pilot.top, HistoryScene)
    assert (stick / export_name(run, "Sri Wahyuni")).is_file()


def test_an_export_that_fails_says_so(pilot: Pilot, tmp_path: Path) -> None:
    history = open_history(pilot)
    not_a_folder = tmp_path / "berkas"
    not_a_folder.write_text("x", encoding="utf-8")
    history.export_to(history.runs()[0], not_a_folder)
    assert "tidak dapat disimpan" in history.message, history.message
    # why, in Indonesian: never the system's "File exists"
    assert "sudah ada berkas atau folder dengan nama itu" in history.message, history.message
    assert "directory" not in history.message.lower(), history.message


@pytest.mark.slow
def test_any_log_file_opens_in_the_viewer(pilot: Pilot) -> None:
    history = open_history(pilot)
    pilot.key(pygame.K_b)
    assert isinstance(pilot.top, FileDialogScene)
    type_path(pilot, ROOT / "tests" / "playthroughs" / "pilkada-hari-penuh.keliru.log")
    viewer = pilot.top
    assert isinstance(viewer, ReplayViewer), f"the log opened {viewer}"
    assert viewer.view.title == "pilkada-hari-penuh.keliru.log"
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.top, HistoryScene)
    del history


@pytest.mark.slow
def test_a_log_of_a_scenario_not_here_names_the_file_needed(
    pilot: Pilot, tmp_path: Path
) -> None:
    text = (ROOT / "tests" / "playthroughs" / "meja-pemilih-jebakan.benar.log").read_text(
        encoding="utf-8"
    )
    stranger = tmp_path / "lain.log"
    stranger.write_text(text.replace("scenario: meja-pemilih-jebakan", "scenario: desa-lain"),
                        encoding="utf-8")
    history = open_history(pilot)
    history.open_path(stranger)
    assert "desa-lain.yaml" in history.message, history.message
    assert isinstance(pilot.top, HistoryScene)


@pytest.mark.slow
def test_the_dialog_cancels_with_escape(pilot: Pilot) -> None:
    history = open_history(pilot)
    pilot.key(pygame.K_b)
    assert isinstance(pilot.top, FileDialogScene)
    pilot.key(pygame.K_ESCAPE)
    assert pilot.top is history


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_history_reads_whole(tmp_path: Path, lang: str, size: tuple[int, int]) -> None:
    from tests.fit import layout_faults

    store, _ = SaveStore.open(tmp_path / "data")
    pilot = Pilot(size=size, lang=lang, text_size="besar", store=store)
    pilot.ctx.profile = store.create_profile("Sri Wahyuni")
    log = parse_log((ROOT / "tests" / "playthroughs" / PLAYED[1]).read_text(encoding="utf-8"))
    session = PlaySession.begin(entry(log.header.scenario), Mode.UJIAN, store, pilot.ctx.profile.id)
    for logged in log.entries:
        session.do(logged.action)
    assert session.save()
    pilot.show(HistoryScene(pilot.ctx))
    assert not layout_faults(pilot.top), layout_faults(pilot.top)


@pytest.mark.slow
def test_results_leave_the_laptop_as_xapi_through_the_file_dialog(
    pilot: Pilot, tmp_path: Path
) -> None:
    """From the page of days played: this trainee's results, or every profile's, as xAPI
    statements in a folder (a USB stick)."""
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    history = open_history(pilot)
    history.export_results(everyone=False)
    pilot.frames(2)
    type_path(pilot, stick)
    [written] = stick.glob("xapi-Sri-Wahyuni-*.jsonl")
    statements = [json.loads(line) for line in written.read_text("utf-8").splitlines()]
    assert len(statements) == len(PLAYED), "one statement per finished day (no quiz yet)"
    assert "pernyataan hasil disimpan" in pilot.top.message
    store = pilot.ctx.store
    assert store is not None
    store.create_profile("Budi")
    history = pilot.top
    assert isinstance(history, HistoryScene)
    history.results_to(stick, everyone=True)
    assert list(stick.glob("xapi-semua-*.jsonl")), "every profile's results not written"
