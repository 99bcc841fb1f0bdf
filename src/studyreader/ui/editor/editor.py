"""The entry editor: write today's entry in Markdown, with preview and live English.

A thin Qt shell over the notes core: saving goes through ``append_entry`` /
``replace_entry`` (the same functions ``studyreader append`` uses, which
re-read the file at save time, so a ``git pull`` in the meantime is kept);
drafts go through :mod:`studyreader.notes.drafts`. The live translation runs
in a worker thread, debounced, and only the latest text is ever translated.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QEvent,
    QFileSystemWatcher,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studyreader.notes.drafts import Draft, DraftStore, editable_body
from studyreader.ui.settings import Settings

DEBOUNCE_MS = 600
AUTOSAVE_MS = 3000
PREVIEW_CSS = "td, th { padding: 2px 10px 2px 0; } pre { margin-left: 8px; }"
WATCH_DEBOUNCE_MS = 250



# --------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------
def render_preview(text: str, base_dir: Path | None) -> str:
    """Safe HTML for the preview, through the reader's renderer when it exists."""
    try:
        from studyreader.render.markup import render_markdown
    except ImportError:  # the reader's renderer is optional for the editor
        import markdown
        import nh3

        return nh3.clean(markdown.markdown(text, extensions=["tables", "fenced_code"]))
    return render_markdown(text, base_dir)


# --------------------------------------------------------------------------
# Watching the notes file
# --------------------------------------------------------------------------
class NotesFileWatcher(QObject):
    """Tells when the notes file's bytes change on disk, other than by our own save.

    Editors and ``git`` often save by writing a new file and renaming it over
    the old one; the watcher then loses the path, so it is added back as soon
    as the file exists again.
    """

    changed = Signal(str)

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
        elif self._rearm_tries < 40:  # the file may reappear a moment later (rename-save)
            self._rearm_tries += 1
            QTimer.singleShot(50, self._arm)

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


# --------------------------------------------------------------------------
# Live translation off the GUI thread
# --------------------------------------------------------------------------
class LiveTranslator(QObject):
    """Translates the latest text with the engine's Qt worker; superseded jobs are dropped.

    The worker (and with it the translation engine) is created on the first
    request, so nothing heavy is imported while the window starts. Each
    request cancels the one still running: only the latest text is finished.
    Unchanged blocks come back from the engine's cache at once.
    """

    started = Signal(int)
    finished = Signal(int, str)
    failed = Signal(int, str)
    noModel = Signal(str)

    def __init__(self, service_factory: Callable[[QObject], QObject] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._factory = service_factory
        self._service = None
        self._job = None
        self._generation = 0
        self._busy = False
        self._text = ""
        self._blocks: list = []
        self._done: dict[int, object] = {}
        self.requests = 0  # translations actually started (tests and diagnostics)
        self.last_stats = None  # TranslationStats of the last finished translation

    def _ensure_service(self):
        if self._service is None:
            if self._factory is not None:
                self._service = self._factory(self)
            else:
                from studyreader.ui.translation_service import TranslationService

                self._service = TranslationService(parent=self)
        return self._service

    def request(self, text: str) -> int:
        from studyreader.translate.segment import segment_markdown

        self._generation += 1
        self._text = text
        self._blocks = segment_markdown(text)
        self._done = {}
        self._busy = True
        self.requests += 1
        self.started.emit(self._generation)
        if self._job is not None:
            self._job.cancel()
        job = self._ensure_service().translate(self._blocks)
        job.blockTranslated.connect(self._on_block)
        job.finished.connect(self._on_finished)
        job.noModel.connect(self._on_no_model)
        job.failed.connect(self._on_failed)
        self._job = job
        return self._generation

    def cancel(self) -> None:
        """Drop the running job; its late results are ignored."""
        self._generation += 1
        self._busy = False
        if self._job is not None:
            self._job.cancel()
            self._job = None

    def shutdown(self) -> None:
        """Stop the worker thread (before the application quits)."""
        self._busy = False
        self._job = None
        if self._service is not None:
            service, self._service = self._service, None
            service.shutdown()

    def is_busy(self) -> bool:
        return self._busy

    @Slot(int, object)
    def _on_block(self, index: int, translation: object) -> None:
        self._done[index] = translation

    @Slot(object)
    def _on_finished(self, stats: object) -> None:
        if not self._busy or getattr(stats, "cancelled", False):
            return
        self.last_stats = stats
        from studyreader.translate.segment import join_translation

        self._busy = False
        translations = [getattr(self._done.get(block.index), "text", None) for block in self._blocks]
        self.finished.emit(self._generation, join_translation(self._text, self._blocks, translations))

    @Slot(str)
    def _on_no_model(self, message: str) -> None:
        self._busy = False
        self.noModel.emit(message)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._busy = False
        self.failed.emit(self._generation, message)


# --------------------------------------------------------------------------
# The panel
# --------------------------------------------------------------------------
class _Banner(QFrame):
    """A quiet one-line message with optional buttons above the editor."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 4, 4)
        self._layout.addWidget(self.label, 1)
        self.hide()

    def add_button(self, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(self)
        button.clicked.connect(slot)
        self._layout.addWidget(button)
        return button

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()


class EntryEditor(QWidget):
    """Markdown editor for one day's entry of the open notes file."""

    entrySaved = Signal(object)  # AppendResult
    saved = Signal(object)  # the same, under the name the first API draft used
    notesChangedOnDisk = Signal(str)
    modifiedChanged = Signal(bool)
    statusMessage = Signal(str)
    draftRecovered = Signal(object)  # Draft

    def __init__(
        self,
        notes_path: Path | str | None = None,
        settings: Settings | None = None,
        parent: QWidget | None = None,
        *,
        draft_store: DraftStore | None = None,
        translation_service_factory: Callable[[QObject], QObject] | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        if isinstance(notes_path, QWidget):  # EditorPanel(parent) as the main window may call it
            notes_path, parent = None, notes_path
        super().__init__(parent)
        self.setObjectName("EntryEditor")
        self.settings = settings
        self.drafts = draft_store or DraftStore()
        self._now = now
        self._notes_path: Path | None = None
        self._notes = None
        self._date: date | None = None
        self._mode = "append"
        self._base: str | None = None  # on-disk body when an in-place edit began
        self._modified = False
        self._draft_dirty = False
        self._recovered: Draft | None = None
        self._last_translated: str | None = None
        self._translation_error: str | None = None
        self._english_markdown = ""
        self._setting_text = False
        self._closed = False
        # Tests replace this to answer the "entry changed on disk" question.
        self.confirm_overwrite: Callable[[], bool] = self._ask_overwrite

        self._build_ui()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._translate_now)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(150)
        self._preview_timer.timeout.connect(self._update_preview)
        self._build_actions()

        self.watcher = NotesFileWatcher(self)
        self.watcher.changed.connect(self._on_disk_change)

        self.translator = LiveTranslator(translation_service_factory, self)
        self.translator.started.connect(self._on_translation_started)
        self.translator.finished.connect(self._on_translation_finished)
        self.translator.failed.connect(self._on_translation_failed)
        self.translator.noModel.connect(self._on_no_model)

        self._autosave = QTimer(self)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.flush_draft)
        self._autosave.start()

        self.editor.textChanged.connect(self._on_text_changed)
        self.retranslateUi()
        if settings is not None:
            state = settings.splitter_state("editor")
            if not state.isEmpty():
                self.splitter.restoreState(state)
            self.splitter.splitterMoved.connect(self._save_splitter)
        if notes_path is not None:
            self.set_notes_path(Path(notes_path))
        else:
            self._refresh_header()
            self.setEnabled(False)

    # -- construction --------------------------------------------------
    def _build_ui(self) -> None:
        self.date_label = QLabel(self)
        self.date_label.setObjectName("entryDate")
        font = self.date_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.date_label.setFont(font)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("entryState")
        self.state_label.setEnabled(False)  # the palette's quiet colour
        self.state_label.setWordWrap(True)
        self.state_label.setMinimumWidth(80)
        self.in_place_button = QToolButton(self)
        self.in_place_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(False)

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.date_label)
        header.addSpacing(12)
        header.addWidget(self.state_label, 1)
        header.addWidget(self.in_place_button)
        header.addWidget(self.save_button)

        self.recovery_banner = _Banner("recoveryBanner", self)
        self.discard_draft_button = self.recovery_banner.add_button(self.discard_recovered_draft)
        self.recovery_ok_button = self.recovery_banner.add_button(self.recovery_banner.hide)
        self.disk_banner = _Banner("diskBanner", self)
        self.disk_ok_button = self.disk_banner.add_button(self.disk_banner.hide)
        self.error_banner = _Banner("errorBanner", self)
        self.error_banner.label.setStyleSheet(f"color: {error_colour(self)};")
        self.error_ok_button = self.error_banner.add_button(self.error_banner.hide)

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("entryText")
        self.editor.setTabChangesFocus(False)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("entryPreview")
        self.preview.setOpenLinks(False)
        self.preview.setOpenExternalLinks(False)
        self.english = QTextBrowser(self)
        self.english.setObjectName("entryEnglish")
        self.english.setOpenLinks(False)
        self.english.setOpenExternalLinks(False)
        for browser in (self.preview, self.english):
            browser.document().setDefaultStyleSheet(PREVIEW_CSS)
            browser.anchorClicked.connect(self._open_link)

        self.editor_caption = QLabel(self)
        self.preview_caption = QLabel(self)
        self.english_caption = QLabel(self)
        self.count_label = QLabel(self)
        self.count_label.setEnabled(False)
        self.translation_state = QLabel(self)
        self.translation_state.setEnabled(False)
        self.translation_state.setWordWrap(True)
        self.models_button = QPushButton(self)
        self.models_button.clicked.connect(self.open_model_manager)
        self.models_button.hide()

        def column(caption: QLabel, body: QWidget, footer: QWidget | None = None) -> QWidget:
            box = QWidget(self)
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(2)
            layout.addWidget(caption)
            layout.addWidget(body, 1)
            if footer is not None:
                layout.addWidget(footer)
            return box

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("editorSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.editor_column = column(self.editor_caption, self.editor, self.count_label)
        self.preview_footer = QLabel(self)
        self.preview_footer.setEnabled(False)
        self.preview_column = column(self.preview_caption, self.preview, self.preview_footer)
        english_footer = QWidget(self)
        footer_layout = QHBoxLayout(english_footer)
        footer_layout.setContentsMargins(0, 0, 0, 0)
        footer_layout.addWidget(self.translation_state, 1)
        footer_layout.addWidget(self.models_button)
        self.english_column = column(self.english_caption, self.english, english_footer)
        for widget in (self.editor_column, self.preview_column, self.english_column):
            widget.setMinimumWidth(160)
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.recovery_banner)
        layout.addWidget(self.disk_banner)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.editor)

    def _build_actions(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut

        def action(shortcut, slot, checkable=False) -> QAction:
            act = QAction(self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(context)
            act.setCheckable(checkable)
            if checkable:
                act.toggled.connect(slot)
            else:
                act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.save_action = action(QKeySequence.StandardKey.Save, self.save)
        self.edit_in_place_action = action("Ctrl+Shift+E", self._on_in_place_toggled, checkable=True)
        self.preview_action = action("Ctrl+Shift+P", self._set_preview_visible, checkable=True)
        self.preview_action.setChecked(True)
        self.translate_action = action("Ctrl+Shift+T", self.translate_now)
        self.bold_action = action(QKeySequence.StandardKey.Bold, lambda: self._wrap_selection("**"))
        self.italic_action = action(QKeySequence.StandardKey.Italic, lambda: self._wrap_selection("*"))
        self.code_action = action("Ctrl+`", lambda: self._wrap_selection("`"))
        self.save_button.clicked.connect(self.save)
        self.in_place_button.setDefaultAction(self.edit_in_place_action)

    def actions_list(self) -> list[QAction]:
        return [
            self.save_action,
            self.edit_in_place_action,
            self.preview_action,
            self.translate_action,
            self.bold_action,
            self.italic_action,
            self.code_action,
        ]

    # -- translation of the interface --------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        elif event.type() == QEvent.Type.PaletteChange:  # light/dark switched while open
            self.error_banner.label.setStyleSheet(f"color: {error_colour(self)};")
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.save_action.setText(self.tr("&Save Entry"))
        self.save_action.setToolTip(self.tr("Write the entry into the notes file (Ctrl+S)"))
        self.edit_in_place_action.setText(self.tr("&Edit Existing Entry"))
        self.edit_in_place_action.setToolTip(
            self.tr("Load the day's entry from the notes file and edit it in place (Ctrl+Shift+E)")
        )
        self.preview_action.setText(self.tr("Show &Preview and Translation"))
        self.translate_action.setText(self.tr("&Translate Now"))
        self.bold_action.setText(self.tr("&Bold"))
        self.italic_action.setText(self.tr("&Italic"))
        self.code_action.setText(self.tr("Inline &Code"))
        self.save_button.setText(self.tr("Save Entry"))
        self.save_button.setToolTip(self.save_action.toolTip())
        self.editor.setPlaceholderText(
            self.tr("Write today's notes in Markdown. Ctrl+S saves them into the notes file.")
        )
        self.preview.setPlaceholderText(self.tr("The formatted entry appears here as you type."))
        self.english.setPlaceholderText(
            self.tr("The English translation appears here a moment after you stop typing.")
        )
        self.editor_caption.setText(self.tr("Markdown"))
        self.preview_caption.setText(self.tr("Preview"))
        self.english_caption.setText(self.tr("English"))
        self.discard_draft_button.setText(self.tr("Discard Draft"))
        self.recovery_ok_button.setText(self.tr("Keep"))
        self.disk_ok_button.setText(self.tr("OK"))
        self.error_ok_button.setText(self.tr("Close"))
        self.models_button.setText(self.tr("Translation Models…"))
        if self._recovered is not None and self.recovery_banner.isVisible():
            self._show_recovery_banner(self._recovered)
        self.preview_footer.setText(self.tr("Rendered as in the reader"))
        self._refresh_header()
        self._update_count()
        self._update_translation_state()
        self._align_columns()

    def _align_columns(self) -> None:
        """Captions and footers share one height, so the three panes line up in any language."""
        captions = (self.editor_caption, self.preview_caption, self.english_caption)
        height = max(label.sizeHint().height() for label in captions)
        for label in captions:
            label.setFixedHeight(height)
        footers = (self.count_label, self.preview_footer)
        height = max([label.sizeHint().height() for label in footers] + [self.models_button.sizeHint().height()])
        for widget in (*footers, self.english_column.layout().itemAt(2).widget()):
            widget.setFixedHeight(height)

    # -- public API ------------------------------------------------------
    @property
    def notes_path(self) -> Path | None:
        return self._notes_path

    @property
    def entry_date(self) -> date | None:
        return self._date

    @property
    def mode(self) -> str:
        return self._mode

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        self.editor.setPlainText(text)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)

    def is_modified(self) -> bool:
        return self._modified

    def set_notes_path(self, path: Path | str | None) -> None:
        """Edit the entry of another notes file; the old file's draft is written first."""
        new = Path(path).resolve() if path is not None else None
        if new == self._notes_path:
            return
        self.flush_draft()
        self._notes_path = new
        self._recovered = None
        self.recovery_banner.hide()
        self.disk_banner.hide()
        self.error_banner.hide()
        self.watcher.watch(new)
        self._load_notes()
        self._date = self._today()
        self._mode = "append"
        self._base = None
        self._set_checked_silently(False)
        self._set_editor_text("")
        draft = self.drafts.load(new) if new is not None else None
        if draft is not None and draft.text.strip():
            self._restore(draft)
        self._refresh_header()
        self._update_modified()
        self.setEnabled(new is not None)

    def save(self) -> bool:
        """Write the entry. Returns True when the file was written."""
        from studyreader.notes import NotesError, append_entry, replace_entry

        if self._notes_path is None:
            return False
        text = self.text()
        if not text.strip():
            self._show_error(self.tr("There is nothing to save yet."))
            return False
        self._load_notes()
        day = self._date or self._today()
        try:
            if self._mode == "replace":
                on_disk = editable_body(self._notes, day) if self._notes is not None else None
                changed = on_disk is not None and _same(on_disk, self._base) is False
                if changed and not _same(on_disk, text) and not self.confirm_overwrite():
                    self.statusMessage.emit(self.tr("Not saved: the entry changed on disk."))
                    return False
                result = replace_entry(self._notes_path, text, day)
            else:
                result = append_entry(self._notes_path, text, day)
        except NotesError as error:
            self._show_error(self.tr("Could not save the entry: {error}").format(error=str(error)))
            self.flush_draft()
            return False
        self.watcher.note_own_write()
        self.drafts.discard(self._notes_path)
        self._draft_dirty = False
        self._recovered = None
        self.recovery_banner.hide()
        self.error_banner.hide()
        self._load_notes()
        if self._mode == "replace":
            self._base = editable_body(self._notes, day) if self._notes is not None else text
            if not _same(self.text(), self._base):  # keep the cursor where it is when nothing differs
                self._set_editor_text(self._base or "")
        else:
            self._date = self._today()
            self._set_editor_text("")
        self._refresh_header()
        self._update_modified()
        self.statusMessage.emit(
            self.tr("Entry of {date} saved (line {line}).").format(date=_long_date(result.date), line=result.line)
        )
        self.entrySaved.emit(result)
        self.saved.emit(result)
        return True

    def flush_draft(self) -> None:
        """Write (or forget) the draft now: every few seconds, and before closing."""
        if not self._draft_dirty or self._notes_path is None or self._date is None:
            return
        self._draft_dirty = False
        if not self._modified:
            self.drafts.discard(self._notes_path)
            return
        try:
            self.drafts.save(
                Draft(
                    notes_path=str(self._notes_path),
                    date=self._date,
                    text=self.text(),
                    mode=self._mode,
                    base=self._base,
                )
            )
        except OSError as error:
            self._draft_dirty = True
            self.statusMessage.emit(self.tr("Could not write the draft: {error}").format(error=str(error)))

    def maybe_close(self) -> bool:
        """The window may close: unsaved text stays as a draft and is offered next time."""
        self.flush_draft()
        self._debounce.stop()
        self.translator.shutdown()  # restarts by itself if the window stays open after all
        return True

    def discard_recovered_draft(self) -> None:
        if self._notes_path is not None:
            self.drafts.discard(self._notes_path)
        self._recovered = None
        self.recovery_banner.hide()
        self._mode = "append"
        self._base = None
        self._set_checked_silently(False)
        self._date = self._today()
        self._set_editor_text("")
        self._refresh_header()
        self._update_modified()

    def translate_now(self) -> None:
        self._debounce.stop()
        self._last_translated = None
        self._translate_now()

    # -- state helpers ---------------------------------------------------
    def _today(self) -> date | None:
        if self._notes_path is None:
            return None
        now = self._now() if self._now else None
        if self._notes is None:  # unreadable file: still keep a date, so that drafts are written
            return (now or datetime.now().astimezone()).date()
        return self._notes.today(now)

    def _load_notes(self) -> None:
        from studyreader.notes import NotesError, load_notes

        if self._notes_path is None:
            self._notes = None
            return
        try:
            self._notes = load_notes(self._notes_path)
        except NotesError as error:
            self._notes = None
            self._show_error(str(error))

    def _restore(self, draft: Draft) -> None:
        self._recovered = draft
        self._date = draft.date
        self._mode = draft.mode
        self._base = draft.base
        self._set_checked_silently(draft.mode == "replace")
        self._set_editor_text(draft.text)
        self._update_modified()
        self._show_recovery_banner(draft)
        self.draftRecovered.emit(draft)

    def _show_recovery_banner(self, draft: Draft) -> None:
        when = QLocale().toString(draft.saved_at.astimezone(), "yyyy-MM-dd HH:mm")
        self.recovery_banner.show_message(
            self.tr("Recovered unsaved text for the entry of {date} (draft of {time}).").format(
                date=_long_date(draft.date), time=when
            )
        )

    def _set_editor_text(self, text: str) -> None:
        self._setting_text = True
        try:
            self.set_text(text)
        finally:
            self._setting_text = False
        self._schedule_live_updates()

    def _set_checked_silently(self, checked: bool) -> None:
        self.edit_in_place_action.blockSignals(True)
        self.edit_in_place_action.setChecked(checked)
        self.edit_in_place_action.blockSignals(False)

    def _update_modified(self) -> None:
        text = self.text()
        if self._mode == "replace":
            modified = not _same(text, self._base or "")
        else:
            modified = bool(text.strip())
        if modified != self._modified:
            self._modified = modified
            self.modifiedChanged.emit(modified)
        can_save = self._notes_path is not None
        if self.save_action.isEnabled() != can_save:
            self.save_action.setEnabled(can_save)
        self._update_count()

    def _update_count(self) -> None:
        chars = sum(1 for ch in self.text() if not ch.isspace())
        text = self.tr("%n character(s)", "", chars)
        if self.count_label.text() != text:
            self.count_label.setText(text)

    def _refresh_header(self) -> None:
        if self._notes_path is None or self._date is None:
            self.date_label.setText(self.tr("No notes file"))
            self.state_label.setText("")
            return
        self.date_label.setText(self.tr("Entry of {date}").format(date=_long_date(self._date)))
        zone = getattr(self._notes, "tz_name", "") or ""
        entry = self._notes.entry_for(self._date) if self._notes is not None else None
        if self._mode == "replace":
            state = self.tr("Editing the existing entry in place")
        elif entry is None:
            state = self.tr("A new entry will be added")
        elif entry.chars == 0:
            state = self.tr("Fills the empty entry")
        else:
            state = self.tr("Adds to the existing entry (%n character(s))", "", entry.chars)
        if self._date != self._today():
            state = self.tr("{state} · not today's date").format(state=state)
        if zone:
            state = self.tr("{state} · time zone {zone}").format(state=state, zone=zone)
        self.state_label.setText(state)
        self.edit_in_place_action.setEnabled(entry is not None or self._mode == "replace")

    def _show_error(self, message: str) -> None:
        self.error_banner.show_message(message)
        self.statusMessage.emit(message)

    def _ask_overwrite(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Entry changed on disk"),
            self.tr(
                "The entry of {date} was changed in the notes file since you started editing it "
                "(perhaps by a git pull). Replace it with your version?"
            ).format(date=_long_date(self._date)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- slots -----------------------------------------------------------
    def _on_text_changed(self) -> None:
        self._update_modified()
        if self._setting_text:
            return
        self._draft_dirty = True
        self._schedule_live_updates()

    def _schedule_live_updates(self) -> None:
        if self.preview_action.isChecked():
            self._preview_timer.start()
            self._debounce.start()

    def _on_in_place_toggled(self, checked: bool) -> None:
        if checked:
            self._load_notes()
            body = editable_body(self._notes, self._date) if self._notes is not None else None
            if body is None:
                self._set_checked_silently(False)
                return
            typed = self.text().strip()
            self._mode = "replace"
            self._base = body
            # Text typed so far is kept, below the entry it would have been appended to.
            combined = body if not typed else body.rstrip("\n") + "\n\n" + typed
            self._set_editor_text(combined)
            self._draft_dirty = True
        else:
            current = self.text()
            base = self._base or ""
            self._mode = "append"
            self._base = None
            # Leave in the editor only what was added to the entry, so nothing is appended twice.
            extra = current[len(base):] if current.startswith(base) else current
            self._set_editor_text(extra.strip("\n") if not _same(current, base) else "")
            self._draft_dirty = True
        self._refresh_header()
        self._update_modified()

    def _set_preview_visible(self, visible: bool) -> None:
        self.preview_column.setVisible(visible)
        self.english_column.setVisible(visible)
        if visible:
            self._schedule_live_updates()

    def _save_splitter(self, *_args) -> None:
        if self.settings is not None:
            self.settings.set_splitter_state("editor", self.splitter.saveState())

    def _update_preview(self) -> None:
        base_dir = self._notes_path.parent if self._notes_path is not None else None
        self.preview.setHtml(render_preview(self.text(), base_dir))

    def _translate_now(self) -> None:
        if self._closed:
            return
        text = self.text()
        if text == self._last_translated:
            return
        self._last_translated = text
        if not text.strip():
            self.translator.cancel()
            self._english_markdown = ""
            self._translation_error = None
            self.english.clear()
            self._update_translation_state()
            return
        try:
            self.translator.request(text)
        except ImportError as error:  # an incomplete installation: say so, keep typing
            self._on_translation_failed(0, str(error))

    def _on_translation_started(self, _generation: int) -> None:
        self._update_translation_state()

    def _on_translation_finished(self, _generation: int, english: str) -> None:
        self._translation_error = None
        self._english_markdown = english
        base_dir = self._notes_path.parent if self._notes_path is not None else None
        self.english.setHtml(render_preview(english, base_dir))
        self._update_translation_state()

    def _on_translation_failed(self, _generation: int, message: str) -> None:
        self._translation_error = message
        self.english.setPlainText(self.tr("The translation failed: {reason}").format(reason=message))
        self._update_translation_state()

    def _on_no_model(self, message: str) -> None:
        self._translation_error = message
        self._update_translation_state()
        self.models_button.show()
        self.english.setPlainText(
            self.tr(
                "No Chinese→English translation model is installed, so there is no live translation. "
                "Install one with “Translation Models…” (a .argosmodel file, or a download when online)."
            )
        )

    def open_model_manager(self) -> None:
        from studyreader.ui.dialogs.model_manager import ModelManagerDialog

        dialog = ModelManagerDialog(self)
        dialog.modelsChanged.connect(self._on_models_changed)
        dialog.exec()

    def _on_models_changed(self) -> None:
        self.translator.shutdown()  # a new engine picks up the new package
        self._translation_error = None
        self.models_button.hide()
        self.translate_now()

    def shutdown(self) -> None:
        """Stop background work: call before the application quits."""
        self._closed = True
        self._autosave.stop()
        self._preview_timer.stop()
        self._debounce.stop()
        self.flush_draft()
        self.translator.shutdown()

    def _update_translation_state(self) -> None:
        if self._translation_error:
            self.translation_state.setText(self.tr("No translation."))
            self.translation_state.setToolTip(self._translation_error)
        elif self.translator.is_busy():
            self.translation_state.setText(self.tr("Translating…"))
        else:
            self.translation_state.setText("")
            self.translation_state.setToolTip("")

    def english_markdown(self) -> str:
        """The latest English translation shown (Markdown)."""
        return self._english_markdown

    def _on_disk_change(self, path: str) -> None:
        self._load_notes()
        if not self._modified:
            self._date = self._today()
            if self._mode == "replace":
                self._base = editable_body(self._notes, self._date) if self._notes is not None else None
                self._set_editor_text(self._base or "")
        elif self._mode == "replace" and self._notes is not None:
            on_disk = editable_body(self._notes, self._date)
            if on_disk is not None and not _same(on_disk, self._base):
                self.disk_banner.show_message(
                    self.tr(
                        "The notes file changed on disk, including this entry. Saving will ask before "
                        "replacing it."
                    )
                )
        if self._modified and not self.disk_banner.isVisible():
            self.disk_banner.show_message(
                self.tr("The notes file changed on disk. Your text is kept and will be saved into the new version.")
            )
        self._refresh_header()
        self._update_modified()
        self.statusMessage.emit(self.tr("The notes file changed on disk and was reloaded."))
        self.notesChangedOnDisk.emit(path)

    def _open_link(self, url: QUrl) -> None:
        """Only http(s) links open, in the system browser, and only when clicked."""
        if url.scheme().lower() in ("http", "https") and url.host():
            QDesktopServices.openUrl(url)

    def _wrap_selection(self, marker: str) -> None:
        cursor = self.editor.textCursor()
        selected = cursor.selectedText()
        cursor.beginEditBlock()
        cursor.insertText(f"{marker}{selected}{marker}")
        if not selected:
            cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.MoveAnchor, len(marker))
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._modified and self._notes is not None and self._mode == "append":
            self._date = self._today()
            self._refresh_header()


EditorPanel = EntryEditor  # the name the main window imports


def error_colour(widget: QWidget) -> str:
    """A red that stays readable on light and on dark windows."""
    return "#ff7b72" if widget.palette().window().color().lightness() < 128 else "#b3261e"


def _same(a: str | None, b: str | None) -> bool:
    """Equal up to line endings and blank edges (what the writer normalises)."""
    if a is None or b is None:
        return a is b

    def norm(text: str) -> str:
        return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").strip("\n").split("\n")).strip()

    return norm(a) == norm(b)


def _long_date(day: date | None) -> str:
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
