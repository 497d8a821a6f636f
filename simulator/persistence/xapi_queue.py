"""Statements on their way to an LRS, kept in the save file until the LRS has them.

A trainer in a hall without internet exports, and the statements wait here; the next export
with the network back sends them. Each statement stays queued until the LRS acknowledged the
batch it went in, and is then moved, in one transaction, to the ledger of what that LRS has
(``xapi_sent``: its id only, the body is not needed any more), so exporting again queues and
sends only what is new. A statement whose acknowledgement was lost (the save file could not be
written just after) is simply sent again: its id is stable, and an LRS keeps one of each.

The queue is per LRS (its endpoint, without user name or password): sending to a second LRS
starts from nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from simulator.persistence.savefile import MAX_TEXT
from simulator.persistence.store import SaveStore, _checked, _require_length

#: an LRS endpoint as the queue knows it (``simulator.xapi.lrs.endpoint_url``)
MAX_LRS_URL = 2_000
#: a statement id is a UUID (36 characters); a little room for an LRS that names them longer
MAX_STATEMENT_ID = 64
#: the longest statement kept: what the save file reads as a sound text value
MAX_STATEMENT = MAX_TEXT


@dataclass(frozen=True, slots=True)
class Queued:
    """One statement waiting: its id and its JSON text, as it will be sent."""

    statement_id: str
    body: str


class XapiQueue:
    """The queue and the ledger of one LRS in ``store``."""

    def __init__(self, store: SaveStore, lrs: str) -> None:
        _require_length(lrs, MAX_LRS_URL, "LRS address")
        self._store = store
        self._lrs = lrs

    def enqueue(self, statements: Iterable[Queued]) -> int:
        """Queue every statement this LRS has not acknowledged yet; how many are waiting now
        that were not before. A statement already waiting gets the newer body (a renamed
        profile is sent under its new name). ValueError for an id or body longer than the
        save file keeps (check with :func:`fits` first); nothing is queued then."""
        rows = list(statements)
        for row in rows:
            _require_length(row.statement_id, MAX_STATEMENT_ID, "statement id")
            _require_length(row.body, MAX_STATEMENT, "statement")
        before = self.waiting()
        now = self._store.now()
        with self._store.transaction() as connection:
            for row in rows:
                connection.execute(
                    "INSERT INTO xapi_queue (lrs, statement_id, body, queued)"
                    " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM xapi_sent"
                    "  WHERE lrs = ? AND statement_id = ?)"
                    " ON CONFLICT (lrs, statement_id) DO UPDATE SET body = excluded.body",
                    (self._lrs, row.statement_id, row.body, now, self._lrs, row.statement_id),
                )
        return self.waiting() - before

    def oldest(self, count: int) -> list[Queued]:
        """Up to ``count`` waiting statements, the longest waiting first."""
        with self._store.guarded() as connection:
            rows = connection.execute(
                "SELECT statement_id, body FROM xapi_queue WHERE lrs = ?"
                " ORDER BY queued, statement_id LIMIT ?",
                (self._lrs, count),
            ).fetchall()
        return [Queued(*_checked(row, (str, str))) for row in rows]

    def acknowledged(self, statement_ids: Sequence[str]) -> None:
        """The LRS has these: off the queue and into the ledger, together or not at all."""
        now = self._store.now()
        with self._store.transaction() as connection:
            for statement_id in statement_ids:
                connection.execute(
                    "DELETE FROM xapi_queue WHERE lrs = ? AND statement_id = ?",
                    (self._lrs, statement_id),
                )
                connection.execute(
                    "INSERT OR IGNORE INTO xapi_sent (lrs, statement_id, sent) VALUES (?, ?, ?)",
                    (self._lrs, statement_id, now),
                )

    def drop(self, statement_ids: Sequence[str]) -> None:
        """Take these off the queue unsent (statements no LRS could read)."""
        with self._store.transaction() as connection:
            for statement_id in statement_ids:
                connection.execute(
                    "DELETE FROM xapi_queue WHERE lrs = ? AND statement_id = ?",
                    (self._lrs, statement_id),
                )

    def waiting(self) -> int:
        """How many statements wait for this LRS."""
        return self._count("xapi_queue")

    def sent(self) -> int:
        """How many statements this LRS acknowledged, over every export."""
        return self._count("xapi_sent")

    def _count(self, table: str) -> int:
        with self._store.guarded() as connection:
            # ``table`` is one of this module's two names, never an input.
            row = connection.execute(
                f"SELECT count(*) FROM {table} WHERE lrs = ?", (self._lrs,)
            ).fetchone()
        return int(_checked(row, (int,))[0])


def fits(statement: Queued) -> bool:
    """Whether the save file can keep ``statement`` in the queue."""
    return len(statement.statement_id) <= MAX_STATEMENT_ID and len(statement.body) <= MAX_STATEMENT
