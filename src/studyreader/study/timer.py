"""The study timer as a plain state machine (no Qt, no I/O).

idle -> running <-> paused -> stopped, driven by an injectable monotonic
clock so tests (and a suspended laptop) never depend on wall time. Optional
focus/break cycles: while running, the position in the cycle follows from the
running time alone, so the phase never drifts however rarely ``poll`` is called.
Break time is rest, not study: it counts neither as active time nor towards the
evening's target. The target counts the day's earlier sessions too (``set_earlier``).
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass

from studyreader import options

# The defaults are declared with the settings (studyreader.options), which start-up reads
# without importing the study package.
DEFAULT_TARGET_MINUTES = options.TARGET_MINUTES.default
TARGET_RANGE = (options.TARGET_MINUTES.minimum, options.TARGET_MINUTES.maximum)
DEFAULT_FOCUS_MINUTES = options.FOCUS_MINUTES.default
DEFAULT_BREAK_MINUTES = options.BREAK_MINUTES.default


class TimerState(str, enum.Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"


class Phase(str, enum.Enum):
    FOCUS = "focus"
    BREAK = "break"


class EventKind(str, enum.Enum):
    STARTED = "started"
    PAUSED = "paused"
    RESUMED = "resumed"
    STOPPED = "stopped"
    BREAK_STARTED = "break_started"
    FOCUS_STARTED = "focus_started"
    TARGET_REACHED = "target_reached"


@dataclass(frozen=True)
class TimerEvent:
    kind: EventKind
    active_seconds: float


class TimerStateError(RuntimeError):
    """A transition the current state does not allow (a programming error, not user input)."""


def split_running(running: float, focus: float | None, rest: float | None) -> tuple[float, Phase, float]:
    """(studied seconds, phase, seconds left in the phase) after ``running`` seconds of running time.

    Without cycles everything is focus and the phase never ends (inf left).
    """
    if not focus or not rest:
        return running, Phase.FOCUS, float("inf")
    cycle = focus + rest
    full, into = divmod(running, cycle)
    if into < focus:
        return full * focus + into, Phase.FOCUS, focus - into
    return (full + 1) * focus, Phase.BREAK, cycle - into


class StudyTimer:
    """One evening's session. Every method returns the events it caused."""

    def __init__(
        self,
        target_minutes: float = DEFAULT_TARGET_MINUTES,
        focus_minutes: float | None = None,
        break_minutes: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if target_minutes <= 0:
            raise ValueError("target_minutes must be positive")
        if (focus_minutes is None) != (break_minutes is None):
            raise ValueError("focus and break lengths go together")
        if focus_minutes is not None and (focus_minutes <= 0 or break_minutes <= 0):
            raise ValueError("focus and break lengths must be positive")
        self.target_seconds = target_minutes * 60.0
        self.focus_seconds = focus_minutes * 60.0 if focus_minutes else None
        self.break_seconds = break_minutes * 60.0 if break_minutes else None
        self._clock = clock
        self.earlier_seconds = 0.0  # studied earlier the same day (other sessions, a restart)
        self.reset()

    # -- state -----------------------------------------------------------
    def reset(self) -> list[TimerEvent]:
        """Back to idle, ready for a new session (only when not running)."""
        if getattr(self, "state", TimerState.IDLE) in (TimerState.RUNNING, TimerState.PAUSED):
            raise TimerStateError("stop the session before resetting the timer")
        self.state = TimerState.IDLE
        self._run_total = 0.0  # running time of finished run spans
        self._run_since: float | None = None  # clock value when the current span began
        self._started_at: float | None = None
        self._stopped_at: float | None = None
        self._phase = Phase.FOCUS
        self.target_reached = False
        return []

    @property
    def cycles(self) -> bool:
        return self.focus_seconds is not None

    def set_cycles(self, focus_minutes: float | None, break_minutes: float | None) -> None:
        """Turn focus/break cycles on or off; only before a session starts."""
        if self.state in (TimerState.RUNNING, TimerState.PAUSED):
            raise TimerStateError("cycles can only change between sessions")
        if (focus_minutes is None) != (break_minutes is None):
            raise ValueError("focus and break lengths go together")
        self.focus_seconds = focus_minutes * 60.0 if focus_minutes else None
        self.break_seconds = break_minutes * 60.0 if break_minutes else None

    def set_target(self, minutes: float) -> None:
        if minutes <= 0:
            raise ValueError("target_minutes must be positive")
        self.target_seconds = minutes * 60.0

    def set_earlier(self, seconds: float) -> None:
        """Time studied earlier today, which counts towards the target; only between sessions."""
        if self.state in (TimerState.RUNNING, TimerState.PAUSED):
            raise TimerStateError("the earlier time can only change between sessions")
        if seconds < 0:
            raise ValueError("earlier seconds cannot be negative")
        self.earlier_seconds = float(seconds)

    @property
    def day_seconds(self) -> float:
        """Studied today: the earlier sessions plus this one."""
        return self.earlier_seconds + self.active_seconds

    @property
    def running_seconds(self) -> float:
        """Time spent in the running state (focus and break), pauses excluded."""
        total = self._run_total
        if self._run_since is not None:
            total += max(0.0, self._clock() - self._run_since)
        return total

    @property
    def active_seconds(self) -> float:
        """Studied time: running time minus breaks."""
        return split_running(self.running_seconds, self.focus_seconds, self.break_seconds)[0]

    @property
    def elapsed_seconds(self) -> float:
        """Wall time since start, pauses included (monotonic clock)."""
        if self._started_at is None:
            return 0.0
        end = self._stopped_at if self._stopped_at is not None else self._clock()
        return max(0.0, end - self._started_at)

    @property
    def remaining_seconds(self) -> float:
        """Studied time still missing to reach the target, earlier sessions counted (0 once reached)."""
        return max(0.0, self.target_seconds - self.day_seconds)

    @property
    def phase(self) -> Phase:
        return split_running(self.running_seconds, self.focus_seconds, self.break_seconds)[1]

    @property
    def phase_remaining_seconds(self) -> float:
        return split_running(self.running_seconds, self.focus_seconds, self.break_seconds)[2]

    # -- transitions -----------------------------------------------------
    def _require(self, action: str, *allowed: TimerState) -> None:
        if self.state not in allowed:
            raise TimerStateError(f"cannot {action} while {self.state.value}")

    def start(self) -> list[TimerEvent]:
        self._require("start", TimerState.IDLE, TimerState.STOPPED)
        if self.state is TimerState.STOPPED:
            self.reset()
        now = self._clock()
        self._started_at = now
        self._run_since = now
        self.state = TimerState.RUNNING
        self._phase = Phase.FOCUS
        # reached by the earlier sessions already: said then, not again
        self.target_reached = self.earlier_seconds >= self.target_seconds
        return [TimerEvent(EventKind.STARTED, 0.0)]

    def pause(self) -> list[TimerEvent]:
        self._require("pause", TimerState.RUNNING)
        events = self.poll()
        self._run_total = self.running_seconds
        self._run_since = None
        self.state = TimerState.PAUSED
        return events + [TimerEvent(EventKind.PAUSED, self.active_seconds)]

    def resume(self) -> list[TimerEvent]:
        self._require("resume", TimerState.PAUSED)
        self._run_since = self._clock()
        self.state = TimerState.RUNNING
        return [TimerEvent(EventKind.RESUMED, self.active_seconds)]

    def toggle(self) -> list[TimerEvent]:
        """Start, pause or resume: what one button (or shortcut) does."""
        if self.state is TimerState.RUNNING:
            return self.pause()
        if self.state is TimerState.PAUSED:
            return self.resume()
        return self.start()

    def stop(self) -> list[TimerEvent]:
        self._require("stop", TimerState.RUNNING, TimerState.PAUSED)
        events = self.poll() if self.state is TimerState.RUNNING else []
        self._run_total = self.running_seconds
        self._run_since = None
        self._stopped_at = self._clock()
        self.state = TimerState.STOPPED
        return events + [TimerEvent(EventKind.STOPPED, self.active_seconds)]

    def poll(self) -> list[TimerEvent]:
        """Events that time passing has caused since the last call."""
        if self.state is not TimerState.RUNNING:
            return []
        studied, phase, _left = split_running(self.running_seconds, self.focus_seconds, self.break_seconds)
        events: list[TimerEvent] = []
        if phase is not self._phase:
            self._phase = phase
            kind = EventKind.BREAK_STARTED if phase is Phase.BREAK else EventKind.FOCUS_STARTED
            events.append(TimerEvent(kind, studied))
        if not self.target_reached and self.earlier_seconds + studied >= self.target_seconds:
            self.target_reached = True
            events.append(TimerEvent(EventKind.TARGET_REACHED, studied))
        return events
