"""Starts the desktop application: language, theme, the main window.

Nothing heavy is imported here: the translator and the glossary matcher are
loaded by the window after it is shown, in worker threads.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from studyreader import APP_ID, APP_NAME, __version__, options, paths


def preload_core() -> None:
    """Import the plain-Python modules the first paint needs BEFORE PySide6.

    Once PySide6 is loaded, it inspects the source of every module imported after
    it (for its ``__feature__`` switches); these need no such check. A file shown
    before comes from the start-up cache (:mod:`studyreader.render.first_screen`) and
    needs neither Python-Markdown, nh3, the notes parser nor the segmenter before
    its first paint; only when the cache will likely miss are they imported here.
    """
    import studyreader.render.first_screen as render_cache
    import studyreader.render.markup  # noqa: F401 - imported before the first paint needs it
    import studyreader.render.rows  # noqa: F401 - imported before the first paint needs it

    if render_cache.likely_hit():
        return
    import markdown  # noqa: F401 - imported before the first paint needs it
    import nh3  # noqa: F401 - imported before the first paint needs it

    import studyreader.notes  # noqa: F401 - imported before the first paint needs it
    import studyreader.programme.marks  # noqa: F401 - imported before the first paint needs it
    from studyreader.render import markup as render

    render.markdown_to_html("")  # builds the converter (imports its extensions) now
    import studyreader.translate.segment  # noqa: F401 - imported before the first paint needs it


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
    """Fusion's own light palette, with a calmer link blue."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QStyleFactory

    palette = QStyleFactory.create("Fusion").standardPalette()
    palette.setColor(QPalette.ColorRole.Link, QColor(30, 90, 180))
    return palette


def system_prefers_dark(app) -> bool:
    from PySide6.QtCore import Qt

    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app, theme: str | None, system_dark: bool | None = None) -> str:
    """Fusion with a light or dark palette; "system" follows the desktop's colour scheme
    (``system_dark`` when given, else Qt is asked)."""
    theme = theme if theme in options.THEME.choices else options.THEME.default
    effective = theme
    if theme == "system":
        dark = system_dark if system_dark is not None else system_prefers_dark(app)
        effective = "dark" if dark else "light"
    from PySide6.QtWidgets import QToolTip

    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    palette = dark_palette() if effective == "dark" else light_palette()
    app.setPalette(palette)
    QToolTip.setPalette(palette)  # tooltips keep a palette of their own, set once otherwise
    return effective


def create_app(qt_args: Sequence[str] = ()):
    from PySide6.QtWidgets import QApplication

    # Worker threads (translation, glossary) run Python too: hand the GIL back to the GUI thread
    # every millisecond instead of every 5 so that the window never waits on them.
    sys.setswitchinterval(0.001)
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0], *qt_args])
        app.setStyle("Fusion")
    prefer_chinese_fonts(app)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    # The window icon (an SVG: Qt loads its SVG plugin for it) is set by the main window right
    # after its first paint; see set_app_icon().
    return app


def prefer_chinese_fonts(app) -> None:
    """The interface font, then Simplified Chinese families for Chinese text (see ui.fonts)."""
    from PySide6.QtGui import QFontInfo

    from studyreader.ui.fonts import families_with_chinese

    font = app.font()
    primary = QFontInfo(font).family()  # the family actually used (the font may name an alias)
    font.setFamilies(families_with_chinese(primary))
    app.setFont(font)


def set_app_icon(app=None) -> None:
    """The application's icon, unless one is set already."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = app or QApplication.instance()
    if app is not None and app.windowIcon().isNull():
        app.setWindowIcon(QIcon(str(paths.app_icon())))


def initial_file(file: str | None, settings) -> Path:
    """The file given, else the last one opened (if it still exists), else the bundled sample."""
    if file:
        return Path(file)
    last = settings.last_file
    if last is not None and last.is_file():
        return last
    return paths.sample_notes()


def build_main_window(app, file: str | None, settings, *, theme: str | None = None):
    """Language, theme and the main window (not shown yet), as the application starts them.

    The window is staged (the reader paints first). A "system" theme follows the desktop's colour
    scheme, also when it changes while the application runs (the window recolours itself on the
    palette change).
    """
    from studyreader.ui import i18n
    from studyreader.ui.window.main_window import MainWindow

    i18n.apply_language(settings.language, app)
    apply_theme(app, theme or settings.theme)
    window = MainWindow(initial_file(file, settings), settings, staged=True)

    def scheme_changed(_scheme) -> None:
        chosen = theme or settings.theme
        if chosen == "system":
            apply_theme(app, chosen)

    hints = app.styleHints()
    hints.colorSchemeChanged.connect(scheme_changed)
    window.destroyed.connect(lambda: hints.colorSchemeChanged.disconnect(scheme_changed))
    return window


def pause_collector() -> None:
    """No cyclic garbage collection until the first paint (see :func:`start_app`)."""
    import gc

    gc.disable()


def resume_collector() -> None:
    """Collect again, with what start-up built (modules, classes, Qt's enums, the first screen)
    moved out of the collector's way: it lives as long as the app."""
    import gc

    gc.freeze()
    gc.enable()


COLLECTOR_WAIT_MS = 5000  # the deferred start-up's objects are frozen this long after the first paint at the latest


def resume_collector_after_start_up(window) -> None:
    """After the first paint: collect again, but no full collection until the deferred start-up is
    done (or a few seconds have passed); then freeze what it built too.

    What loads after the first paint (the translator's modules, the glossary and its matcher, the
    study widgets) is long-lived as well. A full collection while it was being built walked all of it
    with the interpreter lock held, in whichever worker thread set it off: 65-90 ms in which the window
    could not repaint (ui_stall_bench). Young collections still run meanwhile, so short-lived cyclic
    garbage is collected; what survives them is frozen with the rest.
    """
    import gc

    from PySide6.QtCore import QTimer

    young, middle, full = gc.get_threshold()
    resume_collector()
    gc.set_threshold(young, middle, 1_000_000)  # (the full generation waits)
    done = {"frozen": False}

    def freeze() -> None:
        if not done["frozen"]:
            done["frozen"] = True
            gc.freeze()
            gc.set_threshold(young, middle, full)

    if window.services_ready():
        freeze()
        return
    window.services.readied.connect(freeze)
    QTimer.singleShot(COLLECTOR_WAIT_MS, window, freeze)


def start_app(file: str | None = None, qt_args: Sequence[str] = (), *, theme: str | None = None):
    """Everything before the main window is shown: returns (application, window).

    The first screen's Python modules are imported first; then the application, the settings and
    the staged window (see build_main_window). Start-up creates tens of thousands of long-lived
    objects and almost no garbage: the cyclic collector waits until the window has painted.
    """
    pause_collector()
    preload_core()
    app = create_app(qt_args)
    from studyreader.ui.settings import Settings

    window = build_main_window(app, file, Settings(), theme=theme)
    window.first_paint.after(lambda: resume_collector_after_start_up(window))
    return app, window


def run_app(file: str | None, qt_args: Sequence[str] = (), *, theme: str | None = None) -> int:
    from studyreader.errors import StudyReaderError

    if file and not Path(file).is_file():
        raise StudyReaderError(f"{file}: no such file")
    app, window = start_app(file, qt_args, theme=theme)
    window.show()
    code = app.exec()
    from studyreader.ui.jobs import wait_for_jobs

    wait_for_jobs()  # no worker thread may still run Python while the interpreter shuts down
    del window
    return code
