"""Tab and Shift+Tab in the reader: the search for the next link starts on screen, also after scrolling."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser


def start_tab_search_on_screen(view: QTextBrowser, forward: bool) -> None:
    """Place the view's selection where Qt's search for the next (or previous) link should start.

    Scrolling (PageDown, the wheel) leaves the text cursor where it was, and Qt looks for
    the next link from a selection there (without one: from the start of the document).
    When that place is off screen, the search starts at the top of the view instead (at
    its bottom for Shift+Tab), from a one-character selection Qt searches onwards from.
    """
    cursor = view.textCursor()
    if cursor.hasSelection() and view.viewport().rect().intersects(view.cursorRect(cursor)):
        return
    edge = 4 if forward else max(4, view.viewport().height() - 4)
    position = view.cursorForPosition(QPoint(4, edge)).position()
    start = QTextCursor(view.document())
    last = view.document().characterCount() - 1
    if forward:
        start.setPosition(max(0, position - 1))
    else:
        start.setPosition(min(last, position + 1))
    start.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    top = view.verticalScrollBar().value()
    view.setTextCursor(start)
    view.verticalScrollBar().setValue(top)  # placing the cursor must not scroll the view
