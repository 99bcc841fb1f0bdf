"""The window's programme: the Settings' override goes into every reading of the notes, the editor
writes under the same programme, its live answer reaches the programme strip, and a check-in or a
changed override reads the notes (and the README the bot rewrites) again."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from studyreader.ui.settings import Settings

if TYPE_CHECKING:
    from studyreader.ui.editor.editor import EntryEditor
    from studyreader.ui.window.main_window import MainWindow


class ProgrammeLink(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.document.override_for = self.override_for
        window.document.loaded.connect(lambda _kind, _notes: self._on_loaded())
        window.settings.changed.connect(self._on_setting_changed)
        # When the bot's day ends, a day still open becomes done or missed: the marks are worked out again.
        self._day_end = QTimer(self, singleShot=True)
        self._day_end.timeout.connect(window.reload_notes)

    def override_for(self, path: Path):
        return self._window.settings.programme_override(path)

    def editor_created(self, editor: EntryEditor) -> None:
        editor.programme.forecastChanged.connect(self._show_live)
        editor.programme.checkedIn.connect(lambda _result: self._window.reload_notes())
        self._tell_editor()

    def _on_loaded(self) -> None:
        self._tell_editor()
        status = self._window.document.status
        if status is not None:
            self._day_end.start(ms_to_day_end(status.zone.tz))

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


def ms_to_day_end(tz, now: datetime | None = None) -> int:
    """Milliseconds until the next midnight in the bot's zone (and a second, so the new day has begun)."""
    now = (now or datetime.now(timezone.utc)).astimezone(tz)
    midnight = datetime.combine(now.date() + timedelta(days=1), time(), tzinfo=tz)
    return max(1000, int((midnight - now).total_seconds() * 1000) + 1000)
