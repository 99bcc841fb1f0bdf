"""Run the translation engine in a QThread so the window never waits for the model.

``TranslationService`` lives on the GUI thread; its ``TranslationWorker`` lives on a worker thread
and runs one job at a time. Starting a new job cancels the running one (the engine polls the
cancel flag between batches), and signals of a superseded job are dropped, so a document change
never shows stale translations.
"""

from __future__ import annotations

import itertools
import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from studyreader.translate.engine import ModelError, NoModelError, TranslationEngine

__all__ = ["TranslationWorker", "TranslationService"]


class TranslationWorker(QObject):
    """Translates on whatever thread it was moved to; every signal carries the job id."""

    jobStarted = Signal(int, int)  # job, total blocks
    blockTranslated = Signal(int, int, object)  # job, block index, BlockTranslation
    progress = Signal(int, int, int)  # job, done, total
    finished = Signal(int, object)  # job, TranslationStats
    noModel = Signal(int, str)
    failed = Signal(int, str)

    def __init__(self, engine: TranslationEngine | None = None) -> None:
        super().__init__()
        self.engine = engine or TranslationEngine()
        self._cancelled_up_to = 0
        self._lock = threading.Lock()

    def cancel_up_to(self, job: int) -> None:
        """Cancel every job with an id ≤ ``job`` (thread-safe, returns at once)."""
        with self._lock:
            self._cancelled_up_to = max(self._cancelled_up_to, job)

    def is_cancelled(self, job: int) -> bool:
        with self._lock:
            return job <= self._cancelled_up_to

    @Slot(int, object, object, object)
    def run(self, job: int, blocks, priority, aid) -> None:
        if self.is_cancelled(job):
            return
        blocks = list(blocks)
        total = len(blocks)
        done = 0
        self.jobStarted.emit(job, total)

        def on_block(index: int, translation) -> None:
            nonlocal done
            done += 1
            self.blockTranslated.emit(job, index, translation)
            self.progress.emit(job, done, total)

        try:
            result = self.engine.translate_blocks(
                blocks, on_block=on_block, should_cancel=lambda: self.is_cancelled(job), priority=priority, aid=aid
            )
        except NoModelError as error:
            self.noModel.emit(job, str(error))
            return
        except ModelError as error:
            self.failed.emit(job, str(error))
            return
        except Exception as error:  # a worker must report, never die silently
            self.failed.emit(job, f"translation failed: {error}")
            return
        self.finished.emit(job, result.stats)


class TranslationService(QObject):
    """The GUI-side handle: one worker thread, one current job, signals for the current job only."""

    started = Signal(int)  # total blocks
    blockTranslated = Signal(int, object)
    progress = Signal(int, int)
    finished = Signal(object)
    noModel = Signal(str)
    failed = Signal(str)

    _request = Signal(int, object, object, object)

    def __init__(self, engine: TranslationEngine | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._job = 0
        self._aid = None
        self._thread = QThread()
        self._thread.setObjectName("StudyReaderTranslation")
        self.worker = TranslationWorker(engine)
        self.worker.moveToThread(self._thread)
        self._request.connect(self.worker.run)
        self.worker.jobStarted.connect(self._on_started)
        self.worker.blockTranslated.connect(self._on_block)
        self.worker.progress.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.noModel.connect(self._on_no_model)
        self.worker.failed.connect(self._on_failed)
        self._thread.start()
        app = QCoreApplication.instance()
        if app is not None:  # a forgotten shutdown() must not leave a running QThread at exit
            app.aboutToQuit.connect(self.shutdown)

    @property
    def engine(self) -> TranslationEngine:
        return self.worker.engine

    @property
    def current_job(self) -> int:
        return self._job

    def set_aid(self, aid) -> None:
        self._aid = aid

    def translate(self, blocks, priority=None) -> int:
        """Cancel the running job and translate ``blocks`` (visible indices in ``priority`` first)."""
        self.worker.cancel_up_to(self._job)
        self._job = next(self._ids)
        self._request.emit(self._job, list(blocks), list(priority or ()), self._aid)
        return self._job

    def cancel(self) -> None:
        self.worker.cancel_up_to(self._job)
        self._job = next(self._ids)  # late signals of the cancelled job are dropped

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel, stop the thread and wait for it (idempotent)."""
        self.cancel()
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait(timeout_ms)

    # -- forwarding (GUI thread) -------------------------------------------------------------------
    def _on_started(self, job: int, total: int) -> None:
        if job == self._job:
            self.started.emit(total)

    def _on_block(self, job: int, index: int, translation) -> None:
        if job == self._job:
            self.blockTranslated.emit(index, translation)

    def _on_progress(self, job: int, done: int, total: int) -> None:
        if job == self._job:
            self.progress.emit(done, total)

    def _on_finished(self, job: int, stats) -> None:
        if job == self._job:
            self.finished.emit(stats)

    def _on_no_model(self, job: int, message: str) -> None:
        if job == self._job:
            self.noModel.emit(message)

    def _on_failed(self, job: int, message: str) -> None:
        if job == self._job:
            self.failed.emit(message)
