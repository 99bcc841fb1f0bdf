"""The editor's actions: each with its text, tooltip and shortcut, for the Entry menu and the F1 list.
Their shortcuts work while the focus is inside the editor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


class EditorActions(QObject):
    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)

        def action(shortcut, checkable: bool = False) -> QAction:
            act = QAction(owner)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setCheckable(checkable)
            owner.addAction(act)
            return act

        self.save = action(QKeySequence.StandardKey.Save)
        self.edit_in_place = action("Ctrl+Shift+E", checkable=True)
        self.preview = action("Ctrl+Shift+P", checkable=True)
        self.preview.setChecked(True)
        self.translate = action("Ctrl+Shift+T")
        self.bold = action(QKeySequence.StandardKey.Bold)
        self.italic = action(QKeySequence.StandardKey.Italic)
        self.code = action("Ctrl+`")
        self.check_in = action("Ctrl+Shift+K")
        self.copy_for_website = action("Ctrl+Shift+C")

    def all(self) -> list[QAction]:
        return [self.save, self.edit_in_place, self.preview, self.translate, self.bold, self.italic, self.code,
                self.check_in, self.copy_for_website]

    def retranslate(self) -> None:
        self.save.setText(QCoreApplication.translate("EntryEditor", "&Save Entry"))
        self.save.setToolTip(QCoreApplication.translate("EntryEditor", "Write the entry into the notes file (Ctrl+S)"))
        self.check_in.setText(QCoreApplication.translate("EntryEditor", "Save and &Check In"))
        self.check_in.setToolTip(QCoreApplication.translate(
            "EntryEditor", "Save the entry, then commit only the notes file and push it with your git (Ctrl+Shift+K)"))
        self.copy_for_website.setText(QCoreApplication.translate("EntryEditor", "Copy for the &Website"))
        self.copy_for_website.setToolTip(QCoreApplication.translate(
            "EntryEditor", "Put the entry's text on the clipboard for the programme's website (Ctrl+Shift+C)"))
        self.edit_in_place.setText(QCoreApplication.translate("EntryEditor", "&Edit Existing Entry"))
        self.edit_in_place.setToolTip(
            QCoreApplication.translate(
                "EntryEditor", "Load the day's entry from the notes file and edit it in place (Ctrl+Shift+E)"
            )
        )
        self.preview.setText(QCoreApplication.translate("EntryEditor", "Show &Preview and Translation"))
        self.translate.setText(QCoreApplication.translate("EntryEditor", "&Translate Now"))
        self.bold.setText(QCoreApplication.translate("EntryEditor", "&Bold"))
        self.italic.setText(QCoreApplication.translate("EntryEditor", "&Italic"))
        self.code.setText(QCoreApplication.translate("EntryEditor", "Inline &Code"))

    def set_checked_silently(self, action: QAction, checked: bool) -> None:
        action.blockSignals(True)
        action.setChecked(checked)
        action.blockSignals(False)
