"""Why a file could not be read or written is said in the user's words, never the operating
system's English ("Permission denied", "No space left on device"): on screens, in the
command line's messages, in validate's findings and in the class report."""

from __future__ import annotations

import errno
import socket
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.content.errors import ContentError
from simulator.content.yaml_loader import read_source
from simulator.i18n import catalog, os_errors
from simulator.xapi.lrs import _code_of
from simulator.xapi.reading import read_files
from simulator.xapi.report import unread_message

SYSTEM_ENGLISH = ("denied", "directory", "no space", "read-only", "file exists", "busy")


@pytest.mark.parametrize(
    ("number", "indonesian", "english"),
    [
        (errno.ENOENT, "tidak ada", "does not exist"),
        (errno.EACCES, "tidak ada izin", "no permission"),
        (errno.EPERM, "tidak ada izin", "no permission"),
        (errno.EROFS, "hanya dapat dibaca", "can only be read"),
        (errno.ENOSPC, "penuh", "full"),
        (errno.ENOTDIR, "bukan folder", "not a folder"),
        (errno.EISDIR, "sebuah folder", "a folder"),
        (errno.EIO, "perangkatnya gagal", "device failed"),
    ],
)
def test_each_common_reason_has_words_in_both_languages(
    number: int, indonesian: str, english: str
) -> None:
    error = OSError(number, "the system's own English")
    assert indonesian in os_errors.reason(catalog("id"), error)
    assert english in os_errors.reason(catalog("en"), error)


def test_an_unforeseen_reason_is_named_by_its_code_not_its_english() -> None:
    said = os_errors.reason(catalog("id"), OSError(errno.EXDEV, "Invalid cross-device link"))
    assert said == "kesalahan sistem (EXDEV)", said
    named = OSError(errno.EACCES, "Permission denied", "/media/flashdisk")
    assert os_errors.reason(catalog("id"), named, "/media/flashdisk") == (
        "tidak ada izin untuk membuka atau menulisnya"), "the file the message names, twice"
    temporary = OSError(errno.ENOSPC, "No space left", "/media/flashdisk/.kelas.jsonl.tmp")
    assert os_errors.reason(catalog("id"), temporary, "/media/flashdisk/kelas.jsonl") == (
        "ruang penyimpanannya penuh"), "a file beside the one named is no help to the reader"
    assert os_errors.reason(catalog("id"), named, "/media/flashdisk/kelas.jsonl") == (
        "tidak ada izin untuk membuka atau menulisnya (/media/flashdisk)")
    assert os_errors.reason(catalog("id"), OSError("no number")) == "kesalahan sistem (-)"


def test_the_command_line_says_why_an_export_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SIMULASI_TPS_DATA", str(tmp_path / "data"))
    blocker = tmp_path / "berkas"
    blocker.write_text("x", encoding="utf-8")
    assert main(["export", "--all", "--out", str(blocker / "kelas.jsonl")]) == 2
    said = capsys.readouterr().err
    # the file standing where a folder should be is named
    assert f"sudah ada berkas atau folder dengan nama itu ({blocker})" in said, said
    assert not any(word in said.lower() for word in SYSTEM_ENGLISH), said


def test_shot_says_why_its_folder_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("x", encoding="utf-8")
    assert main(["shot", "meja-pemilih-jebakan", "--out", str(blocker / "gambar")]) == 2
    said = capsys.readouterr().err
    assert "bukan folder" in said or "sudah ada" in said, said
    assert not any(word in said.lower() for word in SYSTEM_ENGLISH), said


def test_validate_says_why_a_file_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scenario the laptop's user may not read (root reads everything, so the refusal is
    the operating system's as Python raises it)."""
    scenario = tmp_path / "skenario.yaml"
    scenario.write_text("id: x\n", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(scenario))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(ContentError) as refused:
        read_source(scenario)
    for lang, words in (("id", "tidak ada izin"), ("en", "no permission")):
        said = refused.value.render(catalog(lang))
        assert words in said and "Permission denied" not in said, said


def test_the_class_report_says_why_an_export_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = tmp_path / "kelas.jsonl"
    export.write_text("{}\n", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(export))

    monkeypatch.setattr(Path, "open", refuse)
    reading = read_files([export])
    monkeypatch.undo()
    (unread,) = reading.unread
    said = unread_message(catalog("id"), unread)
    assert "tidak dapat dibaca: tidak ada izin" in said, said
    assert "Permission denied" not in said


def test_an_lrs_out_of_reach_is_named_by_a_code_not_english() -> None:
    assert _code_of(ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")) == (
        "ECONNREFUSED")
    assert _code_of(socket.gaierror(socket.EAI_NONAME, "Name or service not known")) == (
        "EAI_NONAME")
    assert _code_of(TimeoutError("timed out")) == "TimeoutError"


def test_export_says_why_the_save_file_cannot_be_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("SIMULASI_TPS_DATA", str(blocker / "data"))
    assert main(["export", "--all", "--out", str(tmp_path / "kelas.jsonl")]) == 2
    said = capsys.readouterr().err
    save_file = blocker / "data" / "saves.db"
    assert said.startswith(f"Berkas simpanan {save_file} tidak dapat dibuka: "), said
    assert "sebagian jalurnya bukan folder" in said, said
    assert not any(word in said.lower() for word in (*SYSTEM_ENGLISH, "errno")), said
