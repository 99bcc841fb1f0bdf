"""The one watcher of the notes file: tells when its bytes change on disk, other than by our own save.

Editors and ``git`` often save by writing a new file and renaming it over the old one; the watcher
then loses the path, so it is added back as soon as the file exists again. Bursts of changes are
debounced, and a change that leaves the bytes as they were is not reported.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

WATCH_DEBOUNCE_MS = 250
_REARM_TRIES = 40  # × 50 ms: how long a renamed-away file may take to reappear


class NotesFileWatcher(QObject):
    changed = Signal(str)  # the path, once its bytes differ from what was last seen

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_changed)
        self._path: Path | None = None
        self._digest: str | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(WATCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._check)
        self._rearm_tries = 0

    @property
    def path(self) -> Path | None:
        return self._path

    def watch(self, path: Path | None) -> None:
        """Watch ``path`` (None: nothing); its current bytes are the ones already seen."""
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self._path = Path(path) if path is not None else None
        self._digest = self._current_digest()
        self._arm()

    def note_own_write(self) -> None:
        """Our own save: remember the bytes so the change is not reported."""
        self._digest = self._current_digest()
        self._arm()

    def _current_digest(self) -> str | None:
        if self._path is None:
            return None
        try:
            return hashlib.sha256(self._path.read_bytes()).hexdigest()
        except OSError:
            return None

    def _arm(self) -> None:
        if self._path is None:
            return
        name = str(self._path)
        if name in self._watcher.files():
            return
        if self._path.exists():
            self._watcher.addPath(name)
            self._rearm_tries = 0
        elif self._rearm_tries < _REARM_TRIES:  # the file may reappear a moment later (rename-save)
            self._rearm_tries += 1
            QTimer.singleShot(50, self, self._arm)

    @Slot(str)
    def _on_file_changed(self, _name: str) -> None:
        self._arm()
        self._debounce.start()

    def _check(self) -> None:
        self._arm()
        digest = self._current_digest()
        if digest is None or digest == self._digest:
            return
        self._digest = digest
        self.changed.emit(str(self._path))
