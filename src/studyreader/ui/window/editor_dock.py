"""The dock that holds the day's entry editor under the reader."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

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
