"""The main window: entry list | bilingual reader | glossary sidebar, the editor dock, the timer.

It lays out and wires the parts: the document controller (the open file), the translation
controller, the status area, the action table. What the first screen does not need (the side
panes, the glossary, the translator, the study widgets) comes after the first paint.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget

from studyreader import APP_NAME, paths
from studyreader.render import rows as rows_mod
from studyreader.ui.messages import worded
from studyreader.ui.reader.reader import MODES, BilingualReader
from studyreader.ui.settings import Settings
from studyreader.ui.window.actions import WindowActions
from studyreader.ui.window.dialogs import WindowDialogs
from studyreader.ui.window.document import DocumentController, Load
from studyreader.ui.window.editor_dock import draft_waiting
from studyreader.ui.window.panes import DEFAULT_SIZE, PLACES, SidePanes, fitted_size, pane_widths
from studyreader.ui.window.programme_link import ProgrammeLink
from studyreader.ui.window.recent import fill_recent_menu
from studyreader.ui.window.services import Services
from studyreader.ui.window.startup import FirstPaint, run_steps
from studyreader.ui.window.status import StatusArea, plain_warning
from studyreader.ui.window.translation import TranslationController, TranslationState

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from studyreader.ui.editor.editor import EntryEditor
    from studyreader.ui.glossary.panel import GlossaryPanel
    from studyreader.ui.window.navigator import EntryNavigator


class MainWindow(QMainWindow):
    notesOpened = Signal(object)
    notesReloaded = Signal(object)
    termActivated = Signal(str)
    glossaryLoaded = Signal(object)
    translationFinished = Signal()

    def __init__(self, notes_path: Path | None = None, settings: Settings | None = None, *,
                 restore_state: bool = True, start_services: bool = True, staged: bool = False) -> None:
        """``staged``: show the reader first and build the side panes right after the first paint
        (the application does this; their places in the splitter are kept meanwhile, so nothing
        moves). Otherwise every pane is built here."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else Settings(parent=self)
        self.editor: EntryEditor | None = None
        self.editor_dock: QDockWidget | None = None

        self.reader = BilingualReader(self)
        self._place = 0  # the reader's top row, as the user left it
        self.first_paint = FirstPaint(self.reader.viewport(), self)
        centre = QWidget(self)
        self.status = StatusArea(self.statusBar(), centre, lambda: self.dialogs.open_model_manager())
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 6, 0, 0)
        centre_layout.setSpacing(4)
        centre_layout.addWidget(self.status.no_model_banner)
        centre_layout.addWidget(self.reader, 1)
        self.panes = SidePanes(centre, self)
        self.panes.dateActivated.connect(self.jump_to_date)
        self.panes.glossaryEdited.connect(lambda: self.services.load_glossary(reload=True))
        self.splitter = self.panes.splitter
        self.setCentralWidget(self.splitter)

        self.dialogs = WindowDialogs(self)
        self.actions_table = WindowActions(self)
        self.actions_table.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.action("navigator").setChecked(True)
        self.action("glossary").setChecked(True)

        self.document = DocumentController(self.reader, self.first_paint, self)
        self.document.cachedShown.connect(self._on_cached_shown)
        self.document.loaded.connect(self._on_loaded)
        self.document.openFailed.connect(lambda text: plain_warning(self, self.tr("Cannot open notes"), text))
        self.document.message.connect(lambda text: self.status.message(text, 8000))
        self.translation = TranslationController(self.reader, self)
        self.translation.stateChanged.connect(self.status.show_state)
        self.translation.cacheWarning.connect(lambda warning: self.status.message(worded(warning), 12000))
        self.translation.progressed.connect(self.status.show_progress)
        self.translation.finished.connect(self.translationFinished)
        self.programme = ProgrammeLink(self)
        self.services = Services(self, self.translation)
        self.services.glossaryLoaded.connect(self.set_glossary)
        self.services.glossaryFailed.connect(self._on_glossary_failed)
        self.reader.termActivated.connect(self._on_term_activated)
        self.reader.modelsRequested.connect(self.dialogs.open_model_manager)
        self.reader.visibleRowsChanged.connect(self._follow_the_reader)
        self._restyle_timer = QTimer(self, singleShot=True, interval=0)
        self._restyle_timer.timeout.connect(self.reader.refresh_style)
        self.settings.changed.connect(self._on_setting_changed)
        self.settings.saveFailed.connect(lambda text: self.status.message(text, 12000))
        if self.settings.store.problem is not None:  # an unreadable settings file: the defaults are used
            self.status.message(worded(self.settings.store.problem), 12000)

        if not staged:
            self.panes.build()
        self.retranslateUi()
        screen = QGuiApplication.primaryScreen()
        free = screen.availableGeometry() if screen is not None else None
        width, height = fitted_size(DEFAULT_SIZE, (free.width(), free.height()) if free is not None else (0, 0))
        self.resize(width, height)
        self.splitter.setSizes(list(pane_widths(width)))
        if restore_state:
            self._restore_state()
        else:
            self.reader.set_mode("side")
            self.action("mode_side").setChecked(True)
        if notes_path is not None:
            self.open_file(Path(notes_path))
        self.first_paint.after(self.panes.build)
        if start_services:
            self.first_paint.after(self.services.start)
        self.first_paint.after(_set_app_icon)

    # -- what other parts and tests ask ---------------------------------------------------------
    @property
    def notes(self):
        return self.document.notes

    @property
    def notes_path(self) -> Path | None:
        return self.document.path

    def action(self, name: str) -> QAction:
        return self.actions_table[name]

    def all_actions(self) -> list[QAction]:
        """Every command of the window, with those other parts added to its menus."""
        found = self.actions_table.all()
        for menu in self.actions_table.menus.values():
            found += [a for a in menu.actions() if not a.isSeparator() and a not in found]
        return found

    def translation_state(self) -> TranslationState:
        return self.translation.state

    def services_ready(self) -> bool:
        """Everything that loads after the first paint is there (glossary, translator, study widgets)."""
        return self.services.ready()

    # -- language and theme ---------------------------------------------------------------------
    def retranslateUi(self) -> None:
        self.actions_table.retranslate()
        self.status.retranslate()
        self.reader.setAccessibleName(self.tr("Notes and translation"))
        self.panes.retranslate()
        if self.editor_dock is not None:
            self.editor_dock.setWindowTitle(self.tr("Today's entry"))
        name = self.notes_path.name if self.notes_path else ""
        self.setWindowTitle(f"{name} — {APP_NAME}" if name else APP_NAME)

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.document.forget_rendered_labels()
            self.retranslateUi()
            place = self._place  # the reader rebuilds its rows in the new language: keep the place
            QTimer.singleShot(0, self, lambda: place and self.reader.scroll_to_row(place))
        elif kind in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            # Every widget's palette is new by the next turn: the reader's colours are worked out then.
            self._restyle_timer.start()
        super().changeEvent(event)

    def _on_setting_changed(self, key: str) -> None:
        """Theme and language follow the setting at once, whoever changed it."""
        if key == Settings.THEME:
            from studyreader.ui.app import apply_theme

            apply_theme(QApplication.instance(), self.settings.theme)
        elif key == Settings.LANGUAGE:
            from studyreader.ui import i18n

            i18n.apply_language(self.settings.language)

    # -- the side panes ---------------------------------------------------------------------------
    @property
    def navigator(self) -> EntryNavigator:
        """The entry list (built now if the first paint has not come yet)."""
        self.panes.build()
        return self.panes.navigator

    @property
    def glossary_panel(self) -> GlossaryPanel:
        """The glossary sidebar (built now if the first paint has not come yet)."""
        self.panes.build()
        return self.panes.glossary_panel

    def side_panes_built(self) -> bool:
        return self.panes.built()

    def show_pane(self, name: str, visible: bool) -> None:
        self.panes.set_visible(name, visible)

    # -- the open file ----------------------------------------------------------------------------
    def open_file(self, path: Path, background: bool = False) -> bool:
        """Load a notes file into every pane; an unreadable file is explained, not raised."""
        return self.document.open(Path(path), background=background)

    def reload_notes(self, then=None) -> None:
        self.document.reload(then)

    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = str(self.notes_path.parent) if self.notes_path else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open notes"), start, self.tr("Markdown notes (*.md *.markdown);;All files (*)"))
        if name:
            self.open_file(Path(name), background=True)

    def fill_recent_menu(self, menu) -> None:
        fill_recent_menu(menu, self.settings, lambda path: self.open_file(path, background=True))

    def _on_cached_shown(self, entries, marks, in_programme: bool) -> None:
        self.translation.set_blocks(None)
        self.panes.set_entries(entries, marks, in_programme)
        self.retranslateUi()  # the title

    def _on_loaded(self, kind: Load, notes) -> None:
        path = self.notes_path
        self.panes.set_notes(notes, self.document.status)
        self.status.show_warnings(notes.warnings)
        if kind is Load.RELOAD:
            self.status.message(self.tr("Reloaded {name}").format(name=path.name), 4000)
            self.notesReloaded.emit(notes)
        else:
            self.retranslateUi()  # the title
            self.first_paint.after(lambda: run_steps(self, [lambda: self._remember_file(path)],
                                                     busy=self.reader.has_pending_work, max_wait=3.0))
            self.services.set_notes_path(path)
            if self.editor is not None:
                self.editor.set_notes_path(path)
            elif draft_waiting(path):
                self.show_editor(True)  # the editor puts the draft back, or says what was wrong with it
            self.notesOpened.emit(notes)
        self.reader.yield_turn()
        self.translation.set_blocks(self.document.blocks)

    def _remember_file(self, path: Path) -> None:
        """The last file is written to the settings once the reader is idle (a disk write)."""
        if self.notes_path == path and path.resolve() != paths.sample_notes().resolve():
            self.settings.last_file = path

    # -- navigation -------------------------------------------------------------------------------
    def jump_to_date(self, day: _dt.date) -> bool:
        entry = self.notes.entry_for(day) if self.notes is not None else None
        row = rows_mod.row_at_offset(self.reader.blocks, entry.start) if entry is not None else None
        if row is None:
            return False
        self.navigator.select_date(day)
        return self.reader.scroll_to_row(row)

    def step_entry(self, step: int) -> None:
        """Alt+Up / Alt+Down: the previous (older) or next (newer) entry in the file."""
        if self.notes is None or not self.notes.entries:
            return
        offset = self._top_offset()
        entries = sorted(self.notes.entries, key=lambda e: e.start)
        if step < 0:
            before = [e for e in entries if e.start < offset]
            target = before[-1] if before else entries[0]
        else:
            after = [e for e in entries if e.start > offset]
            target = after[0] if after else entries[-1]
        self.jump_to_date(target.date)

    def _top_offset(self) -> int:
        top, blocks = self.reader.top_row(), self.reader.blocks
        return blocks[top].start if 0 <= top < len(blocks) else 0

    def _follow_the_reader(self) -> None:
        """The entry list highlights the entry the reader shows at its top; that row is the place
        a rebuild of the rows (a language switch) brings back."""
        if not self.reader.is_built():
            return  # rows still coming (a rebuild scrolls through the top): not the user's place
        self._place = self.reader.top_row()
        if self.notes is None or not self.panes.built():
            return
        offset = self._top_offset()
        shown = [e for e in self.notes.entries if e.start <= offset]
        if shown:
            self.panes.navigator.select_date(max(shown, key=lambda e: e.start).date)

    def focus_search(self) -> None:
        self.action("glossary").setChecked(True)
        self.glossary_panel.search.setFocus()
        self.glossary_panel.search.selectAll()

    def focus_navigator(self) -> None:
        self.action("navigator").setChecked(True)
        self.navigator.list.setFocus()

    def set_glossary(self, glossary) -> None:
        """Show ``glossary`` everywhere: reader marks, the sidebar, the translation aid, the editor."""
        self.reader.set_glossary(glossary)
        self.panes.set_glossary(glossary)
        self.translation.set_aid(glossary.translation_aid())
        if self.editor is not None:
            self.editor.set_glossary(glossary)
        self.glossaryLoaded.emit(glossary)
        self.reader.yield_turn()

    def _on_glossary_failed(self, message: str) -> None:
        self.glossary_panel.status.setText(self.tr("The glossary could not be loaded: {error}").format(error=message))
        self.glossary_panel.status.show()

    def _on_term_activated(self, term_id: str) -> None:
        self.action("glossary").setChecked(True)
        self.glossary_panel.select_term(term_id)
        self.termActivated.emit(term_id)

    # -- view -------------------------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self.reader.set_mode(mode)
        self.action(f"mode_{mode}").setChecked(True)
        self.settings.set_value("reader/mode", mode)

    def zoom_in(self) -> None:
        self._set_zoom(self.reader.zoom + 1)

    def zoom_out(self) -> None:
        self._set_zoom(self.reader.zoom - 1)

    def reset_zoom(self) -> None:
        self._set_zoom(0)

    def _set_zoom(self, steps: int) -> None:
        self.reader.set_zoom(steps)
        self.settings.set_value("reader/zoom", self.reader.zoom)

    # -- the editor dock --------------------------------------------------------------------------
    def show_editor(self, visible: bool = True) -> None:
        if visible and self.editor_dock is None:
            if self.notes_path is None:
                self.action("editor").setChecked(False)
                return
            self._create_editor()
        if self.editor_dock is not None:
            self.editor_dock.setVisible(visible)
            if visible:
                self.editor.setFocus()
        self.action("editor").setChecked(visible)
        self.settings.editor_visible = visible

    def _create_editor(self) -> None:
        from studyreader.ui.editor.editor import EntryEditor
        from studyreader.ui.window.editor_dock import dock_editor

        # One watcher and one translation service for the window and the editor.
        self.editor = EntryEditor(self.notes_path, self.settings, self, watcher=self.document.watcher,
                                  translation_service=self.translation.ensure_service())
        if self.services.glossary is not None:
            self.editor.set_glossary(self.services.glossary)
        self.editor_dock = dock_editor(self, self.editor)
        self.editor_dock.visibilityChanged.connect(self._editor_visibility_changed)
        self.editor.entrySaved.connect(self._on_entry_saved)
        self.editor.statusMessage.connect(self.status.message)
        self.actions_table.add_to_menu("entry", self.editor.actions_list())
        self.programme.editor_created(self.editor)
        self.retranslateUi()

    def _editor_visibility_changed(self, visible: bool) -> None:
        if not self.isMinimized() and self.isVisible():
            action = self.action("editor")
            action.blockSignals(True)
            action.setChecked(visible)
            action.blockSignals(False)

    def _on_entry_saved(self, result) -> None:
        self.reload_notes(then=lambda: self.jump_to_date(result.date))

    def open_habit_view(self) -> None:
        self.services.show_habit_view()

    def open_review(self) -> None:
        self.services.show_review()

    def start_translation(self) -> None:
        """(Re)translate the pending blocks, visible ones first."""
        self.translation.start()

    # -- state ------------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        if not self.settings.geometry.isEmpty():
            self.restoreGeometry(self.settings.geometry)
        if not self.settings.window_state.isEmpty():
            self.restoreState(self.settings.window_state)
        splitter = self.settings.splitter_state("main")
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        for name in PLACES:
            self.action(name).setChecked(self.settings.pane_visible(name))
        mode = self.settings.value("reader/mode", "side")
        self.set_mode(mode if mode in MODES else "side")
        try:
            self.reader.set_zoom(int(self.settings.value("reader/zoom", 0)))
        except (TypeError, ValueError):
            self.reader.set_zoom(0)

    def save_state(self) -> None:
        if self.notes_path is not None and self.notes_path.resolve() != paths.sample_notes().resolve():
            self.settings.last_file = self.notes_path
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.set_splitter_state("main", self.splitter.saveState())
        for name in PLACES:
            self.settings.set_pane_visible(name, self.action(name).isChecked())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor is not None:
            self.editor.flush_draft()
            if not self.editor.maybe_close():
                event.ignore()
                return
        self.services.close()
        self.save_state()
        self.translation.shutdown()
        super().closeEvent(event)


def _set_app_icon() -> None:
    from studyreader.ui.app import set_app_icon

    set_app_icon()
