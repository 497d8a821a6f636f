"""The queue of statements for an LRS, in the save file: nothing leaves it before the LRS has
acknowledged it, and nothing an LRS has acknowledged is queued for it again."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator.persistence import savefile
from simulator.persistence.store import SaveStore
from simulator.persistence.xapi_queue import MAX_STATEMENT, Queued, XapiQueue, fits

LRS = "http://127.0.0.1:8100/xAPI"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SaveStore]:
    opened, _ = SaveStore.open(tmp_path / "data")
    yield opened
    opened.close()


def statements(*numbers: int, text: str = "a") -> list[Queued]:
    return [Queued(f"id-{n}", f'{{"id": "id-{n}", "x": "{text}"}}') for n in numbers]


def test_a_statement_waits_until_acknowledged_then_is_never_queued_again(
    store: SaveStore,
) -> None:
    queue = XapiQueue(store, LRS)
    assert queue.enqueue(statements(1, 2, 3)) == 3
    assert queue.enqueue(statements(1, 2, 3)) == 0, "queued twice"
    assert [q.statement_id for q in queue.oldest(2)] == ["id-1", "id-2"]
    queue.acknowledged(["id-1", "id-2"])
    assert (queue.waiting(), queue.sent()) == (1, 2)
    assert queue.enqueue(statements(1, 2, 3, 4)) == 1, "only id-4 is new to this LRS"
    assert [q.statement_id for q in queue.oldest(10)] == ["id-3", "id-4"]


def test_a_waiting_statement_takes_the_newer_body(store: SaveStore) -> None:
    queue = XapiQueue(store, LRS)
    queue.enqueue(statements(1, text="Sri"))
    queue.enqueue(statements(1, text="Sri Wahyuni"))
    [waiting] = queue.oldest(5)
    assert "Sri Wahyuni" in waiting.body, "the profile was renamed before it was sent"


def test_each_lrs_has_its_own_queue_and_ledger(store: SaveStore) -> None:
    first, second = XapiQueue(store, LRS), XapiQueue(store, "https://lrs.kpu.example/xAPI")
    first.enqueue(statements(1))
    first.acknowledged(["id-1"])
    assert second.enqueue(statements(1)) == 1, "the other LRS never had it"
    assert (first.waiting(), first.sent(), second.waiting(), second.sent()) == (0, 1, 1, 0)


def test_a_statement_too_long_for_the_save_file_is_refused_before_anything_is_queued(
    store: SaveStore,
) -> None:
    queue = XapiQueue(store, LRS)
    huge = Queued("id-9", "x" * (MAX_STATEMENT + 1))
    assert not fits(huge) and all(fits(q) for q in statements(1))
    with pytest.raises(ValueError, match="at most"):
        queue.enqueue([*statements(1), huge])
    assert queue.waiting() == 0, "part of a refused call was queued"


def test_a_save_of_the_previous_version_gains_the_queue(tmp_path: Path) -> None:
    path = tmp_path / "saves.db"
    older = sqlite3.connect(path, isolation_level=None)
    savefile.migrate(older, up_to=savefile.SCHEMA_VERSION - 1)
    older.close()
    opened, notice = SaveStore.open(tmp_path)
    try:
        assert notice is None, f"the older save was set aside: {notice}"
        assert XapiQueue(opened, LRS).enqueue(statements(1)) == 1
    finally:
        opened.close()


def test_a_hand_edited_queue_row_of_the_wrong_type_sets_the_save_aside(tmp_path: Path) -> None:
    opened, _ = SaveStore.open(tmp_path)
    XapiQueue(opened, LRS).enqueue(statements(1))
    with opened.guarded() as connection:
        connection.execute("UPDATE xapi_queue SET body = x'00ff'")
    opened.close()
    reopened, notice = SaveStore.open(tmp_path)
    reopened.close()
    assert notice is not None and notice.value is not None
    assert (notice.value.table, notice.value.column) == ("xapi_queue", "body")
