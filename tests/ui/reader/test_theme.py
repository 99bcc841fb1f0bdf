"""A theme switch recolours the open file at once: text, heading bands, glossary marks, in both columns."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from studyreader.render.rows import segment
from studyreader.ui.app import dark_palette, light_palette
from studyreader.ui.reader.reader import BilingualReader

NOTES = "### 2025.01.08\n\n今天学习了排序器。\n\n- 排序器负责排序交易。\n"


@pytest.fixture
def app_palette():
    app = QApplication.instance()
    original = app.palette()
    yield app
    app.setPalette(original)


def colours_in(reader: BilingualReader) -> dict[str, set[str]]:
    html = reader.document().toHtml()
    return {
        "text": set(re.findall(r"(?<![-\w])color:(#[0-9a-f]{6})", html)),
        "backgrounds": set(re.findall(r"background-color:(#[0-9a-f]{6})", html)),
        "bands": set(re.findall(r'bgcolor="(#[0-9a-f]{6})"', html)),
    }


def test_a_theme_switch_recolours_the_open_file(qtbot, make_reader, app_palette, test_glossary):
    app_palette.setPalette(light_palette())
    reader = make_reader(900, 500)
    reader.set_glossary(test_glossary)
    reader.set_blocks(segment(NOTES), None)
    reader.set_translation(1, "Today I studied the sequencer.")
    reader.finish_build()

    seen = {}
    for name, palette in (("light", light_palette()), ("dark", dark_palette()), ("light again", light_palette())):
        app_palette.setPalette(palette)
        QApplication.processEvents()  # the palette reaches the widgets in this event-loop turn
        reader.finish_build()
        text = palette.color(QPalette.ColorRole.Text).name()
        colours = reader.colours()
        assert colours.text == text, name
        found = colours_in(reader)
        assert found["text"] and found["text"] <= {text, colours.link, colours.muted, colours.under}, (name, found)
        assert text in found["text"]  # both columns' text, English included
        assert found["bands"] == {colours.heading_bg}, (name, found)  # the date heading's band
        assert colours.term_bg in found["backgrounds"], (name, found)  # glossary marks, both columns
        seen[name] = (text, colours.heading_bg, colours.term_bg)
        assert "Today I studied the" in reader.toPlainText() and "今天学习了" in reader.toPlainText()
    assert seen["light"] == seen["light again"]
    assert all(a != b for a, b in zip(seen["light"], seen["dark"]))
    light_text, dark_text = seen["light"][0], seen["dark"][0]
    assert int(dark_text[1:3], 16) > 128 > int(light_text[1:3], 16)  # light text on dark, dark text on light


def test_refresh_style_without_a_palette_change_keeps_the_rows(qtbot):
    reader = BilingualReader()
    qtbot.addWidget(reader)
    reader.set_blocks(segment(NOTES), None)
    reader.finish_build()
    tables = [reader.table(row) for row in range(reader.row_count())]
    reader.refresh_style()  # the window calls it too after a theme setting: no second rebuild
    assert [reader.table(row) for row in range(reader.row_count())] == tables
