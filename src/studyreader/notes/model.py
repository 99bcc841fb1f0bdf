"""The parsed shape of a notes file: plain frozen data, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from pathlib import Path

from studyreader.messages import Message
from studyreader.notes.dates import DateStyle


@dataclass(frozen=True)
class ContentRegion:
    """The text between ``<!-- NAME_START -->`` and ``<!-- NAME_END -->``.

    ``start``/``end`` are offsets of the inner text: just after the START
    line's line ending, and the first character of the END line.
    """

    name: str
    start: int
    end: int
    start_line: int
    end_line: int


@dataclass(frozen=True)
class Wrapper:
    """A per-entry wrapper such as ``<!-- DAILY_CHECKIN_2025-08-23_START -->``."""

    name: str
    start_line_start: int  # offset of the START marker line
    start_line_end: int  # offset just after the START marker line
    end_line_start: int | None  # offset of the END marker line, if inside the entry


@dataclass(frozen=True)
class Entry:
    """One dated entry: its heading line and the text up to the next dated heading."""

    date: date
    line: int  # 1-based line of the heading
    heading: str  # the heading line, without its line ending
    level: int
    style: DateStyle
    start: int  # offset of the heading line
    body_start: int  # offset just after the heading line
    end: int  # offset where the entry ends (next dated heading, END marker or end of text)
    content: str  # text between the heading line and ``end``
    chars: int  # non-whitespace characters of the content, marker lines not counted
    append_at: int  # offset where appended text goes (after the last line of content)
    wrapper: Wrapper | None = None


@dataclass(frozen=True)
class Notes:
    """A notes file as StudyReader understands it."""

    text: str
    tz: tzinfo
    tz_name: str
    path: Path | None = None
    region: ContentRegion | None = None
    region_problem: Message | None = None
    entries: tuple[Entry, ...] = ()
    warnings: tuple[Message, ...] = ()  # studyreader.messages: str() is the English
    line_ending: str = "\n"
    newest_first: bool = False
    front_matter_end: int = 0
    bom: bool = False
    _by_date: dict = field(default_factory=dict, repr=False, compare=False)

    def entry_for(self, day: date) -> Entry | None:
        """The first entry dated ``day``, in file order."""
        return self._by_date.get(day)

    def entries_for(self, day: date) -> list[Entry]:
        return [entry for entry in self.entries if entry.date == day]

    def today(self, now: datetime | None = None) -> date:
        """Today's date in the file's time zone."""
        moment = now if now is not None else datetime.now(self.tz)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.tz)
        return moment.astimezone(self.tz).date()

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return self.text.count("\n", 0, offset) + 1
