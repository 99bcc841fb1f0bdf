"""``studyreader log`` on a locked, table-less or full study log: a clear message, no traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from studyreader.cli import main
from studyreader.study.log import StudyLog, StudyLogError, default_log_path

REPO = Path(__file__).resolve().parents[2]
NOTES = (
    "---\ntimezone: Nowhere/Atlantis\n---\n<!-- Content_START -->\n### 2025.01.06\n今天学习了。\n<!-- Content_END -->\n"
)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_write_lock_held_by_another_process_is_reported(tmp_path):
    path = tmp_path / "study.sqlite3"
    StudyLog.open(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            "c.execute('BEGIN IMMEDIATE'); c.execute(\"INSERT INTO manual (day, minutes, created_ts) "
            "VALUES ('2025-01-01', 5, 0)\"); print('locked', flush=True); sys.stdin.read()"
        ), str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        from datetime import date, timezone

        with StudyLog.open(path, busy_timeout=0.2) as log:
            with pytest.raises(StudyLogError, match="locked by another program") as caught:
                log.add_manual(date(2025, 1, 2), 30, tz=timezone.utc, today=date(2025, 1, 3))
        assert str(path) in str(caught.value) and "nothing was changed" in str(caught.value)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with StudyLog.open(path) as log:  # the holder never committed; our refused entry is not there either
        assert log.first_day(timezone.utc) is None


def test_a_database_without_the_tables_is_set_aside_and_logging_works(capsys):
    path = default_log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE other (x)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "log", "--minutes", "20", "--date", "2025-01-06")
    assert code == 0, err
    assert "without the study log's tables" in err and "Traceback" not in err
    assert "Logged 20 min on 2025-01-06" in out
    kept = [p for p in path.parent.iterdir() if p.name.startswith("study.sqlite3.no-tables-")]
    assert len(kept) == 1 and sqlite3.connect(kept[0]).execute("SELECT name FROM sqlite_master").fetchall() == [
        ("other",)]


def test_log_refuses_an_empty_date(capsys):
    code, out, err = run(capsys, "log", "--minutes", "20", "--date", "")
    assert code == 2 and "YYYY-MM-DD" in err and out == ""


def test_log_with_notes_in_an_unknown_zone_warns_like_entries(capsys, tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    code, out, err = run(capsys, "log", "--minutes", "20", "--date", "2025-01-06", "--notes", str(notes))
    assert code == 0, err
    assert "'Nowhere/Atlantis'" in err and "not a known time zone" in err
    code, _, entries_err = run(capsys, "entries", str(notes))
    assert "not a known time zone" in entries_err


@pytest.fixture
def full_data_dir(tmp_path):
    """A data folder on a tiny tmpfs when it can be mounted (root), else None (RLIMIT_FSIZE is used)."""
    mount = tmp_path / f"tiny-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        yield None
        return
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_full_disk_is_reported_and_nothing_is_lost(full_data_dir, tmp_path):
    data = full_data_dir or tmp_path / "data"
    env = dict(os.environ, XDG_DATA_HOME=str(data), PYTHONPATH=str(REPO / "src"))
    first = subprocess.run(
        [sys.executable, "-m", "studyreader", "log", "--minutes", "30", "--date", "2025-01-05"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert first.returncode == 0, first.stderr
    if full_data_dir is not None:
        filler = data / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:
            for chunk in (65536, 4096, 512, 1):  # fill the disk to the last byte
                try:
                    while True:
                        os.write(fd, b"\0" * chunk)
                except OSError:
                    pass
        finally:
            os.close(fd)
        limit = ""
    else:
        size = sum(p.stat().st_size for p in data.rglob("*") if p.is_file())
        limit = (
            "import resource, signal; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
            f"resource.setrlimit(resource.RLIMIT_FSIZE, ({size}, {size})); "
        )
    code = limit + "import sys, studyreader.cli as c; sys.exit(c.main(sys.argv[1:]))"
    notes = "x" * 100_000  # a note bigger than the free space
    second = subprocess.run(
        [sys.executable, "-c", code, "log", "--minutes", "40", "--date", "2025-01-06", "--note", notes],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert second.returncode == 2, second.stderr
    assert "Traceback" not in second.stderr and "nothing was changed" in second.stderr
    if full_data_dir is not None:
        assert "the disk is full" in second.stderr
    if full_data_dir is not None:
        (data / "filler").unlink()  # space again: what was logged before is all there
    stats = subprocess.run(
        [sys.executable, "-m", "studyreader", "stats", "--days", "3660", "--json"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert stats.returncode == 0, stats.stderr
    assert '"total_minutes": 30' in stats.stdout


def test_a_data_folder_that_cannot_be_made_is_reported(capsys):
    folder = default_log_path().parent
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the data folder should be", encoding="utf-8")
    code, out, err = run(capsys, "log", "--minutes", "20", "--date", "2025-01-06")
    assert code == 2 and out == "" and "Traceback" not in err
    assert f"study log folder {folder} cannot be made: " in err
    assert folder.read_text(encoding="utf-8") == "a file where the data folder should be"
