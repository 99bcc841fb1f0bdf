"""An in-place edit whose entry changed on disk meanwhile: show what changed, then ask."""

from __future__ import annotations

import difflib

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MAX_DIFF_LINES = 40


def compact_diff(before: str, after: str, max_lines: int = MAX_DIFF_LINES) -> str:
    """The lines that differ, ``-`` removed and ``+`` added, with the neighbouring lines around each
    change and ``…`` between distant changes, blank lines left out; at most ``max_lines`` lines."""
    lines: list[str] = []
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), n=2, lineterm="")
    for number, line in enumerate(diff):
        if number < 2 or not line[1:].strip():
            continue  # the two file headers, and blank lines (paragraph breaks) say nothing here
        if line.startswith("@@"):
            line = "…"
        if line != "…" or (lines and lines[-1] != "…"):
            lines.append(line)
    if lines and lines[0] == "…":
        lines.pop(0)
    if len(lines) > max_lines:
        hidden = len(lines) - max_lines
        lines = lines[:max_lines] + [f"… (+{hidden})"]
    return "\n".join(lines)


class ConflictDialog(QDialog):
    """Shows the compact diff of the entry on disk; accepted means: replace it with the editor's text."""

    def __init__(self, date_text: str, diff: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryConflictDialog")
        self.setWindowTitle(QCoreApplication.translate("EntryEditor", "Entry changed on disk"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setText(
            QCoreApplication.translate(
                "EntryEditor",
                "The entry of {date} was changed in the notes file since you started editing it "
                "(perhaps by a git pull). This is what changed on disk (− removed, + added):",
            ).format(date=date_text)
        )
        self.diff_view = QPlainTextEdit(self)
        self.diff_view.setObjectName("entryConflictDiff")
        self.diff_view.setReadOnly(True)
        self.diff_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.diff_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.diff_view.setPlainText(diff)
        self.question = QLabel(
            QCoreApplication.translate(
                "EntryEditor", "Replace the entry on disk with your version? Its changes above are lost."
            ),
            self,
        )
        self.question.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.replace_button = QPushButton(QCoreApplication.translate("EntryEditor", "&Replace with My Version"), self)
        buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.diff_view, 1)
        layout.addWidget(self.question)
        layout.addWidget(buttons)
        self.resize(560, 360)


def ask_to_replace(parent: QWidget, date_text: str, diff: str) -> bool:
    """The default question of the editor: True when the user chose to replace."""
    return ConflictDialog(date_text, diff, parent).exec() == QDialog.DialogCode.Accepted
