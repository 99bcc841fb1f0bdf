"""The editor's drafts: unsaved text written every few seconds, offered back after a crash.

A thin Qt shell over :class:`studyreader.notes.drafts.DraftStore`. A draft that cannot be read or
written (the drafts folder is a file, a draft holds ``null``, a full disk) never stops the editor:
:attr:`DraftKeeper.problem` says what is wrong, and the editor shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from studyreader.notes.drafts import Draft, DraftStore
from studyreader.ui.messages import error_text, worded

AUTOSAVE_MS = 3000


class DraftKeeper(QObject):
    """Writes the editor's text as a draft when it changed; reads the draft of a notes file."""

    problemFound = Signal(str)  # a draft could not be read or written: the message to show
    problemSolved = Signal()  # the draft was written after all

    def __init__(
        self,
        store: DraftStore,
        notes_path: Callable[[], Path | None],
        snapshot: Callable[[], Draft | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._notes_path = notes_path
        self._snapshot = snapshot  # the draft to write now, or None when nothing is unsaved
        self._dirty = False
        self.problem: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self._timer.start()

    def mark_dirty(self) -> None:
        self._dirty = True

    def stop(self) -> None:
        self._timer.stop()

    def flush(self) -> None:
        """Write (or forget) the draft now: every few seconds, and before closing."""
        if not self._dirty or self._notes_path() is None:
            return
        draft = self._snapshot()
        if draft is None:
            self.discard()
            return
        try:
            self.store.save(draft)
        except OSError as error:
            self._report(
                QCoreApplication.translate("EntryEditor", "Could not write the draft: {error}").format(
                    error=error_text(error))
            )
            return  # still dirty: tried again at the next tick
        self._dirty = False
        if self.problem is not None:
            self.problem = None
            self.problemSolved.emit()

    def load(self, notes_path: Path) -> Draft | None:
        """The draft of ``notes_path``, or None (an unreadable one is reported, not raised)."""
        return self.store.load(notes_path, on_problem=lambda said: self._report(worded(said)))

    def discard(self) -> None:
        """Forget the current file's draft (after a save, or when the user declines it)."""
        self._dirty = False
        path = self._notes_path()
        if path is None:
            return
        try:
            self.store.discard(path)
        except OSError as error:
            self._report(
                QCoreApplication.translate("EntryEditor", "Could not remove the draft: {error}").format(
                    error=error_text(error)
                )
            )

    def _report(self, message: str) -> None:
        if message != self.problem:
            self.problem = message
            self.problemFound.emit(message)
