"""Fixtures for the window tests: a copy of the sample notes, a small glossary, a window, an editor."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from studyreader import paths

DATA = Path(__file__).resolve().parent / "data"
EVENING = datetime(2025, 1, 11, 21, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # the day after the sample's last entry


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


@pytest.fixture
def make_editor(qtbot):
    """``make(path, now=EVENING, width=1000, **kwargs)``: a shown editor whose clock stands at ``now``."""
    from studyreader.ui.editor.editor import EntryEditor

    made = []

    def make(path, now=EVENING, width=1000, **kwargs):
        editor = EntryEditor(notes_path=path, now=lambda: now, **kwargs)
        qtbot.addWidget(editor)
        editor.resize(width, 420 if width > 1000 else 400)
        editor.show()
        qtbot.waitExposed(editor)
        made.append(editor)
        return editor

    yield make
    for editor in made:
        editor.shutdown()
