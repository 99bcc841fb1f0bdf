from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from studyreader.notes import parse_notes
from studyreader.notes.frontmatter import read_front_matter, resolve_timezone


def _offset(choice):
    return choice.tz.utcoffset(datetime(2025, 1, 6, 12, 0))


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Asia/Shanghai", timedelta(hours=8)),
        ("America/New_York", timedelta(hours=-5)),
        ("UTC", timedelta(0)),
        ("UTC+8", timedelta(hours=8)),
        ("GMT-5", timedelta(hours=-5)),
        ("UTC+5:30", timedelta(hours=5, minutes=30)),
        ("UTC+05:30", timedelta(hours=5, minutes=30)),
        ("+08:00", timedelta(hours=8)),
        ("utc+13", timedelta(hours=13)),
    ],
)
def test_accepted_zones(value, expected):
    choice = resolve_timezone(value)
    assert choice.warning is None
    assert _offset(choice) == expected


@pytest.mark.parametrize("value", ["Mars/Olympus", "UTC+99", "timezone: Asia/Shanghai", "8点", "GMT+5:75"])
def test_malformed_zone_falls_back_with_warning(value):
    choice = resolve_timezone(value)
    assert choice.warning is not None and repr(value) in str(choice.warning)
    assert _offset(choice) == datetime.now().astimezone().utcoffset()


def test_front_matter_with_comment_and_quotes():
    text = "---\ntimezone: 'Asia/Shanghai'   # 北京时间\nname: x\n---\n\n# me\n"
    front = read_front_matter(text)
    assert front.values["timezone"] == "Asia/Shanghai"
    assert text[front.end:].startswith("\n# me")
    notes = parse_notes(text)
    assert notes.tz == ZoneInfo("Asia/Shanghai")
    assert notes.warnings == ()


def test_front_matter_with_crlf():
    notes = parse_notes("---\r\ntimezone: UTC+8\r\n---\r\nbody\r\n")
    assert notes.tz.utcoffset(None) == timedelta(hours=8)


def test_no_front_matter_uses_local_zone():
    notes = parse_notes("# notes\n")
    assert notes.tz.utcoffset(datetime.now()) == datetime.now().astimezone().utcoffset()


def test_unclosed_front_matter_is_not_front_matter():
    assert read_front_matter("---\ntimezone: UTC+8\nno end\n").end == 0


def test_bad_zone_in_file_is_reported_not_fatal():
    notes = parse_notes(
        "---\ntimezone: Nowhere/City\n---\n<!-- Content_START -->\n### 2025.01.06\ntext\n<!-- Content_END -->\n"
    )
    assert any("Nowhere/City" in str(w) for w in notes.warnings)
    assert [e.date.isoformat() for e in notes.entries] == ["2025-01-06"]


def test_today_follows_the_file_zone():
    notes = parse_notes("---\ntimezone: Asia/Shanghai\n---\n")
    late_utc = datetime(2025, 1, 6, 17, 30, tzinfo=timezone.utc)  # 01:30 on the 7th in Shanghai
    assert notes.today(late_utc).isoformat() == "2025-01-07"
    assert parse_notes("---\ntimezone: GMT-5\n---\n").today(late_utc).isoformat() == "2025-01-06"
