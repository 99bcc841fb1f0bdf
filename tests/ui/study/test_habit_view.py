"""The habit view: a year of days drawn as a heat map, tooltips, streaks, the week against the goal."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QToolTip

from studyreader.study.log import StudyLog
from studyreader.ui.settings import Settings
from studyreader.ui.study.habit_view import HabitDialog, HabitView
from studyreader.ui.study.heat_map import LEVEL_COLORS, WEEKS, level_of

TODAY = date(2026, 3, 4)  # a Wednesday


def write_notes(path, written):
    lines = ["---", "timezone: Asia/Shanghai", "---", "<!-- Content_START -->"]
    for day in sorted(written):
        lines += [f"### {day.isoformat()}", "今天读了 OP Stack 的 fault proof 设计文档。", ""]
    lines.append("<!-- Content_END -->")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def year(tmp_path):
    """A log with a year of varied study and a notes file with some entries."""
    log = StudyLog.open(tmp_path / "study.sqlite3")
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Asia/Shanghai")
    minutes = {}
    for back in range(1, 365):
        day = TODAY - timedelta(days=back)
        m = [0, 15, 30, 45, 60, 90][back % 6]
        if m:
            log.add_manual(day, m, tz=tz, today=TODAY)
            minutes[day] = m
    # the last five days all reach the goal, today is short of it
    for back in range(1, 6):
        day = TODAY - timedelta(days=back)
        extra = 60 - minutes.get(day, 0)
        if extra > 0:
            log.add_manual(day, extra, tz=tz, today=TODAY)
        minutes[day] = max(60, minutes.get(day, 0))
    log.add_manual(TODAY, 20, tz=tz, today=TODAY)
    minutes[TODAY] = 20
    written = {TODAY - timedelta(days=d) for d in (1, 2, 10, 200)}
    notes = write_notes(tmp_path / "notes.md", written)
    yield log, notes, minutes, written
    log.close()


@pytest.fixture
def view(qtbot, year, tmp_path):
    log, notes, _minutes, _written = year
    settings = Settings(tmp_path / "settings.ini")
    widget = HabitView(log=log, notes_path=notes, settings=settings, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(widget.sizeHint())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def submit_a_full_day(view, qtbot):
    """A manual entry of 24 hours on a day that already has minutes: the dialog must refuse it."""
    from PySide6.QtCore import QDate

    dialog = view.manual_entry_dialog()
    qtbot.addWidget(dialog)
    dialog.minutes.setValue(24 * 60)
    dialog.date.setDate(QDate(2026, 2, 1))
    dialog.show()
    dialog.accept()
    return dialog


def test_every_day_of_the_year_has_a_cell_and_a_tooltip(view, year):
    _log, _notes, minutes, written = year
    heat = view.heat_map
    first = heat.first_day()
    assert first.weekday() == heat.first_weekday
    assert (TODAY - first).days >= 365 - 7
    day = first
    seen = set()
    while day <= TODAY:
        rect = heat.cell_rect(day)
        assert rect is not None and heat.rect().contains(rect), day
        assert heat.day_at(rect.center()) == day
        text = heat.tooltip_text(day)
        assert f"{minutes.get(day, 0)} min studied" in text
        assert ("entry written" in text) == (day in written)
        assert ("no entry" in text) == (day not in written)
        seen.add((rect.x(), rect.y()))
        day += timedelta(days=1)
    assert len(seen) == (TODAY - first).days + 1  # no two days share a cell
    assert heat.cell_rect(TODAY + timedelta(days=1)) is None
    assert heat.cell_rect(first - timedelta(days=1)) is None


def test_tooltip_event_shows_the_day(qtbot, view, year):
    _log, _notes, minutes, _written = year
    heat = view.heat_map
    day = TODAY - timedelta(days=2)
    center = heat.cell_rect(day).center()
    event = QHelpEvent(QEvent.Type.ToolTip, center, heat.mapToGlobal(center))
    heat.event(event)
    qtbot.waitUntil(lambda: QToolTip.text() != "")
    assert QToolTip.text() == heat.tooltip_text(day)
    assert "60 min studied (goal reached)" in QToolTip.text()
    assert "entry written" in QToolTip.text()
    # between cells: no tooltip
    gap = QPoint(heat.cell_rect(day).right() + 2, center.y())
    assert heat.day_at(gap) is None


def test_cells_are_coloured_by_minutes_and_dotted_for_entries(view, year):
    _log, _notes, minutes, written = year
    heat = view.heat_map
    image = heat.grab().toImage()
    ratio = image.devicePixelRatio()

    def pixel(day, dx=0, dy=0):
        rect = heat.cell_rect(day)
        return QColor(image.pixel(int((rect.left() + 2 + dx) * ratio), int((rect.top() + 2 + dy) * ratio)))

    goal_day = next(d for d in sorted(minutes) if minutes[d] >= 60)
    assert heat.level_colors()[1:] == LEVEL_COLORS  # the light window of the test platform
    assert pixel(goal_day).name() == LEVEL_COLORS[3]
    short_day = next(d for d in sorted(minutes) if minutes[d] == 15)
    assert pixel(short_day).name() == LEVEL_COLORS[level_of(15, 60) - 1]
    empty_day = next(d for d in (TODAY - timedelta(days=k) for k in range(6, 365)) if d not in minutes)
    assert pixel(empty_day).name() == heat.empty_color().name()
    # the entry dot sits in the middle of the cell
    dotted = TODAY - timedelta(days=1)
    rect = heat.cell_rect(dotted)
    centre = QColor(image.pixel(int(rect.center().x() * ratio), int(rect.center().y() * ratio)))
    assert centre.name() != pixel(dotted).name()


def test_streaks_week_and_today(view, year):
    # five days in a row reach 60 min; today has 20 min so far: the streak runs through yesterday
    assert view.streak_label.text() == "Current streak: 5 days"
    longest = int(view.longest_label.text().split(": ")[1].split()[0])
    assert longest >= 5
    # the week began on Monday 2026-03-02: Mon + Tue = 60 + 60, Wed (today) 20
    assert view.week_label.text() == "This week: 140 / 420 min"
    assert view.week_bar.value() == 140 and view.week_bar.maximum() == 420
    assert view.today_label.text() == "Today: 20 / 60 min · entry not written yet"
    assert "Asia/Shanghai" in view.zone_label.text()


def test_goal_setting_changes_the_streak(view):
    view.settings.daily_goal_minutes = 15
    assert view.heat_map.goal == 15
    assert "Current streak: " in view.streak_label.text()
    assert view.streak_label.text() != "Current streak: 5 days"


def test_clicking_a_day_emits_it(qtbot, view):
    day = TODAY - timedelta(days=30)
    with qtbot.waitSignal(view.dayActivated) as activated:
        qtbot.mouseClick(view.heat_map, Qt.MouseButton.LeftButton, pos=view.heat_map.cell_rect(day).center())
    assert activated.args == [day]


def test_refresh_picks_up_new_minutes(view, year):
    log = year[0]
    from zoneinfo import ZoneInfo

    log.add_manual(TODAY, 50, tz=ZoneInfo("Asia/Shanghai"), today=TODAY)
    view.refresh()
    assert view.minutes()[TODAY] == 70
    assert view.streak_label.text() == "Current streak: 6 days"


def test_dialog_is_wide_enough_for_the_whole_year(qtbot, year, tmp_path):
    log, notes, _m, _w = year
    dialog = HabitDialog(log=log, notes_path=notes, settings=Settings(tmp_path / "s.ini"), today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.view
    bar = view.scroll.horizontalScrollBar()
    assert view.scroll.viewport().width() >= view.heat_map.width()
    assert bar.maximum() == 0
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=2000)  # the scroll area lays out after show
    assert view.heat_map.width() >= WEEKS * 12
    assert dialog.windowTitle() == "Study habit"


def test_refresh_sees_an_entry_written_after_opening(view, year):
    _log, notes, _minutes, written = year
    assert view.today_label.text().endswith("entry not written yet")
    write_notes(notes, written | {TODAY})
    import os

    stat = notes.stat()
    os.utime(notes, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    view.refresh()
    assert view.today_label.text().endswith("entry written")
    assert "entry written" in view.heat_map.tooltip_text(TODAY)


def test_manual_entry_dialog_logs_time_and_refuses_too_much(qtbot, view, year):
    from PySide6.QtCore import QDate

    dialog = view.manual_entry_dialog()
    qtbot.addWidget(dialog)
    assert dialog.date.maximumDate() == QDate(2026, 3, 4)  # no future days to pick
    dialog.minutes.setValue(45)
    dialog.date.setDate(QDate(2026, 2, 1))
    dialog.note.setText("读白皮书")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.result_entry.minutes == 45 and dialog.result_entry.note == "读白皮书"
    before = year[2].get(date(2026, 2, 1), 0)
    view.refresh()
    assert view.minutes()[date(2026, 2, 1)] == before + 45

    refused = submit_a_full_day(view, qtbot)
    assert refused.isVisible()  # stays open with the reason
    assert refused.error.isVisible() and "24 hours" in refused.error.text()
    view.refresh()
    assert view.minutes()[date(2026, 2, 1)] == before + 45


def test_habit_view_retranslates(qtbot, view):
    from PySide6.QtCore import QCoreApplication, QTranslator

    class DictTranslator(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return {("HabitView", "Current streak: {n} days"): "连续打卡：{n} 天"}.get((context, source))

        def isEmpty(self):
            return False

    translator = DictTranslator()
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: view.streak_label.text() == "连续打卡：5 天")
    finally:
        app.removeTranslator(translator)
    qtbot.waitUntil(lambda: view.streak_label.text() == "Current streak: 5 days")


def review_on(store, glossary, notes, day: date, grades: int = 1) -> None:
    """Grade ``grades`` cards on ``day`` (noon in the notes' zone) through a real review session."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    import fsrs

    from studyreader.review import GOOD, ReviewSession

    moment = datetime(day.year, day.month, day.day, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    session = ReviewSession(store, glossary, ZoneInfo("Asia/Shanghai"), clock=lambda: moment, new_per_day=50,
                            scheduler=fsrs.Scheduler(enable_fuzzing=False))
    for _ in range(grades):
        assert session.next_card() is not None
        session.grade(GOOD)


def test_reviews_show_beside_the_minutes_and_a_review_day_keeps_the_streak(qtbot, year, tmp_path):
    from studyreader.glossary import termbase
    from studyreader.notes import load_notes
    from studyreader.review import ReviewStore, sync_notes

    log, notes_path, _minutes, _written = year
    glossary = termbase.default_glossary()
    store = ReviewStore.open(tmp_path / "review.sqlite3")
    sync_notes(store, load_notes(notes_path), glossary, today=TODAY - timedelta(days=6))
    empty_day = TODAY - timedelta(days=6)  # no minutes at all: the day before the five-day run
    review_on(store, glossary, load_notes(notes_path), empty_day, grades=1)
    review_on(store, glossary, load_notes(notes_path), TODAY, grades=2)
    view = HabitView(log=log, notes_path=notes_path, settings=Settings(tmp_path / "settings.ini"),
                     today=lambda: TODAY, reviews=store.reviews_per_day)
    qtbot.addWidget(view)
    view.resize(view.sizeHint())
    view.show()
    qtbot.waitExposed(view)
    assert view.reviews() == {empty_day: 1, TODAY: 2}
    # the review-only day joins the run of five, and today counts once reviewed
    assert view.streak_label.text() == "Current streak: 7 days"
    assert view.today_label.text() == "Today: 20 / 60 min · entry not written yet · 2 terms reviewed"
    heat = view.heat_map
    assert "0 min studied" in heat.tooltip_text(empty_day) and "1 term reviewed" in heat.tooltip_text(empty_day)
    assert "reviewed" not in heat.tooltip_text(TODAY - timedelta(days=2))
    # the corner mark, in the palette's highlight colour, only on days with reviews
    image = heat.grab().toImage()
    ratio = image.devicePixelRatio()

    def corner(day):
        rect = heat.cell_rect(day)
        return QColor(image.pixel(int((rect.right() - 1) * ratio), int((rect.top() + 1) * ratio)))

    highlight = view.palette().color(view.palette().ColorRole.Highlight)
    assert corner(empty_day) == highlight
    assert corner(TODAY - timedelta(days=2)) != highlight
    store.close()


@pytest.mark.parametrize("today", [TODAY, date(2026, 12, 3), date(2026, 6, 30)])
def test_the_current_month_is_labelled_at_the_right_edge(qtbot, today):
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QFontMetrics

    from studyreader.ui.study.heat_map import HeatMap

    heat = HeatMap()
    qtbot.addWidget(heat)
    heat.set_data({}, set(), today, 60, first_weekday=0)
    heat.resize(heat.sizeHint())
    labels = heat.month_labels()
    name = QLocale().monthName(today.month, QLocale.FormatType.ShortFormat)
    x, last = labels[-1]
    assert last == name
    metrics = QFontMetrics(heat.label_font())  # noqa: SLF001 - the font the map draws its labels in
    assert x + metrics.horizontalAdvance(name) <= heat.width()
    assert x >= heat.width() - 6 * 15  # at the map's right end
    xs = [label_x for label_x, _name in labels]
    assert xs == sorted(xs) and len(labels) >= 11  # a year of months, in order, none drawn over another


def test_a_refused_manual_entry_is_explained_in_chinese(chinese, qtbot, view):
    from tests.support.chinese import assert_chinese

    refused = submit_a_full_day(view, qtbot)
    shown = refused.error.text()
    assert_chinese(shown, "2026-02-01")
    assert shown.startswith("未记录：2026-02-01 已经记录了 ")
    assert shown.endswith(" 分钟；再加 1440 分钟，一天就超过 24 小时了")
