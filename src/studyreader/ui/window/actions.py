"""The window's one action table: each command declared once.

The menus, the toolbar, the keyboard-shortcut list (F1), retranslation on a language switch and
the shortcut-clash test all read :data:`ACTIONS`. Texts are marked with ``QT_TRANSLATE_NOOP`` in the
"MainWindow" context and translated when the language changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolBar, QWidget

from studyreader.ui.window.corner import Folding, MenuCorner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

CONTEXT = "MainWindow"
Keys = tuple[str | QKeySequence.StandardKey, ...]


@dataclass(frozen=True)
class ActionSpec:
    """One command: ``handler`` names a method of the window or of one of its parts
    ("dialogs.open_settings"), called with ``args`` (and, for a
    checkable action connected on ``toggled``, the new state)."""

    name: str
    text: str
    keys: Keys
    menus: tuple[str, ...]
    handler: str
    args: tuple = ()
    checkable: bool = False
    toggled: bool = False  # connect ``toggled(bool)`` instead of ``triggered``
    group: str | None = None  # exclusive group (the reader's modes)
    toolbar: bool = False
    separator: bool = False  # a separator before it in its menus (and the toolbar)
    submenu: bool = False  # opens a menu that ``handler`` fills (called with it) each time it opens


def _mode(name: str, text: str, index: int) -> ActionSpec:
    return ActionSpec(f"mode_{name}", text, (f"Ctrl+{index}",), ("view",), "set_mode", (name,),
                      checkable=True, group="mode", toolbar=True, separator=index == 1)


MENUS: tuple[tuple[str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("MainWindow", "&File")),
    ("view", QT_TRANSLATE_NOOP("MainWindow", "&View")),
    ("go", QT_TRANSLATE_NOOP("MainWindow", "&Go")),
    ("entry", QT_TRANSLATE_NOOP("MainWindow", "&Entry")),
    ("study", QT_TRANSLATE_NOOP("MainWindow", "&Study")),
    ("tools", QT_TRANSLATE_NOOP("MainWindow", "&Tools")),
    ("help", QT_TRANSLATE_NOOP("MainWindow", "&Help")),
)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", QT_TRANSLATE_NOOP("MainWindow", "&Open notes…"), (QKeySequence.StandardKey.Open,),
               ("file",), "choose_file", toolbar=True),
    ActionSpec("recent", QT_TRANSLATE_NOOP("MainWindow", "Open &Recent"), ("Ctrl+Shift+O",), ("file",),
               "fill_recent_menu", submenu=True),
    ActionSpec("reload", QT_TRANSLATE_NOOP("MainWindow", "&Reload"), ("Ctrl+R",), ("file",), "reload_notes"),
    ActionSpec("export", QT_TRANSLATE_NOOP("MainWindow", "&Export…"), ("Ctrl+Shift+D",), ("file",),
               "dialogs.open_export", separator=True),
    ActionSpec("quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), ("Ctrl+Q",), ("file",), "close", separator=True),
    _mode("side", QT_TRANSLATE_NOOP("MainWindow", "Side by side"), 1),
    _mode("interleaved", QT_TRANSLATE_NOOP("MainWindow", "Interleaved"), 2),
    _mode("zh", QT_TRANSLATE_NOOP("MainWindow", "Chinese only"), 3),
    _mode("en", QT_TRANSLATE_NOOP("MainWindow", "English only"), 4),
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("MainWindow", "Zoom in"), ("Ctrl+=", "Ctrl++"), ("view",), "zoom_in",
               separator=True),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("MainWindow", "Zoom out"), ("Ctrl+-",), ("view",), "zoom_out"),
    ActionSpec("zoom_reset", QT_TRANSLATE_NOOP("MainWindow", "Reset zoom"), ("Ctrl+0",), ("view",), "reset_zoom"),
    ActionSpec("navigator", QT_TRANSLATE_NOOP("MainWindow", "Entry list"), ("F9",), ("view",), "show_pane",
               ("navigator",), checkable=True, toggled=True, separator=True),
    ActionSpec("glossary", QT_TRANSLATE_NOOP("MainWindow", "Glossary sidebar"), ("F10",), ("view",), "show_pane",
               ("glossary",), checkable=True, toggled=True),
    ActionSpec("editor", QT_TRANSLATE_NOOP("MainWindow", "Write today's entry"), ("F4", "Ctrl+E"), ("view", "entry"),
               "show_editor", checkable=True, toggled=True, toolbar=True, separator=True),
    ActionSpec("previous_entry", QT_TRANSLATE_NOOP("MainWindow", "Previous entry"), ("Alt+Up",), ("go",),
               "step_entry", (-1,)),
    ActionSpec("next_entry", QT_TRANSLATE_NOOP("MainWindow", "Next entry"), ("Alt+Down",), ("go",), "step_entry", (1,)),
    ActionSpec("focus_navigator", QT_TRANSLATE_NOOP("MainWindow", "Go to the entry list"), ("Ctrl+L",), ("go",),
               "focus_navigator"),
    ActionSpec("search_glossary", QT_TRANSLATE_NOOP("MainWindow", "Search the glossary"),
               (QKeySequence.StandardKey.Find,), ("go",), "focus_search"),
    ActionSpec("habit", QT_TRANSLATE_NOOP("MainWindow", "Study habit…"), ("Ctrl+Shift+H",), ("study",),
               "open_habit_view"),
    ActionSpec("review", QT_TRANSLATE_NOOP("MainWindow", "Review terms…"), ("Ctrl+Shift+R",), ("study",),
               "open_review"),
    ActionSpec("translate", QT_TRANSLATE_NOOP("MainWindow", "Translate again"), ("Ctrl+T",), ("tools",),
               "start_translation"),
    ActionSpec("models", QT_TRANSLATE_NOOP("MainWindow", "Translation models…"), ("Ctrl+Shift+M",), ("tools",),
               "dialogs.open_model_manager", toolbar=True),
    ActionSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings…"), ("Ctrl+,",), ("tools",),
               "dialogs.open_settings"),
    ActionSpec("shortcuts", QT_TRANSLATE_NOOP("MainWindow", "Keyboard shortcuts"), ("F1",), ("help",),
               "dialogs.show_shortcuts"),
    ActionSpec("about", QT_TRANSLATE_NOOP("MainWindow", "About StudyReader"), ("Ctrl+Shift+F1",), ("help",),
               "dialogs.show_about"),
)

# What the reader does without an action of its own: listed in F1 under its own heading.
READER_SECTION = QT_TRANSLATE_NOOP("MainWindow", "Reader")
READER_GESTURES: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("MainWindow", "Highlight a sentence and its English"), QT_TRANSLATE_NOOP("MainWindow", "Point")),
    (QT_TRANSLATE_NOOP("MainWindow", "Pin the highlighted sentence"), QT_TRANSLATE_NOOP("MainWindow", "Click")),
    (QT_TRANSLATE_NOOP("MainWindow", "Clear the pinned sentence"), "Esc"),
)


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def plain(text: str) -> str:
    """An action's text as a list shows it: no accelerator mark, no trailing ellipsis.

    A translation that appends its accelerator as "(&F)" ("文件(&F)") loses it whole."""
    text = re.sub(r"\(&[^&\s]\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def key_texts(action: QAction) -> list[str]:
    return [key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()]


def _sequences(keys: Keys) -> list[QKeySequence]:
    found: list[QKeySequence] = []
    for key in keys:
        # A standard key's first binding is the platform's (Ctrl+O); the others are keyboards' media
        # keys ("Open"), which would read as an odd pair in the list.
        standard = isinstance(key, QKeySequence.StandardKey)
        found.append(QKeySequence.keyBindings(key)[0] if standard else QKeySequence(key))
    return found


class WindowActions:
    """The QActions, menus and toolbar built from the table, owned by the window."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        self._actions: dict[str, QAction] = {}
        self._groups: dict[str, QActionGroup] = {}
        self.submenus: dict[str, QMenu] = {}
        self._parts_added: set[str] = set()  # menus another part has added its actions to
        self.menus: dict[str, QMenu] = {name: window.menuBar().addMenu("") for name, _title in MENUS}
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        window.addToolBar(self.toolbar)
        for spec in ACTIONS:
            action = self._create(spec)
            for menu in spec.menus:
                if spec.separator:
                    self.menus[menu].addSeparator()
                self.menus[menu].addAction(action)
            if spec.toolbar:
                if spec.separator:
                    self.toolbar.addSeparator()
                self.toolbar.addAction(action)
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)  # what other parts add comes after it, at the right end
        self.corner = MenuCorner(window.menuBar())  # the timer: in sight at every width

    def _create(self, spec: ActionSpec) -> QAction:
        handler = attrgetter(spec.handler)(self._window)  # a missing handler fails at construction
        if spec.submenu:
            menu = QMenu(self._window)
            menu.setObjectName(f"{spec.name}Menu")
            menu.aboutToShow.connect(lambda h=handler, m=menu: h(m))
            action = menu.menuAction()
            self.submenus[spec.name] = menu
        else:
            action = QAction(self._window)
        action.setObjectName(spec.name)
        action.setShortcuts(_sequences(spec.keys))
        action.setCheckable(spec.checkable)
        if spec.submenu:  # the keys open the menu under its menu's title
            action.triggered.connect(lambda _checked=False, s=spec: self.popup_submenu(s.name, s.menus[0]))
        elif spec.toggled:
            action.toggled.connect(lambda checked, h=handler, a=spec.args: h(*a, checked))
        else:
            action.triggered.connect(lambda _checked=False, h=handler, a=spec.args: h(*a))
        if spec.group is not None:
            self._groups.setdefault(spec.group, QActionGroup(self._window)).addAction(action)
        self._window.addAction(action)
        self._actions[spec.name] = action
        return action

    def popup_submenu(self, name: str, parent_menu: str) -> None:
        bar = self._window.menuBar()
        place = bar.actionGeometry(self.menus[parent_menu].menuAction()).bottomLeft()
        self.submenus[name].popup(bar.mapToGlobal(place))

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def all(self) -> list[QAction]:
        return list(self._actions.values())

    def add_to_corner(self, widget: QWidget, folding: Folding | None = None) -> None:
        """A widget at the menu bar's right end, after those added before: always in sight
        (``folding``: the widget's switch to a narrow form, used when the menus need the room)."""
        self.corner.add(widget, folding)

    def add_to_menu(self, menu: str, actions: Iterable[QAction]) -> None:
        """Actions of another part (the timer's, the editor's) listed in one of the window's menus."""
        self._parts_added.add(menu)
        self.menus[menu].addSeparator()
        self.menus[menu].addActions(list(actions))

    def retranslate(self) -> None:
        for name, title in MENUS:
            self.menus[name].setTitle(translate(title))
        self.toolbar.setWindowTitle(QCoreApplication.translate("MainWindow", "Main toolbar"))
        for spec in ACTIONS:
            action = self._actions[spec.name]
            text = translate(spec.text)
            action.setText(text)
            keys = key_texts(action)
            action.setToolTip(f"{plain(text)} ({keys[0]})" if keys else plain(text))

    def shortcut_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(menu title, [(command, keys)]) for every menu: the window's table and what other parts
        add to its menus (the timer's and the editor's actions), listed before those parts are built."""
        holder = QWidget()  # owns the stand-ins of parts not built yet, for as long as this takes
        later = self._parts_not_built(holder)
        sections, listed = [], set()
        for name, title in MENUS:
            rows = []
            actions = self.menus[name].actions() + later.get(name, [])
            for action in actions:
                keys = key_texts(action)
                if action.isSeparator() or not keys or not action.text() or action in listed:
                    continue
                listed.add(action)
                rows.append((plain(action.text()), " / ".join(keys)))
            if rows:
                sections.append((plain(translate(title)), rows))
        sections.append((translate(READER_SECTION), [
            (translate(text), QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) if keys == "Esc"
             else translate(keys)) for text, keys in READER_GESTURES]))
        holder.deleteLater()
        return sections

    def _parts_not_built(self, holder: QWidget) -> dict[str, list[QAction]]:
        """The timer's and the editor's actions as those parts declare them, for the menus they
        have not joined yet (the timer comes after the first paint, the editor when first shown)."""
        from studyreader.study.timer import DEFAULT_BREAK_MINUTES, DEFAULT_FOCUS_MINUTES
        from studyreader.ui.editor.actions import EditorActions
        from studyreader.ui.study.timer_actions import TimerActions

        later: dict[str, list[QAction]] = {}
        if "study" not in self._parts_added:
            timer = TimerActions(holder)
            timer.retranslate(DEFAULT_FOCUS_MINUTES, DEFAULT_BREAK_MINUTES)
            later["study"] = timer.all()
        if "entry" not in self._parts_added:
            editor = EditorActions(holder)
            editor.retranslate()
            later["entry"] = editor.all()
        return later


NOWRAP = "style='white-space:nowrap'"  # a command or its keys are never wrapped over two lines


def _sections_table(sections: list[tuple[str, list[tuple[str, str]]]]) -> str:
    import html  # here, not at the top: the first paint escapes nothing

    parts = ["<table cellpadding='3'>"]
    for title, rows in sections:
        parts.append(f"<tr><td colspan='2'><b>{html.escape(title)}</b></td></tr>")
        parts.extend(f"<tr><td {NOWRAP}>{html.escape(text)}</td><td {NOWRAP}><b>{html.escape(keys)}</b></td></tr>"
                     for text, keys in rows)
    parts.append("</table>")
    return "".join(parts)


def shortcuts_html(sections: list[tuple[str, list[tuple[str, str]]]], rows_per_column: int = 22) -> str:
    """The F1 list: a heading per menu, the command then its keys (all escaped), the menus in as
    many columns of about equal length as it takes to keep each under ``rows_per_column`` lines,
    so that the list fits a 600-pixel-high screen."""
    total = sum(len(rows) + 1 for _title, rows in sections)
    wanted = max(1, -(-total // rows_per_column))
    columns: list[list] = [[]]
    count = 0
    for section in sections:
        if columns[-1] and count + len(section[1]) + 1 > total / wanted * len(columns) + 1:
            columns.append([])
        columns[-1].append(section)
        count += len(section[1]) + 1
    cells = "".join(f"<td valign='top' style='padding-right:18px'>{_sections_table(column)}</td>"
                    for column in columns if column)
    return f"<table><tr>{cells}</tr></table>"
