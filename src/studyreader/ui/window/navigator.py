"""The entry navigator: the file's dated entries, newest first, with the co-learning verdict."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from studyreader.notes.verdict import verdicts_by_date

DATE_ROLE = Qt.ItemDataRole.UserRole
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 1


_ICONS: dict[str, QIcon] = {}


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def verdict_icon(verdict: str) -> QIcon:
    """A painted mark per verdict (✅ ⭕️ ❌ need an emoji font the desktop may not have)."""
    if verdict in _ICONS:
        return _ICONS[verdict]
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colours = {"done": QColor(46, 160, 67), "missed": QColor(230, 140, 20), "eliminated": QColor(210, 50, 50)}
    colour = colours.get(verdict)
    if colour is not None:
        if verdict == "done":
            painter.setBrush(colour)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(QRectF(3, 3, 26, 26), 6, 6)
            painter.setPen(_pen(QColor("white"), 3.5))
            painter.drawPolyline([QPointF(9, 16.5), QPointF(14, 21.5), QPointF(23, 10.5)])
        elif verdict == "missed":
            painter.setPen(QPen(colour, 4))
            painter.drawEllipse(QRectF(6, 6, 20, 20))
        else:
            painter.setPen(_pen(colour, 4.5))
            painter.drawLine(QPointF(8, 8), QPointF(24, 24))
            painter.drawLine(QPointF(24, 8), QPointF(8, 24))
    painter.end()
    _ICONS[verdict] = QIcon(pixmap)
    return _ICONS[verdict]


def _verdict_and_symbol(verdict) -> tuple[str, str]:
    """A day's verdict (from the notes or the start-up cache), or none: outside the programme."""
    return (verdict.verdict, verdict.symbol) if verdict is not None else ("", "")


class EntryNavigator(QWidget):
    """A list of the dated entries; activating one asks the window to jump there."""

    dateActivated = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.title = QLabel(self)
        self.title.setObjectName("paneTitle")
        self.list = QListWidget(self)
        self.list.setObjectName("entryList")
        self.list.setUniformItemSizes(True)
        self.list.setIconSize(QSize(16, 16))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        self._entries: list = []
        self._verdicts: dict = {}
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Entries"))
        self.list.setToolTip(self.tr("Dated entries, newest first. Click one to jump to it."))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def set_notes(self, notes) -> None:
        entries = list(notes.entries) if notes is not None else []
        self.set_entries(entries, verdicts_by_date(notes) if notes is not None else {})

    def set_entries(self, entries, verdicts: dict) -> None:
        """Entries (``date``, ``line``, ``chars``) and their verdicts (date -> ``verdict``, ``symbol``).

        The list is only rebuilt when what it shows changed (the start-up cache fills it first,
        the parsed notes confirm it a moment later).
        """
        entries = list(entries)
        if self._shown_as(entries, verdicts) == self._shown_as(self._entries, self._verdicts) and self.list.count():
            self._entries, self._verdicts = entries, dict(verdicts)
            return
        self._entries, self._verdicts = entries, dict(verdicts)
        self._fill()

    @staticmethod
    def _shown_as(entries, verdicts: dict) -> list[tuple]:
        return [
            (e.date, e.line, e.chars, *_verdict_and_symbol(verdicts.get(e.date)))
            for e in entries
        ]

    def dates(self) -> list[_dt.date]:
        """The dates in list order (newest first)."""
        return [self.list.item(i).data(DATE_ROLE) for i in range(self.list.count())]

    def item_for(self, day: _dt.date) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(DATE_ROLE) == day:
                return item
        return None

    def select_date(self, day: _dt.date) -> None:
        item = self.item_for(day)
        if item is not None:
            self.list.setCurrentItem(item)

    def _fill(self) -> None:
        current = self.list.currentItem().data(DATE_ROLE) if self.list.currentItem() else None
        self.list.clear()
        seen: set[_dt.date] = set()
        for entry in sorted(self._entries, key=lambda e: (e.date, e.line), reverse=True):
            if entry.date in seen:
                continue  # a duplicated date: the navigator jumps to the first heading
            seen.add(entry.date)
            verdict = self._verdicts.get(entry.date)
            label = entry.date.isoformat()
            chars = self.tr("{n} chars").format(n=entry.chars) if entry.chars else self.tr("empty")
            name, _symbol = _verdict_and_symbol(verdict)
            item = QListWidgetItem(verdict_icon(name), f"{label}   ·  {chars}")
            item.setData(DATE_ROLE, entry.date)
            item.setData(VERDICT_ROLE, name)
            item.setToolTip(self._tooltip(entry, verdict))
            self.list.addItem(item)
        if current is not None:
            self.select_date(current)

    def _tooltip(self, entry, verdict) -> str:
        names = {
            "done": self.tr("done: counts for the programme"),
            "missed": self.tr("missed"),
            "eliminated": self.tr("eliminated"),
            "pending": self.tr("pending: today is not over"),
        }
        name, symbol = _verdict_and_symbol(verdict)
        state = names.get(name, self.tr("outside the programme"))
        return self.tr("{date}, line {line}: {state}").format(
            date=entry.date.isoformat(), line=entry.line, state=f"{symbol} {state}".strip()
        )

    def _activated(self, item: QListWidgetItem) -> None:
        day = item.data(DATE_ROLE)
        if day is not None:
            self.dateActivated.emit(day)
