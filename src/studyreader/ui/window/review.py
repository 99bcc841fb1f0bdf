"""The window's term review: the review database, the count of due cards beside the timer, the dialog.

The cards follow the notes and the glossary: each time either changes, the terms the
notes mention are found in a worker thread and the store (GUI thread only) syncs them.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from studyreader.ui.jobs import run_in_thread
from studyreader.ui.messages import error_text, worded

if TYPE_CHECKING:
    from studyreader.review import ReviewStore, Sighting
    from studyreader.ui.study.review_dialog import ReviewDialog
    from studyreader.ui.window.main_window import MainWindow
    from studyreader.ui.window.services import Services

COUNT_REFRESH_MS = 5 * 60 * 1000  # cards fall due while the window stays open


class ReviewCountButton(QToolButton):
    """"Review 12": cards due today and new ones today's limit lets in; a click opens the dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewCount")
        self.count = 0
        self.retranslate()

    def set_count(self, count: int) -> None:
        self.count = count
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Review {n}").format(n=self.count))
        self.setToolTip(self.tr("{n} term cards to review today (Ctrl+Shift+R)").format(n=self.count))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ReviewController(QObject):
    """Owns the review store for the window (one per process), the count button and the open dialog."""

    cardsChanged = Signal()  # synced, graded, undone: counts and the habit view follow
    studyLogChanged = Signal()  # a sitting was written into the study log

    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self.store: ReviewStore | None = None
        self.sightings: list[Sighting] | None = None
        self.button: ReviewCountButton | None = None
        self.dialog: ReviewDialog | None = None
        self.sync_job = None
        self._timer = QTimer(self, interval=COUNT_REFRESH_MS)
        self._timer.timeout.connect(self.update_count)
        self.cardsChanged.connect(self.update_count)

    def start(self) -> None:
        """Open the store, put the count beside the timer and sync the cards with the notes."""
        from studyreader.review import ReviewStore

        window = self._window
        if self.store is None:
            self.store = ReviewStore.open_or_memory()
            for notice in self.store.notices:
                window.status.message(worded(notice), 12000)
        if self.button is None:
            self.button = ReviewCountButton(window)
            self.button.clicked.connect(self.show_dialog)
            window.actions_table.add_to_corner(self.button)  # after the timer, always in sight
            window.notesReloaded.connect(lambda _notes: self.sync())
            self._services.glossaryLoaded.connect(lambda _glossary: self.sync())
            self._timer.start()
        self.sync()

    # -- the cards follow the notes ---------------------------------------------------------------
    def sync(self) -> None:
        notes, glossary = self._window.notes, self._services.glossary
        if self.store is None or notes is None or glossary is None:
            self.update_count()
            return
        from studyreader.review import find_sightings

        if self.sync_job is not None:
            self.sync_job.cancel()
        self.sync_job = run_in_thread(lambda: find_sightings(notes, glossary),
                                      lambda found: self._synced(notes, glossary, found),
                                      lambda error: self._window.status.message(error_text(error), 8000), context=self)

    def _synced(self, notes, glossary, sightings: list[Sighting]) -> None:
        if self.store is None:
            return
        self.sightings = sightings
        self.store.sync(sightings, glossary, today=notes.today(), notes_path=notes.path)
        self.cardsChanged.emit()

    def _zone(self):
        notes = self._window.notes
        if notes is not None:
            return notes.tz, notes.tz_name
        from studyreader.notes.frontmatter import local_timezone

        zone = local_timezone()
        return zone, str(zone)

    def update_count(self) -> None:
        if self.store is None or self.button is None:
            return
        from studyreader.review import DEFAULT_BACKLOG_PER_DAY, DEFAULT_NEW_PER_DAY

        status = self.store.status(datetime.now(timezone.utc), self._zone()[0], new_per_day=DEFAULT_NEW_PER_DAY,
                                   backlog_per_day=DEFAULT_BACKLOG_PER_DAY)
        self.button.set_count(status.due_today + status.new_today)

    def reviews_per_day(self, start: date, end: date) -> dict[date, int]:
        """For the habit view: grades given per calendar day (none before the store is open)."""
        return self.store.reviews_per_day(start, end) if self.store is not None else {}

    # -- the dialog -------------------------------------------------------------------------------
    def show_dialog(self) -> None:
        window = self._window
        if self.dialog is not None:
            self.dialog.show()
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        glossary = self._services.glossary
        if self.store is None or glossary is None:
            window.status.message(self.tr("The glossary is still loading; try again in a moment."), 5000)
            return
        from studyreader.review import ReviewSession, find_sightings
        from studyreader.review.cards import faces_for_sightings
        from studyreader.ui.i18n import current_language
        from studyreader.ui.study.review_dialog import ReviewDialog

        notes = window.notes
        tz, tz_name = self._zone()
        lang = current_language() or "en"
        session = ReviewSession(self.store, glossary, tz, lang=lang, sightings=self.sightings,
                                notes_path=notes.path if notes is not None else None, tz_name=tz_name)
        timer = self._services.timer_widget
        export = (lambda: faces_for_sightings(find_sightings(notes, glossary), glossary, lang=lang)) \
            if notes is not None else None
        self.dialog = ReviewDialog(session, window, study_log=self._services.open_log(),
                                   timer_running=lambda: timer is not None and timer.is_running(),
                                   export_faces=export)
        self.dialog.dateActivated.connect(window.jump_to_date)
        self.dialog.cardsChanged.connect(self.cardsChanged)
        self.dialog.studyLogChanged.connect(self.studyLogChanged)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def _dialog_closed(self, _result: int) -> None:
        """A new sitting (its own study-time session) each time the dialog is opened."""
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.cardsChanged.emit()

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.finish()
        if self.store is not None:
            self.store.close()
            self.store = None
