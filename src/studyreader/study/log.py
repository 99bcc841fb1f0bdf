"""The study log: every session and manual entry, in SQLite in the data dir.

A running session is written when it starts and checkpointed while it runs
(see :mod:`studyreader.study.recorder`), each checkpoint adding a *slice*: a
wall-clock interval and the studied seconds in it. Days are worked out from the
slices at query time in whatever time zone the notes file names, so a session
across midnight is split between the two days (to within one checkpoint), and
the answer follows the zone even if the file's ``timezone:`` changes later.

Opening the log closes sessions left unfinished by a crash at their last
checkpoint. The file is opened through :mod:`studyreader.storage`: one that is
corrupt, lacks the log's tables or was written by a newer StudyReader is renamed
aside and reported in :attr:`StudyLog.notices`, never overwritten; a locked one,
or a full disk, gives a :class:`StudyLogError` in words, here and around every
write, with nothing changed.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from studyreader import paths, storage
from studyreader.errors import StudyReaderError
from studyreader.messages import Message, message
from studyreader.study.stats import MAX_DAY_MINUTES, split_interval

LOG_FILENAME = "study.sqlite3"
SCHEMA_VERSION = 2
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
    # A session's kind: "study" (the timer) or "review" (the term review dialog); both count as study time.
    2: """
    ALTER TABLE sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'study';
    """,
}


class StudyLogError(StudyReaderError):
    """A refused manual entry or an unusable log file."""


SCHEMA = storage.Schema(message("db.study_log"), _MIGRATIONS, StudyLogError, started=message("db.log_started"))
SESSION_KINDS = ("study", "review")


def _reported(path: Path, action: Message) -> storage.Reported:
    """Around a log operation: an SQLite failure (locked, full disk) becomes a StudyLogError in words."""
    return storage.Reported(SCHEMA, path, action)


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
    kind: str = "study"  # "study" (the timer) or "review" (the review dialog)


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

    def __init__(self, conn: sqlite3.Connection, path: Path, notices: list[Message]) -> None:
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
        busy_timeout: float = storage.BUSY_TIMEOUT_SECONDS,
    ) -> StudyLog:
        """Open (or create) the log; ``busy_timeout`` is how long a write waits for another writer's lock."""
        target = Path(path) if path is not None else default_log_path()
        notices: list[Message] = []
        if str(target) == ":memory:":
            conn = storage.open_memory(SCHEMA)
        else:
            conn = storage.open_database(target, SCHEMA, notices, busy_timeout=busy_timeout)
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
            log.notices.append(message("study.in_memory", error=error.message or str(error)))
            return log

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> StudyLog:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- sessions ----------------------------------------------------------
    def begin_session(
        self, notes_path: str | os.PathLike[str] | None, tz_name: str, start_ts: float, *, kind: str = "study"
    ) -> int:
        """A running session; ``kind`` is "study" (the timer) or "review" (the review dialog)."""
        if kind not in SESSION_KINDS:
            raise StudyLogError(message("study.unknown_kind", path=str(self.path), kind=kind, known=str(SESSION_KINDS)))
        with _reported(self.path, message("action.start_session")), self._conn:
            cursor = self._conn.execute(
                "INSERT INTO sessions (notes_path, tz_name, start_ts, checkpoint_ts, pid, host, kind)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (_path_text(notes_path), tz_name or "", start_ts, start_ts, os.getpid(), socket.gethostname(), kind),
            )
        return int(cursor.lastrowid)

    def checkpoint(self, session_id: int, now_ts: float, active_seconds: float, slice_start_ts: float) -> None:
        """Record the studied seconds since the last checkpoint as one slice [slice_start, now]."""
        with _reported(self.path, message("action.record_session")), self._conn:
            self._checkpoint(session_id, now_ts, active_seconds, slice_start_ts)

    def _checkpoint(self, session_id: int, now_ts: float, active_seconds: float, slice_start_ts: float) -> None:
        row = self._conn.execute(
            "SELECT active_seconds, end_ts FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        if row is None:
            raise StudyLogError(message("study.no_session", path=str(self.path), id=session_id))
        recorded, end_ts = row
        if end_ts is not None:
            raise StudyLogError(message("study.closed", path=str(self.path), id=session_id))
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
        with _reported(self.path, message("action.end_session")), self._conn:
            self._checkpoint(session_id, end_ts, active_seconds, slice_start_ts)
            self._conn.execute("UPDATE sessions SET end_ts = ? WHERE id = ?", (end_ts, session_id))

    def recover(self, *, stale_seconds: float = DEFAULT_STALE_SECONDS, now: float | None = None) -> list[int]:
        """Close sessions whose process died, at their last checkpoint. Returns their ids."""
        now = time.time() if now is None else now
        host = socket.gethostname()
        closed: list[int] = []
        with _reported(self.path, message("action.close_unfinished")), self._conn:
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
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        return _session_row(row) if row else None

    def sessions(self) -> list[SessionRow]:
        rows = self._conn.execute(f"SELECT {_SESSION_COLUMNS} FROM sessions ORDER BY start_ts").fetchall()
        return [_session_row(r) for r in rows]

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
            raise StudyLogError(message("study.minutes_not_whole", minutes=minutes))
        if minutes <= 0:
            raise StudyLogError(message("study.minutes_not_positive", minutes=minutes))
        if minutes > MAX_DAY_MINUTES:
            raise StudyLogError(message("study.more_than_day", minutes=minutes, most=MAX_DAY_MINUTES))
        if day > today:
            raise StudyLogError(message("study.future", day=day.isoformat(), today=today.isoformat()))
        existing = int(self.day_seconds(tz, day, day).get(day, 0) // 60)
        if existing + minutes > MAX_DAY_MINUTES:
            raise StudyLogError(message("study.day_full", day=day.isoformat(), existing=existing, minutes=minutes))
        with _reported(self.path, message("action.log_minutes", minutes=minutes, day=day.isoformat())), self._conn:
            cursor = self._conn.execute(
                "INSERT INTO manual (day, minutes, note, notes_path, created_ts) VALUES (?, ?, ?, ?, ?)",
                (day.isoformat(), minutes, note or None, _path_text(notes_path), time.time()),
            )
        return ManualEntry(int(cursor.lastrowid), day, minutes, note or None, existing + minutes)

    # -- queries -----------------------------------------------------------
    def day_seconds(self, tz: tzinfo, start: date, end: date) -> dict[date, float]:
        """Studied seconds per calendar day of ``tz`` from ``start`` to ``end`` inclusive (days with none left out)."""
        with _reported(self.path, message("action.read_logged")):
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
        with _reported(self.path, message("action.read_logged")):
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


_SESSION_COLUMNS = "id, notes_path, start_ts, end_ts, active_seconds, recovered, kind"


def _session_row(row) -> SessionRow:
    return SessionRow(row[0], row[1], row[2], row[3], row[4], bool(row[5]), row[6])


def _midnight_ts(day: date, tz: tzinfo) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=tz).timestamp()


def _path_text(path: str | os.PathLike[str] | None) -> str | None:
    if path is None or path == "":
        return None
    return str(Path(path).expanduser().resolve())
