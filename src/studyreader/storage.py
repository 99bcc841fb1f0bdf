"""Opening a versioned SQLite database of the data folder: the study log and the review state share it.

One mechanism, so both files get the same care: every migration step runs in one
transaction together with its ``user_version`` bump (all or nothing); a file that
is not SQLite, fails ``quick_check``, lacks the tables of the version it claims or
was written by a newer StudyReader is renamed beside itself (with its ``-wal``/``-shm``) and
reported, never emptied; a file that is merely locked, read-only or on a full disk
right now is refused with a message in words and left alone. No Qt here.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from studyreader.errors import StudyReaderError, os_reason
from studyreader.messages import Message, message

# How long a connection waits for another process's lock before giving up (the default).
BUSY_TIMEOUT_SECONDS = 10.0
# Less free space than this makes an I/O error read as "the disk is full" (a WAL index that cannot grow).
_FULL_BELOW_BYTES = 64 * 1024


@dataclass(frozen=True)
class Schema:
    """What a database is: its name in messages, its ordered migrations, the error it raises, its tables."""

    label: str | Message  # "study log", "review database": the start of every message about the file
    migrations: Mapping[int, str]  # target user_version -> SQL script of that step
    error: type[StudyReaderError]
    started: str | Message = field(default_factory=lambda: message("db.started"))  # after setting aside

    @property
    def version(self) -> int:
        return max(self.migrations)

    def tables_at(self, version: int) -> set[str]:
        """The tables a file of ``version`` has: what the steps up to it create (worked out in memory)."""
        conn = sqlite3.connect(":memory:")
        try:
            migrate(conn, {v: sql for v, sql in self.migrations.items() if v <= version})
            return _table_names(conn)
        finally:
            conn.close()


def sqlite_reason(error: sqlite3.Error, path: Path) -> Message | str:
    """What an SQLite failure means for the user, in words (never a traceback)."""
    # sqlite_errorcode is absent on errors the sqlite3 module raises itself (closed connection...)
    code = getattr(error, "sqlite_errorcode", None) or 0
    primary = code & 0xFF
    if primary in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN) and disk_full(path):
        return message("reason.disk_full")  # a full disk often shows as an I/O error (the WAL index cannot grow)
    locked = message("db.locked")
    reasons = {
        sqlite3.SQLITE_BUSY: locked,
        sqlite3.SQLITE_LOCKED: locked,
        sqlite3.SQLITE_FULL: message("reason.disk_full"),
        sqlite3.SQLITE_READONLY: message("db.read_only"),
        sqlite3.SQLITE_CANTOPEN: message("db.cannot_open_file"),
        sqlite3.SQLITE_IOERR: message("db.io_error"),
        sqlite3.SQLITE_PERM: message("reason.permission"),
    }
    return reasons.get(primary, str(error))


def disk_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < _FULL_BELOW_BYTES
    except OSError:
        return False


class Reported:
    """Around one operation on an open database: an SQLite error becomes ``schema.error`` saying
    what could not be done and why (the operation's transaction was rolled back)."""

    def __init__(self, schema: Schema, path: Path, action: Message) -> None:
        self.schema, self.path, self.action = schema, path, action

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, traceback) -> bool:
        if isinstance(error, sqlite3.Error):
            raise self.schema.error(message(
                "db.failed", what=self.schema.label, path=str(self.path), action=self.action,
                reason=sqlite_reason(error, self.path),
            )) from None
        return False


def connect(path: Path | str, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=busy_timeout, isolation_level="DEFERRED")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def open_memory(schema: Schema) -> sqlite3.Connection:
    """A migrated database in memory (when the file cannot be used now, and for tests)."""
    conn = connect(":memory:")
    migrate(conn, schema.migrations)
    return conn


def open_database(
    path: Path, schema: Schema, notices: list[Message], *, busy_timeout: float = BUSY_TIMEOUT_SECONDS
) -> sqlite3.Connection:
    """A migrated connection to ``path``; what set the file aside is appended to ``notices``.

    ``busy_timeout`` is how long to wait for another program's lock. Raises ``schema.error``
    when the folder cannot be made or the file is locked, read-only or cannot be written now.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise schema.error(message("db.folder_not_made", what=schema.label, folder=str(path.parent),
                                   reason=os_reason(error))) from None
    if path.exists():
        conn = _usable(path, schema, notices, busy_timeout)
        if conn is not None:
            return conn
    conn = None
    try:
        conn = connect(path, busy_timeout)
        migrate(conn, schema.migrations)
        configure(conn)
    except sqlite3.Error as error:
        _close_quietly(conn)
        raise schema.error(message("db.cannot_create", what=schema.label, path=str(path),
                                   reason=sqlite_reason(error, path))) from None
    return conn


def _usable(path: Path, schema: Schema, notices: list[Message], busy_timeout: float) -> sqlite3.Connection | None:
    """The existing file migrated and ready, or None once it has been set aside (and reported)."""
    problem, reason, conn = _check(path, schema, busy_timeout)
    if problem is None and conn is not None:
        try:
            # a file that says it is of version N but lacks N's tables is another program's: never upgraded
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            missing = schema.tables_at(version) - _table_names(conn)
            if not missing:
                migrate(conn, schema.migrations)
                configure(conn)
                return conn
            problem = message("db.no_tables", what=schema.label, tables=", ".join(sorted(missing)))
            reason = "no-tables"
        except sqlite3.OperationalError as error:
            _close_quietly(conn)
            raise schema.error(message("db.cannot_upgrade", what=schema.label, path=str(path),
                                       reason=sqlite_reason(error, path))) from None
        except sqlite3.DatabaseError as error:
            problem, reason = message("db.upgrade_failed", error=str(error)), "corrupt"
    _close_quietly(conn)
    try:
        aside = set_aside(path, reason)
    except OSError as error:
        raise schema.error(message("db.stuck", what=schema.label, path=str(path), problem=problem,
                                   reason=os_reason(error))) from None
    notices.append(message("db.set_aside", what=schema.label, path=str(path), problem=problem, aside=str(aside),
                           started=schema.started))
    return None


def _check(path: Path, schema: Schema, busy_timeout: float) -> tuple[Message | None, str, sqlite3.Connection | None]:
    """(problem, reason for the aside name, connection): problem None when the file can be used."""
    conn = None
    try:
        conn = connect(path, busy_timeout)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.OperationalError as error:
        # locked, busy, no permission, full disk: the file may be fine, so it is never set aside for this
        _close_quietly(conn)
        raise schema.error(message("db.cannot_open", what=schema.label, path=str(path),
                                   reason=sqlite_reason(error, path))) from None
    except sqlite3.DatabaseError as error:
        return message("db.not_sqlite", error=str(error)), "corrupt", conn
    if check != "ok":
        return message("db.damaged", check=check), "corrupt", conn
    if version > schema.version:
        problem = message("db.newer", version=version, known=schema.version)
        return problem, f"newer-v{version}", conn
    return None, "", conn


def _table_names(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _close_quietly(conn: sqlite3.Connection | None) -> None:
    if conn is not None:
        try:
            conn.close()
        except sqlite3.Error:
            pass


def configure(conn: sqlite3.Connection) -> None:
    # WAL lets the command line read while the window writes; FULL keeps a commit through a power cut.
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError:
        pass
    conn.execute("PRAGMA synchronous = FULL")


def migrate(conn: sqlite3.Connection, migrations: Mapping[int, str]) -> None:
    """Bring the schema up to the newest step, one transaction per step."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for target in sorted(migrations):
        if target <= version:
            continue
        # executescript commits first; the version bump rides in the same script.
        conn.executescript(f"BEGIN;\n{migrations[target]}\nPRAGMA user_version = {target};\nCOMMIT;")
        version = target


def set_aside(path: Path, reason: str) -> Path:
    """Rename ``path`` (and its WAL files) to ``NAME.REASON-STAMP``; returns the new name."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.{reason}-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.{reason}-{stamp}-{n}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    return aside
