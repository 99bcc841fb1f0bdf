"""The entry navigator: the file's dated entries, newest first, each with the programme bot's mark
(:mod:`studyreader.programme.marks`) and its reason on hover."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from studyreader.ui.widgets.marks import mark_icon, mark_tooltip
from studyreader.ui.window.strip import ProgrammeStrip

DATE_ROLE = Qt.ItemDataRole.UserRole
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 1


def _kind(mark) -> str:
    """A day's mark kind (from the programme's marks or the start-up cache); "" outside the programme."""
    return mark.kind if mark is not None else ""


def _shown(mark) -> tuple:
    return (mark.kind, mark.reason, mark.published) if mark is not None else ("", "", None)


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
        self.strip_title = QLabel(self)
        self.strip_title.setObjectName("paneTitle")
        self.strip_title.setWordWrap(True)
        self.strip = ProgrammeStrip(self)
        self.strip.dateActivated.connect(self.dateActivated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(4)
        layout.addWidget(self.strip_title)
        layout.addWidget(self.strip)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        self._entries: list = []
        self._verdicts: dict = {}
        self._in_programme = False
        self._span: tuple[_dt.date, _dt.date] | None = None
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Entries"))
        self.list.setToolTip(self.tr("Dated entries, newest first. Click one to jump to it."))
        self._title_strip()
        self.strip.setToolTip(self.tr("The bot's mark for every programme day; hover a day for the reason."))
        self.strip.setAccessibleName(self.tr("Programme days and the bot's marks"))
        self._fill()

    def _title_strip(self) -> None:
        if self._span is None:
            self.strip_title.setText(self.tr("Programme"))
        else:
            first, last = self._span
            self.strip_title.setText(self.tr("Programme {first} – {last}").format(
                first=first.strftime("%m-%d"), last=last.strftime("%m-%d")))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def set_notes(self, notes, status=None) -> None:
        """The notes' entries with the marks of ``status`` (the programme's verdicts for these notes)."""
        from studyreader.programme.marks import marks_by_date

        entries = list(notes.entries) if notes is not None else []
        self.set_entries(entries, marks_by_date(status), status is not None and status.in_programme)

    def set_entries(self, entries, verdicts: dict, in_programme: bool = False) -> None:
        """Entries (``date``, ``line``, ``chars``) and their marks (date -> ``kind``, ``reason``, ``published``).

        The list is only rebuilt when what it shows changed (the start-up cache fills it first,
        the parsed notes confirm it a moment later).
        """
        entries = list(entries)
        self._in_programme = in_programme
        self.strip.set_marks(list(verdicts.values()) if in_programme else [])
        self._span = (min(verdicts), max(verdicts)) if in_programme and verdicts else None
        self._title_strip()
        self.strip.setVisible(in_programme)
        self.strip_title.setVisible(in_programme)
        if self._shown_as(entries, verdicts) == self._shown_as(self._entries, self._verdicts) and self.list.count():
            self._entries, self._verdicts = entries, dict(verdicts)
            return
        self._entries, self._verdicts = entries, dict(verdicts)
        self._fill()

    @staticmethod
    def _shown_as(entries, verdicts: dict) -> list[tuple]:
        return [
            (e.date, e.line, e.chars, *_shown(verdicts.get(e.date)))
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
            name = _kind(verdict)
            item = QListWidgetItem(mark_icon(name), f"{label}   ·  {chars}")
            item.setData(DATE_ROLE, entry.date)
            item.setData(VERDICT_ROLE, name)
            item.setToolTip(self._tooltip(entry, verdict))
            self.list.addItem(item)
        if current is not None:
            self.select_date(current)

    def _tooltip(self, entry, mark) -> str:
        heading = self.tr("{date}, line {line}").format(date=entry.date.isoformat(), line=entry.line)
        return mark_tooltip(mark, heading)

    def _activated(self, item: QListWidgetItem) -> None:
        day = item.data(DATE_ROLE)
        if day is not None:
            self.dateActivated.emit(day)
