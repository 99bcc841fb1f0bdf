"""The programme strip: one small cell per programme day with the bot's mark (days without an entry
included), wrapped into rows so it fits the entry list's least width. Hovering a cell gives the
reason; the cell of the entry being written shows the editor's live will-it-count answer."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from studyreader.messages import Message
from studyreader.ui.messages import worded
from studyreader.ui.widgets.marks import mark_tooltip, paint_mark

CELL = 16  # pixels per cell, gap included
GAP = 2


class ProgrammeStrip(QWidget):
    """The marks of every programme day, oldest first, seven to a row where there is room."""

    dateActivated = Signal(object)  # a cell was clicked: datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmeStrip")
        self.setMouseTracking(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._marks: list = []  # DayMark per programme day, oldest first
        self._live: tuple[_dt.date, bool, Message | None] | None = None  # (day, counts, line) from the editor

    # -- what it shows ---------------------------------------------------------------------------
    def set_marks(self, marks) -> None:
        """The marks of the programme days (``date``, ``kind``, ``reason``, ``published``)."""
        self._marks = sorted(marks, key=lambda mark: mark.date)
        self.updateGeometry()
        self.update()

    def set_live(self, day: _dt.date | None, counts: bool = False, line: Message | None = None) -> None:
        """The editor's answer for the entry being written (``day`` None: no editor)."""
        self._live = (day, counts, line) if day is not None else None
        self.update()

    def days(self) -> list[_dt.date]:
        return [mark.date for mark in self._marks]

    def kind_shown(self, day: _dt.date) -> str:
        """The mark drawn in ``day``'s cell ("" when the day is not in the strip)."""
        for mark in self._marks:
            if mark.date == day:
                return self._drawn_kind(mark)
        return ""

    def tooltip_for(self, day: _dt.date) -> str:
        for mark in self._marks:
            if mark.date == day:
                return self._tooltip(mark)
        return ""

    # -- layout ----------------------------------------------------------------------------------
    @staticmethod
    def _columns(width: int) -> int:
        """As many cells as fit, in whole weeks where a week fits."""
        columns = max(1, width // CELL)
        return columns // 7 * 7 if columns >= 7 else columns

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if not self._marks:
            return 0
        rows = -(-len(self._marks) // self._columns(width))
        return rows * CELL + GAP

    def sizeHint(self) -> QSize:
        return QSize(7 * CELL, self.heightForWidth(7 * CELL))

    def minimumSizeHint(self) -> QSize:
        return QSize(CELL, self.heightForWidth(self.width() or 7 * CELL))

    def _cell_rect(self, index: int) -> QRectF:
        columns = self._columns(self.width())
        row, column = divmod(index, columns)
        return QRectF(column * CELL + GAP / 2, row * CELL + GAP / 2, CELL - GAP, CELL - GAP)

    def _index_at(self, point: QPoint) -> int | None:
        for index in range(len(self._marks)):
            if self._cell_rect(index).contains(point.toPointF()):
                return index
        return None

    # -- painting and hover ----------------------------------------------------------------------
    def _drawn_kind(self, mark) -> str:
        live = self._live
        if live is not None and live[0] == mark.date and mark.kind in ("pending", "nocount", "counts"):
            return "counts" if live[1] else "nocount"
        return mark.kind

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        frame = palette.color(QPalette.ColorRole.Mid)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        for index, mark in enumerate(self._marks):
            rect = self._cell_rect(index)
            is_live = self._live is not None and self._live[0] == mark.date
            painter.setPen(QPen(highlight if is_live else frame, 2 if is_live else 1))
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawRoundedRect(rect, 2, 2)
            paint_mark(painter, self._drawn_kind(mark), rect.adjusted(1, 1, -1, -1))
        painter.end()

    def _tooltip(self, mark) -> str:
        heading = mark.date.isoformat()
        text = mark_tooltip(mark, heading)
        if self._live is not None and self._live[0] == mark.date and self._live[2] is not None:
            text += "\n" + self.tr("The entry you are writing, saved now: {answer}").format(
                answer=worded(self._live[2]))
        return text

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            index = self._index_at(event.pos())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self._tooltip(self._marks[index]), self)
            return True
        return super().event(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self._index_at(event.position().toPoint())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.dateActivated.emit(self._marks[index].date)
        super().mouseReleaseEvent(event)
