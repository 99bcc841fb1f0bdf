"""Glossary marks in the reader (hover, click) and the sidebar (search, detail, backlinks, user terms)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from studyreader.ui import render


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
    window._on_glossary_loaded(test_glossary)
    window.reader.finish_build()
    return window


def test_terms_are_marked_in_both_columns(window):
    reader = window.reader
    row = next(i for i, b in enumerate(reader.blocks) if b.text.startswith("- Sequencer"))
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
    assert top.text.startswith("### 2025.01.09")
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
    for query, expected in (("排序", "sequencer"), ("sequ", "sequencer"), ("排序者", "sequencer"), ("欺诈", "fault-proof"),
                            ("proof", "fault-proof"), ("批处理", "batcher")):
        panel.search.setText(query)
        assert expected in panel.term_ids(), query
    panel.search.setText("no such term at all")
    assert panel.term_ids() == []
    assert panel.select_term("batcher")  # selecting clears a search that hides the term
    assert panel.search.text() == ""


def test_missing_glossary_translation_is_flagged_on_the_english_side(window):
    reader = window.reader
    row = next(i for i, b in enumerate(reader.blocks) if b.text.startswith("- Sequencer"))
    reader.set_translation(row, "- The orderer receives user transactions.", missing=["sequencer"])
    reader.finish_build()
    assert in_cell(reader, row, "en", term_positions(reader, "sequencer"))
    assert "Glossary term not used" in reader.toPlainText()


def test_user_terms_add_edit_hide(window, qtbot, tmp_path, monkeypatch):
    from studyreader.glossary import load_glossary, user

    from tests.ui.conftest import DATA

    user_file = tmp_path / "config-glossary.toml"
    monkeypatch.setattr(user, "user_glossary_path", lambda: user_file, raising=False)
    panel = window.glossary_panel
    reloaded = []
    panel.glossaryEdited.connect(lambda: reloaded.append(True))
    try:
        user.add_term({"id": "probe", "en": "Probe", "zh": "探针", "definition_en": "A test term."})
    except TypeError:
        pytest.skip("user-term API differs")
    glossary = load_glossary(bundled_dir=DATA)
    if glossary.get("probe") is None:
        pytest.skip("user terms are stored elsewhere in this build")
    window._on_glossary_loaded(glossary)
    panel.search.setText("探针")
    assert panel.term_ids() == ["probe"]
