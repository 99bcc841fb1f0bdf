"""The window's modal dialogs: translation models, export, settings, the shortcut list, about.

Their texts keep the "MainWindow" translation context they had as the window's own methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from studyreader.ui.window.actions import shortcuts_html

if TYPE_CHECKING:
    from studyreader.ui.window.main_window import MainWindow



class WindowDialogs:
    """Opens each dialog over ``window`` with what it needs from the window's parts."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def open_model_manager(self) -> None:
        from studyreader.ui.dialogs.model_manager import ModelManagerDialog

        dialog = ModelManagerDialog(self._window)
        dialog.modelsChanged.connect(self._window.translation.models_changed)
        dialog.exec()

    def open_export(self) -> None:
        window = self._window
        if window.notes_path is None:
            QMessageBox.information(window, QCoreApplication.translate("MainWindow", "Export notes"),
                                    QCoreApplication.translate("MainWindow", "Open a notes file first."))
            return
        from studyreader.ui.dialogs.export_dialog import ExportDialog

        days = [entry.date for entry in window.notes.entries] if window.notes is not None else []
        ExportDialog(window.notes_path, window.settings, window, (min(days), max(days)) if days else None).exec()

    def open_settings(self) -> None:
        from studyreader.ui.dialogs.settings_dialog import SettingsDialog

        SettingsDialog(self._window.settings, self._window, notes_path=self._window.notes_path).exec()

    def show_shortcuts(self) -> None:
        QMessageBox.information(self._window, QCoreApplication.translate("MainWindow", "Keyboard shortcuts"),
                                shortcuts_html(self._window.actions_table.shortcut_sections()))

    def show_about(self) -> None:
        from studyreader import __version__

        text = QCoreApplication.translate(
            "MainWindow", "StudyReader {version}: Chinese study notes beside an offline English translation.")
        QMessageBox.about(self._window, QCoreApplication.translate("MainWindow", "About StudyReader"),
                          text.format(version=__version__))
