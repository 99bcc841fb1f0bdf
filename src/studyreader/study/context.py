"""What the study code needs from a notes file: its time zone and the days with a written entry.

The only place in ``study`` that reads a notes file; everything else takes
these plain values.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from pathlib import Path


@dataclass(frozen=True)
class NotesContext:
    tz: tzinfo
    tz_name: str
    path: Path | None = None
    entries: frozenset[date] = field(default_factory=frozenset)
    problem: str | None = None  # why the file could not be read (the zone is then the computer's)
    zone_warning: str | None = None  # the file names a zone that is not known: the computer's is used

    def today(self, now: datetime | None = None) -> date:
        moment = now if now is not None else datetime.now(self.tz)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.tz)
        return moment.astimezone(self.tz).date()


def local_context(problem: str | None = None) -> NotesContext:
    from studyreader.notes.frontmatter import local_timezone

    zone = local_timezone()
    return NotesContext(zone, str(zone), problem=problem)


def context_from_notes(notes) -> NotesContext:
    from studyreader.notes.frontmatter import read_front_matter, resolve_timezone
    from studyreader.study.stats import entry_dates

    zone = resolve_timezone(read_front_matter(notes.text).values.get("timezone"))
    return NotesContext(
        notes.tz,
        notes.tz_name,
        Path(notes.path) if notes.path else None,
        frozenset(entry_dates(notes)),
        zone_warning=zone.warning,
    )


def load_context(path: str | os.PathLike[str] | None, *, strict: bool = False) -> NotesContext:
    """The context of the notes file at ``path``; the computer's zone when there is none.

    ``strict``: raise the notes core's error for an unreadable file instead of
    falling back (the command line wants the refusal; a widget wants to go on).
    """
    if path is None or str(path) == "":
        return local_context()
    from studyreader.errors import StudyReaderError
    from studyreader.notes import load_notes

    try:
        return context_from_notes(load_notes(path))
    except (StudyReaderError, OSError) as error:
        if strict:
            raise
        return local_context(problem=str(error))
