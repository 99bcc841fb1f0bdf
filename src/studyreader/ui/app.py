"""Starts the desktop application: language, theme, the main window.

Nothing heavy is imported here: the translator and the glossary matcher are
loaded by the window after it is shown, in worker threads.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from studyreader import APP_ID, APP_NAME, __version__, options, paths

_FUSION_FROM_ARGUMENTS: dict = {}  # the QApplication create_app made with Fusion as its style


def preload_core() -> None:
    """Import the plain-Python modules the first paint needs BEFORE PySide6.

    Once PySide6 is loaded, it inspects the source of every module imported after
    it (for its ``__feature__`` switches); these need no such check. A file shown
    before comes from the start-up cache (:mod:`studyreader.render.first_screen`) and
    needs neither Python-Markdown, nh3, the notes parser nor the segmenter before
    its first paint; only when the cache will likely miss are they imported here.
    """
    import studyreader.render.first_screen as render_cache
    import studyreader.render.markup  # noqa: F401
    import studyreader.render.rows  # noqa: F401

    if render_cache.likely_hit():
        return
    import markdown  # noqa: F401
    import nh3  # noqa: F401

    import studyreader.notes  # noqa: F401
    import studyreader.notes.verdict  # noqa: F401
    from studyreader.render import markup as render

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


# Fusion's own light palette (QStyleFactory.create("Fusion").standardPalette(), checked by a test),
# written out so that start-up need not create and wrap a QStyle to read it. Ints are greys in
# 16 bits per channel (Fusion derives those shades at that precision).
_FUSION_LIGHT = {
    "WindowText": "#ff000000", "Button": "#ffefefef", "Light": "#ffffffff", "Midlight": 51972,
    "Dark": 40948, "Mid": 47248, "Text": "#ff000000", "BrightText": "#ffffffff",
    "ButtonText": "#ff000000", "Base": "#ffffffff", "Window": "#ffefefef", "Shadow": 30331,
    "Highlight": "#ff308cc6", "HighlightedText": "#ffffffff", "Link": "#ff0000ff", "LinkVisited": "#ffff00ff",
    "AlternateBase": "#fff7f7f7", "NoRole": "#ff000000", "ToolTipBase": "#ffffffdc", "ToolTipText": "#ff000000",
    "PlaceholderText": "#80000000", "Accent": "#ff308cc6",
}
_FUSION_LIGHT_DISABLED = {
    "WindowText": "#ffbebebe", "Dark": "#ffbebebe", "Text": "#ffbebebe", "ButtonText": "#ffbebebe",
    "Base": "#ffefefef", "Shadow": 45496, "Highlight": "#ff919191", "Accent": "#ff919191",
}


def fusion_light_palette():
    """Fusion's standard light palette."""
    from PySide6.QtGui import QColor, QPalette

    def colour(value) -> QColor:
        return QColor.fromRgba64(value, value, value, 65535) if isinstance(value, int) else QColor(value)

    palette = QPalette()
    groups = QPalette.ColorGroup
    for name, value in _FUSION_LIGHT.items():
        role = getattr(QPalette.ColorRole, name, None)
        if role is None:
            continue  # a role this Qt does not have (Accent before 6.6)
        for group in (groups.Active, groups.Inactive):
            palette.setColor(group, role, colour(value))
        palette.setColor(groups.Disabled, role, colour(_FUSION_LIGHT_DISABLED.get(name, value)))
    return palette


def light_palette():
    from PySide6.QtGui import QColor, QPalette

    palette = fusion_light_palette()
    palette.setColor(QPalette.ColorRole.Link, QColor(30, 90, 180))
    return palette


def system_prefers_dark(app) -> bool:
    try:
        from PySide6.QtCore import Qt

        return app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    except AttributeError:  # Qt < 6.5
        return False


def apply_theme(app, theme: str | None, system_dark: bool | None = None) -> str:
    """Fusion with a light or dark palette; "system" follows the desktop's colour scheme
    (``system_dark`` when given, else Qt is asked)."""
    theme = theme if theme in options.THEME.choices else options.THEME.default
    effective = theme
    if theme == "system":
        dark = system_dark if system_dark is not None else system_prefers_dark(app)
        effective = "dark" if dark else "light"
    if app is not _FUSION_FROM_ARGUMENTS.get("app"):
        app.setStyle("Fusion")
    app.setPalette(dark_palette() if effective == "dark" else light_palette())
    return effective


def create_app(qt_args: Sequence[str] = ()):
    from PySide6.QtWidgets import QApplication

    # Worker threads (translation, glossary) run Python too: hand the GIL back to the GUI thread
    # every millisecond instead of every 5 so that the window never waits on them.
    sys.setswitchinterval(0.001)
    app = QApplication.instance()
    if app is None:
        # Fusion from the start (as ``-style Fusion`` does): apply_theme need not set it again,
        # which would hand the QStyle to Python and cost start-up time.
        app = QApplication([sys.argv[0], "-style", "Fusion", *qt_args])
        _FUSION_FROM_ARGUMENTS["app"] = app
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

    The window is staged (the reader paints first). A "system" theme starts with the desktop's
    colour scheme as last seen: asking Qt for it creates the Python enums of the whole ``Qt``
    namespace (about 10 ms), so that question waits for the first paint, and only a desktop that
    changed its scheme since the last run repaints.
    """
    from studyreader.ui import i18n
    from studyreader.ui.window.main_window import MainWindow

    i18n.apply_language(settings.language, app)
    chosen = theme or settings.theme
    seen = settings.seen_system_scheme if chosen == "system" else ""
    apply_theme(app, chosen, system_dark=(seen == "dark") if seen else None)
    window = MainWindow(initial_file(file, settings), settings, staged=True)
    if chosen == "system":

        def follow_the_desktop() -> None:
            dark = system_prefers_dark(app)
            if seen and dark != (seen == "dark"):
                apply_theme(app, chosen, system_dark=dark)
            settings.seen_system_scheme = "dark" if dark else "light"

            def scheme_changed(_scheme) -> None:
                settings.seen_system_scheme = "dark" if system_prefers_dark(app) else "light"
                apply_theme(app, settings.theme if theme is None else chosen)

            try:
                app.styleHints().colorSchemeChanged.connect(scheme_changed)
            except AttributeError:
                pass

        window.after_first_paint(follow_the_desktop)
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


def start_app(file: str | None = None, qt_args: Sequence[str] = (), *, theme: str | None = None):
    """Everything before the main window is shown: returns (application, window).

    The first screen's Python modules are imported first; then the application, the settings and
    the staged window (see build_main_window). Start-up creates tens of thousands of long-lived
    objects and almost no garbage: the cyclic collector (some fifty passes over them, about 4 ms)
    waits until the window has painted.
    """
    pause_collector()
    preload_core()
    app = create_app(qt_args)
    from studyreader.ui.settings import Settings

    window = build_main_window(app, file, Settings(), theme=theme)
    window.after_first_paint(resume_collector)
    return app, window


def run_app(file: str | None, qt_args: Sequence[str] = (), *, theme: str | None = None) -> int:
    from studyreader.errors import StudyReaderError

    if file and not Path(file).is_file():
        raise StudyReaderError(f"{file}: no such file")
    app, window = start_app(file, qt_args, theme=theme)
    window.show()
    code = app.exec()
    del window
    return code
