"""Unsaved editor drafts, kept on disk so that a crash or a forced quit loses nothing.

One JSON file per notes file in ``paths.data_dir()/drafts``, named after the
notes file and a hash of its absolute path. Plain Python (no Qt): the editor
calls :meth:`DraftStore.save` every few seconds and :meth:`DraftStore.load`
when it opens.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from studyreader import paths
from studyreader.errors import StudyReaderError, os_reason
from studyreader.messages import Message, message
from studyreader.notes.atomic import atomic_write_bytes

FORMAT_VERSION = 1
MODES = ("append", "replace")


class DraftError(StudyReaderError, OSError):
    """A draft that could not be written or removed (an OSError too: the editor goes on without it)."""


class DraftFormatError(ValueError):
    """A draft file whose JSON is not a draft; ``message`` says why."""

    def __init__(self, said: Message) -> None:
        super().__init__(str(said))
        self.message = said


@dataclass(frozen=True)
class Draft:
    """What the editor held: the entry text, for which day, and how it will be saved.

    ``base`` is the entry's content on disk when an in-place edit started; it
    lets the editor notice that the entry changed on disk in the meantime.
    """

    notes_path: str
    date: date
    text: str
    mode: str = "append"
    base: str | None = None
    saved_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    def to_json(self) -> dict:
        return {
            "version": FORMAT_VERSION,
            "notes_path": self.notes_path,
            "date": self.date.isoformat(),
            "mode": self.mode,
            "text": self.text,
            "base": self.base,
            "saved_at": self.saved_at.isoformat(),
        }

    @classmethod
    def from_json(cls, data: object) -> Draft:
        if not isinstance(data, dict):
            raise DraftFormatError(message("draft.not_a_draft", content=json.dumps(data)[:40]))
        mode = data.get("mode", "append")
        if mode not in MODES:
            raise DraftFormatError(message("draft.unknown_mode", mode=mode))
        text = data["text"]
        base = data.get("base")
        if not isinstance(text, str) or not (base is None or isinstance(base, str)):
            raise DraftFormatError(message("draft.text_not_string"))
        saved_at = datetime.fromisoformat(data["saved_at"])
        if saved_at.tzinfo is None:
            saved_at = saved_at.replace(tzinfo=timezone.utc)
        return cls(
            notes_path=str(data["notes_path"]),
            date=date.fromisoformat(data["date"]),
            text=text,
            mode=mode,
            base=base,
            saved_at=saved_at,
        )


def _normalise(notes_path: os.PathLike | str) -> str:
    return str(Path(notes_path).expanduser().resolve())


class DraftStore:
    """Drafts keyed by the notes file's absolute path."""

    def __init__(self, root: os.PathLike | str | None = None) -> None:
        self._root = Path(root) if root is not None else None

    @property
    def root(self) -> Path:
        # Resolved late so that a store made at import time follows XDG_DATA_HOME.
        return self._root if self._root is not None else paths.data_dir() / "drafts"

    def path_for(self, notes_path: os.PathLike | str) -> Path:
        absolute = _normalise(notes_path)
        digest = hashlib.sha256(absolute.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        stem = re.sub(r"[^\w.-]+", "_", Path(absolute).stem)[:40] or "notes"
        return self.root / f"{stem}-{digest}.json"

    def save(self, draft: Draft) -> Path:
        """Write ``draft`` atomically, replacing the previous one for its notes file."""
        draft = Draft(
            notes_path=_normalise(draft.notes_path),
            date=draft.date,
            text=draft.text,
            mode=draft.mode,
            base=draft.base,
            saved_at=draft.saved_at,
        )
        target = self.path_for(draft.notes_path)
        if target.parent.exists() and not target.parent.is_dir():
            raise DraftError(message("draft.folder_is_file_save", folder=str(target.parent)))
        data = json.dumps(draft.to_json(), ensure_ascii=False, indent=1).encode("utf-8")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, data)
        except OSError as error:
            raise DraftError(message("draft.cannot_write", path=str(target), reason=os_reason(error))) from error
        return target

    def load(self, notes_path: os.PathLike | str, on_problem: Callable[[Message], None] | None = None) -> Draft | None:
        """The draft for ``notes_path``, or None.

        Never raises for a bad draft or drafts folder: a draft file that cannot be read is moved
        aside (``*.unreadable``), never deleted, and None is returned so the editor still opens;
        ``on_problem`` receives a message naming the file and what is wrong.
        """
        def report(said: Message) -> None:
            if on_problem is not None:
                on_problem(said)

        target = self.path_for(notes_path)
        if self.root.exists() and not self.root.is_dir():
            report(message("draft.folder_is_file", folder=str(self.root)))
            return None
        try:
            raw = target.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            report(message("draft.cannot_read", path=str(target), reason=os_reason(error)))
            return None
        try:
            draft = Draft.from_json(json.loads(raw.decode("utf-8")))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
            aside = target.with_name(target.name + ".unreadable")
            try:
                os.replace(target, aside)
            except OSError as move_error:
                report(message("draft.stuck", path=str(target), error=_why_unreadable(error),
                               move_error=os_reason(move_error)))
                return None
            report(message("draft.moved_aside", path=str(target), reason=_why_unreadable(error), aside=aside.name))
            return None
        if draft.notes_path != _normalise(notes_path):
            return None  # a hash collision: not this file's draft
        return draft

    def discard(self, notes_path: os.PathLike | str) -> bool:
        """Forget the draft (after a save, or when the user declines it)."""
        target = self.path_for(notes_path)
        try:
            target.unlink()
        except (FileNotFoundError, NotADirectoryError):
            return False
        except OSError as error:
            raise DraftError(message("draft.cannot_remove", path=str(target), reason=os_reason(error))) from error
        return True

    def drafts(self) -> list[Draft]:
        """Every readable draft, newest first."""
        found = []
        if not self.root.is_dir():
            return found
        for item in self.root.glob("*.json"):
            try:
                found.append(Draft.from_json(json.loads(item.read_text(encoding="utf-8"))))
            except (OSError, ValueError, KeyError, TypeError):
                continue
        return sorted(found, key=lambda d: d.saved_at, reverse=True)


def _why_unreadable(error: Exception) -> Message | str:
    """Why a draft file is not a draft: a message, or the JSON reader's own words (quoted as they are)."""
    if isinstance(error, DraftFormatError):
        return error.message
    if isinstance(error, KeyError):
        return message("draft.missing_key", key=error.args[0])
    return str(error)


def editable_body(notes, day: date) -> str | None:
    """The text of ``day``'s entry that an in-place edit replaces, or None without an entry.

    Exactly the run :func:`studyreader.notes.writer.replace_entry` replaces
    (no heading, no blank lines around it, no wrapper markers), with ``\n``
    line endings as the editor shows them.
    """
    from studyreader.notes.writer import editable_span

    entry = notes.entry_for(day)
    if entry is None:
        return None
    start, end = editable_span(notes, entry)
    body = notes.text[start:end]
    return body.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
