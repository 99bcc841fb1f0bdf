"""``append`` writes only text the parser reads back the same way (issue 12, item 14)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from studyreader.notes import NotesError, append_entry, load_notes

NOTES = "<!-- Content_START -->\n### 2025.01.06\n第一天的学习记录。\n<!-- Content_END -->\n"


@pytest.fixture
def notes_file(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    return path


def test_a_nul_from_standard_input_is_refused_and_the_file_untouched(notes_file):
    result = subprocess.run(
        [sys.executable, "-m", "studyreader", "append", str(notes_file), "--text-file", "-", "--date", "2025-01-07"],
        input=b"abc\x00def\n", capture_output=True, timeout=60,
    )
    assert result.returncode == 2 and b"NUL" in result.stderr and b"Traceback" not in result.stderr
    assert notes_file.read_text(encoding="utf-8") == NOTES
    assert load_notes(notes_file).entries[0].date == date(2025, 1, 6)  # still readable


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\r"])
def test_a_heading_behind_any_line_separator_is_refused(notes_file, separator):
    with pytest.raises(NotesError, match="dated heading"):
        append_entry(notes_file, f"正文{separator}### 2025.01.20", date=date(2025, 1, 7))
    assert notes_file.read_text(encoding="utf-8") == NOTES


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x0c", "\x0b", "\x85"])
def test_other_line_separators_become_the_file_line_ending(notes_file, separator):
    append_entry(notes_file, f"第一行{separator}第二行", date=date(2025, 1, 7))
    text = notes_file.read_text(encoding="utf-8")
    assert separator not in text and "第一行\n第二行\n" in text
    notes = load_notes(notes_file)
    assert len(notes.text.splitlines()) == notes.text.count("\n")  # line numbers mean the same to everyone
    assert [(e.date, e.line) for e in notes.entries] == [(date(2025, 1, 6), 2), (date(2025, 1, 7), 5)]


def test_lines_inserted_into_a_cr_only_file_use_cr(tmp_path):
    path = tmp_path / "notes.md"
    path.write_bytes(NOTES.replace("\n", "\r").encode())
    append_entry(path, "一\n二\r\n三", date=date(2025, 1, 7))
    append_entry(path, "补充", date=date(2025, 1, 6))
    data = path.read_bytes()
    assert b"\n" not in data
    notes = load_notes(path)
    assert [e.date for e in notes.entries] == [date(2025, 1, 6), date(2025, 1, 7)]
    assert notes.entries[1].content.split("\r")[:3] == ["一", "二", "三"]
    assert "补充" in notes.entries[0].content
