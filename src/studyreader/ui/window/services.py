"""What the window starts after its first paint: the glossary (loaded in a worker thread), the
translation service, the study log, the study timer, the term review count, the reminder; the habit
view and the review dialog on demand."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from studyreader.ui.jobs import run_in_thread
from studyreader.ui.messages import error_text
from studyreader.ui.window.review import ReviewController
from studyreader.ui.window.startup import run_steps

if TYPE_CHECKING:
    from studyreader.ui.window.main_window import MainWindow
    from studyreader.ui.window.translation import TranslationController

GLOSSARY_WAIT_MS = 1000  # the study widgets wait at most this long for the glossary
# The plain-Python modules of the services, imported in a worker thread before their objects are
# built on the GUI thread. Modules that define Qt classes (the translation service, the timer widget,
# the reminder) are imported on the GUI thread, by the steps that build them: PySide6 making a QObject
# class in a worker thread while the GUI thread read meta-objects crashed the app at start-up (a
# segmentation fault in PySide::MetaObjectBuilder::update, about once in 30 runs of ui_stall_bench).
SERVICE_MODULES = ("studyreader.translate.engine", "studyreader.study.log", "studyreader.study.timer",
                   "studyreader.study.recorder", "studyreader.study.context")


def load_glossary(reload: bool = False):
    """The glossary with its matcher built (plain Python: runs in a worker thread)."""
    from studyreader.glossary import default_glossary

    glossary = default_glossary(reload=reload)
    glossary.matcher  # noqa: B018 - builds the automaton here, off the GUI thread
    return glossary


class Services(QObject):
    glossaryLoaded = Signal(object)
    glossaryFailed = Signal(str)
    readied = Signal()  # everything that loads after the first paint is there

    def __init__(self, window: MainWindow, translation: TranslationController) -> None:
        super().__init__(window)
        self._window = window
        self._translation = translation
        self._started = False
        self._ready = False
        self.glossary = None
        self.study_log = None
        self.timer_widget = None
        self.reminder = None
        self.habit_dialog = None
        self.review = ReviewController(window, self)
        self._glossary_waiters: list[Callable[[], object]] = []

    def start(self) -> None:
        """Glossary, then translation, then study widgets: one step per event-loop turn, one worker
        at a time. A file shown from the start-up cache is read first.

        The glossary (parsing its TOML, building its matcher) and the translator's imports are plain
        Python: run in two workers at once, beside the reader building rows, they kept the GUI thread
        waiting for the interpreter lock for over 50 ms. The glossary comes first, so the first
        translation job already has its aid."""
        window = self._window
        if window.document.completing():
            window.document.completed.connect(self.start, Qt.ConnectionType.SingleShotConnection)
            return
        if self._started:
            return
        self._started = True
        reader = window.reader
        self.load_glossary(then=lambda: run_in_thread(
            lambda: [importlib.import_module(name) for name in SERVICE_MODULES],
            lambda _modules: run_steps(self, [self._translation.ensure_service, self._translation.start],
                                       after_each=reader.yield_turn), context=self))
        # The study widgets wait until the glossary is in (or a second has passed): building them
        # while the glossary and the model load in other threads would add up.
        self.after_glossary(lambda: run_steps(
            self, [self.open_log, self._create_timer, self.review.start, self._create_reminder,
                   self._restore_editor],
            busy=reader.has_pending_work, after_each=reader.yield_turn, on_done=self._set_ready))

    def _set_ready(self) -> None:
        self._ready = True
        self.readied.emit()

    def ready(self) -> bool:
        """Everything that loads after the first paint is there."""
        return self._ready

    # -- the glossary ---------------------------------------------------------------------------
    def load_glossary(self, reload: bool = False, then: Callable[[], object] = lambda: None) -> None:
        """Load the glossary in a worker; ``then`` runs on the GUI thread once it is in (or failed)."""
        run_in_thread(lambda: load_glossary(reload), lambda glossary: self._glossary_in(glossary, then=then),
                      lambda error: self._glossary_in(None, error_text(error), then=then), context=self)

    def _glossary_in(self, glossary, error: str = "", then: Callable[[], object] = lambda: None) -> None:
        if glossary is not None:
            self.glossary = glossary
            self.glossaryLoaded.emit(glossary)
        else:
            self.glossaryFailed.emit(error)
        waiting, self._glossary_waiters = self._glossary_waiters, []
        for fn in waiting:
            QTimer.singleShot(0, self, fn)
        then()

    def after_glossary(self, fn: Callable[[], object]) -> None:
        """Run ``fn`` once the glossary is in (or failed), or after a second at most."""
        if self.glossary is not None:
            QTimer.singleShot(0, self, fn)
            return
        once = {"ran": False}

        def run() -> None:
            if not once["ran"]:
                once["ran"] = True
                fn()

        self._glossary_waiters.append(run)
        QTimer.singleShot(GLOSSARY_WAIT_MS, self, run)

    # -- the study widgets ------------------------------------------------------------------------
    def open_log(self):
        if self.study_log is None:
            from studyreader.study.log import StudyLog

            try:
                self.study_log = StudyLog.open()
            except Exception as error:  # noqa: BLE001 - the timer then keeps its log in memory; say why
                self._window.status.message(error_text(error), 8000)
        return self.study_log

    def _notes_context(self):
        """The study widgets' view of the open notes, from the notes the window parsed."""
        notes = self._window.notes
        if notes is None:
            return None
        from studyreader.study.context import context_from_notes

        return context_from_notes(notes)

    def _create_timer(self) -> None:
        from studyreader.ui.study.timer_widget import TimerWidget

        window = self._window
        self.timer_widget = TimerWidget(window, log=self.open_log(), notes_path=window.notes_path,
                                        settings=window.settings, context=self._notes_context())
        window.actions_table.add_to_corner(self.timer_widget, folding=self.timer_widget)
        window.actions_table.add_to_menu("study", self.timer_widget.actions())
        self.timer_widget.notice.connect(lambda text: window.status.message(text, 8000))

    def _create_reminder(self) -> None:
        from studyreader.ui.study.reminder import Reminder

        window = self._window
        self.reminder = Reminder(window, log=self.open_log(), notes_path=window.notes_path,
                                 settings=window.settings, context=self._notes_context())
        self.reminder.notice.connect(lambda text: window.status.message(text, 8000))

    def _restore_editor(self) -> None:
        if self._window.settings.editor_visible and self._window.editor_dock is None:
            self._window.show_editor(True)

    def show_habit_view(self) -> None:
        from studyreader.ui.study.habit_view import HabitDialog

        window = self._window
        if self.habit_dialog is None:
            self.habit_dialog = HabitDialog(window, log=self.open_log(), notes_path=window.notes_path,
                                            settings=window.settings, reviews=self.review.reviews_per_day)
            view = self.habit_dialog.view
            view.dayActivated.connect(window.jump_to_date)
            window.notesReloaded.connect(lambda _notes: view.refresh())
            self.review.cardsChanged.connect(view.refresh)
            self.review.studyLogChanged.connect(view.refresh)
            if self.timer_widget is not None:
                self.timer_widget.studyLogChanged.connect(view.refresh)
        self.habit_dialog.show()
        self.habit_dialog.raise_()

    def set_notes_path(self, path: Path) -> None:
        """Another file is open: every study part follows it."""
        context = self._notes_context()
        for widget in (self.timer_widget, self.reminder):
            if widget is not None:
                widget.set_notes_path(path, context=context)
        if self.habit_dialog is not None:
            self.habit_dialog.set_notes_path(path)
        self.review.sync()  # the new file's terms get their cards

    def show_review(self) -> None:
        self.review.show_dialog()

    def close(self) -> None:
        self.review.close()  # an open review sitting is logged before the log closes
        if self.timer_widget is not None:
            self.timer_widget.stop()
        if self.study_log is not None:
            self.study_log.close()
            self.study_log = None
