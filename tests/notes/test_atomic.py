"""Crash-safe writes: the leftovers of a crashed save are cleaned up by the next one."""

from __future__ import annotations

import os
import time

from studyreader.notes import atomic


def test_a_save_removes_old_leftovers_of_crashed_saves_only(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("旧\n", encoding="utf-8")
    old = time.time() - atomic.STALE_SECONDS - 60
    stale = tmp_path / ".notes.md.k3j9_x0a.tmp"  # a save killed long ago
    recent = tmp_path / ".notes.md.abcd1234.tmp"  # another process saving right now
    other = tmp_path / ".other.md.zzzz9999.tmp"  # another file's
    mine = tmp_path / ".notes.md.backup.tmp"  # not a name mkstemp makes
    for leftover in (stale, recent, other, mine):
        leftover.write_text("x", encoding="utf-8")
        os.utime(leftover, (old, old))
    os.utime(recent, None)

    atomic.atomic_write_bytes(notes, "新\n".encode())

    assert notes.read_text(encoding="utf-8") == "新\n"
    assert not stale.exists()
    assert recent.exists() and other.exists() and mine.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".notes.md.")) == [
        ".notes.md.abcd1234.tmp", ".notes.md.backup.tmp"]


def test_the_leftover_name_is_what_a_save_makes(tmp_path, monkeypatch):
    notes = tmp_path / "notes.md"
    notes.write_text("a\n", encoding="utf-8")
    made = []
    real_replace = os.replace

    def spy(source, destination):
        made.append(os.path.basename(source))
        return real_replace(source, destination)

    monkeypatch.setattr(atomic.os, "replace", spy)
    atomic.atomic_write_bytes(notes, b"b\n")
    later = time.time() + atomic.STALE_SECONDS + 1
    (tmp_path / made[0]).write_text("left by a crash", encoding="utf-8")  # as if replace never ran
    assert atomic.remove_stale_temporaries(notes, now=later) == [tmp_path / made[0]]
