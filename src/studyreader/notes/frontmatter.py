"""The optional front matter of a notes file and the time zone it names.

Only ``timezone:`` matters to StudyReader, so the block is read line by line
rather than by a YAML library: real files put comments and odd spacing there,
and a bad value must fall back to the computer's zone with a warning, never
stop the app.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from studyreader.messages import Message, message

_FENCE_LINE = re.compile(r"^---[ \t]*\r?$")
_CLOSE_LINE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$")
# The value is trimmed in Python: ``[ \t]*(.*?)[ \t]*$`` backtracks quadratically on a long run of
# spaces followed by anything (60,000 spaces took 47 s).
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*+)[ \t]*+:(.*)$")
_OFFSET = re.compile(r"^(?:UTC|GMT)?[ \t]*([+-])[ \t]*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)
_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#.*$")
_DATE_IN_VALUE = re.compile(r"\b(\d{4})[-./]\d{1,2}[-./]\d{1,2}\b")


@dataclass(frozen=True)
class FrontMatter:
    """What StudyReader takes from the front matter; ``end`` is the offset just after it."""

    end: int = 0
    values: dict[str, str] = field(default_factory=dict)

    @property
    def year_hint(self) -> int | None:
        """A year named by a date in the front matter (e.g. a programme start), if any."""
        for value in self.values.values():
            match = _DATE_IN_VALUE.search(value)
            if match:
                return int(match.group(1))
        return None


def read_front_matter(text: str) -> FrontMatter:
    lines = text.splitlines(keepends=True)
    if not lines or not _FENCE_LINE.match(lines[0].rstrip("\n")):
        return FrontMatter()
    offset = len(lines[0])
    values: dict[str, str] = {}
    for line in lines[1:]:
        offset += len(line)
        stripped = line.rstrip("\r\n")
        if _CLOSE_LINE.match(stripped):
            return FrontMatter(end=offset, values=values)
        match = _KEY_VALUE.match(stripped)
        if match:
            values[match.group(1).lower()] = _strip_comment_and_quotes(match.group(2).rstrip("\r").strip(" \t"))
    return FrontMatter()  # never closed: it was not front matter


def _strip_comment_and_quotes(value: str) -> str:
    value = _COMMENT.sub("", value).strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1].strip()
    return value


def local_timezone() -> tzinfo:
    """The computer's own zone (used when the file names none or a bad one)."""
    return datetime.now().astimezone().tzinfo or timezone.utc


@dataclass(frozen=True)
class ZoneChoice:
    tz: tzinfo
    name: str
    warning: Message | None = None


def resolve_timezone(value: str | None) -> ZoneChoice:
    """Turn a ``timezone:`` value into a tzinfo.

    Accepts IANA names (``Asia/Shanghai``), ``UTC``/``GMT``/``Z`` and fixed
    offsets (``UTC+8``, ``GMT-5``, ``UTC+5:30``, ``+08:00``).
    """
    if value is None or not value.strip():
        local = local_timezone()
        return ZoneChoice(local, str(local))
    raw = value.strip()
    if raw.upper() in {"UTC", "GMT", "Z", "UTC+0", "GMT+0", "UTC-0", "GMT-0"}:
        return ZoneChoice(timezone.utc, "UTC")
    match = _OFFSET.match(raw)
    if match:
        sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
        if hours <= 14 and minutes < 60:
            delta = timedelta(hours=hours, minutes=minutes)
            zone = timezone(-delta if sign == "-" else delta)
            return ZoneChoice(zone, raw)
    elif "/" in raw or raw.isalpha():
        try:
            return ZoneChoice(ZoneInfo(raw), raw)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    local = local_timezone()
    return ZoneChoice(
        local,
        str(local),
        message("notes.bad_timezone", value=raw, local=str(local)),
    )
