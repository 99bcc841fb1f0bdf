"""review.sqlite3: created and migrated, kept across openings, a damaged or newer file set aside and reported."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date, datetime, timezone

import fsrs
import pytest

from studyreader import paths
from studyreader.review import ReviewDatabaseError, ReviewStore, default_db_path, sync_notes
from studyreader.review.database import MIGRATIONS, SCHEMA_VERSION

TABLES = {"meta", "terms", "cards", "reviews"}


def tables(path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def user_version(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_the_database_lives_in_the_data_dir(isolated_user_dirs):
    with ReviewStore.open() as store:
        assert store.path == default_db_path() == paths.data_dir() / "review.sqlite3"
        assert str(store.path).startswith(str(isolated_user_dirs))
        assert store.notices == []
    assert user_version(default_db_path()) == SCHEMA_VERSION
    assert TABLES <= tables(default_db_path())


def test_an_empty_file_is_migrated_to_the_current_schema(tmp_path):
    path = tmp_path / "review.sqlite3"
    path.write_bytes(b"")
    with ReviewStore.open(path) as store:
        assert store.notices == []
    assert user_version(path) == SCHEMA_VERSION == max(MIGRATIONS)
    assert TABLES <= tables(path)


def test_a_database_of_the_current_schema_is_opened_as_it_is(tmp_path, glossary, sample_notes):
    path = tmp_path / "review.sqlite3"
    with ReviewStore.open(path) as store:
        sync_notes(store, sample_notes, glossary, today=date(2025, 1, 6))
        cards = store.cards()
    assert cards
    with ReviewStore.open(path) as store:
        assert store.notices == []
        assert store.cards() == cards
        assert store.start_day() == date(2025, 1, 6)
    assert [p.name for p in tmp_path.iterdir() if ".corrupt" in p.name or ".newer" in p.name] == []


def test_a_migration_step_is_all_or_nothing(tmp_path):
    """A step that fails half-way leaves the file as it was: its version, none of the step's tables."""
    path = tmp_path / "review.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE reviews (x)")  # clashes with the last table step 1 creates
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ReviewDatabaseError, match="cannot be upgraded now"):
        ReviewStore.open(path)
    assert user_version(path) == 0 and tables(path) == {"reviews"}
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["review.sqlite3"]  # refused, not set aside


def test_a_damaged_file_is_set_aside_and_reported(tmp_path):
    path = tmp_path / "review.sqlite3"
    garbage = b"this is not a database, but the user's reviews may be in it\n" * 200
    path.write_bytes(garbage)
    with ReviewStore.open(path) as store:
        assert len(store.notices) == 1
        notice = str(store.notices[0])
        assert str(path) in notice and "moved to" in notice
        assert store.cards() == []
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("review.sqlite3.corrupt-")]
    assert len(aside) == 1 and str(aside[0]) in notice
    assert aside[0].read_bytes() == garbage  # never emptied
    assert user_version(path) == SCHEMA_VERSION


def test_a_database_with_a_damaged_page_is_set_aside(tmp_path, glossary, sample_notes):
    path = tmp_path / "review.sqlite3"
    with ReviewStore.open(path) as store:
        sync_notes(store, sample_notes, glossary, today=date(2025, 1, 6))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # fold the WAL back into the file
    conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[2 * page : 3 * page] = b"\xff" * page
    path.write_bytes(bytes(data))
    with ReviewStore.open(path) as store:
        assert len(store.notices) == 1 and "moved to" in str(store.notices[0])
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("review.sqlite3.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes() == bytes(data)


def test_a_database_from_a_newer_version_is_set_aside(tmp_path, glossary, sample_notes):
    path = tmp_path / "review.sqlite3"
    with ReviewStore.open(path) as store:
        sync_notes(store, sample_notes, glossary, today=date(2025, 1, 6))
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with ReviewStore.open(path) as store:
        assert len(store.notices) == 1
        assert f"schema {SCHEMA_VERSION + 5}" in str(store.notices[0]) and "newer StudyReader" in str(store.notices[0])
        assert store.cards() == []
    aside = [p for p in tmp_path.iterdir() if p.name.startswith(f"review.sqlite3.newer-v{SCHEMA_VERSION + 5}-")]
    aside = [p for p in aside if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1
    conn = sqlite3.connect(aside[0])
    assert conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0] > 0  # his cards are still there
    conn.close()


def test_a_database_that_cannot_be_opened_now_is_left_alone(tmp_path):
    folder = tmp_path / "not-a-file"
    folder.mkdir()
    store = ReviewStore.open_or_memory(folder)
    assert len(store.notices) == 1 and "kept in memory only" in str(store.notices[0])
    assert folder.is_dir() and list(tmp_path.iterdir()) == [folder]
    store.close()


def test_a_database_without_the_review_tables_is_set_aside(tmp_path):
    path = tmp_path / "review.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE other (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.commit()
    conn.close()
    with ReviewStore.open(path) as store:
        assert len(store.notices) == 1
        assert "without the review database's tables (cards, meta, reviews, terms)" in str(store.notices[0])
        assert store.cards() == []
    [aside] = [p for p in tmp_path.iterdir() if p.name.startswith("review.sqlite3.no-tables-")]
    assert tables(aside) == {"other"} and TABLES <= tables(path)


def test_a_grade_refused_by_another_programs_lock_is_reported_and_nothing_changes(
    tmp_path, glossary, sample_notes
):
    path = tmp_path / "review.sqlite3"
    with ReviewStore.open(path) as store:
        sync_notes(store, sample_notes, glossary, today=date(2025, 1, 6))
    holder = subprocess.Popen(
        [sys.executable, "-c", (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            "c.execute('BEGIN IMMEDIATE'); c.execute(\"INSERT INTO meta VALUES ('held', 'x')\"); "
            "print('locked', flush=True); sys.stdin.read()"
        ), str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with ReviewStore.open(path, busy_timeout=0.2) as store:
            card = store.cards()[0]
            with pytest.raises(ReviewDatabaseError, match="locked by another program") as caught:
                store.grade(card.id, 3, when=datetime(2025, 1, 6, 9, tzinfo=timezone.utc), day=date(2025, 1, 6),
                            scheduler=fsrs.Scheduler(enable_fuzzing=False))
        assert f"{path}: could not record the grade" in str(caught.value)
        assert "nothing was changed" in str(caught.value)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with ReviewStore.open(path) as store:
        assert store.last_review() is None and store.card_by_id(card.id) == card
