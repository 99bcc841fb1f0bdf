"""Streak and per-day arithmetic: plain functions over dates and seconds.

Everything here takes the time zone and the set of days with a written entry
as values, so it is tested without a database, a notes file or Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, tzinfo
from datetime import time as dtime

from studyreader import options

DEFAULT_GOAL_MINUTES = options.DAILY_GOAL.default  # declared with the setting
MAX_DAY_MINUTES = 24 * 60


def split_interval(start_ts: float, end_ts: float, seconds: float, tz: tzinfo) -> dict[date, float]:
    """Share ``seconds`` studied between ``start_ts`` and ``end_ts`` among the calendar days of ``tz``.

    The share of each day is proportional to its part of the wall-clock
    interval; an empty or reversed interval goes wholly to the day of ``end_ts``.
    Midnights come from the zone's rules, so a 23- or 25-hour day is handled.
    """
    if seconds <= 0:
        return {}
    if end_ts <= start_ts:
        return {datetime.fromtimestamp(end_ts, tz).date(): seconds}
    span = end_ts - start_ts
    shares: dict[date, float] = {}
    day = datetime.fromtimestamp(start_ts, tz).date()
    cursor = start_ts
    while cursor < end_ts:
        next_midnight = datetime.combine(day + timedelta(days=1), dtime(0), tzinfo=tz).timestamp()
        part_end = min(end_ts, next_midnight)
        if part_end > cursor:
            shares[day] = shares.get(day, 0.0) + seconds * (part_end - cursor) / span
        cursor = max(part_end, cursor)
        day += timedelta(days=1)
    return shares


def minutes_of(seconds: float) -> int:
    """Whole minutes studied: 59 min 59 s does not reach a 60-minute goal."""
    return int(seconds // 60)


def day_minutes(day_seconds: Mapping[date, float]) -> dict[date, int]:
    return {day: minutes_of(sec) for day, sec in day_seconds.items()}


def _meets(minutes: Mapping[date, int], day: date, goal: int, reviews: Mapping[date, int] | None = None) -> bool:
    """A streak day: the study goal reached, or any term reviewed (``reviews``: grades per day)."""
    return minutes.get(day, 0) >= goal or (reviews is not None and reviews.get(day, 0) > 0)


def current_streak(
    minutes: Mapping[date, int],
    today: date,
    goal: int = DEFAULT_GOAL_MINUTES,
    reviews: Mapping[date, int] | None = None,
) -> int:
    """Days in a row reaching the goal or with a review, ending today — or yesterday while today is still short."""
    day = today if _meets(minutes, today, goal, reviews) else today - timedelta(days=1)
    count = 0
    while _meets(minutes, day, goal, reviews):
        count += 1
        day -= timedelta(days=1)
    return count


def longest_streak(
    minutes: Mapping[date, int], goal: int = DEFAULT_GOAL_MINUTES, reviews: Mapping[date, int] | None = None
) -> int:
    best = run = 0
    previous: date | None = None
    days = set(minutes) | set(reviews or ())
    for day in sorted(d for d in days if _meets(minutes, d, goal, reviews)):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    return best


def week_start(day: date, first_weekday: int = 0) -> date:
    """The first day of ``day``'s week (0 = Monday, 6 = Sunday)."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def week_total(minutes: Mapping[date, int], today: date, first_weekday: int = 0) -> int:
    """Minutes from the start of this week up to and including today."""
    start = week_start(today, first_weekday)
    return sum(minutes.get(start + timedelta(days=i), 0) for i in range((today - start).days + 1))


def entry_dates(notes) -> set[date]:
    """Days whose notes entry is written, as the programme's bot reads the file.

    "Written" means what the bot counts (more than 10 characters under a heading it reads as the
    date, :mod:`studyreader.programme.botread`), so the habit view agrees with the entry list's marks.
    ``notes`` None (no notes file) means no entries.
    """
    if notes is None:
        return set()
    from studyreader.programme.botread import read_days
    from studyreader.programme.model import NEWER

    readings = read_days(notes.text, sorted({entry.date for entry in notes.entries}), NEWER)
    return {day for day, reading in readings.items() if reading.counts}


@dataclass(frozen=True)
class DayStat:
    date: date
    minutes: int
    entry: bool
    reviews: int = 0  # term review grades given that day


@dataclass(frozen=True)
class Stats:
    goal_minutes: int
    streak: int
    longest_streak: int
    total_minutes: int  # over the days listed
    days: tuple[DayStat, ...]

    def to_json(self) -> dict:
        data = asdict(self)
        data["days"] = [
            {"date": d.date.isoformat(), "minutes": d.minutes, "entry": d.entry, "reviews": d.reviews}
            for d in self.days
        ]
        return data


def compute_stats(
    minutes: Mapping[date, int],
    entries: Iterable[date],
    today: date,
    days: int = 30,
    goal: int = DEFAULT_GOAL_MINUTES,
    reviews: Mapping[date, int] | None = None,
) -> Stats:
    """The ``stats`` answer: the last ``days`` days ending today, oldest first.

    ``minutes`` (and ``reviews``, grades per day) should cover all history so that the longest
    streak is all-time; a day with a review keeps the streak like one reaching the goal.
    """
    reviews = reviews or {}
    if days < 1:
        raise ValueError("days must be at least 1")
    written = set(entries)
    listed = tuple(
        DayStat(day, minutes.get(day, 0), day in written, reviews.get(day, 0))
        for day in (today - timedelta(days=offset) for offset in range(days - 1, -1, -1))
    )
    return Stats(
        goal_minutes=goal,
        streak=current_streak(minutes, today, goal, reviews),
        longest_streak=longest_streak(minutes, goal, reviews),
        total_minutes=sum(d.minutes for d in listed),
        days=listed,
    )


def reminder_due(
    now_local: datetime,
    reminder_at: dtime,
    *,
    enabled: bool,
    studied_today: bool,
    last_reminded: date | None,
) -> bool:
    """One evening reminder a day: after the chosen time, if nothing was studied yet."""
    if not enabled or studied_today:
        return False
    today = now_local.date()
    if last_reminded is not None and last_reminded >= today:
        return False
    return now_local.time().replace(tzinfo=None) >= reminder_at
