"""The habit view: a year of study minutes as a contribution-style heat map, streaks and the week.

Thin: the numbers come from the study log, the review store and
:mod:`studyreader.study.stats`; this module only draws them. Each column is a
week (first day from the locale), each row a weekday; a dot marks days whose
notes entry is written, a corner mark days with term reviews. A day with either
study reaching the goal or a review keeps the streak.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyreader.study.context import NotesContext, load_context
from studyreader.study.stats import (
    current_streak,
    day_minutes,
    longest_streak,
    week_start,
    week_total,
)
from studyreader.ui.messages import error_text
from studyreader.ui.settings import Settings
from studyreader.ui.study.heat_map import WEEKS, HeatMap, Legend, WeekdayLabels, first_weekday

if TYPE_CHECKING:
    from studyreader.study.log import StudyLog


class ManualEntryDialog(QDialog):
    """Log study done away from the computer (what `studyreader log` does)."""

    def __init__(self, log, context: NotesContext, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manualEntryDialog")
        self.log = log
        self.context = context
        self.today = today
        self.result_entry = None
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(30)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date.setDate(QDate(today.year, today.month, today.day))
        self.note = QLineEdit(self)
        self.error = QLabel(self)
        self.error.setObjectName("manualEntryError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log study time"))
        while self.form.rowCount():
            self.form.takeRow(0)
        self.minutes.setSuffix(self.tr(" min"))
        self.note.setPlaceholderText(self.tr("e.g. read the fault proof spec on the train"))
        self.form.addRow(self.tr("Minutes:"), self.minutes)
        self.form.addRow(self.tr("Day:"), self.date)
        self.form.addRow(self.tr("Note:"), self.note)

    def accept(self) -> None:
        from studyreader.study.log import StudyLogError

        picked = self.date.date()
        day = date(picked.year(), picked.month(), picked.day())
        try:
            self.result_entry = self.log.add_manual(
                day,
                self.minutes.value(),
                tz=self.context.tz,
                note=self.note.text().strip() or None,
                notes_path=self.context.path,
                today=self.today,
            )
        except StudyLogError as error:
            self.error.setText(self.tr("Not logged: {reason}").format(reason=error_text(error)))
            self.error.show()
            return
        super().accept()


class HabitView(QWidget):
    """Streaks, this week against the goal, and the year's heat map."""

    dayActivated = Signal(object)  # datetime.date

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        log: StudyLog,
        settings: Settings,
        notes_path: Path | str | None = None,
        today: Callable[[], date] | None = None,
        reviews: Callable[[date, date], Mapping[date, int]] | None = None,
    ) -> None:
        """``reviews(start, end)``: term reviews per day (the review store's), shown beside the minutes."""
        super().__init__(parent)
        self.setObjectName("habitView")
        self._reviews_fn = reviews
        self._reviews: dict[date, int] = {}
        self.settings = settings
        self.log = log
        self._today_fn = today
        self._context: NotesContext = load_context(None)
        self._notes_path: Path | None = None
        self._notes_stamp = None
        self._minutes: dict[date, int] = {}

        self.streak_label = QLabel(self)
        self.streak_label.setObjectName("habitStreak")
        self.longest_label = QLabel(self)
        self.longest_label.setObjectName("habitLongest")
        self.today_label = QLabel(self)
        self.today_label.setObjectName("habitToday")
        self.week_label = QLabel(self)
        self.week_label.setObjectName("habitWeek")
        self.week_bar = QProgressBar(self)
        self.week_bar.setObjectName("habitWeekBar")
        self.week_bar.setTextVisible(False)
        self.week_bar.setFixedHeight(8)
        self.week_bar.setMinimumWidth(120)
        self.zone_label = QLabel(self)
        self.zone_label.setObjectName("habitZone")
        self.log_button = QPushButton(self)
        self.log_button.setObjectName("habitLogButton")
        self.log_button.clicked.connect(self.open_manual_entry)
        for label in (self.streak_label, self.longest_label, self.today_label, self.week_label, self.zone_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        big = self.streak_label.font()
        big.setPointSizeF(max(big.pointSizeF(), 9) * 1.35)
        big.setBold(True)
        self.streak_label.setFont(big)

        self.heat_map = HeatMap(self)
        self.heat_map.dayActivated.connect(self.dayActivated)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.heat_map)
        self.scroll.setWidgetResizable(False)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.scroll.setMinimumWidth(200)
        self.weekdays = WeekdayLabels(self.heat_map, self)
        self.legend = Legend(self.heat_map, self)

        top = QGridLayout()
        top.setHorizontalSpacing(18)
        top.setVerticalSpacing(2)
        top.addWidget(self.streak_label, 0, 0)
        top.addWidget(self.longest_label, 1, 0)
        top.addWidget(self.today_label, 0, 1)
        top.addWidget(self.zone_label, 1, 1)
        top.addWidget(self.week_label, 0, 2)
        top.addWidget(self.week_bar, 1, 2)
        top.setColumnStretch(3, 1)
        top.addWidget(self.log_button, 0, 4, 2, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        grid_row = QHBoxLayout()
        grid_row.setSpacing(2)
        grid_row.addWidget(self.weekdays, 0, Qt.AlignmentFlag.AlignTop)
        grid_row.addWidget(self.scroll, 1)
        layout.addLayout(grid_row)
        layout.addWidget(self.legend)
        layout.addStretch(1)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(60_000)  # the day may change while the view is open
        self._refresh_timer.timeout.connect(self.refresh)
        settings.changed.connect(self._setting_changed)
        self.set_notes_path(notes_path)

    # -- public API --------------------------------------------------------
    def set_notes_path(self, path: Path | str | None) -> None:
        self._notes_path = Path(path) if path else None
        self._notes_stamp = None
        self._reload_context()
        self.refresh()

    def _reload_context(self) -> None:
        """Re-read the notes when the file changed (the editor saved today's entry, a git pull)."""
        stamp = None
        if self._notes_path is not None:
            try:
                info = self._notes_path.stat()
                stamp = (info.st_mtime_ns, info.st_size)
            except OSError:
                stamp = None
        if stamp != self._notes_stamp or self._notes_stamp is None:
            self._notes_stamp = stamp
            self._context = load_context(self._notes_path)

    def today(self) -> date:
        return self._today_fn() if self._today_fn is not None else self._context.today()

    @property
    def goal(self) -> int:
        return self.settings.daily_goal_minutes

    def refresh(self) -> None:
        """Re-query the log (and the notes, if the file changed) and redraw."""
        self._reload_context()
        today = self.today()
        tz = self._context.tz
        # all history, so that the longest streak is all-time; at least the year on show
        first_logged = self.log.first_day(tz) or today
        start = min(first_logged, week_start(today, first_weekday()) - timedelta(weeks=WEEKS))
        self._minutes = day_minutes(self.log.day_seconds(tz, start, today))
        self._reviews = dict(self._reviews_fn(start, today)) if self._reviews_fn is not None else {}
        self.heat_map.set_data(self._minutes, self._context.entries, today, self.goal, reviews=self._reviews)
        self.heat_map.resize(self.heat_map.sizeHint())
        # room for the map and, when the view is narrow, its scroll bar
        bar = self.scroll.horizontalScrollBar().sizeHint().height()
        self.scroll.setFixedHeight(self.heat_map.sizeHint().height() + bar + 2)
        self.weekdays.updateGeometry()
        self.retranslate()
        self._scroll_to_today()

    def minutes(self) -> dict[date, int]:
        return dict(self._minutes)

    def reviews(self) -> dict[date, int]:
        return dict(self._reviews)

    def manual_entry_dialog(self) -> ManualEntryDialog:
        return ManualEntryDialog(self.log, self._context, self.today(), self)

    def open_manual_entry(self) -> None:
        """"Log time…": study done away from the computer."""
        dialog = self.manual_entry_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    # -- internals ---------------------------------------------------------
    def _scroll_to_today(self) -> None:
        bar = self.scroll.horizontalScrollBar()
        bar.setValue(bar.maximum())

    def _setting_changed(self, key: str) -> None:
        if key.startswith("study/"):
            self.refresh()

    def retranslate(self) -> None:
        today = self.today()
        goal = self.goal
        streak = current_streak(self._minutes, today, goal, self._reviews)
        longest = longest_streak(self._minutes, goal, self._reviews)
        if streak == 1:
            self.streak_label.setText(self.tr("Current streak: 1 day"))
        else:
            self.streak_label.setText(self.tr("Current streak: {n} days").format(n=streak))
        if longest == 1:
            self.longest_label.setText(self.tr("Longest streak: 1 day"))
        else:
            self.longest_label.setText(self.tr("Longest streak: {n} days").format(n=longest))
        today_minutes = self._minutes.get(today, 0)
        if today in self._context.entries:
            entry = self.tr("entry written")
        elif self._context.path is None:
            entry = self.tr("no notes file")
        else:
            entry = self.tr("entry not written yet")
        text = self.tr("Today: {minutes} / {goal} min · {entry}").format(minutes=today_minutes, goal=goal, entry=entry)
        reviewed = self._reviews.get(today, 0)
        if reviewed:
            text += " · " + (self.tr("1 term reviewed") if reviewed == 1
                             else self.tr("{n} terms reviewed").format(n=reviewed))
        self.today_label.setText(text)
        week = week_total(self._minutes, today, first_weekday())
        week_goal = goal * 7
        self.week_label.setText(self.tr("This week: {minutes} / {goal} min").format(minutes=week, goal=week_goal))
        self.week_bar.setRange(0, week_goal)
        self.week_bar.setValue(min(week, week_goal))
        self.zone_label.setText(self.tr("Days in {zone}").format(zone=self._context.tz_name))
        self.log_button.setText(self.tr("Log time\u2026"))
        self.log_button.setToolTip(self.tr("Add study done away from the computer"))
        self.zone_label.setToolTip(
            self.tr("Minutes are counted in the calendar days of the notes file's time zone.")
        )
        self.legend.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        self.refresh()
        self._refresh_timer.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self._refresh_timer.stop()
        super().hideEvent(event)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.layout().contentsMargins()
        wide = (
            self.weekdays.sizeHint().width() + self.heat_map.sizeHint().width()
            + margins.left() + margins.right() + 8
        )
        return QSize(max(hint.width(), wide), hint.height())


class HabitDialog(QDialog):
    """A non-modal window around a :class:`HabitView`."""

    def __init__(self, parent: QWidget | None = None, **kwargs) -> None:
        super().__init__(parent)
        self.setObjectName("habitDialog")
        self.view = HabitView(self, **kwargs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.setModal(False)
        self.retranslate()
        self.resize(self.sizeHint())

    def set_notes_path(self, path) -> None:
        self.view.set_notes_path(path)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Study habit"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
