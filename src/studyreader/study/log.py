"""The study log: every session and manual entry, in SQLite in the data dir.

A running session is written when it starts and checkpointed while it runs
(see :mod:`studyreader.study.recorder`), each checkpoint adding a *slice*: a
wall-clock interval and the studied seconds in it. Days are worked out from the
slices at query time in whatever time zone the notes file names, so a session
across midnight is split between the two days (to within one checkpoint), and
the answer follows the zone even if the file's ``timezone:`` changes later.

Opening the log closes sessions left unfinished by a crash at their last
checkpoint. A database that is corrupt or written by a newer StudyReader is
renamed aside and reported in :attr:`StudyLog.notices`, never overwritten.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path

from studyreader import paths
from studyreader.errors import StudyReaderError
from studyreader.study.stats import MAX_DAY_MINUTES, split_interval

LOG_FILENAME = "study.sqlite3"
SCHEMA_VERSION = 1
# A session whose process cannot be checked (other host, Windows) is taken as
# dead once its heartbeat is this old; live sessions heartbeat every checkpoint.
DEFAULT_STALE_SECONDS = 300.0

_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        notes_path TEXT,
        tz_name TEXT NOT NULL DEFAULT '',
        start_ts REAL NOT NULL,
        end_ts REAL,                      -- NULL while the session runs
        checkpoint_ts REAL NOT NULL,      -- last heartbeat of the running session
        active_seconds REAL NOT NULL DEFAULT 0,
        recovered INTEGER NOT NULL DEFAULT 0,
        pid INTEGER,
        host TEXT
    );
    CREATE TABLE slices (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        start_ts REAL NOT NULL,
        end_ts REAL NOT NULL,
        seconds REAL NOT NULL CHECK (seconds >= 0)
    );
    CREATE INDEX slices_by_end ON slices(end_ts);
    CREATE INDEX sessions_open ON sessions(end_ts);
    CREATE TABLE manual (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,                -- YYYY-MM-DD, a calendar day of the notes' zone
        minutes INTEGER NOT NULL CHECK (minutes > 0),
        note TEXT,
        notes_path TEXT,
        created_ts REAL NOT NULL
    );
    CREATE INDEX manual_by_day ON manual(day);
    """,
}


class StudyLogError(StudyReaderError):
    """A refused manual entry or an unusable log file."""


_EXPECTED_TABLES = {"sessions", "slices", "manual"}


def _sqlite_reason(error: sqlite3.Error, path: Path) -> str:
    """What an SQLite failure means for the user, in words (never a traceback)."""
    code = getattr(error, "sqlite_errorcode", None) or 0  # absent on errors raised by the sqlite3 module itself
    primary = code & 0xFF
    if primary in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN) and _disk_full(path):
        return "the disk is full"  # a full disk often shows as an I/O error (the WAL index cannot grow)
    reasons = {
        sqlite3.SQLITE_BUSY: "it is locked by another program (another StudyReader?); try again in a moment",
        sqlite3.SQLITE_LOCKED: "it is locked by another program (another StudyReader?); try again in a moment",
        sqlite3.SQLITE_FULL: "the disk is full",
        sqlite3.SQLITE_READONLY: "it is read-only",
        sqlite3.SQLITE_CANTOPEN: "the file cannot be opened",
        sqlite3.SQLITE_IOERR: "the disk reported an input/output error",
        sqlite3.SQLITE_PERM: "permission denied",
    }
    return reasons.get(primary, str(error))


def _disk_full(path: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


class _Reported:
    """Turns an SQLite error inside a log operation into a :class:`StudyLogError` that says what happened."""

    def __init__(self, path: Path, action: str) -> None:
        self.path, self.action = path, action

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, traceback) -> bool:
        if isinstance(error, sqlite3.Error):
            raise StudyLogError(
                f"study log {self.path}: could not {self.action}: "
                f"{_sqlite_reason(error, self.path)}; nothing was changed"
            ) from None
        return False


@dataclass(frozen=True)
class ManualEntry:
    id: int
    day: date
    minutes: int
    note: str | None
    day_total_minutes: int  # the day's minutes including this entry


@dataclass(frozen=True)
class SessionRow:
    id: int
    notes_path: str | None
    start_ts: float
    end_ts: float | None
    active_seconds: float
    recovered: bool


def default_log_path() -> Path:
    return paths.data_dir() / LOG_FILENAME


def _pid_alive(pid: int) -> bool | None:
    """True/False when it can be told, None when not (Windows: os.kill would terminate)."""
    if sys.platform == "win32":
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return None
    return True


class StudyLog:
    """The log database. Open with :meth:`open`; one object per process is plenty."""

    def __init__(self, conn: sqlite3.Connection, path: Path, notices: list[str]) -> None:
        self._conn = conn
        self.path = path
        self.notices = notices
        self.recovered: list[int] = []

    # -- opening -----------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str] | None = None,
        *,
        stale_seconds: float = DEFAULT_STALE_SECONDS,
        now: float | None = None,
        busy_timeout: float = 10.0,
    ) -> StudyLog:
        """Open (or create) the log; ``busy_timeout`` is how long a write waits for another writer's lock."""
        target = Path(path) if path is not None else default_log_path()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StudyLogError(f"study log folder {target.parent} cannot be made: {error.strerror or error}") from None
        notices: list[str] = []
        conn = _connect_checked(target, notices, busy_timeout)
        log = cls(conn, target, notices)
        log.recover(stale_seconds=stale_seconds, now=now)
        return log

    @classmethod
    def open_or_memory(cls, path: str | os.PathLike[str] | None = None) -> StudyLog:
        """:meth:`open`, or — when the file cannot be used right now — a log in memory.

        For the window: the timer keeps working and says that this session will
        not be kept, instead of failing to start.
        """
        try:
            return cls.open(path)
        except StudyLogError as error:
            log = cls.open(":memory:")
            log.notices.append(f"{error}; study time is kept in memory only until the app closes")
            return log

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> StudyLog:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- sessions ----------------------------------------------------------
    def begin_session(self, notes_path: str | os.PathLike[str] | None, tz_name: str, start_ts: float) -> int:
        with _Reported(self.path, "start the session"), self._conn:
            cursor = self._conn.execute(
                "INSERT INTO sessions (notes_path, tz_name, start_ts, checkpoint_ts, pid, host)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (_path_text(notes_path), tz_name or "", start_ts, start_ts, os.getpid(), socket.gethostname()),
            )
        return int(cursor.lastrowid)

    def checkpoint(self, session_id: int, now_ts: float, active_seconds: float, slice_start_ts: float) -> None:
        """Record the studied seconds since the last checkpoint as one slice [slice_start, now]."""
        with _Reported(self.path, "record the session"), self._conn:
            self._checkpoint(session_id, now_ts, active_seconds, slice_start_ts)

    def _checkpoint(self, session_id: int, now_ts: float, active_seconds: float, slice_start_ts: float) -> None:
        row = self._conn.execute(
            "SELECT active_seconds, end_ts FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        if row is None:
            raise StudyLogError(f"study log {self.path}: session {session_id} does not exist")
        recorded, end_ts = row
        if end_ts is not None:
            raise StudyLogError(f"study log {self.path}: session {session_id} is already closed")
        delta = active_seconds - recorded
        if delta > 0:
            self._conn.execute(
                "INSERT INTO slices (session_id, start_ts, end_ts, seconds) VALUES (?, ?, ?, ?)",
                (session_id, min(slice_start_ts, now_ts), now_ts, delta),
            )
        self._conn.execute(
            "UPDATE sessions SET checkpoint_ts = ?, active_seconds = MAX(active_seconds, ?) WHERE id = ?",
            (now_ts, active_seconds, session_id),
        )

    def finish_session(self, session_id: int, end_ts: float, active_seconds: float, slice_start_ts: float) -> None:
        with _Reported(self.path, "end the session"), self._conn:
            self._checkpoint(session_id, end_ts, active_seconds, slice_start_ts)
            self._conn.execute("UPDATE sessions SET end_ts = ? WHERE id = ?", (end_ts, session_id))

    def recover(self, *, stale_seconds: float = DEFAULT_STALE_SECONDS, now: float | None = None) -> list[int]:
        """Close sessions whose process died, at their last checkpoint. Returns their ids."""
        now = time.time() if now is None else now
        host = socket.gethostname()
        closed: list[int] = []
        with _Reported(self.path, "close unfinished sessions"), self._conn:
            rows = self._conn.execute(
                "SELECT id, checkpoint_ts, pid, host FROM sessions WHERE end_ts IS NULL"
            ).fetchall()
            for session_id, checkpoint_ts, pid, session_host in rows:
                # A process on this machine that still runs owns its session, however old the
                # heartbeat (a laptop waking from sleep); otherwise an old heartbeat means dead.
                alive: bool | None = None
                if session_host == host and pid is not None:
                    alive = True if pid == os.getpid() else _pid_alive(pid)
                dead = (now - checkpoint_ts > stale_seconds) if alive is None else not alive
                if dead:
                    self._conn.execute(
                        "UPDATE sessions SET end_ts = checkpoint_ts, recovered = 1 WHERE id = ?", (session_id,)
                    )
                    closed.append(session_id)
        if closed:
            self.recovered.extend(closed)
        return closed

    def session(self, session_id: int) -> SessionRow | None:
        row = self._conn.execute(
            "SELECT id, notes_path, start_ts, end_ts, active_seconds, recovered FROM sessions WHERE id = ?",
            (session_id,),
        ).fetchone()
        return SessionRow(row[0], row[1], row[2], row[3], row[4], bool(row[5])) if row else None

    def sessions(self) -> list[SessionRow]:
        rows = self._conn.execute(
            "SELECT id, notes_path, start_ts, end_ts, active_seconds, recovered FROM sessions ORDER BY start_ts"
        ).fetchall()
        return [SessionRow(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in rows]

    # -- manual entries ----------------------------------------------------
    def add_manual(
        self,
        day: date,
        minutes: int,
        *,
        tz: tzinfo,
        note: str | None = None,
        notes_path: str | os.PathLike[str] | None = None,
        today: date | None = None,
    ) -> ManualEntry:
        """Log study done away from the computer; refuses what cannot be true."""
        if today is None:
            today = datetime.now(tz).date()
        if isinstance(minutes, bool) or not isinstance(minutes, int):
            raise StudyLogError(f"minutes must be a whole number, not {minutes!r}")
        if minutes <= 0:
            raise StudyLogError(f"minutes must be positive, not {minutes}")
        if minutes > MAX_DAY_MINUTES:
            raise StudyLogError(f"{minutes} minutes is more than a day ({MAX_DAY_MINUTES} minutes)")
        if day > today:
            raise StudyLogError(f"{day.isoformat()} is in the future (today is {today.isoformat()})")
        existing = int(self.day_seconds(tz, day, day).get(day, 0) // 60)
        if existing + minutes > MAX_DAY_MINUTES:
            raise StudyLogError(
                f"{day.isoformat()} already has {existing} minutes logged; adding {minutes} would make "
                f"more than 24 hours in one day"
            )
        with _Reported(self.path, f"log {minutes} minutes on {day.isoformat()}"), self._conn:
            cursor = self._conn.execute(
                "INSERT INTO manual (day, minutes, note, notes_path, created_ts) VALUES (?, ?, ?, ?, ?)",
                (day.isoformat(), minutes, note or None, _path_text(notes_path), time.time()),
            )
        return ManualEntry(int(cursor.lastrowid), day, minutes, note or None, existing + minutes)

    # -- queries -----------------------------------------------------------
    def day_seconds(self, tz: tzinfo, start: date, end: date) -> dict[date, float]:
        """Studied seconds per calendar day of ``tz`` from ``start`` to ``end`` inclusive (days with none left out)."""
        with _Reported(self.path, "read the logged time"):
            return self._day_seconds(tz, start, end)

    def _day_seconds(self, tz: tzinfo, start: date, end: date) -> dict[date, float]:
        lo = _midnight_ts(start, tz)
        hi = _midnight_ts(end + timedelta(days=1), tz)
        totals: dict[date, float] = {}
        for s_start, s_end, seconds in self._conn.execute(
            "SELECT start_ts, end_ts, seconds FROM slices WHERE end_ts >= ? AND start_ts < ?", (lo, hi)
        ):
            for day, part in split_interval(s_start, s_end, seconds, tz).items():
                if start <= day <= end:
                    totals[day] = totals.get(day, 0.0) + part
        for day_text, minutes in self._conn.execute(
            "SELECT day, SUM(minutes) FROM manual WHERE day >= ? AND day <= ? GROUP BY day",
            (start.isoformat(), end.isoformat()),
        ):
            day = date.fromisoformat(day_text)
            totals[day] = totals.get(day, 0.0) + minutes * 60.0
        return totals

    def first_day(self, tz: tzinfo) -> date | None:
        """The earliest day with anything logged (for all-time statistics)."""
        with _Reported(self.path, "read the logged time"):
            return self._first_day(tz)

    def _first_day(self, tz: tzinfo) -> date | None:
        candidates: list[date] = []
        row = self._conn.execute("SELECT MIN(start_ts) FROM slices").fetchone()
        if row and row[0] is not None:
            candidates.append(datetime.fromtimestamp(row[0], tz).date())
        row = self._conn.execute("SELECT MIN(day) FROM manual").fetchone()
        if row and row[0] is not None:
            candidates.append(date.fromisoformat(row[0]))
        return min(candidates) if candidates else None

    def studied_on(self, day: date, tz: tzinfo) -> bool:
        """Whether any session touched ``day`` (running ones too) or a manual entry names it."""
        lo = _midnight_ts(day, tz)
        hi = _midnight_ts(day + timedelta(days=1), tz)
        row = self._conn.execute(
            "SELECT 1 FROM sessions WHERE start_ts < ? AND COALESCE(end_ts, checkpoint_ts) >= ? LIMIT 1",
            (hi, lo),
        ).fetchone()
        if row:
            return True
        row = self._conn.execute("SELECT 1 FROM manual WHERE day = ? LIMIT 1", (day.isoformat(),)).fetchone()
        return row is not None


# -- opening, migrating, setting aside ------------------------------------------
def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=10.0, isolation_level="DEFERRED")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _connect_checked(path: Path, notices: list[str], busy_timeout: float = 10.0) -> sqlite3.Connection:
    problem: str | None = None
    reason = ""
    if path.exists():
        conn = None
        try:
            conn = _connect(path)
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                problem, reason = f"is damaged ({check})", "corrupt"
            elif version > SCHEMA_VERSION:
                problem = (
                    f"was written by a newer StudyReader (schema {version}, this version knows {SCHEMA_VERSION})"
                )
                reason = f"newer-v{version}"
        except sqlite3.OperationalError as error:
            # locked, busy, no permission: the file may be fine, so never set it aside for this
            _close_quietly(conn)
            raise StudyLogError(
                f"study log {path} cannot be opened: {_sqlite_reason(error, path)}; nothing was changed"
            ) from None
        except sqlite3.DatabaseError as error:
            problem, reason = f"is not a readable SQLite database ({error})", "corrupt"
        if problem is None and conn is not None:
            try:
                _migrate(conn, path)
                missing = _missing_tables(conn)
                if not missing:
                    _configure(conn)
                    return conn
                problem = f"is an SQLite database without the study log's tables ({', '.join(sorted(missing))})"
                reason = "no-tables"
            except sqlite3.OperationalError as error:
                _close_quietly(conn)
                raise StudyLogError(
                    f"study log {path} cannot be upgraded now: {_sqlite_reason(error, path)}; nothing was changed"
                ) from None
            except sqlite3.DatabaseError as error:
                problem, reason = f"could not be upgraded ({error})", "corrupt"
        if conn is not None:
            conn.close()
        aside = _set_aside(path, reason)
        notices.append(
            f"study log {path} {problem}; it was moved to {aside} and a new, empty log was started"
        )
    conn = None
    try:
        conn = _connect(path)
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        _migrate(conn, path)
        _configure(conn)
    except sqlite3.Error as error:
        _close_quietly(conn)
        raise StudyLogError(f"study log {path} cannot be created: {_sqlite_reason(error, path)}") from None
    return conn


def _missing_tables(conn: sqlite3.Connection) -> set[str]:
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return _EXPECTED_TABLES - names


def _close_quietly(conn: sqlite3.Connection | None) -> None:
    if conn is not None:
        try:
            conn.close()
        except sqlite3.Error:
            pass


def _configure(conn: sqlite3.Connection) -> None:
    # WAL lets `studyreader stats` read while the window writes; FULL makes
    # every checkpoint survive a power cut, not just a crash.
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError:
        pass
    conn.execute("PRAGMA synchronous = FULL")


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for target in sorted(_MIGRATIONS):
        if target <= version:
            continue
        # executescript commits first; the version bump rides in the same script.
        conn.executescript(f"BEGIN;\n{_MIGRATIONS[target]}\nPRAGMA user_version = {target};\nCOMMIT;")
        version = target


def _set_aside(path: Path, reason: str) -> Path:
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


def _midnight_ts(day: date, tz: tzinfo) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=tz).timestamp()


def _path_text(path: str | os.PathLike[str] | None) -> str | None:
    if path is None or path == "":
        return None
    return str(Path(path).expanduser().resolve())
