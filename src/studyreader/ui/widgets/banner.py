"""The one banner: a quiet message over a pane, with optional buttons (no model installed, a
draft recovered, the file changed on disk, a save refused). Its colours come from the palette,
so it follows the theme; an error banner's text is a red readable on light and dark windows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget


def error_colour(widget: QWidget) -> str:
    """A red that stays readable on light and on dark windows."""
    return "#ff7b72" if widget.palette().window().color().lightness() < 128 else "#b3261e"


class Banner(QFrame):
    def __init__(self, object_name: str, parent: QWidget | None = None, *, error: bool = False) -> None:
        super().__init__(parent)
        self._error = error
        self.label = QLabel(self)  # before the palette calls below: they send a PaletteChange
        self.setObjectName(object_name)
        self._error = error
        self.label = QLabel(self)  # before the background role: setting it sends a PaletteChange
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote the notes
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 6, 6)
        self._layout.addWidget(self.label, 1)
        self._colour_text()
        self.hide()

    def add_button(self, slot: Callable[[], None]) -> QPushButton:
        """A button at the right end; its text is set by the owner's retranslateUi."""
        button = QPushButton(self)
        button.clicked.connect(slot)
        self._layout.addWidget(button)
        return button

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_text()
        super().changeEvent(event)

    def _colour_text(self) -> None:
        self.label.setStyleSheet(f"color: {error_colour(self)};" if self._error else "")
