"""The interface language: complete Chinese, compiled files that load, switching at run time."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialogButtonBox

from studyreader import paths
from studyreader.ui import i18n

TS_ZH = paths.translations_dir() / "studyreader_zh_CN.ts"
TS_EN = paths.translations_dir() / "studyreader_en.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")
CJK = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]")  # Chinese characters or full-width punctuation ("；")
SAME_IN_CHINESE = {"Markdown"}  # names that Chinese users read as they are


def messages(ts_path):
    root = ET.parse(ts_path).getroot()
    for context in root.iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            yield name, message


@pytest.fixture
def english_afterwards(qapp):
    yield
    i18n.remove_translators(qapp)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_every_chinese_message_is_translated():
    seen = 0
    problems = []
    for context, message in messages(TS_ZH):
        seen += 1
        source = message.find("source").text or ""
        translation = message.find("translation")
        where = f"{context}: {source!r}"
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where} is {translation.get('type')}")
            continue
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in translation.iter("numerusform")]
            texts = forms
        else:
            texts = [translation.text or ""]
        for text in texts:
            if not text.strip():
                problems.append(f"{where} has an empty translation")
            elif set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(source)):
                problems.append(f"{where}: placeholders differ in {text!r}")
            elif "&" in source.replace("&&", "") and "&" not in text:
                problems.append(f"{where}: the keyboard accelerator (&) is missing in {text!r}")
            elif CJK.search(text) is None and source not in SAME_IN_CHINESE:
                problems.append(f"{where}: not Chinese: {text!r}")
    assert seen > 100
    assert problems == []


def test_english_file_gives_plural_forms():
    plural = [(c, m) for c, m in messages(TS_EN) if m.get("numerus") == "yes"]
    assert plural
    for context, message in plural:
        forms = [f.text or "" for f in message.find("translation").iter("numerusform")]
        assert len(forms) == 2 and all("%n" in f for f in forms), (context, forms)


def test_compiled_files_exist_beside_their_sources():
    for ts in (TS_ZH, TS_EN):
        qm = ts.with_suffix(".qm")
        assert qm.is_file(), f"{qm} missing: run pyside6-lrelease"
        assert qm.stat().st_size > 0


def test_loading_the_qm_changes_a_menu_text(qapp, english_afterwards):
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert i18n.apply_language("zh_CN") == "zh_CN"
    assert i18n.current_language() == "zh_CN"
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    assert QCoreApplication.translate("EntryEditor", "&Save Entry") == "保存条目(&S)"
    assert QCoreApplication.translate("EntryEditor", "%n character(s)", "", 3) == "3 个字"
    i18n.apply_language("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert QCoreApplication.translate("EntryEditor", "%n character(s)", "", 1) == "1 character"
    assert QCoreApplication.translate("EntryEditor", "%n character(s)", "", 3) == "3 characters"


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("zh_CN", "en_US", "zh_CN"),
        ("en", "zh_CN", "en"),
        ("", "zh_CN", "zh_CN"),
        ("", "zh_TW", "zh_CN"),
        ("", "zh_HK", "zh_CN"),
        ("", "en_GB", "en"),
        ("", "de_DE", "en"),
        ("fr", "zh_CN", "zh_CN"),  # an unknown setting falls back to the system
    ],
)
def test_system_locale_decides_unless_the_setting_overrides(setting, system, expected):
    assert i18n.resolve_language(setting, QLocale(system)) == expected


def test_switching_at_run_time_retranslates_open_widgets(qapp, qtbot, tmp_path, english_afterwards):
    import shutil

    from studyreader.ui.dialogs.settings_dialog import SettingsDialog
    from studyreader.ui.editor.editor import EntryEditor
    from studyreader.ui.settings import Settings

    notes = tmp_path / "notes.md"
    shutil.copy(paths.sample_notes(), notes)
    editor = EntryEditor(notes_path=notes)
    qtbot.addWidget(editor)
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert editor.save_button.text() == "Save Entry"
    assert dialog.windowTitle() == "Settings"
    assert cancel.text() == "Cancel"

    i18n.apply_language("zh_CN")
    qapp.processEvents()
    assert editor.save_button.text() == "保存条目"
    assert editor.save_action.text() == "保存条目(&S)"
    assert editor.date_label.text().endswith("的条目")
    assert dialog.windowTitle() == "设置"
    assert cancel.text() == "取消"  # Qt's own strings come from qtbase_zh_CN.qm

    i18n.apply_language("en")
    qapp.processEvents()
    assert editor.save_button.text() == "Save Entry"
    assert dialog.windowTitle() == "Settings"
    editor.shutdown()


def test_choosing_a_language_in_the_settings_dialog_applies_it(qapp, qtbot, tmp_path, english_afterwards):
    """The dialog stores the choice; the window applies it at once (as it does the theme)."""
    import shutil

    from studyreader.ui.dialogs.settings_dialog import SettingsDialog
    from studyreader.ui.settings import Settings
    from studyreader.ui.window.main_window import MainWindow

    notes = tmp_path / "notes.md"
    shutil.copy(paths.sample_notes(), notes)
    settings = Settings()
    window = MainWindow(notes, settings, restore_state=False, start_services=False)
    qtbot.addWidget(window)
    dialog = SettingsDialog(settings, window, notes_path=notes)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.accept()
    assert settings.language == "zh_CN"
    assert i18n.current_language() == "zh_CN"
    assert QCoreApplication.translate("MainWindow", "&View") == "视图(&V)"
    assert Settings().language == "zh_CN"
    qtbot.waitUntil(lambda: "视图(&V)" in [action.text() for action in window.menuBar().actions()], timeout=3000)
    settings.language = "en"  # changed from anywhere: applied too
    assert i18n.current_language() == "en"


def test_main_window_menus_follow_the_language(qapp, qtbot, tmp_path, english_afterwards):
    import shutil

    from studyreader.ui.window import main_window
    notes = tmp_path / "notes.md"
    shutil.copy(paths.sample_notes(), notes)
    window = main_window.MainWindow(notes)
    qtbot.addWidget(window)

    def menu_titles():
        return [action.text() for action in window.menuBar().actions()]

    assert "&File" in menu_titles()
    i18n.apply_language("zh_CN")
    qapp.processEvents()
    assert "文件(&F)" in menu_titles() and "&File" not in menu_titles()
    i18n.apply_language("en")
    qapp.processEvents()
    assert "&File" in menu_titles()


def _lrelease():
    import shutil
    import sys
    from pathlib import Path

    beside_python = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside_python) if beside_python.exists() else shutil.which("pyside6-lrelease")


@pytest.mark.parametrize("ts", [TS_ZH, TS_EN], ids=lambda p: p.name)
def test_committed_qm_is_compiled_from_the_current_ts(ts, tmp_path):
    import subprocess

    tool = _lrelease()
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    fresh = tmp_path / ts.with_suffix(".qm").name
    subprocess.run([tool, str(ts), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"run pyside6-lrelease on {ts.name}"


def _lupdate():
    import shutil
    import sys
    from pathlib import Path

    beside_python = Path(sys.executable).with_name("pyside6-lupdate")
    return str(beside_python) if beside_python.exists() else shutil.which("pyside6-lupdate")


def _keys(ts_path):
    return {(context, message.find("source").text) for context, message in messages(ts_path)}


def test_chinese_file_holds_every_text_of_every_ui_source(tmp_path):
    """lupdate over all of src/studyreader/ui (subfolders too) finds nothing the committed .ts lacks."""
    import shutil
    import subprocess

    tool = _lupdate()
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    from pathlib import Path

    ui = Path(__file__).resolve().parents[2] / "src" / "studyreader" / "ui"
    sources = sorted(str(path) for path in ui.rglob("*.py"))
    assert any("/window/" in source for source in sources)
    fresh = tmp_path / TS_ZH.name
    shutil.copy(TS_ZH, fresh)
    subprocess.run([tool, *sources, "-no-obsolete", "-locations", "none", "-source-language", "en",
                    "-target-language", "zh_CN", "-ts", str(fresh)], check=True, capture_output=True)
    assert _keys(fresh) - _keys(TS_ZH) == set(), "run the README's pyside6-lupdate commands and translate"
    assert _keys(TS_ZH) - _keys(fresh) == set(), "the .ts holds texts no source uses: run pyside6-lupdate"


def test_existing_entry_count_has_english_plural_forms_and_chinese(qapp, qtbot, english_afterwards):
    from datetime import date

    from studyreader.ui.editor.header import EditorHeader

    header = EditorHeader()
    qtbot.addWidget(header)

    def state(chars):
        header.show_entry(date(2026, 12, 6), mode="append", existing_chars=chars, is_today=True, zone="")
        return header.state_label.text()

    i18n.apply_language("en")
    assert state(1) == "Adds to the existing entry (1 character)"
    assert state(3) == "Adds to the existing entry (3 characters)"
    i18n.apply_language("zh_CN")
    assert state(3) == "追加到已有条目（已有 3 个字）"


def test_programme_texts_outside_classes_are_translated(qapp, english_afterwards):
    from studyreader.ui.widgets.marks import mark_title, published_words

    i18n.apply_language("zh_CN")
    assert mark_title("missed").startswith("缺卡：")
    assert mark_title("something else") == "不在共学期内"
    assert published_words("eliminated") == "已淘汰"
    assert QCoreApplication.translate("EntryEditor", "Saved now: {answer}") == "若现在保存：{answer}"


def test_shortcut_list_in_chinese_drops_the_accelerator_marks(qapp, qtbot, tmp_path, english_afterwards):
    import shutil

    from studyreader.ui.window import main_window
    notes = tmp_path / "notes.md"
    shutil.copy(paths.sample_notes(), notes)
    window = main_window.MainWindow(notes)
    qtbot.addWidget(window)
    i18n.apply_language("zh_CN")
    qapp.processEvents()
    sections = window.actions_table.shortcut_sections()
    titles = [title for title, _rows in sections]
    names = [name for _title, rows in sections for name, _keys in rows]
    assert "文件" in titles and "打开笔记" in names and "翻译模型" in names
    assert not [text for text in titles + names if re.search(r"\([A-Z]\)|&", text)]
    assert window.action("open").toolTip().startswith("打开笔记 (")
