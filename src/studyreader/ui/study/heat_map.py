"""The habit view's year of days: a contribution-style heat map, its weekday names and legend.

Each column is a week (first day from the locale), each row a weekday; the green
of a cell grows with the minutes studied, a dot marks a written entry, a corner
mark a day with term reviews. Colours of the ramp are fixed (a contribution
graph's), the rest comes from the palette so that light and dark themes both work.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QMouseEvent, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolTip, QWidget

from studyreader.study.stats import DEFAULT_GOAL_MINUTES, week_start

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


def first_weekday() -> int:
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
        self.first_weekday = first_weekday()
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
        metrics = QFontMetrics(self.label_font())
        self._left = 1
        self._top = metrics.height() + 4

    @property
    def top_margin(self) -> int:
        return self._top

    def label_font(self):
        """The smaller font the map draws its month and weekday labels in."""
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

    def sizeHint(self) -> QSize:
        return QSize(self._left + WEEKS * (CELL + GAP), self._top + 7 * (CELL + GAP))

    def minimumSizeHint(self) -> QSize:
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
        metrics = QFontMetrics(self.label_font())
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

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            day = self.day_at(event.position().toPoint())
            if day is not None:
                self.dayActivated.emit(day)
                return
        super().mouseReleaseEvent(event)

    def changeEvent(self, event: QEvent) -> None:
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

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        muted = QColor(text_color)
        muted.setAlphaF(0.7)
        painter.setFont(self.label_font())
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

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self._map.label_font())
        width = max(metrics.horizontalAdvance(self._map.weekday_name(i)) for i in range(7)) + 6
        return QSize(width, self._map.sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        color = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        color.setAlphaF(0.7)
        painter.setPen(color)
        painter.setFont(self._map.label_font())
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.restyle()
        super().changeEvent(event)
