"""The entry editor: write today's entry in Markdown, with preview and live English.

A thin Qt shell over the notes core: saving goes through ``append_entry`` / ``replace_entry`` (the
same functions ``studyreader append`` uses, which re-read the file at save time, so a ``git pull`` in
the meantime is kept); drafts through :mod:`studyreader.ui.editor.drafting`; the live English
through the window's translation service (:mod:`studyreader.ui.editor.live`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from studyreader.notes import NotesError
from studyreader.notes.drafts import Draft, DraftStore
from studyreader.ui.editor.actions import EditorActions
from studyreader.ui.editor.banners import EditorBanners
from studyreader.ui.editor.checkin import EditorProgramme
from studyreader.ui.editor.conflict import ask_to_replace
from studyreader.ui.editor.drafting import DraftKeeper
from studyreader.ui.editor.header import EditorHeader, long_date
from studyreader.ui.editor.live import LiveEnglish
from studyreader.ui.editor.panes import EditorPanes, wrap_selection
from studyreader.ui.editor.programme_bar import ProgrammeBar
from studyreader.ui.editor.session import EntrySession, NotChanged, same
from studyreader.ui.file_watcher import NotesFileWatcher
from studyreader.ui.messages import error_text
from studyreader.ui.settings import Settings
from studyreader.ui.translation_service import TranslationService

PREVIEW_MS = 150


class EntryEditor(QWidget):
    """Markdown editor for one day's entry of the open notes file."""

    entrySaved = Signal(object)  # AppendResult
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
        watcher: NotesFileWatcher | None = None,
        translation_service: TranslationService | None = None,
        draft_store: DraftStore | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("EntryEditor")
        self.settings = settings
        self.session = EntrySession(now)
        self._modified = False
        self._setting_text = False
        # Answers "the entry changed on disk: replace it?" given the compact diff; tests replace it.
        self.confirm_overwrite: Callable[[str], bool] = lambda diff: ask_to_replace(
            self, long_date(self.session.day), diff
        )

        self._build_ui()
        self.programme = EditorProgramme(self.programme_bar, self.session, self.text, self.save, now, self)
        self._build_actions()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_MS)
        self._preview_timer.timeout.connect(lambda: self.preview.show_markdown(self.text()))

        self._own_watcher = watcher is None
        self.watcher = watcher if watcher is not None else NotesFileWatcher(self)
        self.watcher.changed.connect(self._on_disk_change)
        self._own_service = translation_service is None
        service = translation_service if translation_service is not None else TranslationService(parent=self)
        self.live = LiveEnglish(service, self.panes, self.text, self)
        self.translator = self.live.translator

        self.drafts = DraftKeeper(draft_store or DraftStore(), lambda: self.session.path, self._draft_snapshot, self)
        self.drafts.problemFound.connect(lambda message: self._show_error(message, "draft"))
        self.drafts.problemSolved.connect(lambda: self.banners.clear_error("draft"))

        self.editor.textChanged.connect(self._on_text_changed)
        self.retranslateUi()
        if settings is not None:
            state = settings.splitter_state("editor")
            if not state.isEmpty():
                self.panes.restoreState(state)
            self.panes.splitterMoved.connect(lambda *_: settings.set_splitter_state("editor", self.panes.saveState()))
        self.setEnabled(False)
        if notes_path is not None:
            self.set_notes_path(notes_path)
        else:
            self.header.show_no_file()

    # -- construction ------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.header = EditorHeader(self)
        self.date_label, self.state_label = self.header.date_label, self.header.state_label
        self.save_button = self.header.save_button
        self.programme_bar = ProgrammeBar(self)
        self.banners = EditorBanners(self.discard_recovered_draft, self)
        self.recovery_banner, self.disk_banner, self.error_banner = (
            self.banners.recovery, self.banners.disk, self.banners.error
        )
        self.discard_draft_button = self.banners.discard_draft_button
        self.panes = EditorPanes(self)
        self.editor, self.preview, self.english = self.panes.editor, self.panes.preview, self.panes.english
        self.models_button = self.panes.models_button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.programme_bar)
        layout.addWidget(self.banners)
        layout.addWidget(self.panes, 1)
        self.setFocusProxy(self.editor)

    def _build_actions(self) -> None:
        self.actions = EditorActions(self)
        self.save_action, self.edit_in_place_action = self.actions.save, self.actions.edit_in_place
        self.preview_action = self.actions.preview
        self.save_action.triggered.connect(self.save)
        self.edit_in_place_action.toggled.connect(self._on_in_place_toggled)
        self.preview_action.toggled.connect(self._set_preview_visible)
        self.actions.translate.triggered.connect(self.translate_now)
        self.actions.bold.triggered.connect(lambda: wrap_selection(self.editor, "**"))
        self.actions.italic.triggered.connect(lambda: wrap_selection(self.editor, "*"))
        self.actions.code.triggered.connect(lambda: wrap_selection(self.editor, "`"))
        self.save_button.clicked.connect(self.save)
        self.actions.check_in.triggered.connect(self.programme.save_and_check_in)
        self.actions.copy_for_website.triggered.connect(self.programme.copy_for_website)
        self.header.in_place_button.setDefaultAction(self.edit_in_place_action)

    def actions_list(self) -> list[QAction]:
        """The editor's actions, each with its text and shortcut (the Entry menu, the F1 list)."""
        return self.actions.all()

    # -- interface language and theme --------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        elif event.type() == QEvent.Type.ActivationChange and self.live.no_model and self.isActiveWindow():
            self.live.translate_now()  # a model may have been installed from the window meanwhile
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.actions.retranslate()
        self.save_button.setText(self.tr("Save Entry"))
        self.save_button.setToolTip(self.save_action.toolTip())
        self.programme_bar.checkin_button.setText(self.tr("Save and Check In"))
        self.programme_bar.copy_button.setText(self.tr("Copy for the Website"))
        self.programme_bar.copy_button.setToolTip(self.actions.copy_for_website.toolTip())
        self.programme_bar.retranslate()
        self.banners.retranslate()
        self.panes.retranslate()
        self.live.retranslate()
        self._refresh()

    # -- public API --------------------------------------------------------------------------------
    @property
    def notes_path(self) -> Path | None:
        return self.session.path

    @property
    def entry_date(self) -> date | None:
        return self.session.day

    @property
    def mode(self) -> str:
        """"append" (a new entry or more text for it) or "replace" (the entry edited in place)."""
        return self.session.mode

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        self.editor.setPlainText(text)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)

    def is_modified(self) -> bool:
        return self._modified

    def english_markdown(self) -> str:
        """The latest English translation shown (Markdown)."""
        return self.live.markdown

    def translate_now(self) -> None:
        self.live.translate_now()

    def set_glossary(self, glossary) -> None:
        """Translate with the glossary's aid and mark its terms, exactly as the reader does."""
        self.preview.set_glossary(glossary)
        self.english.set_glossary(glossary)
        self.live.set_aid(glossary.translation_aid() if glossary is not None else None)
        if self.text().strip():
            self._schedule_live_updates()

    def set_notes_path(self, path: Path | str | None) -> None:
        """Edit the entry of another notes file; the old file's draft is written first."""
        new = Path(path).resolve() if path is not None else None
        if new == self.session.path:
            return
        self.drafts.flush()
        self.banners.hide_all()
        if self._own_watcher:
            self.watcher.watch(new)
        for pane in (self.preview, self.english):
            pane.set_base_dir(new.parent if new is not None else None)
        self._report_load(self.session.open(new))
        self.actions.set_checked_silently(self.edit_in_place_action, False)
        self._set_editor_text("")
        draft = self.drafts.load(new) if new is not None else None
        if draft is not None and draft.text.strip():
            self.session.restore(draft)
            self.actions.set_checked_silently(self.edit_in_place_action, draft.mode == "replace")
            self._set_editor_text(draft.text)
            self.banners.show_recovered(draft)
            self.draftRecovered.emit(draft)
        self._refresh()
        self.programme.path_changed()
        self.setEnabled(new is not None)

    def save(self) -> bool:
        """Write the entry. Returns True when the file was written."""
        if self.session.path is None:
            return False
        text = self.text()
        if not text.strip():
            self._show_error(self.tr("There is nothing to save yet."), "empty")
            return False
        try:
            result = self.session.write(text, self.confirm_overwrite)
        except NotChanged:
            self.statusMessage.emit(self.tr("Not saved: the entry changed on disk."))
            return False
        except NotesError as error:
            self._show_error(self.tr("Could not save the entry: {error}").format(error=error_text(error)), "save")
            self.drafts.mark_dirty()
            self.drafts.flush()
            return False
        self.watcher.note_own_write()
        self.drafts.discard()
        self.banners.hide_recovered()
        self.disk_banner.hide()  # the text is in the new version of the file now
        self.banners.clear_error("save", "empty", "load")
        if self.session.mode == "append":
            self._set_editor_text("")
        elif not same(self.text(), self.session.base):  # else the cursor stays where it is
            self._set_editor_text(self.session.base or "")
        self._refresh()
        self.statusMessage.emit(
            self.tr("Entry of {date} saved (line {line}).").format(date=long_date(result.date), line=result.line)
        )
        self.entrySaved.emit(result)
        return True

    def flush_draft(self) -> None:
        """Write (or forget) the draft now: before closing, before another file."""
        self.drafts.flush()

    def maybe_close(self) -> bool:
        """The window may close: unsaved text stays as a draft and is offered next time."""
        self.drafts.flush()
        self.live.cancel()
        return True

    def shutdown(self) -> None:
        """Stop background work for good: before the application quits."""
        self.drafts.flush()
        self.drafts.stop()
        self._preview_timer.stop()
        self.live.stop()
        if self._own_service:
            self.live.service.shutdown()

    def discard_recovered_draft(self) -> None:
        self.drafts.discard()
        self.banners.hide_recovered()
        self.session.open(self.session.path)
        self.actions.set_checked_silently(self.edit_in_place_action, False)
        self._set_editor_text("")
        self._refresh()

    # -- state -------------------------------------------------------------------------------------
    def _report_load(self, error: str | None) -> None:
        if error is None:
            self.banners.clear_error("load")
        else:
            self._show_error(error, "load")

    def _draft_snapshot(self) -> Draft | None:
        return self.session.draft(self.text()) if self._modified and self.session.day is not None else None

    def _set_editor_text(self, text: str) -> None:
        self._setting_text = True
        try:
            self.set_text(text)
        finally:
            self._setting_text = False
        self._schedule_live_updates()

    def _refresh(self) -> None:
        """The header, the modified state and the banners that depend on it."""
        session = self.session
        if session.path is None or session.day is None:
            self.header.show_no_file()
        else:
            entry = session.entry()
            self.header.show_entry(
                session.day,
                mode=session.mode,
                existing_chars=entry.chars if entry is not None else None,
                is_today=session.day == session.today(),
                zone=session.notes.tz_name if session.notes is not None else "",
            )
            self.edit_in_place_action.setEnabled(entry is not None or session.mode == "replace")
        text = self.text()
        modified = session.is_modified(text)
        if modified != self._modified:
            self._modified = modified
            self.modifiedChanged.emit(modified)
        if not modified:
            self.disk_banner.hide()  # it spoke of unsaved text: there is none now
        if text.strip():
            self.banners.clear_error("empty")
        self.save_action.setEnabled(session.path is not None)
        self._update_count()
        self.programme.schedule()  # would the entry, saved now, count?

    def _update_count(self) -> None:
        chars = sum(1 for ch in self.text() if not ch.isspace())
        self.panes.set_count(self.tr("%n character(s)", "", chars))

    def _show_error(self, message: str, kind: str) -> None:
        self.banners.show_error(message, kind)
        self.statusMessage.emit(message)

    # -- slots -------------------------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        self._refresh()
        if self._setting_text:
            return
        self.drafts.mark_dirty()
        self._schedule_live_updates()

    def _schedule_live_updates(self) -> None:
        if self.preview_action.isChecked():
            self._preview_timer.start()
            self.live.schedule()

    def _on_in_place_toggled(self, checked: bool) -> None:
        if checked:
            shown = self.session.start_in_place(self.text())
            if shown is None:  # the day has no entry (any more)
                self.actions.set_checked_silently(self.edit_in_place_action, False)
                self._refresh()
                return
            self._set_editor_text(shown)
        else:
            self._set_editor_text(self.session.stop_in_place(self.text()))
            if self.banners.disk_asks and self.disk_banner.isVisible():
                self.banners.show_disk_changed(asks=False)  # nothing is replaced now, so saving will not ask
        self.drafts.mark_dirty()
        self._refresh()

    def _set_preview_visible(self, visible: bool) -> None:
        self.panes.set_live_columns_visible(visible)
        if visible:
            self._schedule_live_updates()

    def _on_disk_change(self, path: str) -> None:
        session = self.session
        if session.path is None or Path(path).resolve() != session.path:
            return
        self._report_load(session.reload())
        if not self._modified:
            session.day = session.today()
            if session.mode == "replace":
                session.base = session.body_on_disk()
                self._set_editor_text(session.base or "")
        elif session.changed_on_disk():
            self.banners.show_disk_changed(asks=True)
        if self._modified and not self.disk_banner.isVisible():
            self.banners.show_disk_changed(asks=False)
        self._refresh()
        self.statusMessage.emit(self.tr("The notes file changed on disk and was reloaded."))
        self.notesChangedOnDisk.emit(path)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._modified and self.session.notes is not None and self.session.mode == "append":
            self.session.day = self.session.today()
            self._refresh()
