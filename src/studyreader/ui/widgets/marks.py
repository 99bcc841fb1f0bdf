"""The programme's marks as drawn icons and tooltips in words (the entry list, the programme strip, the
editor). ✅ ⭕️ ❌ need an emoji font the desktop may not have, so they are painted, and no tooltip
relies on them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from studyreader.ui.messages import worded

_ICONS: dict[str, QIcon] = {}
GREEN, ORANGE, RED, GREY = QColor(46, 160, 67), QColor(230, 140, 20), QColor(210, 50, 50), QColor(140, 140, 140)


def _pen(colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(colour, width, style)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def paint_mark(painter: QPainter, kind: str, rect: QRectF) -> None:
    """Draw the mark of ``kind`` (see ``studyreader.programme.marks.KINDS``) into ``rect``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(rect.topLeft())
    painter.scale(rect.width() / 32, rect.height() / 32)
    check = [QPointF(9, 16.5), QPointF(14, 21.5), QPointF(23, 10.5)]
    if kind == "done":
        painter.setBrush(GREEN)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(QRectF(3, 3, 26, 26), 6, 6)
        painter.setPen(_pen(QColor("white"), 3.5))
        painter.drawPolyline(check)
    elif kind == "counts":
        painter.setPen(_pen(GREEN, 3))
        painter.drawRoundedRect(QRectF(4, 4, 24, 24), 6, 6)
        painter.setPen(_pen(GREEN, 3.5))
        painter.drawPolyline(check)
    elif kind == "missed":
        painter.setPen(_pen(ORANGE, 4))
        painter.drawEllipse(QRectF(6, 6, 20, 20))
    elif kind == "eliminated":
        painter.setPen(_pen(RED, 4.5))
        painter.drawLine(QPointF(8, 8), QPointF(24, 24))
        painter.drawLine(QPointF(24, 8), QPointF(8, 24))
    elif kind == "nocount":
        painter.setPen(_pen(ORANGE, 3, Qt.PenStyle.DotLine))
        painter.drawRoundedRect(QRectF(4, 4, 24, 24), 6, 6)
        painter.setPen(_pen(ORANGE, 3.5))
        painter.drawLine(QPointF(10, 16), QPointF(22, 16))
    elif kind == "pending":
        painter.setPen(_pen(GREY, 2.5, Qt.PenStyle.DotLine))
        painter.drawEllipse(QRectF(7, 7, 18, 18))
    elif kind == "out":
        painter.setPen(_pen(GREY, 3))
        painter.drawLine(QPointF(10, 16), QPointF(22, 16))
    painter.restore()


def mark_icon(kind: str) -> QIcon:
    """A painted icon per kind; an empty one for no mark (a day outside the programme)."""
    if kind not in _ICONS:
        pixmap = QPixmap(32, 32)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        paint_mark(painter, kind, QRectF(0, 0, 32, 32))
        painter.end()
        _ICONS[kind] = QIcon(pixmap)
    return _ICONS[kind]


# Called with literal texts so that pyside6-lupdate finds them (it reads no wrapper function).
translate = QCoreApplication.translate  # context "ProgrammeMarks"


def mark_title(kind: str) -> str:
    """What the mark means, in words."""
    titles = {
        "done": translate("ProgrammeMarks", "Done: the bot marks this day done"),
        "missed": translate("ProgrammeMarks", "Missed: the bot marks this day missed (it uses one leave)"),
        "eliminated": translate("ProgrammeMarks", "Eliminated: more misses in one week than the leave allowance"),
        "pending": translate("ProgrammeMarks", "Not judged yet"),
        "out": translate("ProgrammeMarks", "Blank: the bot leaves the days after an elimination empty"),
        "counts": translate(
            "ProgrammeMarks", "Counts: the bot would count this entry (no programme known, so no day is missed)"),
        "nocount": translate(
            "ProgrammeMarks", "Does not count by the bot's rules (no programme known, so no day is missed)"),
    }
    return titles.get(kind, translate("ProgrammeMarks", "Outside the programme"))


def published_words(cell: str) -> str:
    words = {"done": translate("ProgrammeMarks", "done"), "missed": translate("ProgrammeMarks", "missed"),
             "eliminated": translate("ProgrammeMarks", "eliminated"), "blank": translate("ProgrammeMarks", "blank")}
    return words.get(cell, cell)


def mark_tooltip(mark, heading: str = "") -> str:
    """A mark's tooltip: ``heading`` (the day), what the mark means, why, and what the table says now."""
    lines = [heading] if heading else []
    if mark is None:
        lines.append(translate("ProgrammeMarks", "Outside the programme: no verdict for this day."))
        return "\n".join(lines)
    lines.append(mark_title(mark.kind))
    if mark.reason:
        lines.append(translate("ProgrammeMarks", "Why: {reason}").format(reason=worded(mark.reason)))
    if mark.published:
        lines.append(translate(
            "ProgrammeMarks", "The bot's table still says {cell}; it changes on the bot's next run.").format(
            cell=published_words(mark.published)))
    return "\n".join(lines)
