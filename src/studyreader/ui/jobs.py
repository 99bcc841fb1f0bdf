"""The one way StudyReader runs work off the GUI thread.

``run_in_thread(fn, on_done, on_failed, context=owner)`` calls ``fn`` on Qt's global thread pool
and delivers its result (or the exception it raised) to ``on_done`` (``on_failed``) on the GUI
thread. ``on_progress`` turns ``fn`` into ``fn(report)``: every ``report(value)`` reaches
``on_progress(value)`` on the GUI thread, in order, before the result. Nothing is delivered once
``context`` (a QObject: the window, a dialog, a service) has been deleted, or after the job was
cancelled with :meth:`Job.cancel`; the function itself can ask :meth:`Job.cancelled` (thread-safe)
to stop early. :meth:`Job.abandon` gives up on a function stuck in its work: nothing is delivered and
its place in the pool goes to the next job until it returns. ``pool``: a QThreadPool of its own for
work that must never queue behind long jobs (the reader's rendering); Qt's global pool otherwise.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

__all__ = ["Job", "run_in_thread", "wait_for_jobs"]

# Jobs whose result has not been delivered yet: each holds its relay (a QObject living on the GUI
# thread), which must outlive the worker's last emit.
_RUNNING: set[Job] = set()
_POOLS: set[QThreadPool] = set()  # the pools of their own jobs ran on (waited for at the end)


class _Relay(QObject):
    """Carries a worker thread's emits to the GUI thread (a queued connection: the relay was made
    on the GUI thread and the emits come from another)."""

    progressed = Signal(object)
    finished = Signal(bool, object)  # ok, result or exception


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job = job

    def run(self) -> None:
        self._job._run_on_worker()


class Job:
    """A function running on the thread pool; see :func:`run_in_thread`."""

    def __init__(self, fn: Callable[..., Any], on_done, on_failed, on_progress, context: QObject | None,
                 pool: QThreadPool) -> None:
        self._fn = fn
        self._pool = pool
        self._abandon_lock = threading.Lock()
        self._abandoned = False
        self._on_done = on_done
        self._on_failed = on_failed
        self._on_progress = on_progress
        self._context = context
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self._emitted = threading.Event()
        self._relay: _Relay | None = _Relay()
        self._relay.progressed.connect(self._deliver_progress)
        self._relay.finished.connect(self._deliver_result)

    def cancel(self) -> None:
        """Deliver nothing more; ``fn`` sees :meth:`cancelled` become true."""
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def abandon(self) -> None:
        """Stop waiting for a function stuck in its work: it is cancelled, and until it returns its
        thread does not count against the pool's limit (``QThreadPool.releaseThread``), so the next
        job starts at once. The function still runs to its end: give up only on bounded work."""
        self.cancel()
        _RUNNING.discard(self)
        with self._abandon_lock:
            if self._abandoned or self._finished.is_set():
                return
            self._abandoned = True
            self._pool.releaseThread()

    def done(self) -> bool:
        """The function has returned or raised (its result may still be on its way)."""
        return self._finished.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the function has returned (tests, shutdown)."""
        return self._finished.wait(timeout)

    # -- worker thread -------------------------------------------------------------------------
    def _run_on_worker(self) -> None:
        try:
            if self._on_progress is not None:
                result = self._fn(self._relay.progressed.emit)
            else:
                result = self._fn()
        except BaseException as error:  # noqa: BLE001 - every failure is delivered to on_failed
            self._end_on_worker()
            self._emit_finished(False, error)
            return
        self._end_on_worker()
        self._emit_finished(True, result)

    def _end_on_worker(self) -> None:
        with self._abandon_lock:
            self._finished.set()
            if self._abandoned and shiboken6.isValid(self._pool):  # (a pool deleted at exit has no places left)
                self._pool.reserveThread()  # the place given away in abandon() is taken back

    def _emit_finished(self, ok: bool, value: object) -> None:
        # Also for a cancelled or abandoned job (nothing is delivered then): the GUI thread deletes the relay.
        relay = self._relay
        if relay is not None and shiboken6.isValid(relay):  # (gone only if the app quit while it ran)
            relay.finished.emit(ok, value)
        self._emitted.set()  # the worker is done with the relay

    # -- GUI thread ----------------------------------------------------------------------------
    def _alive(self) -> bool:
        return not self._cancel.is_set() and (self._context is None or shiboken6.isValid(self._context))

    def _deliver_progress(self, value: object) -> None:
        if self._alive() and self._on_progress is not None:
            self._on_progress(value)

    def _deliver_result(self, ok: bool, value: object) -> None:
        _RUNNING.discard(self)
        _retire(self)
        if not self._alive():
            return
        if ok:
            if self._on_done is not None:
                self._on_done(value)
        elif self._on_failed is not None:
            self._on_failed(value)
        else:
            raise value  # no handler: fail loudly (the event loop prints it; tests see it)


# Delivered jobs whose relay is deleted on the GUI thread once their worker is done emitting. Left to
# the cyclic collector (a relay and its job refer to each other), a relay was deleted in whichever
# thread happened to collect: a worker thread deleting it while the GUI thread connected a signal
# deadlocked the two (Qt's connection lock against the interpreter lock), or crashed (both seen in
# ui_stall_bench once the reader rendered through many short jobs).
_RETIRED: list[Job] = []


def _retire(job: Job) -> None:
    _RETIRED.append(job)
    waiting = []
    for old in _RETIRED:
        if old is not job and old._emitted.is_set():
            relay, old._relay = old._relay, None
            shiboken6.delete(relay)  # here, on the GUI thread; its connections to the job go with it
        else:
            waiting.append(old)  # (the job being delivered, or a worker between its emit and its end)
    _RETIRED[:] = waiting


def run_in_thread(
    fn: Callable[..., Any],
    on_done: Callable[[Any], None] | None = None,
    on_failed: Callable[[BaseException], None] | None = None,
    *,
    on_progress: Callable[[Any], None] | None = None,
    context: QObject | None = None,
    pool: QThreadPool | None = None,
) -> Job:
    """Run ``fn`` on a worker thread; results come back on the GUI thread (see the module)."""
    if pool is None:
        pool = QThreadPool.globalInstance()
    else:
        _POOLS.add(pool)
    job = Job(fn, on_done, on_failed, on_progress, context, pool)
    _RUNNING.add(job)
    pool.start(_Runnable(job))
    return job


def wait_for_jobs(timeout_ms: int = 5000) -> bool:
    """Wait until no job is running on the pool (before the application quits)."""
    for job in list(_RUNNING):
        job.cancel()
    done = QThreadPool.globalInstance().waitForDone(timeout_ms)
    return all([pool.waitForDone(timeout_ms) for pool in _POOLS]) and done
