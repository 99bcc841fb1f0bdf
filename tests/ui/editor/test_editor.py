"""The entry editor: saving, changes on disk, drafts, live translation."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from studyreader import paths
from studyreader.notes import load_notes
from studyreader.notes.drafts import DraftStore
from studyreader.ui.editor.editor import EntryEditor

SHANGHAI = ZoneInfo("Asia/Shanghai")
EVENING = datetime(2025, 1, 11, 21, 30, tzinfo=SHANGHAI)  # the day after the sample's last entry
ENTRY = "**Fault proofs**\n\n今天读了 `FaultDisputeGame` 的代码。\n\n- 挑战期 7 天\n- 二分游戏"


def fixed_now():
    return EVENING


def type_text(qtbot, editor, text):
    editor.editor.setFocus()
    editor.editor.insertPlainText(text)


def press_ctrl_s(qtbot, editor):
    with qtbot.waitActive(editor):
        editor.activateWindow()
    editor.editor.setFocus()
    qtbot.keyClick(editor.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def split_change(old: str, new: str) -> tuple[str, str, str]:
    """(common prefix, what new inserts, common suffix) — asserts that nothing was removed."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    removed = old[prefix : len(old) - suffix]
    assert removed == "", f"the save removed text: {removed!r}"
    return old[:prefix], new[prefix : len(new) - suffix], old[len(old) - suffix :]


def test_header_shows_today_in_the_files_zone(make_editor, sample_copy):
    editor = make_editor(sample_copy)
    assert editor.entry_date == date(2025, 1, 11)
    assert "2025" in editor.date_label.text() and "11" in editor.date_label.text()
    assert "Asia/Shanghai" in editor.state_label.text()
    # Just after midnight in Shanghai is already the next day there, whatever the local zone.
    late = make_editor(sample_copy, now=datetime(2025, 1, 11, 16, 30, tzinfo=ZoneInfo("UTC")))
    assert late.entry_date == date(2025, 1, 12)


def test_ctrl_s_appends_exactly_the_new_entry(make_editor, sample_copy, qtbot):
    before = sample_copy.read_bytes()
    editor = make_editor(sample_copy)
    type_text(qtbot, editor, ENTRY)
    assert editor.is_modified()
    with qtbot.waitSignal(editor.entrySaved, timeout=3000) as saved:
        press_ctrl_s(qtbot, editor)
    result = saved.args[0]
    assert result.date == date(2025, 1, 11) and result.created

    after = sample_copy.read_bytes()
    _, inserted, _ = split_change(before.decode("utf-8"), after.decode("utf-8"))
    assert inserted.strip() == "### 2025.01.11\n\n" + ENTRY
    notes = load_notes(sample_copy)
    assert [e.date for e in notes.entries][-1] == date(2025, 1, 11)
    assert notes.entry_for(date(2025, 1, 11)).content.strip() == ENTRY
    assert notes.entries[-1].line == result.line
    # The editor is ready for more, and no draft is left behind.
    assert editor.text() == ""
    assert not editor.is_modified()
    assert DraftStore().load(sample_copy) is None


def test_saving_again_adds_to_the_same_entry(make_editor, sample_copy, qtbot):
    editor = make_editor(sample_copy)
    type_text(qtbot, editor, "第一段。")
    assert editor.save()
    type_text(qtbot, editor, "第二段。")
    assert "Adds to the existing entry" in editor.state_label.text()
    assert editor.save()
    notes = load_notes(sample_copy)
    assert len(notes.entries_for(date(2025, 1, 11))) == 1
    assert notes.entry_for(date(2025, 1, 11)).content.strip() == "第一段。\n\n第二段。"


def test_empty_text_is_not_saved(make_editor, sample_copy, qtbot):
    before = sample_copy.read_bytes()
    editor = make_editor(sample_copy)
    type_text(qtbot, editor, "  \n ")
    assert editor.save() is False
    assert editor.error_banner.isVisible()
    assert sample_copy.read_bytes() == before


def test_a_refused_save_keeps_the_text_and_says_why(make_editor, tmp_path, qtbot):
    notes = tmp_path / "no-markers.md"
    notes.write_text("# 笔记\n\n没有标记。\n", encoding="utf-8")
    before = notes.read_bytes()
    editor = make_editor(notes)
    type_text(qtbot, editor, "今天的内容")
    messages = []
    editor.statusMessage.connect(messages.append)
    assert editor.save() is False
    assert notes.read_bytes() == before
    assert editor.text() == "今天的内容"
    assert editor.error_banner.isVisible()
    assert "no-markers.md" in editor.error_banner.label.text()
    assert messages and "no-markers.md" in messages[-1]
    assert DraftStore().load(notes).text == "今天的内容"  # the draft is written at once


def type_with_input_method(widget, words, qtbot=None, pause_ms=0):
    """Chinese arrives as input-method commits, one word at a time, as with a real IME."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    for word in words:
        event = QInputMethodEvent()
        event.setCommitString(word)
        QCoreApplication.sendEvent(widget, event)
        if qtbot is not None and pause_ms:
            qtbot.wait(pause_ms)


def git_pull_like_write(path: Path, text: str) -> None:
    """Replace the file the way git and many editors do: new file, rename over the old one."""
    temp = path.with_name(path.name + ".pull")
    temp.write_text(text, encoding="utf-8", newline="")
    os.replace(temp, path)


def test_change_on_disk_while_editing_loses_nothing(make_editor, sample_copy, qtbot):
    editor = make_editor(sample_copy)
    type_text(qtbot, editor, ENTRY)

    pulled = sample_copy.read_text(encoding="utf-8").replace(
        "明天计划：读 Superchain 的互操作性文档。",
        "明天计划：读 Superchain 的互操作性文档。\n\n（补充）今天又看了 Superchain 的 interop 规范。",
    )
    with qtbot.waitSignal(editor.notesChangedOnDisk, timeout=5000) as changed:
        git_pull_like_write(sample_copy, pulled)
    assert Path(changed.args[0]) == sample_copy.resolve()
    assert editor.text() == ENTRY
    assert editor.disk_banner.isVisible()

    # The watcher survives the rename: a second change is noticed too.
    pulled_twice = pulled.replace("# 示例学员", "# 示例学员（已更新）")
    with qtbot.waitSignal(editor.notesChangedOnDisk, timeout=5000):
        git_pull_like_write(sample_copy, pulled_twice)

    assert editor.save()
    final = sample_copy.read_text(encoding="utf-8")
    _, inserted, _ = split_change(pulled_twice, final)
    assert inserted.strip() == "### 2025.01.11\n\n" + ENTRY
    assert "（补充）今天又看了 Superchain 的 interop 规范。" in final
    assert "# 示例学员（已更新）" in final


def test_own_save_is_not_reported_as_a_change_on_disk(make_editor, sample_copy, qtbot):
    editor = make_editor(sample_copy)
    reports = []
    editor.notesChangedOnDisk.connect(reports.append)
    type_text(qtbot, editor, ENTRY)
    assert editor.save()
    qtbot.wait(600)
    assert reports == []


CRASHING_EDITOR = """
import sys, time
from datetime import datetime
from zoneinfo import ZoneInfo
from PySide6.QtWidgets import QApplication
from studyreader.notes.drafts import DraftStore
from studyreader.ui.editor.editor import EntryEditor

app = QApplication([])
notes = sys.argv[1]
editor = EntryEditor(notes, now=lambda: datetime(2025, 1, 11, 21, 30, tzinfo=ZoneInfo("Asia/Shanghai")))
editor.show()
editor.editor.insertPlainText(sys.argv[2])
deadline = time.monotonic() + 20
while DraftStore().load(notes) is None and time.monotonic() < deadline:
    app.processEvents()  # the autosave runs by itself every few seconds
    time.sleep(0.05)
print("draft written", flush=True)
time.sleep(60)  # killed here, before any orderly close
"""


def test_draft_recovered_after_a_crash(make_editor, sample_copy, qtbot):
    import signal
    import subprocess
    import sys

    before = sample_copy.read_bytes()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    process = subprocess.Popen(
        [sys.executable, "-c", CRASHING_EDITOR, str(sample_copy), ENTRY], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert process.stdout.readline().strip() == "draft written"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    assert sample_copy.read_bytes() == before
    store = DraftStore()
    assert store.path_for(sample_copy).parent == paths.data_dir() / "drafts"

    second = make_editor(sample_copy)
    assert second.text() == ENTRY
    assert second.is_modified()
    assert second.recovery_banner.isVisible()
    assert "2025" in second.recovery_banner.label.text()
    assert second.save()
    assert load_notes(sample_copy).entry_for(date(2025, 1, 11)).content.strip() == ENTRY
    assert store.load(sample_copy) is None


def test_recovered_draft_can_be_discarded(make_editor, sample_copy, qtbot):
    first = make_editor(sample_copy)
    type_text(qtbot, first, "不要了")
    first.flush_draft()
    second = make_editor(sample_copy)
    assert second.text() == "不要了"
    second.discard_draft_button.click()
    assert second.text() == ""
    assert not second.recovery_banner.isVisible()
    assert DraftStore().load(sample_copy) is None


def test_maybe_close_keeps_unsaved_text_as_a_draft(make_editor, sample_copy, qtbot):
    editor = make_editor(sample_copy)
    type_text(qtbot, editor, "关窗口前写的")
    assert editor.maybe_close() is True
    assert DraftStore().load(sample_copy).text == "关窗口前写的"


def test_each_file_keeps_its_own_draft(make_editor, sample_copy, tmp_path, qtbot):
    other = tmp_path / "other.md"
    shutil.copy(sample_copy, other)
    editor = make_editor(sample_copy)
    type_text(qtbot, editor, "第一个文件")
    editor.set_notes_path(other)
    assert editor.text() == ""
    type_text(qtbot, editor, "第二个文件")
    editor.set_notes_path(sample_copy)
    assert editor.text() == "第一个文件"
    editor.set_notes_path(other)
    assert editor.text() == "第二个文件"


def test_edit_existing_entry_in_place(make_editor, sample_copy, qtbot):
    before = sample_copy.read_text(encoding="utf-8")
    editor = make_editor(sample_copy, now=datetime(2025, 1, 10, 22, 0, tzinfo=SHANGHAI))
    assert editor.edit_in_place_action.isEnabled()
    editor.edit_in_place_action.trigger()
    assert editor.mode == "replace"
    assert editor.text().startswith("**治理**")
    assert not editor.is_modified()
    old, new = "明天计划：读 Superchain 的互操作性文档。", "明天计划：读 Superchain 的文档。"
    editor.set_text(editor.text().replace(old, new))
    assert editor.is_modified()
    assert editor.save()
    after = sample_copy.read_text(encoding="utf-8")
    assert after == before.replace("明天计划：读 Superchain 的互操作性文档。", "明天计划：读 Superchain 的文档。")
    assert editor.mode == "replace" and not editor.is_modified()


def test_in_place_edit_asks_before_replacing_a_changed_entry(make_editor, sample_copy, qtbot):
    editor = make_editor(sample_copy, now=datetime(2025, 1, 10, 22, 0, tzinfo=SHANGHAI))
    editor.edit_in_place_action.trigger()
    editor.set_text(editor.text() + "\n\n我的补充。")
    asked = []
    editor.confirm_overwrite = lambda diff: asked.append(diff) or False
    pulled = sample_copy.read_text(encoding="utf-8").replace("Retro Funding", "RetroPGF")
    with qtbot.waitSignal(editor.notesChangedOnDisk, timeout=5000):
        git_pull_like_write(sample_copy, pulled)
    assert editor.save() is False
    assert len(asked) == 1
    # What changed on disk, compactly: the old line removed, the new one added, little else.
    diff_lines = asked[0].splitlines()
    assert any(line.startswith("-") and "Retro Funding" in line for line in diff_lines)
    assert any(line.startswith("+") and "RetroPGF" in line for line in diff_lines)
    assert len(diff_lines) <= 8
    assert sample_copy.read_text(encoding="utf-8") == pulled
    assert editor.text().endswith("我的补充。")


def test_toggling_in_place_off_keeps_only_the_new_text(make_editor, sample_copy, qtbot):
    editor = make_editor(sample_copy, now=datetime(2025, 1, 10, 22, 0, tzinfo=SHANGHAI))
    type_text(qtbot, editor, "新写的一段。")
    editor.edit_in_place_action.trigger()
    assert editor.text().startswith("**治理**") and editor.text().endswith("新写的一段。")
    editor.edit_in_place_action.trigger()
    assert editor.mode == "append"
    assert editor.text() == "新写的一段。"


def test_every_editor_action_has_a_shortcut_and_text(make_editor, sample_copy):
    editor = make_editor(sample_copy)
    shortcuts = [action.shortcut().toString() for action in editor.actions_list()]
    assert all(shortcuts), shortcuts
    assert len(set(shortcuts)) == len(shortcuts)
    assert editor.save_action.shortcut().toString() == "Ctrl+S"
    assert all(action.text() for action in editor.actions_list())


def test_preview_renders_markdown_safely(make_editor, sample_copy, qtbot):
    editor = make_editor(sample_copy)
    type_text(qtbot, editor, "**粗体** <script>alert(1)</script> [x](javascript:alert(1))")
    qtbot.waitUntil(lambda: "粗体" in editor.preview.toPlainText(), timeout=2000)
    html = editor.preview.toHtml()
    assert "alert(1)</script>" not in html
    assert "javascript:" not in html
    assert "font-weight" in html  # the bold survived


# --- live translation with the tiny real Argos package ---------------------------------------------

def test_typing_fast_triggers_one_translation(make_editor, sample_copy, qtbot, use_tiny_argos):
    editor = make_editor(sample_copy)
    started = []
    editor.translator.started.connect(started.append)
    # A word every 150 ms: well under the 600 ms pause, so still one translation at the end.
    type_with_input_method(editor.editor, ["今天", "学习了", "乐观汇总", "和", "欺诈证明", "。"], qtbot, 150)
    assert started == []  # nothing before the pause
    with qtbot.waitSignal(editor.translator.finished, timeout=20000):
        pass
    assert editor.translator.requests == 1 and len(started) == 1
    english = editor.english_markdown()
    assert english.strip() and english.strip() != "今天学习了乐观汇总和欺诈证明。"
    assert editor.english.toPlainText().strip()
    assert editor.models_button.isHidden()
    # Nothing changed: pressing "translate" again after a pause costs nothing new from the model.
    qtbot.wait(800)
    assert editor.translator.requests == 1


def test_only_changed_blocks_reach_the_model(make_editor, sample_copy, qtbot, use_tiny_argos):
    editor = make_editor(sample_copy)
    editor.set_text("第一段讲排序器。\n\n第二段讲验证者。")
    with qtbot.waitSignal(editor.translator.finished, timeout=20000):
        editor.translate_now()
    first = editor.translator.last_stats
    assert first.model_calls == 2
    editor.set_text("第一段讲排序器。\n\n第二段讲验证者。\n\n第三段讲跨链桥。")
    with qtbot.waitSignal(editor.translator.finished, timeout=20000):
        editor.translate_now()
    second = editor.translator.last_stats
    assert second.cache_hits == 2 and second.model_calls == 1
    assert editor.english_markdown().count("\n\n") == 2  # three blocks, in place


def test_no_model_says_how_to_get_one(make_editor, sample_copy, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "empty-packages"))
    editor = make_editor(sample_copy)
    type_text(qtbot, editor, "今天学习了。")
    qtbot.waitUntil(lambda: editor.models_button.isVisible(), timeout=20000)
    assert "model" in editor.english.toPlainText().lower()
    assert editor.text() == "今天学习了。"  # typing and the text are unaffected


def test_constructor_the_main_window_uses_shares_its_watcher(qtbot, sample_copy):
    from PySide6.QtWidgets import QWidget

    from studyreader.ui.file_watcher import NotesFileWatcher
    from studyreader.ui.settings import Settings
    from studyreader.ui.translation_service import TranslationService

    host = QWidget()
    qtbot.addWidget(host)
    watcher = NotesFileWatcher(host)
    watcher.watch(sample_copy)
    service = TranslationService(parent=host)
    editor = EntryEditor(sample_copy, Settings(), host, watcher=watcher, translation_service=service, now=fixed_now)
    assert editor.parent() is host and editor.notes_path == sample_copy.resolve()
    assert editor.isEnabled() and editor.entry_date == date(2025, 1, 11)
    with pytest.raises(TypeError):
        EntryEditor(sample_copy, Settings(), host, watcher)  # the shared parts are keyword-only
    # The window's watcher tells the editor of a change on disk; the editor's own save is not one.
    type_text(qtbot, editor, "窗口共用的监视器")
    with qtbot.waitSignal(editor.notesChangedOnDisk, timeout=5000):
        git_pull_like_write(sample_copy, sample_copy.read_text(encoding="utf-8") + "\n")
    reports = []
    watcher.changed.connect(reports.append)
    assert editor.save()
    qtbot.wait(600)
    assert reports == []
    editor.shutdown()


def test_without_a_notes_file_the_editor_waits_for_one(qtbot, sample_copy):
    editor = EntryEditor(now=fixed_now)
    qtbot.addWidget(editor)
    assert editor.notes_path is None and not editor.isEnabled()
    assert editor.date_label.text() == "No notes file"
    editor.set_notes_path(sample_copy)
    assert editor.isEnabled() and editor.entry_date == date(2025, 1, 11)
    editor.shutdown()


def test_only_web_links_open_from_the_preview(make_editor, sample_copy, qtbot, monkeypatch):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    editor = make_editor(sample_copy)
    for address in ("https://docs.optimism.io/", "file:///etc/passwd", "javascript:alert(1)", "http://"):
        editor.preview.anchorClicked.emit(QUrl(address))
    assert opened == ["https://docs.optimism.io/"]


def test_text_typed_for_an_unreadable_file_still_gets_a_draft(make_editor, tmp_path, qtbot):
    notes = tmp_path / "latin1.md"
    notes.write_bytes("<!-- Content_START -->\n### 2025.01.11\ncaf\xe9\n<!-- Content_END -->\n".encode("latin-1"))
    editor = make_editor(notes)
    assert editor.error_banner.isVisible() and "latin1.md" in editor.error_banner.label.text()
    type_text(qtbot, editor, "今天的内容不能丢")
    assert editor.save() is False
    editor.flush_draft()
    assert DraftStore().load(notes).text == "今天的内容不能丢"
    assert notes.read_bytes().endswith(b"<!-- Content_END -->\n")


def test_in_place_edit_inside_a_wrapped_entry_keeps_the_markers(make_editor, tmp_path, qtbot):
    notes = tmp_path / "wrapped.md"
    original = (
        "---\r\ntimezone: Asia/Shanghai\r\n---\r\n<!-- Content_START -->\r\n"
        "### 2025-01-11\r\n"
        "<!-- DAILY_CHECKIN_2025-01-11_START -->\r\n"
        "旧的第一行\r\n\r\n旧的第二行\r\n"
        "<!-- DAILY_CHECKIN_2025-01-11_END -->\r\n"
        "<!-- Content_END -->\r\n"
    )
    notes.write_bytes(original.encode("utf-8"))
    editor = make_editor(notes)
    editor.edit_in_place_action.trigger()
    assert editor.text() == "旧的第一行\n\n旧的第二行"
    editor.set_text("新的第一行\n\n旧的第二行")
    assert editor.save()
    assert notes.read_bytes().decode("utf-8") == original.replace("旧的第一行", "新的第一行")
