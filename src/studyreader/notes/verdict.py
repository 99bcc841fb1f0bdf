"""The co-learning verdict per programme day, by the public programmes' checker rules.

A day is done when the text under its date heading, up to the next date
heading, has more than 10 non-whitespace characters; a day that is over
without that is missed; more than 2 missed days within one 7-day cycle
(counted from the programme start) eliminates the participant from that day on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from studyreader.notes.dates import main_date_span
from studyreader.notes.model import Notes

DONE_THRESHOLD = 10  # more than this many non-whitespace characters
CYCLE_DAYS = 7
MISSES_ALLOWED_PER_CYCLE = 2

SYMBOLS = {"done": "✅", "missed": "⭕️", "eliminated": "❌", "pending": ""}


@dataclass(frozen=True)
class DayVerdict:
    date: date
    verdict: str  # "done" | "missed" | "eliminated" | "pending"

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.verdict]


def chars_by_date(notes: Notes) -> dict[date, int]:
    """Non-whitespace characters written per date (duplicated headings add up)."""
    totals: dict[date, int] = {}
    for entry in notes.entries:
        totals[entry.date] = totals.get(entry.date, 0) + entry.chars
    return totals


def is_done(chars: int) -> bool:
    return chars > DONE_THRESHOLD


def verdicts_by_date(notes: Notes) -> dict[date, DayVerdict]:
    """Date -> verdict of every day of the programme, as the entry list shows them; empty when
    they cannot be worked out (a verdict problem must never hide the entries)."""
    try:
        return {item.date: item for item in programme_verdicts(notes)}
    except Exception:  # noqa: BLE001 - see above
        return {}


def programme_verdicts(
    notes: Notes,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> list[DayVerdict]:
    """One verdict per day from ``start`` to ``end``.

    By default the programme spans the file's main run of dates: a far-out typo year (a warning
    of the parser) does not stretch it.
    """
    span = main_date_span(entry.date for entry in notes.entries)
    start = start or (span[0] if span else None)
    end = end or (span[1] if span else None)
    if start is None or end is None or end < start:
        return []
    today = today or notes.today(now)
    return verdicts_for(chars_by_date(notes), start, end, today)


def verdicts_for(chars: dict[date, int], start: date, end: date, today: date) -> list[DayVerdict]:
    """The rules on plain values: characters per date, the programme span, and today."""
    verdicts: list[DayVerdict] = []
    eliminated = False
    misses_in_cycle = 0
    for offset in range((end - start).days + 1):  # no date past ``end``: 9999-12-31 + 1 day overflows
        day = start + timedelta(days=offset)
        if offset % CYCLE_DAYS == 0:
            misses_in_cycle = 0
        if eliminated:
            verdict = "eliminated"
        elif is_done(chars.get(day, 0)):
            verdict = "done"
        elif day >= today:
            verdict = "pending"
        else:
            misses_in_cycle += 1
            if misses_in_cycle > MISSES_ALLOWED_PER_CYCLE:
                eliminated = True
                verdict = "eliminated"
            else:
                verdict = "missed"
        verdicts.append(DayVerdict(day, verdict))
    return verdicts
