"""The interface language: StudyReader's own .qm files plus Qt's qtbase ones.

The system locale decides unless the user picked a language in the settings.
Installing a translator makes Qt send ``QEvent.LanguageChange`` to every
widget, so widgets that retranslate in ``changeEvent`` switch at run time.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from studyreader import paths

SUPPORTED = ("en", "zh_CN")
FALLBACK = "en"

# Native names: a user who cannot read the current language still finds his own.
NATIVE_NAMES = {"en": "English", "zh_CN": "简体中文"}

# The translators currently installed, kept referenced so Python does not collect them.
_installed: list[QTranslator] = []
_current: str | None = None


def system_language(locale: QLocale | None = None) -> str:
    """The supported language closest to the system locale."""
    locale = locale if locale is not None else QLocale.system()
    if locale.language() == QLocale.Language.Chinese:
        return "zh_CN"
    for name in locale.uiLanguages():
        if name.lower().startswith("zh"):
            return "zh_CN"
    return FALLBACK


def resolve_language(setting: str | None, locale: QLocale | None = None) -> str:
    """What to show: the setting when it names a supported language, else the system's."""
    if setting in SUPPORTED:
        return setting
    return system_language(locale)


def qm_path(language: str):
    return paths.translations_dir() / f"studyreader_{language}.qm"


def current_language() -> str | None:
    """The language last installed by :func:`apply_language` (None before)."""
    return _current


def apply_language(setting: str | None, app: QCoreApplication | None = None) -> str:
    """Install the translators for ``setting`` ("" = system) and return the language used.

    Replaces the translators this module installed before; widgets receive
    ``LanguageChange`` and retranslate themselves.
    """
    global _current
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("apply_language needs a QCoreApplication")
    language = resolve_language(setting)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()

    own = QTranslator(app)
    if own.load(str(qm_path(language))):
        _installed.append(own)
    if language != "en":  # Qt's own strings are English already (there is no qtbase_en)
        from PySide6.QtCore import QLibraryInfo

        qt_base = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_base.load(QLocale(language), "qtbase", "_", qt_dir):
            _installed.append(qt_base)
    for translator in _installed:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    _current = language
    return language


def remove_translators(app: QCoreApplication | None = None) -> None:
    """Uninstall what :func:`apply_language` installed (the source strings show again)."""
    global _current
    app = app or QCoreApplication.instance()
    if app is not None:
        for translator in _installed:
            app.removeTranslator(translator)
    _installed.clear()
    _current = None
