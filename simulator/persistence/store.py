"""The save store: profiles, settings, runs and each run's action log, in one SQLite file.

The file is ``saves.db`` in the user data folder (platformdirs, or ``$SIMULASI_TPS_DATA``).

Durability: the game appends every action the trainee takes as its own committed transaction,
so closing the window or a crash mid-day loses at most the action being written, and the next
start can offer to resume the day. WAL journalling keeps each commit a short append to the
``-wal`` file instead of rewriting pages in place, and ``synchronous=FULL`` makes SQLite flush
that append to disk before the commit returns — with the default (NORMAL) in WAL mode a power
cut could drop the last few commits even though the program had been told they were saved.

Distrust: a save file can be anything by the time it is opened — cut short by a full disk,
damaged on a USB stick, overwritten by another program, or handed over by a stranger. Opening
checks it before writing a single byte to it; a file that fails (not SQLite, corrupt, foreign
tables, a newer schema) is renamed aside — never overwritten, never deleted — a fresh store is
opened in its place, and :meth:`SaveStore.open` returns a :class:`StoreNotice` the game can
show. A file that merely cannot be used right now (locked by another running copy, a read-only
folder, a full disk) is left where it is and :class:`StoreError` is raised instead: moving a
healthy save aside would hide the trainee's progress.

Schema changes are numbered migrations recorded in ``PRAGMA user_version``.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import platformdirs

from simulator.persistence import savefile
from simulator.persistence.portable import DATA_FOLDER, portable_base
from simulator.persistence.savefile import (
    Damaged,
    StoreNotice,
    connect_checked,
    set_aside,
)
from simulator.schema.plan_tag import PlanTag, plan_columns

logger = logging.getLogger(__name__)

DATA_DIR_ENV = "SIMULASI_TPS_DATA"
APP_NAME = "simulasi-tps"
SAVE_FILE_NAME = "saves.db"

PROFILE_NAME_MAX = 40
MAX_ACTION_LINE = 10_000
MAX_SETTING_KEY = 100
MAX_SETTING_VALUE = 10_000
MAX_SCENARIO_ID = 200
MAX_SCENARIO_PATH = 4_096
MAX_SCENARIO_SHA256 = 128
MAX_DIGEST = 128
MAX_RESULT_JSON = 2_000_000  # a whole day's findings are well under 200 KB
RUN_MODES = ("latihan", "ujian")

# SQLite stores integers in at most 64 bits; larger Python ints would fail deep inside sqlite3.
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


def default_data_dir() -> Path:
    """The folder holding the save file: ``$SIMULASI_TPS_DATA`` if set; else, when the game
    runs portable (a packaged program, or a marker file beside it), ``data`` beside the
    program; else the platform's user data folder."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    base = portable_base()
    if base is not None:
        return base / DATA_FOLDER
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def utc_now() -> str:
    """The current time as ISO 8601 text in UTC, to the second: how every timestamp is stored."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def local_time(stamp: str, pattern: str = "%Y-%m-%d %H:%M") -> str:
    """A stored UTC timestamp in the laptop's local time, as ``pattern`` writes it."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime(pattern)
    except ValueError:
        return stamp[:16]  # a hand-edited save: show what is there


@dataclass(frozen=True, slots=True)
class Profile:
    """One trainee. ``created`` is ISO 8601 text."""

    id: int
    name: str
    created: str


@dataclass(frozen=True, slots=True)
class RunRecord:
    """One played (or being played) day; ``finished`` is None until the day ends."""

    id: int
    profile_id: int
    scenario_id: str
    scenario_path: str
    scenario_sha256: str
    seed: int
    mode: str  # "latihan" | "ujian"
    started: str
    finished: str | None
    score: int | None
    result_json: str | None  # the caller's JSON text (score per phase, findings)
    actions: int  # how many action lines are stored
    checkpoint_seq: int | None = None  # the action after which ...
    checkpoint_digest: str | None = None  # ... the day's state had this digest
    set_aside: str | None = None  # why it is no longer offered for resuming, if it is not
    plan: str | None = None  # the class plan it was a step of (simulator.schema.plan) ...
    plan_part: str | None = None  # ... and which part ("play"), if it was


_OPTIONAL_STR = (str, type(None))
_OPTIONAL_INT = (int, type(None))
# RunRecord's fields in order: the SQL that reads each, and the type SQLite must hand back.
_RUN_FIELDS: tuple[tuple[str, type | tuple[type, ...]], ...] = (
    ("id", int),
    ("profile_id", int),
    ("scenario_id", str),
    ("scenario_path", str),
    ("scenario_sha256", str),
    ("seed", int),
    ("mode", str),
    ("started", str),
    ("finished", _OPTIONAL_STR),
    ("score", _OPTIONAL_INT),
    ("result_json", _OPTIONAL_STR),
    ("(SELECT count(*) FROM actions WHERE actions.run_id = runs.id)", int),
    ("checkpoint_seq", _OPTIONAL_INT),
    ("checkpoint_digest", _OPTIONAL_STR),
    ("set_aside", _OPTIONAL_STR),
    ("plan", _OPTIONAL_STR),
    ("plan_part", _OPTIONAL_STR),
)
_RUN_COLUMNS = ", ".join(sql for sql, _ in _RUN_FIELDS)
_RUN_TYPES = tuple(kind for _, kind in _RUN_FIELDS)



class StoreError(Exception):
    """The save file could not be read or written: ``path`` says which, ``reason`` why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"the save file {str(path)!r} could not be used: {reason}")
        self.path = path
        self.reason = reason


#: what stopped a write, by the words SQLite (or the store) gave, most telling first
_PROBLEMS = (
    ("missing", ("no longer there", "not a regular file")),
    ("full", ("full",)),
    ("locked", ("locked", "busy")),
    ("read_only", ("readonly", "read-only", "permission")),
    ("unreachable", ("disk i/o", "unable to open", "no such")),
)


def problem_kind(error: Exception) -> str:
    """Why a write failed, as a message is chosen by: ``missing`` (the file was removed or
    replaced), ``full``, ``locked`` (another program holds it), ``read_only``,
    ``unreachable`` (the disk or stick went away), else ``other``."""
    if not isinstance(error, StoreError):
        return "other"
    reason = error.reason.lower()
    return next(
        (kind for kind, phrases in _PROBLEMS if any(phrase in reason for phrase in phrases)),
        "other",
    )


class ProfileNameError(ValueError):
    """A profile name was refused; ``code`` is what :meth:`SaveStore.profile_name_problem` says."""

    def __init__(self, name: str, code: str) -> None:
        super().__init__(f"profile name {name!r} refused: {code}")
        self.name = name
        self.code = code



class SaveStore:
    """The open save file. Build it with :meth:`open`; every write is committed on return."""

    SCHEMA_VERSION = savefile.SCHEMA_VERSION

    def __init__(self, connection: sqlite3.Connection, path: Path, now: Callable[[], str]) -> None:
        self._connection = connection
        self._path = path
        self._now = now
        # The file the connection writes to: a save removed or replaced while the game runs
        # would otherwise take every later action into a file no one will open again.
        self._identity = _identity(path)

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls, folder: Path | None = None, now: Callable[[], str] | None = None
    ) -> tuple[SaveStore, StoreNotice | None]:
        """Open (creating if needed) ``saves.db`` in ``folder``, the default data folder if None.

        A damaged or foreign file is set aside and a fresh store opened, with a notice saying
        where the old file went. Raises :class:`StoreError` only when no store can be opened at
        all (an unwritable folder, a file locked by another running copy).
        """
        clock = now or utc_now
        path = (folder if folder is not None else default_data_dir()) / SAVE_FILE_NAME
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                return cls(connect_checked(path), path, clock), None
            except Damaged as damage:
                notice = set_aside(path, str(damage), clock(), damage.value)
            return cls(connect_checked(path), path, clock), notice
        except (OSError, sqlite3.Error, Damaged) as error:
            raise StoreError(path, str(error)) from error

    @property
    def path(self) -> Path:
        """The save file."""
        return self._path

    def close(self) -> None:
        """Close the file; closing twice is harmless. The store cannot be used afterwards."""
        self._connection.close()

    # -- settings ------------------------------------------------------------------------

    def setting(
        self, key: str, default: str | None = None, profile_id: int | None = None
    ) -> str | None:
        """The stored value of ``key`` (global when ``profile_id`` is None), else ``default``.

        A profile's setting does not fall back to the global one; ask for both if wanted.
        """
        params: tuple[Any, ...]
        if profile_id is None:
            sql, params = "SELECT value FROM settings WHERE key = ?", (key,)
        else:
            sql = "SELECT value FROM profile_settings WHERE profile_id = ? AND key = ?"
            params = (profile_id, key)
        with self._guarded() as connection:
            row = connection.execute(sql, params).fetchone()
            return default if row is None else _checked(row, (str,))[0]

    def set_setting(self, key: str, value: str, profile_id: int | None = None) -> None:
        """Store ``value`` under ``key``, globally or for one profile (which must exist)."""
        _require_length(key, MAX_SETTING_KEY, "setting key")
        _require_length(value, MAX_SETTING_VALUE, "setting value")
        if profile_id is None:
            sql = (
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            )
            params: tuple[Any, ...] = (key, value)
        else:
            sql = (
                "INSERT INTO profile_settings (profile_id, key, value) VALUES (?, ?, ?)"
                " ON CONFLICT (profile_id, key) DO UPDATE SET value = excluded.value"
            )
            params = (profile_id, key, value)
        with self._guarded() as connection:
            connection.execute(sql, params)

    # -- profiles ------------------------------------------------------------------------

    def profiles(self) -> list[Profile]:
        """Every profile, ordered by name regardless of case."""
        with self._guarded() as connection:
            rows = connection.execute("SELECT id, name, created FROM profiles").fetchall()
            found = [Profile(*_checked(row, (int, str, str))) for row in rows]
        return sorted(found, key=lambda profile: (_name_key(profile.name), profile.id))

    def create_profile(self, name: str) -> Profile:
        """Add a profile named ``name`` (stripped); :class:`ProfileNameError` if it is refused."""
        cleaned = name.strip()
        created = self._now()
        with self._transaction() as connection:
            _require_free_name(connection, name, except_id=None)
            cursor = connection.execute(
                "INSERT INTO profiles (name, name_key, created) VALUES (?, ?, ?)",
                (cleaned, _name_key(cleaned), created),
            )
            return Profile(_row_id(cursor), cleaned, created)

    def rename_profile(self, profile_id: int, name: str) -> None:
        """Rename a profile; changing only the case of its own name is allowed.

        Raises :class:`ProfileNameError` for a refused name, ValueError for an unknown profile.
        """
        cleaned = name.strip()
        with self._transaction() as connection:
            _require_free_name(connection, name, except_id=profile_id)
            cursor = connection.execute(
                "UPDATE profiles SET name = ?, name_key = ? WHERE id = ?",
                (cleaned, _name_key(cleaned), profile_id),
            )
            if cursor.rowcount != 1:
                raise ValueError(f"no profile with id {profile_id!r}")

    def delete_profile(self, profile_id: int) -> None:
        """Delete a profile with its runs, their actions and its settings; unknown ids are ignored.

        Global settings that mention the profile (``last_profile``) are the caller's to update.
        """
        with self._guarded() as connection:
            connection.execute("DELETE FROM profiles WHERE id = ?", (profile_id,))

    @staticmethod
    def profile_name_problem(name: str, existing: Iterable[str]) -> str | None:
        """None if ``name`` may be used beside ``existing`` names, else a problem code.

        The codes are ``"empty"``, ``"too_long"`` (over 40 characters once stripped) and
        ``"taken"``. Names count as the same when they differ only by case, by runs of spaces,
        or by how their letters are encoded (full-width letters, combining accents).
        """
        cleaned = name.strip()
        if not cleaned:
            return "empty"
        if len(cleaned) > PROFILE_NAME_MAX:
            return "too_long"
        if _name_key(cleaned) in {_name_key(other) for other in existing}:
            return "taken"
        return None

    # -- runs ----------------------------------------------------------------------------

    def begin_run(
        self,
        profile_id: int,
        scenario_id: str,
        scenario_path: str,
        scenario_sha256: str,
        seed: int,
        mode: str,
        plan: PlanTag | None = None,
    ) -> int:
        """Record the start of a day for an existing profile (a step of ``plan``, if given)
        and return the run's id."""
        if mode not in RUN_MODES:
            raise ValueError(f"run mode {mode!r} is not one of {RUN_MODES}")
        _require_length(scenario_id, MAX_SCENARIO_ID, "scenario id")
        _require_length(scenario_path, MAX_SCENARIO_PATH, "scenario path")
        _require_length(scenario_sha256, MAX_SCENARIO_SHA256, "scenario sha256")
        _require_int64(seed, "seed")
        with self._guarded() as connection:
            cursor = connection.execute(
                "INSERT INTO runs (profile_id, scenario_id, scenario_path, scenario_sha256,"
                " seed, mode, started, plan, plan_part) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (profile_id, scenario_id, scenario_path, scenario_sha256, seed, mode, self._now(),
                 *plan_columns(plan)),
            )
            return _row_id(cursor)

    def append_action(self, run_id: int, line: str, seq: int | None = None) -> None:
        """Store the next action line of an unfinished run, committed before this returns.

        With ``seq`` (counted from 1) the line is stored only as that action of the run: never
        after a missing one (ValueError when the run holds another number of actions than
        ``seq - 1``). Storing the same line again as the same action does nothing (a write
        that reached the file although it reported a failure, then retried).

        ValueError for a line over 10,000 characters or a run that is unknown or finished.
        """
        _require_length(line, MAX_ACTION_LINE, "action line")
        if seq is not None:
            _require_int64(seq, "action number")
        # One statement, so numbering the line and storing it are one atomic transaction.
        with self._guarded() as connection:
            cursor = connection.execute(
                "INSERT OR IGNORE INTO actions (run_id, seq, line)"
                " SELECT id, (SELECT coalesce(max(seq), 0) + 1 FROM actions WHERE run_id = ?), ?"
                " FROM runs WHERE id = ? AND finished IS NULL"
                " AND (? IS NULL OR ? = (SELECT count(*) + 1 FROM actions WHERE run_id = ?))",
                (run_id, line, run_id, seq, seq, run_id),
            )
            if cursor.rowcount == 1:
                return
            stored = None
            if seq is not None:
                row = connection.execute(
                    "SELECT line FROM actions WHERE run_id = ? AND seq = ?", (run_id, seq)
                ).fetchone()
                stored = None if row is None else row[0]
        if not self._unfinished(run_id):
            raise ValueError(f"no unfinished run with id {run_id!r} to append to")
        if stored == line:
            return
        if stored is not None:
            raise ValueError(f"run {run_id!r} already holds another action {seq}")
        raise ValueError(f"action {seq} of run {run_id!r} would follow a missing one")

    def _unfinished(self, run_id: int) -> bool:
        with self._guarded() as connection:
            row = connection.execute(
                "SELECT 1 FROM runs WHERE id = ? AND finished IS NULL", (run_id,)
            ).fetchone()
            return row is not None

    def set_checkpoint(self, run_id: int, seq: int, digest: str) -> None:
        """Note the digest of the day's state after its action ``seq`` (stored already), for
        resuming to check the replayed day against. ValueError if the run is unknown or
        finished, or holds fewer actions."""
        _require_int64(seq, "action number")
        _require_length(digest, MAX_DIGEST, "digest")
        with self._guarded() as connection:
            cursor = connection.execute(
                "UPDATE runs SET checkpoint_seq = ?, checkpoint_digest = ?"
                " WHERE id = ? AND finished IS NULL"
                " AND ? <= (SELECT count(*) FROM actions WHERE run_id = ?)",
                (seq, digest, run_id, seq, run_id),
            )
            if cursor.rowcount != 1:
                raise ValueError(f"run {run_id!r} has no action {seq} to note a checkpoint at")

    def set_run_aside(self, run_id: int, reason: str) -> None:
        """No longer offer an unfinished run for resuming, saying why; it is kept, with every
        action, never deleted. A finished or unknown run is left as it is."""
        _require_length(reason, MAX_SETTING_KEY, "reason")
        with self._guarded() as connection:
            connection.execute(
                "UPDATE runs SET set_aside = ? WHERE id = ? AND finished IS NULL",
                (reason, run_id),
            )

    def run_actions(self, run_id: int) -> list[str]:
        """The run's action lines in the order they were appended; empty for an unknown run."""
        with self._guarded() as connection:
            rows = connection.execute(
                "SELECT line FROM actions WHERE run_id = ? ORDER BY seq", (run_id,)
            ).fetchall()
            return [_checked(row, (str,))[0] for row in rows]

    def finish_run(self, run_id: int, score: int, result_json: str) -> None:
        """Record the end of a day; ValueError if the run is unknown or already finished."""
        _require_int64(score, "score")
        _require_length(result_json, MAX_RESULT_JSON, "result JSON")
        with self._guarded() as connection:
            cursor = connection.execute(
                "UPDATE runs SET finished = ?, score = ?, result_json = ?"
                " WHERE id = ? AND finished IS NULL",
                (self._now(), score, result_json, run_id),
            )
            if cursor.rowcount != 1:
                raise ValueError(f"no unfinished run with id {run_id!r} to finish")

    def run(self, run_id: int) -> RunRecord | None:
        """The run with this id, or None."""
        found = self._select_runs("id = ?", (run_id,), "id")
        return found[0] if found else None

    def unfinished_runs(self, profile_id: int) -> list[RunRecord]:
        """The profile's days that were left mid-way, the most recently started first."""
        return self._select_runs(
            "profile_id = ? AND finished IS NULL AND set_aside IS NULL", (profile_id,), "id DESC"
        )

    def finished_runs(self, profile_id: int, scenario_id: str | None = None) -> list[RunRecord]:
        """The profile's finished days (of one scenario if given), the most recently ended first."""
        return self._select_runs(
            "profile_id = ? AND finished IS NOT NULL AND (? IS NULL OR scenario_id = ?)",
            (profile_id, scenario_id, scenario_id),
            "finished DESC, id DESC",
        )

    def best_scores(self, profile_id: int) -> dict[str, int]:
        """Scenario id → the profile's best score over finished runs of either mode."""
        with self._guarded() as connection:
            rows = connection.execute(
                "SELECT scenario_id, max(score) FROM runs"
                " WHERE profile_id = ? AND finished IS NOT NULL GROUP BY scenario_id",
                (profile_id,),
            ).fetchall()
            pairs = [_checked(row, (str, int)) for row in rows]
            return {scenario_id: score for scenario_id, score in pairs}

    # -- helpers -------------------------------------------------------------------------

    def _select_runs(self, where: str, params: Sequence[Any], order: str) -> list[RunRecord]:
        # ``where`` and ``order`` are always literals from this class; values go in ``params``.
        sql = f"SELECT {_RUN_COLUMNS} FROM runs WHERE {where} ORDER BY {order}"
        with self._guarded() as connection:
            rows = connection.execute(sql, tuple(params)).fetchall()
            return [RunRecord(*_checked(row, _RUN_TYPES)) for row in rows]

    @property
    def now(self) -> Callable[[], str]:
        """The clock the store stamps records with."""
        return self._now

    @contextmanager
    def guarded(self) -> Iterator[sqlite3.Connection]:
        """The connection, with sqlite3's errors translated (for the store's companion
        record classes, such as :class:`~simulator.persistence.quiz_records.QuizRecords`)."""
        with self._guarded() as connection:
            yield connection

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """As :meth:`guarded`, with every statement committed together or not at all."""
        with self._transaction() as connection:
            yield connection

    @contextmanager
    def _guarded(self) -> Iterator[sqlite3.Connection]:
        """Translate sqlite3's errors: a refused constraint is the caller's ValueError, a
        failing file a StoreError. Misuse (a closed store, a bad parameter type) passes as is."""
        if _identity(self._path) != self._identity:
            raise StoreError(self._path, "the save file is no longer there (moved or deleted)")
        try:
            yield self._connection
        except sqlite3.IntegrityError as error:
            raise ValueError(f"refused by the save file: {error}") from error
        except sqlite3.ProgrammingError:
            raise
        except sqlite3.DatabaseError as error:
            raise StoreError(self._path, str(error)) from error
        except UnicodeDecodeError as error:  # SQLite quoting damaged bytes in its message
            raise StoreError(self._path, f"damaged: {error}") from error

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """Several statements committed together, or none of them."""
        with self._guarded() as connection:
            # IMMEDIATE takes the write lock first, so a check and the write it guards cannot
            # be separated by another connection's write.
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                # SQLite rolls back by itself after some errors (a full disk); don't mask them.
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")


def _checked(row: Sequence[Any], types: Sequence[type | tuple[type, ...]]) -> tuple[Any, ...]:
    """The row as a tuple, after checking each value's type.

    SQLite lets any column hold any type, so a file someone edited by hand could hand back a
    blob where a name belongs; that is a damaged save, reported like one.
    """
    for value, expected in zip(row, types, strict=True):
        if not isinstance(value, expected):
            raise sqlite3.DatabaseError(f"unexpected value {value!r} in the save file")
    return tuple(row)


def _row_id(cursor: sqlite3.Cursor) -> int:
    if cursor.lastrowid is None:  # only after statements that insert nothing
        raise sqlite3.DatabaseError("the save file did not report the new row's id")
    return cursor.lastrowid


def _require_length(text: str, limit: int, what: str) -> None:
    if len(text) > limit:
        raise ValueError(f"{what} is {len(text)} characters long; at most {limit} are stored")


def _require_int64(number: int, what: str) -> None:
    if not _INT64_MIN <= number <= _INT64_MAX:
        raise ValueError(f"{what} {number!r} does not fit in 64 bits")


def _name_key(name: str) -> str:
    """What two profile names must share to count as the same name."""
    return unicodedata.normalize("NFKC", " ".join(name.split())).casefold()


def _require_free_name(connection: sqlite3.Connection, name: str, except_id: int | None) -> None:
    rows = connection.execute(
        "SELECT name FROM profiles WHERE id IS NOT ?", (except_id,)
    ).fetchall()
    others = [_checked(row, (str,))[0] for row in rows]
    problem = SaveStore.profile_name_problem(name, others)
    if problem is not None:
        raise ProfileNameError(name, problem)


def _identity(path: Path) -> tuple[int, int] | None:
    """The device and inode of the file at ``path``; None when there is none."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino
