"""Where StudyReader keeps and finds things.

Every per-user path comes from platformdirs, so that the app behaves like a
native citizen on Linux, macOS and Windows (and tests can redirect it with the
XDG_* variables). Bundled resources are found both in a source checkout
(``resources/`` beside ``src/``) and in an installed wheel
(``studyreader/resources``).
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from studyreader import APP_ID

_PACKAGE_DIR = Path(__file__).resolve().parent


def config_dir() -> Path:
    """Settings and the user's own glossary."""
    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False))


def data_dir() -> Path:
    """The study log and editor drafts."""
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def cache_dir() -> Path:
    """The translation cache: safe to delete."""
    return Path(platformdirs.user_cache_dir(APP_ID, appauthor=False))


def _bundled(name: str) -> Path:
    installed = _PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent.parent / name


def resources_dir() -> Path:
    """The bundled resources: sample notes, icon, glossaries."""
    return _bundled("resources")


def translations_dir() -> Path:
    """Compiled Qt Linguist files for the interface language."""
    return _bundled("translations")


def sample_notes() -> Path:
    """The notes file the app opens when it is given none."""
    return resources_dir() / "sample-notes.md"


def app_icon() -> Path:
    return resources_dir() / "studyreader.svg"
