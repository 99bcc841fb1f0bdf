"""The evening reminder: once a day, after the chosen time in the notes' zone, only if nothing was studied."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QSystemTrayIcon

from studyreader.study.log import StudyLog
from studyreader.study.recorder import SessionRecorder
from studyreader.study.timer import StudyTimer
from studyreader.ui.settings import Settings
from studyreader.ui.study.reminder import Reminder, TrayNotifier, minutes_icon

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def notes(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("---\ntimezone: Asia/Shanghai\n---\n<!-- Content_START -->\n<!-- Content_END -->\n", "utf-8")
    return path


@pytest.fixture
def log(tmp_path):
    with StudyLog.open(tmp_path / "study.sqlite3") as study_log:
        yield study_log


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings.ini")


def shanghai(*args) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)


def make(qtbot, log, settings, notes, notifier=None):
    reminder = Reminder(
        log=log,
        settings=settings,
        notes_path=notes,
        notifier=notifier or TrayNotifier(),
        now=lambda: shanghai(2025, 1, 6, 9, 0),
    )
    return reminder


def test_reminds_once_after_the_time_in_the_notes_zone(qtbot, log, settings, notes):
    reminder = make(qtbot, log, settings, notes)
    messages = []
    reminder.notice.connect(messages.append)
    assert not reminder.check(shanghai(2025, 1, 6, 19, 59))
    # 20:00 in Shanghai is 12:00 UTC: the zone of the notes decides, not the computer's
    assert not reminder.check(datetime(2025, 1, 6, 11, 59, tzinfo=timezone.utc))
    with qtbot.waitSignal(reminder.reminded) as reminded:
        assert reminder.check(datetime(2025, 1, 6, 12, 0, tzinfo=timezone.utc))
    assert reminded.args == [date(2025, 1, 6)]
    assert len(messages) == 1 and "Nothing studied yet today" in messages[0]
    assert not reminder.check(shanghai(2025, 1, 6, 21, 0))
    assert not reminder.check(shanghai(2025, 1, 6, 23, 59))
    assert settings.value(Settings.REMINDER_LAST) == date(2025, 1, 6)
    # a restarted app does not remind twice the same day
    again = make(qtbot, log, settings, notes)
    assert not again.check(shanghai(2025, 1, 6, 22, 0))
    assert again.check(shanghai(2025, 1, 7, 20, 30))
    assert len(messages) == 1  # the first object did not fire again


def test_no_reminder_when_study_started_or_logged(qtbot, log, settings, notes):
    reminder = make(qtbot, log, settings, notes)
    clock = [shanghai(2025, 1, 6, 19, 30).timestamp()]
    recorder = SessionRecorder(log, StudyTimer(clock=lambda: clock[0]), wall_clock=lambda: clock[0])
    recorder.start()
    assert not reminder.check(shanghai(2025, 1, 6, 20, 5))
    clock[0] += 600
    recorder.stop()
    assert not reminder.check(shanghai(2025, 1, 6, 21, 0))
    log.add_manual(date(2025, 1, 7), 30, tz=SHANGHAI, today=date(2025, 1, 7))
    assert not reminder.check(shanghai(2025, 1, 7, 20, 30))
    assert reminder.check(shanghai(2025, 1, 8, 20, 30))


def test_setting_turns_it_off_and_moves_the_time(qtbot, log, settings, notes):
    settings.reminder_enabled = False
    reminder = make(qtbot, log, settings, notes)
    assert not reminder.check(shanghai(2025, 1, 6, 22, 0))
    settings.reminder_enabled = True
    settings.reminder_time = QTime(21, 30)
    assert not reminder.check(shanghai(2025, 1, 6, 21, 29))
    assert reminder.check(shanghai(2025, 1, 6, 21, 30))


def test_reminder_goes_to_the_tray_when_there_is_one(qtbot, log, settings, notes, monkeypatch):
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    sent = []
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda self, title, text, *rest: sent.append((title, text)))
    notifier = TrayNotifier()
    reminder = make(qtbot, log, settings, notes, notifier)
    assert reminder.check(shanghai(2025, 1, 6, 20, 0))
    assert sent == [("Time to study", "Nothing studied yet today. Start the timer with Ctrl+Shift+S.")]


def test_the_timer_runs_checks_by_itself(qtbot, log, settings, notes):
    reminder = Reminder(
        log=log,
        settings=settings,
        notes_path=notes,
        notifier=TrayNotifier(),
        now=lambda: shanghai(2025, 1, 6, 20, 15),
        interval_ms=20,
    )
    with qtbot.waitSignal(reminder.reminded, timeout=2000):
        pass


def test_minutes_icon_draws_the_number(qtbot):
    image = minutes_icon(42).pixmap(64, 64).toImage()
    assert not image.isNull()
    blank = minutes_icon(42).pixmap(64, 64).toImage()
    other = minutes_icon(7).pixmap(64, 64).toImage()
    assert image == blank and image != other


def test_a_reminder_deleted_before_its_first_check_is_not_checked(qtbot, log, settings, notes):
    """The first check runs from the event loop; a reminder deleted before that (a window closed at once)
    must not be called then (its signals are gone: "Signal source has been deleted")."""
    import shiboken6

    reminder = Reminder(log=log, settings=settings, notes_path=notes, notifier=TrayNotifier(),
                        now=lambda: shanghai(2025, 1, 6, 21, 0))  # due at once
    shiboken6.delete(reminder)
    qtbot.wait(20)  # the queued first check would run here
    assert settings.value(Settings.REMINDER_LAST) is None  # and did not
