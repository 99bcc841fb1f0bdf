"""Markup in a glossary or in the notes is shown as text in every rich-text view the reader and glossary own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from studyreader.render.rows import segment
from studyreader.ui.glossary.panel import GlossaryPanel
from studyreader.ui.glossary.term_dialog import TermDialog
from studyreader.ui.reader.reader import BilingualReader

IMG = '<img src="/dev/zero">'
BOLD = "<b>粗</b>"

HOSTILE_TOML = f"""
[subject]
id = "hostile"
name_en = 'Names <i>{IMG}</i>'
name_zh = '名字'

[[term]]
id = "hostile"
en = 'Term {IMG}'
zh = '恶意{BOLD}'
aliases_en = ['alias {IMG}']
aliases_zh = ['恶意术语', '别名{BOLD}']
category = "concept"
definition_en = 'Defined <script>alert(1)</script> {IMG}'
definition_zh = '定义{BOLD}{IMG}'
source = "https://example.org/'><img src=x>"
see_also = ["other"]

[[term]]
id = "other"
en = 'Other <u>{IMG}</u>'
zh = '另一个'
category = "concept"
definition_en = "plain"
"""

FIELDS = ["Term " + IMG, "恶意" + BOLD, "alias " + IMG, "别名" + BOLD, "Defined <script>alert(1)</script> " + IMG,
          "定义" + BOLD + IMG, "Other <u>" + IMG + "</u>"]


@pytest.fixture
def hostile_glossary(tmp_path):
    from studyreader.glossary import load_glossary

    bundled = tmp_path / "bundled"
    bundled.mkdir()
    (bundled / "hostile.toml").write_text(HOSTILE_TOML, encoding="utf-8")
    glossary = load_glossary(bundled_dir=bundled, user_file=tmp_path / "user.toml")
    assert glossary.get("hostile") is not None, glossary.warnings
    return glossary


def test_glossary_detail_shows_markup_as_text(qtbot, hostile_glossary):
    panel = GlossaryPanel()
    qtbot.addWidget(panel)
    panel.set_glossary(hostile_glossary)
    assert panel.select_term("hostile")
    html = panel.detail_html("hostile")
    assert "<img" not in html and "<script" not in html and "<b>粗" not in html and "<u>" not in html
    shown = panel.detail.toPlainText()
    for field in FIELDS[:6]:
        assert field in shown, field
    assert "Other <u>" in shown  # the see-also link's text
    # the detail document loaded nothing and holds no image
    assert "<img" not in panel.detail.toHtml().replace("&lt;img", "")


def test_glossary_warnings_are_plain_text(qtbot, tmp_path):
    from studyreader.glossary import load_glossary

    bundled = tmp_path / "bundled"
    bundled.mkdir()
    (bundled / f"bad{IMG[:4]}.toml").write_text(f"[[term]]\nid = 'x'\nen = '{IMG}'\n", encoding="utf-8")
    glossary = load_glossary(bundled_dir=bundled, user_file=tmp_path / "user.toml")
    panel = GlossaryPanel()
    qtbot.addWidget(panel)
    panel.set_glossary(glossary)
    from PySide6.QtCore import Qt

    assert glossary.warnings and "<img" in panel.status.text()  # the warning names the file
    assert panel.status.textFormat() == Qt.TextFormat.PlainText


def test_term_dialog_fields_hold_the_markup_literally(qtbot, hostile_glossary):
    dialog = TermDialog(hostile_glossary.get("hostile"))
    qtbot.addWidget(dialog)
    assert dialog.en_edit.text() == "Term " + IMG
    assert dialog.zh_edit.text() == "恶意" + BOLD
    assert dialog.definition_en_edit.toPlainText() == "Defined <script>alert(1)</script> " + IMG
    assert dialog.values()["aliases_zh"] == ["恶意术语", "别名" + BOLD]
    assert IMG not in dialog.windowTitle()


def test_reader_tooltip_shows_markup_as_text(qtbot, hostile_glossary):
    reader = BilingualReader()
    qtbot.addWidget(reader)
    reader.resize(900, 500)
    reader.show()
    qtbot.waitExposed(reader)
    reader.set_glossary(hostile_glossary)
    reader.set_blocks(segment("今天遇到了恶意术语。\n"), None)
    reader.set_translation(0, "Today: the hostile term.", missing=["hostile"])
    reader.finish_build()
    tip = reader.term_tooltip("hostile")
    assert "<img" not in tip and "<b>粗" not in tip and "<script" not in tip
    assert "&lt;img" in tip
    # hovering the mark shows that tooltip; the glossary flag on the English side is text too
    cursor = reader.document().find("恶意术语")
    text_cursor = reader.textCursor()
    text_cursor.setPosition(cursor.selectionStart() + 1)
    point = reader.cursorRect(text_cursor).center()
    assert reader.term_at(point) == "hostile"
    event = QHelpEvent(QEvent.Type.ToolTip, point, reader.viewport().mapToGlobal(point))
    QApplication.sendEvent(reader.viewport(), event)
    assert QToolTip.isVisible() and "<img" not in QToolTip.text()
    QToolTip.hideText()
    assert "Term " + IMG + " (恶意" + BOLD + ")" in reader.toPlainText()
    assert not [url for url in reader.resource_requests if "zero" in url.toString()]
