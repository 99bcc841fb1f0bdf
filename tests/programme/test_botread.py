"""How the bot reads a day, quirk by quirk, and the reason StudyReader gives for it."""

from __future__ import annotations

from datetime import date

import pytest

from studyreader.programme.botread import explain, read_day, read_days
from studyreader.programme.model import NEWER, OLDER


def wrap(body: str) -> str:
    return f"---\ntimezone: Asia/Shanghai\n---\n# Me\n<!-- Content_START -->\n{body}\n<!-- Content_END -->\n"


def test_a_daily_checkin_marker_counts_as_content():
    body = (
        "# 2026-07-27\n<!-- DAILY_CHECKIN_2026-07-27_START -->\nshort\n<!-- DAILY_CHECKIN_2026-07-27_END -->\n"
    )
    reading = read_day(wrap(body), date(2026, 7, 27), NEWER)
    assert reading.counts and reading.comment_chars > 0 and reading.chars - reading.comment_chars == 5
    assert "counts only because the bot also counts HTML comments" in str(explain(reading))
    assert "(5 of 11 characters without them)" in str(explain(reading))


def test_a_numbered_sub_heading_cuts_the_entry_short():
    body = (
        "### 2024.07.29\n读了\n### 3.1 Rollup 的数据可用性\n今天读了很多很多关于数据可用性的内容\n"
        "### 2024.07.30\n第二天的内容足够长了吧\n"
    )
    text = wrap(body)
    readings = read_days(text, [date(2024, 7, 29), date(2024, 7, 30)], OLDER)
    first = readings[date(2024, 7, 29)]
    assert not first.counts and first.chars == 2
    headings = {r.heading_line for r in readings.values()}
    reason = str(explain(first, headings))
    assert "cut short at line 8 by '### 3.1 Rollup 的数据可用性', which the bot reads as a date heading" in reason
    assert "too short: 2 of 11 characters" in reason
    # the next real day's heading ends an entry as expected: no quirk told
    assert "cut short" not in str(explain(read_day(text, date(2024, 7, 30), OLDER), headings))


def test_only_three_hashes_cut_for_the_older_bot_any_number_for_the_newer():
    body = "## 2024.07.29\nabc\n## 2024.07.30\n第二天写了很多内容了\n"
    older = read_day(wrap(body), date(2024, 7, 29), OLDER)
    newer = read_day(wrap(body), date(2024, 7, 29), NEWER)
    assert older.counts and older.cut_line is None  # runs on into the next day's text
    assert not newer.counts and newer.chars == 3


def test_a_year_less_heading_is_read_for_any_year():
    text = wrap("### 7.29\n今天学习了零知识证明的历史\n")
    for year in (2024, 2025):
        reading = read_day(text, date(year, 7, 29), NEWER)
        assert reading.counts and reading.style == "year-less m.d"
        assert "no year" in str(explain(reading))


def test_unescaped_dots_let_other_separators_pass():
    reading = read_day(wrap("### 2024x07x29\n今天学习了零知识证明的历史\n"), date(2024, 7, 29), OLDER)
    assert reading.counts
    assert "reads '.' as any character, so '2024x07x29' passes for '2024.07.29'" in str(explain(reading))


def test_a_short_date_pattern_matches_the_start_of_a_longer_heading():
    # the pattern for 2024-08-01 is "2024.8.1": it matches the start of "2024.8.10"
    reading = read_day(wrap("### 2024.8.10\n八月十日的笔记写在这里\n"), date(2024, 8, 1), OLDER)
    assert reading.found and reading.heading_line == 6
    assert "only the start of a longer number" in str(explain(reading))


def test_a_date_inside_a_line_is_found_too():
    reading = read_day(wrap("笔记见 #7.29 这一天的记录，内容很长很长\n"), date(2024, 7, 29), NEWER)
    assert reading.found and "inside a line" in str(explain(reading))


def test_nothing_is_read_without_the_content_markers():
    reading = read_day("### 2024.07.29\n今天学习了零知识证明的历史\n", date(2024, 7, 29), NEWER)
    assert not reading.found and str(explain(reading)) == "no heading the bot reads as 2024-07-29"


@pytest.mark.parametrize("body, chars, counts", [("abcdefghij", 10, False), ("abcde fghij k", 11, True),
                                                  ("中文 内容\u3000全角空格不算字", 11, True)])
def test_more_than_ten_non_space_characters(body, chars, counts):
    reading = read_day(wrap(f"### 2025.01.06\n{body}\n"), date(2025, 1, 6), NEWER)
    assert (reading.chars, reading.counts) == (chars, counts)


def test_iso_headings_are_a_newer_style():
    reading = read_day(wrap("# 2026-07-27\n今天学习了零知识证明的历史\n"), date(2026, 7, 27), NEWER)
    assert reading.style == "yyyy-mm-dd" and reading.quirks == ()
