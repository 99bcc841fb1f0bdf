"""The one way a versioned database of the data folder is opened (the study log and the review state use it)."""

from __future__ import annotations

import sqlite3

import pytest

from studyreader import storage
from studyreader.errors import StudyReaderError


class ThingError(StudyReaderError):
    pass


STEPS = {
    1: "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
    2: "ALTER TABLE things ADD COLUMN colour TEXT NOT NULL DEFAULT 'green'; CREATE TABLE extra (x);",
}
SCHEMA = storage.Schema("things database", STEPS, ThingError)


def version_and_tables(path) -> tuple[int, set[str]]:
    conn = sqlite3.connect(path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return conn.execute("PRAGMA user_version").fetchone()[0], names
    finally:
        conn.close()


def test_steps_run_in_order_and_keep_the_rows_of_earlier_ones(tmp_path):
    path = tmp_path / "things.sqlite3"
    one = storage.Schema("things database", {1: STEPS[1]}, ThingError)
    conn = storage.open_database(path, one, [])
    with conn:
        conn.execute("INSERT INTO things (name) VALUES ('kept')")
    conn.close()
    notices: list[str] = []
    conn = storage.open_database(path, SCHEMA, notices)
    assert conn.execute("SELECT name, colour FROM things").fetchall() == [("kept", "green")]
    conn.close()
    assert notices == [] and version_and_tables(path) == (2, {"things", "extra"})


def test_a_step_that_fails_leaves_the_file_at_the_version_before_it(tmp_path):
    path = tmp_path / "things.sqlite3"
    storage.open_database(path, storage.Schema("things database", {1: STEPS[1]}, ThingError), []).close()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE extra (y)")  # step 2 creates it after altering things: it fails half-way
    conn.commit()
    conn.close()
    with pytest.raises(ThingError, match="things database .* cannot be upgraded now"):
        storage.open_database(path, SCHEMA, [])
    conn = sqlite3.connect(path)
    assert [r[1] for r in conn.execute("PRAGMA table_info(things)")] == ["id", "name"]  # the ALTER rolled back
    conn.close()
    assert version_and_tables(path) == (1, {"things", "extra"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["things.sqlite3"]


def test_a_newer_or_damaged_file_is_set_aside_and_reported_and_a_locked_one_refused(tmp_path, monkeypatch):
    path = tmp_path / "things.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 9")
    conn.close()
    notices: list[str] = []
    storage.open_database(path, SCHEMA, notices).close()
    [aside] = [p for p in tmp_path.iterdir() if p.name.startswith("things.sqlite3.newer-v9-")]
    assert len(notices) == 1 and str(aside) in notices[0] and "a new, empty one was started" in notices[0]
    assert version_and_tables(path)[0] == 2

    path.write_bytes(b"not a database at all " * 200)
    notices.clear()
    storage.open_database(path, SCHEMA, notices).close()
    assert "is not a readable SQLite database" in notices[0] or "damaged" in notices[0]
    assert [p for p in tmp_path.iterdir() if p.name.startswith("things.sqlite3.corrupt-")]

    monkeypatch.setattr(storage, "BUSY_TIMEOUT_SECONDS", 0.0)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        before = sorted(p.name for p in tmp_path.iterdir())
        with pytest.raises(ThingError, match="things database .* cannot be"):
            storage.open_database(path, SCHEMA, [])
        assert sorted(p.name for p in tmp_path.iterdir()) == before  # refused, nothing set aside
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_database_in_memory_has_the_whole_schema():
    conn = storage.open_memory(SCHEMA)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA.version == 2
    conn.close()
