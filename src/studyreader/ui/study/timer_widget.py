"""The study timer in the toolbar: a thin shell over StudyTimer + SessionRecorder.

Start / pause / resume / stop, studied time and what is left of the evening's
target, the focus/break phase, a desktop notification and an in-window note
when the target is reached, and the running minutes in the tray.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QStyle,
    QToolButton,
    QWidget,
)

from studyreader.errors import StudyReaderError
from studyreader.study.context import load_context
from studyreader.study.recorder import DEFAULT_CHECKPOINT_SECONDS, SessionRecorder
from studyreader.study.timer import EventKind, Phase, StudyTimer, TimerState
from studyreader.ui.settings import Settings
from studyreader.ui.study.reminder import TrayNotifier

if TYPE_CHECKING:
    from studyreader.study.log import StudyLog

SHORTCUT_START_PAUSE = "Ctrl+Shift+S"
SHORTCUT_STOP = "Ctrl+Shift+X"
SHORTCUT_CYCLES = "Ctrl+Shift+B"

TICK_MS = 500
_UNSET = object()


def format_hms(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def format_ms(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}:{secs:02d}"


class TimerWidget(QWidget):
    """Compact timer for a toolbar. See /work/drafts/api-study.md for the contract."""

    notice = Signal(str)
    targetReached = Signal()
    sessionStarted = Signal()
    sessionStopped = Signal(int)
    studyLogChanged = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        log: StudyLog,
        settings: Settings,
        notes_path: Path | str | None = None,
        notifier: TrayNotifier | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        checkpoint_seconds: float = DEFAULT_CHECKPOINT_SECONDS,
        context=None,
    ) -> None:
        """``context``: the NotesContext of ``notes_path`` when the caller has parsed the notes already."""
        super().__init__(parent)
        self.setObjectName("studyTimer")
        self.settings = settings
        self.log = log
        # what opening the log found (set-aside database, crash-recovered session) is
        # reported once, by the timer, whoever opened the log
        self._startup_notices: list[str] = list(log.notices)
        if log.recovered:
            self._startup_notices.append("recovered")
        self.notifier = notifier or TrayNotifier.shared()
        self._clock = clock
        self._wall = wall_clock
        self._checkpoint_seconds = checkpoint_seconds
        self._notes_path: Path | None = None
        self._context = load_context(None)
        self.timer = StudyTimer(target_minutes=settings.target_minutes, clock=clock)
        self.recorder: SessionRecorder | None = None
        self._last_notice = ""
        self._shown: dict[str, object] = {}

        self._build_actions()
        self._build_ui()
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)
        settings.changed.connect(self._setting_changed)
        self.set_notes_path(notes_path, context=context)
        self.retranslate()
        self._refresh()
        if self._startup_notices:
            QTimer.singleShot(0, self._emit_startup_notices)

    # -- construction ------------------------------------------------------
    def _build_actions(self) -> None:
        self.start_pause_action = QAction(self)
        self.start_pause_action.setObjectName("studyStartPause")
        self.start_pause_action.setShortcut(QKeySequence(SHORTCUT_START_PAUSE))
        self.start_pause_action.triggered.connect(self.toggle)

        self.stop_action = QAction(self)
        self.stop_action.setObjectName("studyStop")
        self.stop_action.setShortcut(QKeySequence(SHORTCUT_STOP))
        self.stop_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaStop))
        self.stop_action.triggered.connect(self.stop)

        self.cycles_action = QAction(self)
        self.cycles_action.setObjectName("studyCycles")
        self.cycles_action.setCheckable(True)
        self.cycles_action.setShortcut(QKeySequence(SHORTCUT_CYCLES))
        self.cycles_action.setChecked(self.settings.value(Settings.CYCLES_ENABLED))
        self.cycles_action.toggled.connect(self._cycles_toggled)

        for action in self.actions():
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

    def actions(self) -> list[QAction]:  # noqa: D401 - Qt's QWidget.actions, narrowed to ours
        return [self.start_pause_action, self.stop_action, self.cycles_action]

    def _build_ui(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(4)

        self.start_button = QToolButton(self)
        self.start_button.setObjectName("studyStartButton")
        self.start_button.setDefaultAction(self.start_pause_action)
        self.start_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.stop_button = QToolButton(self)
        self.stop_button.setObjectName("studyStopButton")
        self.stop_button.setDefaultAction(self.stop_action)
        self.stop_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.cycles_button = QToolButton(self)
        self.cycles_button.setObjectName("studyCyclesButton")
        self.cycles_button.setDefaultAction(self.cycles_action)
        self.cycles_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.time_label = QLabel(self)
        self.time_label.setObjectName("studyTime")
        font = self.time_label.font()
        font.setBold(True)
        font.setStyleHint(font.StyleHint.Monospace)
        font.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        self.time_label.setFont(font)
        self.time_label.setTextFormat(Qt.TextFormat.PlainText)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("studyProgress")
        self.progress.setTextVisible(False)
        self.progress.setFixedSize(64, 8)
        self.progress.setRange(0, 1000)

        self.remaining_label = QLabel(self)
        self.remaining_label.setObjectName("studyRemaining")
        self.remaining_label.setTextFormat(Qt.TextFormat.PlainText)
        self.phase_label = QLabel(self)
        self.phase_label.setObjectName("studyPhase")
        self.phase_label.setTextFormat(Qt.TextFormat.PlainText)

        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("studyNotice")
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label.setMaximumWidth(180)
        self.notice_label.setStyleSheet("QLabel#studyNotice { font-weight: bold; }")
        self.notice_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.notice_label.hide()

        for widget in (
            self.start_button,
            self.stop_button,
            self.time_label,
            self.progress,
            self.remaining_label,
            self.phase_label,
            self.cycles_button,
            self.notice_label,
        ):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

    def _emit_startup_notices(self) -> None:
        for text in self._startup_notices:
            if text == "recovered":
                self._show_notice(
                    self.tr("A session interrupted by a crash was recovered up to its last checkpoint."),
                    self.tr("Session recovered"),
                )
            else:
                self._show_notice(
                    self.tr("Study log problem: {problem}").format(problem=text), self.tr("Study log problem")
                )

    # -- public API --------------------------------------------------------
    def set_notes_path(self, path: Path | str | None, context=None) -> None:
        """The notes file the next session belongs to (a running one keeps its file)."""
        self._notes_path = Path(path) if path else None
        self._context = context if context is not None else load_context(self._notes_path)

    @property
    def notes_path(self) -> Path | None:
        return self._notes_path

    def is_running(self) -> bool:
        return self.timer.state in (TimerState.RUNNING, TimerState.PAUSED)

    def toggle(self) -> None:
        """Start, pause or resume (the main button and Ctrl+Shift+S)."""
        state = self.timer.state
        if state in (TimerState.IDLE, TimerState.STOPPED):
            self.start()
        elif state is TimerState.RUNNING:
            self._guard(self.recorder.pause)
        else:
            self._guard(self.recorder.resume)
        self._refresh()

    def start(self) -> None:
        if self.is_running():
            return
        self.timer.set_target(self.settings.target_minutes)
        if self.cycles_action.isChecked():
            self.timer.set_cycles(
                self.settings.value(Settings.FOCUS_MINUTES), self.settings.value(Settings.BREAK_MINUTES)
            )
        else:
            self.timer.set_cycles(None, None)
        self.recorder = SessionRecorder(
            self.log,
            self.timer,
            notes_path=self._notes_path,
            tz_name=self._context.tz_name,
            checkpoint_seconds=self._checkpoint_seconds,
            wall_clock=self._wall,
        )
        self._clear_notice()
        if not self._guard(self.recorder.start):
            return
        self._ticker.start()
        self.sessionStarted.emit()
        self._refresh()

    def stop(self) -> None:
        """Stop and log the session (also call this from the window's closeEvent)."""
        if not self.is_running() or self.recorder is None:
            return
        self._ticker.stop()
        ok = self._guard(self.recorder.stop)
        if self.timer.state is not TimerState.STOPPED:
            return
        seconds = int(self.timer.active_seconds)
        self.notifier.clear_running()
        if ok:
            self._show_notice(
                self.tr("Session logged: {time} studied.").format(time=format_hms(seconds)),
                self.tr("Logged {time}").format(time=format_hms(seconds)),
            )
        self.sessionStopped.emit(seconds)
        self.studyLogChanged.emit()
        self._refresh()

    def tick(self) -> None:
        """Advance the display and the log; the widget's own QTimer calls this every half second."""
        if self.recorder is None:
            return
        before = self.recorder.last_checkpoint
        self._guard(self.recorder.tick)
        if self.recorder.last_checkpoint != before:
            self.studyLogChanged.emit()
        self._refresh()

    # -- internals ---------------------------------------------------------
    def _guard(self, call) -> bool:
        """Run a recorder step; a log that cannot be written is reported, the timer goes on."""
        try:
            events = call()
        except (sqlite3.Error, StudyReaderError, OSError) as error:
            self._show_notice(
                self.tr("Could not write the study log: {error}").format(error=str(error)), self.tr("Log error")
            )
            return False
        for event in events or ():
            self._handle(event.kind)
        return True

    def _handle(self, kind: EventKind) -> None:
        if kind is EventKind.TARGET_REACHED:
            minutes = int(self.timer.target_seconds // 60)
            title = self.tr("Target reached")
            message = self.tr("{minutes} minutes studied this evening. Well done!").format(minutes=minutes)
            self.notifier.notify(title, message)
            self._show_notice(message, "\u2714 " + self.tr("Well done!"))
            self.targetReached.emit()
        elif kind is EventKind.BREAK_STARTED:
            minutes = int((self.timer.break_seconds or 0) // 60)
            message = self.tr("Break: {minutes} minutes. Stand up and stretch.").format(minutes=minutes)
            self.notifier.notify(self.tr("Break"), message)
            self._show_notice(message, self.tr("Break"))
        elif kind is EventKind.FOCUS_STARTED:
            message = self.tr("Break over: back to focus.")
            self.notifier.notify(self.tr("Focus"), message)
            self._show_notice(message, self.tr("Focus"))

    def _show_notice(self, text: str, short: str | None = None) -> None:
        """``text`` goes to the status bar (``notice``); the label shows ``short`` (full text on hover)."""
        self._last_notice = text
        metrics = self.notice_label.fontMetrics()
        self.notice_label.setText(
            metrics.elidedText(short or text, Qt.TextElideMode.ElideRight, self.notice_label.maximumWidth())
        )
        self.notice_label.setToolTip(text)
        self.notice_label.show()
        self.notice.emit(text)

    def _clear_notice(self) -> None:
        self._last_notice = ""
        self.notice_label.clear()
        self.notice_label.hide()

    @property
    def last_notice(self) -> str:
        return self._last_notice

    def _cycles_toggled(self, checked: bool) -> None:
        self.settings.set_value(Settings.CYCLES_ENABLED, bool(checked))
        self._refresh()

    def _setting_changed(self, key: str) -> None:
        if not self.is_running():
            self._refresh()

    def _put(self, key: str, value, setter) -> None:
        """Call a Qt setter only when the value changed (the display refreshes twice a second)."""
        if self._shown.get(key, _UNSET) != value:
            self._shown[key] = value
            setter(value)

    def _refresh(self) -> None:
        state = self.timer.state
        running = self.is_running()
        if state is TimerState.RUNNING:
            label, pixmap = self.tr("Pause"), QStyle.StandardPixmap.SP_MediaPause
        elif state is TimerState.PAUSED:
            label, pixmap = self.tr("Resume"), QStyle.StandardPixmap.SP_MediaPlay
        else:
            label, pixmap = self.tr("Start"), QStyle.StandardPixmap.SP_MediaPlay
        self._put("action_text", label, self.start_pause_action.setText)
        self._put("action_icon", pixmap, lambda p: self.start_pause_action.setIcon(self.style().standardIcon(p)))
        self._put("stop_enabled", running, self.stop_action.setEnabled)
        self._put("cycles_enabled", not running, self.cycles_action.setEnabled)

        target = self.timer.target_seconds if state is not TimerState.IDLE else self.settings.target_minutes * 60
        active = self.timer.active_seconds
        self._put("time", format_hms(active), self.time_label.setText)
        self._put("progress", int(1000 * min(1.0, active / target)) if target else 0, self.progress.setValue)
        if state is TimerState.IDLE:
            remaining = self.tr("target {target}").format(target=format_hms(target)[:-3])
        elif self.timer.target_reached:
            remaining = self.tr("target {target} reached").format(target=format_hms(target)[:-3])
        else:
            remaining = self.tr("{left} left of {target}").format(
                left=format_hms(max(0.0, target - active))[:-3], target=format_hms(target)[:-3]
            )
        self._put("remaining", remaining, self.remaining_label.setText)
        if running and self.timer.cycles:
            left = format_ms(self.timer.phase_remaining_seconds)
            if self.timer.phase is Phase.BREAK:
                phase = self.tr("Break {left}").format(left=left)
            else:
                phase = self.tr("Focus {left}").format(left=left)
            self._put("phase", phase, self.phase_label.setText)
        self._put("phase_visible", running and self.timer.cycles, self.phase_label.setVisible)
        # minute precision, so that the tooltips change once a minute, not twice a second
        tooltip = self.tr(
            "Studied {active} (pauses and breaks excluded); {elapsed} since the start; target {target}"
        ).format(
            active=format_hms(active)[:-3],
            elapsed=format_hms(self.timer.elapsed_seconds)[:-3],
            target=format_hms(target)[:-3],
        )
        self._put("time_tip", tooltip, self.time_label.setToolTip)
        self._put("progress_tip", tooltip, self.progress.setToolTip)
        if running:
            paused = state is TimerState.PAUSED
            shown = format_hms(active)[:-3]
            if paused:
                tray_tip = self.tr("StudyReader: paused at {active}").format(active=shown)
            else:
                tray_tip = self.tr("StudyReader: studying, {active}").format(active=shown)
            self._put(
                "tray",
                (int(active // 60), tray_tip, paused),
                lambda v: self.notifier.show_running(v[0], v[1], paused=v[2]),
            )
        else:
            self._shown.pop("tray", None)

    def retranslate(self) -> None:
        self._shown.clear()
        self.stop_action.setText(self.tr("Stop"))
        self.stop_action.setToolTip(
            self.tr("Stop the study timer and log the session ({shortcut})").format(
                shortcut=QKeySequence(SHORTCUT_STOP).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.cycles_action.setText(self.tr("Focus/break cycles"))
        focus = self.settings.value(Settings.FOCUS_MINUTES)
        rest = self.settings.value(Settings.BREAK_MINUTES)
        self.cycles_action.setIconText(f"{focus}/{rest}")
        self.cycles_action.setToolTip(
            self.tr("Alternate {focus} minutes of focus with {rest} minutes of break ({shortcut})").format(
                focus=focus,
                rest=rest,
                shortcut=QKeySequence(SHORTCUT_CYCLES).toString(QKeySequence.SequenceFormat.NativeText),
            )
        )
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
