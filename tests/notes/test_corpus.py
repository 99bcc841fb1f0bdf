"""Conformance over real notes files from public co-learning programmes (skipped when absent)."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import pytest

from studyreader.notes import NotesError, load_notes
from studyreader.programme import status_for
from tests.conftest import corpus_files
from tests.notes.append_check import check_append

FILES = corpus_files()
pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpus is not present")


@pytest.mark.parametrize("source", FILES, ids=[f.name for f in FILES])
def test_real_file_parses_and_accepts_appends(source, tmp_path):
    notes = load_notes(source)
    assert notes.entries, f"{source.name}: no dated entries found"
    assert all(entry.heading.lstrip().startswith("#") for entry in notes.entries)
    assert status_for(source).verdicts
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    if notes.region is None:
        with pytest.raises(NotesError, match="marker pair"):
            check_append(copy, "x", date(2025, 1, 1))
        assert copy.read_bytes() == source.read_bytes()
        return
    latest = max(entry.date for entry in notes.entries)
    check_append(copy, "今天学习了 Superchain 的互操作性。\n- 要点", latest + timedelta(days=1))
    check_append(copy, "补充一段：`L1StandardBridge` 负责存款。", notes.entries[0].date)
    empty = next((entry for entry in load_notes(copy).entries if entry.chars == 0), None)
    if empty is not None:
        check_append(copy, "填上空的一天", empty.date)


def test_corpus_has_the_shapes_we_rely_on():
    parsed = {f.name: load_notes(f) for f in FILES}
    assert any(n.newest_first for n in parsed.values())
    assert any(e.wrapper for n in parsed.values() for e in n.entries)
    assert any(n.region is None for n in parsed.values())
