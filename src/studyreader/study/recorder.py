"""Ties a :class:`StudyTimer` to the :class:`StudyLog`: what the timer does is written down.

The session row is written at start; while running, ``tick`` checkpoints at
least every ``checkpoint_seconds`` (default 30 s, never more than 60 s), so a
crash loses at most that much. Pausing checkpoints at once; a resumed run
starts a new slice so that a long pause is never spread over the days it spans.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from studyreader.study.log import StudyLog
from studyreader.study.timer import StudyTimer, TimerEvent, TimerState

DEFAULT_CHECKPOINT_SECONDS = 30.0
MAX_CHECKPOINT_SECONDS = 60.0


class SessionRecorder:
    def __init__(
        self,
        log: StudyLog,
        timer: StudyTimer,
        *,
        notes_path: str | os.PathLike[str] | None = None,
        tz_name: str = "",
        checkpoint_seconds: float = DEFAULT_CHECKPOINT_SECONDS,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        if not 0 < checkpoint_seconds <= MAX_CHECKPOINT_SECONDS:
            raise ValueError(f"checkpoint interval must be within (0, {MAX_CHECKPOINT_SECONDS}] seconds")
        self.log = log
        self.timer = timer
        self.notes_path = notes_path
        self.tz_name = tz_name
        self.checkpoint_seconds = checkpoint_seconds
        self._wall = wall_clock
        self.session_id: int | None = None
        self._slice_start = 0.0
        self._last_checkpoint = 0.0

    @property
    def last_checkpoint(self) -> float:
        """Wall-clock time of the last write to the log."""
        return self._last_checkpoint

    @property
    def active(self) -> bool:
        return self.timer.state in (TimerState.RUNNING, TimerState.PAUSED)

    def start(self) -> list[TimerEvent]:
        self.log.recover()
        events = self.timer.start()
        now = self._wall()
        self.session_id = self.log.begin_session(self.notes_path, self.tz_name, now)
        self._slice_start = self._last_checkpoint = now
        return events

    def pause(self) -> list[TimerEvent]:
        events = self.timer.pause()
        now = self._wall()
        self._write(now, self._slice_start)
        return events

    def resume(self) -> list[TimerEvent]:
        events = self.timer.resume()
        now = self._wall()
        self._slice_start = now
        self.checkpoint(now)
        return events

    def toggle(self) -> list[TimerEvent]:
        state = self.timer.state
        if state is TimerState.RUNNING:
            return self.pause()
        if state is TimerState.PAUSED:
            return self.resume()
        return self.start()

    def stop(self) -> list[TimerEvent]:
        was_running = self.timer.state is TimerState.RUNNING
        events = self.timer.stop()
        now = self._wall()
        assert self.session_id is not None
        self.log.finish_session(
            self.session_id, now, self.timer.active_seconds, self._slice_start if was_running else now
        )
        self._last_checkpoint = now
        return events

    def checkpoint(self, now: float | None = None) -> None:
        """Write the studied time so far (a heartbeat while paused)."""
        if self.session_id is None or not self.active:
            return
        now = self._wall() if now is None else now
        running = self.timer.state is TimerState.RUNNING
        self._write(now, self._slice_start if running else now)

    def _write(self, now: float, slice_start: float) -> None:
        assert self.session_id is not None
        self.log.checkpoint(self.session_id, now, self.timer.active_seconds, slice_start)
        self._slice_start = now
        self._last_checkpoint = now

    def tick(self) -> list[TimerEvent]:
        """Call often (the widget does every second): timer events, plus a checkpoint when due."""
        events = self.timer.poll()
        if self.active and self._wall() - self._last_checkpoint >= self.checkpoint_seconds:
            self.checkpoint()
        return events
