"""The editor's header line: which day's entry, what saving will do to it, and the two buttons."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton, QWidget


def long_date(day: date | None) -> str:
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


class EditorHeader(QWidget):
    """Date, state line (wraps rather than pushing the buttons away), Edit Existing, Save."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_label = QLabel(self)
        self.date_label.setObjectName("entryDate")
        font = self.date_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.date_label.setFont(font)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("entryState")
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)  # the zone name comes from the notes
        self.state_label.setEnabled(False)  # the palette's quiet colour
        self.state_label.setWordWrap(True)
        self.state_label.setMinimumWidth(80)
        self.state_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.in_place_button = QToolButton(self)
        self.in_place_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_label)
        layout.addSpacing(12)
        layout.addWidget(self.state_label, 1)
        layout.addWidget(self.in_place_button)
        layout.addWidget(self.save_button)

    def show_no_file(self) -> None:
        self.date_label.setText(QCoreApplication.translate("EntryEditor", "No notes file"))
        self.state_label.setText("")

    def show_entry(self, day: date, *, mode: str, existing_chars: int | None, is_today: bool, zone: str) -> None:
        """``existing_chars``: None when the day has no entry yet."""
        self.date_label.setText(
            QCoreApplication.translate("EntryEditor", "Entry of {date}").format(date=long_date(day))
        )
        if mode == "replace":
            state = QCoreApplication.translate("EntryEditor", "Editing the existing entry in place")
        elif existing_chars is None:
            state = QCoreApplication.translate("EntryEditor", "A new entry will be added")
        elif existing_chars == 0:
            state = QCoreApplication.translate("EntryEditor", "Fills the empty entry")
        else:
            # lupdate marks plural forms only in self.tr(), so the count is the editor's own "%n character(s)".
            count = QCoreApplication.translate("EntryEditor", "%n character(s)", "", existing_chars)
            state = QCoreApplication.translate("EntryEditor", "Adds to the existing entry ({count})").format(
                count=count
            )
        if not is_today:
            state = QCoreApplication.translate("EntryEditor", "{state} · not today's date").format(state=state)
        if zone:
            state = QCoreApplication.translate("EntryEditor", "{state} · time zone {zone}").format(
                state=state, zone=zone
            )
        self.state_label.setText(state)
