"""Parsing and appending are linear in the number of entries, and big mixed files accept entries."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from studyreader.notes import append_entry, load_notes, parse_notes
from tests.support.hostile import SHAPES, mixed_sections

RATIO_LIMIT = 6.0  # 4x the entries: linear is about 4, the old quadratic parser took 15 to 60


def cpu_time(function) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        function()
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_parse_time_grows_linearly(shape):
    small, large = SHAPES[shape](60_000), SHAPES[shape](240_000)
    parse_notes(small)
    ratio = cpu_time(lambda: parse_notes(large)) / cpu_time(lambda: parse_notes(small))
    assert ratio < RATIO_LIMIT, f"{shape}: 4x the entries took {ratio:.1f}x the time"


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_append_time_grows_linearly(tmp_path, shape):
    times = []
    for size in (60_000, 240_000):
        text = SHAPES[shape](size)
        path = tmp_path / f"{size}.md"
        path.write_text(text, encoding="utf-8")
        day = load_notes(path).entries[-1].date + timedelta(days=1)

        def new_entry_then_more(path=path, text=text, day=day):
            path.write_text(text, encoding="utf-8")
            append_entry(path, "新的一天。", date=day)
            append_entry(path, "再补一句。", date=day)

        times.append(cpu_time(new_entry_then_more))
    assert times[1] / max(times[0], 0.005) < RATIO_LIMIT, f"4x the entries took {times[1] / times[0]:.1f}x the time"


def test_a_mixed_file_with_numbered_sections_takes_new_entries(tmp_path):
    """Trailing ``### 4.3`` sections after the last date no longer block "a safe place"."""
    path = tmp_path / "notes.md"
    path.write_text(mixed_sections(60_000), encoding="utf-8")
    notes = load_notes(path)
    last = max(entry.date for entry in notes.entries if entry.style.with_year)
    for offset in (1, 2, 30, 400):
        day = last + timedelta(days=offset)
        before = len(load_notes(path).entries)
        result = append_entry(path, f"第 {offset} 天的学习记录。", date=day)
        after = load_notes(path)
        assert result.created and len(after.entries) == before + 1
        assert after.entry_for(day).line == result.line
