"""How the programme's bot reads one day of a notes file, quirks included, with the reason in words.

The bot looks only between ``<!-- Content_START -->`` and ``<!-- Content_END -->``. For a day it
searches that text for the first ``#``, ``##`` or ``###`` followed by the date in one of its styles
(``2024.07.29``, ``2024.7.29``, year-less ``7.29``, ``2024/07/29``, ``7/29``, ``07.29``; the newer
script also ``2024-07-29``). Its patterns are regular expressions with unescaped dots, so ``.`` matches
any character, and they are not tied to the start of a line. The entry runs from the end of that match
to the next thing that looks like a dated heading (older: ``###`` + ``[yyyy.]m.d``; newer: any number of
``#`` + ``[yyyy.|/|-]m.d``) — a sub-heading such as ``### 3.1 Rollup`` cuts it short. The day counts
when the entry has more than 10 characters that are not white space, HTML comments (a
``DAILY_CHECKIN`` marker) included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from studyreader.messages import Message, joined, message
from studyreader.programme.model import NEWER, OLDER

CONTENT_START = "<!-- Content_START -->"
CONTENT_END = "<!-- Content_END -->"
MORE_THAN = 10  # characters; the day counts with MORE_THAN + 1
_CUT = {
    OLDER: re.compile(r"###\s*(\d{4}\.)?(\d{1,2}[\.\/]\d{1,2})"),
    NEWER: re.compile(r"#+\s*(\d{4}[\.\/\-])?(\d{1,2}[\.\/\-]\d{1,2})"),
}
_SPACE = re.compile(r"\s")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class Content:
    """The text the bot reads, and where it sits in the file."""

    text: str
    offset: int  # offset of ``text`` in the file
    problem: str | None = None


def bot_content(file_text: str) -> Content:
    start = file_text.find(CONTENT_START)
    end = file_text.find(CONTENT_END)
    if start == -1 or end == -1:
        return Content("", 0, f"no {CONTENT_START} … {CONTENT_END} markers: the bot reads nothing of this file")
    inner_start = start + len(CONTENT_START)
    if end < inner_start:
        return Content("", inner_start, f"{CONTENT_END} comes before {CONTENT_START}: the bot reads nothing")
    inner = file_text[inner_start:end]
    stripped = inner.strip()
    lead = len(inner) - len(inner.lstrip()) if stripped else 0
    return Content(stripped, inner_start + lead)


def _styles(day: date, generation: str) -> list[tuple[str, str]]:
    """(pattern text, style name) in the bot's order; the pattern text is used as a regular expression."""
    ymd = f"{day.year:04d}.{day.month:02d}.{day.day:02d}"
    md = f"{day.month:02d}.{day.day:02d}"
    md_slash = f"{day.month:02d}/{day.day:02d}"
    styles = [
        (ymd, "yyyy.mm.dd"),
        (ymd.replace(".0", "."), "yyyy.m.d"),
        (md.lstrip("0").replace(".0", "."), "year-less m.d"),
        (f"{day.year:04d}/{day.month:02d}/{day.day:02d}", "yyyy/mm/dd"),
        (md_slash.lstrip("0").replace("/0", "/"), "year-less m/d"),
    ]
    if generation != OLDER:
        styles.append((f"{day.year:04d}-{day.month:02d}-{day.day:02d}", "yyyy-mm-dd"))
    styles.append((md.zfill(5), "year-less mm.dd"))
    return styles


def day_pattern(day: date, generation: str) -> tuple[re.Pattern[str], list[tuple[str, str]]]:
    styles = _styles(day, generation)
    alternatives = [f"({hashes}\\s*{text})" for text, _ in styles for hashes in ("#", "##", "###")]
    return re.compile("|".join(alternatives)), styles


def _leftmost(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.search(text)`` for a pattern whose every alternative starts with ``#``, done faster.

    Trying the pattern only where a ``#`` stands gives the same leftmost match (and the same alternative
    at that place) as a search, without the engine trying two dozen alternatives at every character.
    """
    position = text.find("#")
    while position != -1:
        found = pattern.match(text, position)
        if found:
            return found
        position = text.find("#", position + 1)
    return None


@dataclass(frozen=True)
class DayReading:
    """What the bot makes of one day of the file."""

    day: date
    found: bool
    chars: int = 0
    comment_chars: int = 0  # of ``chars``, those inside HTML comments
    heading_line: int | None = None
    matched: str = ""
    style: str = ""
    start: int | None = None  # file offsets of the entry text the bot measures
    end: int | None = None
    cut_line: int | None = None
    cut_text: str = ""
    quirks: tuple[Message, ...] = ()

    @property
    def counts(self) -> bool:
        return self.chars > MORE_THAN


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _line_text(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end != -1 else len(text)].strip()


def read_day(file_text: str, day: date, generation: str, content: Content | None = None) -> DayReading:
    """The bot's reading of ``day``: whether and where it finds the date, and what it measures."""
    content = content if content is not None else bot_content(file_text)
    if not content.text:
        return DayReading(day, False)
    pattern, styles = day_pattern(day, generation)
    found = _leftmost(pattern, content.text)
    if not found:
        return DayReading(day, False)
    style_text, style = styles[(found.lastindex - 1) // 3]
    match_start = content.offset + found.start()
    match_end = content.offset + found.end()
    quirks: list[Message] = []
    matched = found.group(0)
    literal = matched.lstrip("#").lstrip()
    exact = dict(styles)
    if literal in exact:
        style = exact[literal]  # e.g. 2026-07-27: matched first by the dotted pattern, but written in a style it knows
    else:
        quirks.append(message("bot.any_character", literal=literal, pattern=style_text))
    line_start = file_text.rfind("\n", 0, match_start) + 1
    if file_text[line_start:match_start].strip():
        quirks.append(message("bot.inside_line", matched=matched))
    if match_end < len(file_text) and file_text[match_end].isdigit():
        quirks.append(message("bot.longer_number", matched=matched, line=_line_text(file_text, match_start)))
    if style.startswith("year-less "):
        quirks.append(message("bot.no_year", style=style.removeprefix("year-less ")))  # "m.d": no words to translate
    rest = content.text[found.end() :]
    cut = _leftmost(_CUT[OLDER if generation == OLDER else NEWER], rest)
    body = rest[: cut.start()] if cut else rest
    measured = _SPACE.sub("", body)
    comments = sum(len(_SPACE.sub("", comment)) for comment in _COMMENT.findall(body))
    cut_offset = content.offset + found.end() + cut.start() if cut else None
    return DayReading(
        day,
        True,
        chars=len(measured),
        comment_chars=comments,
        heading_line=_line_of(file_text, match_start),
        matched=matched,
        style=style,
        start=match_end,
        end=cut_offset if cut_offset is not None else content.offset + len(content.text),
        cut_line=_line_of(file_text, cut_offset) if cut_offset is not None else None,
        cut_text=_line_text(file_text, cut_offset) if cut_offset is not None else "",
        quirks=tuple(quirks),
    )


def read_days(file_text: str, days: list[date], generation: str) -> dict[date, DayReading]:
    content = bot_content(file_text)
    return {day: read_day(file_text, day, generation, content) for day in days}


def explain(reading: DayReading, heading_lines: set[int] | frozenset[int] = frozenset()) -> Message:
    """One sentence: what the bot found for the day and whether it counts.

    ``heading_lines`` are the lines where the bot starts other days' entries: a cut anywhere else is a
    sub-heading the bot mistakes for a date.
    """
    day = reading.day.isoformat()
    if not reading.found:
        return message("bot.no_heading", day=day)
    parts = [message("bot.found", chars=reading.chars, matched=reading.matched.strip(), line=reading.heading_line)]
    if reading.cut_line is not None and reading.cut_line not in heading_lines:
        parts.append(message("bot.cut_short", line=reading.cut_line, text=reading.cut_text))
    if reading.counts:
        without = reading.chars - reading.comment_chars
        if reading.comment_chars and without <= MORE_THAN:
            parts.append(message("bot.counts_with_comments", without=without, needed=MORE_THAN + 1))
    else:
        parts.append(message("bot.too_short", chars=reading.chars, needed=MORE_THAN + 1))
    parts.extend(reading.quirks)
    return joined(*parts)
