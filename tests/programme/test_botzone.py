"""The time zone each generation of the bot reads from a notes file."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from studyreader.programme.botzone import bot_zone
from studyreader.programme.model import NEWER, OLDER

MOMENT = datetime(2025, 1, 15, 12, 0, tzinfo=timezone.utc)  # no DST anywhere involved
SHANGHAI = timedelta(hours=8)


def offset(value: str, generation: str) -> tuple[timedelta, bool]:
    zone = bot_zone(f"---\ntimezone: {value}\n---\n# Notes\n", generation)
    return zone.tz.utcoffset(MOMENT), zone.readable


@pytest.mark.parametrize(
    "value, older, newer",
    [
        ("Asia/Kolkata", timedelta(hours=5, minutes=30), timedelta(hours=5, minutes=30)),
        ("america/new_york", timedelta(hours=-5), timedelta(hours=-5)),  # names are read regardless of case
        ("UTC", timedelta(0), timedelta(0)),
        ("UTC+8", SHANGHAI, SHANGHAI),
        ("GMT-3", timedelta(hours=-3), timedelta(hours=-3)),
        ("UTC+05:30", None, timedelta(hours=5, minutes=30)),  # older: whole hours only
        ("UTC+0530", None, timedelta(hours=5, minutes=30)),
        ("UTC+5.5", None, timedelta(hours=5, minutes=30)),
        ("UTC +9", None, timedelta(hours=9)),  # the older script reads only up to the first space
        ("ABC+2", timedelta(hours=2), None),  # the older script drops any three letters
        ("UTC+30", None, None),  # no such offset: both fall back
        ("Mars/Olympus_Mons", None, None),
        ("beijing time", None, None),
    ],
)
def test_time_zone_lines(value, older, newer):
    for generation, expected in ((OLDER, older), (NEWER, newer)):
        found, readable = offset(value, generation)
        if expected is None:
            assert (found, readable) == (SHANGHAI, False), (generation, value)
        else:
            assert (found, readable) == (expected, True), (generation, value)


def test_unreadable_line_is_named_in_the_note():
    zone = bot_zone("---\ntimezone: UTC+5.5\n---\n", OLDER)
    note = str(zone.note)
    assert zone.line == 2 and "cannot read timezone 'UTC+5.5' on line 2" in note and "Asia/Shanghai" in note


def test_a_timezone_list_item_is_not_read():
    text = "# Me\n\n- Timezone: UTC-5\n\n<!-- Content_START -->\n<!-- Content_END -->\n"
    zone = bot_zone(text, NEWER)
    assert zone.tz.utcoffset(MOMENT) == SHANGHAI and not zone.readable
    assert "line 3" in str(zone.note) and "Asia/Shanghai" in str(zone.note)


def test_other_front_matter_keys_hide_the_timezone_from_the_bot():
    zone = bot_zone("---\nname: me\ntimezone: UTC-5\n---\n", NEWER)
    assert zone.tz.utcoffset(MOMENT) == SHANGHAI and not zone.readable


def test_no_timezone_at_all_means_shanghai_not_the_computers_zone():
    zone = bot_zone("# Me\n", NEWER)
    assert zone.tz.utcoffset(MOMENT) == SHANGHAI and zone.readable and zone.name == "Asia/Shanghai"
