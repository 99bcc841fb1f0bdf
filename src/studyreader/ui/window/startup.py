"""What waits for the first paint, and work spread over event-loop turns.

:class:`FirstPaint` runs what the first screen does not need once a widget has painted (or after
a second, should no paint come: a window that starts hidden). :func:`run_steps` calls a list of
short steps one per event-loop turn: each is short, together they would freeze the window.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

NO_PAINT_WAIT_MS = 1000


class FirstPaint(QObject):
    """Calls the functions given to :meth:`after` once ``widget`` has painted, each in its own turn."""

    def __init__(self, widget: QWidget, parent: QObject) -> None:
        super().__init__(parent)
        self._widget = widget
        self._done = False
        self._waiting: list[Callable[[], object]] = []
        widget.installEventFilter(self)
        QTimer.singleShot(NO_PAINT_WAIT_MS, self, self._release)

    def done(self) -> bool:
        """Painted, or waited long enough for a paint that did not come."""
        return self._done

    def after(self, fn: Callable[[], object]) -> None:
        """Run ``fn`` after the first paint (in the next turn when it has happened)."""
        if self._done:
            QTimer.singleShot(0, self, fn)
        else:
            self._waiting.append(fn)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self._widget:
            self._widget.removeEventFilter(self)
            self._release()
        return False

    def _release(self) -> None:
        if self._done:
            return
        self._done = True
        waiting, self._waiting = self._waiting, []
        for fn in waiting:
            QTimer.singleShot(0, self, fn)


def run_steps(
    owner: QObject,
    steps: list[Callable[[], object]],
    *,
    busy: Callable[[], bool] = lambda: False,
    max_wait: float = 1.0,
    poll_ms: int = 40,
    after_each: Callable[[], object] = lambda: None,
    on_done: Callable[[], object] = lambda: None,
) -> None:
    """Call ``steps`` one per event-loop turn. Before each, while ``busy()`` (the reader has rows
    to build), wait in ``poll_ms`` polls, for at most ``max_wait`` seconds in all. Nothing runs
    once ``owner`` is deleted (the timers are its children)."""
    pending = list(steps)
    give_up_at = time.perf_counter() + max_wait

    def next_step() -> None:
        if not pending:
            on_done()
            return
        if busy() and time.perf_counter() < give_up_at:
            QTimer.singleShot(poll_ms, owner, next_step)
            return
        pending.pop(0)()
        after_each()
        QTimer.singleShot(0, owner, next_step)

    QTimer.singleShot(0, owner, next_step)
