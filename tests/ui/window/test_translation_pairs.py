"""The window hands each row's sentence pairs to the reader with its English, and they light real pairs."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from studyreader.translate.segment import segment_markdown


def _lit(reader) -> list[str]:
    selections = sorted(reader.extraSelections(), key=lambda s: s.cursor.selectionStart())
    return [s.cursor.selectedText() for s in selections]


def _point_at(reader, row: int, language: str, offset: int) -> QPoint:
    start, _end = reader.cell_range(row, language)
    cursor = QTextCursor(reader.document())
    cursor.setPosition(start + offset)
    return reader.cursorRect(cursor).center()


def test_the_reader_gets_each_rows_pairs_and_lights_them(make_window, sample_copy, use_tiny_argos, qtbot):
    window = make_window(sample_copy)
    reader = window.reader
    with qtbot.waitSignal(window.translationFinished, timeout=120000):
        window.start_translation()
    reader.finish_build()
    blocks = {block.index: block for block in segment_markdown(sample_copy.read_text(encoding="utf-8-sig"))}
    translatable = [row for row in range(reader.row_count()) if reader.blocks[row].translatable]
    with_chinese = []
    for row in translatable:
        english, pairs = reader.translation(row), reader.sentence_pairs(row)
        source = blocks[reader.blocks[row].index].source
        end = 0
        for pair in pairs:
            assert end <= pair.source_start < pair.source_end <= len(source)
            assert pair.target_end <= len(english)
            end = pair.source_end
        if pairs:
            with_chinese.append(row)
    assert len(with_chinese) >= len(translatable) // 2

    # the real pairs light under the pointer: a plain paragraph of one or more sentences
    row = next(r for r in with_chinese if reader.blocks[r].kind == "paragraph" and "**" not in reader.blocks[r].source
               and "`" not in reader.blocks[r].source and "[" not in reader.blocks[r].source)
    pair = reader.sentence_pairs(row)[0]
    reader.scroll_to_row(row)
    QApplication.processEvents()
    qtbot.mouseMove(reader.viewport(), QPoint(1, 1))
    qtbot.mouseMove(reader.viewport(), _point_at(reader, row, "zh", 1))
    QApplication.processEvents()
    lit = _lit(reader)
    assert len(lit) == 2
    chinese = reader.blocks[row].source[pair.source_start:pair.source_end]
    assert lit[0].strip() == chinese.strip()

    # a reload with the file unchanged keeps the English and its pairs (no new translation for those rows)
    kept = {r: reader.sentence_pairs(r) for r in with_chinese}
    window.reload_notes()
    qtbot.waitUntil(lambda: reader.row_count() > 0 and reader.translation(row) is not None, timeout=20000)
    assert {r: reader.sentence_pairs(r) for r in with_chinese} == kept
