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


def test_a_newer_or_damaged_file_is_set_aside_and_reported_and_a_locked_one_refused(tmp_path):
    path = tmp_path / "things.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 9")
    conn.close()
    notices: list[str] = []
    storage.open_database(path, SCHEMA, notices).close()
    [aside] = [p for p in tmp_path.iterdir() if p.name.startswith("things.sqlite3.newer-v9-")]
    assert len(notices) == 1 and str(aside) in str(notices[0]) and "a new, empty one was started" in str(notices[0])
    assert version_and_tables(path)[0] == 2

    path.write_bytes(b"not a database at all " * 200)
    notices.clear()
    storage.open_database(path, SCHEMA, notices).close()
    assert "is not a readable SQLite database" in str(notices[0]) or "damaged" in str(notices[0])
    assert [p for p in tmp_path.iterdir() if p.name.startswith("things.sqlite3.corrupt-")]

    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        before = sorted(p.name for p in tmp_path.iterdir())
        with pytest.raises(ThingError, match="things database .* cannot be opened: it is locked"):
            storage.open_database(path, SCHEMA, [], busy_timeout=0.0)
        assert sorted(p.name for p in tmp_path.iterdir()) == before  # refused, nothing set aside
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_database_in_memory_has_the_whole_schema():
    conn = storage.open_memory(SCHEMA)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA.version == 2
    conn.close()


def test_an_sqlite_file_without_the_tables_of_its_version_is_set_aside_with_a_notice(tmp_path):
    path = tmp_path / "things.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE other (x)")
    conn.execute("INSERT INTO other VALUES ('someone else''s')")
    conn.execute("PRAGMA user_version = 2")  # claims the current schema, has none of its tables
    conn.commit()
    conn.close()
    notices: list[str] = []
    storage.open_database(path, SCHEMA, notices).close()
    [aside] = [p for p in tmp_path.iterdir() if p.name.startswith("things.sqlite3.no-tables-")]
    assert [str(notice) for notice in notices] == [
        f"things database {path} is an SQLite database without the things database's tables (extra, things); "
        f"it was moved to {aside} and a new, empty one was started"
    ]
    kept = sqlite3.connect(aside)
    assert kept.execute("SELECT x FROM other").fetchall() == [("someone else's",)]
    kept.close()
    assert version_and_tables(path) == (2, {"things", "extra"})
    assert SCHEMA.tables_at(1) == {"things"} and SCHEMA.tables_at(0) == set()


def test_a_file_of_version_0_with_other_tables_gets_the_schema_beside_them(tmp_path):
    path = tmp_path / "things.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE other (x)")
    conn.commit()
    conn.close()
    notices: list[str] = []
    storage.open_database(path, SCHEMA, notices).close()
    assert notices == [] and version_and_tables(path) == (2, {"other", "things", "extra"})


def test_a_folder_that_cannot_be_made_is_reported(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    with pytest.raises(ThingError, match=f"things database folder {blocker}/sub cannot be made: "):
        storage.open_database(blocker / "sub" / "things.sqlite3", SCHEMA, [])
    assert blocker.read_text(encoding="utf-8") == "a file where the data folder should be"


def test_an_sqlite_error_inside_an_operation_is_reported_in_words(tmp_path):
    path = tmp_path / "things.sqlite3"
    conn = storage.open_database(path, SCHEMA, [])
    holder = sqlite3.connect(path, timeout=0.0)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO things (name) VALUES ('held')")
    quick = storage.connect(path, busy_timeout=0.0)
    try:
        with pytest.raises(ThingError) as caught:
            with storage.Reported(SCHEMA, path, "add a thing"), quick:
                quick.execute("INSERT INTO things (name) VALUES ('refused')")
        assert str(caught.value) == (
            f"things database {path}: could not add a thing: it is locked by another program "
            "(another StudyReader?); try again in a moment; nothing was changed"
        )
    finally:
        holder.rollback()
        holder.close()
        quick.close()
    assert conn.execute("SELECT COUNT(*) FROM things").fetchone()[0] == 0
    conn.close()
