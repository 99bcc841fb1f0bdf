"""Fixtures for the window tests: a copy of the sample notes, a small glossary, a window."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from studyreader import paths

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    target = tmp_path / "notes" / "sample-notes.md"
    target.parent.mkdir()
    shutil.copyfile(paths.sample_notes(), target)
    return target


@pytest.fixture
def test_glossary(tmp_path):
    from studyreader.glossary import load_glossary

    return load_glossary(bundled_dir=DATA, user_file=tmp_path / "user-glossary.toml")


@pytest.fixture
def settings(tmp_path):
    from studyreader.ui.settings import Settings

    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def make_window(qtbot, settings):
    """A main window without background services (no translator, no study widgets)."""
    from studyreader.ui.window.main_window import MainWindow

    def make(path: Path, **kwargs):
        kwargs.setdefault("restore_state", False)
        kwargs.setdefault("start_services", False)
        window = MainWindow(path, settings, **kwargs)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        window.reader.finish_build()
        return window

    return make


@pytest.fixture
def chinese(qapp):
    """The real Chinese translation, loaded as the Settings' language choice loads it."""
    from PySide6.QtCore import QLocale

    from studyreader.ui import i18n

    before = QLocale()  # the default locale the other tests run in (it sets the first day of the week)
    assert i18n.apply_language("zh_CN") == "zh_CN"
    yield
    i18n.remove_translators(qapp)
    QLocale.setDefault(before)
