"""The editor's programme line: would the entry, saved now, count (with the one-line reason), the leave
budget of the current week or cycle, when the bot's day ends in local time; "Save and Check In" and,
for programmes whose website writes the entries, "Copy for the Website"; a banner for the check-in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from studyreader.ui.messages import worded
from studyreader.ui.widgets.banner import Banner
from studyreader.ui.widgets.marks import paint_mark

ICON = 18


# Called with literal texts so that pyside6-lupdate finds them (it reads no wrapper function).
translate = QCoreApplication.translate  # context "EntryEditor"


def local_time(moment) -> str:
    """A moment in the user's own zone, as the desktop writes times."""
    local = moment.astimezone()
    day = QDate(local.year, local.month, local.day)
    # A date pattern (QLocale names the weekday and month) that the translation orders for its language.
    pattern = translate("EntryEditor", "ddd dd MMM")
    return f"{QLocale().toString(local.time(), QLocale.FormatType.ShortFormat)} ({QLocale().toString(day, pattern)})"


class ProgrammeBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmeBar")
        self.mark = QLabel(self)
        self.mark.setFixedSize(QSize(ICON, ICON))
        self.verdict_label = QLabel(self)
        self.verdict_label.setObjectName("willItCount")
        self.verdict_label.setTextFormat(Qt.TextFormat.PlainText)  # quotes the notes
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.budget_label = QLabel(self)
        self.budget_label.setObjectName("leaveBudget")
        self.budget_label.setTextFormat(Qt.TextFormat.PlainText)
        self.budget_label.setWordWrap(True)
        self.budget_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyForWebsite")
        self.copy_button.hide()
        self.checkin_button = QPushButton(self)
        self.checkin_button.setObjectName("saveAndCheckIn")
        self.banner = Banner("checkinBanner", self)
        self.banner_close = self.banner.add_button(self.banner.hide)
        self.error_banner = Banner("checkinErrorBanner", self, error=True)
        self.error_close = self.error_banner.add_button(self.error_banner.hide)

        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        texts.setSpacing(0)
        texts.addWidget(self.verdict_label)
        texts.addWidget(self.budget_label)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)
        row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.checkin_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.banner)
        layout.addWidget(self.error_banner)
        self.kind = ""
        self._shown = None  # (forecast, in_programme) shown, worded again when the language changes

    def retranslate(self) -> None:
        self.banner_close.setText(translate("EntryEditor", "Close"))
        self.error_close.setText(translate("EntryEditor", "Close"))
        if self._shown is not None:
            self.show_forecast(*self._shown)

    def _set_mark(self, kind: str) -> None:
        self.kind = kind
        pixmap = QPixmap(ICON * 2, ICON * 2)
        pixmap.setDevicePixelRatio(2)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        paint_mark(painter, kind, QRectF(0, 0, ICON, ICON))
        painter.end()
        self.mark.setPixmap(pixmap)

    def show_forecast(self, forecast, in_programme: bool) -> None:
        """The live answer: ``forecast`` is a ``studyreader.programme.Forecast``."""
        self._set_mark("counts" if forecast.counts else "nocount")
        self._shown = (forecast, in_programme)
        answer = worded(forecast.line)
        self.verdict_label.setText(translate("EntryEditor", "Saved now: {answer}").format(answer=answer))
        self.verdict_label.setToolTip(answer)
        ends = local_time(forecast.day_ends)
        if forecast.budget is not None:
            budget = forecast.budget
            span = f"{budget.first.isoformat()} – {budget.last.isoformat()}"
            if budget.kind == "week":
                text = translate("EntryEditor", "Leave this week ({span}): {used} of {allowed} used")
            else:
                text = translate("EntryEditor", "Leave this cycle ({span}): {used} of {allowed} used")
            text = text.format(span=span, used=budget.used, allowed=budget.allowed)
        elif in_programme:
            text = translate("EntryEditor", "Leave: no programme week is running today")
        else:
            text = translate(
                "EntryEditor", "No programme known for this file: nothing is missed, entries only count or not")
        zone = forecast.zone.name
        text += " · " + translate("EntryEditor", "the bot's day ({zone}) ends at {time} your time").format(
            zone=zone, time=ends)
        self.budget_label.setText(text)

    def clear(self) -> None:
        self._shown = None
        self._set_mark("")
        self.verdict_label.setText("")
        self.budget_label.setText("")

    def show_progress(self, text: str) -> None:
        self.error_banner.hide()
        self.banner_close.hide()
        self.banner.show_message(text)

    def show_result(self, text: str) -> None:
        self.error_banner.hide()
        self.banner_close.show()
        self.banner.show_message(text)

    def show_error(self, text: str) -> None:
        self.banner.hide()
        self.error_banner.show_message(text)
