"""The editor says only what is true and translates as the reader does (issue 14 items 1, 4, 6,
12, 14; issue 12 item 11): glossary aid and marks, banners that go when their reason goes, the
theme, the layout at small screens, the conflict diff, broken drafts."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTextEdit

from studyreader import paths
from studyreader.notes.drafts import DraftStore
from studyreader.ui import app as app_module
from studyreader.ui.editor.conflict import ConflictDialog
from studyreader.ui.editor.editor import EntryEditor
from studyreader.ui.editor.preview import DARK_TERM_BACKGROUND, LIGHT_TERM_BACKGROUND

SHANGHAI = ZoneInfo("Asia/Shanghai")
EVENING = datetime(2025, 1, 11, 21, 30, tzinfo=SHANGHAI)
ENTRY_DAY = datetime(2025, 1, 10, 22, 0, tzinfo=SHANGHAI)  # the sample's last entry is that day's


def git_pull_like_write(path: Path, text: str) -> None:
    temp = path.with_name(path.name + ".pull")
    temp.write_text(text, encoding="utf-8", newline="")
    os.replace(temp, path)


def wait_for_english(qtbot, editor):
    with qtbot.waitSignal(editor.translator.finished, timeout=20000):
        editor.translate_now()
    return editor.english_markdown()


# -- item 4: the glossary, as in the reader ----------------------------------------------------------

def test_live_english_uses_the_glossary_like_the_reader(make_editor, sample_copy, qtbot, use_tiny_argos,
                                                        test_glossary):
    editor = make_editor(sample_copy)
    editor.set_text("今天学习了排序器。")
    assert "Sequencer" not in wait_for_english(qtbot, editor)  # the tiny model alone knows no terms
    with qtbot.waitSignal(editor.translator.finished, timeout=20000):
        editor.set_glossary(test_glossary)  # translates again by itself, with the glossary's aid
    assert "Sequencer" in editor.english_markdown()


def test_preview_marks_glossary_terms_with_their_explanation(make_editor, sample_copy, qtbot, test_glossary):
    editor = make_editor(sample_copy)
    editor.set_glossary(test_glossary)
    editor.set_text("今天学习了排序器，还有欺诈证明。")
    qtbot.waitUntil(lambda: "排序器" in editor.preview.toPlainText(), timeout=3000)
    assert 'href="term:sequencer"' in editor.preview.toHtml()
    assert 'href="term:fault-proof"' in editor.preview.toHtml()
    cursor = editor.preview.document().find("排序器")
    cursor.setPosition(cursor.selectionStart() + 1)
    point = editor.preview.cursorRect(cursor).center()
    tip = editor.preview.tooltip_at(point)
    assert "Sequencer" in tip and "orders L2 transactions" in tip
    cursor = editor.preview.document().find("今天")
    assert editor.preview.tooltip_at(editor.preview.cursorRect(cursor).center()) == ""


# -- item 1 (the editor's part): the preview follows a theme switch --------------------------------

@pytest.fixture
def restore_palette(qapp):
    palette = QApplication.palette()
    yield
    QApplication.setPalette(palette)


def test_preview_follows_a_theme_switch(make_editor, sample_copy, qtbot, qapp, test_glossary, restore_palette):
    app_module.apply_theme(qapp, "light")
    editor = make_editor(sample_copy)
    editor.set_glossary(test_glossary)
    editor.set_text("排序器")
    qtbot.waitUntil(lambda: "排序器" in editor.preview.toPlainText(), timeout=3000)
    assert LIGHT_TERM_BACKGROUND in editor.preview.toHtml()
    app_module.apply_theme(qapp, "dark")
    qtbot.waitUntil(lambda: DARK_TERM_BACKGROUND in editor.preview.toHtml(), timeout=3000)
    assert LIGHT_TERM_BACKGROUND not in editor.preview.toHtml()
    dark_text = qapp.palette().text().color().name()
    assert f"color:{dark_text}" in editor.preview.toHtml().replace(" ", "")
    app_module.apply_theme(qapp, "light")
    qtbot.waitUntil(lambda: LIGHT_TERM_BACKGROUND in editor.preview.toHtml(), timeout=3000)


# -- item 6: every banner goes when its reason goes ------------------------------------------------

def test_the_disk_banner_goes_after_a_successful_save(make_editor, sample_copy, qtbot):
    editor = make_editor(sample_copy)
    editor.set_text("写了一半")
    with qtbot.waitSignal(editor.notesChangedOnDisk, timeout=5000):
        git_pull_like_write(sample_copy, sample_copy.read_text(encoding="utf-8") + "\n")
    assert editor.disk_banner.isVisible()
    assert editor.save()
    assert editor.text() == "" and not editor.disk_banner.isVisible()


def test_saving_will_ask_goes_when_edit_existing_is_switched_off(make_editor, sample_copy, qtbot):
    editor = make_editor(sample_copy, now=ENTRY_DAY)
    editor.edit_in_place_action.trigger()
    editor.set_text(editor.text() + "\n\n我的补充。")
    with qtbot.waitSignal(editor.notesChangedOnDisk, timeout=5000):
        git_pull_like_write(sample_copy, sample_copy.read_text(encoding="utf-8").replace("Retro Funding", "RetroPGF"))
    assert "ask" in editor.disk_banner.label.text()
    editor.edit_in_place_action.trigger()  # off: the added text will be appended, nothing replaced
    assert editor.text() == "我的补充。"
    assert not (editor.disk_banner.isVisible() and "ask" in editor.disk_banner.label.text())
    editor.set_text("")
    assert not editor.disk_banner.isVisible()  # no unsaved text: nothing to keep


def test_the_models_button_goes_once_a_model_is_installed(make_editor, sample_copy, qtbot, tmp_path, monkeypatch,
                                                          tiny_argos_package):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "empty-packages"))
    editor = make_editor(sample_copy)
    editor.set_text("今天学习了。")
    qtbot.waitUntil(lambda: editor.models_button.isVisible(), timeout=20000)
    # Installed from elsewhere (the window's menu, the command line): the next translation finds it.
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tiny_argos_package.packages_dir))
    with qtbot.waitSignal(editor.translator.finished, timeout=20000):
        editor.actions_list()[3].trigger()  # Translate Now
    assert not editor.models_button.isVisible()
    assert editor.english_markdown().strip()


def test_the_empty_save_error_goes_when_there_is_text(make_editor, sample_copy, qtbot):
    editor = make_editor(sample_copy)
    assert editor.save() is False and editor.error_banner.isVisible()
    editor.set_text("有内容了")
    assert not editor.error_banner.isVisible()


# -- item 14: the conflict shows what changed on disk -----------------------------------------------

def test_the_conflict_question_shows_a_compact_diff(make_editor, sample_copy, qtbot):
    editor = make_editor(sample_copy, now=ENTRY_DAY)
    editor.edit_in_place_action.trigger()
    editor.set_text(editor.text() + "\n\n我的补充。")
    pulled = sample_copy.read_text(encoding="utf-8").replace("Retro Funding", "RetroPGF")
    with qtbot.waitSignal(editor.notesChangedOnDisk, timeout=5000):
        git_pull_like_write(sample_copy, pulled)
    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConflictDialog)
        seen.append(dialog.diff_view.toPlainText())
        dialog.cancel_button.click()

    QTimer.singleShot(200, answer)
    assert editor.save() is False
    assert len(seen) == 1
    lines = seen[0].splitlines()
    assert [line[0] for line in lines if line[:1] in "+-"] == ["-", "+"]
    assert "Retro Funding" in lines[[line[0] for line in lines].index("-")]
    assert sample_copy.read_text(encoding="utf-8") == pulled
    assert editor.text().endswith("我的补充。")


# -- item 12: placeholders at 1366×768 and 1024×600 -------------------------------------------------

@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_placeholders_are_not_cut_at_small_screens(qtbot, sample_copy, size, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QTextEdit(window))
    editor = EntryEditor(sample_copy, None, window, now=lambda: EVENING)
    dock = QDockWidget(window)
    dock.setWidget(editor)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.resizeDocks([dock], [size[1] // 3], Qt.Orientation.Vertical)
    qtbot.wait(50)
    for pane in (editor.editor, editor.preview, editor.english):
        text = pane.placeholderText()
        # Qt draws a placeholder in one line's height: it must fit the pane's width whole.
        room = pane.viewport().width() - 2 * pane.document().documentMargin()
        assert len(text) > 10 and not text.endswith("…"), text
        assert pane.fontMetrics().horizontalAdvance(text) <= room, (text, room)
        assert pane.viewport().height() > 3 * pane.fontMetrics().height()
    header_right = editor.header.save_button.geometry().right()
    assert header_right <= editor.header.width()
    editor.shutdown()


# -- issue 12 item 11: broken drafts never stop the editor ------------------------------------------

def test_a_drafts_folder_that_is_a_file_is_reported(make_editor, sample_copy, qtbot):
    folder = paths.data_dir() / "drafts"
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("not a folder", encoding="utf-8")
    editor = make_editor(sample_copy)
    assert editor.isEnabled()
    assert editor.error_banner.isVisible()
    assert str(folder) in editor.error_banner.label.text() and "is a file" in editor.error_banner.label.text()
    editor.set_text("今天的内容")
    editor.flush_draft()  # cannot be written: said, not raised
    assert editor.error_banner.isVisible()
    assert editor.save()  # saving the entry itself still works
    assert folder.read_text(encoding="utf-8") == "not a folder"


def test_a_draft_holding_null_is_reported_and_kept_aside(make_editor, sample_copy, qtbot):
    store = DraftStore()
    target = store.path_for(sample_copy)
    target.parent.mkdir(parents=True)
    target.write_text("null", encoding="utf-8")
    editor = make_editor(sample_copy)
    assert editor.isEnabled() and editor.text() == ""
    message = editor.error_banner.label.text()
    assert editor.error_banner.isVisible() and target.name in message and "null" in message
    assert target.with_name(target.name + ".unreadable").read_text(encoding="utf-8") == "null"
    editor.set_text("新的草稿")
    editor.flush_draft()
    assert store.load(sample_copy).text == "新的草稿"
    assert not editor.error_banner.isVisible()  # the draft is kept again


def test_compact_diff_shows_changes_with_little_context():
    from studyreader.ui.editor.conflict import compact_diff

    before = "\n\n".join(f"第{i}段。" for i in range(1, 21)) + "\n\n--- 分隔"
    after = before.replace("第2段。", "第2段，改过。").replace("第15段。", "").replace("--- 分隔", "--- 新分隔")
    lines = compact_diff(before, after).splitlines()
    assert lines == [
        " 第1段。", "-第2段。", "+第2段，改过。", " 第3段。", "…",
        " 第14段。", "-第15段。", " 第16段。", "…",
        " 第20段。", "---- 分隔", "+--- 新分隔",
    ]
    assert compact_diff("a", "a") == ""
    many = compact_diff("\n".join(map(str, range(100))), "\n".join(f"x{i}" for i in range(100)), max_lines=10)
    assert len(many.splitlines()) == 11 and many.splitlines()[-1].startswith("… (+")


def test_the_editor_never_cancels_the_readers_translation(make_editor, sample_copy, qtbot, use_tiny_argos):
    from studyreader.translate.segment import segment_markdown
    from studyreader.ui.translation_service import TranslationService

    service = TranslationService()
    editor = make_editor(sample_copy, translation_service=service)
    reader_job = service.translate(segment_markdown("第一段讲排序器。\n\n第二段讲验证者。"))
    arrived = []
    reader_job.blockTranslated.connect(lambda index, _translation: arrived.append(index))
    editor.set_text("编辑器里的一句话。")
    with qtbot.waitSignal(reader_job.finished, timeout=20000):
        editor.translate_now()
        editor.maybe_close()  # the editor's job is dropped; the reader's goes on
    assert sorted(arrived) == [0, 1]
    editor.shutdown()
    assert not reader_job.is_active()
    service.shutdown()
