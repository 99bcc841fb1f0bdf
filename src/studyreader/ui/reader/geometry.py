"""Where the reader's rows are: binary searches over the row tables (their positions and tops only grow)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtGui import QTextCursor, QTextDocument, QTextFrame, QTextTableCell


def row_top(document: QTextDocument, table: QTextFrame) -> float:
    """The height in the document at which a row's table starts."""
    return document.documentLayout().frameBoundingRect(table).top()


def row_at_y(document: QTextDocument, tables: Sequence[QTextFrame], y: float) -> int:
    """The row at document height ``y`` (the first or last row beyond the ends); O(log rows)."""
    layout = document.documentLayout()
    index = bisect.bisect_right(range(len(tables)), y, key=lambda row: layout.frameBoundingRect(tables[row]).top())
    return max(0, min(index - 1, len(tables) - 1))


def row_at_position(tables: Sequence[QTextFrame], position: int) -> int | None:
    """The row whose table holds document ``position`` (None: between rows, or beyond them)."""
    index = bisect.bisect_right(range(len(tables)), position, key=lambda row: tables[row].firstPosition()) - 1
    if index < 0 or position > tables[index].lastPosition():
        return None
    return index


def first_text_cursor(cell: QTextTableCell) -> QTextCursor:
    """A cursor on the cell's first line of text: empty blocks at its start are skipped."""
    cursor = cell.firstCursorPosition()
    end = cell.lastCursorPosition().position()
    while cursor.block().length() <= 1 and cursor.block().next().isValid():
        if cursor.block().next().position() > end:
            break
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
    return cursor
