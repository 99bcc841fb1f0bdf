"""The main window: for now, the rendered notes in one reader pane."""

from __future__ import annotations

from pathlib import Path

import markdown
from PySide6.QtWidgets import QMainWindow, QTextBrowser

from studyreader import APP_NAME


class MainWindow(QMainWindow):
    def __init__(self, notes_path: Path) -> None:
        super().__init__()
        self.notes_path = notes_path
        self.setWindowTitle(f"{notes_path.name} — {APP_NAME}")
        self.reader = QTextBrowser(self)
        self.reader.setOpenExternalLinks(False)
        self.setCentralWidget(self.reader)
        self.resize(1200, 800)
        text = notes_path.read_text(encoding="utf-8-sig")
        self.reader.setHtml(markdown.markdown(text, extensions=["tables", "fenced_code"]))
