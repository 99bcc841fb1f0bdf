"""The one translation service of the window: the reader and the entry editor both ask it.

``service.translate(blocks, priority)`` returns a :class:`TranslationJob` whose signals report that
job only, on the GUI thread: its blocks as they arrive, progress, and how it ended. The work runs
through :func:`studyreader.ui.jobs.run_in_thread` with the service's one engine (one model loaded,
one cache); the reader's document and the editor's live text are separate jobs, so neither cancels
the other. A job cancelled (a new document, new text) stops between the engine's batches and
reports nothing more.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, Signal

from studyreader.translate.engine import ModelError, NoModelError, TranslationEngine
from studyreader.ui.jobs import Job, run_in_thread
from studyreader.ui.messages import error_text

__all__ = ["TranslationJob", "TranslationService"]


class TranslationJob(QObject):
    """One request: its signals carry its own results only."""

    started = Signal(int)  # total blocks
    blockTranslated = Signal(int, object)  # block index, BlockTranslation
    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # TranslationStats
    noModel = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job: Job | None = None
        self._cancelled = threading.Event()  # read by the worker thread between batches
        self._active = True
        self._done = 0
        self._total = 0

    def cancel(self) -> None:
        """Stop between batches; nothing more is reported."""
        self._active = False
        self._cancelled.set()
        if self._job is not None:
            self._job.cancel()

    def is_active(self) -> bool:
        """Started and neither finished, failed nor cancelled."""
        return self._active

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the engine has returned (shutdown, tests)."""
        return self._job is None or self._job.wait(timeout)

    # -- GUI thread, from the job helper ---------------------------------------------------------
    def _attach(self, job: Job) -> None:
        self._job = job

    def _report(self, event: tuple) -> None:
        if not self._active:
            return
        if event[0] == "started":
            self._total = event[1]
            self.started.emit(self._total)
        else:
            _kind, index, translation = event
            self._done += 1
            self.blockTranslated.emit(index, translation)
            self.progress.emit(self._done, self._total)

    def _finish(self, stats) -> None:
        if self._active:
            self._active = False
            self.finished.emit(stats)

    def _fail(self, error: BaseException) -> None:
        if not self._active:
            return
        self._active = False
        if isinstance(error, NoModelError):
            self.noModel.emit(error_text(error))
        elif isinstance(error, ModelError):
            self.failed.emit(error_text(error))
        else:
            self.failed.emit(f"{type(error).__name__}: {error}")  # an unexpected failure: its own words


class TranslationService(QObject):
    """Owns the engine; hands out jobs."""

    def __init__(self, engine: TranslationEngine | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._aid = None
        self._jobs: list[TranslationJob] = []

    @property
    def engine(self) -> TranslationEngine:
        """Created on first use: importing and opening it is not start-up work."""
        if self._engine is None:
            self._engine = TranslationEngine()
        return self._engine

    def set_aid(self, aid) -> None:
        """The glossary's translation aid, used by every job started from now on."""
        self._aid = aid

    def reload_model(self) -> None:
        """Packages were installed or removed: the next job looks the model up again."""
        self.engine.reload()

    def translate(self, blocks: Sequence, priority: Iterable[int] | None = None) -> TranslationJob:
        """Translate ``blocks`` (the block indices in ``priority`` first) as a new job."""
        blocks = list(blocks)
        priority = list(priority or ())
        engine, aid = self.engine, self._aid
        request = TranslationJob(self)
        self._jobs = [job for job in self._jobs if job.is_active()]
        self._jobs.append(request)

        def work(report):
            report(("started", len(blocks)))
            result = engine.translate_blocks(
                blocks,
                on_block=lambda index, translation: report(("block", index, translation)),
                should_cancel=request._cancelled.is_set,
                priority=priority,
                aid=aid,
            )
            return result.stats

        job = run_in_thread(work, request._finish, request._fail, on_progress=request._report, context=request)
        request._attach(job)
        return request

    def cancel_all(self) -> None:
        for job in self._jobs:
            job.cancel()
        self._jobs = []

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel every job and wait for the engine to return (before the application quits)."""
        jobs, self._jobs = self._jobs, []
        for job in jobs:
            job.cancel()
        for job in jobs:
            job.wait(timeout_ms / 1000)
