"""The translation cache: SQLite in the platformdirs cache folder.

Keyed by the package's code and version and the exact sentence the model sees. A corrupt
database is deleted and rebuilt; a locked one is replaced by an in-memory cache for this
session. The cache is never a reason for a translation to fail.

It is kept from growing without end: each row remembers the day it was last written or read
(the notes' sentences are read back every time the file is opened), and opening the cache
drops the rows not used for :data:`KEEP_DAYS` — the half-typed sentences the editor's live
translation left behind, the sentences of entries since rewritten, those of a model since
upgraded.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from studyreader.errors import os_reason
from studyreader.messages import Message, message

log = logging.getLogger(__name__)

KEEP_DAYS = 90  # rows neither written nor read for this long are dropped when the cache opens
_SCHEMA_VERSION = 2
_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    package TEXT NOT NULL,
    version TEXT NOT NULL,
    source TEXT NOT NULL,
    translation TEXT NOT NULL,
    used INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (package, version, source)
) WITHOUT ROWID;
"""


def today() -> int:
    """Days since 1970-01-01 (UTC): the unit of ``used``."""
    return int(time.time() // 86400)


class TranslationCache:
    def __init__(self, path: Path | None, *, clock: Callable[[], int] = today) -> None:
        """``clock`` gives the day number (tests pass their own)."""
        self.path = path
        self.warning: Message | None = None  # str() is its English
        self.pruned = 0  # rows dropped when the cache was opened
        self._clock = clock
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    # -- connection ------------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        if self.path is None:
            self._db = self._memory()
            return self._db
        try:
            self._db = self._connect(self.path)
        except OSError as error:  # e.g. the cache folder cannot be created
            self.warning = message("cache.unusable", path=str(self.path), error=os_reason(error))
            log.warning(str(self.warning))
            self._db = self._memory()
        except sqlite3.DatabaseError as error:
            if _is_damaged(error):
                self._rebuild(error)
            else:
                self._use_memory(error)
        return self._db

    def _use_memory(self, error: Exception) -> None:
        """Go on with a temporary cache: the file is locked, read-only, on a full disk…"""
        if _is_locked(error):
            self.warning = message("cache.locked", path=str(self.path))
        else:
            self.warning = message("cache.unwritable", path=str(self.path), error=str(error))
        log.warning(str(self.warning))
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = self._memory()

    @staticmethod
    def _memory() -> sqlite3.Connection:
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.executescript(_SCHEMA)
        return db

    def _connect(self, path: Path) -> sqlite3.Connection:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(path), timeout=2.0, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the last write on power loss is fine
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == 1:  # before rows knew when they were used: count them as used today
                db.execute(f"ALTER TABLE translations ADD COLUMN used INTEGER NOT NULL DEFAULT {int(self._clock())}")
            elif version not in (0, _SCHEMA_VERSION):
                db.execute("DROP TABLE IF EXISTS translations")
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version={_SCHEMA_VERSION}")
            db.execute("SELECT count(*) FROM translations WHERE 0").fetchone()
            db.commit()
            self._prune(db)
        except BaseException:
            db.close()
            raise
        return db

    def _rebuild(self, error: Exception) -> None:
        """Delete a damaged database (and its journal files) and start an empty one."""
        self.warning = message("cache.rebuilt", path=str(self.path), error=str(error))
        log.warning(str(self.warning))
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None
        assert self.path is not None
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            self._db = self._connect(self.path)
        except (OSError, sqlite3.DatabaseError) as failure:  # a read-only folder: never fail a translation
            self._use_memory(failure)

    def _prune(self, db: sqlite3.Connection) -> None:
        """Drop the rows not used for KEEP_DAYS (once per opening; the space is reused)."""
        with db:
            self.pruned = db.execute("DELETE FROM translations WHERE used < ?", (self._clock() - KEEP_DAYS,)).rowcount

    # -- queries ---------------------------------------------------------------------------------
    def get_many(self, package: str, version: str, sources: Iterable[str]) -> dict[str, str]:
        """The cached translations of ``sources``; the rows found are marked as used today."""
        keys = list(dict.fromkeys(sources))
        found: dict[str, str] = {}
        if not keys:
            return found
        with self._lock:
            for _attempt in range(2):
                try:
                    db = self._open()
                    day = self._clock()
                    with db:
                        for i in range(0, len(keys), 500):
                            chunk = keys[i:i + 500]
                            marks = ",".join("?" * len(chunk))
                            where = f"package=? AND version=? AND source IN ({marks})"
                            found.update(db.execute(
                                f"SELECT source, translation FROM translations WHERE {where}",
                                (package, version, *chunk),
                            ))
                            # at most one write per row and day: reopening the notes the same evening
                            # writes nothing
                            db.execute(f"UPDATE translations SET used=? WHERE {where} AND used < ?",
                                       (day, package, version, *chunk, day))
                    return found
                except sqlite3.DatabaseError as error:
                    self._recover(error)
        return found

    def put_many(self, package: str, version: str, pairs: Mapping[str, str]) -> None:
        if not pairs:
            return
        with self._lock:
            day = self._clock()
            rows = [(package, version, s, t, day) for s, t in pairs.items()]
            for _attempt in range(2):
                try:
                    db = self._open()
                    with db:
                        db.executemany(
                            "INSERT OR REPLACE INTO translations (package, version, source, translation, used) "
                            "VALUES (?, ?, ?, ?, ?)",
                            rows,
                        )
                    return
                except sqlite3.DatabaseError as error:
                    self._recover(error)

    def _recover(self, error: sqlite3.DatabaseError) -> None:
        if _is_damaged(error):
            self._rebuild(error)
        else:
            self._use_memory(error)

    def clear(self) -> None:
        """Forget every cached translation (benchmarks; a user may also just delete the file)."""
        with self._lock:
            try:
                db = self._open()
                with db:
                    db.execute("DELETE FROM translations")
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # give the space back now
            except sqlite3.DatabaseError as error:
                self._recover(error)

    @property
    def changes(self) -> int:
        """Rows written through this cache's connection so far (opening it if needed)."""
        with self._lock:
            return self._open().total_changes

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


def _is_damaged(error: Exception) -> bool:
    """Only a corrupt file or one that is not a database is deleted and rebuilt; a locked,
    read-only or full one is left alone (it may be fine, and may not be ours to delete)."""
    code = getattr(error, "sqlite_errorcode", None)  # absent on errors the sqlite3 module raises itself
    if code is None:
        return "malformed" in str(error).lower() or "not a database" in str(error).lower()
    return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_ERROR)


def _is_locked(error: Exception) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text
