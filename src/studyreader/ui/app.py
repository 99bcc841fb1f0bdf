"""Starts the desktop application: language, theme, the main window.

Nothing heavy is imported here: the translator and the glossary matcher are
loaded by the window after it is shown, in worker threads.
"""

from __future__ import annotations

import sys
from pathlib import Path
from collections.abc import Sequence

from studyreader import APP_ID, APP_NAME, __version__, paths

THEMES = ("system", "light", "dark")


def preload_core() -> None:
    """Import the plain-Python core the first paint needs BEFORE PySide6.

    Once PySide6 is loaded, it inspects the source of every module imported after
    it (for its ``__feature__`` switches); the notes parser, the segmenter and
    Python-Markdown need no such check, so importing them first keeps start-up short.
    """
    import markdown  # noqa: F401
    import nh3  # noqa: F401

    import studyreader.notes  # noqa: F401
    import studyreader.notes.verdict  # noqa: F401
    import studyreader.ui.rows  # noqa: F401
    from studyreader.ui import render

    render.markdown_to_html("")  # builds the converter (imports its extensions) now

    try:
        import studyreader.translate.segment  # noqa: F401
    except ImportError:
        pass


def dark_palette():
    """A calm dark palette for Fusion (used when the theme is forced dark)."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: QColor(37, 38, 41),
        roles.WindowText: QColor(222, 222, 222),
        roles.Base: QColor(28, 29, 31),
        roles.AlternateBase: QColor(45, 47, 51),
        roles.ToolTipBase: QColor(50, 52, 56),
        roles.ToolTipText: QColor(230, 230, 230),
        roles.PlaceholderText: QColor(140, 140, 140),
        roles.Text: QColor(222, 222, 222),
        roles.Button: QColor(45, 47, 51),
        roles.ButtonText: QColor(222, 222, 222),
        roles.BrightText: QColor(255, 110, 110),
        roles.Link: QColor(110, 170, 255),
        roles.LinkVisited: QColor(170, 140, 255),
        roles.Highlight: QColor(52, 101, 164),
        roles.HighlightedText: QColor(255, 255, 255),
        roles.Mid: QColor(60, 62, 66),
        roles.Midlight: QColor(70, 72, 76),
        roles.Dark: QColor(20, 20, 22),
        roles.Shadow: QColor(10, 10, 10),
        roles.Light: QColor(80, 82, 86),
    }
    for role, colour in colours.items():
        palette.setColor(role, colour)
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        palette.setColor(disabled, role, QColor(120, 120, 120))
    return palette


def light_palette():
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QStyleFactory

    palette = QStyleFactory.create("Fusion").standardPalette()
    palette.setColor(QPalette.ColorRole.Link, QColor(30, 90, 180))
    return palette


def system_prefers_dark(app) -> bool:
    try:
        from PySide6.QtCore import Qt

        return app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    except AttributeError:  # Qt < 6.5
        return False


def apply_theme(app, theme: str | None) -> str:
    """Fusion with a light or dark palette; "system" follows the desktop's colour scheme."""
    theme = theme if theme in THEMES else "system"
    effective = theme
    if theme == "system":
        effective = "dark" if system_prefers_dark(app) else "light"
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if effective == "dark" else light_palette())
    return effective


def create_app(qt_args: Sequence[str] = ()):
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    # Worker threads (translation, glossary) run Python too: hand the GIL back to the GUI thread
    # every millisecond instead of every 5 so that the window never waits on them.
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(paths.app_icon())))
    return app


def initial_file(file: str | None, settings) -> Path:
    """The file given, else the last one opened (if it still exists), else the bundled sample."""
    if file:
        return Path(file)
    last = settings.last_file
    if last is not None and last.is_file():
        return last
    return paths.sample_notes()


def run_app(file: str | None, qt_args: Sequence[str] = (), *, theme: str | None = None) -> int:
    from studyreader.errors import StudyReaderError

    if file and not Path(file).is_file():
        raise StudyReaderError(f"{file}: no such file")
    preload_core()
    app = create_app(qt_args)
    from studyreader.ui import i18n
    from studyreader.ui.main_window import MainWindow
    from studyreader.ui.settings import Settings

    settings = Settings()
    i18n.apply_language(settings.language, app)
    chosen = theme or settings.theme
    apply_theme(app, chosen)
    if chosen == "system":
        try:
            app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app, settings.theme))
        except AttributeError:
            pass
    window = MainWindow(initial_file(file, settings), settings)
    window.show()
    code = app.exec()
    del window
    return code
