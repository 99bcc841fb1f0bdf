"""The reader's document, row by row: each row is a small table; these find and tidy its cells."""

from __future__ import annotations

from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFrame, QTextTableCell


def cell(table: QTextFrame, mode: str, language: str) -> QTextTableCell | None:
    """The Chinese ("zh") or English ("en") cell of a row table in a reader mode (None: not shown)."""
    if mode == "side":
        return table.cellAt(0, 0 if language == "zh" else 1)
    if mode == "interleaved":
        if language == "en" and table.rows() < 2:
            return None  # code, dates: shown once
        return table.cellAt(0 if language == "zh" else 1, 0)
    return table.cellAt(0, 0) if language == mode else None


def tables_from(document: QTextDocument, position: int, count: int) -> list[QTextFrame]:
    """The ``count`` row tables from document ``position`` on (walking the rows, not the whole document)."""
    root = document.rootFrame()
    probe = QTextCursor(document)
    last = document.characterCount() - 1
    tables: list[QTextFrame] = []
    while len(tables) < count and position <= last:
        probe.setPosition(position)
        frame = probe.currentFrame()
        if frame is root:
            position += 1  # the empty paragraph between two rows
            continue
        while frame.parentFrame() is not root:  # a Markdown table inside a row's cell
            frame = frame.parentFrame()
        tables.append(frame)
        position = frame.lastPosition() + 1
    return tables


def replace_cell_html(table: QTextFrame, mode: str, language: str, html: str) -> None:
    """Put new HTML into one cell of a row."""
    target = cell(table, mode, language)
    if target is None:
        return
    cursor = target.firstCursorPosition()
    cursor.setPosition(target.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertHtml(html)
    _drop_leading_empty_block(table, mode, language)


def _drop_leading_empty_block(table: QTextFrame, mode: str, language: str) -> None:
    """insertHtml leaves the cell's old empty paragraph above a list or heading: remove it."""
    for _ in range(3):
        target = cell(table, mode, language)
        cursor = target.firstCursorPosition()
        block = cursor.block()
        if block.length() > 1 or block.position() + block.length() > target.lastCursorPosition().position():
            return
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        cursor.deletePreviousChar()


def tidy_table(table: QTextFrame, mode: str) -> None:
    """First block of every cell without top margin: both languages of a row start level."""
    for language in ("zh", "en"):
        target = cell(table, mode, language)
        if target is None or not target.isValid():
            continue
        cursor = target.firstCursorPosition()
        fmt = cursor.blockFormat()
        if fmt.topMargin() != 0:
            fmt.setTopMargin(0)
            cursor.setBlockFormat(fmt)


def tidy_separators(document: QTextDocument, from_position: int) -> None:
    """The empty paragraphs Qt keeps between tables: make them a few pixels high."""
    block = document.findBlock(max(0, from_position))
    fmt = QTextBlockFormat()
    fmt.setLineHeight(2, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    fmt.setTopMargin(0)
    fmt.setBottomMargin(0)
    char = QTextCharFormat()
    char.setFontPointSize(1)
    while block.isValid():
        cursor = QTextCursor(block)
        if cursor.currentTable() is None and not block.text():
            cursor.setBlockFormat(fmt)
            cursor.setBlockCharFormat(char)
        block = block.next()
