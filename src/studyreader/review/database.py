"""``review.sqlite3``: its schema, opened through :mod:`studyreader.storage` like the study log.

Every migration runs in one transaction with its ``user_version`` bump; a damaged
or newer file, or one without these tables, is set aside and reported, never
emptied; a locked one, or one on a full disk, is refused with a message in words.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from studyreader import paths, storage
from studyreader.errors import StudyReaderError
from studyreader.messages import Message, message

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


SCHEMA = storage.Schema(message("db.review_database"), MIGRATIONS, ReviewDatabaseError)


def default_db_path() -> Path:
    return paths.data_dir() / DB_FILENAME


def open_database(
    path: Path, notices: list[Message], *, busy_timeout: float = storage.BUSY_TIMEOUT_SECONDS
) -> sqlite3.Connection:
    """A migrated connection to ``path``; problems that set the file aside are appended to ``notices``."""
    return storage.open_database(path, SCHEMA, notices, busy_timeout=busy_timeout)


def reported(path: Path, action: Message) -> storage.Reported:
    """Around a store operation: an SQLite failure (locked, full disk) becomes a ReviewDatabaseError in words."""
    return storage.Reported(SCHEMA, path, action)


def open_memory() -> sqlite3.Connection:
    return storage.open_memory(SCHEMA)
