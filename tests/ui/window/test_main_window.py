"""The main window: layout, navigation, shortcuts, state, theme."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from studyreader.render import rows as rows_mod
from studyreader.ui.window.translation import TranslationState


def test_sample_opens_with_navigator_and_aligned_reader(make_window, sample_copy):
    window = make_window(sample_copy)
    assert window.notes is not None and window.windowTitle().startswith("sample-notes.md")
    dates = window.navigator.dates()
    assert dates == sorted((e.date for e in window.notes.entries), reverse=True)
    assert dates[0] == dt.date(2025, 1, 10)
    assert window.reader.is_built()
    for row in range(window.reader.row_count()):
        assert abs(window.reader.cell_rect(row, "zh").top() - window.reader.cell_rect(row, "en").top()) <= 1


def test_navigator_click_jumps_to_the_entry(make_window, sample_copy, qtbot):
    window = make_window(sample_copy)
    window.resize(1000, 400)
    qtbot.wait(20)
    target = dt.date(2025, 1, 9)
    item = window.navigator.item_for(target)
    rect = window.navigator.list.visualItemRect(item)
    qtbot.mouseClick(window.navigator.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    entry = window.notes.entry_for(target)
    row = rows_mod.row_at_offset(window.reader.blocks, entry.start)
    assert window.reader.blocks[row].source.startswith("### 2025.01.09")
    assert window.reader.top_row() == row
    assert window.reader.verticalScrollBar().value() > 0
    # Alt+Up goes to the entry before it
    window.step_entry(-1)
    assert window.reader.blocks[window.reader.top_row()].source.startswith("### 2025.01.08")


def test_every_action_has_a_shortcut_and_shortcuts_are_unique(make_window, sample_copy):
    window = make_window(sample_copy)
    actions = window.all_actions()
    assert len(actions) >= 20
    seen: dict[str, str] = {}
    for action in actions:
        assert action.shortcuts(), f"no shortcut: {action.objectName()} {action.text()!r}"
        assert action.text(), action.objectName()
        for shortcut in action.shortcuts():
            key = shortcut.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in seen or seen[key] == action.objectName(), (key, seen.get(key), action.objectName())
            seen[key] = action.objectName()
    for key in ("Ctrl+=", "Ctrl+-", "Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "F4"):
        assert key in seen, key


def test_mode_shortcuts_switch_the_reader(make_window, sample_copy, qtbot):
    window = make_window(sample_copy)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.mode == "interleaved"
    qtbot.keyClick(window.reader, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.mode == "zh"
    qtbot.keyClick(window.reader, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.mode == "side"
    size = window.reader.font().pointSizeF()
    qtbot.keyClick(window.reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.font().pointSizeF() > size
    qtbot.keyClick(window.reader, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.font().pointSizeF() == pytest.approx(size)


def test_state_is_remembered(make_window, sample_copy, settings, qtbot):
    from studyreader.ui.window.main_window import MainWindow

    window = make_window(sample_copy, restore_state=True)
    window.resize(760, 560)  # fits the offscreen screen (800x800): restoreGeometry clamps to the screen
    qtbot.wait(10)
    window.set_mode("interleaved")
    window.splitter.setSizes([150, 400, 180])
    window.zoom_in()
    sizes = window.splitter.sizes()
    window.close()
    assert settings.last_file == sample_copy.resolve()
    again = MainWindow(sample_copy, settings, restore_state=True, start_services=False)
    qtbot.addWidget(again)
    again.show()
    assert again.reader.mode == "interleaved" and again.action("mode_interleaved").isChecked()
    assert again.reader.zoom == 1
    assert again.size() == window.size()
    assert again.splitter.sizes() == sizes
    again.close()
    # As the application opens it: the side panes come after the first paint, into the same sizes.
    staged = MainWindow(sample_copy, settings, restore_state=True, start_services=False, staged=True)
    qtbot.addWidget(staged)
    staged.show()
    assert staged.splitter.sizes() == sizes
    qtbot.waitUntil(staged.side_panes_built, timeout=5000)
    assert staged.splitter.sizes() == sizes
    # A pane dragged shut stays shut when the staged window builds it (its minimum width aside).
    shut = [0, sizes[0] + sizes[1], sizes[2]]
    staged.splitter.setSizes(shut)
    shut = staged.splitter.sizes()
    assert shut[0] == 0
    staged.close()
    reopened = MainWindow(sample_copy, settings, restore_state=True, start_services=False, staged=True)
    qtbot.addWidget(reopened)
    reopened.show()
    qtbot.waitUntil(reopened.side_panes_built, timeout=5000)
    assert reopened.splitter.sizes() == shut


def test_hidden_side_panes_stay_hidden_next_time(make_window, sample_copy, settings, qtbot):
    from studyreader.ui.window.main_window import MainWindow

    window = make_window(sample_copy, restore_state=True)
    window.action("glossary").trigger()  # F10: hide the glossary sidebar
    assert window.glossary_panel.isHidden() and window.navigator.isVisible()
    window.close()
    again = MainWindow(sample_copy, settings, restore_state=True, start_services=False, staged=True)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(again.side_panes_built, timeout=5000)
    assert again.glossary_panel.isHidden() and not again.action("glossary").isChecked()
    assert again.navigator.isVisible() and again.action("navigator").isChecked()
    again.action("glossary").trigger()
    assert again.glossary_panel.isVisible()


def test_external_change_reloads_the_reader(make_window, sample_copy, qtbot):
    window = make_window(sample_copy)
    text = sample_copy.read_text(encoding="utf-8")
    text = text.replace("<!-- Content_END -->",
                        "### 2025.01.11\n\n新的一天：读了 Superchain 的文档。\n\n<!-- Content_END -->")
    sample_copy.write_text(text, encoding="utf-8")  # like `git pull`
    with qtbot.waitSignal(window.notesReloaded, timeout=5000):
        pass
    window.reader.finish_build()
    assert dt.date(2025, 1, 11) in window.navigator.dates()
    assert "新的一天" in window.reader.toPlainText()


def test_unreadable_file_is_explained_not_raised(make_window, sample_copy, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    window = make_window(sample_copy)
    bad = tmp_path / "<b>binary.md"  # a file name is shown as it is, never as markup
    bad.write_bytes(b"\x00\x01\x02\xff\xfe" * 100)
    shown = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append((box.text(), box.textFormat()))
            box.accept()

    QTimer.singleShot(100, read_and_close)
    assert not window.open_file(bad)
    assert shown and "<b>binary.md" in shown[0][0] and shown[0][1] == Qt.TextFormat.PlainText
    assert window.notes_path == sample_copy


def test_dark_theme_renders_dark(make_window, sample_copy, qtbot):
    from studyreader.ui.app import apply_theme

    app = QApplication.instance()
    old_palette, old_style = app.palette(), app.style().name()
    try:
        apply_theme(app, "dark")
        window = make_window(sample_copy)
        qtbot.wait(20)
        image = window.reader.viewport().grab().toImage()
        samples = [image.pixelColor(x, y).lightness()
                   for x in range(5, image.width(), 37) for y in range(5, image.height(), 29)]
        assert sum(samples) / len(samples) < 90
        text = window.reader.palette().color(window.reader.palette().ColorRole.Text)
        assert text.lightness() > 180
        assert f"color: {text.name()}" in window.reader.document().defaultStyleSheet()
    finally:
        app.setPalette(old_palette)
        app.setStyle(old_style)


def test_translation_fills_the_english_column_off_the_gui_thread(make_window, sample_copy, use_tiny_argos, qtbot):
    """The real worker with the tiny real Argos package: every translatable row gets its English."""
    window = make_window(sample_copy, start_services=True)
    assert window.reader.pending_rows()  # Chinese first, English later
    with qtbot.waitSignal(window.translationFinished, timeout=120000):
        pass
    qtbot.waitUntil(lambda: not window.reader.has_pending_work(), timeout=10000)
    assert window.translation_state() == TranslationState.DONE
    assert window.reader.pending_rows() == []
    assert not window.status.no_model_banner.isVisible()
    english = [window.reader.translation(row) for row in range(window.reader.row_count())]
    assert all(text for text in english)
    # identifiers and code come through untouched, rows stay aligned after the English arrived
    assert any("L1StandardBridge" in text for text in english)
    window.reader.finish_build()
    for row in range(window.reader.row_count()):
        assert abs(window.reader.cell_rect(row, "zh").top() - window.reader.cell_rect(row, "en").top()) <= 1


def test_no_model_installed_says_how_to_get_one(make_window, sample_copy, tmp_path, monkeypatch, qtbot):
    empty = tmp_path / "no-packages"
    empty.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(empty))
    window = make_window(sample_copy, start_services=True)
    with qtbot.waitSignal(window.translationFinished, timeout=60000):
        pass
    assert window.translation_state() == TranslationState.NO_MODEL
    banner = window.status.no_model_banner
    assert banner.isVisible() and "model" in banner.label.text().lower()
    assert window.status.label.text() == "No translation model"
    window.reader.finish_build()
    assert "—" in window.reader.toPlainText()  # the pending rows say there is nothing to wait for
    # The banner's button opens the model manager (closed again as soon as it shows).
    shown = []

    def close_dialog():
        dialog = QApplication.activeModalWidget()
        shown.append(dialog.objectName() if dialog is not None else None)
        if dialog is not None:
            dialog.reject()

    QTimer.singleShot(200, close_dialog)
    window.status.install_button.click()
    assert shown and shown[0] is not None


def test_language_switch_changes_menu_texts(make_window, sample_copy):
    from studyreader import paths
    from studyreader.ui import i18n

    if not (paths.translations_dir() / "studyreader_zh_CN.qm").is_file():
        pytest.skip("translations not compiled")
    window = make_window(sample_copy)
    def texts():
        return (window.actions_table.menus["file"].title(), window.action("open").text(),
                window.action("mode_side").text())

    english = texts()
    try:
        i18n.apply_language("zh_CN")
        QApplication.processEvents()
        chinese = texts()
        assert all(a != b for a, b in zip(english, chinese)), chinese
        assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese[0] + chinese[1])
    finally:
        i18n.apply_language("en")
        QApplication.processEvents()
    assert texts() == english


def test_the_evening_write_and_save_the_entry_in_the_editor_dock(make_window, sample_copy, qtbot):
    window = make_window(sample_copy)
    before = sample_copy.read_text(encoding="utf-8")
    window.action("editor").trigger()  # F4
    assert window.editor is not None and window.editor_dock.isVisible()
    day = window.editor.entry_date
    window.editor.set_text("今天读了 Superchain 的互操作性文档，理解了排序器的作用。")
    with qtbot.waitSignal(window.notesReloaded, timeout=10000):
        assert window.editor.save()
    after = sample_copy.read_text(encoding="utf-8")
    assert "今天读了 Superchain 的互操作性文档" in after and len(after) > len(before)
    assert day in window.navigator.dates()
    window.reader.finish_build()
    assert "今天读了 Superchain 的互操作性文档" in window.reader.toPlainText()
    # the editor's own actions joined the window's and keep their shortcuts
    names = {action.objectName() for action in window.all_actions()}
    assert all(action.shortcuts() for action in window.all_actions()), names
    window.action("editor").trigger()
    assert not window.editor_dock.isVisible()


def test_habit_view_opens_and_jumps(make_window, sample_copy, qtbot):
    window = make_window(sample_copy)
    window.action("habit").trigger()
    if window.services.habit_dialog is None:
        pytest.skip("habit view not available")
    assert window.services.habit_dialog.isVisible()
    view = window.services.habit_dialog.view
    window.resize(1000, 400)
    qtbot.wait(10)
    view.dayActivated.emit(dt.date(2025, 1, 8))
    assert window.reader.blocks[window.reader.top_row()].source.startswith("### 2025.01.08")
    window.services.habit_dialog.close()


def test_window_command_line_accepts_a_forced_theme(monkeypatch):
    from studyreader import cli
    from studyreader.ui import app as app_module

    calls = []
    monkeypatch.setattr(app_module, "run_app", lambda file, qt_args, theme=None: calls.append((file, theme)) or 0)
    assert cli.main(["--theme", "dark"]) == 0
    assert cli.main(["notes.md", "--theme", "light"]) == 0
    assert calls == [(None, "dark"), ("notes.md", "light")]


def test_visible_blocks_are_translated_first(make_window, use_tiny_argos, qtbot):
    from tests.conftest import corpus_files

    files = corpus_files()
    if not files:
        pytest.skip("corpus not available")
    largest = max(files, key=lambda p: p.stat().st_size)
    window = make_window(largest)
    window.resize(1000, 500)
    entries = sorted(window.notes.entries, key=lambda e: e.start)
    assert window.jump_to_date(entries[-3].date)  # far down the file
    pending = set(window.reader.pending_rows())
    visible = {window.reader.blocks[row].index for row in window.reader.visible_rows() if row in pending}
    assert visible
    translatable = [window.reader.blocks[row].index for row in sorted(pending)]
    before_visible = translatable.index(min(visible, key=translatable.index))
    arrived: list[int] = []  # first arrival of each block with sentences, from whichever job

    def record(index, result) -> None:
        if result.sentences and index not in arrived:
            arrived.append(index)

    def follow_the_job(state, _detail) -> None:  # a scroll or a reflow may restart it, visible rows first
        if state == TranslationState.RUNNING:
            window.translation.job.blockTranslated.connect(record)

    window.translation.stateChanged.connect(follow_the_job)
    with qtbot.waitSignal(window.translationFinished, timeout=180000):
        window.start_translation()
    assert visible <= set(arrived)
    # Blocks far down the file, but on screen, arrive long before the document order would reach
    # them (a restarted job brings the blocks already done back from the cache; each block counts at
    # its first arrival, so a restart under load cannot make the order look better or worse).
    last_visible = max(arrived.index(key) for key in visible)
    assert before_visible > 100, before_visible
    assert last_visible < before_visible // 2, (last_visible, before_visible)
    window.translation.service.shutdown()


def test_notes_warnings_are_shown_in_the_status_bar(make_window, tmp_path):
    notes = tmp_path / "dup.md"
    notes.write_text(
        "<!-- Content_START -->\n### 2025.01.06\n第一天\n### 2025.01.06\n又写了一次\n<!-- Content_END -->\n",
        encoding="utf-8",
    )
    window = make_window(notes)
    assert window.notes.warnings
    assert window.statusBar().currentMessage().startswith(str(window.notes.warnings[0]))
    assert window.navigator.dates() == [dt.date(2025, 1, 6)]


def test_a_crash_draft_opens_the_editor_with_it(make_window, sample_copy, qtbot):
    from studyreader.notes.drafts import Draft, DraftStore

    DraftStore().save(Draft(notes_path=str(sample_copy), date=dt.date(2025, 1, 11), text="崩溃前没保存的笔记"))
    window = make_window(sample_copy)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor_dock.isVisible(), timeout=5000)
    assert window.editor.text() == "崩溃前没保存的笔记"
    assert window.editor.recovery_banner.isVisible()


def test_no_draft_leaves_the_editor_closed(make_window, sample_copy, qtbot):
    window = make_window(sample_copy)
    qtbot.wait(100)
    assert window.editor_dock is None or not window.editor_dock.isVisible()


# -- the window's first size -------------------------------------------------------------------------
def test_the_default_size_fits_a_smaller_screen():
    from studyreader.ui.window.panes import DEFAULT_SIZE, fitted_size

    assert fitted_size(DEFAULT_SIZE, (1920, 1050)) == (1280, 800)
    width, height = fitted_size(DEFAULT_SIZE, (1366, 738))  # a laptop's free area under its panel
    assert width == 1280 and height < 738 - 30, "room for the title bar"
    assert fitted_size(DEFAULT_SIZE, (800, 800)) == (760, 736)
    assert fitted_size(DEFAULT_SIZE, (0, 0)) == DEFAULT_SIZE, "no screen known"


def test_a_narrower_window_narrows_the_side_panes_before_the_reader():
    from studyreader.ui.window.panes import GLOSSARY_WIDTHS, NAVIGATOR_WIDTHS, pane_widths

    assert pane_widths(1280) == (210, 770, 300)
    navigator, reader, glossary = pane_widths(760)
    assert (navigator, glossary) == (NAVIGATOR_WIDTHS[1], GLOSSARY_WIDTHS[1]) and reader == 760 - 130 - 270
    assert pane_widths(1920) == (210, 1410, 300), "a wider window gives the reader the rest"
    assert pane_widths(100)[1] == 0


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_side_panes_need_no_more_than_the_width_kept_for_them(sample_copy, settings, qtbot, language):
    """The places kept before the panes are built start at the panes' least widths: a pane that
    needed more would push the reader aside when it comes (a narrow window shows it)."""
    from studyreader.ui import i18n
    from studyreader.ui.window.main_window import MainWindow
    from studyreader.ui.window.panes import GLOSSARY_WIDTHS, NAVIGATOR_WIDTHS

    i18n.apply_language(language)
    try:
        window = MainWindow(sample_copy, settings, restore_state=False, start_services=False)
        qtbot.addWidget(window)
        assert window.navigator.minimumSizeHint().width() <= NAVIGATOR_WIDTHS[1]
        assert window.glossary_panel.minimumSizeHint().width() <= GLOSSARY_WIDTHS[1]
    finally:
        i18n.apply_language("en")


def test_a_first_window_fits_the_screen_and_the_reader_is_its_widest_pane(sample_copy, settings, qtbot):
    """(That the reader does not move when the panes come is checked by the start-up test, whose
    offscreen screen, 800×800, makes the window narrower than the default.)"""
    from PySide6.QtGui import QGuiApplication

    from studyreader.ui.window.main_window import MainWindow

    window = MainWindow(sample_copy, settings, restore_state=False, start_services=False, staged=True)
    qtbot.addWidget(window)
    free = QGuiApplication.primaryScreen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()
    window.show()
    qtbot.waitUntil(window.side_panes_built)
    sizes = window.splitter.sizes()
    assert sizes[1] > sizes[0] and sizes[1] > sizes[2], sizes
