"""What a user saw go wrong in the window (issue 14): the theme switched while a file is open, the
F1 list, the reader's place on a language switch, the entry list following the reader."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip

from studyreader.ui.app import apply_theme
from studyreader.ui.window.actions import shortcuts_html
from studyreader.ui.window.translation import TranslationState


def bright_share(widget) -> float:
    """The share of the widget's pixels that are near white."""
    image = widget.grab().toImage()
    values = [image.pixelColor(x, y).lightness()
              for x in range(1, image.width(), 5) for y in range(1, image.height(), 5)]
    return sum(1 for value in values if value > 200) / len(values)


@pytest.fixture
def light_afterwards(qapp):
    apply_theme(qapp, "light")
    yield
    apply_theme(qapp, "light")


def test_switching_the_theme_with_a_file_open_recolours_the_reader_and_the_banner(
        make_window, sample_copy, settings, qtbot, tmp_path, monkeypatch, light_afterwards):
    empty = tmp_path / "no-packages"
    empty.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(empty))
    settings.theme = "light"
    window = make_window(sample_copy, start_services=True)
    qtbot.waitUntil(lambda: window.translation_state() == TranslationState.NO_MODEL, timeout=60000)
    banner = window.status.no_model_banner
    assert banner.isVisible()
    assert bright_share(window.reader.viewport()) > 0.6  # light: mostly white

    settings.theme = "dark"  # Settings → Theme → Dark → OK
    qtbot.waitUntil(lambda: QApplication.instance().palette().color(QPalette.ColorRole.Base).lightness() < 128)
    qtbot.wait(50)
    window.reader.finish_build()
    text = window.reader.palette().color(QPalette.ColorRole.Text)
    assert text.lightness() > 180
    assert f"color: {text.name()}" in window.reader.document().defaultStyleSheet()
    # No light band is left: heading rows, the English column and the date bands are dark now.
    assert bright_share(window.reader.viewport()) < 0.05
    assert banner.grab().toImage().pixelColor(3, 3).lightness() < 100
    assert banner.label.palette().color(QPalette.ColorRole.WindowText).lightness() > 180
    assert QToolTip.palette().color(QPalette.ColorRole.ToolTipBase).lightness() < 100  # term tooltips too

    settings.theme = "light"  # and back
    qtbot.wait(50)
    window.reader.finish_build()
    assert bright_share(window.reader.viewport()) > 0.6
    assert banner.grab().toImage().pixelColor(3, 3).lightness() > 200


def test_the_keyboard_shortcut_list_has_every_command_once(make_window, sample_copy, qtbot, tmp_path, monkeypatch):
    empty = tmp_path / "no-packages"
    empty.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(empty))
    window = make_window(sample_copy, start_services=True)
    qtbot.waitUntil(window.services_ready, timeout=20000)
    window.action("editor").trigger()
    sections = window.actions_table.shortcut_sections()
    rows = [row for _title, section in sections for row in section]
    keys = [key for _text, joined in rows for key in joined.split(" / ")]
    assert len(keys) == len(set(keys)), "a key listed twice"
    for key in ("Ctrl+Shift+S", "Ctrl+Shift+X", "Ctrl+Shift+B", "Ctrl+S", "Ctrl+Shift+E", "Ctrl+Shift+P",
                "Ctrl+Shift+T", "F1", "F4", "Ctrl+1"):
        native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        assert native in keys, key
    texts = [text for text, _keys in rows]
    assert all(text and "&" not in text and not text[0].isdigit() for text in texts)  # the command, then its keys
    assert ("Open notes", QKeySequence(QKeySequence.StandardKey.Open).toString(
        QKeySequence.SequenceFormat.NativeText)) in rows
    # Every shortcut of the window, its timer's and its editor's is bound once (the clash test).
    seen: dict[str, str] = {}
    for action in window.all_actions():
        for shortcut in action.shortcuts():
            key = shortcut.toString(QKeySequence.SequenceFormat.PortableText)
            assert seen.setdefault(key, action.objectName()) == action.objectName(), key
    # F1 shows them.
    shown = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()

    QTimer.singleShot(100, read_and_close)
    window.action("shortcuts").trigger()
    assert shown and "Ctrl+Shift+B" in shown[0] and "Zoom in" in shown[0]


def test_the_entry_list_follows_the_entry_the_reader_shows(make_window, sample_copy, qtbot):
    window = make_window(sample_copy)
    assert window.action("mode_side").isChecked()  # the toolbar shows the reader's mode from the start
    window.resize(1000, 400)
    qtbot.wait(20)
    assert window.jump_to_date(dt.date(2025, 1, 8))
    assert window.navigator.list.currentItem().text().startswith("2025-01-08")
    entry = window.notes.entry_for(dt.date(2025, 1, 9))
    row = next(row for row, block in enumerate(window.reader.blocks) if block.start >= entry.start)
    window.reader.scroll_to_row(row)  # the user scrolls (no click in the list)
    qtbot.waitUntil(lambda: window.navigator.list.currentItem().text().startswith("2025-01-09"), timeout=2000)


def test_switching_the_interface_language_keeps_the_readers_place(make_window, qtbot):
    from studyreader import paths
    from studyreader.ui import i18n
    from tests.conftest import corpus_files

    files = corpus_files()
    if not files or not (paths.translations_dir() / "studyreader_zh_CN.qm").is_file():
        pytest.skip("corpus or translations not available")
    window = make_window(max(files, key=lambda p: p.stat().st_size))  # rebuilt in slices: takes a while
    window.resize(1366, 768)
    qtbot.wait(20)
    entries = sorted(window.notes.entries, key=lambda e: e.start)
    assert window.jump_to_date(entries[len(entries) // 2].date)
    qtbot.wait(200)
    top = window.reader.top_row()
    assert top > 50
    try:
        i18n.apply_language("zh_CN")  # as Settings → Language → OK does
        for wait in (10, 100, 300):
            qtbot.wait(wait)
            assert window.reader.top_row() == top, "the reader jumped while its rows were rebuilt"
        qtbot.waitUntil(window.reader.is_built, timeout=10000)
        assert window.reader.top_row() == top
    finally:
        i18n.apply_language("en")
    qtbot.waitUntil(window.reader.is_built, timeout=10000)
    qtbot.wait(50)
    assert window.reader.top_row() == top


def test_the_no_model_banner_goes_once_a_model_is_installed(make_window, sample_copy, qtbot, tmp_path, monkeypatch,
                                                           tiny_argos_package):
    empty = tmp_path / "no-packages"
    empty.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(empty))
    window = make_window(sample_copy, start_services=True)
    qtbot.waitUntil(lambda: window.translation_state() == TranslationState.NO_MODEL, timeout=60000)
    assert window.status.no_model_banner.isVisible()
    # A model is installed in the model manager (here: it appears where Argos looks) and the dialog says so.
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tiny_argos_package.packages_dir))

    def models_changed_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.modelsChanged.emit()
        dialog.reject()

    QTimer.singleShot(200, models_changed_and_close)
    window.status.install_button.click()
    assert not window.status.no_model_banner.isVisible()
    qtbot.waitUntil(lambda: window.translation_state() == TranslationState.DONE, timeout=120000)
    assert not window.status.no_model_banner.isVisible() and window.status.label.text() == "Translated"


def _listed_keys(window) -> list[str]:
    sections = window.actions_table.shortcut_sections()
    return [key for _title, rows in sections for _text, joined in rows for key in joined.split(" / ")]


def test_the_shortcut_list_is_complete_before_the_timer_and_the_editor_are_built(
        make_window, sample_copy, qtbot, tmp_path, monkeypatch):
    empty = tmp_path / "no-packages"
    empty.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(empty))
    window = make_window(sample_copy)  # the study widgets are not started yet
    assert window.services.timer_widget is None and window.editor is None  # F1 pressed at once
    early = _listed_keys(window)
    for key in ("Ctrl+Shift+S", "Ctrl+Shift+X", "Ctrl+Shift+B", "Ctrl+S", "Ctrl+Shift+E", "Ctrl+Shift+P",
                "Ctrl+Shift+T", "Ctrl+Shift+O", "F1", "F4", "Ctrl+1", "Ctrl+Shift+H"):
        assert QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) in early, key
    assert len(early) == len(set(early)), "a key listed twice"
    rows = dict(row for _title, section in window.actions_table.shortcut_sections() for row in section)
    assert rows["Start the timer"] == QKeySequence("Ctrl+Shift+S").toString(QKeySequence.SequenceFormat.NativeText)
    # the reader's sentence highlight has no action of its own, but its keys are listed
    assert rows["Pin the highlighted sentence"] == "Click"
    assert rows["Clear the pinned sentence"] == QKeySequence("Esc").toString(QKeySequence.SequenceFormat.NativeText)
    assert "Save Entry" in rows and "Focus/break cycles" in rows
    # once the timer and the editor are there, the list names the same keys, each once
    window.services.start()
    qtbot.waitUntil(window.services_ready, timeout=20000)
    window.action("editor").trigger()
    assert sorted(_listed_keys(window)) == sorted(early)
    # in two columns, the list fits a 600-pixel-high screen
    box = QMessageBox(QMessageBox.Icon.Information, "", shortcuts_html(window.actions_table.shortcut_sections()))
    qtbot.addWidget(box)
    assert box.sizeHint().height() <= 560
