"""The editor's side of the co-learning programme: the live will-it-count answer (worked out off the
GUI thread a moment after each change), "Save and Check In" (save, then commit and push the notes
file with the user's git, off the GUI thread) and "Copy for the Website"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from studyreader.ui.editor.programme_bar import ProgrammeBar, local_time
from studyreader.ui.jobs import Job, run_in_thread
from studyreader.ui.messages import error_text

if TYPE_CHECKING:
    from studyreader.ui.editor.session import EntrySession

FORECAST_MS = 250


# Called with literal texts so that pyside6-lupdate finds them (it reads no wrapper function).
translate = QCoreApplication.translate  # context "EntryEditor"


def saved_text(notes, entry_text: str, day, replace: bool) -> str:
    """The notes text as it would be after saving ``entry_text`` (what the website would take)."""
    from studyreader.notes.writer import plan_append, plan_replace

    if not entry_text.strip():
        return notes.text
    return (plan_replace if replace else plan_append)(notes, entry_text, day).apply(notes.text)


class EditorProgramme(QObject):
    """Owns the programme bar; the editor tells it the text changed, the file changed, a save."""

    forecastChanged = Signal(object)  # studyreader.programme.Forecast
    checkedIn = Signal(object)  # studyreader.programme.CheckinResult (ok or not)

    def __init__(self, bar: ProgrammeBar, session: EntrySession, text: Callable[[], str],
                 save: Callable[[], bool], now: Callable[[], datetime] | None, parent: QObject) -> None:
        super().__init__(parent)
        self.bar = bar
        self._session = session
        self._text = text
        self._save = save
        self._now = now
        self.programme = None
        self._detected_for: Path | None = None
        self.forecast = None
        self._job: Job | None = None
        self.checkin_job: Job | None = None
        self._timer = QTimer(self, singleShot=True, interval=FORECAST_MS)
        self._timer.timeout.connect(self.update_now)
        bar.checkin_button.clicked.connect(self.save_and_check_in)
        bar.copy_button.clicked.connect(self.copy_for_website)

    # -- the programme ---------------------------------------------------------------------------
    def set_programme(self, programme) -> None:
        """The window's programme for the file (detected, with the Settings' override)."""
        self.programme, self._detected_for = programme, self._session.path
        self._update_buttons()
        self.schedule()

    def path_changed(self) -> None:
        """Another notes file: detect its programme until the window says otherwise."""
        path = self._session.path
        if path is not None and path != self._detected_for:
            from studyreader.programme import detect_programme

            self.programme, self._detected_for = detect_programme(path).programme, path
        self.bar.banner.hide()
        self.bar.error_banner.hide()
        self._update_buttons()
        self.schedule()

    def _update_buttons(self) -> None:
        from studyreader.programme import written_by_website

        session, programme = self._session, self.programme
        in_repo = programme is not None and programme.root is not None
        self.bar.checkin_button.setEnabled(session.path is not None and in_repo and self.checkin_job is None)
        self.bar.checkin_button.setToolTip(
            translate("EntryEditor", "Save the entry, then commit only the notes file and push it with your own git")
            if in_repo else translate(
                "EntryEditor", "No programme repository around this notes file: there is nothing to check in to"))
        website = session.notes is not None and written_by_website(session.notes.text, session.path, programme)
        self.bar.copy_button.setVisible(bool(website))

    # -- will it count? --------------------------------------------------------------------------
    def schedule(self) -> None:
        self._timer.start()

    def update_now(self) -> None:
        """Work the answer out in a worker thread; the latest request wins."""
        from studyreader.programme import will_it_count

        session = self._session
        if session.path is None or session.notes is None or session.day is None:
            self.bar.clear()
            return
        if self._job is not None:
            self._job.cancel()
        notes_text, text, day, path = session.notes.text, self._text(), session.day, session.path
        replace, programme = session.mode == "replace", self.programme
        now = self._now() if self._now is not None else datetime.now(timezone.utc)
        self._job = run_in_thread(
            lambda: will_it_count(notes_text, text, now, programme=programme, path=path, day=day, replace=replace),
            self._show_forecast, self._forecast_failed, context=self)

    def _show_forecast(self, forecast) -> None:
        self._job = None
        self.forecast = forecast
        self.bar.show_forecast(forecast, self.programme is not None)
        self._update_buttons()
        self.forecastChanged.emit(forecast)

    def _forecast_failed(self, error: BaseException) -> None:
        self._job = None
        self.bar.clear()
        self.bar.verdict_label.setText(
            translate("EntryEditor", "Cannot tell whether the entry will count: {error}").format(
                error=error_text(error)))

    # -- check in --------------------------------------------------------------------------------
    def save_and_check_in(self) -> None:
        """Save what is typed (if anything), then commit and push the notes file off the GUI thread."""
        from studyreader.programme import check_in

        path = self._session.path
        if path is None or self.checkin_job is not None:
            return
        if self._text().strip() and not self._save():
            return  # the save said why
        self.bar.show_progress(translate(
            "EntryEditor", "Checking in {name}: committing it and pushing it with your git…").format(name=path.name))
        self.bar.checkin_button.setEnabled(False)
        self.checkin_job = run_in_thread(lambda: check_in(path), self._checked_in, self._checkin_failed,
                                         context=self)

    def _checked_in(self, result) -> None:
        self.checkin_job = None
        self._update_buttons()
        if result.ok:
            text = translate("EntryEditor", "Checked in: your notes are on {where}.").format(
                where=result.pushed_to or "")
            if result.next_run is not None:
                text += " " + translate(
                    "EntryEditor",
                    "The bot updates its table after this push, usually within a few minutes, and again at its "
                    "daily run at 00:00 UTC ({time} your time).").format(time=local_time(result.next_run))
            # The core's own line about the bot's next run is said above, in the interface language.
            details = [line for line in result.lines if result.next_run is None or "next scheduled run" not in line]
            self.bar.show_result("\n".join([text, *details]))
        else:
            self.bar.show_error(translate("EntryEditor", "Not checked in.") + "\n" + "\n".join(result.lines))
        self.checkedIn.emit(result)

    def _checkin_failed(self, error: BaseException) -> None:
        self.checkin_job = None
        self._update_buttons()
        self.bar.show_error(translate("EntryEditor", "Not checked in: {error}").format(error=error_text(error)))

    # -- copy for the website --------------------------------------------------------------------
    def copy_for_website(self) -> str | None:
        """The entry's text, as it would be saved now, on the clipboard; None when there is none."""
        from studyreader.notes import NotesError
        from studyreader.programme import website_entry_text

        session = self._session
        if session.notes is None or session.day is None:
            return None
        try:
            text = saved_text(session.notes, self._text(), session.day, session.mode == "replace")
        except NotesError as error:
            self.bar.show_error(error_text(error))
            return None
        entry = website_entry_text(text, session.day, session.path)
        if not entry:
            self.bar.show_error(translate(
                "EntryEditor", "There is no text for {date} yet: write the entry first.").format(
                date=session.day.isoformat()))
            return None
        QGuiApplication.clipboard().setText(entry)
        self.bar.show_result(translate("EntryEditor",
                                       "Copied the entry of {date} ({count} characters): paste it into the "
                                       "programme's website.").format(date=session.day.isoformat(), count=len(entry)))
        return entry
