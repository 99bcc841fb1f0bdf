"""Dated headings: recognising them in all their real-world spellings and writing new ones."""

from __future__ import annotations

import re
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


def parse_iso_date(text: str) -> date:
    """Parse ``YYYY-MM-DD`` strictly; raises ValueError with a readable message."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise ValueError(f"{text!r} is not a date of the form YYYY-MM-DD")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a real calendar date") from None
