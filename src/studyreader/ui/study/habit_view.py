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

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QMouseEvent, QPainter, QPalette, QPen, QPolygonF
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
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from studyreader.study.context import NotesContext, load_context
from studyreader.study.stats import (
    DEFAULT_GOAL_MINUTES,
    current_streak,
    day_minutes,
    longest_streak,
    week_start,
    week_total,
)
from studyreader.ui.settings import Settings

if TYPE_CHECKING:
    from studyreader.study.log import StudyLog

WEEKS = 53
CELL = 12
GAP = 3
# Green ramps of a contribution graph, fewer to more minutes: on a light window
# more is darker, on a dark window more is brighter.
LEVEL_COLORS = ("#9be9a8", "#40c463", "#30a14e", "#216e39")
LEVEL_COLORS_DARK = ("#0e4429", "#006d32", "#26a641", "#39d353")


def level_of(minutes: int, goal: int) -> int:
    """0 for nothing, 1-3 for a quarter/half/most of the goal, 4 when the goal is reached."""
    if minutes <= 0:
        return 0
    if minutes >= goal:
        return 4
    share = minutes / goal
    return 1 if share < 1 / 3 else 2 if share < 2 / 3 else 3


def _first_weekday() -> int:
    """0 = Monday .. 6 = Sunday, from the interface locale."""
    return int(QLocale().firstDayOfWeek().value) - 1


class HeatMap(QWidget):
    """One year of days; tooltips name the day, its minutes and whether its entry is written."""

    dayActivated = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("habitHeatMap")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.minutes: dict[date, int] = {}
        self.reviews: dict[date, int] = {}
        self.entries: frozenset[date] = frozenset()
        self.goal = DEFAULT_GOAL_MINUTES
        self.today = date.today()
        self.first_weekday = _first_weekday()
        self._left = 0
        self._top = 0
        self._update_margins()

    def set_data(
        self,
        minutes: Mapping[date, int],
        entries: frozenset[date] | set[date],
        today: date,
        goal: int,
        first_weekday: int | None = None,
        reviews: Mapping[date, int] | None = None,
    ) -> None:
        self.minutes = dict(minutes)
        self.reviews = dict(reviews or {})
        self.entries = frozenset(entries)
        self.today = today
        self.goal = max(1, goal)
        if first_weekday is not None:
            self.first_weekday = first_weekday
        self._update_margins()
        self.updateGeometry()
        self.update()

    # -- geometry ----------------------------------------------------------
    def _update_margins(self) -> None:
        metrics = QFontMetrics(self._small_font())
        self._left = 1
        self._top = metrics.height() + 4

    @property
    def top_margin(self) -> int:
        return self._top

    def _small_font(self):
        font = self.font()
        size = font.pointSizeF()
        if size > 0:
            font.setPointSizeF(max(7.0, size * 0.85))
        return font

    def first_day(self) -> date:
        return week_start(self.today, self.first_weekday) - timedelta(weeks=WEEKS - 1)

    def cell_rect(self, day: date) -> QRect | None:
        offset = (day - self.first_day()).days
        if offset < 0 or day > self.today:
            return None
        column, row = divmod(offset, 7)
        return QRect(self._left + column * (CELL + GAP), self._top + row * (CELL + GAP), CELL, CELL)

    def day_at(self, pos: QPoint) -> date | None:
        x = pos.x() - self._left
        y = pos.y() - self._top
        if x < 0 or y < 0:
            return None
        column, cx = divmod(x, CELL + GAP)
        row, cy = divmod(y, CELL + GAP)
        if column >= WEEKS or row >= 7 or cx >= CELL or cy >= CELL:
            return None
        day = self.first_day() + timedelta(days=column * 7 + row)
        return day if day <= self.today else None

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._left + WEEKS * (CELL + GAP), self._top + 7 * (CELL + GAP))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    # -- text --------------------------------------------------------------
    def review_mark(self, day: date) -> QPolygonF | None:
        """The triangle in the top right corner of ``day``'s cell that marks its reviews."""
        rect = self.cell_rect(day)
        if rect is None:
            return None
        right, top, size = rect.right() + 1.0, float(rect.top()), CELL / 2
        return QPolygonF([QPointF(right - size, top), QPointF(right, top), QPointF(right, top + size)])

    def month_labels(self) -> list[tuple[int, str]]:
        """(x, short month name) above the first column of each month; the current month always
        gets one, at the map's right edge when its first column is too near it (or not on show)."""
        metrics = QFontMetrics(self._small_font())
        locale = QLocale()
        first = self.first_day()
        labels: list[tuple[int, int, str]] = []  # x, width, name
        for column in range(WEEKS):
            day = first + timedelta(days=column * 7)
            # the first column names its month only if at least two weeks of it are on show
            if day.day <= 7 or (column == 0 and day.day <= 15):
                name = locale.monthName(day.month, QLocale.FormatType.ShortFormat)
                x = self._left + column * (CELL + GAP)
                if not labels or x > labels[-1][0] + labels[-1][1] + 4:
                    labels.append((x, metrics.horizontalAdvance(name), name))
        right = self._left + WEEKS * (CELL + GAP) - GAP
        current = locale.monthName(self.today.month, QLocale.FormatType.ShortFormat)
        # the current month's first column: the first week starting on or after its 1st
        column = -(-(self.today.replace(day=1) - first).days // 7)
        start_x = self._left + column * (CELL + GAP) if column < WEEKS else right
        labels = [label for label in labels if label[0] < start_x]
        width = metrics.horizontalAdvance(current)
        x = min(start_x, right - width)
        labels = [label for label in labels if label[0] + label[1] + 4 < x]
        labels.append((x, width, current))
        return [(x, name) for x, _width, name in labels]

    def weekday_name(self, row: int) -> str:
        weekday = (self.first_weekday + row) % 7 + 1  # Qt: 1 = Monday
        return QLocale().dayName(weekday, QLocale.FormatType.ShortFormat)

    def tooltip_text(self, day: date) -> str:
        when = QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
        minutes = self.minutes.get(day, 0)
        if day in self.entries:
            entry = self.tr("entry written")
        else:
            entry = self.tr("no entry")
        studied = self.tr("{minutes} min studied").format(minutes=minutes)
        if minutes >= self.goal:
            studied = self.tr("{minutes} min studied (goal reached)").format(minutes=minutes)
        text = f"{when}\n{studied} · {entry}"
        reviews = self.reviews.get(day, 0)
        if reviews:
            text += "\n" + (self.tr("1 term reviewed") if reviews == 1
                            else self.tr("{n} terms reviewed").format(n=reviews))
        return text

    # -- events ------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            day = self.day_at(event.pos())
            if day is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_text(day), self, self.cell_rect(day))
            return True
        return super().event(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            day = self.day_at(event.position().toPoint())
            if day is not None:
                self.dayActivated.emit(day)
                return
        super().mouseReleaseEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LocaleChange, QEvent.Type.LanguageChange):
            self._update_margins()
            self.updateGeometry()
        super().changeEvent(event)

    def dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Window).lightness() < 128

    def level_colors(self) -> tuple[str, ...]:
        """Colours for levels 0 (nothing) to 4 (goal reached) in the current palette."""
        ramp = LEVEL_COLORS_DARK if self.dark() else LEVEL_COLORS
        return (self.empty_color().name(), *ramp)

    def empty_color(self) -> QColor:
        base = self.palette().color(QPalette.ColorRole.Window)
        return base.darker(112) if base.lightness() > 128 else base.lighter(160)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        muted = QColor(text_color)
        muted.setAlphaF(0.7)
        painter.setFont(self._small_font())
        metrics = painter.fontMetrics()

        painter.setPen(muted)
        for x, name in self.month_labels():
            painter.drawText(x, metrics.ascent() + 1, name)
        first = self.first_day()

        # Cells are drawn in batches, one call per colour: a year is 371 cells and
        # per-cell pen/brush changes make painting needlessly chatty.
        colors = [QColor(name) for name in self.level_colors()]
        by_level: list[list[QRectF]] = [[] for _ in range(5)]
        dots_on_dark: list[QPointF] = []
        dots_on_light: list[QPointF] = []
        for offset in range(WEEKS * 7):
            day = first + timedelta(days=offset)
            if day > self.today:
                break
            rect = QRectF(self.cell_rect(day))
            level = level_of(self.minutes.get(day, 0), self.goal)
            by_level[level].append(rect.adjusted(1, 1, -1, -1))
            if day in self.entries:
                (dots_on_light if colors[level].lightness() > 140 else dots_on_dark).append(rect.center())
        for level, rects in enumerate(by_level):
            if not rects:
                continue
            color = colors[level]
            # a 2 px pen with round joins around a 1 px smaller rect gives softly rounded cells
            painter.setPen(QPen(color, 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            painter.setBrush(QBrush(color))
            painter.drawRects(rects)
        # a white dot on dark cells, a near-black one on light cells
        for points, color in ((dots_on_dark, QColor("#ffffff")), (dots_on_light, QColor("#1b1f23"))):
            if points:
                painter.setPen(QPen(color, 4.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                painter.drawPoints(points)
        # a corner mark in the highlight colour on days with term reviews
        marks = [self.review_mark(day) for day in self.reviews if self.reviews[day] > 0]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(palette.color(QPalette.ColorRole.Highlight)))
        for mark in marks:
            if mark is not None:
                painter.drawPolygon(mark)
        today_rect = self.cell_rect(self.today)
        if today_rect is not None:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
            painter.drawRoundedRect(QRectF(today_rect).adjusted(0, 0, 0, 0), 2, 2)
        painter.end()


class WeekdayLabels(QWidget):
    """Weekday names beside the heat map's rows; stays put while the map scrolls."""

    def __init__(self, heat_map: HeatMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._map = heat_map
        self.setObjectName("habitWeekdays")

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = QFontMetrics(self._map._small_font())  # noqa: SLF001
        width = max(metrics.horizontalAdvance(self._map.weekday_name(i)) for i in range(7)) + 6
        return QSize(width, self._map.sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        color = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        color.setAlphaF(0.7)
        painter.setPen(color)
        painter.setFont(self._map._small_font())  # noqa: SLF001
        for row in (0, 2, 4, 6):  # every other row, as contribution graphs do
            y = self._map.top_margin + row * (CELL + GAP)
            painter.drawText(
                QRect(0, y - 3, self.width() - 4, CELL + 6),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self._map.weekday_name(row),
            )
        painter.end()


class Legend(QWidget):
    """Less ■■■■■ More · ● entry written."""

    def __init__(self, heat_map: HeatMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._map = heat_map
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.less = QLabel(self)
        self.more = QLabel(self)
        self.entry = QLabel(self)
        layout.addStretch(1)
        layout.addWidget(self.less)
        self._swatches = []
        for _ in range(5):
            swatch = QLabel(self)
            swatch.setFixedSize(CELL, CELL)
            self._swatches.append(swatch)
            layout.addWidget(swatch)
        layout.addWidget(self.more)
        layout.addSpacing(12)
        self.dot = QLabel("\u25cf", self)
        layout.addWidget(self.dot)
        layout.addWidget(self.entry)
        layout.addSpacing(12)
        self.review_mark = QLabel("\u25e5", self)  # the corner triangle the map draws
        self.review_mark.setForegroundRole(QPalette.ColorRole.Highlight)
        self.reviewed = QLabel(self)
        layout.addWidget(self.review_mark)
        layout.addWidget(self.reviewed)
        self.retranslate()
        self.restyle()

    def restyle(self) -> None:
        colors = self._map.level_colors()
        for swatch, color in zip(self._swatches, colors):
            swatch.setStyleSheet(f"background: {color}; border-radius: 2px;")

    def retranslate(self) -> None:
        self.less.setText(self.tr("Less"))
        self.more.setText(self.tr("More (goal)"))
        self.entry.setText(self.tr("entry written"))
        self.reviewed.setText(self.tr("terms reviewed (counts for the streak)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.restyle()
        super().changeEvent(event)


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
            self.error.setText(self.tr("Not logged: {reason}").format(reason=str(error)))
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
        start = min(first_logged, week_start(today, _first_weekday()) - timedelta(weeks=WEEKS))
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
        week = week_total(self._minutes, today, _first_weekday())
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

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        self.refresh()
        self._refresh_timer.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        self._refresh_timer.stop()
        super().hideEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802
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

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
