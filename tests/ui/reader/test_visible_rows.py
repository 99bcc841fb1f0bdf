"""Which rows are on screen: right, and cheap enough to ask in every slice of a 2,000-row file."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication

from studyreader.render.rows import segment
from studyreader.ui.reader.reader import BilingualReader


def notes(rows: int) -> str:
    kinds = (
        "### 2025.01.{day:02d}",
        "今天学习了排序器和批处理器的关系，第 {i} 段。Sequencer 负责排序交易。",
        "- 列表项 {i}：欺诈证明保证安全。",
        "| a | b |\n|---|---|\n| {i} | 表格 |",
    )
    return "\n\n".join(kinds[i % 4].format(i=i, day=i % 28 + 1) for i in range(rows)) + "\n"


def on_screen(reader: BilingualReader, row: int) -> bool:
    """At least a few pixels of the row show (a row peeking in by a pixel or two does not count)."""
    scrolled = reader.verticalScrollBar().value()
    top = reader.row_top(row) - scrolled
    bottom = reader.row_top(row + 1) - scrolled if row + 1 < reader.row_count() else top + 10
    return bottom > 4 and top < reader.viewport().height() - 4


def test_visible_rows_are_the_rows_on_screen(reader):
    reader.set_blocks(segment(notes(400)), None)
    reader.finish_build()
    for target in (0, 137, 250, 395):
        reader.scroll_to_row(target)
        visible = reader.visible_rows()
        assert target in visible or reader.verticalScrollBar().value() == reader.verticalScrollBar().maximum()
        assert all(on_screen(reader, row) for row in visible), (target, visible)
        assert not on_screen(reader, visible.start - 1) if visible.start > 0 else True
        assert not on_screen(reader, visible.stop) if visible.stop < reader.row_count() else True
        assert reader.top_row() == visible.start


def seconds_per_call(reader: BilingualReader, rows: int) -> float:
    reader.set_blocks(segment(notes(rows)), None)
    reader.finish_build()
    reader.scroll_to_row(rows // 2)
    start = time.perf_counter()
    for _ in range(200):
        reader.visible_rows()
    return (time.perf_counter() - start) / 200


def test_visible_rows_cost_grows_with_the_logarithm_of_the_rows(reader):
    small = seconds_per_call(reader, 200)
    large = seconds_per_call(reader, 2000)
    assert large < 4 * small + 0.0005, (small, large)  # ten times the rows; a linear scan would cost ten times


def test_a_2000_row_file_builds_in_slices_without_freezing(reader, qtbot):
    blocks = segment(notes(2000))
    start = time.perf_counter()
    reader.set_blocks(blocks, None)
    gaps = []
    last = time.perf_counter()
    while not reader.is_built() and time.perf_counter() - start < 60:
        QApplication.processEvents()
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    assert reader.is_built() and reader.built_rows() == 2000
    assert time.perf_counter() - start < 30
    assert max(gaps) < 0.25, max(gaps)  # the bench (see the report) measures under 50 ms on a quiet machine
