from datetime import date, timedelta

import pytest

from studyreader.notes import parse_notes
from studyreader.notes.verdict import programme_verdicts, verdicts_for

D0 = date(2025, 1, 6)


def day(n):
    return D0 + timedelta(days=n)


def test_more_than_ten_characters_is_done():
    chars = {day(0): 11, day(1): 10}
    verdicts = verdicts_for(chars, day(0), day(1), today=day(5))
    assert [v.verdict for v in verdicts] == ["done", "missed"]
    assert [v.symbol for v in verdicts] == ["✅", "⭕️"]


def test_third_miss_in_a_cycle_eliminates_from_that_day_on():
    chars = {day(0): 20, day(4): 20, day(6): 50, day(7): 50}
    verdicts = verdicts_for(chars, day(0), day(8), today=day(30))
    assert [v.verdict for v in verdicts] == [
        "done", "missed", "missed", "eliminated", "eliminated", "eliminated", "eliminated", "eliminated", "eliminated",
    ]
    assert verdicts[3].symbol == "❌"


def test_misses_reset_each_seven_day_cycle():
    done = {day(n): 20 for n in range(14) if n not in (5, 6, 7, 8)}
    verdicts = verdicts_for(done, day(0), day(13), today=day(30))
    assert [v.verdict for v in verdicts].count("eliminated") == 0
    assert [v.verdict for v in verdicts][5:9] == ["missed"] * 4


def test_today_and_future_days_are_pending_unless_done():
    chars = {day(2): 30}
    verdicts = verdicts_for(chars, day(0), day(4), today=day(2))
    assert [v.verdict for v in verdicts] == ["missed", "missed", "done", "pending", "pending"]


def test_from_a_notes_file_with_default_span():
    text = "<!-- Content_START -->\n### 2025.01.06\nabcdefghijk\n### 2025.01.08\nshort\n<!-- Content_END -->\n"
    verdicts = programme_verdicts(parse_notes(text), today=date(2025, 2, 1))
    assert [(v.date.isoformat(), v.verdict) for v in verdicts] == [
        ("2025-01-06", "done"), ("2025-01-07", "missed"), ("2025-01-08", "missed"),
    ]
    span = programme_verdicts(parse_notes(text), start=date(2025, 1, 5), end=date(2025, 1, 6), today=date(2025, 2, 1))
    assert [v.verdict for v in span] == ["missed", "done"]


# ---- far-out typo years (issue 12) ------------------------------------------------------------

@pytest.mark.parametrize("heading", ["### 9999.12.31", "### 0001.01.01", "### 2205.01.07"])
def test_a_typo_year_is_a_warning_and_does_not_stretch_the_programme(tmp_path, heading):
    import subprocess
    import sys

    from tests.support.hostile import far_year_notes

    path = tmp_path / "notes.md"
    path.write_text(far_year_notes(heading), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "studyreader", "status", str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "far from the file's other dates" in result.stderr and "left out of the programme" in result.stderr
    days = [line.split()[0] for line in result.stdout.splitlines() if line[:4].isdigit()]  # after the header
    assert days == ["2025-01-06", "2025-01-07", "2025-01-08"]


def test_an_explicit_span_ending_on_the_last_date_does_not_overflow():
    verdicts = verdicts_for({}, date(9999, 12, 29), date(9999, 12, 31), date(2025, 1, 1))
    assert [v.date.day for v in verdicts] == [29, 30, 31]
