import os
import stat
import subprocess
import sys
import tempfile
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from studyreader.notes import NotesError, append_entry, load_notes, parse_notes, replace_entry
from studyreader.paths import sample_notes

OLDEST_FIRST = (
    "---\ntimezone: Asia/Shanghai\n---\n\n# 我\n\n<!-- Content_START -->\n\n"
    "### 2025.01.06\n第一天\n\n### 2025.01.07\n\n<!-- Content_END -->\n\nfooter\n"
)


def write(tmp_path, text, name="notes.md", data=None):
    path = tmp_path / name
    path.write_bytes(data if data is not None else text.encode("utf-8"))
    return path


def assert_single_insertion(old: bytes, new: bytes) -> tuple[int, bytes]:
    """``new`` is ``old`` with one contiguous run inserted; returns (offset, run)."""
    assert len(new) > len(old)
    prefix = 0
    while prefix < len(old) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < len(old) - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    assert prefix + suffix == len(old), "more than one place changed"
    return prefix, new[prefix : len(new) - suffix]


def test_new_entry_goes_to_the_end_of_an_oldest_first_file(tmp_path):
    path = write(tmp_path, OLDEST_FIRST)
    old = path.read_bytes()
    result = append_entry(path, "学习了 Sequencer。\n", date=date(2025, 1, 8))
    assert result.created and result.date == date(2025, 1, 8)
    offset, _ = assert_single_insertion(old, path.read_bytes())
    assert path.read_text() == OLDEST_FIRST.replace(
        "### 2025.01.07\n", "### 2025.01.07\n\n### 2025.01.08\n学习了 Sequencer。\n"
    )
    notes = load_notes(path)
    assert notes.entries[-1].date == date(2025, 1, 8) and notes.entries[-1].line == result.line
    assert notes.region.start <= offset <= notes.region.end


def test_empty_entry_is_filled_and_full_entry_gets_text_after_its_content(tmp_path):
    path = write(tmp_path, OLDEST_FIRST)
    append_entry(path, "填上", date="2025-01-07")
    notes = load_notes(path)
    assert notes.entry_for(date(2025, 1, 7)).content.strip() == "填上"
    append_entry(path, "再加一段", date=date(2025, 1, 6))
    entry = load_notes(path).entry_for(date(2025, 1, 6))
    assert entry.content == "第一天\n\n再加一段\n\n"
    assert not append_entry(path, "x" * 3, date=date(2025, 1, 6)).created


def test_today_is_computed_in_the_file_zone(tmp_path):
    path = write(tmp_path, OLDEST_FIRST)
    now = datetime(2025, 1, 8, 16, 30, tzinfo=timezone.utc)  # 00:30 on the 9th in Shanghai
    assert append_entry(path, "夜里学习", now=now).date == date(2025, 1, 9)


def test_newest_first_file_gets_new_entry_at_the_start_in_its_style(tmp_path):
    text = "<!-- Content_START -->\nintro\n## 2025-1-8\nb\n\n## 2025-1-7\na\n<!-- Content_END -->"
    path = write(tmp_path, text)
    append_entry(path, "c", date=date(2025, 1, 9))
    new = path.read_text()
    assert new == (
        "<!-- Content_START -->\nintro\n## 2025-1-9\nc\n\n## 2025-1-8\nb\n\n## 2025-1-7\na\n<!-- Content_END -->"
    )
    assert not new.endswith("\n")  # the trailing-newline state is kept


def test_wrapped_entries_get_a_wrapper_and_appends_go_inside_it(tmp_path):
    text = (
        "<!-- Content_START -->\n# 2025-08-23\n<!-- DAILY_CHECKIN_2025-08-23_START -->\nhello\n"
        "<!-- DAILY_CHECKIN_2025-08-23_END -->\n\n# 2025-08-22\n<!-- DAILY_CHECKIN_2025-08-22_START -->\n"
        "<!-- DAILY_CHECKIN_2025-08-22_END -->\n<!-- Content_END -->\n"
    )
    path = write(tmp_path, text)
    append_entry(path, "new day", date=date(2025, 8, 24))
    append_entry(path, "more", date=date(2025, 8, 23))
    append_entry(path, "filled", date=date(2025, 8, 22))
    assert path.read_text() == (
        "<!-- Content_START -->\n# 2025-08-24\n<!-- DAILY_CHECKIN_2025-08-24_START -->\nnew day\n"
        "<!-- DAILY_CHECKIN_2025-08-24_END -->\n\n"
        "# 2025-08-23\n<!-- DAILY_CHECKIN_2025-08-23_START -->\nhello\n\nmore\n"
        "<!-- DAILY_CHECKIN_2025-08-23_END -->\n\n# 2025-08-22\n<!-- DAILY_CHECKIN_2025-08-22_START -->\nfilled\n"
        "<!-- DAILY_CHECKIN_2025-08-22_END -->\n<!-- Content_END -->\n"
    )


def test_crlf_bom_and_mode_are_kept(tmp_path):
    data = "\ufeff<!-- Content_START -->\r\n### 2025.01.06\r\nx\r\n<!-- Content_END -->\r\n".encode()
    path = write(tmp_path, "", data=data)
    os.chmod(path, 0o640)
    append_entry(path, "line one\nline two", date=date(2025, 1, 7))
    new = path.read_bytes()
    assert new.startswith(b"\xef\xbb\xbf")
    offset, run = assert_single_insertion(data, new)
    assert run == b"\r\n### 2025.01.07\r\nline one\r\nline two\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]  # no temporary file left behind


def test_symlinked_notes_file_stays_a_symlink(tmp_path):
    real = write(tmp_path, OLDEST_FIRST, name="real.md")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    append_entry(link, "via link", date=date(2025, 1, 8))
    assert link.is_symlink() and "via link" in real.read_text()


def test_yearless_file_gets_a_heading_that_parses_back_to_the_right_date(tmp_path):
    path = write(tmp_path, "<!-- Content_START -->\n### 04/05 MPT\nabc\n### 04/06\ndef\n<!-- Content_END -->\n")
    append_entry(path, "today", date=date(2026, 4, 7))
    notes = load_notes(path, today=date(2026, 4, 7))
    assert notes.entries[-1].date == date(2026, 4, 7)


def test_replace_edits_an_entry_in_place(tmp_path):
    path = write(tmp_path, OLDEST_FIRST)
    old = path.read_text()
    replace_entry(path, "改写后的内容", date=date(2025, 1, 6))
    new = path.read_text()
    assert new == old.replace("### 2025.01.06\n第一天\n", "### 2025.01.06\n改写后的内容\n")
    replace_entry(path, "新的一天", date=date(2025, 1, 9))
    assert load_notes(path).entry_for(date(2025, 1, 9)).content.strip() == "新的一天"


# ---- refusals: the file is never touched -------------------------------------------------------

@pytest.mark.parametrize(
    "data, message",
    [
        (b"### 2025.01.06\nx\n", "marker pair"),
        (b"<!-- Content_END -->\n<!-- Content_START -->\n", "comes before"),
        ("<!-- Content_START -->\n笔记\n<!-- Content_END -->\n".encode("gbk"), "GBK"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("<!-- Content_START -->\n".encode("utf-16"), "UTF-16"),
        (b"<!-- Content_START -->\n\xff\xfe bad\n<!-- Content_END -->\n", "not valid UTF-8"),
    ],
)
def test_bad_files_are_refused_untouched(tmp_path, data, message):
    path = write(tmp_path, "", data=data)
    with pytest.raises(NotesError) as caught:
        append_entry(path, "text", date=date(2025, 1, 6))
    assert message in str(caught.value) and str(path) in str(caught.value)
    assert path.read_bytes() == data


@pytest.mark.parametrize(
    "text, day, message",
    [
        ("", date(2025, 1, 6), "empty"),
        ("  \n\n", date(2025, 1, 6), "empty"),
        ("ok", "2025-02-30", "not a real calendar date"),
        ("ok", "2025/01/06", "YYYY-MM-DD"),
        ("a\n### 2025.01.09\nb", date(2025, 1, 6), "dated heading"),
        ("<!-- Content_END -->", date(2025, 1, 6), "marker"),
        ("```python\nprint(1)", date(2025, 1, 6), "never closed"),
    ],
)
def test_bad_requests_are_refused_untouched(tmp_path, text, day, message):
    path = write(tmp_path, OLDEST_FIRST)
    with pytest.raises(NotesError, match=message):
        append_entry(path, text, date=day)
    assert path.read_text() == OLDEST_FIRST


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(NotesError, match="no such file"):
        append_entry(tmp_path / "nope.md", "x")
    with pytest.raises(NotesError, match="is a folder"):
        append_entry(tmp_path, "x")


def test_unwritable_file_is_refused(tmp_path):
    folder = Path(tempfile.mkdtemp(prefix="studyreader-ro-"))
    try:
        os.chmod(folder, 0o755)
        path = folder / "notes.md"
        path.write_text(OLDEST_FIRST)
        os.chmod(path, 0o444)
        warm = folder / "warm.md"
        warm.write_text(OLDEST_FIRST)
        argv = ["append", str(path), "--text", "x", "--date", "2025-01-08"]
        # As root every file is writable, so the child drops to "nobody" once a first run on a
        # writable copy has imported everything it needs.
        drop = "os.setgid(65534); os.setuid(65534); " if os.geteuid() == 0 else ""
        code = (
            "import os, studyreader.cli as cli; "
            f"cli.main(['append', {str(warm)!r}, '--text', 'x', '--date', '2025-01-08']); "
            f"{drop}raise SystemExit(cli.main({argv!r}))"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert result.returncode == 2, result.stderr
        assert "not writable" in result.stderr and str(path) in result.stderr
        assert "Traceback" not in result.stderr
        assert path.read_text() == OLDEST_FIRST
    finally:
        for child in folder.iterdir():
            child.unlink()
        folder.rmdir()


def test_the_bundled_sample_accepts_an_entry(tmp_path):
    path = write(tmp_path, "", data=sample_notes().read_bytes())
    before = load_notes(path)
    append_entry(path, "今天读了 OP Stack 的规范。", date=date(2025, 1, 11))
    after = load_notes(path)
    assert len(after.entries) == len(before.entries) + 1
    assert [e.content for e in after.entries[:-1]][:-1] == [e.content for e in before.entries][:-1]
    assert parse_notes(path.read_text()).entries[-1].heading == "### 2025.01.11"


def test_replacing_with_the_same_text_changes_nothing(tmp_path):
    path = write(tmp_path, "", data=sample_notes().read_bytes())
    before = path.read_bytes()
    notes = load_notes(path)
    from studyreader.notes.writer import editable_span

    for entry in notes.entries:
        start, end = editable_span(notes, entry)
        replace_entry(path, notes.text[start:end], date=entry.date)
        assert path.read_bytes() == before
    entry = notes.entries[-1]
    start, end = editable_span(notes, entry)
    replace_entry(path, notes.text[start:end].replace("治理", "治理（改）", 1), date=entry.date)
    offset, _ = assert_single_insertion(before, path.read_bytes())
    assert offset > entry.body_start


def test_new_entries_copy_the_blank_line_under_the_heading(tmp_path):
    text = (
        "<!-- Content_START -->\n### 2025.01.06\n\n第一天\n\n"
        "### 2025.01.07\n\n第二天\n\n### 2025.01.08\n<!-- Content_END -->\n"
    )
    path = write(tmp_path, text)
    append_entry(path, "第三天", date=date(2025, 1, 9))
    append_entry(path, "补上", date=date(2025, 1, 8))
    assert path.read_text().endswith("### 2025.01.08\n\n补上\n\n### 2025.01.09\n\n第三天\n<!-- Content_END -->\n")
