"""Opening a versioned SQLite database of the data folder: the study log and the review state share it.

One mechanism, so both files get the same care: every migration step runs in one
transaction together with its ``user_version`` bump (all or nothing); a file that
is not SQLite, fails ``quick_check`` or was written by a newer StudyReader is
renamed beside itself (with its ``-wal``/``-shm``) and reported, never emptied;
a file that is merely locked or unreadable right now is refused with a message
and left alone. No Qt here.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from studyreader.errors import StudyReaderError

# How long a connection waits for another process's lock before giving up.
BUSY_TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class Schema:
    """What a database is: its name in messages, its ordered migrations, the error it raises."""

    label: str  # "study log", "review database": the start of every message about the file
    migrations: Mapping[int, str]  # target user_version -> SQL script of that step
    error: type[StudyReaderError]
    started: str = "a new, empty one was started"  # what a notice says happened after setting aside

    @property
    def version(self) -> int:
        return max(self.migrations)


def connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS, isolation_level="DEFERRED")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def open_memory(schema: Schema) -> sqlite3.Connection:
    """A migrated database in memory (when the file cannot be used now, and for tests)."""
    conn = connect(":memory:")
    migrate(conn, schema.migrations)
    return conn


def open_database(path: Path, schema: Schema, notices: list[str]) -> sqlite3.Connection:
    """A migrated connection to ``path``; what set the file aside is appended to ``notices``.

    Raises ``schema.error`` when the file is locked or cannot be read or upgraded right now.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        problem, reason, conn = _check(path, schema)
        if problem is None and conn is not None:
            try:
                migrate(conn, schema.migrations)
                configure(conn)
                return conn
            except sqlite3.OperationalError as error:
                conn.close()
                raise schema.error(f"{schema.label} {path} cannot be upgraded now: {error}") from None
            except sqlite3.DatabaseError as error:
                problem, reason = f"could not be upgraded ({error})", "corrupt"
        if conn is not None:
            conn.close()
        aside = set_aside(path, reason)
        notices.append(f"{schema.label} {path} {problem}; it was moved to {aside} and {schema.started}")
    conn = connect(path)
    migrate(conn, schema.migrations)
    configure(conn)
    return conn


def _check(path: Path, schema: Schema) -> tuple[str | None, str, sqlite3.Connection | None]:
    """(problem, reason for the aside name, connection): problem None when the file can be used."""
    conn = None
    try:
        conn = connect(path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.OperationalError as error:
        # locked, busy, no permission: the file may be fine, so it is never set aside for this
        if conn is not None:
            conn.close()
        raise schema.error(f"{schema.label} {path} cannot be opened: {error}") from None
    except sqlite3.DatabaseError as error:
        return f"is not a readable SQLite database ({error})", "corrupt", conn
    if check != "ok":
        return f"is damaged ({check})", "corrupt", conn
    if version > schema.version:
        problem = f"was written by a newer StudyReader (schema {version}, this version knows {schema.version})"
        return problem, f"newer-v{version}", conn
    return None, "", conn


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
