"""Concurrent writers: real processes racing on one notes file never lose a text."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from studyreader.notes import EntryChangedError, load_notes, replace_entry
from studyreader.notes.writer import entry_text
from tests.support.hostile import dated_entries

REPO = Path(__file__).resolve().parents[2]
ROUNDS = 50  # the race; about 8 s on two busy cores


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), str(REPO), env.get("PYTHONPATH", "")])
    return env


def start_append(path: Path, text: str, day: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "studyreader", "append", str(path), "--text", text, "--date", day],
        env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def race(path: Path, rounds: int) -> list[str]:
    texts = []
    for number in range(rounds):
        day = f"2025-02-{number % 28 + 1:02d}"  # new entries and appends to existing ones
        pair = [(f"first-writer-{number}", day), (f"second-writer-{number}", day)]
        children = [start_append(path, text, when) for text, when in pair]
        for child, (text, _) in zip(children, pair):
            out, err = child.communicate(timeout=60)
            assert child.returncode == 0, err
            assert "Traceback" not in err
            texts.append(text)
    return texts


def test_two_append_processes_lose_nothing(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(dated_entries(20_000), encoding="utf-8")
    texts = race(path, ROUNDS)
    final = path.read_text(encoding="utf-8")
    missing = [text for text in texts if final.count(text + "\n") != 1]
    assert missing == []
    notes = load_notes(path)
    assert {e.date for e in notes.entries} >= {date(2025, 2, day) for day in range(1, 29)}


def test_an_external_writer_and_appends_keep_each_others_edits(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(dated_entries(20_000), encoding="utf-8")
    stop = tmp_path / "stop"
    external = subprocess.Popen(
        [sys.executable, "-m", "tests.support.external_writer", str(path), str(stop)],
        env=child_env(), cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        texts = race(path, 20)
    finally:
        stop.touch()
        out, err = external.communicate(timeout=60)
    assert external.returncode == 0, err
    edits = int(out)
    final = path.read_text(encoding="utf-8")
    assert [text for text in texts if final.count(text + "\n") != 1] == []
    assert [n for n in range(edits) if final.count(f"EXTERNAL-EDIT-{n}\n") != 1] == []
    assert edits >= 20


def test_an_in_place_replace_refuses_when_the_entry_changed_meanwhile(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(dated_entries(2_000), encoding="utf-8")
    notes = load_notes(path)
    day = notes.entries[1].date
    base = entry_text(notes, day)
    theirs = base.rstrip("\n") + "（别人改的）\n"
    changed = path.read_text(encoding="utf-8").replace(base, theirs, 1)
    path.write_text(changed, encoding="utf-8")  # another program edits the same entry
    with pytest.raises(EntryChangedError, match=day.isoformat()):
        replace_entry(path, "我的改写", date=day, expected=base)
    assert path.read_text(encoding="utf-8") == changed
    replace_entry(path, "我的改写", date=day, expected=theirs)
    assert entry_text(load_notes(path), day) == "我的改写\n"
