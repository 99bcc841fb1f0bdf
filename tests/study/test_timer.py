"""The timer state machine, driven by a fake monotonic clock."""

from __future__ import annotations

import pytest

from studyreader.study.timer import (
    EventKind,
    Phase,
    StudyTimer,
    TimerState,
    TimerStateError,
    split_running,
)


class FakeClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def kinds(events):
    return [event.kind for event in events]


@pytest.fixture
def clock():
    return FakeClock()


def test_idle_to_running_to_paused_to_running_to_stopped(clock):
    timer = StudyTimer(target_minutes=90, clock=clock)
    assert timer.state is TimerState.IDLE
    assert timer.active_seconds == 0
    assert kinds(timer.start()) == [EventKind.STARTED]
    assert timer.state is TimerState.RUNNING
    clock.advance(600)
    assert timer.active_seconds == 600
    assert kinds(timer.pause()) == [EventKind.PAUSED]
    assert timer.state is TimerState.PAUSED
    clock.advance(300)  # paused: not counted
    assert timer.active_seconds == 600
    assert timer.elapsed_seconds == 900
    assert kinds(timer.resume()) == [EventKind.RESUMED]
    assert timer.state is TimerState.RUNNING
    clock.advance(120)
    assert timer.active_seconds == 720
    events = timer.stop()
    assert kinds(events) == [EventKind.STOPPED]
    assert events[-1].active_seconds == 720
    assert timer.state is TimerState.STOPPED
    clock.advance(1000)  # stopped: frozen
    assert timer.active_seconds == 720
    assert timer.elapsed_seconds == 1020
    assert timer.remaining_seconds == 90 * 60 - 720


def test_stop_while_paused_and_restart_after_stop(clock):
    timer = StudyTimer(clock=clock)
    timer.start()
    clock.advance(50)
    timer.pause()
    clock.advance(50)
    assert timer.stop()[-1].active_seconds == 50
    timer.start()  # a new session starts from zero
    assert timer.state is TimerState.RUNNING
    assert timer.active_seconds == 0
    clock.advance(10)
    assert timer.active_seconds == 10


@pytest.mark.parametrize(
    "state_setup, action",
    [
        ([], "pause"),
        ([], "resume"),
        ([], "stop"),
        (["start"], "start"),
        (["start"], "resume"),
        (["start", "pause"], "pause"),
        (["start", "pause"], "start"),
        (["start", "stop"], "pause"),
        (["start", "stop"], "resume"),
        (["start", "stop"], "stop"),
    ],
)
def test_refused_transitions(clock, state_setup, action):
    timer = StudyTimer(clock=clock)
    for step in state_setup:
        getattr(timer, step)()
    before = timer.state
    with pytest.raises(TimerStateError):
        getattr(timer, action)()
    assert timer.state is before


def test_toggle_walks_start_pause_resume(clock):
    timer = StudyTimer(clock=clock)
    assert kinds(timer.toggle()) == [EventKind.STARTED]
    assert kinds(timer.toggle()) == [EventKind.PAUSED]
    assert kinds(timer.toggle()) == [EventKind.RESUMED]


def test_many_pauses_are_all_excluded(clock):
    timer = StudyTimer(clock=clock)
    timer.start()
    studied = 0
    for run, rest in [(61, 5), (0.5, 100), (1799, 3600), (12, 0)]:
        clock.advance(run)
        studied += run
        timer.pause()
        clock.advance(rest)
        timer.resume()
    assert timer.active_seconds == pytest.approx(studied)


def test_target_event_fires_exactly_once(clock):
    timer = StudyTimer(target_minutes=15, clock=clock)
    timer.start()
    clock.advance(15 * 60 - 1)
    assert timer.poll() == []
    assert not timer.target_reached
    clock.advance(1)
    events = timer.poll()
    assert kinds(events) == [EventKind.TARGET_REACHED]
    assert events[0].active_seconds == 15 * 60
    assert timer.remaining_seconds == 0
    clock.advance(600)
    assert timer.poll() == []
    timer.pause()
    timer.resume()
    clock.advance(600)
    assert timer.poll() == []
    assert kinds(timer.stop()) == [EventKind.STOPPED]


def test_target_reached_between_polls_is_reported_by_pause_or_stop(clock):
    timer = StudyTimer(target_minutes=15, clock=clock)
    timer.start()
    clock.advance(20 * 60)
    assert kinds(timer.pause()) == [EventKind.TARGET_REACHED, EventKind.PAUSED]
    timer.resume()
    assert timer.poll() == []

    other = StudyTimer(target_minutes=15, clock=clock)
    other.start()
    clock.advance(16 * 60)
    assert kinds(other.stop()) == [EventKind.TARGET_REACHED, EventKind.STOPPED]


def test_target_fires_again_in_a_new_session(clock):
    timer = StudyTimer(target_minutes=15, clock=clock)
    timer.start()
    clock.advance(16 * 60)
    assert EventKind.TARGET_REACHED in kinds(timer.poll())
    timer.stop()
    timer.start()
    assert not timer.target_reached
    clock.advance(16 * 60)
    assert kinds(timer.poll()) == [EventKind.TARGET_REACHED]


def test_focus_break_cycles(clock):
    timer = StudyTimer(target_minutes=120, focus_minutes=50, break_minutes=10, clock=clock)
    timer.start()
    assert timer.phase is Phase.FOCUS
    clock.advance(50 * 60 - 1)
    assert timer.poll() == []
    assert timer.phase_remaining_seconds == 1
    clock.advance(1)
    assert kinds(timer.poll()) == [EventKind.BREAK_STARTED]
    assert timer.phase is Phase.BREAK
    clock.advance(5 * 60)
    assert timer.active_seconds == 50 * 60  # a break is not study
    assert timer.poll() == []
    # pausing during a break pauses the break too
    timer.pause()
    clock.advance(3600)
    timer.resume()
    assert timer.phase is Phase.BREAK
    assert timer.phase_remaining_seconds == 5 * 60
    clock.advance(5 * 60)
    assert kinds(timer.poll()) == [EventKind.FOCUS_STARTED]
    assert timer.active_seconds == 50 * 60
    clock.advance(50 * 60)
    assert kinds(timer.poll()) == [EventKind.BREAK_STARTED]
    clock.advance(10 * 60)
    assert kinds(timer.poll()) == [EventKind.FOCUS_STARTED]
    # target 120 min of study: 100 done, 20 more
    assert timer.remaining_seconds == 20 * 60
    clock.advance(20 * 60)
    assert kinds(timer.poll()) == [EventKind.TARGET_REACHED]
    assert timer.stop()[-1].active_seconds == 120 * 60


def test_target_is_not_reached_during_a_break(clock):
    timer = StudyTimer(target_minutes=50, focus_minutes=25, break_minutes=5, clock=clock)
    timer.start()
    clock.advance(25 * 60)
    timer.poll()
    clock.advance(5 * 60)
    timer.poll()
    clock.advance(25 * 60 - 1)
    assert EventKind.TARGET_REACHED not in kinds(timer.poll())
    clock.advance(1)
    # the focus ends exactly at the target: the break begins and the target fires
    assert set(kinds(timer.poll())) == {EventKind.BREAK_STARTED, EventKind.TARGET_REACHED}


@pytest.mark.parametrize(
    "running, expected",
    [
        (0, (0, Phase.FOCUS, 50 * 60)),
        (49 * 60, (49 * 60, Phase.FOCUS, 60)),
        (50 * 60, (50 * 60, Phase.BREAK, 10 * 60)),
        (59 * 60, (50 * 60, Phase.BREAK, 60)),
        (60 * 60, (50 * 60, Phase.FOCUS, 50 * 60)),
        (125 * 60, (105 * 60, Phase.FOCUS, 45 * 60)),
    ],
)
def test_split_running(running, expected):
    assert split_running(running, 50 * 60, 10 * 60) == expected


def test_cycles_only_change_between_sessions(clock):
    timer = StudyTimer(clock=clock)
    timer.set_cycles(50, 10)
    assert timer.cycles
    timer.start()
    with pytest.raises(TimerStateError):
        timer.set_cycles(None, None)
    timer.stop()
    timer.set_cycles(None, None)
    assert not timer.cycles


def test_bad_configuration_is_refused(clock):
    with pytest.raises(ValueError):
        StudyTimer(target_minutes=0, clock=clock)
    with pytest.raises(ValueError):
        StudyTimer(focus_minutes=50, clock=clock)
    with pytest.raises(ValueError):
        StudyTimer(focus_minutes=50, break_minutes=0, clock=clock)


def test_earlier_sessions_of_the_day_count_towards_the_target(clock):
    timer = StudyTimer(target_minutes=90, clock=clock)
    timer.set_earlier(88 * 60)
    assert timer.remaining_seconds == 2 * 60
    timer.start()
    clock.advance(60)
    assert timer.poll() == []
    assert timer.active_seconds == 60 and timer.day_seconds == 89 * 60
    clock.advance(60)
    assert kinds(timer.poll()) == [EventKind.TARGET_REACHED]
    with pytest.raises(TimerStateError):
        timer.set_earlier(0)
    timer.stop()
    timer.set_earlier(90 * 60)  # the next session of an evening whose target is met: not said again
    timer.start()
    assert timer.target_reached
    clock.advance(60)
    assert timer.poll() == []
    with pytest.raises(ValueError):
        StudyTimer(clock=clock).set_earlier(-1)
