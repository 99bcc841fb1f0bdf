"""Writing the day's entry: one function for the command line and the editor.

The edit is planned on the text as one contiguous insertion (or, for the
editor's in-place edit, one replaced run), checked by parsing the result, and
saved atomically. Everything outside that run stays byte for byte the same:
line endings, BOM, trailing newline, other entries.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from studyreader.errors import os_reason
from studyreader.messages import Message, message
from studyreader.notes.atomic import (
    LOCK_TIMEOUT_SECONDS,
    InterruptedSaveError,
    LockTimeoutError,
    NotRegularFileError,
    notes_lock,
    replace_if_unchanged,
)
from studyreader.notes.dates import DateStyle, match_heading
from studyreader.notes.encoding import NotesError, decode_notes, encode_notes, read_notes_file
from studyreader.notes.model import Entry, Notes
from studyreader.notes.parser import _FENCE_OPEN, _MARKER, _WRAPPER_DATE, parse_notes

DEFAULT_STYLE = DateStyle(".", True, True)
# The line breaks of ``str.splitlines``, which the parser uses.
LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


class EntryChangedError(NotesError):
    """The entry an in-place edit replaces was changed by someone else since it was read."""


@dataclass(frozen=True)
class AppendResult:
    """What a write did: the entry's date, whether its heading is new, and its heading line."""

    date: date
    created: bool
    line: int
    path: Path | None = None


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``new``; ``start == end`` is a pure insertion."""

    start: int
    end: int
    new: str
    created: bool
    line: int = 0  # the entry's heading line once the edit is made

    def apply(self, text: str) -> str:
        return text[: self.start] + self.new + text[self.end :]


def normalise_entry_text(text: str, line_ending: str) -> str:
    """Trim blank edges, refuse what would break the file, use the file's line endings.

    Every character the parser reads as a line break (``str.splitlines``: CR, LF, form feed,
    vertical tab, U+0085, U+2028, U+2029…) becomes the file's own line ending, so what is
    written is read back with the same lines: a ``\u2028### 2025.01.20`` is refused as the
    dated heading it would become, not written as a phantom entry. A NUL is refused: the file
    would afterwards be taken for binary data.
    """
    if "\x00" in text:
        raise NotesError(message("write.nul"))
    lines = text.splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    lines = [line.rstrip() for line in lines]
    if not lines:
        raise NotesError(message("write.empty"))
    fence: str | None = None
    for number, line in enumerate(lines, start=1):
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence[0]) and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
                fence = None
            continue
        opened = _FENCE_OPEN.match(line)
        if opened and not (opened.group("fence")[0] == "`" and "`" in opened.group("info")):
            fence = opened.group("fence")
            continue
        if _MARKER.match(line):
            raise NotesError(message("write.marker", line=number, marker=line.strip()))
        if match_heading(line):
            raise NotesError(message("write.dated_heading", line=number, heading=line.strip()))
    if fence is not None:
        raise NotesError(message("write.open_fence"))
    return line_ending.join(lines)


def _require_region(notes: Notes) -> None:
    if notes.region is None:
        raise NotesError(message("write.no_region", path=str(notes.path), problem=notes.region_problem))


def _dominant(entries: tuple[Entry, ...], key):
    counts = Counter(key(entry) for entry in reversed(entries))
    return counts.most_common(1)[0][0]


def plan_append(notes: Notes, text: str, day: date) -> Edit:
    """The one insertion that puts ``text`` under ``day`` (pure)."""
    _require_region(notes)
    eol = notes.line_ending
    body = normalise_entry_text(text, eol)
    existing = notes.entry_for(day)
    if existing is not None:
        if existing.chars > 0:
            insert = eol + body + eol
        elif existing.wrapper is None and _blank_after_heading(notes):
            insert = eol + body + eol
        else:
            insert = body + eol
        return Edit(existing.append_at, existing.append_at, insert, created=False, line=existing.line)
    later = None if notes.newest_first else next((e for e in notes.entries if e.date > day), None)
    for style in _candidate_styles(notes):
        # At the end (or the top of a newest-first file); failing that, in date order before the
        # first later entry, where a trailing year-less heading (``### 4.8``) keeps its reading.
        for before in (None, later) if later is not None else (None,):
            edit = _plan_new_entry(notes, body, day, style, before)
            line = _placed_line(notes, edit, day, body)
            if line:
                return dataclasses.replace(edit, line=line)
    raise NotesError(message("write.no_place", path=str(notes.path), day=day.isoformat()))


def _blank_after_heading(notes: Notes) -> bool:
    """Whether the file's entries usually leave a blank line under the date heading."""
    votes = Counter(
        bool(LINE_BREAK.match(entry.content)) for entry in notes.entries if entry.chars and entry.wrapper is None
    )
    return votes[True] > votes[False]


def _candidate_styles(notes: Notes) -> list[DateStyle]:
    if not notes.entries:
        return [DEFAULT_STYLE]
    style = _dominant(notes.entries, lambda e: e.style)
    with_year = DateStyle(style.separator if style.separator != "/" or style.with_year else "/", style.padded, True)
    return [style] if style.with_year else [style, with_year, DEFAULT_STYLE]


def _plan_new_entry(notes: Notes, body: str, day: date, style: DateStyle, before: Entry | None = None) -> Edit:
    eol = notes.line_ending
    region = notes.region
    level = _dominant(notes.entries, lambda e: e.level) if notes.entries else 3
    block = ["#" * level + " " + style.format(day)]
    wrapper = _wrapper_name(notes, day)
    if wrapper:
        block += [f"<!-- {wrapper}_START -->", body, f"<!-- {wrapper}_END -->"]
    else:
        if _blank_after_heading(notes):
            block.append("")
        block.append(body)
    block_text = eol.join(block)
    if before is not None:
        return Edit(before.start, before.start, block_text + eol + eol, created=True)
    if notes.newest_first and notes.entries:
        first = notes.entries[0]
        return Edit(first.start, first.start, block_text + eol + eol, created=True)
    last_end = _last_nonblank_line_end(notes.text, region.start, region.end)
    if last_end is None:
        return Edit(region.start, region.start, block_text + eol, created=True)
    return Edit(last_end, last_end, eol + block_text + eol, created=True)


def _wrapper_name(notes: Notes, day: date) -> str | None:
    wrapped = [entry.wrapper.name for entry in notes.entries if entry.wrapper is not None]
    if not wrapped:
        return None
    template = wrapped[0] if notes.newest_first else wrapped[-1]
    return _WRAPPER_DATE.sub(day.isoformat(), template, count=1)


def _last_nonblank_line_end(text: str, start: int, end: int) -> int | None:
    chunk = text[start:end]
    stripped = chunk.rstrip()
    if not stripped:
        return None
    newline = LINE_BREAK.search(chunk, len(stripped))
    return start + (newline.end() if newline else len(chunk))


def _placed_line(notes: Notes, edit: Edit, day: date, body: str) -> int:
    """The new entry's heading line if the edit reads back as exactly one more entry, else 0."""
    after = parse_notes(edit.apply(notes.text), notes.path)
    entry = after.entry_for(day)
    if entry is not None and body in entry.content and len(after.entries) == len(notes.entries) + 1:
        return entry.line
    return 0


def editable_span(notes: Notes, entry: Entry) -> tuple[int, int]:
    """The run of ``entry`` that an in-place edit replaces.

    Its content without the blank lines around it (and inside a per-entry
    wrapper, without the marker lines), so that rewriting an entry with the
    same text changes no byte.
    """
    wrapper = entry.wrapper
    if wrapper is not None and wrapper.end_line_start is not None:
        start, end = wrapper.start_line_end, wrapper.end_line_start
    else:
        start, end = entry.body_start, max(entry.append_at, entry.body_start)
    text = notes.text
    while start < end:
        newline = LINE_BREAK.search(text, start, end)
        line_end = end if newline is None else newline.end()
        if text[start:line_end].strip():
            break
        start = line_end
    last = _last_nonblank_line_end(text, start, end)
    return start, (last if last is not None else start)


def plan_replace(notes: Notes, text: str, day: date) -> Edit:
    """Replace the content of the entry for ``day`` (the editor's in-place edit), or create it."""
    _require_region(notes)
    existing = notes.entry_for(day)
    if existing is None or existing.chars == 0:
        return plan_append(notes, text, day)
    body = normalise_entry_text(text, notes.line_ending)
    start, end = editable_span(notes, existing)
    return Edit(start, end, body + notes.line_ending, created=False, line=existing.line)


def _check_writable(path: Path) -> None:
    folder = path.resolve().parent
    if _read_only_file_system(folder):
        raise NotesError(message("write.read_only_fs", path=str(path)))
    if not os.access(path, os.W_OK):
        raise NotesError(message("write.not_writable", path=str(path)))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise NotesError(message("write.folder_not_writable", path=str(path), folder=str(folder)))


def _read_only_file_system(folder: Path) -> bool:
    if not hasattr(os, "statvfs"):
        return False
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def save_failure_message(path: Path, error: OSError) -> Message:
    """What a failed save says: the file and the cause in words, and that nothing changed."""
    if isinstance(error, NotRegularFileError):  # a FIFO or a device put in the file's place
        return message("file.special", path=str(path), kind=error.kind)
    return message("write.failed", path=str(path), reason=os_reason(error))


def _resolve_day(notes: Notes, day: date | str | None, now: datetime | None) -> date:
    if day is None:
        return notes.today(now)
    if isinstance(day, date):
        return day
    from studyreader.notes.dates import parse_iso_date

    try:
        return parse_iso_date(day)
    except ValueError as error:
        raise NotesError(f"{notes.path}: {error}") from None


MAX_ATTEMPTS = 100  # another program rewriting the file this often while we save is not going to stop


def entry_text(notes: Notes, day: date) -> str | None:
    """The text an in-place edit of ``day``'s entry replaces (None when there is no such entry)."""
    entry = notes.entry_for(day)
    if entry is None or entry.chars == 0:
        return None
    start, end = editable_span(notes, entry)
    return notes.text[start:end]


def _write(
    path: Path | str, text: str, day, now, planner, *, guard: bool = False, expected: str | None = None
) -> AppendResult:
    """Read, plan and replace under the notes lock, redoing the edit if the file changed meanwhile.

    With ``guard`` (an in-place replace), the entry must still hold ``expected`` (default: what
    it held at the first read); if someone else changed it, :class:`EntryChangedError` is raised.
    """
    path = Path(path)
    first = read_notes_file(path)  # a missing, unreadable or special file is refused before anything else
    known = expected is not None
    try:
        with notes_lock(path):
            for attempt in range(MAX_ATTEMPTS):
                # the first read needs no repeat under the lock: the replace checks it is still current
                data, version = first if attempt == 0 else read_notes_file(path)
                decoded = decode_notes(data, path)
                notes = parse_notes(decoded.text, path, bom=decoded.bom)
                _require_region(notes)
                resolved = _resolve_day(notes, day, now)
                if guard:
                    current = entry_text(notes, resolved)
                    if not known:
                        expected, known = current, True
                    elif current != expected:
                        raise EntryChangedError(
                            message("write.entry_changed", path=str(path), day=resolved.isoformat()))
                edit = planner(notes, text, resolved)
                if attempt == 0:
                    _check_writable(path)
                new_text = edit.apply(notes.text)
                if replace_if_unchanged(path, encode_notes(new_text, decoded.bom), version):
                    break
            else:
                raise NotesError(message("write.kept_changing", path=str(path), tries=MAX_ATTEMPTS))
    except LockTimeoutError:
        raise NotesError(message("write.locked", path=str(path), seconds=f"{LOCK_TIMEOUT_SECONDS:.0f}")) from None
    except InterruptedSaveError as error:
        raise NotesError(message("write.interrupted", path=str(path), backup=str(error.backup))) from None
    except OSError as error:
        raise NotesError(save_failure_message(path, error)) from None
    return AppendResult(date=resolved, created=edit.created, line=edit.line, path=path)


def append_entry(
    path: Path | str, text: str, date: date | str | None = None, now: datetime | None = None
) -> AppendResult:
    """Append ``text`` to the entry for ``date`` (default: today in the file's zone), creating it if needed."""
    return _write(path, text, date, now, plan_append)


def replace_entry(
    path: Path | str,
    text: str,
    date: date | str | None = None,
    now: datetime | None = None,
    *,
    expected: str | None = None,
) -> AppendResult:
    """Replace the content of the entry for ``date`` with ``text`` (creating it if needed).

    ``expected`` is the entry's text the caller's edit started from (see :func:`entry_text`;
    None for a missing or empty entry is not distinguishable, so pass it only for an entry
    that had text). If the file's entry no longer holds it, :class:`EntryChangedError` is
    raised and nothing is written, so the caller can ask before overwriting someone's edit.
    """
    return _write(path, text, date, now, plan_replace, guard=True, expected=expected)
