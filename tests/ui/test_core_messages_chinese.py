"""More of what the core refuses reaches the Chinese window in Chinese, naming the file (issue 14 item 8):
the glossary's refusals of a user-term edit, the editor's draft problems, an unusable settings file and
a notes file that is a FIFO. Each is the real condition; the command line keeps its English."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from studyreader import paths
from studyreader.notes.drafts import DraftStore
from tests.support.chinese import assert_chinese


def _answer_next_box(shown: list[str]) -> None:
    """Read the text of the message box the next call opens, then close it."""

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(50, read_and_close)

    QTimer.singleShot(50, read_and_close)


@pytest.fixture
def panel_with_dialog(make_window, sample_copy, test_glossary, monkeypatch):
    """The glossary panel, and ``fill(**fields)``: what the term dialog is filled with before OK."""
    from studyreader.ui.glossary.term_dialog import TermDialog

    window = make_window(sample_copy)
    window.set_glossary(test_glossary)
    filled: dict[str, str] = {}

    def fill_and_accept(dialog):
        for name, text in filled.items():
            getattr(dialog, f"{name}_edit").setText(text)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TermDialog, "exec", fill_and_accept)
    return window.glossary_panel, filled


def _refusal_of_add(panel, filled: dict, **fields: str) -> str:
    filled.clear()
    filled.update(fields)
    shown: list[str] = []
    _answer_next_box(shown)
    panel.add_term()
    assert len(shown) == 1
    return shown[0]


def test_a_term_that_exists_already_is_refused_in_chinese(chinese, panel_with_dialog):
    panel, filled = panel_with_dialog
    existing = panel.glossary.bundled[next(iter(panel.glossary.bundled))].id
    shown = _refusal_of_add(panel, filled, id=existing, en="Again")
    assert_chinese(shown, f"'{existing}'")
    assert shown == f"术语 '{existing}' 已经存在；请用“编辑”来修改它"


def test_a_plain_http_source_is_refused_in_chinese(chinese, panel_with_dialog):
    panel, filled = panel_with_dialog
    shown = _refusal_of_add(panel, filled, id="my-term", en="Mine", source="http://example.org/term")
    assert shown == "新术语 'my-term'：来源必须是 https:// 网址"
    assert not (paths.config_dir() / "glossary.toml").exists()  # nothing written


def test_a_user_glossary_that_is_a_folder_is_refused_in_chinese(chinese, panel_with_dialog):
    panel, filled = panel_with_dialog
    user_file = paths.config_dir() / "glossary.toml"
    user_file.mkdir(parents=True)  # a folder where the user's terms belong
    shown = _refusal_of_add(panel, filled, id="my-term", en="Mine")
    assert_chinese(shown, str(user_file))
    assert shown == f"{user_file}：无法读取：这是一个文件夹，不是文件；请先修正或删除这个文件，再修改用户术语"
    assert user_file.is_dir()


def test_the_command_line_keeps_english_for_a_refused_edit(tmp_path):
    from studyreader.errors import StudyReaderError
    from studyreader.glossary.user import add_term

    with pytest.raises(StudyReaderError) as refused:
        add_term({"id": "my-term", "en": "Mine", "source": "http://example.org"}, path=tmp_path / "g.toml")
    assert str(refused.value) == "new term 'my-term': source must be an https:// URL"


@pytest.fixture
def notes_file(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("<!-- Content_START -->\n### 2025.01.10\n旧的条目\n<!-- Content_END -->\n", encoding="utf-8")
    return path


def test_a_drafts_folder_that_is_a_file_is_said_in_chinese(chinese, make_editor, notes_file):
    folder = paths.data_dir() / "drafts"
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("not a folder", encoding="utf-8")
    editor = make_editor(notes_file)
    shown = editor.error_banner.label.text()
    assert_chinese(shown, str(folder))
    assert shown == f"草稿文件夹 {folder} 是一个文件，不是文件夹：未保存的文字无法保存为草稿"
    editor.set_text("今天的内容")
    editor.flush_draft()  # cannot be written either
    shown = editor.error_banner.label.text()
    assert_chinese(shown, str(folder))
    assert shown == f"无法写入草稿：草稿文件夹 {folder} 是一个文件，不是文件夹"


def test_a_draft_that_is_not_a_draft_is_said_in_chinese(chinese, make_editor, notes_file):
    target = DraftStore().path_for(notes_file)
    target.parent.mkdir(parents=True)
    target.write_text("[1, 2]", encoding="utf-8")
    editor = make_editor(notes_file)
    shown = editor.error_banner.label.text()
    aside = target.name + ".unreadable"
    assert_chinese(shown, str(target), aside)
    assert shown == f"草稿 {target} 无法读取（其中是 [1, 2]，不是草稿）；已移到 {aside}"
    assert (target.parent / aside).read_text(encoding="utf-8") == "[1, 2]"


def test_an_unusable_settings_file_is_said_in_chinese(chinese, qtbot, sample_copy, tmp_path):
    from studyreader.ui.settings import Settings
    from studyreader.ui.window.main_window import MainWindow

    settings_path = tmp_path / "settings.ini"
    settings_path.mkdir()  # a folder where the settings file belongs
    settings = Settings(settings_path)
    window = MainWindow(sample_copy, settings, restore_state=False, start_services=False)
    qtbot.addWidget(window)
    window.show()
    assert window.statusBar().currentMessage() == (
        f"{settings_path}：无法读取（这是一个文件夹，不是文件）；改用默认设置")
    with qtbot.waitSignal(settings.saveFailed) as failed:
        settings.theme = "dark"
    shown = window.statusBar().currentMessage()
    assert shown == failed.args[0]
    assert_chinese(shown, str(settings_path))
    assert shown.startswith(f"{settings_path}：设置无法保存（")
    assert settings_path.is_dir()


def test_the_command_line_keeps_english_for_an_unusable_settings_file(tmp_path):
    from studyreader.options import SettingsStore

    folder = tmp_path / "settings.ini"
    folder.mkdir()
    assert str(SettingsStore(folder).problem) == (
        f"{folder}: cannot be read (it is a folder, not a file); using the default settings")


def test_a_notes_file_that_is_a_fifo_is_refused_in_chinese(chinese, make_window, sample_copy, tmp_path):
    window = make_window(sample_copy)
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    shown: list[str] = []
    _answer_next_box(shown)
    assert not window.open_file(fifo)
    assert len(shown) == 1
    assert_chinese(shown[0], str(fifo))
    assert "不是普通文件（命名管道（FIFO））" in shown[0]
    assert window.notes_path == sample_copy


def test_a_damaged_review_database_is_said_in_chinese(chinese, make_window, sample_copy, qtbot, tmp_path,
                                                      monkeypatch):
    from studyreader.review.database import DB_FILENAME

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-packages"))
    database = paths.data_dir() / DB_FILENAME
    database.parent.mkdir(parents=True, exist_ok=True)
    database.write_bytes(b"\x00not a database" * 64)
    window = make_window(sample_copy, start_services=True)
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    qtbot.waitUntil(window.services_ready, timeout=30000)
    [aside] = [p for p in database.parent.iterdir() if p.name.startswith(f"{DB_FILENAME}.corrupt-")]
    [shown] = [text for text in said if str(database) in text]
    assert_chinese(shown, str(database), str(aside), "file is not a database")
    assert shown == (f"复习数据库 {database} 不是可读取的 SQLite 数据库（file is not a database）；"
                     f"已移到 {aside}，已新建一个空的")


def test_an_anki_export_into_a_missing_folder_is_refused_in_chinese(qtbot, tmp_path, chinese):
    from zoneinfo import ZoneInfo

    from studyreader.glossary import termbase
    from studyreader.notes import load_notes
    from studyreader.review import ReviewSession, ReviewStore, find_sightings
    from studyreader.review.cards import faces_for_sightings
    from studyreader.ui.study.review_dialog import ReviewDialog

    glossary, notes = termbase.default_glossary(), load_notes(paths.sample_notes())
    out = tmp_path / "no-such-folder" / "terms.apkg"
    store = ReviewStore.open(tmp_path / "review.sqlite3")  # open while the dialog lives (it words its counts)
    session = ReviewSession(store, glossary, ZoneInfo("Asia/Shanghai"), lang="zh")
    dialog = ReviewDialog(session, export_faces=lambda: faces_for_sightings(find_sightings(notes, glossary), glossary))
    qtbot.addWidget(dialog)
    dialog.export_to(out)
    qtbot.waitUntil(dialog.export_button.isEnabled, timeout=30000)
    assert_chinese(dialog.message, str(out.parent), "Anki")
    assert dialog.message.endswith(f"{out.parent}：文件夹不存在")
    assert not out.parent.exists()


def test_the_command_line_keeps_english_for_a_refused_anki_export(tmp_path):
    from studyreader.errors import StudyReaderError
    from studyreader.review.anki import export_apkg

    out = tmp_path / "no-such-folder" / "terms.apkg"
    with pytest.raises(StudyReaderError) as refused:
        export_apkg([], out)
    assert str(refused.value) == f"{out.parent}: no such folder"


def test_a_programme_override_with_an_unknown_zone_is_refused_in_chinese(chinese, qtbot, settings, sample_copy):
    from studyreader.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings, None, notes_path=sample_copy)
    qtbot.addWidget(dialog)
    fields = dialog.programme_group
    fields.zone_edit.setText("Mars/Olympus")
    dialog.accept()  # refused: the dialog says why and writes nothing
    shown = fields.problem.text()
    assert_chinese(shown, "'Mars/Olympus'", "Asia/Shanghai", "UTC+8")
    assert shown == "未保存：共学覆盖设置 timezone：'Mars/Olympus' 不是时区（例如 Asia/Shanghai 或 UTC+8）"
    assert settings.programme_override(sample_copy).is_empty()
    fields.start_edit.setText("2025-13-01")
    fields.zone_edit.setText("")
    dialog.accept()
    assert fields.problem.text() == "未保存：共学覆盖设置 start：'2025-13-01' 不是 YYYY-MM-DD 格式的日期"


def test_the_command_line_keeps_english_for_a_bad_override():
    from studyreader.programme import ProgrammeOverride

    with pytest.raises(ValueError) as refused:
        ProgrammeOverride.from_dict({"timezone": "Mars/Olympus"})
    assert str(refused.value) == (
        "programme override timezone: 'Mars/Olympus' is not a time zone (e.g. Asia/Shanghai or UTC+8)")
