"""The main window: entry navigator | bilingual reader | glossary sidebar, editor dock, timer.

Start-up stays light: the window shows the notes first; the glossary (and its
matcher), the translation service and the study widgets are created from the
event loop right after, heavy work in worker threads. Every action has a
shortcut and every string goes through ``tr``.
"""

from __future__ import annotations

import collections
import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QFileSystemWatcher,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studyreader import APP_NAME, paths
from studyreader.render import rows as rows_mod
from studyreader.ui.reader.reader import MODES, BilingualReader
from studyreader.ui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from studyreader.ui.glossary.panel import GlossaryPanel
    from studyreader.ui.window.navigator import EntryNavigator


class _JobSignals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    """Run a plain function in the thread pool; results come back as queued signals."""

    def __init__(self, fn) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _JobSignals()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as error:  # noqa: BLE001 - reported on the GUI thread
            self.signals.failed.emit(str(error))
            return
        self.signals.done.emit(result)


def _read_notes(path: Path):
    """Read and cut a notes file (plain Python, safe in a worker thread); errors are returned."""
    from studyreader.notes import NotesError, load_notes

    try:
        notes = load_notes(path)
    except (NotesError, OSError) as error:
        return error if isinstance(error, NotesError) else NotesError(f"{path}: {error.strerror or error}")
    blocks = rows_mod.segment(notes.text)
    return notes, blocks, blocks


_SERVICE_MODULES = (
    "studyreader.ui.translation_service",
    "studyreader.study.log",
    "studyreader.ui.study.timer_widget",
    "studyreader.ui.study.reminder",
)


def _freeze_long_lived_objects() -> None:
    """Move what is loaded so far (modules, glossary, model) out of the collector's way.

    A full collection over these objects takes tens of milliseconds and holds the GIL,
    whichever thread triggers it: the window would skip frames.
    """
    import gc

    gc.freeze()


def _preimport(name: str) -> None:
    """Import a module in its own event-loop turn (the next step then only builds widgets)."""
    import importlib

    try:
        importlib.import_module(name)
    except ImportError:
        pass


_QUIET_WAIT_SECONDS = 1.0  # the study widgets wait at most this long for the reader to be idle
_QUIET_POLL_MS = 40


def _now() -> float:
    import time

    return time.perf_counter()


def _set_app_icon() -> None:
    from studyreader.ui.app import set_app_icon

    set_app_icon()


DEFAULT_SIZE = (1280, 800)
# The side panes' widths in a window of the default size, and the least they start with in a
# narrower one (what their contents need; a place kept for a pane holds the same width).
NAVIGATOR_WIDTHS = (210, 130)
GLOSSARY_WIDTHS = (300, 270)


def pane_widths(window_width: int) -> tuple[int, int, int]:
    """Entry list, reader, glossary: a narrower window narrows the side panes in proportion
    (down to their least widths) rather than taking everything from the reader."""
    def scaled(widths: tuple[int, int]) -> int:
        default, least = widths
        return max(least, min(default, round(window_width * default / DEFAULT_SIZE[0])))

    navigator, glossary = scaled(NAVIGATOR_WIDTHS), scaled(GLOSSARY_WIDTHS)
    return navigator, max(0, window_width - navigator - glossary), glossary


def fitted_size(size: tuple[int, int], available: tuple[int, int]) -> tuple[int, int]:
    """``size``, made smaller where the screen's free area is (leaving room for the window's frame
    and title bar): a first start on a 1366×768 laptop must not open taller than the screen."""
    width, height = size
    free_width, free_height = available
    if free_width <= 0 or free_height <= 0:  # no screen known
        return size
    return min(width, int(free_width * 0.95)), min(height, int(free_height * 0.92))


def _load_glossary(reload: bool = False):
    from studyreader.glossary import default_glossary

    glossary = default_glossary(reload=reload)
    glossary.matcher  # build the automaton here, off the GUI thread  # noqa: B018
    return glossary


class InfoBar(QFrame):
    """A quiet bar over the reader: e.g. "no translation model" with a button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("infoBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()


class MainWindow(QMainWindow):
    notesOpened = Signal(object)
    notesReloaded = Signal(object)
    termActivated = Signal(str)
    glossaryLoaded = Signal(object)
    translationFinished = Signal()

    def __init__(
        self,
        notes_path: Path | None = None,
        settings: Settings | None = None,
        *,
        restore_state: bool = True,
        start_services: bool = True,
        staged: bool = False,
    ) -> None:
        """``staged``: show the reader first and build the side panes right after the first
        paint (the application does this; their places in the splitter are kept meanwhile, so
        nothing moves). Otherwise every pane is built here."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else Settings(parent=self)
        self.notes = None
        self.notes_path: Path | None = None
        self.glossary = None
        self.editor = None
        self.editor_dock: QDockWidget | None = None
        self.timer_widget = None
        self.study_log = None
        self.habit_dialog = None
        self.reminder = None
        self.translation_service = None
        self.translation_job = None  # the reader's current TranslationJob
        self._segments: list | None = None
        self._completing: Path | None = None  # shown from the start-up cache; notes still being read
        self._translate_when_complete = False
        self._cache_key: str | None = None  # render cache entry to write once every row is rendered
        self._translation_state = "idle"  # idle | running | done | no_model | unavailable | failed
        self._no_model_message = ""
        self._jobs: set[_Job] = set()
        self._start_services = start_services
        self._painted = False
        self._first_frame_done = False  # painted, or waited long enough for a paint that did not come
        self._paint_waiters: list = []
        self._services_waiting = False
        self._navigator: EntryNavigator | None = None
        self._glossary_panel: GlossaryPanel | None = None
        self._cached_entries = None  # (entries, verdicts) shown from the start-up cache

        # -- central widgets --------------------------------------------------
        self.reader = BilingualReader(self)
        self.info_bar = InfoBar(self)
        self.info_bar.button.clicked.connect(self.open_model_manager)
        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 6, 0, 0)
        centre_layout.setSpacing(4)
        centre_layout.addWidget(self.info_bar)
        centre_layout.addWidget(self.reader, 1)
        # Horizontal by default; a keyword for the parent: a positional one would have PySide
        # check it against the (Qt.Orientation, parent) overload and create all of Qt's enums.
        self.splitter = QSplitter(parent=self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(True)
        # The side panes' places: QSplitter.replaceWidget() keeps their size and state.
        self.splitter.addWidget(QWidget(self.splitter))
        self.splitter.addWidget(centre)
        self.splitter.addWidget(QWidget(self.splitter))
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.setCentralWidget(self.splitter)

        self.reader.termActivated.connect(self._on_term_activated)
        self.reader.modelsRequested.connect(self.open_model_manager)
        self.reader.visibleRowsChanged.connect(self._reprioritise)
        self.reader.buildFinished.connect(self._store_render_cache)

        # -- status bar --------------------------------------------------------
        self.status_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("translationProgress")
        self.progress.setMaximumWidth(180)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().addPermanentWidget(self.progress)

        self._create_actions()
        self._create_menus()
        self._create_toolbar()

        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_file_changed)
        self._reload_timer = QTimer(self, singleShot=True, interval=300)
        self._reload_timer.timeout.connect(self.reload_notes)
        self._arrivals: collections.deque = collections.deque()
        self._arrived_count = 0
        self._pending_total = 0
        self._arrival_timer = QTimer(self, singleShot=True, interval=0)
        self._arrival_timer.timeout.connect(self._apply_arrivals)
        self._progress_values = (0, 0)
        self._progress_timer = QTimer(self, singleShot=True, interval=200)
        self._progress_timer.timeout.connect(self._show_progress)
        self._prioritise_timer = QTimer(self, singleShot=True, interval=300)
        self._prioritise_timer.timeout.connect(self._restart_translation_for_visible)

        self.settings.changed.connect(self._on_setting_changed)
        if not staged:
            self._build_side_panes()
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
        self._services_started = False
        self._services_ready = False
        # Whatever the first screen does not need waits until the reader has painted.
        self.reader.viewport().installEventFilter(self)
        if notes_path is not None:
            self.open_file(Path(notes_path))
        self._paint_waiters.append(self._finish_first_frame)
        if start_services:
            self._paint_waiters.append(self._start_background_services)
        self._paint_waiters.append(_set_app_icon)
        # Should no paint come (a window that starts hidden), the waiting work runs anyway.
        QTimer.singleShot(1000, self, self._run_paint_waiters)

    # -- actions -----------------------------------------------------------------
    def _action(self, name: str, shortcuts, slot=None, checkable: bool = False) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        # setShortcuts() with a list, and keyBindings() for a standard key: setShortcut() and
        # QKeySequence(StandardKey) have overloads taking Qt's key enums, and PySide would create
        # every enum of the Qt namespace to check the argument against them.
        if isinstance(shortcuts, QKeySequence.StandardKey):
            action.setShortcuts(QKeySequence.keyBindings(shortcuts))
        else:
            keys = shortcuts if isinstance(shortcuts, (list, tuple)) else [shortcuts]
            action.setShortcuts([QKeySequence(key) for key in keys])
        action.setCheckable(checkable)
        if slot is not None:
            (action.toggled if checkable else action.triggered).connect(slot)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        self.open_action = self._action("openAction", QKeySequence.StandardKey.Open, self.choose_file)
        self.reload_action = self._action("reloadAction", "Ctrl+R", lambda: self.reload_notes())
        self.quit_action = self._action("quitAction", "Ctrl+Q", self.close)
        self.mode_group = QActionGroup(self)
        self.mode_actions: dict[str, QAction] = {}
        for index, mode in enumerate(MODES, start=1):
            action = self._action(f"mode_{mode}", f"Ctrl+{index}", checkable=True)
            action.triggered.connect(lambda _checked=False, m=mode: self.set_mode(m))
            self.mode_group.addAction(action)
            self.mode_actions[mode] = action
        self.zoom_in_action = self._action("zoomInAction", ["Ctrl+=", "Ctrl++"], self.zoom_in)
        self.zoom_out_action = self._action("zoomOutAction", ["Ctrl+-"], self.zoom_out)
        self.zoom_reset_action = self._action("zoomResetAction", "Ctrl+0", lambda: self._set_zoom(0))
        # The splitter's side widgets: the panes, or the places kept for them before they are built.
        self.navigator_action = self._action(
            "navigatorAction", "F9", lambda visible: self.splitter.widget(0).setVisible(visible), checkable=True
        )
        self.glossary_action = self._action(
            "glossaryAction", "F10", lambda visible: self.splitter.widget(2).setVisible(visible), checkable=True
        )
        self.navigator_action.setChecked(True)
        self.glossary_action.setChecked(True)
        self.editor_action = self._action("editorAction", ["F4", "Ctrl+E"], self.show_editor, checkable=True)
        self.search_action = self._action("searchGlossaryAction", QKeySequence.StandardKey.Find, self.focus_search)
        self.focus_navigator_action = self._action("focusNavigatorAction", "Ctrl+L", self.focus_navigator)
        self.previous_entry_action = self._action("previousEntryAction", "Alt+Up", lambda: self.step_entry(-1))
        self.next_entry_action = self._action("nextEntryAction", "Alt+Down", lambda: self.step_entry(1))
        self.translate_action = self._action("translateAction", "Ctrl+T", self.start_translation)
        self.models_action = self._action("modelsAction", "Ctrl+Shift+M", self.open_model_manager)
        self.settings_action = self._action("settingsAction", "Ctrl+,", self.open_settings)
        self.habit_action = self._action("habitAction", "Ctrl+Shift+H", self.open_habit_view)
        self.shortcuts_action = self._action("shortcutsAction", "F1", self.show_shortcuts)
        self.about_action = self._action("aboutAction", "Ctrl+Shift+F1", self.show_about)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.open_action, self.reload_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions(list(self.mode_actions.values()))
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.navigator_action, self.glossary_action, self.editor_action])
        self.go_menu = bar.addMenu("")
        self.go_menu.addActions(
            [self.previous_entry_action, self.next_entry_action, self.focus_navigator_action, self.search_action]
        )
        self.entry_menu = bar.addMenu("")
        self.entry_menu.addAction(self.editor_action)
        self.study_menu = bar.addMenu("")
        self.study_menu.addAction(self.habit_action)
        self.tools_menu = bar.addMenu("")
        self.tools_menu.addActions([self.translate_action, self.models_action, self.settings_action])
        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([self.shortcuts_action, self.about_action])

    def _create_toolbar(self) -> None:
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        # Text only: the actions have no icons. The style is said explicitly after the first
        # paint (see _finish_first_frame), which saves creating the Qt namespace's enums before it.
        self.toolbar.addAction(self.open_action)
        self.toolbar.addSeparator()
        self.toolbar.addActions(list(self.mode_actions.values()))
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.editor_action)
        self.toolbar.addAction(self.models_action)
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
        self.toolbar_spacer = self.toolbar.addWidget(spacer)

    def retranslateUi(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.entry_menu.setTitle(self.tr("&Entry"))
        self.study_menu.setTitle(self.tr("&Study"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        texts = {
            self.open_action: self.tr("&Open notes…"),
            self.reload_action: self.tr("&Reload"),
            self.quit_action: self.tr("&Quit"),
            self.mode_actions["side"]: self.tr("Side by side"),
            self.mode_actions["interleaved"]: self.tr("Interleaved"),
            self.mode_actions["zh"]: self.tr("Chinese only"),
            self.mode_actions["en"]: self.tr("English only"),
            self.zoom_in_action: self.tr("Zoom in"),
            self.zoom_out_action: self.tr("Zoom out"),
            self.zoom_reset_action: self.tr("Reset zoom"),
            self.navigator_action: self.tr("Entry list"),
            self.glossary_action: self.tr("Glossary sidebar"),
            self.editor_action: self.tr("Write today's entry"),
            self.search_action: self.tr("Search the glossary"),
            self.focus_navigator_action: self.tr("Go to the entry list"),
            self.previous_entry_action: self.tr("Previous entry"),
            self.next_entry_action: self.tr("Next entry"),
            self.translate_action: self.tr("Translate again"),
            self.models_action: self.tr("Translation models…"),
            self.settings_action: self.tr("Settings…"),
            self.habit_action: self.tr("Study habit…"),
            self.shortcuts_action: self.tr("Keyboard shortcuts"),
            self.about_action: self.tr("About StudyReader"),
        }
        for action, text in texts.items():
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            plain = text.replace("&", "")
            action.setToolTip(f"{plain} ({shortcut})" if shortcut else plain)
        self.reader.setAccessibleName(self.tr("Notes and translation"))
        self._name_side_panes()
        self.dock_title()
        self._update_title()
        self._update_info_bar()
        self._update_status()

    def _name_side_panes(self) -> None:
        if self._navigator is not None:
            self._navigator.list.setAccessibleName(self.tr("Dated entries"))
        if self._glossary_panel is not None:
            self._glossary_panel.search.setAccessibleName(self.tr("Search the glossary"))
            self._glossary_panel.list.setAccessibleName(self.tr("Glossary terms"))
            self._glossary_panel.detail.setAccessibleName(self.tr("Term details"))

    # -- the side panes ------------------------------------------------------------
    @property
    def navigator(self) -> EntryNavigator:
        """The entry list (built now if the first paint has not come yet)."""
        if self._navigator is None:
            self._build_side_panes()
        return self._navigator

    @property
    def glossary_panel(self) -> GlossaryPanel:
        """The glossary sidebar (built now if the first paint has not come yet)."""
        if self._glossary_panel is None:
            self._build_side_panes()
        return self._glossary_panel

    def side_panes_built(self) -> bool:
        return self._navigator is not None

    def _build_side_panes(self) -> None:
        """The entry list and the glossary sidebar, in the places kept for them, given what
        the window already shows (entries, notes, glossary)."""
        if self._navigator is not None:
            return
        from studyreader.ui.glossary.panel import GlossaryPanel
        from studyreader.ui.window.navigator import EntryNavigator

        navigator = EntryNavigator(self)
        panel = GlossaryPanel(self)
        self._navigator, self._glossary_panel = navigator, panel
        sizes = self.splitter.sizes()  # a pane dragged shut stays shut despite its minimum width
        self.splitter.replaceWidget(0, navigator).deleteLater()
        self.splitter.replaceWidget(2, panel).deleteLater()
        self.splitter.setSizes(sizes)
        navigator.dateActivated.connect(self.jump_to_date)
        panel.dateActivated.connect(self.jump_to_date)
        panel.glossaryEdited.connect(lambda: self._start_glossary_load(reload=True))
        self._name_side_panes()
        if self.notes is not None:
            navigator.set_notes(self.notes)
            panel.set_notes(self.notes)
        elif self._cached_entries is not None:
            navigator.set_entries(*self._cached_entries)
        self._cached_entries = None
        if self.glossary is not None:
            panel.set_glossary(self.glossary)

    def _finish_first_frame(self) -> None:
        """What the first paint did not need: the side panes, the tool bar's text-only style."""
        from PySide6.QtCore import Qt

        self._build_side_panes()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

    def dock_title(self) -> None:
        if self.editor_dock is not None:
            self.editor_dock.setWindowTitle(self.tr("Today's entry"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._cache_key = None  # the placeholders' words are part of the cached HTML
            self.retranslateUi()
        elif event.type() == QEvent.Type.PaletteChange:
            self.reader.refresh_style()
        super().changeEvent(event)

    # -- files -----------------------------------------------------------------
    def open_file(self, path: Path, background: bool = False) -> bool:
        """Load a notes file into every pane; an unreadable file is explained, not raised.

        ``background``: read and segment the file in a worker thread (a large file must not
        freeze the window); the panes update when it is done and ``notesOpened`` is emitted.
        """
        path = Path(path)
        if background:
            self._run_job(lambda: _read_notes(path), lambda loaded: self._apply_opened(path, loaded))
            return True
        cached = self._cached_view(path)
        if cached is not None:
            return self._apply_cached(path, cached)
        return self._apply_opened(path, _read_notes(path))

    # -- the start-up cache ------------------------------------------------------
    def _render_cache_key(self, path: Path, text: bytes) -> str:
        from studyreader.render import first_screen as render_cache

        labels = self.reader.labels()
        return render_cache.cache_key(text, path.parent, (labels.remote_image, labels.blocked_image))

    def _cached_view(self, path: Path):
        """The file as it was last shown, when nothing it depends on has changed (else None)."""
        from studyreader.render import first_screen as render_cache

        try:
            data = path.read_bytes()
        except OSError:
            return None
        cached = render_cache.load(self._render_cache_key(path, render_cache.text_bytes(data)))
        if cached is None or (not cached.verdicts_valid and cached.entries):
            return None  # a new day: the verdicts are worked out from the parsed notes
        return cached

    def _apply_cached(self, path: Path, cached) -> bool:
        """Show the cached blocks and entries now; the notes are parsed after the first paint."""
        self._cancel_translation_job()  # blocks of another file must not land in these rows
        self._arrivals.clear()
        self.notes = None
        self.notes_path = path
        self._segments = None
        self._completing = path
        blocks = cached.blocks
        self.reader.set_blocks(blocks, path.parent, keep_position=False, rendered=cached.html)
        if self._navigator is not None:
            self._navigator.set_entries(cached.entries, cached.verdicts)
        else:
            self._cached_entries = (cached.entries, cached.verdicts)
        if any(html is None for html in cached.html):
            self._cache_key = cached.key
        self._update_title()
        self._show_warnings(cached)
        self.after_first_paint(self._complete_cached_open)
        return True

    def _complete_cached_open(self) -> None:
        path = self._completing
        if path is not None:
            self._run_job(lambda: _read_notes(path), lambda loaded: self._apply_completed(path, loaded))

    def _apply_completed(self, path: Path, loaded) -> None:
        """The parsed notes of a file shown from the cache: the panes keep what they show."""
        if path != self._completing:
            return  # another file was opened meanwhile
        self._end_completion()
        if isinstance(loaded, Exception):
            self.statusBar().showMessage(str(loaded), 8000)
            return
        notes, blocks, segments = loaded
        self.notes = notes
        self._segments = segments
        self._arm_watcher(path)
        if rows_mod.shown_blocks(blocks) != self.reader.blocks:
            self._cache_key = None
            self.reader.set_blocks(blocks, path.parent, keep_position=True)
        if self._navigator is not None:  # else they are given the notes when they are built
            self._navigator.set_notes(notes)
            self._glossary_panel.set_notes(notes)
        self._remember_file(path)
        self._offer_draft(path)
        self._set_notes_path_everywhere(path)
        self._show_warnings(notes)
        self.notesOpened.emit(notes)
        self.reader.yield_turn()
        if self._translate_when_complete or self.translation_service is not None:
            self._translate_when_complete = False
            self.start_translation()

    def _end_completion(self) -> None:
        """No cached start is waiting for its notes any more: services held back may start."""
        self._completing = None
        if self._services_waiting:
            self._services_waiting = False
            QTimer.singleShot(0, self, self._start_background_services)

    def _store_render_cache(self) -> None:
        """Keep what the first screen needs for the next start (see render_cache)."""
        key, self._cache_key = self._cache_key, None
        if key is None or self.notes is None:
            return
        from studyreader.notes.verdict import verdicts_by_date
        from studyreader.render import first_screen as render_cache

        render_cache.store(
            key,
            blocks=self.reader.blocks,
            html=self.reader.rendered_html(),
            notes=self.notes,
            verdicts=verdicts_by_date(self.notes),  # what the entry list shows for these notes
        )

    def after_first_paint(self, fn) -> None:
        """Run ``fn`` once the reader has painted (soon when it already has, or after a second
        when no paint comes)."""
        if self._first_frame_done:
            QTimer.singleShot(0, self, fn)
        else:
            self._paint_waiters.append(fn)

    def _apply_opened(self, path: Path, loaded) -> bool:
        if isinstance(loaded, Exception):
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("Cannot open notes"), str(loaded))
            return False
        notes, blocks, segments = loaded
        self._end_completion()
        self.notes = notes
        self.notes_path = path
        self._show_notes(notes, blocks, segments, keep_position=False)
        self._arm_watcher(path)
        self._remember_file(path)
        self._offer_draft(path)
        self._set_notes_path_everywhere(path)
        self._update_title()
        self._show_warnings(notes)
        self._keep_for_next_start(path, notes)
        self.notesOpened.emit(notes)
        return True

    def _keep_for_next_start(self, path: Path, notes) -> None:
        """Write the start-up cache now (the rows built so far) and again once every row is in."""
        try:
            key = self._render_cache_key(path, notes.text.encode("utf-8"))
        except (UnicodeError, AttributeError, TypeError):
            self._cache_key = None
            return
        self._cache_key = key
        self._store_render_cache()
        if not self.reader.is_built():
            self._cache_key = key

    def _arm_watcher(self, path: Path) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        self.watcher.addPath(str(path))

    def _offer_draft(self, path: Path) -> None:
        """After a crash or forced quit, open the editor so its unsaved draft is offered back at once."""
        if self.editor_dock is not None:
            return  # the editor already holds (and autosaves) its text
        from studyreader.notes.drafts import DraftStore

        try:
            draft = DraftStore().load(path)
        except OSError:
            return
        if draft is not None:
            self.show_editor(True)

    def _remember_file(self, path: Path) -> None:
        """The last file is written to the settings after the first paint (a disk write)."""
        if path.resolve() == paths.sample_notes().resolve():
            return

        def remember() -> None:
            if self.notes_path == path:
                self.settings.last_file = path

        self.after_first_paint(remember)

    def _set_notes_path_everywhere(self, path: Path) -> None:
        context = self._notes_context(path)
        for widget in (self.editor, self.habit_dialog and self.habit_dialog.view):
            if widget is not None and hasattr(widget, "set_notes_path"):
                widget.set_notes_path(path)
        for widget in (self.timer_widget, self.reminder):
            if widget is not None:
                widget.set_notes_path(path, context=context)

    def _notes_context(self, path: Path | None):
        """The study widgets' view of the open notes, from the notes already parsed (else None:
        the widget reads the file itself)."""
        if self.notes is None or path is None or Path(self.notes.path) != Path(path):
            return None
        try:
            from studyreader.study.context import context_from_notes

            return context_from_notes(self.notes)
        except Exception:  # noqa: BLE001 - the widgets then read the file themselves
            return None

    def _show_warnings(self, notes) -> None:
        """Problems the parser noticed (duplicated dates, a bad time zone…): say so, quietly."""
        warnings = list(getattr(notes, "warnings", []) or [])
        if warnings:
            more = self.tr(" (and {n} more)").format(n=len(warnings) - 1) if len(warnings) > 1 else ""
            self.statusBar().showMessage(warnings[0] + more, 10000)
            self.statusBar().setToolTip("\n".join(warnings))
        else:
            self.statusBar().setToolTip("")

    def reload_notes(self, then=None) -> None:
        """Re-read the current file (changed on disk or saved by the editor), keeping the position.

        Reading happens in a worker thread; ``then()`` runs once the panes show the new text.
        """
        if self.notes_path is None:
            return
        path = self.notes_path
        self._run_job(lambda: _read_notes(path), lambda loaded: self._apply_reloaded(path, loaded, then))

    def _apply_reloaded(self, path: Path, loaded, then=None) -> None:
        if path != self.notes_path:
            return  # another file was opened meanwhile
        if isinstance(loaded, Exception):
            self.statusBar().showMessage(str(loaded), 8000)
            return
        notes, blocks, segments = loaded
        if self._completing is not None:
            self._end_completion()  # these notes are newer than those a cached start is waiting for
        if str(path) not in self.watcher.files() and path.exists():
            self.watcher.addPath(str(path))  # re-arm after a rename-save
        self.notes = notes
        self._show_notes(notes, blocks, segments, keep_position=True)
        self._keep_for_next_start(path, notes)
        self.statusBar().showMessage(self.tr("Reloaded {name}").format(name=path.name), 4000)
        self.notesReloaded.emit(notes)
        if then is not None:
            then()

    def _show_notes(self, notes, blocks, segments, keep_position: bool) -> None:
        self._segments = segments
        base_dir = Path(notes.path).parent if notes.path else None
        self.reader.set_blocks(blocks, base_dir, keep_position=keep_position)
        if self._navigator is not None:  # else they are given the notes when they are built
            self._navigator.set_notes(notes)
            self._glossary_panel.set_notes(notes)
        if self.translation_service is not None or self._translation_state != "idle":
            self.start_translation()

    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = str(self.notes_path.parent) if self.notes_path else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open notes"), start, self.tr("Markdown notes (*.md *.markdown);;All files (*)")
        )
        if name:
            self.open_file(Path(name), background=True)

    def _on_file_changed(self, _path: str) -> None:
        self._reload_timer.start()

    def _update_title(self) -> None:
        name = self.notes_path.name if self.notes_path else ""
        self.setWindowTitle(f"{name} — {APP_NAME}" if name else APP_NAME)

    # -- navigation --------------------------------------------------------------
    def jump_to_date(self, day: _dt.date) -> bool:
        if self.notes is None:
            return False
        entry = self.notes.entry_for(day) if hasattr(self.notes, "entry_for") else None
        if entry is None:
            return False
        row = rows_mod.row_at_offset(self.reader.blocks, entry.start)
        if row is None:
            return False
        self.navigator.select_date(day)
        return self.reader.scroll_to_row(row)

    def step_entry(self, step: int) -> None:
        """Alt+Up / Alt+Down: the previous (older) or next (newer) entry in the file."""
        if self.notes is None or not self.notes.entries:
            return
        top = self.reader.top_row()
        blocks = self.reader.blocks
        offset = blocks[top].start if 0 <= top < len(blocks) else 0
        entries = sorted(self.notes.entries, key=lambda e: e.start)
        if step < 0:
            before = [e for e in entries if e.start < offset]
            target = before[-1] if before else entries[0]
        else:
            after = [e for e in entries if e.start > offset]
            target = after[0] if after else entries[-1]
        row = rows_mod.row_at_offset(blocks, target.start)
        if row is not None:
            self.navigator.select_date(target.date)
            self.reader.scroll_to_row(row)

    def focus_search(self) -> None:
        self.glossary_panel.show()
        self.glossary_action.setChecked(True)
        self.glossary_panel.search.setFocus()
        self.glossary_panel.search.selectAll()

    def focus_navigator(self) -> None:
        self.navigator.show()
        self.navigator_action.setChecked(True)
        self.navigator.list.setFocus()

    def _on_term_activated(self, term_id: str) -> None:
        self.glossary_panel.show()
        self.glossary_action.setChecked(True)
        self.glossary_panel.select_term(term_id)
        self.termActivated.emit(term_id)

    # -- view --------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self.reader.set_mode(mode)
        self.mode_actions[mode].setChecked(True)
        self.settings.set_value("reader/mode", mode)

    def zoom_in(self) -> None:
        self._set_zoom(self.reader.zoom + 1)

    def zoom_out(self) -> None:
        self._set_zoom(self.reader.zoom - 1)

    def _set_zoom(self, steps: int) -> None:
        self.reader.set_zoom(steps)
        self.settings.set_value("reader/zoom", self.reader.zoom)

    # -- editor dock ------------------------------------------------------------
    def show_editor(self, visible: bool = True) -> None:
        if visible and self.editor_dock is None:
            if not self._create_editor():
                self.editor_action.setChecked(False)
                self.statusBar().showMessage(self.tr("The entry editor is not available."), 5000)
                return
        if self.editor_dock is not None:
            self.editor_dock.setVisible(visible)
            if visible and self.editor is not None:
                self.editor.setFocus()
        if self.editor_action.isChecked() != visible:
            self.editor_action.setChecked(visible)
        self.settings.editor_visible = visible

    def _create_editor(self) -> bool:
        if self.notes_path is None:
            return False
        try:
            from studyreader.ui.editor.editor import EntryEditor
        except ImportError:
            return False
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDockWidget

        self.editor = EntryEditor(self.notes_path, self.settings, self)
        dock = QDockWidget(self)
        dock.setObjectName("editorDock")
        dock.setWidget(self.editor)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        dock.visibilityChanged.connect(self._editor_visibility_changed)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.editor_dock = dock
        self.dock_title()
        for signal, slot in (
            ("saved", self._on_entry_saved),
            ("notesChangedOnDisk", lambda _path: self._reload_timer.start()),
            ("statusMessage", lambda text: self.statusBar().showMessage(text, 6000)),
        ):
            if hasattr(self.editor, signal):
                getattr(self.editor, signal).connect(slot)
        if hasattr(self.editor, "actions_list"):
            self.entry_menu.addSeparator()
            self.entry_menu.addActions(self.editor.actions_list())
        return True

    def _editor_visibility_changed(self, visible: bool) -> None:
        if self.editor_dock is not None and not self.isMinimized() and self.isVisible():
            if self.editor_action.isChecked() != visible:
                self.editor_action.blockSignals(True)
                self.editor_action.setChecked(visible)
                self.editor_action.blockSignals(False)

    def _on_entry_saved(self, result) -> None:
        day = getattr(result, "date", None)
        self.reload_notes(then=(lambda: self.jump_to_date(day)) if day is not None else None)

    # -- dialogs -----------------------------------------------------------------
    def open_model_manager(self) -> None:
        try:
            from studyreader.ui.dialogs.model_manager import ModelManagerDialog
        except ImportError:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, self.tr("Translation models"), self._no_model_text())
            return
        dialog = ModelManagerDialog(self)
        if hasattr(dialog, "modelsChanged"):
            dialog.modelsChanged.connect(self.start_translation)
        dialog.exec()
        self.start_translation()

    def open_settings(self) -> None:
        try:
            from studyreader.ui.dialogs.settings_dialog import SettingsDialog
        except ImportError:
            return
        SettingsDialog(self.settings, self).exec()

    def open_habit_view(self) -> None:
        try:
            from studyreader.ui.study.habit_view import HabitDialog
        except ImportError:
            self.statusBar().showMessage(self.tr("The habit view is not available."), 5000)
            return
        if self.habit_dialog is None:
            self.habit_dialog = HabitDialog(
                self, log=self._study_log(), notes_path=self.notes_path, settings=self.settings
            )
            view = getattr(self.habit_dialog, "view", None)
            if view is not None and hasattr(view, "dayActivated"):
                view.dayActivated.connect(self.jump_to_date)
            if view is not None and hasattr(view, "refresh"):
                self.notesReloaded.connect(lambda _notes: view.refresh())
                if self.timer_widget is not None and hasattr(self.timer_widget, "studyLogChanged"):
                    self.timer_widget.studyLogChanged.connect(view.refresh)
        self.habit_dialog.show()
        self.habit_dialog.raise_()

    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        rows = []
        for action in self.actions():
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
            if action.text() and keys:
                rows.append(f"<tr><td>{action.text().replace('&', '')}</td><td><b>{keys}</b></td></tr>")
        QMessageBox.information(
            self, self.tr("Keyboard shortcuts"), "<table cellpadding='3'>" + "".join(rows) + "</table>"
        )

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from studyreader import __version__

        QMessageBox.about(
            self,
            self.tr("About StudyReader"),
            self.tr("StudyReader {version}: Chinese study notes beside an offline English translation.").format(
                version=__version__
            ),
        )

    # -- background services -------------------------------------------------------
    def _run_job(self, fn, on_done, on_failed=None) -> None:
        job = _Job(fn)
        self._jobs.add(job)

        def finish(result, ok=True):
            if not shiboken6.isValid(self):
                return  # the window was deleted while the job ran
            self._jobs.discard(job)
            if ok:
                on_done(result)
            elif on_failed is not None:
                on_failed(result)

        job.signals.done.connect(lambda result: finish(result))
        job.signals.failed.connect(lambda message: finish(message, ok=False))
        QThreadPool.globalInstance().start(job)

    def eventFilter(self, watched, event) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint and watched is self.reader.viewport():
            self._painted = True
            self.reader.viewport().removeEventFilter(self)
            self._run_paint_waiters()
        return super().eventFilter(watched, event)

    def _run_paint_waiters(self) -> None:
        self._first_frame_done = True
        waiters, self._paint_waiters = self._paint_waiters, []
        for fn in waiters:
            QTimer.singleShot(0, self, fn)

    def _start_background_services(self) -> None:
        """After the window is shown: glossary, translation, study widgets."""
        if self._services_started:
            return
        if self._completing is not None:
            # Shown from the start-up cache: let the notes be read first (one worker at a time
            # keeps the window responsive); _apply_completed starts the services.
            self._services_waiting = True
            return
        self._services_started = True
        # One step per event-loop turn: each is short, together they would freeze the window.
        # The study widgets wait until the glossary is in (or a second has passed): building
        # them while the glossary and the model load in other threads would add up.
        steps = [self._ensure_translation_service, self.start_translation]
        later = [self._study_log, self._create_timer_widget, self._create_reminder, self._restore_editor]
        state = {"later_queued": False, "quiet_by": 0.0}

        def run_next(_result=None) -> None:
            if steps:
                # The study widgets (a database to open, widgets to build) wait for a turn in which
                # the reader has nothing to build or update, for at most a second.
                if steps[0] in later and self.reader.has_pending_work() and _now() < state["quiet_by"]:
                    QTimer.singleShot(_QUIET_POLL_MS, self, run_next)
                    return
                steps.pop(0)()
                self.reader.yield_turn()  # the reader's next slice waits for the next turn
                QTimer.singleShot(0, self, run_next)
            elif state["later_queued"]:
                self._services_ready = True

        def queue_later(*_args) -> None:
            if not state["later_queued"]:
                state["later_queued"] = True
                state["quiet_by"] = _now() + _QUIET_WAIT_SECONDS
                steps.extend(later)
                QTimer.singleShot(0, self, run_next)

        self.glossaryLoaded.connect(queue_later)
        QTimer.singleShot(1000, self, queue_later)
        self._start_glossary_load()
        # Module imports run in a worker thread; only the widgets are then built here.
        self._run_job(lambda: [_preimport(name) for name in _SERVICE_MODULES], run_next, run_next)

    def _start_glossary_load(self, reload: bool = False) -> None:
        try:
            import studyreader.glossary  # noqa: F401 - light: dataclasses only
        except ImportError:
            return
        self._run_job(lambda: _load_glossary(reload), self._on_glossary_loaded, self._on_glossary_failed)

    def _on_glossary_loaded(self, glossary) -> None:
        _freeze_long_lived_objects()
        self.glossary = glossary
        self.reader.set_glossary(glossary)
        self.glossary_panel.set_glossary(glossary)
        if self.translation_service is not None and hasattr(self.translation_service, "set_aid"):
            try:
                self.translation_service.set_aid(glossary.translation_aid())
            except Exception:  # noqa: BLE001 - the aid only improves terms
                pass
        self.glossaryLoaded.emit(glossary)
        self.reader.yield_turn()

    def _on_glossary_failed(self, message: str) -> None:
        self.glossary_panel.status.setText(self.tr("The glossary could not be loaded: {error}").format(error=message))
        self.glossary_panel.status.show()

    def _create_timer_widget(self) -> None:
        if self.timer_widget is None:
            try:
                from studyreader.ui.study.timer_widget import TimerWidget
            except ImportError:
                TimerWidget = None  # noqa: N806
            if TimerWidget is not None:
                self.timer_widget = TimerWidget(
                    self, log=self._study_log(), notes_path=self.notes_path, settings=self.settings,
                    context=self._notes_context(self.notes_path),
                )
                self.toolbar.addWidget(self.timer_widget)
                if hasattr(self.timer_widget, "actions"):
                    self.study_menu.addSeparator()
                    self.study_menu.addActions(self.timer_widget.actions())
                if hasattr(self.timer_widget, "notice"):
                    self.timer_widget.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))

    def _create_reminder(self) -> None:
        if self.reminder is None:
            try:
                from studyreader.ui.study.reminder import Reminder
            except ImportError:
                Reminder = None  # noqa: N806
            if Reminder is not None:
                self.reminder = Reminder(
                    self, log=self._study_log(), notes_path=self.notes_path, settings=self.settings,
                    context=self._notes_context(self.notes_path),
                )
                if hasattr(self.reminder, "notice"):
                    self.reminder.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))

    def _restore_editor(self) -> None:
        if self.settings.editor_visible and self.editor_dock is None:
            self.show_editor(True)

    def _study_log(self):
        if self.study_log is None:
            try:
                from studyreader.study.log import StudyLog
            except ImportError:
                return None
            try:
                self.study_log = StudyLog.open()
            except Exception as error:  # noqa: BLE001 - the timer falls back to its own handling
                self.statusBar().showMessage(str(error), 8000)
                return None
        return self.study_log

    # -- translation ---------------------------------------------------------------
    def _ensure_translation_service(self) -> bool:
        if self.translation_service is not None:
            return True
        try:
            from studyreader.ui.translation_service import TranslationService
        except ImportError:
            self._translation_state = "unavailable"
            return False
        service = TranslationService(parent=self)
        if self.glossary is not None and hasattr(service, "set_aid"):
            try:
                service.set_aid(self.glossary.translation_aid())
            except Exception:  # noqa: BLE001
                pass
        self.translation_service = service
        return True

    def start_translation(self) -> None:
        """(Re)translate the pending blocks, visible ones first."""
        if self.notes is None:
            if self._completing is not None:
                self._translate_when_complete = True  # the notes are being read after a cached start
            return
        if not self._ensure_translation_service() or self._segments is None:
            self._translation_state = "unavailable"
            self._update_status()
            return
        self._translate_pending()

    def _translate_pending(self) -> None:
        pending_rows = self.reader.pending_rows()
        if not pending_rows:
            self._translation_state = "done"
            self._update_status()
            self.translationFinished.emit()
            return
        keys = {self.reader.blocks[row].index for row in pending_rows}
        segments = [segment for segment in self._segments if segment.index in keys]
        visible = [self.reader.blocks[row].index for row in self.reader.visible_rows() if row in set(pending_rows)]
        self._translation_state = "running"
        self._pending_total = len(pending_rows)
        self._arrived_count = 0
        self._arrivals.clear()
        self._cancel_translation_job()
        job = self.translation_service.translate(segments, priority=visible)
        job.started.connect(self._on_translation_started)
        job.blockTranslated.connect(self._on_block_translated)
        job.finished.connect(self._on_translation_finished)
        job.noModel.connect(self._on_no_model)
        job.failed.connect(self._on_translation_failed)
        self.translation_job = job
        self._update_status()

    def _cancel_translation_job(self) -> None:
        if self.translation_job is not None:
            self.translation_job.cancel()
            self.translation_job = None

    def _reprioritise(self) -> None:
        if self._translation_state == "running":
            pending = set(self.reader.pending_rows())
            if any(row in pending for row in self.reader.visible_rows()):
                self._prioritise_timer.start()

    def _restart_translation_for_visible(self) -> None:
        if self._translation_state == "running":
            self._translate_pending()

    def _on_translation_started(self, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(0)
        self.progress.show()

    def _on_block_translated(self, index: int, translation) -> None:
        # A cached file delivers hundreds of blocks at once: queue them and apply them in
        # short slices, so that the burst never holds up the event loop.
        self._arrivals.append((index, translation))
        if not self._arrival_timer.isActive():
            self._arrival_timer.start()

    def _apply_arrivals(self, deadline: float | None = None) -> None:
        import time

        end = time.perf_counter() + 0.003 if deadline is None else deadline
        while self._arrivals:
            index, translation = self._arrivals.popleft()
            row = self.reader.row_for_key(index)
            if row is not None:
                missing: list[str] = []
                for check in getattr(translation, "checks", None) or []:
                    term_id = getattr(check, "term_id", None)
                    if term_id and not getattr(check, "respected", True) and term_id not in missing:
                        missing.append(term_id)
                self.reader.set_translation(row, translation.text, missing)
            self._arrived_count += 1
            if time.perf_counter() > end:
                break
        self._on_translation_progress(self._arrived_count, self._pending_total)
        if self._arrivals:
            self._arrival_timer.start()

    def _on_translation_progress(self, done: int, total: int) -> None:
        # Blocks arrive in bursts: repaint the status bar at most a few times a second.
        self._progress_values = (done, total)
        if not self._progress_timer.isActive():
            self._progress_timer.start()

    def _show_progress(self) -> None:
        done, total = self._progress_values
        if self._translation_state != "running":
            return
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.status_label.setText(self.tr("Translating… {done}/{total}").format(done=done, total=total))

    def _on_translation_finished(self, stats) -> None:
        _freeze_long_lived_objects()  # the translator's modules and model are loaded by now
        self._arrival_timer.stop()
        self._apply_arrivals(deadline=float("inf"))
        self.progress.hide()
        if getattr(stats, "cancelled", False):
            return
        self._translation_state = "done" if not self.reader.pending_rows() else "failed"
        self._update_status()
        self.translationFinished.emit()

    def _on_no_model(self, message: str) -> None:
        self._translation_state = "no_model"
        self._no_model_message = message
        self.progress.hide()
        self.reader.set_no_model(True)
        self._update_info_bar()
        self._update_status()
        self.translationFinished.emit()

    def _on_translation_failed(self, message: str) -> None:
        self._translation_state = "failed"
        self.progress.hide()
        self.statusBar().showMessage(self.tr("Translation failed: {error}").format(error=message), 10000)
        self._update_status()
        self.translationFinished.emit()

    def services_ready(self) -> bool:
        """Everything that loads after the first paint is there (glossary, translator, study widgets)."""
        return self._services_ready

    def translation_state(self) -> str:
        return self._translation_state

    def _no_model_text(self) -> str:
        return self.tr(
            "No Chinese→English translation model is installed, so the English column stays empty. "
            "Install one from a .argosmodel file or download it in the model manager."
        )

    def _update_info_bar(self) -> None:
        if self._translation_state == "no_model":
            self.info_bar.label.setText(self._no_model_text())
            self.info_bar.label.setToolTip(self._no_model_message)
            self.info_bar.button.setText(self.tr("Install a model…"))
            self.info_bar.show()
        else:
            self.info_bar.hide()
        if self._translation_state != "no_model":
            self.reader.set_no_model(False)

    def _update_status(self) -> None:
        texts = {
            "idle": "",
            "running": self.tr("Translating…"),
            "done": self.tr("Translated"),
            "no_model": self.tr("No translation model"),
            "unavailable": self.tr("Translation not available"),
            "failed": self.tr("Translation incomplete"),
        }
        self.status_label.setText(texts.get(self._translation_state, ""))
        self._update_info_bar()

    # -- settings and state --------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.geometry
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.window_state
        if not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.splitter_state("main")
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        self.navigator_action.setChecked(self.settings.pane_visible("navigator"))
        self.glossary_action.setChecked(self.settings.pane_visible("glossary"))
        mode = self.settings.value("reader/mode", "side")
        mode = mode if mode in MODES else "side"
        self.reader.set_mode(mode)
        self.mode_actions[mode].setChecked(True)
        try:
            zoom = int(self.settings.value("reader/zoom", 0))
        except (TypeError, ValueError):
            zoom = 0
        self.reader.set_zoom(zoom)

    def save_state(self) -> None:
        if self.notes_path is not None and self.notes_path.resolve() != paths.sample_notes().resolve():
            self.settings.last_file = self.notes_path
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.set_splitter_state("main", self.splitter.saveState())
        self.settings.set_pane_visible("navigator", self.navigator_action.isChecked())
        self.settings.set_pane_visible("glossary", self.glossary_action.isChecked())

    def _on_setting_changed(self, key: str) -> None:
        if key == Settings.THEME:
            from studyreader.ui.app import apply_theme

            app = QApplication.instance()
            if app is not None:
                apply_theme(app, self.settings.theme)
            self.reader.refresh_style()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor is not None:
            if hasattr(self.editor, "flush_draft"):
                self.editor.flush_draft()
            if hasattr(self.editor, "maybe_close") and not self.editor.maybe_close():
                event.ignore()
                return
        if self.timer_widget is not None and hasattr(self.timer_widget, "stop"):
            self.timer_widget.stop()
        self.save_state()
        if self.translation_service is not None:
            self.translation_service.shutdown()
        if self.study_log is not None and hasattr(self.study_log, "close"):
            self.study_log.close()
            self.study_log = None
        super().closeEvent(event)

    def all_actions(self) -> list[QAction]:
        """Every command of the window: its own actions and those the menus hold."""
        menu_titles = {menu.menuAction() for menu in self.menuBar().findChildren(type(self.file_menu))}
        found: list[QAction] = []
        for action in [*self.actions(), *(a for m in self.menuBar().actions() if m.menu() for a in m.menu().actions())]:
            if action.isSeparator() or action in menu_titles or action in found:
                continue
            found.append(action)
        return found

