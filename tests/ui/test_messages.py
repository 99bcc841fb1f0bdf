"""The window words the core's messages in the interface language; the command line keeps English."""

from __future__ import annotations

import datetime as dt
import re
import string

import pytest
from PySide6.QtCore import QLocale

from studyreader.messages import ENGLISH, LIST
from studyreader.programme.forecast import will_it_count
from studyreader.ui import i18n
from studyreader.ui.messages import TEMPLATES, template, worded
from tests.test_messages import NOTES
from tests.ui.window.test_programme_window import needs_programmes

CJK = re.compile(r"[\u4e00-\u9fff]")


def fields(text: str) -> set[tuple[str, str | None]]:
    return {(name, conversion) for _, name, _, conversion in string.Formatter().parse(text) if name}


@pytest.fixture
def chinese(qapp):
    """The real Chinese translation loaded, as the Settings' language choice loads it; English afterwards."""
    assert i18n.apply_language("zh_CN") == "zh_CN"
    yield
    i18n.apply_language("en")
    i18n.remove_translators(qapp)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_the_window_words_every_code_the_core_can_produce():
    assert set(TEMPLATES) == set(ENGLISH) - {LIST}
    for code, source in TEMPLATES.items():
        assert source == ENGLISH[code], f"{code}: the English interface must say what the command line says"


def test_every_code_has_a_chinese_wording_with_the_same_arguments(chinese):
    for code, source in TEMPLATES.items():
        chinese_text = template(code)
        assert chinese_text != source and CJK.search(chinese_text), f"{code} is not translated"
        assert fields(chinese_text) == fields(source), code


@pytest.fixture
def notes_file(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES.replace("```\n", "").replace("### 2025.02.30\nx\n", ""), encoding="utf-8")
    return notes


def test_parser_warnings_and_verdict_reasons_are_chinese_in_the_chinese_window(chinese, make_window, notes_file,
                                                                               qapp):
    window = make_window(notes_file)
    assert str(window.notes.warnings[0]) == "line 4: the entry for 2025-01-07 is empty"  # the core stays English
    status_bar = window.statusBar()
    assert status_bar.currentMessage().startswith("第 4 行：2025-01-07 的条目是空的")
    assert "第 6 行：2025-01-06 与第 2 行的条目日期重复" in status_bar.toolTip()
    counted = window.navigator.item_for(dt.date(2025, 1, 6)).toolTip()
    assert "会计入：'### 2025.01.06'（第 2 行）之后有 19 个字符" in counted, counted
    short = window.navigator.item_for(dt.date(2025, 1, 7)).toolTip()
    assert "不计入：" in short and "需要 11 个" in short and "characters" not in short, short

    i18n.apply_language("en")  # a language switch words them again
    qapp.processEvents()
    assert "would count: 19 characters after '### 2025.01.06' (line 2)" in (
        window.navigator.item_for(dt.date(2025, 1, 6)).toolTip())
    assert "line 6: 2025-01-06 is a duplicate of the entry on line 2" in status_bar.toolTip()


def test_the_editors_will_it_count_line_is_chinese(chinese, qtbot, notes_file):
    from studyreader.ui.editor.programme_bar import ProgrammeBar

    bar = ProgrammeBar()
    qtbot.addWidget(bar)
    now = dt.datetime(2025, 1, 7, 4, tzinfo=dt.timezone.utc)
    forecast = will_it_count(notes_file.read_text(encoding="utf-8"), "短", now, day=dt.date(2025, 1, 8))
    bar.show_forecast(forecast, in_programme=False)
    assert "不会计入：太短（只有 1 个字符，需要 11 个）" in bar.verdict_label.text()
    assert "个）；在机器人的时区（Asia/Shanghai）2025-01-08 还没开始" in bar.verdict_label.toolTip()
    assert worded(forecast.line) == bar.verdict_label.toolTip()
    assert str(forecast.line).startswith("won't count: too short (1 of 11 characters); 2025-01-08 has not begun")


@needs_programmes
def test_an_elimination_reason_in_the_strip_is_chinese(chinese, make_window, tmp_path):
    import shutil

    from tests.ui.window.test_programme_window import ZK

    shutil.copytree(ZK, tmp_path / "ZK")
    window = make_window(tmp_path / "ZK" / "0530-Suyb.md")
    strip = window.navigator.strip
    eliminated = [day for day in strip.days() if strip.kind_shown(day) == "eliminated"]
    assert eliminated
    tip = strip.tooltip_for(eliminated[0])
    assert "这一周（周一至周日）缺卡 3 次，可请假 2 次（旧版机器人的固定额度）" in tip, tip
    assert "misses in the week" not in tip


def test_a_year_less_heading_is_explained_without_english_words(chinese):
    from studyreader.programme.botread import NEWER, explain, read_day

    notes = "<!-- Content_START -->\n### 1.8\n今天学习了排序器和欺诈证明的基本原理。\n<!-- Content_END -->\n"
    reason = explain(read_day(notes, dt.date(2025, 1, 8), NEWER))
    assert "the heading has no year (year-less m.d): the bot takes it for any year" in str(reason)
    chinese_text = worded(reason)
    assert "标题没有年份（m.d 格式）：机器人把它当作任何一年的这一天" in chinese_text, chinese_text
    assert "year" not in chinese_text
