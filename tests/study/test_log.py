"""The SQLite study log: sessions, checkpoints, crash recovery, set-aside databases, manual entries."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from studyreader import paths
from studyreader.study.log import SCHEMA_VERSION, StudyLog, StudyLogError, default_log_path
from studyreader.study.recorder import DEFAULT_CHECKPOINT_SECONDS, SessionRecorder
from studyreader.study.stats import current_streak, day_minutes
from studyreader.study.timer import StudyTimer

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")


class Clock:
    """One fake clock serving as both the wall clock and the monotonic one."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def run_session(log, clock, minutes: float, *, pause_at=None, pause_for=0.0, step=30.0, notes_path=None):
    """Drive a recorder like the widget does: tick every ``step`` seconds."""
    timer = StudyTimer(target_minutes=90, clock=clock)
    recorder = SessionRecorder(log, timer, notes_path=notes_path, tz_name="test", wall_clock=clock)
    recorder.start()
    studied = 0.0
    while studied < minutes * 60:
        advance = min(step, minutes * 60 - studied)
        clock.now += advance
        studied += advance
        recorder.tick()
        if pause_at is not None and abs(studied - pause_at * 60) < 1e-9:
            recorder.pause()
            t = 0.0
            while t < pause_for * 60:
                clock.now += step
                t += step
                recorder.tick()
            recorder.resume()
    recorder.stop()
    return recorder.session_id


def local_ts(tz, *args) -> float:
    return datetime(*args, tzinfo=tz).timestamp()


def test_log_lives_in_the_data_dir(isolated_user_dirs):
    with StudyLog.open() as log:
        assert log.path == default_log_path() == paths.data_dir() / "study.sqlite3"
        assert str(log.path).startswith(str(isolated_user_dirs))
        assert log.notices == []
    conn = sqlite3.connect(default_log_path())
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_a_session_is_written_at_start_and_logged_at_stop(tmp_path):
    clock = Clock(local_ts(SHANGHAI, 2025, 1, 6, 20, 0))
    with StudyLog.open(tmp_path / "s.db", now=clock.now) as log:
        timer = StudyTimer(clock=clock)
        recorder = SessionRecorder(log, timer, notes_path=tmp_path / "n.md", tz_name="Asia/Shanghai", wall_clock=clock)
        recorder.start()
        row = log.session(recorder.session_id)
        assert row.end_ts is None and row.active_seconds == 0
        assert row.notes_path == str((tmp_path / "n.md").resolve())
        clock.now += 45 * 60
        recorder.stop()
        row = log.session(recorder.session_id)
        assert row.end_ts == clock.now
        assert row.active_seconds == 45 * 60
        assert not row.recovered
        assert day_minutes(log.day_seconds(SHANGHAI, date(2025, 1, 6), date(2025, 1, 6))) == {date(2025, 1, 6): 45}


def test_pauses_are_excluded_and_a_session_across_midnight_is_split(tmp_path):
    clock = Clock(local_ts(SHANGHAI, 2025, 1, 6, 23, 0))
    with StudyLog.open(tmp_path / "s.db", now=clock.now) as log:
        # 23:00 study 40 min, pause 30 min (23:40-00:10), study 50 min (00:10-01:00)
        run_session(log, clock, 90, pause_at=40, pause_for=30)
        minutes = day_minutes(log.day_seconds(SHANGHAI, date(2025, 1, 5), date(2025, 1, 8)))
        assert minutes == {date(2025, 1, 6): 40, date(2025, 1, 7): 50}
        # the same session seen from New York is one afternoon
        assert day_minutes(log.day_seconds(NEW_YORK, date(2025, 1, 5), date(2025, 1, 8))) == {date(2025, 1, 6): 90}
        assert log.sessions()[0].active_seconds == 90 * 60


def test_streak_from_the_log_across_a_dst_change_with_a_manual_entry(tmp_path):
    # New York springs forward on 2025-03-09. Sessions 22:50 + 65 min every evening but one,
    # and a manual entry makes up the missing day.
    with StudyLog.open(tmp_path / "s.db") as log:
        first = date(2025, 3, 5)
        for i in range(8):
            day = first + timedelta(days=i)
            if day == date(2025, 3, 9):
                continue
            clock = Clock(datetime(day.year, day.month, day.day, 22, 50, tzinfo=NEW_YORK).timestamp())
            run_session(log, clock, 65)
        last = first + timedelta(days=7)
        minutes = day_minutes(log.day_seconds(NEW_YORK, first, last))
        assert date(2025, 3, 9) not in minutes
        assert all(minutes[d] == 65 for d in minutes)
        assert current_streak(minutes, last) == 3
        log.add_manual(date(2025, 3, 9), 60, tz=NEW_YORK, note="reading on the train", today=last)
        minutes = day_minutes(log.day_seconds(NEW_YORK, first, last))
        assert minutes[date(2025, 3, 9)] == 60
        assert current_streak(minutes, last) == 8


def test_checkpoints_while_running_and_heartbeat_while_paused(tmp_path):
    clock = Clock(1_700_000_000.0)
    with StudyLog.open(tmp_path / "s.db", now=clock.now) as log:
        timer = StudyTimer(clock=clock)
        recorder = SessionRecorder(log, timer, wall_clock=clock, checkpoint_seconds=30)
        recorder.start()
        clock.now += 29
        recorder.tick()
        assert log.session(recorder.session_id).active_seconds == 0  # not due yet
        clock.now += 1
        recorder.tick()
        assert log.session(recorder.session_id).active_seconds == 30
        recorder.pause()
        clock.now += 120
        recorder.tick()
        row = log.session(recorder.session_id)
        assert row.active_seconds == 30
        assert row.end_ts is None


def test_default_checkpoint_interval_is_at_most_a_minute(tmp_path):
    assert 0 < DEFAULT_CHECKPOINT_SECONDS <= 60
    with StudyLog.open(tmp_path / "s.db") as log:
        with pytest.raises(ValueError):
            SessionRecorder(log, StudyTimer(), checkpoint_seconds=61)


CHILD = textwrap.dedent(
    """
    import sys, time
    from studyreader.study.log import StudyLog
    from studyreader.study.recorder import SessionRecorder
    from studyreader.study.timer import StudyTimer
    log = StudyLog.open(sys.argv[1])
    recorder = SessionRecorder(log, StudyTimer(), checkpoint_seconds=float(sys.argv[2]))
    recorder.start()
    print(f"started {time.time()!r}", flush=True)
    while True:
        recorder.tick()
        time.sleep(0.02)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_session_is_recovered_with_at_most_one_checkpoint_lost(tmp_path):
    db = tmp_path / "s.db"
    interval = 0.25
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(interval)], stdout=subprocess.PIPE, text=True
    )
    try:
        line = child.stdout.readline()
        assert line.startswith("started "), line
        started = float(line.split()[1])
        time.sleep(2.0)
        # while the child lives, opening the log (e.g. `studyreader stats`) must not close its session
        with StudyLog.open(db) as log:
            assert log.recovered == []
            assert log.sessions()[0].end_ts is None
        killed_at = time.time()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    with StudyLog.open(db) as log:
        [session] = log.sessions()
        assert log.recovered == [session.id]
        assert session.recovered
        assert session.end_ts is not None
        studied = killed_at - started
        lost = studied - session.active_seconds
        # 1.5 s: scheduling slack on a busy machine
        assert -0.2 <= lost <= interval + 1.5, (studied, session.active_seconds)
        # the recovered minutes count in the statistics
        today = datetime.fromtimestamp(started, timezone.utc).date()
        assert sum(log.day_seconds(timezone.utc, today - timedelta(days=1), today + timedelta(days=1)).values()) == (
            pytest.approx(session.active_seconds)
        )
    with StudyLog.open(db) as log:
        assert log.recovered == []  # recovered once only


def _as_another_program(db, statement: str, parameters: tuple) -> None:
    """Change the log's file through a connection of its own, as another StudyReader would."""
    conn = sqlite3.connect(db)
    try:
        with conn:
            conn.execute(statement, parameters)
    finally:
        conn.close()


def test_a_stale_session_of_another_machine_is_closed_at_its_checkpoint(tmp_path):
    db = tmp_path / "s.db"
    with StudyLog.open(db) as log:
        sid = log.begin_session(None, "UTC", 1000.0)
        log.checkpoint(sid, 1600.0, 600.0, 1000.0)
    _as_another_program(db, "UPDATE sessions SET host = 'elsewhere', pid = 1 WHERE id = ?", (sid,))
    with StudyLog.open(db, now=1600.0 + 60) as log:
        assert log.recovered == []  # fresh heartbeat, owner unknown: leave it alone
    with StudyLog.open(db, now=1600.0 + 3600) as log:
        assert log.recovered == [sid]
        row = log.session(sid)
        assert row.end_ts == 1600.0 and row.active_seconds == 600.0


def test_corrupt_database_is_set_aside_and_reported(tmp_path):
    db = tmp_path / "s.db"
    db.write_bytes(b"this is not sqlite, it is my precious data" * 100)
    original = db.read_bytes()
    with StudyLog.open(db) as log:
        assert len(log.notices) == 1
        assert "not a readable SQLite database" in str(log.notices[0]) or "damaged" in str(log.notices[0])
        assert str(db) in str(log.notices[0])
        sid = log.begin_session(None, "UTC", 1.0)
        assert sid == 1
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("s.db.corrupt-")]
    assert len(aside) == 1
    assert aside[0].read_bytes() == original
    assert str(aside[0]) in str(log.notices[0])


def test_newer_database_is_set_aside_not_overwritten(tmp_path):
    db = tmp_path / "s.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE future (x)")
    conn.execute("INSERT INTO future VALUES ('keep me')")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with StudyLog.open(db) as log:
        assert len(log.notices) == 1
        assert "newer StudyReader" in str(log.notices[0])
    [aside] = [p for p in tmp_path.iterdir() if p.name.startswith(f"s.db.newer-v{SCHEMA_VERSION + 1}-")]
    conn = sqlite3.connect(aside)
    assert conn.execute("SELECT x FROM future").fetchall() == [("keep me",)]
    conn.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_reopening_keeps_data_and_version(tmp_path):
    db = tmp_path / "s.db"
    with StudyLog.open(db) as log:
        log.add_manual(date(2025, 1, 1), 30, tz=timezone.utc, today=date(2025, 1, 2))
    with StudyLog.open(db) as log:
        assert log.notices == []
        assert log.day_seconds(timezone.utc, date(2025, 1, 1), date(2025, 1, 1)) == {date(2025, 1, 1): 1800}


def test_empty_file_is_migrated_in_place(tmp_path):
    db = tmp_path / "s.db"
    db.write_bytes(b"")
    with StudyLog.open(db) as log:
        assert log.notices == []
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]


@pytest.mark.parametrize(
    "day, minutes, message",
    [
        (date(2025, 1, 1), 0, "positive"),
        (date(2025, 1, 1), -5, "positive"),
        (date(2025, 1, 1), 24 * 60 + 1, "more than a day"),
        (date(2025, 1, 11), 10, "future"),
    ],
)
def test_manual_refusals(tmp_path, day, minutes, message):
    with StudyLog.open(tmp_path / "s.db") as log:
        with pytest.raises(StudyLogError, match=message):
            log.add_manual(day, minutes, tz=timezone.utc, today=date(2025, 1, 10))
        assert log.day_seconds(timezone.utc, date(2025, 1, 1), date(2025, 1, 20)) == {}


def test_manual_refused_when_the_day_would_exceed_24_hours(tmp_path):
    clock = Clock(local_ts(timezone.utc, 2025, 1, 1, 8, 0))
    with StudyLog.open(tmp_path / "s.db", now=clock.now) as log:
        run_session(log, clock, 600)  # ten hours on the computer
        entry = log.add_manual(date(2025, 1, 1), 800, tz=timezone.utc, today=date(2025, 1, 2))
        assert entry.day_total_minutes == 1400
        with pytest.raises(StudyLogError, match="already has 1400 minutes"):
            log.add_manual(date(2025, 1, 1), 41, tz=timezone.utc, today=date(2025, 1, 2))
        assert log.add_manual(date(2025, 1, 1), 40, tz=timezone.utc, today=date(2025, 1, 2)).day_total_minutes == 1440


def test_studied_on_sees_running_sessions_and_manual_entries(tmp_path):
    clock = Clock(local_ts(SHANGHAI, 2025, 1, 6, 19, 0))
    with StudyLog.open(tmp_path / "s.db", now=clock.now) as log:
        assert not log.studied_on(date(2025, 1, 6), SHANGHAI)
        recorder = SessionRecorder(log, StudyTimer(clock=clock), wall_clock=clock)
        recorder.start()
        assert log.studied_on(date(2025, 1, 6), SHANGHAI)
        assert not log.studied_on(date(2025, 1, 7), SHANGHAI)
        log.add_manual(date(2025, 1, 3), 20, tz=SHANGHAI, today=date(2025, 1, 6))
        assert log.studied_on(date(2025, 1, 3), SHANGHAI)


def test_a_locked_log_is_refused_not_set_aside(tmp_path):
    db = tmp_path / "s.db"
    with StudyLog.open(db) as log:
        log.add_manual(date(2025, 1, 1), 30, tz=timezone.utc, today=date(2025, 1, 2))
    # another process holds an exclusive lock (e.g. in the middle of a rollback-journal write)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StudyLogError, match="cannot be opened: it is locked by another program"):
            StudyLog.open(db, busy_timeout=0.0)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert sorted(p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name) == []
    with StudyLog.open(db) as log:
        assert log.notices == []
        assert log.day_seconds(timezone.utc, date(2025, 1, 1), date(2025, 1, 1)) == {date(2025, 1, 1): 1800}


def test_open_or_memory_keeps_the_timer_usable_when_the_file_cannot_be_opened(tmp_path):
    folder = tmp_path / "not-a-file.sqlite3"
    folder.mkdir()  # a folder where the database should be: sqlite cannot open it
    log = StudyLog.open_or_memory(folder)
    try:
        assert len(log.notices) == 1 and "memory only" in str(log.notices[0]) and str(folder) in str(log.notices[0])
        sid = log.begin_session(None, "UTC", 1000.0)
        log.finish_session(sid, 1600.0, 600.0, 1000.0)
        assert log.session(sid).active_seconds == 600.0
    finally:
        log.close()
    assert folder.is_dir() and not any(folder.iterdir())


@pytest.mark.skipif(sys.platform == "win32", reason="process liveness is only checked on POSIX")
def test_a_live_process_keeps_its_session_however_old_the_heartbeat(tmp_path):
    # e.g. the laptop slept for an hour and `studyreader stats` runs before the window ticks again
    db = tmp_path / "s.db"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        with StudyLog.open(db) as log:
            sid = log.begin_session(None, "UTC", 1000.0)
        _as_another_program(db, "UPDATE sessions SET pid = ? WHERE id = ?", (sleeper.pid, sid))
        with StudyLog.open(db, now=1000.0 + 86400) as log:
            assert log.recovered == []
    finally:
        sleeper.kill()
        sleeper.wait()
    with StudyLog.open(db, now=1000.0 + 86400) as log:
        assert log.recovered == [sid]


V1_LOG = Path(__file__).parent / "data" / "study-v1.sqlite3"  # written by StudyReader before session kinds


def test_a_log_of_the_previous_schema_is_migrated_keeping_its_sessions(tmp_path):
    db = tmp_path / "study.sqlite3"
    shutil.copyfile(V1_LOG, db)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "kind" not in {r[1] for r in conn.execute("PRAGMA table_info(sessions)")}
    conn.close()
    with StudyLog.open(db, now=1736160000.0) as log:
        assert log.notices == []
        [row] = log.sessions()
        assert row.kind == "study" and row.active_seconds == 2400.0 and row.notes_path == "/home/learner/notes.md"
        totals = log.day_seconds(SHANGHAI, date(2025, 1, 5), date(2025, 1, 6))
        assert totals == {date(2025, 1, 5): 25 * 60.0, date(2025, 1, 6): 2400.0}
        review = log.begin_session(None, "Asia/Shanghai", 1736161000.0, kind="review")
        log.finish_session(review, 1736161300.0, 300.0, 1736161000.0)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    assert conn.execute("SELECT kind FROM sessions ORDER BY id").fetchall() == [("study",), ("review",)]
    conn.close()
    assert [p.name for p in tmp_path.iterdir() if ".corrupt" in p.name or ".newer" in p.name] == []


def test_sessions_keep_their_kind_and_every_kind_counts_in_the_day_totals(tmp_path):
    with StudyLog.open(tmp_path / "s.db", now=1736160000.0) as log:
        study = log.begin_session(None, "UTC", 1736150000.0)
        log.finish_session(study, 1736150600.0, 600.0, 1736150000.0)
        review = log.begin_session(None, "UTC", 1736151000.0, kind="review")
        log.finish_session(review, 1736151300.0, 300.0, 1736151000.0)
        assert [(r.id, r.kind) for r in log.sessions()] == [(study, "study"), (review, "review")]
        assert log.session(review).kind == "review"
        day = datetime.fromtimestamp(1736150000.0, timezone.utc).date()
        assert log.day_seconds(timezone.utc, day, day) == {day: 900.0}
        with pytest.raises(StudyLogError, match="unknown session kind"):
            log.begin_session(None, "UTC", 1736152000.0, kind="nap")
        assert len(log.sessions()) == 2
