"""File ▸ Open Recent: the last notes files, most recent first, vanished ones left out, Clear."""

from __future__ import annotations

import shutil

from PySide6.QtGui import QKeySequence

from studyreader.ui.settings import Settings


def _shown(window):
    """Open the menu the way its shortcut does; return it with its entries' texts."""
    window.action("recent").trigger()
    menu = window.actions_table.submenus["recent"]
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    menu.hide()
    return menu, texts


def test_open_recent_lists_the_last_files_and_opens_one(make_window, sample_copy, settings, qtbot, tmp_path):
    older, newer, gone = (tmp_path / name for name in ("older.md", "newer.md", "gone.md"))
    for path in (older, newer, gone):
        shutil.copyfile(sample_copy, path)
    for path in (older, gone, newer):
        settings.last_file = path
    gone.unlink()
    window = make_window(sample_copy)
    recent = window.action("recent")
    assert recent.menu() is window.actions_table.submenus["recent"]
    assert recent in window.actions_table.menus["file"].actions()
    assert recent.shortcut() == QKeySequence("Ctrl+Shift+O")
    assert recent.text() == "Open &Recent"

    menu, texts = _shown(window)
    assert texts == ["&1 newer.md", "&2 older.md", "&Clear the list"]  # most recent first, the vanished one left out
    assert menu.actions()[0].toolTip() == str(newer.resolve())
    assert str(gone.resolve()) in settings.value(Settings.RECENT_FILES)  # not forgotten: it may come back

    menu.actions()[1].trigger()
    qtbot.waitUntil(lambda: window.notes_path is not None and window.notes_path.name == "older.md", timeout=10000)

    [clear] = [action for action in menu.actions() if action.objectName() == "clearRecent"]
    clear.trigger()
    assert settings.recent_files == []
    _menu, texts = _shown(window)
    assert texts == ["No recent files", "&Clear the list"]
    assert not any(action.isEnabled() for action in _menu.actions() if not action.isSeparator())


def test_two_files_of_the_same_name_are_told_apart_by_their_folder(make_window, sample_copy, settings, tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copyfile(sample_copy, tmp_path / folder / "notes.md")
        settings.last_file = tmp_path / folder / "notes.md"
    window = make_window(sample_copy)
    _menu, texts = _shown(window)
    assert texts[0].startswith("&1 notes.md — ") and texts[0].endswith("b")
    assert texts[1].startswith("&2 notes.md — ") and texts[1].endswith("a")
