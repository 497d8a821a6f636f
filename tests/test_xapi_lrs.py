"""Sending to an LRS and reading from one, against small servers on 127.0.0.1 that answer
badly on purpose (a 500, text that is not JSON, a wrong password, silence): whatever they do,
no statement leaves the queue unacknowledged, and the trainer is told why in words.
The round trip through a real LRS (Ralph) is in test_xapi_ralph.py."""

from __future__ import annotations

import base64
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from simulator.cli import main as cli_main
from simulator.persistence.store import SaveStore
from simulator.persistence.xapi_queue import Queued, XapiQueue
from simulator.xapi.lrs import (
    Credentials,
    LrsError,
    LrsProblem,
    endpoint_url,
    read_statements,
    send_statements,
)
from tests.bad_lrs import Answer, BadLrs, Seen, json_answer
from tests.xapi_class import class_store

STATEMENTS = 5  # of the class without days: three answers and two exams


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SaveStore]:
    monkeypatch.setenv("SIMULASI_TPS_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("SIMULASI_LRS_USER", raising=False)
    monkeypatch.delenv("SIMULASI_LRS_PASSWORD", raising=False)
    opened = class_store(tmp_path / "data", days=False)
    yield opened
    opened.close()


def acknowledging(seen: Seen) -> Answer:
    """An LRS that stores every batch: its ids back."""
    return json_answer([s["id"] for s in json.loads(seen.body)])


def waiting(store: SaveStore, url: str) -> int:
    return XapiQueue(store, endpoint_url(url)).waiting()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_an_lrs_address_is_kept_one_way_and_anything_else_is_refused() -> None:
    assert endpoint_url(" HTTP://LRS.Example:8100/xAPI/ ") == "http://lrs.example:8100/xAPI"
    assert endpoint_url("https://lrs.example/xAPI/statements") == "https://lrs.example/xAPI"
    assert endpoint_url("http://lrs.example/pelatihanké/xAPI") == (
        "http://lrs.example/pelatihank%C3%A9/xAPI"
    ), "HTTP asks for a path in ASCII"
    for wrong in ("http://lrs.example/x API", "http://lrs.example/x\nHost: evil",
                  "file:///etc/passwd", "ftp://lrs.example/x", "lrs.example", "http://",
                  "http://user:rahasia@lrs.example/xAPI", "http://lrs.example:99999/x",
                  "http://lrs.example/xAPI?x=1"):
        with pytest.raises(ValueError):
            endpoint_url(wrong)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "bukan alamat", "http://u:p@h/xAPI"])
def test_the_command_line_refuses_an_address_that_is_not_an_lrs(
    store: SaveStore, url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["export", "--all", "--lrs", url]) == 2
    err = capsys.readouterr().err
    assert "bukan alamat LRS" in err and "Traceback" not in err
    assert waiting(store, "http://h/xAPI") == 0


def test_out_and_lrs_are_alternatives_and_one_is_needed(
    store: SaveStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (["--out", str(tmp_path / "a.jsonl"), "--lrs", "http://h/xAPI"], []):
        with pytest.raises(SystemExit) as stopped:
            cli_main(["export", "--all", *args])
        assert stopped.value.code == 2, f"export --all {args} was not refused as usage"
    capsys.readouterr()
    assert cli_main(["export", "--all", "--out", str(tmp_path / "a.jsonl"), "--user", "x"]) == 2
    assert "--lrs" in capsys.readouterr().err


@pytest.mark.slow
def test_credentials_come_from_the_environment_and_a_second_export_sends_nothing(
    store: SaveStore, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SIMULASI_LRS_USER", "pelatih")
    monkeypatch.setenv("SIMULASI_LRS_PASSWORD", "rahasia:123")
    with BadLrs(acknowledging).running() as lrs:
        assert cli_main(["--lang", "en", "export", "--all", "--lrs", lrs.url]) == 0
        assert f"{STATEMENTS} xAPI statements sent" in capsys.readouterr().out
        [post] = lrs.seen
        assert (post.method, post.path) == ("POST", "/xAPI/statements")
        assert post.headers["x-experience-api-version"] == "1.0.3"
        expected = "Basic " + base64.b64encode(b"pelatih:rahasia:123").decode()
        assert post.headers["authorization"] == expected
        assert cli_main(["--lang", "en", "export", "--all", "--lrs", lrs.url + "/"]) == 0
        assert "Nothing new" in capsys.readouterr().out
        assert len(lrs.seen) == 1, "statements the LRS acknowledged were sent again"
    assert waiting(store, lrs.url) == 0


@pytest.mark.slow
def test_a_queued_statement_damaged_by_hand_is_dropped_and_said_not_to_hold_up_the_rest(
    store: SaveStore, capsys: pytest.CaptureFixture[str]
) -> None:
    with BadLrs(acknowledging).running() as lrs:
        queue = XapiQueue(store, endpoint_url(lrs.url))
        queue.enqueue([Queued("rusak-1", "{not json"), Queued("rusak-2", '{"id": "lain"}')])
        assert cli_main(["export", "--all", "--lrs", lrs.url]) == 2
        posted = [s["id"] for seen in lrs.seen for s in json.loads(seen.body)]
    err = capsys.readouterr().err
    assert "2 pernyataan di antrean berkas simpanan rusak" in err, err
    assert len(posted) == STATEMENTS and not {"rusak-1", "lain"} & set(posted)
    assert queue.waiting() == 0


def test_a_user_without_a_password_is_told_where_to_put_it(
    store: SaveStore, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", open(__file__, encoding="utf-8"))  # noqa: SIM115 - not a tty
    assert cli_main(["export", "--all", "--lrs", "http://127.0.0.1:1/xAPI", "--user", "x"]) == 2
    assert "SIMULASI_LRS_PASSWORD" in capsys.readouterr().err


def test_a_closed_port_keeps_every_statement_queued(
    store: SaveStore, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{free_port()}/xAPI"
    assert cli_main(["export", "--profile", "Sri Wahyuni", "--lrs", url]) == 2
    err = capsys.readouterr().err
    assert "tidak ada yang menjawab" in err and "tetap dalam antrean" in err, err
    assert waiting(store, url) == 3, "Sri's statements left the queue unsent"


BAD_ANSWERS = {
    "server": (Answer(500, b"Internal Server Error"), "has a fault of its own (HTTP 500)"),
    "not json": (Answer(200, b"<html>proxy login</html>"), "answered what an xAPI LRS does not"),
    "not a list": (json_answer({"ok": True}), "answered what an xAPI LRS does not"),
    "other ids": (json_answer(["00000000-0000-0000-0000-000000000000"]), "does not"),
    "redirect": (Answer(302, headers={"Location": "https://x/"}), "redirected to 'https://x/'"),
    "password": (json_answer({"detail": "Invalid authentication credentials"}, 401),
                 "refused the user name or password (HTTP 401)"),
    "refused": (json_answer({"detail": "Invalid statement"}, 400), "Invalid statement"),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(BAD_ANSWERS))
def test_an_lrs_answering_badly_loses_nothing_and_says_why(
    store: SaveStore, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    answer, words = BAD_ANSWERS[case]
    with BadLrs(lambda _: answer).running() as lrs:
        args = ["--lang", "en", "export", "--all", "--lrs", lrs.url, "--user", "a",
                "--password", "b"]
        assert cli_main(args) == 2
    err = capsys.readouterr().err
    assert words in err and f"{STATEMENTS} stay queued" in err, err
    assert "Traceback" not in err
    assert waiting(store, lrs.url) == STATEMENTS


@pytest.mark.slow
def test_only_batches_the_lrs_acknowledged_leave_the_queue(store: SaveStore) -> None:
    def second_fails(seen: Seen) -> Answer:
        return acknowledging(seen) if len(lrs.seen) == 1 else Answer(503)

    statements = [{"id": f"id-{n}", "n": n} for n in range(5)]
    done: list[list[str]] = []
    with BadLrs(second_fails).running() as lrs:
        result = send_statements(lrs.url, None, statements, on_acknowledged=done.append,
                                 batch_size=2)
    assert done == [["id-0", "id-1"]]
    assert (result.sent, result.unsent) == (2, 3)
    assert result.error is not None and result.error.kind is LrsProblem.SERVER


@pytest.mark.slow
def test_ids_the_lrs_held_already_count_as_sent(store: SaveStore) -> None:
    """Ralph answers 204 to a batch it held whole, leaves held ids out of a 200, and a 409
    (a different statement under the id: the same result, sent before under an older name)
    makes the batch go again one statement at a time, where a 409 counts as held."""
    def ralph_like(seen: Seen) -> Answer:
        ids = [s["id"] for s in json.loads(seen.body)]
        if "b" in ids:
            return json_answer({"detail": "Differing statements"}, 409)
        return Answer(204) if ids == ["a"] else json_answer([i for i in ids if i != "a"])

    with BadLrs(ralph_like).running() as lrs:
        whole = send_statements(lrs.url, None, [{"id": "a"}])
        part = send_statements(lrs.url, None, [{"id": "a"}, {"id": "c"}])
        one_by_one = send_statements(lrs.url, None, [{"id": "a"}, {"id": "b"}, {"id": "d"}])
        posts = [json.loads(s.body) for s in lrs.seen[2:]]
    assert (whole.sent, whole.held, whole.error) == (1, 1, None)
    assert (part.sent, part.held, part.error) == (2, 1, None)
    assert (one_by_one.sent, one_by_one.held, one_by_one.error) == (3, 2, None)
    assert posts == [[{"id": "a"}, {"id": "b"}, {"id": "d"}], [{"id": "a"}], [{"id": "b"}],
                     [{"id": "d"}]], "after the 409, not one statement at a time"


def test_a_server_that_never_answers_times_out() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    accepted: list[socket.socket] = []
    thread = threading.Thread(target=lambda: accepted.append(listener.accept()[0]), daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/xAPI"
        result = send_statements(url, None, [{"id": "a"}], timeout=0.3)
    finally:
        thread.join(5)
        for connection in [*accepted, listener]:
            connection.close()
    assert result.error is not None and result.error.kind is LrsProblem.UNREACHABLE
    assert result.error.reason == "timeout" and result.unsent == 1


def pages(count: int, per_page: int = 2) -> Any:
    """An LRS holding ``count * per_page`` statements, a page at a time by ``more`` links."""
    def answer(seen: Seen) -> Answer:
        page = int(seen.path.rsplit("page=", 1)[1]) if "page=" in seen.path else 0
        body: dict[str, Any] = {
            "statements": [{"id": f"s{page}-{n}"} for n in range(per_page)]
        }
        if page + 1 < count:
            body["more"] = f"/xAPI/statements?page={page + 1}"
        return json_answer(body)

    return answer


@pytest.mark.slow
def test_reading_follows_more_links_to_the_end() -> None:
    with BadLrs(pages(3)).running() as lrs:
        read = [s["id"] for s in read_statements(lrs.url, Credentials("a", "b"),
                                                 since="2026-12-01T00:00:00+00:00")]
        first = lrs.seen[0]
    assert read == ["s0-0", "s0-1", "s1-0", "s1-1", "s2-0", "s2-1"]
    assert first.path.startswith("/xAPI/statements?since=2026-12-01")
    assert first.headers["x-experience-api-version"] == "1.0.3"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("more", "words"),
    [
        ("http://elsewhere.example/xAPI/statements?page=1", "another place"),
        ("/xAPI/statements", "page read"),
        (7, "not a link"),
    ],
)
def test_reading_stops_at_a_more_link_it_must_not_follow(more: object, words: str) -> None:
    page = json_answer({"statements": [], "more": more})
    with BadLrs(lambda _: page).running() as lrs, pytest.raises(LrsError, match=words) as raised:
        list(read_statements(lrs.url, None))
    assert raised.value.kind is LrsProblem.BAD_ANSWER


@pytest.mark.slow
def test_reading_is_bounded_in_pages_and_in_bytes() -> None:
    with BadLrs(pages(50)).running() as lrs:
        with pytest.raises(LrsError, match="more than 4 pages"):
            list(read_statements(lrs.url, None, max_pages=4))
        with pytest.raises(LrsError, match="more than 50 bytes"):
            list(read_statements(lrs.url, None, max_page_bytes=50))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        (json_answer({"detail": "Invalid authentication credentials"}, 401), LrsProblem.AUTH),
        (json_answer([{"id": "a"}]), LrsProblem.BAD_ANSWER),
        (json_answer({"statements": [{"no": "id"}]}), LrsProblem.BAD_ANSWER),
        (Answer(502, b"Bad Gateway"), LrsProblem.SERVER),
    ],
)
def test_reading_says_what_went_wrong(answer: Answer, kind: LrsProblem) -> None:
    with BadLrs(lambda _: answer).running() as lrs, pytest.raises(LrsError) as raised:
        list(read_statements(lrs.url, None))
    assert raised.value.kind is kind
