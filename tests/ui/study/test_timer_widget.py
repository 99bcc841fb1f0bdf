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
            wall_clock=kwargs.pop("wall_clock", clock),
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
    assert widget.notice_label.text() == ""
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
    assert hint.width() - widget.notice_label.width() <= 480  # the timer itself, beside its note's place
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
    translator = _Translator({("TimerWidget", "Start"): "开始", ("TimerWidget", "Stop the timer"): "停止计时"})
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: widget.start_button.text() == "开始")
        assert widget.stop_action.text() == "停止计时"
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
        "1:00 left of 1:30\n"  # also on hover: the narrow form hides it
        "Studied 0:30 this session (pauses and breaks excluded), 0:30 today; 0:40 since the start; target 1:30"
    )
    assert widget.progress.toolTip() == widget.time_label.toolTip()
    assert widget.progress.value() == 333


def _log_earlier_session(log, clock, seconds, ago=3600.0):
    start = clock.now - ago
    session = log.begin_session(None, "", start)
    log.finish_session(session, start + seconds, seconds, start)


def test_after_a_restart_the_target_counts_todays_earlier_sessions(qtbot, make_widget, clock, log):
    _log_earlier_session(log, clock, 120)  # two minutes before the app was restarted
    widget = make_widget()
    assert widget.time_label.text() == "0:00:00"  # the new session
    assert widget.remaining_label.text() == "1:28 left of 1:30"  # the evening's target: all of today
    assert widget.progress.value() == 22
    widget.start()
    advance(widget, clock, 60)
    assert widget.remaining_label.text() == "1:27 left of 1:30"
    widget.stop()
    assert widget.remaining_label.text() == "1:27 left of 1:30"  # the stopped session is not counted twice
    widget.start()
    advance(widget, clock, 60)
    assert widget.time_label.text() == "0:01:00"
    assert widget.remaining_label.text() == "1:26 left of 1:30"
    widget.stop()
    tomorrow = make_widget(wall_clock=lambda: clock.now + 86400)  # tomorrow evening: a new target
    assert tomorrow.remaining_label.text() == "target 1:30"


def test_the_target_is_reached_with_the_earlier_sessions(qtbot, make_widget, settings, clock, log):
    settings.target_minutes = 15
    _log_earlier_session(log, clock, 14 * 60)
    widget = make_widget()
    widget.start()
    with qtbot.waitSignal(widget.targetReached):
        advance(widget, clock, 60)
    assert widget.remaining_label.text() == "target 0:15 reached"
    widget.stop()


def test_the_parts_keep_their_places_whatever_the_texts_say(qtbot, make_widget, settings, clock):
    settings.set_value(Settings.CYCLES_ENABLED, True)
    widget = make_widget()
    widget.show()

    def places():
        widget.layout().activate()
        return [(child.x(), child.width()) for child in
                (widget.start_button, widget.stop_button, widget.time_label, widget.progress,
                 widget.remaining_label, widget.cycles_slot)] + [widget.sizeHint().width()]

    first = places()
    widget.start()
    assert widget.phase_label.isVisible() and widget.phase_label.text() == "Focus 50:00"
    assert places() == first
    advance(widget, clock, 50 * 60 + 1)  # a break: a note shows, the phase changes
    assert widget.phase_label.text() == "Break 9:59" and widget.notice_label.text() == "Break"
    assert places() == first
    widget.toggle()
    assert widget.start_button.text() == "Resume"
    assert places() == first
    widget.stop()
    assert widget.notice_label.text().startswith("Logged ")
    assert widget.cycles_button.isVisible() and widget.cycles_button.text() == "Focus 50/10"
    assert places() == first
    assert widget.cycles_button.toolTip().startswith("Alternate 50 minutes of focus with 10 minutes of break")


def test_the_chinese_interface_words_every_part_of_the_timer(qtbot, qapp, make_widget, clock):
    import re

    from PySide6.QtCore import QLocale

    from studyreader.ui import i18n

    widget = make_widget()
    widget.show()
    widget.start()
    advance(widget, clock, 64)
    widget.stop()
    assert widget.notice_label.text() == "Logged 0:01:04"
    try:
        i18n.apply_language("zh_CN")
        qapp.processEvents()
        texts = [widget.notice_label.text(), widget.notice_label.toolTip(), widget.start_button.text(),
                 widget.remaining_label.text(), widget.cycles_button.text(), widget.time_label.toolTip(),
                 widget.cycles_button.toolTip()] + [action.text() for action in widget.actions()]
        for text in texts:
            assert re.search(r"[\u4e00-\u9fff]", text), text
            assert not re.search(r"[A-Za-z]{3,}", text.replace("Ctrl", "").replace("Shift", "")), text
        assert "0:01:04" in widget.notice_label.text()
    finally:
        i18n.remove_translators(qapp)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        qapp.processEvents()
    assert widget.notice_label.text() == "Logged 0:01:04"


def test_the_buttons_icons_follow_the_theme(qtbot, qapp, make_widget):
    from studyreader.ui.app import apply_theme

    def lightness(action) -> int:
        image = action.icon().pixmap(16, 16).toImage()
        return image.pixelColor(image.width() * 5 // 16, image.height() // 2).lightness()  # inside every mark

    widget = make_widget()
    widget.show()
    try:
        apply_theme(qapp, "dark")
        qtbot.waitUntil(lambda: lightness(widget.start_pause_action) > 180)  # light marks on a dark bar
        widget.start()
        assert lightness(widget.start_pause_action) > 180 and lightness(widget.stop_action) > 180
        apply_theme(qapp, "light")
        qtbot.waitUntil(lambda: lightness(widget.start_pause_action) < 80)
        assert lightness(widget.stop_action) < 80
    finally:
        apply_theme(qapp, "light")
        widget.stop()


def test_study_log_problems_are_said_in_chinese(chinese, qtbot, tmp_path, settings, clock):
    from tests.support.chinese import assert_chinese

    db = tmp_path / "broken.sqlite3"
    db.write_bytes(b"\x00not a database" * 64)
    with StudyLog.open(db) as study_log:
        widget = TimerWidget(log=study_log, settings=settings, notifier=TrayNotifier(), clock=clock,
                             wall_clock=clock, checkpoint_seconds=30)
        qtbot.addWidget(widget)
        with qtbot.waitSignal(widget.notice, timeout=2000) as notice:
            pass
        [aside] = [p for p in tmp_path.iterdir() if p.name.startswith("broken.sqlite3.corrupt-")]
        shown = notice.args[0]
        # SQLite's own words are quoted as the cause; the sentence around them is Chinese
        assert_chinese(shown, str(db), str(aside), "file is not a database")
        assert shown == (f"学习记录出现问题：学习记录 {db} 不是可读取的 SQLite 数据库（file is not a database）；"
                         f"已移到 {aside}，已新建一个空的学习记录")

        widget.start()
        study_log.close()  # the log cannot be written any more
        with qtbot.waitSignal(widget.notice) as notice:
            clock.now += 40
            widget.tick()
        shown = notice.args[0]
        assert shown.startswith(f"无法写入学习记录：学习记录 {db}：无法记录这次学习：")
        assert shown.endswith("；没有做任何更改")


def test_the_command_line_keeps_english_for_a_set_aside_log(tmp_path):
    db = tmp_path / "broken.sqlite3"
    db.write_bytes(b"\x00not a database" * 64)
    with StudyLog.open(db) as study_log:
        assert str(study_log.notices[0]).startswith(f"study log {db} is not a readable SQLite database (")
