"""The timer widget with pytest-qt: buttons, shortcuts, the notification path, the log behind it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon

from studyreader.study.log import StudyLog
from studyreader.study.timer import TimerState
from studyreader.ui.settings import Settings
from studyreader.ui.study.reminder import TrayNotifier
from studyreader.ui.study.timer_widget import TimerWidget


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_750_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def log(tmp_path):
    with StudyLog.open(tmp_path / "study.sqlite3") as study_log:
        yield study_log


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def make_widget(qtbot, log, settings, clock, tmp_path):
    def make(**kwargs):
        widget = TimerWidget(
            log=log,
            settings=settings,
            notes_path=kwargs.pop("notes_path", None),
            clock=clock,
            wall_clock=clock,
            notifier=kwargs.pop("notifier", TrayNotifier()),
            **kwargs,
        )
        qtbot.addWidget(widget)
        return widget

    return make


def advance(widget, clock, seconds):
    clock.now += seconds
    widget.tick()


def test_buttons_start_pause_resume_stop_and_log(qtbot, make_widget, clock, log):
    widget = make_widget()
    assert widget.start_button.text() == "Start"
    assert not widget.stop_action.isEnabled()
    with qtbot.waitSignal(widget.sessionStarted):
        qtbot.mouseClick(widget.start_button, Qt.MouseButton.LeftButton)
    assert widget.timer.state is TimerState.RUNNING
    assert widget.start_button.text() == "Pause"
    assert widget.stop_action.isEnabled()
    advance(widget, clock, 10 * 60)
    assert widget.time_label.text() == "0:10:00"
    assert widget.remaining_label.text() == "1:20 left of 1:30"

    qtbot.mouseClick(widget.start_button, Qt.MouseButton.LeftButton)
    assert widget.timer.state is TimerState.PAUSED
    assert widget.start_button.text() == "Resume"
    advance(widget, clock, 5 * 60)  # paused time is not study
    assert widget.time_label.text() == "0:10:00"

    qtbot.mouseClick(widget.start_button, Qt.MouseButton.LeftButton)
    assert widget.timer.state is TimerState.RUNNING
    advance(widget, clock, 2 * 60)
    with qtbot.waitSignal(widget.sessionStopped) as stopped, qtbot.waitSignal(widget.studyLogChanged):
        qtbot.mouseClick(widget.stop_button, Qt.MouseButton.LeftButton)
    assert stopped.args == [12 * 60]
    assert widget.timer.state is TimerState.STOPPED
    assert widget.start_button.text() == "Start"
    [session] = log.sessions()
    assert session.active_seconds == 12 * 60 and session.end_ts is not None
    assert "0:12:00" in widget.last_notice


def test_keyboard_shortcuts(qtbot, make_widget, clock, log):
    widget = make_widget()
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    assert [a.shortcut().toString() for a in widget.actions()] == ["Ctrl+Shift+S", "Ctrl+Shift+X", "Ctrl+Shift+B"]
    assert not widget.cycles_action.isChecked()
    qtbot.keyClick(widget, Qt.Key.Key_B, keys)
    assert widget.cycles_action.isChecked()
    qtbot.keyClick(widget, Qt.Key.Key_B, keys)
    assert not widget.cycles_action.isChecked()
    qtbot.keyClick(widget, Qt.Key.Key_S, keys)
    assert widget.timer.state is TimerState.RUNNING
    advance(widget, clock, 60)
    qtbot.keyClick(widget, Qt.Key.Key_S, keys)
    assert widget.timer.state is TimerState.PAUSED
    qtbot.keyClick(widget, Qt.Key.Key_S, keys)
    assert widget.timer.state is TimerState.RUNNING
    qtbot.keyClick(widget, Qt.Key.Key_X, keys)
    assert widget.timer.state is TimerState.STOPPED
    assert log.sessions()[0].active_seconds == 60


def test_target_reached_without_a_tray_shows_the_in_window_note_once(qtbot, make_widget, settings, clock):
    settings.target_minutes = 15
    notifier = TrayNotifier()
    assert not notifier.available()  # offscreen: no system tray
    widget = make_widget(notifier=notifier)
    widget.show()
    widget.start()
    advance(widget, clock, 14 * 60)
    assert widget.notice_label.isHidden()
    fired = []
    widget.targetReached.connect(lambda: fired.append(True))
    with qtbot.waitSignal(widget.notice) as notice:
        advance(widget, clock, 60)
    assert "15 minutes studied" in notice.args[0]
    assert widget.notice_label.isVisible()
    assert "Well done!" in widget.notice_label.text()
    assert "15 minutes studied" in widget.notice_label.toolTip()
    assert widget.remaining_label.text() == "target 0:15 reached"
    for _ in range(3):
        advance(widget, clock, 60)
    widget.stop()
    assert fired == [True]


def test_target_reached_with_a_tray_sends_one_desktop_notification(qtbot, make_widget, settings, clock, monkeypatch):
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    sent = []
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda self, title, text, *rest: sent.append((title, text)))
    settings.target_minutes = 15
    notifier = TrayNotifier()
    widget = make_widget(notifier=notifier)
    widget.start()
    advance(widget, clock, 7 * 60)
    # the tray shows the running time while the session runs
    assert notifier.tray is not None
    assert notifier.tray.toolTip() == "StudyReader: studying, 0:07"
    assert notifier.tray.isVisible()
    widget.toggle()
    assert notifier.tray.toolTip() == "StudyReader: paused at 0:07"
    widget.toggle()
    advance(widget, clock, 8 * 60)
    advance(widget, clock, 60)
    assert sent == [("Target reached", "15 minutes studied this evening. Well done!")]
    assert "Well done!" in widget.notice_label.text()  # the in-window note too
    widget.stop()
    assert not notifier.tray.isVisible()


def test_focus_break_cycles_show_the_phase(qtbot, make_widget, settings, clock):
    settings.set_value(Settings.FOCUS_MINUTES, 25)
    settings.set_value(Settings.BREAK_MINUTES, 5)
    widget = make_widget()
    widget.show()
    widget.cycles_action.setChecked(True)
    assert settings.value(Settings.CYCLES_ENABLED) is True
    assert Settings(settings.path).value(Settings.CYCLES_ENABLED) is True  # kept for the next start
    widget.start()
    assert widget.phase_label.isVisible()
    assert widget.phase_label.text() == "Focus 25:00"
    assert not widget.cycles_action.isEnabled()  # cycles change between sessions only
    with qtbot.waitSignal(widget.notice) as notice:
        advance(widget, clock, 25 * 60)
    assert "Break: 5 minutes" in notice.args[0]
    assert widget.phase_label.text() == "Break 5:00"
    advance(widget, clock, 4 * 60)
    assert widget.time_label.text() == "0:25:00"  # breaks are not study
    with qtbot.waitSignal(widget.notice) as notice:
        advance(widget, clock, 60)
    assert "back to focus" in notice.args[0]
    widget.stop()
    assert widget.phase_label.isHidden()


def test_checkpoints_reach_the_log_while_running(qtbot, make_widget, clock, log):
    widget = make_widget(checkpoint_seconds=30)
    widget.start()
    with qtbot.waitSignal(widget.studyLogChanged):
        advance(widget, clock, 31)
    assert log.sessions()[0].active_seconds == 31
    assert log.sessions()[0].end_ts is None


def test_a_log_that_cannot_be_written_is_reported_and_the_timer_goes_on(qtbot, make_widget, clock, log):
    widget = make_widget(checkpoint_seconds=30)
    widget.start()
    log.close()  # e.g. the disk went away
    with qtbot.waitSignal(widget.notice) as notice:
        advance(widget, clock, 40)
    assert "Could not write the study log" in notice.args[0]
    assert widget.timer.state is TimerState.RUNNING


def test_a_session_left_open_by_a_dead_process_is_reported_as_recovered(qtbot, settings, tmp_path):
    db = tmp_path / "study.sqlite3"
    crash = (
        "import os, sys\n"
        "from studyreader.study.log import StudyLog\n"
        "log = StudyLog.open(sys.argv[1])\n"
        "sid = log.begin_session(None, 'UTC', 1000.0)\n"
        "log.checkpoint(sid, 1300.0, 300.0, 1000.0)\n"
        "print(sid, flush=True)\n"
        "os._exit(9)  # the app crashed: the session was never closed\n"
    )
    result = subprocess.run([sys.executable, "-c", crash, str(db)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 9, result.stderr
    sid = int(result.stdout)
    with StudyLog.open(db) as study_log:
        widget = TimerWidget(log=study_log, settings=settings, notifier=TrayNotifier())
        qtbot.addWidget(widget)
        with qtbot.waitSignal(widget.notice, timeout=2000) as notice:
            pass
        assert "recovered" in notice.args[0]
        assert widget.log.session(sid).recovered


def test_widget_is_compact_enough_for_a_toolbar(qtbot, make_widget):
    widget = make_widget()
    widget.show()
    hint = widget.sizeHint()
    assert hint.height() <= 40
    assert hint.width() <= 560
    image = widget.grab().toImage()
    assert not image.isNull() and image.width() >= 200


def test_a_set_aside_database_is_reported_when_the_window_passes_the_log(qtbot, tmp_path, settings):
    db = tmp_path / "broken.sqlite3"
    db.write_bytes(b"\x00not a database" * 64)
    with StudyLog.open(db) as study_log:
        widget = TimerWidget(log=study_log, settings=settings, notifier=TrayNotifier())
        qtbot.addWidget(widget)
        with qtbot.waitSignal(widget.notice, timeout=2000) as notice:
            pass
        assert "Study log problem" in notice.args[0] and "moved to" in notice.args[0]
        assert widget.notice_label.isVisibleTo(widget)


class _Translator:
    """A QTranslator answering from a dict, to check that the widgets retranslate on LanguageChange."""

    def __new__(cls, table):
        from PySide6.QtCore import QTranslator

        class DictTranslator(QTranslator):
            def translate(self, context, source, disambiguation=None, n=-1):
                return table.get((context, source))

            def isEmpty(self):
                return False

        return DictTranslator()


def test_language_change_retranslates(qtbot, make_widget):
    from PySide6.QtCore import QCoreApplication

    widget = make_widget()
    widget.show()
    translator = _Translator({("TimerWidget", "Start"): "开始", ("TimerWidget", "Stop"): "停止"})
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: widget.start_button.text() == "开始")
        assert widget.stop_action.text() == "停止"
    finally:
        app.removeTranslator(translator)
    qtbot.waitUntil(lambda: widget.start_button.text() == "Start")


def test_tooltips_tell_studied_elapsed_and_target(qtbot, make_widget, clock):
    widget = make_widget()
    widget.start()
    advance(widget, clock, 30 * 60)
    widget.toggle()
    advance(widget, clock, 10 * 60)
    assert widget.time_label.toolTip() == (
        "Studied 0:30 (pauses and breaks excluded); 0:40 since the start; target 1:30"
    )
    assert widget.progress.toolTip() == widget.time_label.toolTip()
    assert widget.progress.value() == 333
