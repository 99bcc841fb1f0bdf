"""Opening ``review.sqlite3``: versioned migrations, and a damaged or newer file set aside, never emptied.

The same care as the study log (:mod:`studyreader.study.log`): every migration
runs in one transaction with its ``user_version`` bump; a file that fails
``quick_check``, is not SQLite, or was written by a newer StudyReader is renamed
beside itself (with its ``-wal``/``-shm``) and reported; a file that is merely
locked or unreadable right now is refused with a message and left alone.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from studyreader import paths
from studyreader.errors import StudyReaderError

DB_FILENAME = "review.sqlite3"
SCHEMA_VERSION = 1

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE terms (
        term_id TEXT PRIMARY KEY,         -- glossary id: edits of the term keep its cards
        first_seen TEXT NOT NULL,         -- YYYY-MM-DD of the first dated entry mentioning it
        line INTEGER,                     -- 1-based line of that mention in the notes
        sentence TEXT NOT NULL DEFAULT '',-- the sentence of the notes around that mention
        notes_path TEXT,
        added_ts REAL NOT NULL,
        synced_ts REAL NOT NULL
    );
    CREATE TABLE cards (
        id INTEGER PRIMARY KEY,           -- also the fsrs card_id
        term_id TEXT NOT NULL REFERENCES terms(term_id),
        direction TEXT NOT NULL,          -- zh-en | en-zh | def-term
        state INTEGER NOT NULL DEFAULT 0, -- 0 new, else fsrs State (1 learning, 2 review, 3 relearning)
        fsrs TEXT,                        -- fsrs Card.to_dict() as JSON; NULL while new
        due_ts REAL,                      -- NULL while new
        introduced_day TEXT,              -- YYYY-MM-DD of its first grade
        suspended INTEGER NOT NULL DEFAULT 0,
        UNIQUE (term_id, direction)
    );
    CREATE INDEX cards_due ON cards(suspended, state, due_ts);
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        card_id INTEGER NOT NULL REFERENCES cards(id),
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        reviewed_ts REAL NOT NULL,
        day TEXT NOT NULL,                -- calendar day of the review in the notes' zone
        duration_ms INTEGER,
        before_state INTEGER NOT NULL,    -- what undo restores
        before_fsrs TEXT,
        before_due_ts REAL,
        before_introduced_day TEXT
    );
    CREATE INDEX reviews_by_day ON reviews(day);
    """,
}


class ReviewDatabaseError(StudyReaderError):
    """The review database cannot be used right now (locked, no permission)."""


def default_db_path() -> Path:
    return paths.data_dir() / DB_FILENAME


def open_database(path: Path, notices: list[str]) -> sqlite3.Connection:
    """A migrated connection to ``path``; problems that set the file aside are appended to ``notices``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        problem, reason, conn = _check(path)
        if problem is None and conn is not None:
            try:
                migrate(conn)
                _configure(conn)
                return conn
            except sqlite3.OperationalError as error:
                conn.close()
                raise ReviewDatabaseError(f"review database {path} cannot be upgraded now: {error}") from None
            except sqlite3.DatabaseError as error:
                problem, reason = f"could not be upgraded ({error})", "corrupt"
        if conn is not None:
            conn.close()
        aside = set_aside(path, reason)
        notices.append(f"review database {path} {problem}; it was moved to {aside} and a new, empty one was started")
    conn = _connect(path)
    migrate(conn)
    _configure(conn)
    return conn


def _check(path: Path) -> tuple[str | None, str, sqlite3.Connection | None]:
    conn = None
    try:
        conn = _connect(path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.OperationalError as error:
        # locked, busy, no permission: the file may be fine, so it is never set aside for this
        if conn is not None:
            conn.close()
        raise ReviewDatabaseError(f"review database {path} cannot be opened: {error}") from None
    except sqlite3.DatabaseError as error:
        return f"is not a readable SQLite database ({error})", "corrupt", conn
    if check != "ok":
        return f"is damaged ({check})", "corrupt", conn
    if version > SCHEMA_VERSION:
        problem = f"was written by a newer StudyReader (schema {version}, this version knows {SCHEMA_VERSION})"
        return problem, f"newer-v{version}", conn
    return None, "", conn


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=10.0, isolation_level="DEFERRED")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    # WAL lets `studyreader review status` read while the window writes; FULL keeps a grade through a power cut.
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError:
        pass
    conn.execute("PRAGMA synchronous = FULL")


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema up to :data:`SCHEMA_VERSION`, one transaction per step."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for target in sorted(MIGRATIONS):
        if target <= version:
            continue
        # executescript commits first; the version bump rides in the same script.
        conn.executescript(f"BEGIN;\n{MIGRATIONS[target]}\nPRAGMA user_version = {target};\nCOMMIT;")
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
