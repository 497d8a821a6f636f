"""A class through a real LRS (Ralph, tests/ralph_lrs.py): what ``export --lrs`` sends comes
back from ``read_statements`` exactly as sent; sending again duplicates nothing; an LRS that is
down keeps everything queued until it is up again; a wrong password is said so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from simulator.cli import main as cli_main
from simulator.persistence.store import SaveStore
from simulator.persistence.xapi_queue import XapiQueue
from simulator.xapi.export import profile_statements
from simulator.xapi.lrs import Credentials, LrsError, LrsProblem, read_statements
from tests.ralph_lrs import RalphLrs
from tests.xapi_class import class_store

pytestmark = pytest.mark.slow

#: what the LRS adds to a statement it stores; every other field comes back as sent
ADDED_BY_THE_LRS = {"stored", "authority"}


@pytest.fixture(scope="module")
def day_class(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A save file with three trainees' days, answers and exams, made once (playing the days
    takes a second); each test works on its own copy, so each has its own laptop id and its
    statements are its own in the shared LRS."""
    folder = tmp_path_factory.mktemp("class")
    class_store(folder).close()
    return folder / "saves.db"


@pytest.fixture
def store(
    day_class: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ralph_lrs: RalphLrs
) -> Iterator[SaveStore]:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "saves.db").write_bytes(day_class.read_bytes())
    monkeypatch.setenv("SIMULASI_TPS_DATA", str(folder))
    monkeypatch.setenv("SIMULASI_LRS_USER", ralph_lrs.credentials.user)
    monkeypatch.setenv("SIMULASI_LRS_PASSWORD", ralph_lrs.credentials.password)
    opened, _ = SaveStore.open(folder)
    yield opened
    opened.close()


def ours(store: SaveStore) -> dict[str, dict[str, Any]]:
    """Every statement of this laptop, by id, as the export makes them."""
    return {s["id"]: s for p in store.profiles() for s in profile_statements(store, p)}


def in_the_lrs(lrs: RalphLrs, ids: set[str]) -> list[dict[str, Any]]:
    """The statements of ``ids`` the LRS holds, read three to a page (so paging is used);
    a statement held twice comes twice."""
    return [s for s in read_statements(lrs.url, lrs.credentials, page_size=3) if s["id"] in ids]


def test_a_class_comes_back_from_the_lrs_as_it_was_sent_and_only_once(
    store: SaveStore, ralph_lrs: RalphLrs, capsys: pytest.CaptureFixture[str]
) -> None:
    sent = ours(store)
    assert len(sent) == 7, "two days, three answers and two exams"
    assert cli_main(["export", "--all", "--lrs", ralph_lrs.url]) == 0
    assert f"{len(sent)} pernyataan xAPI terkirim" in capsys.readouterr().out

    back = in_the_lrs(ralph_lrs, set(sent))
    assert sorted(s["id"] for s in back) == sorted(sent), "not every statement came back once"
    for statement in back:
        mine = sent[statement["id"]]
        assert set(statement) - set(mine) == ADDED_BY_THE_LRS
        for field in mine:
            assert statement[field] == mine[field], f"{field} of {statement['id']} changed"
    assert XapiQueue(store, ralph_lrs.url).waiting() == 0

    assert cli_main(["export", "--all", "--lrs", ralph_lrs.url]) == 0
    assert "Tidak ada yang baru" in capsys.readouterr().out
    assert len(in_the_lrs(ralph_lrs, set(sent))) == len(sent), "sent twice, held twice"


def test_statements_the_lrs_holds_already_are_not_duplicated_or_failures(
    store: SaveStore, ralph_lrs: RalphLrs, capsys: pytest.CaptureFixture[str]
) -> None:
    """A save restored from a copy made before the sending forgot what the LRS has: the LRS
    says it holds them (204), and, for a trainee renamed since, that it holds another version
    (409); both count as sent, and the LRS keeps the first."""
    sent = ours(store)
    assert cli_main(["export", "--all", "--lrs", ralph_lrs.url]) == 0
    for rename in (False, True):
        with store.guarded() as connection:
            connection.execute("DELETE FROM xapi_sent")
        if rename:
            budi = next(p for p in store.profiles() if p.name == "Budi")
            store.rename_profile(budi.id, "Budi Santoso")
        capsys.readouterr()
        assert cli_main(["--lang", "en", "export", "--all", "--lrs", ralph_lrs.url]) == 0
        out = capsys.readouterr().out
        assert f"({len(sent)} of them it had already)" in out, out
    back = in_the_lrs(ralph_lrs, set(sent))
    assert len(back) == len(sent), "a statement sent again is held twice"
    names = {s["actor"]["name"] for s in back}
    assert "Budi" in names and "Budi Santoso" not in names, "the LRS keeps the first version"


def test_an_lrs_that_is_down_keeps_the_queue_until_it_is_up_again(
    store: SaveStore, ralph_lrs: RalphLrs, capsys: pytest.CaptureFixture[str]
) -> None:
    sent = ours(store)
    ralph_lrs.stop()
    try:
        assert cli_main(["export", "--all", "--lrs", ralph_lrs.url]) == 2
        err = capsys.readouterr().err
        assert "tidak ada yang menjawab di alamat dan port itu" in err, err
        assert f"0 pernyataan xAPI terkirim ke {ralph_lrs.url}; {len(sent)} tetap" in err
        assert XapiQueue(store, ralph_lrs.url).waiting() == len(sent)
    finally:
        ralph_lrs.start()
    assert cli_main(["export", "--profile", "Budi", "--lrs", ralph_lrs.url]) == 0
    assert XapiQueue(store, ralph_lrs.url).waiting() == 0, "the earlier queue was not sent"
    assert len(in_the_lrs(ralph_lrs, set(sent))) == len(sent)


def test_a_wrong_password_is_said_so_and_nothing_is_lost(
    store: SaveStore, ralph_lrs: RalphLrs, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["export", "--all", "--lrs", ralph_lrs.url, "--password", "salah"]
    assert cli_main(args) == 2
    err = capsys.readouterr().err
    assert "LRS menolak nama pengguna atau kata sandi (HTTP 401)" in err, err
    assert XapiQueue(store, ralph_lrs.url).waiting() == len(ours(store))
    wrong = Credentials(ralph_lrs.credentials.user, "salah")
    with pytest.raises(LrsError) as raised:
        next(read_statements(ralph_lrs.url, wrong))
    assert raised.value.kind is LrsProblem.AUTH and raised.value.status == 401


def test_the_class_report_reads_the_lrs_as_it_reads_the_files(
    store: SaveStore, ralph_lrs: RalphLrs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What went to the LRS comes back whole (each checksum still matches what the statement
    says), so a report read from the LRS counts this laptop's class as its export file does."""
    from simulator.xapi.export import export, laptop_id
    from simulator.xapi.reading import read_files, read_lrs

    assert cli_main(["export", "--all", "--lrs", ralph_lrs.url]) == 0
    out = tmp_path / "kelas.jsonl"
    export(store, store.profiles(), out)
    from_file = read_files([out])
    laptop = laptop_id(store)
    mine = (s for s in read_statements(ralph_lrs.url, ralph_lrs.credentials)
            if s["actor"]["account"]["homePage"].endswith(laptop))
    from_lrs = read_lrs(mine, ralph_lrs.url)
    assert from_lrs.unread == [], "a statement changed on its way through the LRS"
    assert from_lrs.records.summary() == from_file.records.summary()
    assert from_lrs.records.item_analysis() == from_file.records.item_analysis()
    assert from_lrs.records.frequent_mistakes() == from_file.records.frequent_mistakes()
    page = tmp_path / "laporan.html"
    capsys.readouterr()
    assert cli_main(["report", "--lrs", ralph_lrs.url, "--out", str(page)]) == 0, (
        capsys.readouterr().err)
    assert "Sri Wahyuni" in page.read_text("utf-8"), "the LRS's class is in the report"


def test_a_report_from_an_lrs_that_is_down_says_so_and_writes_nothing(
    store: SaveStore, ralph_lrs: RalphLrs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "laporan.html"
    ralph_lrs.stop()
    try:
        assert cli_main(["report", "--lrs", ralph_lrs.url, "--out", str(page)]) == 2
    finally:
        ralph_lrs.start()
    err = capsys.readouterr().err
    assert f"LRS {ralph_lrs.url} tidak dapat dibaca sampai habis" in err, err
    assert not page.exists()
