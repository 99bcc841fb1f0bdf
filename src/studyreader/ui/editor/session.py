"""What the editor is writing, without Qt: which notes file, which day, appended or edited in place,
and the entry's text on disk when the in-place edit began (to notice a change meanwhile)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from studyreader.notes import EntryChangedError, NotesError, append_entry, load_notes, replace_entry
from studyreader.notes.drafts import Draft, editable_body
from studyreader.notes.writer import entry_text
from studyreader.ui.editor.conflict import compact_diff
from studyreader.ui.messages import error_text

_REPLACE_TRIES = 5  # the entry changed between the question and the write this many times: give up


def same(a: str | None, b: str | None) -> bool:
    """Equal up to line endings and blank edges (what the writer normalises)."""
    if a is None or b is None:
        return a is b

    def norm(text: str) -> str:
        return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").strip("\n").split("\n")).strip()

    return norm(a) == norm(b)


class NotChanged(Exception):
    """The user kept the entry on disk: nothing was written."""


class EntrySession:
    def __init__(self, now: Callable[[], datetime] | None = None) -> None:
        self._now = now
        self.path: Path | None = None
        self.notes = None  # the parsed notes file, None when unreadable
        self.day: date | None = None
        self.mode = "append"  # or "replace": the entry edited in place
        self.base: str | None = None  # the entry's body on disk when the in-place edit began

    def open(self, path: Path | None) -> str | None:
        """Start on ``path`` (appending to today's entry); the load error, if any."""
        self.path = path
        error = self.reload()
        self.day = self.today()
        self.mode, self.base = "append", None
        return error

    def reload(self) -> str | None:
        """Read the notes file again; the error message when it cannot be read."""
        self.notes = None
        if self.path is None:
            return None
        try:
            self.notes = load_notes(self.path)
        except NotesError as error:
            return error_text(error)
        return None

    def today(self) -> date | None:
        if self.path is None:
            return None
        now = self._now() if self._now is not None else None
        if self.notes is None:  # unreadable file: still keep a date, so that drafts are written
            return (now or datetime.now().astimezone()).date()
        return self.notes.today(now)

    def entry(self):
        return self.notes.entry_for(self.day) if self.notes is not None and self.day is not None else None

    def body_on_disk(self) -> str | None:
        return editable_body(self.notes, self.day) if self.notes is not None and self.day is not None else None

    def is_modified(self, text: str) -> bool:
        return not same(text, self.base or "") if self.mode == "replace" else bool(text.strip())

    def restore(self, draft: Draft) -> None:
        self.day, self.mode, self.base = draft.date, draft.mode, draft.base

    def draft(self, text: str) -> Draft:
        return Draft(notes_path=str(self.path), date=self.day, text=text, mode=self.mode, base=self.base)

    def start_in_place(self, typed: str) -> str | None:
        """Edit the day's entry in place; the text to show (None: the day has no entry)."""
        self.reload()
        body = self.body_on_disk()
        if body is None:
            return None
        self.mode, self.base = "replace", body
        typed = typed.strip()
        # Text typed so far is kept, below the entry it would have been appended to.
        return body if not typed else body.rstrip("\n") + "\n\n" + typed

    def stop_in_place(self, current: str) -> str:
        """Back to appending; the text to show: only what was added to the entry."""
        base = self.base or ""
        self.mode, self.base = "append", None
        if same(current, base):
            return ""
        extra = current[len(base):] if current.startswith(base) else current
        return extra.strip("\n")

    def changed_on_disk(self) -> bool:
        """In place: the entry on disk is no longer what the edit began from."""
        on_disk = self.body_on_disk()
        return self.mode == "replace" and on_disk is not None and not same(on_disk, self.base)

    def _replace(self, text: str, day, confirm: Callable[[str], bool]):
        """Replace the entry the user last saw: if it changes between the question and the write
        (a `git pull`, another window), the writer refuses and the user is asked again."""
        for _attempt in range(_REPLACE_TRIES):
            on_disk = self.body_on_disk()
            if self.changed_on_disk() and not same(on_disk, text):
                if not confirm(compact_diff(self.base or "", on_disk)):
                    raise NotChanged()
            try:
                return replace_entry(self.path, text, day, expected=entry_text(self.notes, day))
            except EntryChangedError:
                error = self.reload()
                if error is not None:
                    raise NotesError(error) from None
        raise NotesError(f"{self.path}: the entry of {day} keeps changing on disk; nothing was written")

    def write(self, text: str, confirm: Callable[[str], bool]):
        """Append or replace; ``confirm(diff)`` is asked when the entry changed on disk meanwhile.

        Raises NotesError (the file refused the text) or NotChanged (the user said no).
        """
        error = self.reload()
        if error is not None:
            raise NotesError(error)
        day = self.day or self.today()
        if self.mode == "replace":
            result = self._replace(text, day, confirm)
        else:
            result = append_entry(self.path, text, day)
        self.reload()
        if self.mode == "replace":
            self.base = self.body_on_disk() if self.notes is not None else text
        else:
            self.day = self.today()
        return result
