"""The dock that holds the day's entry editor under the reader."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

if TYPE_CHECKING:
    from studyreader.ui.editor.editor import EntryEditor


def dock_editor(window: QMainWindow, editor: EntryEditor) -> QDockWidget:
    """Put ``editor`` in a closable, movable dock at the bottom of ``window``."""
    dock = QDockWidget(window)
    dock.setObjectName("editorDock")
    dock.setWidget(editor)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                     | QDockWidget.DockWidgetFeature.DockWidgetMovable)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    return dock


def draft_waiting(notes_path: Path) -> bool:
    """An unsaved draft of ``notes_path`` is waiting after a crash or forced quit (or one that could
    not be read): the editor should open at once to put it back or say what was wrong with it."""
    from studyreader.notes.drafts import DraftStore

    problems: list[str] = []
    return DraftStore().load(notes_path, on_problem=problems.append) is not None or bool(problems)
