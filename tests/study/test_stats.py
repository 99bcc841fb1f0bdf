"""Streak and per-day arithmetic on plain values."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from studyreader.study.stats import (
    compute_stats,
    current_streak,
    longest_streak,
    minutes_of,
    reminder_due,
    split_interval,
    week_start,
    week_total,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def run_of(first: date, days: int, minutes: int = 60) -> dict[date, int]:
    return {first + timedelta(days=i): minutes for i in range(days)}


def ts(tz, *args) -> float:
    return datetime(*args, tzinfo=tz).timestamp()


def test_streak_across_month_end():
    minutes = run_of(date(2025, 1, 28), 6)  # Jan 28 .. Feb 2
    assert current_streak(minutes, date(2025, 2, 2)) == 6
    assert longest_streak(minutes) == 6


def test_streak_across_year_end_and_leap_day():
    minutes = run_of(date(2024, 12, 30), 4)  # Dec 30 .. Jan 2
    assert current_streak(minutes, date(2025, 1, 2)) == 4
    leap = run_of(date(2024, 2, 27), 4)  # Feb 27, 28, 29, Mar 1
    assert current_streak(leap, date(2024, 3, 1)) == 4
    leap.pop(date(2024, 2, 29))
    assert current_streak(leap, date(2024, 3, 1)) == 1
    assert longest_streak(leap) == 2


def test_today_short_of_goal_does_not_break_yesterdays_streak():
    minutes = run_of(date(2025, 3, 1), 5)
    minutes[date(2025, 3, 6)] = 20  # today, still studying
    assert current_streak(minutes, date(2025, 3, 6)) == 5
    minutes[date(2025, 3, 6)] = 60
    assert current_streak(minutes, date(2025, 3, 6)) == 6
    # a day missed before yesterday does break it
    assert current_streak(minutes, date(2025, 3, 8)) == 0


def test_goal_is_a_threshold_and_configurable():
    minutes = {date(2025, 5, 1): 59, date(2025, 5, 2): 60, date(2025, 5, 3): 61}
    assert current_streak(minutes, date(2025, 5, 3), goal=60) == 2
    assert current_streak(minutes, date(2025, 5, 3), goal=30) == 3
    assert current_streak(minutes, date(2025, 5, 3), goal=90) == 0
    assert minutes_of(59 * 60 + 59.9) == 59


def test_longest_streak_is_the_longest_run_anywhere():
    minutes = {**run_of(date(2024, 11, 1), 10), **run_of(date(2025, 1, 1), 3)}
    minutes[date(2024, 11, 5)] = 10  # breaks the first run into 4 + 5
    assert longest_streak(minutes) == 5
    assert current_streak(minutes, date(2025, 1, 3)) == 3


def test_split_interval_across_midnight_in_the_notes_zone():
    start = ts(SHANGHAI, 2025, 1, 6, 23, 0)
    end = ts(SHANGHAI, 2025, 1, 7, 1, 0)
    assert split_interval(start, end, 7200, SHANGHAI) == {date(2025, 1, 6): 3600, date(2025, 1, 7): 3600}
    # the same two hours are one afternoon in UTC
    assert split_interval(start, end, 7200, timezone.utc) == {date(2025, 1, 6): 7200}


def test_split_interval_spreads_active_seconds_proportionally():
    start = ts(BERLIN, 2025, 6, 1, 23, 45)
    end = ts(BERLIN, 2025, 6, 2, 0, 15)
    shares = split_interval(start, end, 600, BERLIN)  # 10 min studied in those 30 min
    assert shares == {date(2025, 6, 1): pytest.approx(300), date(2025, 6, 2): pytest.approx(300)}
    assert split_interval(end, end, 42, BERLIN) == {date(2025, 6, 2): 42}
    assert split_interval(start, end, 0, BERLIN) == {}


def test_split_interval_over_several_days_and_dst_short_day():
    # Berlin 2025-03-30 has 23 hours: 02:00 jumps to 03:00.
    start = ts(BERLIN, 2025, 3, 29, 0, 0)
    end = ts(BERLIN, 2025, 3, 31, 0, 0)
    span = end - start
    assert span == (24 + 23) * 3600
    shares = split_interval(start, end, span, BERLIN)
    assert shares == {date(2025, 3, 29): pytest.approx(24 * 3600), date(2025, 3, 30): pytest.approx(23 * 3600)}


def late_sessions(tz, first: date, days: int, at: time, minutes: int) -> dict[date, int]:
    """Sessions starting at local time ``at`` every day, split by the zone's midnights."""
    totals: dict[date, float] = {}
    for i in range(days):
        day = first + timedelta(days=i)
        start = datetime.combine(day, at, tzinfo=tz).timestamp()
        for d, sec in split_interval(start, start + minutes * 60, minutes * 60, tz).items():
            totals[d] = totals.get(d, 0) + sec
    return {d: minutes_of(s) for d, s in totals.items()}


@pytest.mark.parametrize(
    "tz, first",
    [
        (NEW_YORK, date(2025, 3, 5)),  # spring forward on 2025-03-09
        (NEW_YORK, date(2025, 10, 29)),  # fall back on 2025-11-02
        (BERLIN, date(2025, 3, 26)),  # spring forward on 2025-03-30
        (BERLIN, date(2025, 10, 22)),  # fall back on 2025-10-26
    ],
)
def test_streak_across_a_daylight_saving_change(tz, first):
    # 22:50 local + 65 minutes ends at 23:55: every session belongs wholly to its own day
    minutes = late_sessions(tz, first, 10, time(22, 50), 65)
    last = first + timedelta(days=9)
    assert set(minutes) == {first + timedelta(days=i) for i in range(10)}
    assert all(m == 65 for m in minutes.values())
    assert current_streak(minutes, last) == 10
    # counted with one fixed offset (the later of the two) instead of the zone's rules, the sessions
    # of the other half cross midnight and the streak breaks: the zone's rules matter here
    offsets = {datetime.combine(first + timedelta(days=i), time(12), tzinfo=tz).utcoffset() for i in range(10)}
    assert len(offsets) == 2
    drifted = late_sessions_in(tz, timezone(max(offsets)), first, 10, time(22, 50), 65)
    assert current_streak(drifted, last) < 10


def late_sessions_in(session_tz, count_tz, first, days, at, minutes):
    totals: dict[date, float] = {}
    for i in range(days):
        start = datetime.combine(first + timedelta(days=i), at, tzinfo=session_tz).timestamp()
        for d, sec in split_interval(start, start + minutes * 60, minutes * 60, count_tz).items():
            totals[d] = totals.get(d, 0) + sec
    return {d: minutes_of(s) for d, s in totals.items()}


def test_streak_across_midnight_sessions_in_the_notes_zone():
    # every evening 23:30-00:30 in Shanghai: 30 min on each side of midnight, goal 60
    minutes = late_sessions(SHANGHAI, date(2025, 1, 1), 5, time(23, 30), 60)
    assert minutes[date(2025, 1, 1)] == 30
    assert minutes[date(2025, 1, 3)] == 60
    assert minutes[date(2025, 1, 6)] == 30
    assert current_streak(minutes, date(2025, 1, 5)) == 4  # Jan 2..5
    # Jan 6 (today) has 30 min so far: still a 4-day streak through yesterday
    assert current_streak(minutes, date(2025, 1, 6)) == 4
    # Jan 1 was short, so counted in UTC (afternoons) the days look different
    utc = late_sessions_in(SHANGHAI, timezone.utc, date(2025, 1, 1), 5, time(23, 30), 60)
    assert utc == {date(2025, 1, d): 60 for d in range(1, 6)}


def test_manual_minutes_complete_a_day():
    minutes = run_of(date(2025, 4, 1), 3)
    minutes[date(2025, 4, 2)] = 30
    assert current_streak(minutes, date(2025, 4, 3)) == 1
    minutes[date(2025, 4, 2)] += 30  # a manual entry for study away from the computer
    assert current_streak(minutes, date(2025, 4, 3)) == 3


def test_compute_stats_lists_days_oldest_first_with_entries():
    minutes = {date(2025, 1, 30): 70, date(2025, 1, 31): 65, date(2025, 2, 1): 10}
    stats = compute_stats(minutes, {date(2025, 1, 31)}, date(2025, 2, 1), days=3, goal=60)
    data = stats.to_json()
    assert data == {
        "goal_minutes": 60,
        "streak": 2,
        "longest_streak": 2,
        "total_minutes": 145,
        "days": [
            {"date": "2025-01-30", "minutes": 70, "entry": False, "reviews": 0},
            {"date": "2025-01-31", "minutes": 65, "entry": True, "reviews": 0},
            {"date": "2025-02-01", "minutes": 10, "entry": False, "reviews": 0},
        ],
    }
    with pytest.raises(ValueError):
        compute_stats(minutes, set(), date(2025, 2, 1), days=0)


def test_week_total_counts_from_monday_to_today():
    today = date(2025, 1, 1)  # a Wednesday; the week began on Monday Dec 30
    assert week_start(today) == date(2024, 12, 30)
    assert week_start(today, first_weekday=6) == date(2024, 12, 29)
    minutes = {date(2024, 12, 29): 100, date(2024, 12, 30): 40, date(2024, 12, 31): 50, today: 5}
    assert week_total(minutes, today) == 95
    assert week_total(minutes, today, first_weekday=6) == 195


def test_reminder_due_once_after_the_chosen_time():
    evening = time(20, 0)
    kwargs = dict(enabled=True, studied_today=False, last_reminded=None)
    assert not reminder_due(datetime(2025, 1, 6, 19, 59), evening, **kwargs)
    assert reminder_due(datetime(2025, 1, 6, 20, 0), evening, **kwargs)
    assert reminder_due(datetime(2025, 1, 6, 23, 0, tzinfo=SHANGHAI), evening, **kwargs)
    assert not reminder_due(datetime(2025, 1, 6, 21, 0), evening, **{**kwargs, "last_reminded": date(2025, 1, 6)})
    assert reminder_due(datetime(2025, 1, 7, 21, 0), evening, **{**kwargs, "last_reminded": date(2025, 1, 6)})
    assert not reminder_due(datetime(2025, 1, 6, 21, 0), evening, **{**kwargs, "studied_today": True})
    assert not reminder_due(datetime(2025, 1, 6, 21, 0), evening, **{**kwargs, "enabled": False})


# -- properties ---------------------------------------------------------------------------
ZONES = [ZoneInfo(name) for name in
         ("Asia/Shanghai", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "UTC")]


@hsettings(max_examples=200, deadline=None)
@given(
    start=st.floats(min_value=1.6e9, max_value=1.8e9),
    length=st.floats(min_value=0, max_value=5 * 86400),
    share=st.floats(min_value=0.0, max_value=1.0),
    zone=st.sampled_from(ZONES),
)
def test_split_interval_conserves_the_seconds_and_stays_inside_the_interval(start, length, share, zone):
    seconds = length * share
    shares = split_interval(start, start + length, seconds, zone)
    assert sum(shares.values()) == pytest.approx(seconds, abs=1e-6)
    if seconds > 0:
        first = datetime.fromtimestamp(start, zone).date()
        last = datetime.fromtimestamp(start + length, zone).date()
        assert all(first <= day <= last for day in shares)
        assert all(part >= 0 for part in shares.values())


@hsettings(max_examples=200, deadline=None)
@given(
    days=st.dictionaries(st.integers(min_value=0, max_value=60), st.integers(min_value=0, max_value=200), max_size=60),
    goal=st.integers(min_value=1, max_value=120),
    today_offset=st.integers(min_value=0, max_value=60),
)
def test_streaks_agree_with_a_plain_count(days, goal, today_offset):
    base = date(2024, 12, 1)
    minutes = {base + timedelta(days=k): m for k, m in days.items()}
    today = base + timedelta(days=today_offset)
    # brute force: longest run of consecutive goal days; current run ending today or yesterday
    good = [base + timedelta(days=k) in minutes and minutes[base + timedelta(days=k)] >= goal for k in range(62)]
    best = run = 0
    for flag in good:
        run = run + 1 if flag else 0
        best = max(best, run)
    assert longest_streak(minutes, goal) == best

    def run_back(day):
        count = 0
        while minutes.get(day, 0) >= goal:
            count += 1
            day -= timedelta(days=1)
        return count

    expected = run_back(today) or run_back(today - timedelta(days=1))
    assert current_streak(minutes, today, goal) == expected
    assert current_streak(minutes, today, goal) <= longest_streak(minutes, goal)


def test_a_day_with_term_reviews_keeps_the_streak_whatever_its_minutes():
    today = date(2025, 3, 10)
    minutes = {**run_of(date(2025, 3, 5), 3), date(2025, 3, 9): 10}  # 5-7 reach the goal, 8 nothing, 9 short
    assert current_streak(minutes, today) == 0
    reviews = {date(2025, 3, 8): 12, date(2025, 3, 9): 3}  # reviewed on the empty day and the short one
    assert current_streak(minutes, today, reviews=reviews) == 5
    assert current_streak(minutes, today, reviews={**reviews, today: 1}) == 6  # today counts once reviewed
    assert current_streak(minutes, today, reviews={date(2025, 3, 8): 0, date(2025, 3, 9): 3}) == 1
    assert longest_streak(minutes) == 3
    assert longest_streak(minutes, reviews=reviews) == 5
    assert longest_streak({}, reviews={date(2025, 1, 1): 4, date(2025, 1, 2): 1, date(2025, 1, 4): 2}) == 2
