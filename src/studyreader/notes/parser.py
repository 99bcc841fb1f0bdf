"""Reading a notes file: front matter, the content region, and its dated entries.

Real files are messy (code blocks holding ``###`` lines or marker-like
comments, year-less dates, numbered sub-headings that look like dates, CRLF,
a BOM), so the parser walks the lines once, skips fenced code, and reports
anything odd as a warning instead of failing.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from studyreader.collector import collector_paused
from studyreader.messages import Message, message
from studyreader.notes.dates import HeadingMatch, closest_year, main_date_span, match_heading, valid_date
from studyreader.notes.encoding import decode_notes, read_notes_bytes
from studyreader.notes.frontmatter import read_front_matter, resolve_timezone
from studyreader.notes.model import ContentRegion, Entry, Notes, Wrapper

_MARKER = re.compile(r"^[ \t]*<!--[ \t]*(?P<name>[\w.\-]+?)_(?P<kind>START|END)[ \t]*-->[ \t]*$")
_FENCE_OPEN = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_WRAPPER_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Line(NamedTuple):
    """One line (a tuple: a file has tens of thousands, and tuples are cheap to make)."""

    number: int  # 1-based
    start: int
    text: str  # without line ending
    end: int  # offset after the line ending


@dataclass(frozen=True)
class _Marker:
    line: _Line
    name: str
    kind: str


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        body = raw.rstrip("\r\n")
        lines.append(_Line(number, offset, body, offset + len(raw)))
        offset += len(raw)
    return lines


def _dominant_line_ending(text: str) -> str:
    """CRLF, LF or (old Mac files) a lone CR, whichever the file uses most; LF on a tie."""
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf > lf and crlf >= cr:
        return "\r\n"
    return "\r" if cr > lf and cr > crlf else "\n"


def _scan(lines: list[_Line], first_offset: int, warnings: list[Message]):
    """Markers and heading candidates outside fenced code, in file order."""
    markers: list[_Marker] = []
    headings: list[tuple[_Line, HeadingMatch]] = []
    fence: str | None = None
    fence_line = 0
    for line in lines:
        if line.start < first_offset:
            continue
        if fence is not None:
            stripped = line.text.strip()
            if stripped.startswith(fence[0]) and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
                fence = None
            continue
        opened = _FENCE_OPEN.match(line.text)
        if opened and not (opened.group("fence")[0] == "`" and "`" in opened.group("info")):
            fence, fence_line = opened.group("fence"), line.number
            continue
        marker = _MARKER.match(line.text)
        if marker:
            markers.append(_Marker(line, marker.group("name"), marker.group("kind")))
            continue
        heading = match_heading(line.text)
        if heading:
            headings.append((line, heading))
    if fence is not None:
        warnings.append(message("notes.unclosed_fence", line=fence_line))
    return markers, headings


def _find_region(markers: list[_Marker], lines: list[_Line]) -> tuple[ContentRegion | None, Message | None]:
    """The first START marker that has a matching END after it (one pass each way: linear)."""
    last_end: dict[str, int] = {}
    last_start: dict[str, int] = {}
    for index, marker in enumerate(markers):
        (last_end if marker.kind == "END" else last_start)[marker.name] = index
    for index, marker in enumerate(markers):
        if marker.kind != "START" or last_end.get(marker.name, -1) < index:
            continue
        later = next(m for m in markers[index + 1 :] if m.kind == "END" and m.name == marker.name)
        return (
            ContentRegion(
                name=marker.name,
                start=marker.line.end,
                end=later.line.start,
                start_line=marker.line.number,
                end_line=later.line.number,
            ),
            None,
        )
    for index, marker in enumerate(markers):
        if marker.kind == "END" and last_start.get(marker.name, -1) > index:
            return None, message("region.end_first", name=marker.name, line=marker.line.number)
    return None, message("region.missing")


def _resolve_dates(
    headings: list[tuple[_Line, HeadingMatch]],
    year_hint: int | None,
    today: date,
    warnings: list[Message],
) -> list[tuple[_Line, HeadingMatch, date]]:
    """Give every heading a full date; drop year-less ones that cannot be dates here.

    In a file that spells out years, a year-less heading counts only where it
    fits the date order of its full-dated neighbours: ``### 4.1 Pay to Public
    Key`` between ``2025.4.10`` and ``2025.4.11`` is a numbered section, not 1 April.
    """
    full: list[tuple[int, date]] = []
    for index, (line, match) in enumerate(headings):
        if match.year is not None:
            day = valid_date(match.year, match.month, match.day)
            if day is None:
                warnings.append(message("notes.impossible_date", line=line.number, heading=line.text.strip()))
            else:
                full.append((index, day))
    full_at = dict(full)
    full_indexes = [i for i, _ in full]
    steps = Counter((b > a) - (b < a) for (_, a), (_, b) in zip(full, full[1:]))
    direction = (steps[1] > steps[-1]) - (steps[-1] > steps[1])  # 1 oldest first, -1 newest first
    resolved: list[tuple[_Line, HeadingMatch, date]] = []
    previous: date | None = None
    for index, (line, match) in enumerate(headings):
        if match.year is not None:
            if index in full_at:
                previous = full_at[index]
                resolved.append((line, match, previous))
            continue
        position = bisect.bisect_left(full_indexes, index)  # neighbours by bisection: linear overall
        before = full[position - 1][1] if position > 0 else None
        after = full[position][1] if position < len(full) else None
        anchor = previous or before or after
        if anchor is None:
            anchor = date(year_hint, 6, 30) if year_hint else today
        day = closest_year(match.month, match.day, anchor)
        if day is None:
            continue
        if year_hint is None and anchor is today and day > today:
            day = valid_date(day.year - 1, day.month, day.day) or day
        if full and not _fits_between(day, before, after, direction):
            continue
        previous = day
        resolved.append((line, match, day))
    return resolved


def _fits_between(day: date, before: date | None, after: date | None, direction: int = 0) -> bool:
    """Whether a year-less date sits in the date order of its full-dated neighbours.

    With one neighbour (before the first or after the last full date) it must be within two
    months of it and, in a file whose dates run one way, not go against that order: ``### 4.3``
    after ``2021.4.6`` in an oldest-first file is a numbered section, not 3 April.
    """
    if before and after:
        return before <= day <= after or after <= day <= before
    if before is not None:
        gap = (day - before).days * (direction or 1)
    elif after is not None:
        gap = (after - day).days * (direction or 1)
    else:
        return False
    return (abs(gap) if direction == 0 else gap) <= 62 and (direction == 0 or gap >= 0)


def _wrapper_in(
    markers: list[_Marker], marker_offsets: list[int], start: int, end: int, region_name: str | None
) -> Wrapper | None:
    first = bisect.bisect_left(marker_offsets, start)
    last = bisect.bisect_left(marker_offsets, end, first)
    inside = [m for m in markers[first:last] if m.name != region_name]
    opening = next((m for m in inside if m.kind == "START" and _WRAPPER_DATE.search(m.name)), None)
    if opening is None:
        return None
    closing = next((m for m in inside if m.kind == "END" and m.name == opening.name), None)
    return Wrapper(
        name=opening.name,
        start_line_start=opening.line.start,
        start_line_end=opening.line.end,
        end_line_start=closing.line.start if closing else None,
    )


def parse_notes(text: str, path: Path | str | None = None, *, today: date | None = None, bom: bool = False) -> Notes:
    """Parse decoded notes text (BOM already stripped). Never raises on content. Linear in the text."""
    with collector_paused():  # tens of thousands of small acyclic objects per MB
        return _parse(text, path, today, bom)


def _parse(text: str, path: Path | str | None, today: date | None, bom: bool) -> Notes:
    warnings: list[Message] = []
    front = read_front_matter(text)
    zone = resolve_timezone(front.values.get("timezone"))
    if zone.warning:
        warnings.append(zone.warning)
    today = today or datetime.now(zone.tz).date()
    lines = _split_lines(text)
    markers, headings = _scan(lines, front.end, warnings)
    region, problem = _find_region(markers, lines)
    if region is not None:
        headings = [(line, match) for line, match in headings if region.start <= line.start < region.end]
    resolved = _resolve_dates(headings, front.year_hint, today, warnings)
    limit = region.end if region is not None else len(text)
    region_name = region.name if region else None
    marker_starts = {m.line.start for m in markers}
    marker_offsets = [m.line.start for m in markers]
    entries: list[Entry] = []
    for position, (line, match, day) in enumerate(resolved):
        end = resolved[position + 1][0].start if position + 1 < len(resolved) else limit
        wrapper = _wrapper_in(markers, marker_offsets, line.start, end, region_name)
        entries.append(_build_entry(text, lines, line, match, day, end, wrapper, marker_starts))
    newest_first = _is_newest_first(entries)
    warnings.extend(_entry_warnings(entries, newest_first))
    by_date: dict[date, Entry] = {}
    for entry in entries:
        by_date.setdefault(entry.date, entry)
    return Notes(
        text=text,
        tz=zone.tz,
        tz_name=zone.name,
        path=Path(path) if path is not None else None,
        region=region,
        region_problem=problem,
        entries=tuple(entries),
        warnings=tuple(warnings),
        line_ending=_dominant_line_ending(text),
        newest_first=newest_first,
        front_matter_end=front.end,
        bom=bom,
        _by_date=by_date,
    )


def _build_entry(text, lines, line, match, day, end, wrapper, marker_starts) -> Entry:
    body_start = line.end
    content = text[body_start:end]
    chars = 0
    last_content_end: int | None = None
    bound = wrapper.end_line_start if wrapper and wrapper.end_line_start is not None else end
    for number in range(line.number, len(lines)):  # the entry's own lines only, no slice of the rest
        other = lines[number]
        if other.start >= end:
            break
        if other.start in marker_starts:
            continue
        visible = sum(map(len, other.text.split()))  # split() drops exactly the isspace() characters
        chars += visible
        if visible and other.start < bound:
            last_content_end = other.end
    if last_content_end is None:
        last_content_end = wrapper.start_line_end if wrapper and wrapper.start_line_start < bound else body_start
    return Entry(
        date=day,
        line=line.number,
        heading=line.text,
        level=match.level,
        style=match.style,
        start=line.start,
        body_start=body_start,
        end=end,
        content=content,
        chars=chars,
        append_at=last_content_end,
        wrapper=wrapper,
    )


def _is_newest_first(entries: list[Entry]) -> bool:
    steps = Counter()
    for earlier, later in zip(entries, entries[1:]):
        if later.date > earlier.date:
            steps["up"] += 1
        elif later.date < earlier.date:
            steps["down"] += 1
    return steps["down"] > steps["up"]


def _entry_warnings(entries: list[Entry], newest_first: bool) -> list[Message]:
    warnings: list[Message] = []
    span = main_date_span(entry.date for entry in entries)
    if span is not None:
        first, last = span
        for entry in entries:
            if not first <= entry.date <= last:
                warnings.append(message(
                    "notes.far_date", line=entry.line, date=entry.date.isoformat(),
                    first=first.isoformat(), last=last.isoformat(),
                ))
    first_line: dict[date, int] = {}
    for entry in entries:
        if entry.date in first_line:
            warnings.append(message(
                "notes.duplicate", line=entry.line, date=entry.date.isoformat(), first_line=first_line[entry.date]
            ))
        else:
            first_line[entry.date] = entry.line
        if entry.chars == 0:
            warnings.append(message("notes.empty_entry", line=entry.line, date=entry.date.isoformat()))
    for earlier, later in zip(entries, entries[1:]):
        wrong = later.date > earlier.date if newest_first else later.date < earlier.date
        if wrong:
            warnings.append(message(
                "notes.out_of_order", line=later.line, date=later.date.isoformat(),
                previous=earlier.date.isoformat(), previous_line=earlier.line,
            ))
    return warnings


def load_notes(path: Path | str, *, today: date | None = None) -> Notes:
    """Read and parse a notes file; raises NotesError when it cannot be read as UTF-8 text."""
    path = Path(path)
    decoded = decode_notes(read_notes_bytes(path), path)
    return parse_notes(decoded.text, path, today=today, bom=decoded.bom)
