"""Starts the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

from studyreader import APP_NAME, __version__, paths


def run_app(file: str | None, qt_args: Sequence[str] = ()) -> int:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from studyreader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(paths.app_icon())))
    window = MainWindow(Path(file) if file else paths.sample_notes())
    window.show()
    return app.exec()
