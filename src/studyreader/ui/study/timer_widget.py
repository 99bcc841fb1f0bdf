"""The study timer beside the menus: a thin shell over StudyTimer + SessionRecorder.

Start / pause / resume / stop, the session's time and what is left of the evening's target
(today's earlier sessions counted, from the study log), the focus/break phase, a desktop
notification and an in-window note when the target is reached, and the running minutes in the tray.
Every part has a fixed width measured from its longest text, so nothing moves while it runs.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QWidget

from studyreader.errors import StudyReaderError
from studyreader.study.context import load_context
from studyreader.study.recorder import DEFAULT_CHECKPOINT_SECONDS, SessionRecorder
from studyreader.study.timer import EventKind, Phase, StudyTimer, TimerState
from studyreader.ui.messages import error_said
from studyreader.ui.settings import Settings
from studyreader.ui.study.reminder import TrayNotifier
from studyreader.ui.study.timer_face import TimerFace, format_hms, format_ms

if TYPE_CHECKING:
    from studyreader.study.log import StudyLog

TICK_MS = 500
_UNSET = object()


class TimerWidget(TimerFace):
    """Compact timer for the window's menu-bar corner (or any bar)."""

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
        self._startup_notices: list[tuple[str, dict]] = [("log_problem", {"problem": text}) for text in log.notices]
        if log.recovered:
            self._startup_notices.append(("recovered", {}))
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

        self.start_pause_action.triggered.connect(self.toggle)
        self.stop_action.triggered.connect(self.stop)
        self.cycles_action.setChecked(self.settings.value(Settings.CYCLES_ENABLED))
        self.cycles_action.toggled.connect(self._cycles_toggled)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)
        settings.changed.connect(self._setting_changed)
        self.set_notes_path(notes_path, context=context)
        self.retranslate()
        if self._startup_notices:
            QTimer.singleShot(0, self, self._emit_startup_notices)

    # -- construction ------------------------------------------------------
    def actions(self) -> list:  # noqa: D401 - Qt's QWidget.actions, narrowed to the timer's commands
        return self.commands.all()

    def _emit_startup_notices(self) -> None:
        for kind, args in self._startup_notices:
            self._show_notice(kind, **args)

    # -- public API --------------------------------------------------------
    def set_notes_path(self, path: Path | str | None, context=None) -> None:
        """The notes file the next session belongs to (a running one keeps its file)."""
        self._notes_path = Path(path) if path else None
        self._context = context if context is not None else load_context(self._notes_path)
        self._count_earlier()

    @property
    def notes_path(self) -> Path | None:
        return self._notes_path

    def is_running(self) -> bool:
        return self.timer.state in (TimerState.RUNNING, TimerState.PAUSED)

    def today(self) -> dt.date:
        """Today in the notes' time zone, by the widget's wall clock."""
        return dt.datetime.fromtimestamp(self._wall(), self._context.tz).date()

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
        if self.timer.state is TimerState.STOPPED:
            self.timer.reset()
        self._count_earlier()
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
            self._show_notice("logged", time=format_hms(seconds))
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

    @property
    def last_notice(self) -> str:
        return self._last_notice

    # -- internals ---------------------------------------------------------
    def _count_earlier(self) -> None:
        """What the log holds for today counts towards the evening's target (between sessions only)."""
        if self.is_running():
            return
        day = self.today()
        try:
            earlier = self.log.day_seconds(self._context.tz, day, day).get(day, 0.0)
        except sqlite3.Error:
            earlier = 0.0  # a log that cannot be read is reported when the session writes to it
        # a stopped session is in the log already: the timer keeps showing it, not twice
        if self.timer.state is TimerState.STOPPED:
            earlier -= self.timer.active_seconds
        self.timer.set_earlier(max(0.0, earlier))
        self._refresh()

    def _guard(self, call) -> bool:
        """Run a recorder step; a log that cannot be written is reported, the timer goes on."""
        try:
            events = call()
        except (sqlite3.Error, StudyReaderError, OSError) as error:
            self._show_notice("log_error", error=error_said(error))
            return False
        for event in events or ():
            self._handle(event.kind)
        return True

    def _handle(self, kind: EventKind) -> None:
        if kind is EventKind.TARGET_REACHED:
            self._show_notice("target", minutes=int(self.timer.target_seconds // 60))
            self.notifier.notify(self.tr("Target reached"), self._last_notice)
            self.targetReached.emit()
        elif kind is EventKind.BREAK_STARTED:
            self._show_notice("break", minutes=int((self.timer.break_seconds or 0) // 60))
            self.notifier.notify(self.tr("Break"), self._last_notice)
        elif kind is EventKind.FOCUS_STARTED:
            self._show_notice("focus")
            self.notifier.notify(self.tr("Focus"), self._last_notice)

    def _show_notice(self, kind: str, **args) -> None:
        """The full sentence goes to the status bar (``notice``); the note shows the short form."""
        self._last_notice = self.notice_label.show_note(kind, **args)
        self.notice.emit(self._last_notice)

    def _clear_notice(self) -> None:
        self._last_notice = ""
        self.notice_label.clear_note()

    def _cycles_toggled(self, checked: bool) -> None:
        self.settings.set_value(Settings.CYCLES_ENABLED, bool(checked))
        self._refresh()

    def _setting_changed(self, key: str) -> None:
        if key in (Settings.FOCUS_MINUTES, Settings.BREAK_MINUTES):
            self.retranslate()
        elif not self.is_running():
            self._refresh()

    def _put(self, key: str, value, setter) -> None:
        """Call a Qt setter only when the value changed (the display refreshes twice a second)."""
        if self._shown.get(key, _UNSET) != value:
            self._shown[key] = value
            setter(value)

    def _refresh(self) -> None:
        state = self.timer.state
        running = self.is_running()
        word = {TimerState.RUNNING: "running", TimerState.PAUSED: "paused"}.get(state, "idle")
        self._put("action_state", word, self.commands.set_state)
        self._put("stop_enabled", running, self.stop_action.setEnabled)
        self._put("cycles_enabled", not running, self.cycles_action.setEnabled)

        target = self.timer.target_seconds if running else self.settings.target_minutes * 60
        active, today = self.timer.active_seconds, self.timer.day_seconds
        self._put("time", format_hms(active), self.time_label.setText)
        self._put("progress", int(1000 * min(1.0, today / target)) if target else 0, self.progress.setValue)
        target_text = format_hms(target)[:-3]
        if today >= target:
            remaining = self.tr("target {target} reached").format(target=target_text)
        elif today < 60 and state is TimerState.IDLE:
            remaining = self.tr("target {target}").format(target=target_text)
        else:
            remaining = self.tr("{left} left of {target}").format(
                left=format_hms(target - today)[:-3], target=target_text)
        self._put("remaining", remaining, self.remaining_label.setText)
        phase_shown = running and self.timer.cycles
        if phase_shown:
            left = format_ms(self.timer.phase_remaining_seconds)
            if self.timer.phase is Phase.BREAK:
                phase = self.tr("Break {left}").format(left=left)
            else:
                phase = self.tr("Focus {left}").format(left=left)
            self._put("phase", phase, self.phase_label.setText)
        self._put("phase_shown", phase_shown,
                  lambda shown: self.cycles_slot.setCurrentWidget(self.phase_label if shown else self.cycles_button))
        # minute precision, so that the tooltips change once a minute, not twice a second
        tooltip = self.tr(
            "Studied {active} this session (pauses and breaks excluded), {today} today; "
            "{elapsed} since the start; target {target}"
        ).format(
            active=format_hms(active)[:-3],
            today=format_hms(today)[:-3],
            elapsed=format_hms(self.timer.elapsed_seconds)[:-3],
            target=target_text,
        )
        tooltip = f"{remaining}\n{tooltip}"  # what is left is said on hover too (the narrow form hides it)
        for name, widget in (("time_tip", self.time_label), ("progress_tip", self.progress),
                             ("remaining_tip", self.remaining_label)):
            self._put(name, tooltip, widget.setToolTip)
        self._put("phase_tip", self.cycles_action.toolTip(), self.phase_label.setToolTip)
        self._refresh_tray(running, state, active)

    def _refresh_tray(self, running: bool, state: TimerState, active: float) -> None:
        if not running:
            self._shown.pop("tray", None)
            return
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

    def retranslate(self) -> None:
        self._shown.clear()
        self.commands.retranslate(self.settings.value(Settings.FOCUS_MINUTES),
                                  self.settings.value(Settings.BREAK_MINUTES))
        self._refresh()
        self._fix_widths()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
