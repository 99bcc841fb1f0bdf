from datetime import date

import pytest

from studyreader.notes import parse_notes

WRAP = "<!-- Content_START -->\n{}\n<!-- Content_END -->\n"


def dates(text, **kw):
    return [e.date.isoformat() for e in parse_notes(text, **kw).entries]


@pytest.mark.parametrize(
    "heading",
    ["### 2025.01.06", "### 2025.1.6", "### 2025-01-06", "### 2025/01/06", "## 2025.01.06", "# 2025.01.06",
     "### 2025.01.06 周一 读 OP 文档", "###2025.1.6", "   ### 2025.01.06"],
)
def test_dated_heading_forms(heading):
    assert dates(WRAP.format(f"{heading}\nsome text here")) == ["2025-01-06"]


@pytest.mark.parametrize(
    "heading", ["#### 2025.01.06", "### 2025.01", "### 学习 2025.01.06", "    ### 2025.01.06", "### 20250106"]
)
def test_not_dated_headings(heading):
    assert dates(WRAP.format(f"{heading}\ntext")) == []


def test_yearless_dates_take_the_neighbours_year():
    body = "### 2024.12.30\na\n### 12.31\nb\n### 1.1\nc\n### 01/02 MPT\nd\n### 2025.01.03\ne"
    assert dates(WRAP.format(body)) == ["2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02", "2025-01-03"]


def test_yearless_dates_use_front_matter_year_then_current_year():
    text = "---\nstart: 2023-04-01\n---\n" + WRAP.format("### 04/05\nx\n### 04/06\ny")
    assert dates(text) == ["2023-04-05", "2023-04-06"]
    assert dates(WRAP.format("### 1.6\nx"), today=date(2026, 3, 1)) == ["2026-01-06"]
    # a year-less date that would lie in the future belongs to last year
    assert dates(WRAP.format("### 11.6\nx"), today=date(2026, 3, 1)) == ["2025-11-06"]


def test_numbered_sections_are_not_dates_in_a_dated_file():
    body = "### 2025.4.10\n# 脚本\n## 4. 常见脚本\n### 4.1 Pay to Public Key\nx\n### 4.2 P2PKH\ny\n### 2025.4.11\nz"
    notes = parse_notes(WRAP.format(body))
    assert [e.date.isoformat() for e in notes.entries] == ["2025-04-10", "2025-04-11"]
    assert "### 4.1 Pay to Public Key" in notes.entries[0].content


def test_headings_inside_fenced_code_are_ignored():
    body = (
        "### 2025.01.06\n```md\n### 2025.01.07\n<!-- Content_END -->\n```\n"
        "~~~~\n### 2025.01.08\n~~~~\n### 2025.01.09\nok"
    )
    notes = parse_notes(WRAP.format(body))
    assert [e.date.isoformat() for e in notes.entries] == ["2025-01-06", "2025-01-09"]
    assert notes.region is not None and notes.text[notes.region.end:].startswith("<!-- Content_END -->\n")
    assert notes.region.end_line == notes.text.count("\n")


def test_markers_in_code_before_the_real_pair_are_skipped():
    text = (
        "```\n<!-- Content_START -->\n```\nintro\n"
        "<!-- Content_START -->\n### 2025.01.06\nhello world\n<!-- Content_END -->\n"
    )
    notes = parse_notes(text)
    assert notes.region.start_line == 5
    assert dates(text) == ["2025-01-06"]


def test_any_marker_name_and_per_entry_wrappers():
    text = (
        "<!-- Notes_START -->\n# 2025-08-23\n<!-- DAILY_CHECKIN_2025-08-23_START -->\nhello there friends\n"
        "<!-- DAILY_CHECKIN_2025-08-23_END -->\n\n# 2025-08-22\n<!-- DAILY_CHECKIN_2025-08-22_START -->\nhi\n"
        "<!-- DAILY_CHECKIN_2025-08-22_END -->\n<!-- Notes_END -->\n"
    )
    notes = parse_notes(text)
    assert notes.region.name == "Notes"
    assert [e.date.isoformat() for e in notes.entries] == ["2025-08-23", "2025-08-22"]
    first = notes.entries[0]
    assert first.wrapper.name == "DAILY_CHECKIN_2025-08-23"
    assert first.chars == len("hellotherefriends")  # marker lines do not count
    assert notes.newest_first


def test_region_problems_are_reported():
    assert "marker pair" in str(parse_notes("### 2025.01.06\nx\n").region_problem)
    problem = str(parse_notes("<!-- Content_END -->\n### 2025.01.06\n<!-- Content_START -->\n").region_problem)
    assert "comes before" in problem
    # without markers the entries are still read for viewing
    assert dates("### 2025.01.06\nx\n") == ["2025-01-06"]


def test_duplicates_empty_and_out_of_order_are_kept_and_reported():
    body = "### 2025.01.06\naaa\n### 2025.01.08\n\n### 2025.01.07\nbbb\n### 2025.01.06\nccc"
    notes = parse_notes(WRAP.format(body))
    assert [e.date.day for e in notes.entries] == [6, 8, 7, 6]
    joined = "\n".join(map(str, notes.warnings))
    assert "duplicate" in joined and "empty" in joined and "out of date order" in joined
    assert notes.entry_for(date(2025, 1, 6)).content.strip() == "aaa"


def test_impossible_dates_are_not_entries():
    notes = parse_notes(WRAP.format("### 2025.02.30\nx\n### 2025.03.01\ny"))
    assert [e.date.isoformat() for e in notes.entries] == ["2025-03-01"]
    assert any("impossible date" in str(w) for w in notes.warnings)


def test_entry_offsets_lines_and_chars():
    text = "intro\n" + WRAP.format("### 2025.01.06\n第一 行\n\n### 2025.01.07")
    notes = parse_notes(text)
    first, second = notes.entries
    assert first.line == 3 and second.line == 6
    assert text[first.start:first.body_start] == "### 2025.01.06\n"
    assert first.content == "第一 行\n\n" and first.chars == 3
    assert second.chars == 0 and second.end == notes.region.end
    assert notes.line_of(second.start) == 6


def test_crlf_and_unclosed_fence_warning():
    text = "<!-- Content_START -->\r\n### 2025.01.06\r\nx y z\r\n```\r\n### 2025.01.07\r\n<!-- Content_END -->\r\n"
    notes = parse_notes(text)
    assert notes.line_ending == "\r\n"
    assert [e.heading for e in notes.entries] == ["### 2025.01.06"]
    assert any("never closed" in str(w) for w in notes.warnings)
