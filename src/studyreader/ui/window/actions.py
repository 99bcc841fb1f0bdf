"""The window's one action table: each command declared once.

The menus, the toolbar, the keyboard-shortcut list (F1), retranslation on a language switch and
the shortcut-clash test all read :data:`ACTIONS`. Texts are marked with ``QT_TRANSLATE_NOOP`` in the
"MainWindow" context and translated when the language changes.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolBar, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

CONTEXT = "MainWindow"
Keys = tuple[str | QKeySequence.StandardKey, ...]


@dataclass(frozen=True)
class ActionSpec:
    """One command: ``handler`` names a method of the window, called with ``args`` (and, for a
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
    ActionSpec("reload", QT_TRANSLATE_NOOP("MainWindow", "&Reload"), ("Ctrl+R",), ("file",), "reload_notes"),
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
               "open_model_manager", toolbar=True),
    ActionSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings…"), ("Ctrl+,",), ("tools",), "open_settings"),
    ActionSpec("shortcuts", QT_TRANSLATE_NOOP("MainWindow", "Keyboard shortcuts"), ("F1",), ("help",),
               "show_shortcuts"),
    ActionSpec("about", QT_TRANSLATE_NOOP("MainWindow", "About StudyReader"), ("Ctrl+Shift+F1",), ("help",),
               "show_about"),
)


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def plain(text: str) -> str:
    """An action's text as a list shows it: no accelerator mark, no trailing ellipsis."""
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
        self.toolbar.addWidget(spacer)  # the study timer comes after it, at the right end

    def _create(self, spec: ActionSpec) -> QAction:
        action = QAction(self._window)
        action.setObjectName(spec.name)
        action.setShortcuts(_sequences(spec.keys))
        action.setCheckable(spec.checkable)
        handler = getattr(self._window, spec.handler)  # a missing handler fails at construction
        if spec.toggled:
            action.toggled.connect(lambda checked, h=handler, a=spec.args: h(*a, checked))
        else:
            action.triggered.connect(lambda _checked=False, h=handler, a=spec.args: h(*a))
        if spec.group is not None:
            self._groups.setdefault(spec.group, QActionGroup(self._window)).addAction(action)
        self._window.addAction(action)
        self._actions[spec.name] = action
        return action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def all(self) -> list[QAction]:
        return list(self._actions.values())

    def add_to_menu(self, menu: str, actions: Iterable[QAction]) -> None:
        """Actions of another part (the timer's, the editor's) listed in one of the window's menus."""
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
        added to its menus (the timer's and the editor's actions)."""
        sections, listed = [], set()
        for name, title in MENUS:
            rows = []
            for action in self.menus[name].actions():
                keys = key_texts(action)
                if action.isSeparator() or not keys or not action.text() or action in listed:
                    continue
                listed.add(action)
                rows.append((plain(action.text()), " / ".join(keys)))
            if rows:
                sections.append((plain(translate(title)), rows))
        return sections


def shortcuts_html(sections: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """The F1 list: one table, a heading per menu, the command then its keys (all escaped)."""
    parts = ["<table cellpadding='3'>"]
    for title, rows in sections:
        parts.append(f"<tr><td colspan='2'><b>{html.escape(title)}</b></td></tr>")
        parts.extend(f"<tr><td>{html.escape(text)}</td><td><b>{html.escape(keys)}</b></td></tr>" for text, keys in rows)
    parts.append("</table>")
    return "".join(parts)
