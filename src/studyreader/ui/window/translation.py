"""The reader's translation: visible blocks first, arrivals applied in short slices, the order
changed when the user scrolls to blocks not yet translated.

A cached file delivers hundreds of blocks in one burst: they are queued and applied at most
:data:`SLICE_SECONDS` per event-loop turn, so the burst never holds up the window.
"""

from __future__ import annotations

import collections
import time
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from studyreader.ui.reader.reader import BilingualReader
    from studyreader.ui.translation_service import TranslationJob, TranslationService

SLICE_SECONDS = 0.003
REPRIORITISE_MS = 300  # a scroll settles before the order is changed


class TranslationState(str, Enum):
    IDLE = "idle"  # nothing asked yet
    RUNNING = "running"
    DONE = "done"
    NO_MODEL = "no_model"
    UNAVAILABLE = "unavailable"  # no notes to translate
    FAILED = "failed"


class TranslationController(QObject):
    stateChanged = Signal(object, str)  # TranslationState, detail (the model's message, the error)
    progressed = Signal(int, int)  # done, total
    finished = Signal()  # a run ended (done, failed or no model)
    cacheWarning = Signal(object)  # studyreader.messages.Message: the translation cache is not what it should be

    def __init__(self, reader: BilingualReader, parent: QObject) -> None:
        super().__init__(parent)
        self._reader = reader
        self._blocks: list | None = None
        self._wanted = False  # asked for before the notes were read (a cached start)
        self._aid = None
        self._state = TranslationState.IDLE
        self._cache_warning = None  # the last one said, said once
        self.service: TranslationService | None = None
        self.job: TranslationJob | None = None
        self._arrivals: collections.deque = collections.deque()
        self._arrived = 0
        self._total = 0
        self._arrival_timer = QTimer(self)
        self._arrival_timer.setSingleShot(True)
        self._arrival_timer.setInterval(0)
        self._arrival_timer.timeout.connect(self._apply_arrivals)
        self._prioritise_timer = QTimer(self)
        self._prioritise_timer.setSingleShot(True)
        self._prioritise_timer.setInterval(REPRIORITISE_MS)
        self._prioritise_timer.timeout.connect(self._restart_if_running)
        reader.visibleRowsChanged.connect(self._reprioritise)

    @property
    def state(self) -> TranslationState:
        return self._state

    def ensure_service(self) -> TranslationService:
        """The one translation service (the editor asks it too); created after the first paint."""
        if self.service is None:
            from studyreader.ui.translation_service import TranslationService

            self.service = TranslationService(parent=self.parent())
            if self._aid is not None:
                self.service.set_aid(self._aid)
        return self.service

    def set_aid(self, aid) -> None:
        """The glossary's translation aid, for every job started from now on."""
        self._aid = aid
        if self.service is not None:
            self.service.set_aid(aid)

    def set_blocks(self, blocks: list | None) -> None:
        """A new document (or its new text) is in the reader: translate it if translation is on."""
        self._cancel()
        self._blocks = blocks
        if blocks is not None and (self._wanted or self.service is not None or self._state != TranslationState.IDLE):
            self._wanted = False
            self.start()

    def start(self) -> None:
        """(Re)translate the pending blocks, the visible ones first."""
        if self._blocks is None:
            self._wanted = True  # the notes are still being read
            return
        self.ensure_service()
        self._translate_pending()

    def models_changed(self) -> None:
        """Packages were installed or removed: look the model up again and translate what is left."""
        if self.service is not None:
            self.service.reload_model()
        self.start()

    def shutdown(self) -> None:
        self._cancel()
        if self.service is not None:
            self.service.shutdown()

    # -- running ------------------------------------------------------------------------------
    def _set_state(self, state: TranslationState, detail: str = "") -> None:
        self._state = state
        self._reader.set_no_model(state == TranslationState.NO_MODEL)
        self.stateChanged.emit(state, detail)

    def _cancel(self) -> None:
        """Blocks of an older text must not land in the reader's rows."""
        if self.job is not None:
            self.job.cancel()
            self.job = None
        self._arrivals.clear()
        self._arrival_timer.stop()

    def _translate_pending(self) -> None:
        reader = self._reader
        pending_rows = reader.pending_rows()
        if not pending_rows:
            self._set_state(TranslationState.DONE)
            self.finished.emit()
            return
        pending = set(pending_rows)
        keys = {reader.blocks[row].index for row in pending_rows}
        blocks = [block for block in self._blocks if block.index in keys]
        visible = [reader.blocks[row].index for row in reader.visible_rows() if row in pending]
        self._cancel()
        self._total = len(pending_rows)
        self._arrived = 0
        job = self.ensure_service().translate(blocks, priority=visible)
        job.blockTranslated.connect(self._on_block_translated)
        job.finished.connect(self._on_finished)
        job.noModel.connect(self._on_no_model)
        job.failed.connect(self._on_failed)
        self.job = job
        self._set_state(TranslationState.RUNNING)

    def _reprioritise(self) -> None:
        if self._state == TranslationState.RUNNING:
            pending = set(self._reader.pending_rows())
            if any(row in pending for row in self._reader.visible_rows()):
                self._prioritise_timer.start()

    def _restart_if_running(self) -> None:
        if self._state == TranslationState.RUNNING:
            self._translate_pending()

    def _on_block_translated(self, index: int, translation) -> None:
        self._arrivals.append((index, translation))
        if not self._arrival_timer.isActive():
            self._arrival_timer.start()

    def _apply_arrivals(self, deadline: float | None = None) -> None:
        end = time.perf_counter() + SLICE_SECONDS if deadline is None else deadline
        while self._arrivals:
            index, translation = self._arrivals.popleft()
            row = self._reader.row_for_key(index)
            if row is not None:
                missing = list(dict.fromkeys(check.term_id for check in translation.checks if not check.respected))
                self._reader.set_translation(row, translation.text, missing, pairs=translation.pairs)
            self._arrived += 1
            if time.perf_counter() > end:
                break
        self.progressed.emit(self._arrived, self._total)
        if self._arrivals:
            self._arrival_timer.start()

    def _on_finished(self, stats) -> None:
        self._arrival_timer.stop()
        self._apply_arrivals(deadline=float("inf"))
        self.job = None
        if stats.cancelled:
            return
        self._set_state(TranslationState.DONE if not self._reader.pending_rows() else TranslationState.FAILED)
        warning = self.service.engine.cache.warning  # a locked, unwritable or damaged cache: said once
        if warning is not None and warning != self._cache_warning:
            self._cache_warning = warning
            self.cacheWarning.emit(warning)
        self.finished.emit()

    def _on_no_model(self, message: str) -> None:
        self.job = None
        self._set_state(TranslationState.NO_MODEL, message)
        self.finished.emit()

    def _on_failed(self, message: str) -> None:
        self.job = None
        self._set_state(TranslationState.FAILED, message)
        self.finished.emit()
