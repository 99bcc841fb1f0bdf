""""Copy for the website": the entry's own text, for programmes whose website writes the entries.

Such programmes keep notes in ``notes/`` and wrap each day in ``<!-- DAILY_CHECKIN_<date>_START/END -->``
markers written by the website; the user pastes the day's text into the website instead of pushing.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from studyreader.programme.model import Programme


def written_by_website(notes_text: str, path: Path | str | None = None, programme: Programme | None = None) -> bool:
    """Whether the website writes this file's entries: DAILY_CHECKIN wrappers, or notes kept in ``notes/``."""
    from studyreader.notes import parse_notes

    notes = parse_notes(notes_text, path)
    if any(entry.wrapper is not None and entry.wrapper.name.startswith("DAILY_CHECKIN") for entry in notes.entries):
        return True
    return path is not None and programme is not None and Path(path).parent.name == "notes"


def website_entry_text(notes_text: str, day: date, path: Path | str | None = None) -> str | None:
    """The text of the entry for ``day``, as the website takes it: inside the day's DAILY_CHECKIN wrapper
    (without the markers and without a heading repeating the date), else the entry's content."""
    from studyreader.notes import parse_notes
    from studyreader.notes.dates import match_heading
    from studyreader.notes.writer import editable_span

    marker = f"DAILY_CHECKIN_{day.isoformat()}"
    wrapped = re.search(
        rf"<!--\s*{marker}_START\s*-->[^\n]*\n(.*?)^[ \t]*<!--\s*{marker}_END",
        notes_text,
        re.DOTALL | re.MULTILINE,
    )
    if wrapped:
        lines = wrapped.group(1).replace("\r\n", "\n").split("\n")
        while lines and not lines[0].strip():
            lines.pop(0)
        heading = match_heading(lines[0]) if lines else None
        if heading is not None and (heading.month, heading.day) == (day.month, day.day):
            lines.pop(0)
        text = "\n".join(lines).strip("\n")
        return text or None
    notes = parse_notes(notes_text, path)
    entry = notes.entry_for(day)
    if entry is None:
        return None
    start, end = editable_span(notes, entry)
    return notes.text[start:end].strip("\r\n") or None
