"""The editor's live English: the latest text, as blocks, through the window's translation service.

Each request cancels the editor's previous job (never the reader's: they are separate jobs of one
service), so only the latest text is finished; unchanged blocks come back from the engine's cache.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from studyreader.ui.translation_service import TranslationJob, TranslationService

DEBOUNCE_MS = 600  # a pause in typing this long starts a translation


class LiveTranslator(QObject):
    """Translates the editor's text; reports only the latest request."""

    started = Signal(int)  # generation
    finished = Signal(int, str, object)  # generation, the English as Markdown, its sentence pairs
    failed = Signal(int, str)
    noModel = Signal(str)

    def __init__(self, service: TranslationService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._job: TranslationJob | None = None
        self._generation = 0
        self._busy = False
        self._text = ""
        self._blocks: list = []
        self._done: dict[int, object] = {}
        self.requests = 0  # translations actually started (tests and diagnostics)
        self.last_stats = None  # TranslationStats of the last finished translation

    def request(self, text: str) -> int:
        from studyreader.translate.segment import segment_markdown  # not start-up work

        self.cancel()
        self._generation += 1
        self._text = text
        self._blocks = segment_markdown(text)
        self._done = {}
        self._busy = True
        self.requests += 1
        self.started.emit(self._generation)
        job = self.service.translate(self._blocks)
        job.blockTranslated.connect(self._on_block)
        job.finished.connect(self._on_finished)
        job.noModel.connect(self._on_no_model)
        job.failed.connect(self._on_failed)
        self._job = job
        return self._generation

    def cancel(self) -> None:
        """Drop the editor's running job; the reader's jobs go on."""
        self._busy = False
        if self._job is not None:
            self._job.cancel()
            self._job = None

    def is_busy(self) -> bool:
        return self._busy

    @property
    def source_text(self) -> str:
        """The text of the latest request."""
        return self._text

    @Slot(int, object)
    def _on_block(self, index: int, translation: object) -> None:
        self._done[index] = translation

    @Slot(object)
    def _on_finished(self, stats) -> None:
        from studyreader.render.alignment import joined_pairs

        self._busy = False
        self._job = None
        self.last_stats = stats
        translations = []
        for block in self._blocks:
            done = self._done.get(block.index)
            translations.append((done.text, done.pairs) if done is not None else None)
        english, pairs = joined_pairs(self._text, self._blocks, translations)
        self.finished.emit(self._generation, english, pairs)

    @Slot(str)
    def _on_no_model(self, message: str) -> None:
        self._busy = False
        self._job = None
        self.noModel.emit(message)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._busy = False
        self._job = None
        self.failed.emit(self._generation, message)


class LiveEnglish(QObject):
    """The English column's behaviour: translate after a pause in typing, say why nothing shows
    (no model: with the "Translation Models…" button, gone as soon as a translation succeeds)."""

    def __init__(self, service: TranslationService, panes, text: Callable[[], str], parent: QWidget) -> None:
        super().__init__(parent)
        self._panes = panes
        self._text = text
        self._window = parent
        self.translator = LiveTranslator(service, self)
        self.translator.started.connect(self._update_state)
        self.translator.finished.connect(self._on_finished)
        self.translator.failed.connect(self._on_failed)
        self.translator.noModel.connect(self._on_no_model)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._translate)
        self._last_translated: str | None = None
        self._error: str | None = None
        self.no_model = False
        self.markdown = ""  # the latest English shown
        self._stopped = False
        panes.models_button.clicked.connect(self.open_model_manager)

    @property
    def service(self) -> TranslationService:
        return self.translator.service

    def schedule(self) -> None:
        """Translate once typing pauses."""
        self._debounce.start()

    def translate_now(self) -> None:
        self._debounce.stop()
        self._last_translated = None
        self._translate()

    def set_aid(self, aid) -> None:
        """The glossary's aid; the same text may now come out differently."""
        self.service.set_aid(aid)
        self._last_translated = None

    def cancel(self) -> None:
        self._debounce.stop()
        self.translator.cancel()

    def stop(self) -> None:
        """For good (the application quits)."""
        self._stopped = True
        self.cancel()

    def retranslate(self) -> None:
        if self.no_model:
            self._show_no_model_text()
        self._update_state()

    def open_model_manager(self) -> None:
        from studyreader.ui.dialogs.model_manager import ModelManagerDialog

        dialog = ModelManagerDialog(self._window)
        dialog.modelsChanged.connect(self._on_models_changed)
        dialog.exec()

    def _translate(self) -> None:
        if self._stopped:
            return
        text = self._text()
        if text == self._last_translated:
            return
        self._last_translated = text
        if not text.strip():
            self.translator.cancel()
            self.markdown = ""
            self._panes.sentences.clear()
            self._error = None
            self._panes.english.clear_content()
            self._update_state()
            return
        self.translator.request(text)

    def _on_finished(self, _generation: int, english: str, pairs) -> None:
        self._error = None
        self.no_model = False
        self._panes.models_button.hide()  # a model is installed after all
        self.markdown = english
        self.show_english(self.translator.source_text, english, pairs)
        self._update_state()

    def show_english(self, source: str, english: str, pairs) -> None:
        """Show ``english`` made from the entry ``source``; ``pairs`` (SentencePair, offsets in both
        whole texts) light a sentence and its English together."""
        self._panes.sentences.set_translation(source, english, pairs)
        self._panes.english.show_markdown(english)
        self._panes.sentence_highlight.refresh()

    def _on_failed(self, _generation: int, message: str) -> None:
        self._error = message
        self._panes.sentences.clear()
        self._panes.english.show_message(
            QCoreApplication.translate("EntryEditor", "The translation failed: {reason}").format(reason=message)
        )
        self._update_state()

    def _on_no_model(self, message: str) -> None:
        self._error = message
        self.no_model = True
        self._last_translated = None  # try again once a model is there
        self._panes.models_button.show()
        self._show_no_model_text()
        self._update_state()

    def _show_no_model_text(self) -> None:
        self._panes.sentences.clear()
        self._panes.english.show_message(
            QCoreApplication.translate(
                "EntryEditor",
                "No Chinese→English translation model is installed, so there is no live translation. "
                "Install one with “Translation Models…” (a .argosmodel file, or a download when online).",
            )
        )

    def _on_models_changed(self) -> None:
        self.service.reload_model()
        self.translate_now()

    def _update_state(self, *_args) -> None:
        state = self._panes.translation_state
        if self._error:
            state.setText(QCoreApplication.translate("EntryEditor", "No translation."))
            state.setToolTip(self._error)
        elif self.translator.is_busy():
            state.setText(QCoreApplication.translate("EntryEditor", "Translating…"))
        else:
            state.setText("")
            state.setToolTip("")
