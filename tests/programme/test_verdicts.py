"""Both generations of the bot's rules on small files, with the reason per day."""

from __future__ import annotations

from datetime import date, datetime, timezone

from studyreader.programme.model import NEWER, OLDER
from studyreader.programme.verdicts import bot_verdicts, missing_file_row

LONG = "今天学习了很多很多的内容"


def notes(days: list[date], tz: str = "Asia/Shanghai") -> str:
    body = "\n".join(f"### {d:%Y.%m.%d}\n{LONG}\n" for d in days)
    return f"---\ntimezone: {tz}\n---\n<!-- Content_START -->\n{body}\n<!-- Content_END -->\n"


AFTER = datetime(2026, 1, 1, tzinfo=timezone.utc)


def marks(verdicts) -> list[str]:
    return [v.mark for v in verdicts]


def test_older_weeks_run_monday_to_sunday():
    # starts on Wednesday 2025-01-08; misses on Sat and Sun, then Mon and Tue of the next week: no ❌
    written = [date(2025, 1, 8), date(2025, 1, 9), date(2025, 1, 10), date(2025, 1, 15), date(2025, 1, 16)]
    row = bot_verdicts(notes(written), date(2025, 1, 8), date(2025, 1, 16), OLDER, 2, AFTER)
    assert marks(row) == ["✅", "✅", "✅", "⭕️", "⭕️", "⭕️", "⭕️", "✅", "✅"]


def test_newer_cycles_run_seven_days_from_the_start():
    written = [date(2025, 1, 8), date(2025, 1, 9), date(2025, 1, 10), date(2025, 1, 15), date(2025, 1, 16)]
    row = bot_verdicts(notes(written), date(2025, 1, 8), date(2025, 1, 16), NEWER, 2, AFTER)
    # Sat 11, Sun 12, Mon 13 are one cycle (8–14): the third miss eliminates
    assert marks(row) == ["✅", "✅", "✅", "⭕️", "⭕️", "❌", "", "", ""]
    assert "3 misses in the cycle 2025-01-08 – 2025-01-14" in str(row[5].reason) and "allowance 2" in str(row[5].reason)
    assert row[6].verdict == "eliminated" and "eliminated on 2025-01-13" in str(row[6].reason)


def test_the_newer_allowance_comes_from_the_readme_the_older_is_always_two():
    written = [date(2025, 1, 6)]
    newer = bot_verdicts(notes(written), date(2025, 1, 6), date(2025, 1, 12), NEWER, 3, AFTER)
    older = bot_verdicts(notes(written), date(2025, 1, 6), date(2025, 1, 12), OLDER, 3, AFTER)
    assert marks(newer) == ["✅", "⭕️", "⭕️", "⭕️", "❌", "", ""]
    assert marks(older) == ["✅", "⭕️", "⭕️", "❌", "", "", ""]
    assert "fixed allowance" in str(older[3].reason)


def test_newer_today_is_blank_until_written_and_never_a_miss():
    start, end = date(2025, 1, 6), date(2025, 1, 9)
    # 2025-01-08 10:00 in Shanghai: the 6th and 7th are over, the 8th is in progress, the 9th ahead
    now = datetime(2025, 1, 8, 2, 0, tzinfo=timezone.utc)
    row = bot_verdicts(notes([start]), start, end, NEWER, 2, now)
    assert marks(row) == ["✅", "⭕️", "", ""]
    assert row[2].verdict == "pending" and "today in the bot's zone (Asia/Shanghai)" in str(row[2].reason)
    assert "not reached yet" in str(row[3].reason)
    written = bot_verdicts(notes([start, date(2025, 1, 8)]), start, end, NEWER, 2, now)
    assert marks(written) == ["✅", "⭕️", "✅", ""]


def test_the_day_ends_at_midnight_in_the_bots_zone():
    start = date(2025, 1, 6)
    before = datetime(2025, 1, 6, 15, 59, tzinfo=timezone.utc)  # 23:59 in Shanghai
    after = datetime(2025, 1, 6, 16, 0, tzinfo=timezone.utc)
    assert marks(bot_verdicts(notes([]), start, start, NEWER, 2, before)) == [""]
    assert marks(bot_verdicts(notes([]), start, start, NEWER, 2, after)) == ["⭕️"]
    # in UTC-5 the same moments are still the 6th
    assert marks(bot_verdicts(notes([], "UTC-5"), start, start, NEWER, 2, after)) == [""]


def test_an_unreadable_zone_is_judged_in_shanghai_and_the_reason_says_so():
    start = date(2025, 1, 6)
    now = datetime(2025, 1, 6, 3, 0, tzinfo=timezone.utc)
    (verdict,) = bot_verdicts(notes([], "UTC+5.5"), start, start, OLDER, 2, now)
    assert verdict.mark == "" and "cannot read timezone 'UTC+5.5'" in str(verdict.reason)


def test_older_bot_compares_only_the_day_of_the_month():
    # run on 2025-02-08: every programme day numbered 8 is "today" for the older script
    start, end = date(2025, 1, 6), date(2025, 1, 10)
    now = datetime(2025, 2, 8, 4, 0, tzinfo=timezone.utc)
    row = bot_verdicts(notes([start, date(2025, 1, 7)]), start, end, OLDER, 2, now)
    assert marks(row) == ["✅", "✅", "", "⭕️", "⭕️"]
    assert "takes every programme day numbered 8 for today" in str(row[2].reason)


def test_a_row_without_a_notes_file_is_missed_every_day_but_never_eliminated():
    row = missing_file_row(date(2025, 1, 6), date(2025, 1, 19))
    assert set(marks(row)) == {"⭕️"} and len(row) == 14
