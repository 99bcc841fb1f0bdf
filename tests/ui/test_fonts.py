"""Chinese text is shown in Chinese glyph forms whatever the system's language."""

from __future__ import annotations

import pytest

from studyreader.ui.fonts import SIMPLIFIED_CHINESE_FAMILIES, css_font_family, families_with_chinese


def test_the_interface_font_comes_first_and_is_not_repeated():
    assert families_with_chinese("DejaVu Sans")[0] == "DejaVu Sans"
    assert families_with_chinese("DejaVu Sans")[1:] == list(SIMPLIFIED_CHINESE_FAMILIES)
    assert families_with_chinese("Noto Sans CJK SC").count("Noto Sans CJK SC") == 1


def test_style_sheet_family_list_quotes_names_but_not_generic_families():
    text = css_font_family("monospace", ("Noto Sans Mono CJK SC",))
    assert text == 'monospace, "Noto Sans Mono CJK SC"'


def test_chinese_is_laid_out_in_a_simplified_chinese_font_and_latin_in_the_interface_font(qapp):
    from PySide6.QtGui import QFontDatabase, QFontInfo, QTextLayout

    from studyreader.ui.app import prefer_chinese_fonts

    installed = set(QFontDatabase.families())
    if not installed & set(SIMPLIFIED_CHINESE_FAMILIES):
        pytest.skip("no Simplified Chinese font installed")
    before = qapp.font()
    primary = QFontInfo(before).family()
    try:
        prefer_chinese_fonts(qapp)
        layout = QTextLayout("骨直角 Hello", qapp.font())
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        runs = {run.rawFont().familyName() for run in layout.glyphRuns()}
        chinese = runs - {primary}
        assert chinese and chinese <= set(SIMPLIFIED_CHINESE_FAMILIES), runs
        assert QFontInfo(qapp.font()).family() == primary
    finally:
        qapp.setFont(before)
