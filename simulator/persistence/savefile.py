"""The save file on disk: checked before anything is written to it, opened, brought up to the
current schema, or set aside when it is not a usable save (see :mod:`simulator.persistence.store`
for what the store promises)."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

logger = logging.getLogger(__name__)

# How long to wait for another connection's write to finish before giving up with StoreError.
BUSY_TIMEOUT_SECONDS = 5.0

# Primary result codes (the low byte of an extended code) that say "cannot use the file now",
# not "the file is bad": https://www.sqlite.org/rescode.html. Everything else met while checking
# a file on open counts as damage.
_TRANSIENT_CODES = frozenset(
    {
        3,  # SQLITE_PERM
        5,  # SQLITE_BUSY
        6,  # SQLITE_LOCKED
        7,  # SQLITE_NOMEM
        8,  # SQLITE_READONLY
        9,  # SQLITE_INTERRUPT
        10,  # SQLITE_IOERR
        13,  # SQLITE_FULL
        14,  # SQLITE_CANTOPEN
        15,  # SQLITE_PROTOCOL
        23,  # SQLITE_AUTH
    }
)
# Python 3.10's sqlite3 errors carry no result code; these phrases mark the same conditions.
_TRANSIENT_PHRASES = (
    "locked",
    "busy",
    "readonly",
    "read-only",
    "disk i/o",
    "full",
    "unable to open",
    "out of memory",
    "interrupted",
)
# The companion files SQLite keeps beside a database; they travel with it when it is set aside,
# because a stale ``-wal`` left behind would be replayed into the fresh store.
_COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")

# Each entry moves the schema from version ``index`` to ``index + 1``. Append; never edit.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
        """CREATE TABLE profiles (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL
        )""",
        """CREATE TABLE profile_settings (
            profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (profile_id, key)
        ) WITHOUT ROWID""",
        """CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
            scenario_id TEXT NOT NULL,
            scenario_path TEXT NOT NULL,
            scenario_sha256 TEXT NOT NULL,
            seed INTEGER NOT NULL,
            mode TEXT NOT NULL CHECK (mode IN ('latihan', 'ujian')),
            started TEXT NOT NULL,
            finished TEXT,
            score INTEGER,
            result_json TEXT
        )""",
        "CREATE INDEX runs_by_profile ON runs (profile_id, scenario_id)",
        """CREATE TABLE actions (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            line TEXT NOT NULL,
            PRIMARY KEY (run_id, seq)
        ) WITHOUT ROWID""",
    ),
    (
        # Every quiz answer, for results per topic (simulator.persistence.quiz_records).
        """CREATE TABLE quiz_answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            mode TEXT NOT NULL CHECK (mode IN ('latihan', 'ujian', 'ulangan')),
            ref TEXT NOT NULL,
            topic TEXT NOT NULL,
            correct INTEGER NOT NULL CHECK (correct IN (0, 1))
        )""",
        "CREATE INDEX quiz_answers_by_profile ON quiz_answers (profile_id, topic)",
        # The review schedule: one card per profile and question.
        """CREATE TABLE quiz_cards (
            profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
            ref TEXT NOT NULL,
            box INTEGER NOT NULL,
            due INTEGER NOT NULL,
            lapses INTEGER NOT NULL,
            seen INTEGER NOT NULL,
            last INTEGER,
            PRIMARY KEY (profile_id, ref)
        ) WITHOUT ROWID""",
        """CREATE TABLE quiz_exams (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            correct INTEGER NOT NULL,
            total INTEGER NOT NULL,
            seconds INTEGER NOT NULL,
            time_up INTEGER NOT NULL CHECK (time_up IN (0, 1)),
            passed INTEGER NOT NULL CHECK (passed IN (0, 1))
        )""",
    ),
    (
        # What resuming checks a replayed day against: the digest of the state after action
        # ``checkpoint_seq`` (simulator.app.play.PlaySession.checkpoint_if_due).
        "ALTER TABLE runs ADD COLUMN checkpoint_seq INTEGER",
        "ALTER TABLE runs ADD COLUMN checkpoint_digest TEXT",
        # Why an unfinished run is no longer offered for resuming (it is kept all the same).
        "ALTER TABLE runs ADD COLUMN set_aside TEXT",
    ),
    (
        # What an answer was, for the xAPI export (simulator.xapi): the kind of question, the
        # response as JSON, and how long it took. Answers given before stay without them.
        "ALTER TABLE quiz_answers ADD COLUMN kind TEXT",
        "ALTER TABLE quiz_answers ADD COLUMN response TEXT",
        "ALTER TABLE quiz_answers ADD COLUMN millis INTEGER",
    ),
    (
        # A result got as a step of a bimtek class plan (simulator.schema.plan): the plan's id
        # and its part, 'pre' (pre-test), 'play' (a scenario of the plan) or 'post'. Results
        # outside a plan, and every one kept before, have neither.
        *(
            f"ALTER TABLE {table} ADD COLUMN {column}"
            for table in ("runs", "quiz_answers", "quiz_exams")
            for column in (
                "plan TEXT CHECK (plan IS NULL OR length(plan) BETWEEN 1 AND 64)",
                "plan_part TEXT CHECK (plan_part IN ('pre', 'play', 'post'))",
            )
        ),
    ),
    (
        # Statements waiting to go to an LRS, each kept until that LRS acknowledged it
        # (simulator.persistence.xapi_queue), and the ids each LRS acknowledged, so that
        # exporting again queues only what is new. Two tables, not a "sent" flag: the
        # bodies (a day's carries its log) need not be kept once the LRS has them.
        """CREATE TABLE xapi_queue (
            lrs TEXT NOT NULL,
            statement_id TEXT NOT NULL,
            body TEXT NOT NULL,
            queued TEXT NOT NULL,
            PRIMARY KEY (lrs, statement_id)
        ) WITHOUT ROWID""",
        """CREATE TABLE xapi_sent (
            lrs TEXT NOT NULL,
            statement_id TEXT NOT NULL,
            sent TEXT NOT NULL,
            PRIMARY KEY (lrs, statement_id)
        ) WITHOUT ROWID""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True, slots=True)
class StoreNotice:
    """Something the trainee should be told about opening the store.

    ``kind`` is the suffix of an i18n key the caller translates; the only kind is ``"damaged"``:
    the save file could not be used and now lies at ``moved_to``.
    """

    kind: str
    moved_to: Path
    detail: str  # the underlying error text, for the log
    value: BadValue | None = None  # the value that made it unusable, when one did


@dataclass(frozen=True, slots=True)
class BadValue:
    """A value in a save file that this program does not read: where it is (``table``, the
    ``row`` by its key, ``column``) and what it is (``found``: a type word or the number)."""

    table: str
    row: str
    column: str
    found: str
    expected: str  # "text", "integer", or "low..high" for a number out of its range


class Damaged(Exception):
    """Raised while opening: the file is not a usable save and must be set aside."""

    def __init__(self, detail: str, value: BadValue | None = None) -> None:
        super().__init__(detail)
        self.value = value


# -- opening a file --------------------------------------------------------------------------


def connect_checked(path: Path) -> sqlite3.Connection:
    """Check the file at ``path``, then connect, bring its schema up to date and return it.

    Raises :class:`Damaged` for a file to set aside and sqlite3.Error for one that cannot be
    used now.
    """
    if _require_regular_file(path):
        _roll_back_hot_journal(path)
        _check_read_only(path)
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    connection.text_factory = read_text
    try:
        _configure(connection)
        migrate(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def read_text(data: bytes) -> str:
    """A text value as stored: bytes that are not UTF-8 (a hand-edited save) come out as
    "�", where sqlite3 would refuse the whole read."""
    return data.decode("utf-8", errors="replace")


def _require_regular_file(path: Path) -> bool:
    """Whether a save file is there; OSError at once when something else is (a folder, a
    FIFO, a device): SQLite would wait on a FIFO for a writer that never comes."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return False
    if not stat.S_ISREG(mode):
        raise OSError(f"{path} is not a regular file")
    return True


def _roll_back_hot_journal(path: Path) -> None:
    """Finish what a writer killed mid-transaction left: with the rollback journal (the mode
    SQLite falls back to where WAL is not possible) that is a ``-journal`` beside the file,
    which only a connection allowed to write can roll back. A read-only look would take the
    file for one on a read-only disk."""
    journal = path.with_name(path.name + "-journal")
    try:
        if journal.stat().st_size == 0:
            return
    except FileNotFoundError:
        return
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    try:
        connection.execute("PRAGMA schema_version").fetchone()  # a read rolls it back
    except sqlite3.DatabaseError as error:
        if _is_transient(error):
            raise
        raise Damaged(str(error)) from error
    finally:
        connection.close()
    logger.warning("save file %s: an interrupted write was rolled back", path)


def _check_read_only(path: Path) -> None:
    """Raise :class:`Damaged` unless the file is sound and a save this program can read.

    The connection is read-only so that a file that fails keeps every byte it had: a writable
    one would switch it to WAL, and on closing would fold a ``-wal`` beside it into it and
    delete that, all before we know whose file it is.
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    connection.text_factory = read_text
    try:
        _check_contents(connection)
    except sqlite3.DatabaseError as error:
        if _is_transient(error):
            raise
        raise Damaged(str(error)) from error
    except UnicodeDecodeError as error:
        # SQLite's own message about the damage quoted bytes of it that are not UTF-8.
        raise Damaged(f"damaged beyond SQLite's words: {error}") from error
    finally:
        connection.close()


def _check_contents(connection: sqlite3.Connection) -> None:
    version = _user_version(connection)
    problems = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
    if problems != ["ok"]:
        raise Damaged("quick_check: " + "; ".join(map(str, problems)))
    if not 0 <= version <= SCHEMA_VERSION:
        raise Damaged(
            f"schema version {version}; this program reads versions up to "
            f"{SCHEMA_VERSION}"
        )
    if _schema_objects(connection) != _expected_schema_objects(version):
        raise Damaged(f"its tables are not those of a Simulasi TPS save of version {version}")
    bad = _first_bad_value(connection)
    if bad is not None:
        raise Damaged(
            f"{bad.table} {bad.row} {bad.column}: {bad.found}, expected {bad.expected}", bad
        )


#: numbers this program reads within bounds (a card's box indexes a table of intervals, a
#: day is a date's ordinal); every other integer column is only checked to be an integer
_RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("runs", "seed"): (0, 2**63 - 1),
    ("runs", "score"): (0, 100),
    ("runs", "checkpoint_seq"): (0, 2**31),
    ("quiz_answers", "millis"): (0, 10**9),
    ("actions", "seq"): (1, 2**31),
    ("quiz_cards", "box"): (0, 7),
    ("quiz_cards", "due"): (1, 3_652_059),
    ("quiz_cards", "last"): (1, 3_652_059),
    ("quiz_cards", "lapses"): (0, 10**9),
    ("quiz_cards", "seen"): (0, 10**9),
    ("quiz_exams", "correct"): (0, 10**6),
    ("quiz_exams", "total"): (0, 10**6),
    ("quiz_exams", "seconds"): (0, 10**8),
}
#: the longest text any column holds (a day's result); a longer one is not a save of ours
MAX_TEXT = 2_000_000


def _first_bad_value(connection: sqlite3.Connection) -> BadValue | None:
    """The first value of a type or size this program does not read: SQLite lets any column
    hold anything, and a hand-edited save could hold a picture where a name belongs."""
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite^_%' ESCAPE '^' ORDER BY name"
        )
    ]
    for table in tables:
        columns = list(connection.execute(f'PRAGMA table_info("{table}")'))
        keys = [column[1] for column in sorted(columns, key=lambda c: c[5]) if column[5]]
        key_sql = " || '/' || ".join(f'"{key}"' for key in keys) if keys else "rowid"
        for _, name, declared, not_null, _, _ in columns:
            kind = "integer" if "INT" in str(declared).upper() else "text"
            low, high = _RANGES.get((table, name), (-(2**63), 2**63 - 1))
            allowed = f"typeof(\"{name}\") = '{kind}'"
            if not not_null:
                allowed += f" OR \"{name}\" IS NULL"
            if kind == "integer":
                allowed = f"({allowed}) AND coalesce(\"{name}\" BETWEEN {low} AND {high}, 1)"
            else:
                allowed = f"({allowed}) AND coalesce(length(\"{name}\") <= {MAX_TEXT}, 1)"
            # Names come from the schema just checked to be this program's own.
            found = connection.execute(
                f'SELECT {key_sql}, typeof("{name}"), CASE typeof("{name}")'
                f" WHEN 'integer' THEN \"{name}\" ELSE NULL END"
                f' FROM "{table}" WHERE NOT ({allowed}) LIMIT 1'
            ).fetchone()
            if found is not None:
                row, type_found, number = found
                in_type = type_found == kind
                return BadValue(
                    table,
                    str(row)[:40],
                    name,
                    str(number) if in_type and number is not None else type_found,
                    f"{low}..{high}" if in_type and kind == "integer" else kind,
                )
    return None


def _configure(connection: sqlite3.Connection) -> None:
    mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        # Some network file systems cannot share WAL's memory index; FULL still makes every
        # commit durable in the rollback journal, only slower.
        logger.warning("save file kept journal mode %r instead of WAL", mode)
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")


def migrate(connection: sqlite3.Connection, up_to: int = len(MIGRATIONS)) -> None:
    while _user_version(connection) < up_to:
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another copy of the game may have just migrated.
            version = _user_version(connection)
            if version < up_to:
                for statement in MIGRATIONS[version]:
                    connection.execute(statement)
                # PRAGMA takes no bound parameters; the value is our own integer.
                connection.execute(f"PRAGMA user_version = {version + 1:d}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise


def _user_version(connection: sqlite3.Connection) -> int:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    return int(version)


def _schema_objects(connection: sqlite3.Connection) -> set[tuple[str, str, str, str | None]]:
    """Every table, index, view and trigger, with the SQL that made it (SQLite's own omitted).

    Comparing the SQL text is exact because every save's schema comes from the same migrations.
    """
    rows = connection.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master"
        " WHERE name NOT LIKE 'sqlite^_%' ESCAPE '^'"
    ).fetchall()
    return {tuple(row) for row in rows}


@cache
def _expected_schema_objects(version: int) -> frozenset[tuple[str, str, str, str | None]]:
    """The schema objects of a save of ``version``, built in memory by the same migrations."""
    connection = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(connection, up_to=version)
        return frozenset(_schema_objects(connection))
    finally:
        connection.close()


def _is_transient(error: sqlite3.Error) -> bool:
    """Whether the error says the file cannot be used now rather than that it is bad."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _TRANSIENT_CODES
    message = str(error).lower()
    return any(phrase in message for phrase in _TRANSIENT_PHRASES)


def set_aside(
    path: Path, detail: str, now_text: str, value: BadValue | None = None
) -> StoreNotice:
    """Rename the damaged file (and its companions) to a name no other file has."""
    moved_to = _free_damaged_name(path, _file_stamp(now_text))
    # Companions first: if a rename fails, a -wal must not stay behind to meet a fresh store.
    for suffix in _COMPANION_SUFFIXES:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(moved_to.with_name(moved_to.name + suffix))
    path.rename(moved_to)
    logger.warning("save file %s set aside as %s: %s", path, moved_to, detail)
    return StoreNotice(kind="damaged", moved_to=moved_to, detail=detail, value=value)


def _free_damaged_name(path: Path, stamp: str) -> Path:
    """``saves.damaged-<stamp>.db``, or ``…-<stamp>-2.db`` and so on if that name is taken."""
    attempt = 1
    while True:
        tail = "" if attempt == 1 else f"-{attempt}"
        candidate = path.with_name(f"{path.stem}.damaged-{stamp}{tail}{path.suffix}")
        taken = candidate.exists() or any(
            candidate.with_name(candidate.name + suffix).exists() for suffix in _COMPANION_SUFFIXES
        )
        if not taken:
            return candidate
        attempt += 1


def _file_stamp(now_text: str) -> str:
    """``20261123-101500`` from the clock's ISO text; the real time if the text is not ISO."""
    try:
        moment = datetime.fromisoformat(now_text)
    except ValueError:
        moment = datetime.now(timezone.utc)
    return moment.strftime("%Y%m%d-%H%M%S")
