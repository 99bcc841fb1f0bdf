"""The bot's verdict for every programme day, worked out the way its script does, with a reason per day.

Both generations judge each day as done (✅), missed (⭕️) or not yet (blank) and eliminate (❌) on
the day the misses of one week go past the allowance; after that the row stays blank.

- older (ZK): the allowance is always 2 and weeks are ISO weeks (Monday to Sunday) of the programme
  date. "Today" is the day whose day of the month equals today's in the file's zone (the script
  compares only the day of the month), and a later day is blank only when both its date and its day
  of the month are later than today's.
- newer (template): the allowance comes from the README, weeks are 7-day cycles from the start date,
  and a day is over when its midnight-to-midnight span in the file's zone has passed; a day in progress
  shows ✅ once written and is never counted as missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from studyreader.messages import Message, joined, message
from studyreader.programme.botread import DayReading, explain, read_days
from studyreader.programme.botzone import BotZone, bot_zone
from studyreader.programme.model import OLDER

DONE, MISSED, ELIMINATED, BLANK = "✅", "⭕️", "❌", ""
_VERDICT = {DONE: "done", MISSED: "missed", ELIMINATED: "eliminated", BLANK: "pending"}
OLDER_ALLOWANCE = 2


@dataclass(frozen=True)
class DayVerdict:
    date: date
    mark: str  # exactly the table's cell: "✅", "⭕️", "❌" or "" (blank)
    verdict: str  # "done" | "missed" | "eliminated" | "pending"
    reason: Message  # studyreader.messages: str() is the English

    @property
    def symbol(self) -> str:
        return self.mark


def day_bounds(day: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """A programme day in the bot's zone: local midnight and 24 hours later."""
    start = datetime.combine(day, time(), tzinfo=tz).astimezone(timezone.utc)
    return start, start + timedelta(days=1)


def _newer_statuses(readings: dict[date, DayReading], tz: tzinfo, now: datetime) -> dict[date, str]:
    statuses: dict[date, str] = {}
    for day, reading in readings.items():
        start, end = day_bounds(day, tz)
        if now < start:
            statuses[day] = BLANK
        elif now >= end:
            statuses[day] = DONE if reading.counts else MISSED
        else:
            statuses[day] = DONE if reading.counts else BLANK
    return statuses


def _older_today(tz: tzinfo, now: datetime) -> datetime:
    return datetime.combine(now.astimezone(tz).date(), time(), tzinfo=tz)


def _older_statuses(readings: dict[date, DayReading], tz: tzinfo, now: datetime) -> dict[date, str]:
    today = _older_today(tz, now)
    statuses: dict[date, str] = {}
    for day, reading in readings.items():
        moment = datetime.combine(day, time(), tzinfo=timezone.utc)
        if day.day == today.day:
            statuses[day] = DONE if reading.counts else BLANK
        elif moment > today:
            statuses[day] = BLANK
        else:
            statuses[day] = DONE if reading.counts else MISSED
    return statuses


def _eliminated_on(day: date, reason: Message) -> Message:
    return message("verdict.eliminated_on", day=day.isoformat(), reason=reason)


def bot_verdicts(
    file_text: str,
    start: date,
    end: date,
    generation: str,
    allowance: int,
    now: datetime,
    zone: BotZone | None = None,
) -> list[DayVerdict]:
    """The row the bot would write for this notes text, one verdict per day from ``start`` to ``end``."""
    zone = zone or bot_zone(file_text, generation)
    tz = zone.tz
    now = now if now.tzinfo else now.replace(tzinfo=timezone.utc)
    days = [start + timedelta(days=offset) for offset in range((end - start).days + 1)]
    readings = read_days(file_text, days, generation)
    heading_lines = {reading.heading_line for reading in readings.values() if reading.found}
    reasons = {day: explain(reading, heading_lines) for day, reading in readings.items()}
    if generation == OLDER:
        return _older_row(days, readings, reasons, tz, now, zone)
    return _newer_row(days, readings, reasons, tz, now, zone, allowance)


def _pending_reason(day: date, tz: tzinfo, now: datetime, zone: BotZone, reason: Message) -> Message:
    start, end = day_bounds(day, tz)
    if now < start:
        when = message("verdict.not_reached", zone=zone.name, reason=reason)
    else:
        when = message("verdict.today", zone=zone.name, until=end.isoformat(timespec="minutes"), reason=reason)
    return when if zone.readable else joined(when, zone.note)


def _newer_row(days, readings, reasons, tz, now, zone: BotZone, allowance: int) -> list[DayVerdict]:
    statuses = _newer_statuses(readings, tz, now)
    row: list[DayVerdict] = []
    eliminated_on: date | None = None
    start = days[0]
    for index, day in enumerate(days):
        reason = reasons[day]
        if eliminated_on is not None:
            row.append(DayVerdict(day, BLANK, "eliminated", _eliminated_on(eliminated_on, reason)))
            continue
        day_start, _ = day_bounds(day, tz)
        if now < day_start:
            row.append(DayVerdict(day, BLANK, "pending", _pending_reason(day, tz, now, zone, reason)))
            continue
        cycle_first = (index // 7) * 7
        cycle_days = days[cycle_first : min(cycle_first + 7, len(days))]
        misses = [
            other
            for other in days[cycle_first : index + 1]
            if now >= day_bounds(other, tz)[1] and statuses[other] == MISSED
        ]
        if len(misses) > allowance:
            eliminated_on = day
            row.append(DayVerdict(
                day, ELIMINATED, "eliminated",
                message(
                    "verdict.eliminated_cycle", misses=len(misses), first=cycle_days[0].isoformat(),
                    last=cycle_days[-1].isoformat(), start=start.isoformat(), allowance=allowance, reason=reason,
                ),
            ))
            continue
        mark = statuses[day]
        if mark == BLANK:
            reason = _pending_reason(day, tz, now, zone, reason)
        row.append(DayVerdict(day, mark, _VERDICT[mark], reason))
    return row


def _older_row(days, readings, reasons, tz, now, zone: BotZone) -> list[DayVerdict]:
    statuses = _older_statuses(readings, tz, now)
    today = _older_today(tz, now)
    row: list[DayVerdict] = []
    eliminated_on: date | None = None
    week: int | None = None
    misses = 0
    for day in days:
        reason = reasons[day]
        moment = datetime.combine(day, time(), tzinfo=timezone.utc)
        if eliminated_on is not None:
            row.append(DayVerdict(day, BLANK, "eliminated", _eliminated_on(eliminated_on, reason)))
            continue
        if moment > today and day.day > today.day:
            row.append(DayVerdict(day, BLANK, "pending", message("verdict.not_reached", zone=zone.name, reason=reason)))
            continue
        iso_week = day.isocalendar()[1]
        if iso_week != week:
            week, misses = iso_week, 0
        mark = statuses[day]
        if mark == MISSED:
            misses += 1
            if misses > OLDER_ALLOWANCE:
                eliminated_on = day
                monday = day - timedelta(days=day.weekday())
                row.append(DayVerdict(
                    day, ELIMINATED, "eliminated",
                    message(
                        "verdict.eliminated_week", misses=misses, first=monday.isoformat(),
                        last=(monday + timedelta(days=6)).isoformat(), allowance=OLDER_ALLOWANCE, reason=reason,
                    ),
                ))
                continue
        if mark == BLANK:
            if day.day == today.day and moment.date() != today.date():
                reason = message("verdict.older_same_day", number=day.day, reason=reason)
            elif day.day == today.day:
                reason = _pending_reason(day, tz, now, zone, reason)
            else:
                reason = message("verdict.not_reached", zone=zone.name, reason=reason)
        row.append(DayVerdict(day, mark, _VERDICT[mark], reason))
    return row


def missing_file_row(start: date, end: date) -> list[DayVerdict]:
    """The bot's row for a participant whose notes file it cannot find: missed every day, never eliminated."""
    days = [start + timedelta(days=offset) for offset in range((end - start).days + 1)]
    return [DayVerdict(day, MISSED, "missed", message("verdict.no_file")) for day in days]
