"""Dated headings: recognising them in all their real-world spellings and writing new ones."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

# `### 2025.01.06`, `## 2025-1-6 周一`, `# 2025/01/06`, `### 1.6`, `### 04/05 MPT`
HEADING = re.compile(
    r"^ {0,3}(?P<hashes>#{1,3})[ \t]*"
    r"(?:(?P<year>\d{4})(?P<sep>[./-])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    r"|(?P<ymonth>\d{1,2})(?P<ysep>[./])(?P<yday>\d{1,2}))"
    r"(?![\d])(?P<rest>(?![./]\d).*)$"
)


@dataclass(frozen=True)
class DateStyle:
    """How a file spells its dates: separator, zero padding, with or without the year."""

    separator: str = "."
    padded: bool = True
    with_year: bool = True

    def format(self, day: date) -> str:
        month = f"{day.month:02d}" if self.padded else str(day.month)
        dom = f"{day.day:02d}" if self.padded else str(day.day)
        if not self.with_year:
            return f"{month}{self.separator}{dom}"
        return f"{day.year}{self.separator}{month}{self.separator}{dom}"


@dataclass(frozen=True)
class HeadingMatch:
    level: int
    year: int | None
    month: int
    day: int
    style: DateStyle
    rest: str


def match_heading(line: str) -> HeadingMatch | None:
    """Recognise a dated heading line (without its line ending)."""
    found = HEADING.match(line)
    if not found:
        return None
    level = len(found.group("hashes"))
    rest = found.group("rest")
    if found.group("year"):
        month_text, day_text = found.group("month"), found.group("day")
        padded = len(month_text) == 2 and len(day_text) == 2
        style = DateStyle(found.group("sep"), padded, True)
        return HeadingMatch(level, int(found.group("year")), int(month_text), int(day_text), style, rest)
    month_text, day_text = found.group("ymonth"), found.group("yday")
    padded = len(month_text) == 2 and len(day_text) == 2
    style = DateStyle(found.group("ysep"), padded, False)
    return HeadingMatch(level, None, int(month_text), int(day_text), style, rest)


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def closest_year(month: int, day: int, anchor: date) -> date | None:
    """The date with this month and day nearest to ``anchor`` (handles Dec → Jan)."""
    candidates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := valid_date(y, month, day))]
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - anchor).days))


OUTLIER_GAP_DAYS = 400  # a gap this long between two dates splits them into separate runs


def main_date_span(dates: Iterable[date]) -> tuple[date, date] | None:
    """First and last date of the longest run of dates with no gap over :data:`OUTLIER_GAP_DAYS`.

    A typo year (``### 9999.12.31``, ``### 0001.01.01``) forms a run of its own and so never
    stretches the programme to millions of days. Of equally long runs, the latest wins.
    """
    ordered = sorted(set(dates))
    if not ordered:
        return None
    best = (0, 0)
    run_start = 0
    for index in range(1, len(ordered) + 1):
        if index == len(ordered) or (ordered[index] - ordered[index - 1]).days > OUTLIER_GAP_DAYS:
            if index - run_start >= best[1] - best[0] + 1:
                best = (run_start, index - 1)
            run_start = index
    return ordered[best[0]], ordered[best[1]]


def parse_iso_date(text: str) -> date:
    """Parse ``YYYY-MM-DD`` strictly; raises ValueError with a readable message."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise ValueError(f"{text!r} is not a date of the form YYYY-MM-DD")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a real calendar date") from None
