"""The notes file: parsing and writing the day's entry. No Qt here (verdicts: studyreader.programme)."""

from studyreader.notes.encoding import NotesError
from studyreader.notes.model import ContentRegion, Entry, Notes
from studyreader.notes.parser import load_notes, parse_notes
from studyreader.notes.writer import AppendResult, EntryChangedError, append_entry, replace_entry

__all__ = [
    "AppendResult",
    "ContentRegion",
    "Entry",
    "EntryChangedError",
    "Notes",
    "NotesError",
    "append_entry",
    "load_notes",
    "parse_notes",
    "replace_entry",
]
