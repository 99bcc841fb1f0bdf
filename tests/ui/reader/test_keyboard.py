"""Keyboard reading: Tab goes to the first term on screen, also after PageDown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studyreader.render import markup as render
from studyreader.render.rows import segment
from studyreader.ui.reader.reader import BilingualReader


def selected_term(reader: BilingualReader) -> tuple[int, str | None]:
    cursor = reader.textCursor()
    assert cursor.hasSelection()
    probe = reader.textCursor()
    probe.setPosition(cursor.selectionStart() + 1)
    return cursor.selectionStart(), render.term_id_from_href(probe.charFormat().anchorHref())


def test_tab_after_page_down_goes_to_the_first_term_on_screen(qtbot, make_reader, test_glossary):
    reader = make_reader(700, 300)
    reader.set_glossary(test_glossary)
    text = "\n\n".join(f"第 {i} 段：今天学习了排序器。" for i in range(60)) + "\n"
    reader.set_blocks(segment(text), None)
    reader.finish_build()
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_Tab)
    first_position, term = selected_term(reader)
    assert term == "sequencer" and reader.row_at(first_position) == 0
    for _ in range(3):
        qtbot.keyClick(reader, Qt.Key.Key_PageDown)
    scrolled = reader.verticalScrollBar().value()
    assert scrolled > 0
    visible = reader.visible_rows()
    qtbot.keyClick(reader, Qt.Key.Key_Tab)
    position, term = selected_term(reader)
    assert term == "sequencer"
    assert reader.row_at(position) == visible.start or reader.row_at(position) == visible.start + 1
    assert abs(reader.verticalScrollBar().value() - scrolled) < reader.viewport().height() // 2  # no jump
    # Tab again: the next term, not back to the top of the file
    qtbot.keyClick(reader, Qt.Key.Key_Tab)
    assert selected_term(reader)[0] > position
