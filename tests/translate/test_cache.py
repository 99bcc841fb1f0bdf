"""The translation cache on its own: rows remember when they were used, old ones go."""

from __future__ import annotations

import sqlite3

import pytest

from studyreader.translate.cache import KEEP_DAYS, TranslationCache

PACKAGE = ("translate-zh_en", "1.9")


class Clock:
    """A day number the test moves by hand."""

    def __init__(self, day: int = 20_000) -> None:
        self.day = day

    def __call__(self) -> int:
        return self.day


def rows(path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT source, used FROM translations"))


def test_rows_read_back_stay_and_rows_left_unused_go(tmp_path):
    path = tmp_path / "t.sqlite3"
    clock = Clock()
    cache = TranslationCache(path, clock=clock)
    cache.put_many(*PACKAGE, {"你好。": "Hello.", "今天学习了以": "Today I learned"})  # the second: half-typed
    cache.close()

    clock.day += KEEP_DAYS - 1  # the notes are opened again: their sentence is read back
    cache = TranslationCache(path, clock=clock)
    assert cache.get_many(*PACKAGE, ["你好。"]) == {"你好。": "Hello."}
    assert cache.pruned == 0
    cache.close()
    assert rows(path) == {"你好。": clock.day, "今天学习了以": clock.day - KEEP_DAYS + 1}

    clock.day += 2  # the half-typed sentence has not been used for KEEP_DAYS + 1 days
    cache = TranslationCache(path, clock=clock)
    assert cache.get_many(*PACKAGE, ["你好。", "今天学习了以"]) == {"你好。": "Hello."}
    assert cache.pruned == 1
    cache.close()
    assert set(rows(path)) == {"你好。"}


def test_a_row_is_marked_at_most_once_a_day(tmp_path):
    path = tmp_path / "t.sqlite3"
    clock = Clock()
    cache = TranslationCache(path, clock=clock)
    cache.put_many(*PACKAGE, {"你好。": "Hello."})
    changes = cache.changes
    cache.get_many(*PACKAGE, ["你好。"])
    assert cache.changes == changes, "read the day it was written: nothing to write"
    clock.day += 1
    cache.get_many(*PACKAGE, ["你好。"])
    cache.get_many(*PACKAGE, ["你好。"])
    assert cache.changes == changes + 1
    cache.close()


def test_other_models_rows_age_like_any_other(tmp_path):
    path = tmp_path / "t.sqlite3"
    clock = Clock()
    cache = TranslationCache(path, clock=clock)
    cache.put_many("translate-zh_en", "1.0", {"你好。": "Hi."})
    clock.day += 10
    cache.put_many(*PACKAGE, {"你好。": "Hello."})  # the model was upgraded
    cache.close()
    clock.day += KEEP_DAYS - 5
    cache = TranslationCache(path, clock=clock)
    assert cache.get_many(*PACKAGE, ["你好。"]) == {"你好。": "Hello."}
    assert cache.get_many("translate-zh_en", "1.0", ["你好。"]) == {}, "the old model's row is gone"
    assert cache.pruned == 1
    cache.close()


def test_a_cache_from_before_used_days_keeps_its_rows(tmp_path):
    path = tmp_path / "t.sqlite3"
    with sqlite3.connect(path) as db:  # the first schema: no "used" column
        db.execute(
            "CREATE TABLE translations (package TEXT NOT NULL, version TEXT NOT NULL, source TEXT NOT NULL, "
            "translation TEXT NOT NULL, PRIMARY KEY (package, version, source)) WITHOUT ROWID"
        )
        db.execute("INSERT INTO translations VALUES (?, ?, ?, ?)", (*PACKAGE, "你好。", "Hello."))
        db.execute("PRAGMA user_version=1")
    clock = Clock()
    cache = TranslationCache(path, clock=clock)
    assert cache.get_many(*PACKAGE, ["你好。"]) == {"你好。": "Hello."}
    assert cache.warning is None and cache.pruned == 0
    cache.put_many(*PACKAGE, {"再见。": "Goodbye."})
    cache.close()
    assert rows(path) == {"你好。": clock.day, "再见。": clock.day}
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2


def test_many_sources_are_looked_up_and_marked_in_chunks(tmp_path):
    path = tmp_path / "t.sqlite3"
    clock = Clock()
    cache = TranslationCache(path, clock=clock)
    pairs = {f"第{i}句。": f"Sentence {i}." for i in range(1200)}  # more than one chunk of 500
    cache.put_many(*PACKAGE, pairs)
    clock.day += 3
    assert cache.get_many(*PACKAGE, list(pairs) + ["不在缓存里。"]) == pairs
    cache.close()
    assert set(rows(path).values()) == {clock.day}


def test_an_in_memory_cache_works_the_same(tmp_path):
    cache = TranslationCache(None, clock=Clock())
    cache.put_many(*PACKAGE, {"你好。": "Hello."})
    assert cache.get_many(*PACKAGE, ["你好。", "再见。"]) == {"你好。": "Hello."}
    cache.close()


# ---- a read-only cache in a read-only folder (issue 12, item 12) -------------------------------

@pytest.fixture
def read_only_cache(tmp_path):
    """A cache file holding one row, in a folder nobody may write: a read-only tmpfs as root
    (root ignores file modes), plain modes otherwise."""
    import os
    import subprocess

    folder = tmp_path / "ro"
    folder.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True
    ).returncode == 0
    path = folder / "translations.sqlite3"
    cache = TranslationCache(path)
    cache.put_many("pkg", "1", {"你好。": "Hello."})
    cache.close()
    if mounted:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    elif os.geteuid() == 0:
        pytest.skip("root without mount: file modes cannot make a file read-only")
    else:
        path.chmod(0o444)
        folder.chmod(0o555)
    try:
        yield path
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        else:
            folder.chmod(0o755)


def test_a_read_only_cache_never_fails_a_lookup_or_a_store(read_only_cache, caplog):
    cache = TranslationCache(read_only_cache)
    cache.put_many("pkg", "1", {"再见。": "Goodbye."})
    assert cache.get_many("pkg", "1", ["再见。"]) == {"再见。": "Goodbye."}
    assert cache.warning is not None and "\n" not in str(cache.warning)
    assert str(read_only_cache) in str(cache.warning) and "temporary cache" in str(cache.warning)
    assert "damaged" not in str(cache.warning)
    assert read_only_cache.exists()  # never deleted
    cache.close()


def test_translation_with_a_read_only_cache_succeeds(read_only_cache, tiny_argos_package):
    from studyreader.translate.engine import TranslationEngine

    engine = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=read_only_cache)
    result = engine.translate_text("我们学习。")
    assert result.blocks[0].text
    assert "temporary cache" in str(engine.cache.warning)
    engine.close()
