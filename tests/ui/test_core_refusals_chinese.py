"""What the core refuses or warns about reaches the Chinese window in Chinese, naming the file:
the writer's refusals in the editor's error banner, a damaged user glossary in the glossary panel,
an unusable translation cache in the status bar (issue 14). The command line keeps its English."""

from __future__ import annotations

import pytest

from studyreader import paths
from studyreader.ui import i18n
from tests.support.chinese import assert_chinese


def _save_refused(editor, text: str) -> str:
    editor.set_text(text)
    assert editor.save() is False
    banner = editor.banners.error
    assert banner.isVisible()
    return banner.label.text()


def test_a_notes_file_without_markers_is_refused_in_chinese(chinese, make_editor, tmp_path):
    notes = tmp_path / "笔记.md"
    notes.write_text("### 2025.01.10\n旧的条目\n", encoding="utf-8")
    shown = _save_refused(make_editor(notes), "今天学习了排序器。")
    assert_chinese(shown, str(notes), "<!-- Content_START -->", "<!-- Content_END -->",
                   "<!-- NAME_START -->", "<!-- NAME_END -->", "StudyReader")
    assert "只在这样的标记之间写入条目" in shown
    assert notes.read_text(encoding="utf-8") == "### 2025.01.10\n旧的条目\n"  # nothing written


def test_a_text_that_would_break_the_file_is_refused_in_chinese(chinese, make_editor, tmp_path):
    notes = tmp_path / "notes.md"
    before = "<!-- Content_START -->\n### 2025.01.10\n旧的条目\n<!-- Content_END -->\n"
    notes.write_text(before, encoding="utf-8")
    editor = make_editor(notes)
    shown = _save_refused(editor, "第一行\n<!-- Content_END -->\n第三行")
    assert_chinese(shown, "<!-- Content_END -->")
    assert "文字第 2 行：含有标记注释" in shown
    shown = _save_refused(editor, "今天\n### 2025.01.12\n明天")
    assert_chinese(shown, "### 2025.01.12")
    assert notes.read_text(encoding="utf-8") == before


def test_a_notes_file_replaced_by_a_folder_is_refused_in_chinese(chinese, make_editor, tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("<!-- Content_START -->\n### 2025.01.10\n旧的条目\n<!-- Content_END -->\n", encoding="utf-8")
    editor = make_editor(notes)
    notes.unlink()
    notes.mkdir()  # between opening and saving, something put a folder in its place
    shown = _save_refused(editor, "今天学习了排序器。")
    assert_chinese(shown, str(notes))
    assert "这是一个文件夹，不是笔记文件" in shown


def test_the_command_line_keeps_english_for_the_same_refusal(tmp_path):
    from studyreader.notes import NotesError, append_entry

    notes = tmp_path / "notes.md"
    notes.write_text("### 2025.01.10\nold\n", encoding="utf-8")
    with pytest.raises(NotesError) as refused:
        append_entry(notes, "new", "2025-01-11")
    assert str(refused.value) == (
        f"{notes}: no <!-- Content_START --> … <!-- Content_END --> marker pair "
        "(or any <!-- NAME_START --> … <!-- NAME_END --> pair); StudyReader writes entries only between such markers"
    )


@pytest.fixture
def user_glossary():
    """``write(text)``: the user's glossary file with ``text``, read again by the process's glossary
    (and, afterwards, the glossary without it)."""
    from studyreader.glossary import default_glossary

    user_file = paths.config_dir() / "glossary.toml"

    def write(text: str):
        user_file.parent.mkdir(parents=True, exist_ok=True)
        user_file.write_text(text, encoding="utf-8")
        default_glossary(reload=True)
        return user_file

    yield write
    user_file.unlink(missing_ok=True)
    default_glossary(reload=True)


def _window_with_user_glossary(make_window, sample_copy, qtbot, user_glossary, text: str):
    user_file = user_glossary(text)
    window = make_window(sample_copy, start_services=True)
    qtbot.waitUntil(lambda: window.glossary_panel.glossary is not None, timeout=20000)
    return window, user_file


def test_problems_of_a_damaged_user_glossary_are_chinese_in_the_panel(chinese, make_window, sample_copy, qtbot,
                                                                       user_glossary, tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-packages"))
    window, user_file = _window_with_user_glossary(make_window, sample_copy, qtbot, user_glossary, (
        '[[term]]\nid = "my-term"\nen = "Mine"\naliases_en = "not a list"\ncolour = "red"\n\n'
        '[[term]]\nid = "Bad Id"\nen = "Bad"\n'))
    status = window.glossary_panel.status
    assert status.isVisible()
    shown = status.text()
    assert_chinese(shown, str(user_file), "aliases_en", "'colour'", "'Bad Id'")
    assert f"{user_file}：第 1 行：aliases_en 必须是字符串列表" in shown
    assert f"{user_file}：第 7 行：id 'Bad Id' 只能包含小写字母" in shown

    i18n.apply_language("en")  # a language switch words them again
    window.glossary_panel.retranslateUi()
    assert f"{user_file}: line 1: aliases_en must be a list of strings" in status.text()


def test_a_user_glossary_that_is_not_toml_is_reported_in_chinese(chinese, make_window, sample_copy, qtbot,
                                                                  user_glossary, tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-packages"))
    window, user_file = _window_with_user_glossary(make_window, sample_copy, qtbot, user_glossary,
                                                   'hidden = ["evm"]\n\n[[term]]\nid = "x"\nen = "broken\n')
    shown = window.glossary_panel.status.text()
    # the TOML parser's own words stay quoted in brackets; the sentence around them is Chinese
    assert shown.startswith(f"{user_file}：第 5 行不是有效的 TOML（")
    assert shown.endswith("）；已跳过用户术语")


def test_an_unusable_translation_cache_is_said_in_chinese(chinese, make_window, sample_copy, use_tiny_argos, qtbot):
    cache_folder = paths.cache_dir()
    cache_home = cache_folder.parent  # the user's cache folder (XDG_CACHE_HOME): a file, by mistake
    cache_home.rmdir()
    cache_home.write_text("a file where the cache folders belong", encoding="utf-8")
    window = make_window(sample_copy, start_services=True)
    messages: list[str] = []  # what the status bar showed (a later message may replace the warning)
    window.statusBar().messageChanged.connect(messages.append)
    with qtbot.waitSignal(window.translation.cacheWarning, timeout=120000) as said:
        pass
    shown = next((m for m in messages if "translations.sqlite3" in m), window.statusBar().currentMessage())
    assert_chinese(shown, str(cache_folder / "translations.sqlite3"))
    assert shown.endswith("无法使用（路径中的某一部分是文件，不是文件夹）；改用临时缓存")
    assert str(said.args[0]).startswith(f"translation cache {cache_folder / 'translations.sqlite3'} cannot be used")
