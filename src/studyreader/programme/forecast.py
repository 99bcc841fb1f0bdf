"""Will the entry count? The bot's answer for the entry about to be saved, in one line, before saving.

The entry is put into the notes text exactly as the editor or ``studyreader append`` would put it (the
notes core plans the edit), and the result is read the way the bot reads it. The bot re-reads every
day on each run, so an entry for a day that is already over in the bot's zone still gets its ✅ on the
next run; what it cannot do is fill the bot's own today, which the line then names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from studyreader.messages import Message, joined, message
from studyreader.programme.botread import MORE_THAN, explain, read_days
from studyreader.programme.botzone import BotZone, zone_for
from studyreader.programme.model import NEWER, OLDER, Programme
from studyreader.programme.verdicts import ELIMINATED, MISSED, OLDER_ALLOWANCE, bot_verdicts, day_bounds


@dataclass(frozen=True)
class LeaveBudget:
    used: int
    allowed: int
    first: date
    last: date
    kind: str  # "week" (Monday to Sunday) or "cycle" (7 days from the start)

    def describe(self) -> str:
        span = f"{self.first.isoformat()} – {self.last.isoformat()}"
        return f"leave this {self.kind} ({span}): {self.used} of {self.allowed} used"


@dataclass(frozen=True)
class Forecast:
    counts: bool
    line: Message  # the answer in one line, with the reason (str(): the English)
    day: date  # the entry's date
    bot_today: date  # the day the bot is judging now, in its zone
    day_ends: datetime  # when the bot's today ends (UTC; show it in the user's zone)
    chars: int
    zone: BotZone
    late: bool = False  # the entry's day is already over in the bot's zone
    budget: LeaveBudget | None = None


def _saved_text(notes, entry_text: str, day: date, replace: bool) -> str:
    from studyreader.notes.writer import plan_append, plan_replace

    if not entry_text.strip():
        return notes.text
    planner = plan_replace if replace else plan_append
    return planner(notes, entry_text, day).apply(notes.text)


def leave_budget(text: str, programme: Programme, now: datetime, zone: BotZone) -> LeaveBudget | None:
    """Misses so far in the week or cycle holding the bot's today, against the allowance."""
    generation = programme.generation.value
    today = now.astimezone(zone.tz).date()
    start, end = programme.start.value, programme.end.value
    if not start <= today <= end:
        return None
    verdicts = bot_verdicts(text, start, end, generation, programme.allowance.value, now, zone)
    if generation == OLDER:
        first = max(start, today - timedelta(days=today.weekday()))
        last = min(end, today + timedelta(days=6 - today.weekday()))
        kind, allowed = "week", OLDER_ALLOWANCE
    else:
        first = start + timedelta(days=((today - start).days // 7) * 7)
        last = min(end, first + timedelta(days=6))
        kind, allowed = "cycle", programme.allowance.value
    used = sum(1 for v in verdicts if first <= v.date <= today and v.mark in (MISSED, ELIMINATED))
    return LeaveBudget(used, allowed, first, last, kind)


def will_it_count(
    notes_text: str,
    entry_text: str,
    now: datetime | None = None,
    *,
    programme: Programme | None = None,
    path: Path | str | None = None,
    day: date | None = None,
    replace: bool = False,
) -> Forecast:
    """Whether ``entry_text``, saved now under ``day`` (default: today as StudyReader dates entries), counts."""
    from studyreader.notes import NotesError, parse_notes

    now = now or datetime.now(timezone.utc)
    notes = parse_notes(notes_text, path)
    day = day or notes.today(now)
    generation = programme.generation.value if programme is not None else NEWER
    chosen = programme.timezone if programme is not None else None
    try:
        text = _saved_text(notes, entry_text, day, replace)
    except NotesError as error:
        zone = zone_for(notes_text, generation, chosen)
        bot_today = now.astimezone(zone.tz).date()
        line = message("forecast.cannot_save", error=error.message if error.message is not None else str(error))
        return Forecast(False, line, day, bot_today, day_bounds(bot_today, zone.tz)[1], 0, zone)
    zone = zone_for(text, generation, chosen)
    bot_today = now.astimezone(zone.tz).date()
    day_ends = day_bounds(bot_today, zone.tz)[1]
    dates = {entry.date for entry in parse_notes(text, path).entries} | {day}
    if programme is not None:
        dates |= set(programme.dates)
    readings = read_days(text, sorted(dates), generation)
    reading = readings[day]
    headings = {r.heading_line for r in readings.values() if r.found and r.day != day}
    counts, line = _verdict_line(text, path, reading, headings, day)
    notes_after: list[Message] = []
    if programme is not None and not programme.start.value <= day <= programme.end.value:
        counts = False
        notes_after.append(message(
            "forecast.not_programme_day", day=day.isoformat(),
            start=str(programme.start.value), end=str(programme.end.value),
        ))
    late = day < bot_today
    if late:
        today_is_due = programme is None or programme.start.value <= bot_today <= programme.end.value
        notes_after.append(message(
            "forecast.late_today_due" if today_is_due else "forecast.late",
            day=day.isoformat(), zone=zone.name, today=bot_today.isoformat(),
        ))
    elif day > bot_today:
        notes_after.append(message("forecast.not_begun", day=day.isoformat(), zone=zone.name))
    if not zone.readable:
        notes_after.append(zone.note)
    if notes_after:
        line = joined(line, *notes_after)
    budget = leave_budget(text, programme, now, zone) if programme is not None else None
    return Forecast(counts, line, day, bot_today, day_ends, reading.chars, zone, late, budget)


def _verdict_line(text: str, path, reading, headings: set[int], day: date) -> tuple[bool, Message]:
    from studyreader.notes import parse_notes

    if not reading.found:
        entry = parse_notes(text, path).entry_for(day)
        if entry is None:
            return False, message("forecast.no_entry", day=day.isoformat())
        return False, message(
            "forecast.unreadable_heading", heading=entry.heading.strip(), line=entry.line,
            day=day.isoformat(), fix=f"### {day:%Y.%m.%d}",
        )
    if reading.counts:
        return True, message("forecast.counts", reason=explain(reading, headings))
    if reading.cut_line is not None and reading.cut_line not in headings:
        return False, message(
            "forecast.cut_short", line=reading.cut_line, text=reading.cut_text,
            chars=reading.chars, needed=MORE_THAN + 1,
        )
    return False, message("forecast.too_short", chars=reading.chars, needed=MORE_THAN + 1)
