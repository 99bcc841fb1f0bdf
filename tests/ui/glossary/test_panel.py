"""Glossary marks in the reader (hover, click) and the sidebar (search, detail, backlinks, user terms)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from studyreader.render import markup as render


def term_positions(reader, term_id: str) -> list[int]:
    """Document positions of each marked occurrence of a term."""
    found = []
    block = reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if render.term_id_from_href(fragment.charFormat().anchorHref()) == term_id:
                found.append(fragment.position())
            it += 1
        block = block.next()
    return found


def in_cell(reader, row: int, language: str, positions: list[int]) -> bool:
    start, end = reader.cell_range(row, language)
    return any(start <= p <= end for p in positions)


def term_points(reader, term_id: str):
    """Viewport points over each occurrence of a marked term."""
    points = []
    document = reader.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if render.term_id_from_href(fragment.charFormat().anchorHref()) == term_id:
                cursor = reader.textCursor()
                cursor.setPosition(fragment.position() + 1)
                points.append(reader.cursorRect(cursor).center())
            it += 1
        block = block.next()
    return points


@pytest.fixture
def window(make_window, sample_copy, test_glossary):
    window = make_window(sample_copy)
    window.set_glossary(test_glossary)
    window.reader.finish_build()
    return window


def test_terms_are_marked_in_both_columns(window):
    reader = window.reader
    row = next(i for i, b in enumerate(reader.blocks) if b.source.startswith("- Sequencer"))
    reader.set_translation(row, "- Sequencer: receives user transactions and builds L2 blocks.")
    reader.finish_build()
    positions = term_positions(reader, "sequencer")
    assert in_cell(reader, row, "zh", positions) and in_cell(reader, row, "en", positions)
    zh_start, zh_end = reader.cell_range(row, "zh")
    marked_zh = [p for p in positions if zh_start <= p <= zh_end]
    assert len(marked_zh) == 2  # "Sequencer" and "排序器"
    assert len(term_positions(reader, "fault-proof")) >= 2  # 欺诈证明 / 故障证明 in several blocks


def test_hover_shows_the_definition(window, qtbot):
    reader = window.reader
    point = term_points(reader, "sequencer")[0]
    assert reader.term_at(point) == "sequencer"
    event = QHelpEvent(QEvent.Type.ToolTip, point, reader.viewport().mapToGlobal(point))
    QApplication.sendEvent(reader.viewport(), event)
    assert QToolTip.isVisible()
    tip = QToolTip.text()
    assert "Sequencer" in tip and "排序器" in tip
    assert "orders L2 transactions" in tip  # English interface: English definition
    QToolTip.hideText()


def test_clicking_a_term_selects_it_in_the_sidebar(window, qtbot):
    reader = window.reader
    point = term_points(reader, "fault-proof")[0]
    with qtbot.waitSignal(window.termActivated) as blocker:
        qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["fault-proof"]
    panel = window.glossary_panel
    assert panel.current_term_id() == "fault-proof"
    detail = panel.detail.toPlainText()
    assert "A proof that an output proposed for L2 is wrong." in detail
    assert "证明 L2 提议的输出有误的证明。" in detail
    assert "欺诈证明" in detail  # alias
    assert "https://docs.optimism.io/stack/fault-proofs/explainer" in detail


def test_backlinks_jump_to_the_entry(window, qtbot):
    panel = window.glossary_panel
    assert panel.select_term("fault-proof")
    html = panel.detail_html("fault-proof")
    assert "date:2025-01-09" in html and "date:2025-01-06" in html
    window.resize(1000, 420)
    qtbot.wait(10)
    from PySide6.QtCore import QUrl

    panel.detail.anchorClicked.emit(QUrl("date:2025-01-09"))
    top = window.reader.blocks[window.reader.top_row()]
    assert top.source.startswith("### 2025.01.09")
    assert window.navigator.list.currentItem().data(Qt.ItemDataRole.UserRole) == dt.date(2025, 1, 9)


def test_see_also_selects_the_other_term(window):
    from PySide6.QtCore import QUrl

    panel = window.glossary_panel
    panel.select_term("sequencer")
    assert "term:batcher" in panel.detail_html("sequencer")
    panel.detail.anchorClicked.emit(QUrl("term:batcher"))
    assert panel.current_term_id() == "batcher"


def test_search_either_language_alias_and_substring(window):
    panel = window.glossary_panel
    for query, expected in (("排序", "sequencer"), ("sequ", "sequencer"), ("排序者", "sequencer"),
                            ("欺诈", "fault-proof"), ("proof", "fault-proof"), ("批处理", "batcher")):
        panel.search.setText(query)
        assert expected in panel.term_ids(), query
    panel.search.setText("no such term at all")
    assert panel.term_ids() == []
    assert panel.select_term("batcher")  # selecting clears a search that hides the term
    assert panel.search.text() == ""


def test_missing_glossary_translation_is_flagged_on_the_english_side(window):
    reader = window.reader
    row = next(i for i, b in enumerate(reader.blocks) if b.source.startswith("- Sequencer"))
    reader.set_translation(row, "- The orderer receives user transactions.", missing=["sequencer"])
    reader.finish_build()
    assert in_cell(reader, row, "en", term_positions(reader, "sequencer"))
    assert "Glossary term not used" in reader.toPlainText()


def test_user_terms_add_edit_hide(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from studyreader import paths
    from studyreader.ui.glossary.term_dialog import TermDialog

    def fill_and_accept(dialog):
        if dialog.term is None:
            dialog.id_edit.setText("probe-term")
            dialog.en_edit.setText("Probe term")
            dialog.zh_edit.setText("探针术语")
            dialog.aliases_zh_edit.setText("探针, 测试探针")
            dialog.definition_en_edit.setPlainText("A term added by the user.")
        else:
            dialog.definition_en_edit.setPlainText("An edited definition.")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TermDialog, "exec", fill_and_accept)
    panel = window.glossary_panel
    with qtbot.waitSignal(window.glossaryLoaded, timeout=20000):
        panel.add_term()
    assert (paths.config_dir() / "glossary.toml").is_file()
    panel.search.setText("测试探针")
    assert panel.term_ids() == ["probe-term"]
    assert panel.select_term("probe-term")
    assert "A term added by the user." in panel.detail.toPlainText()
    with qtbot.waitSignal(window.glossaryLoaded, timeout=20000):
        panel.edit_term()
    assert panel.current_term_id() == "probe-term"
    assert "An edited definition." in panel.detail.toPlainText()
    with qtbot.waitSignal(window.glossaryLoaded, timeout=20000):
        panel.hide_term()
    panel.search.setText("探针术语")
    assert "probe-term" not in panel.term_ids()


def test_a_short_pane_gives_the_definition_more_room_than_the_list(qtbot):
    """At 1366×768 with the entry editor open the pane is short: the definition keeps most of it."""
    from studyreader.ui.glossary.panel import GlossaryPanel

    panel = GlossaryPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 280)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.detail.height() >= 1.5 * panel.list.height(), (panel.detail.height(), panel.list.height())
    assert panel.list.height() >= 3 * panel.list.fontMetrics().height()  # still a few rows of terms
