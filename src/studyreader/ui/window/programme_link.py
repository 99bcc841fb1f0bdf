"""The window's programme: the Settings' override goes into every reading of the notes, the editor
writes under the same programme, its live answer reaches the programme strip, and a check-in or a
changed override reads the notes (and the README the bot rewrites) again."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from studyreader.ui.settings import Settings

if TYPE_CHECKING:
    from studyreader.ui.editor.editor import EntryEditor
    from studyreader.ui.window.main_window import MainWindow


class ProgrammeLink(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.document.override_for = self.override_for
        window.document.loaded.connect(lambda _kind, _notes: self._tell_editor())
        window.settings.changed.connect(self._on_setting_changed)

    def override_for(self, path: Path):
        return self._window.settings.programme_override(path)

    def editor_created(self, editor: EntryEditor) -> None:
        editor.programme.forecastChanged.connect(self._show_live)
        editor.programme.checkedIn.connect(lambda _result: self._window.reload_notes())
        self._tell_editor()

    def _tell_editor(self) -> None:
        window = self._window
        status = window.document.status
        if window.editor is not None and status is not None:
            window.editor.programme.set_programme(status.programme)

    def _show_live(self, forecast) -> None:
        if self._window.side_panes_built():
            self._window.navigator.strip.set_live(forecast.day, forecast.counts, forecast.line)

    def _on_setting_changed(self, key: str) -> None:
        if key == Settings.PROGRAMME_OVERRIDES:
            self._window.reload_notes()
