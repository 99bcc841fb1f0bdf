"""The reader's blocks rendered off the GUI thread, one block at a time, each within a time budget.

Markdown to safe HTML (Python-Markdown, nh3, the glossary's marks) is pure Python and can be slow on
someone else's notes. :class:`RenderQueue` hands the blocks to one worker thread (through
:func:`studyreader.ui.jobs.run_in_thread`, on a pool of its own so that rendering never queues behind
a translation), the most urgent first. The GUI thread watches the block the worker is on: past
:data:`BLOCK_BUDGET_SECONDS` (or when it raises) the block is shown as plain text under a quiet note,
the worker is abandoned (it finishes that block, bounded by the pre-checks of
:mod:`studyreader.render.markup`, and its result is dropped) and a fresh worker goes on with the
others. Nothing is interrupted by force.

The worker is paced by the GUI thread: it renders :data:`RENDER_AHEAD` blocks, then waits until the
GUI thread has taken them, and starts none while the GUI thread runs a build slice (:meth:`RenderQueue.hold`);
only when the GUI thread itself waits for blocks (the first screen, a jump to a row) does it run freely.
"""

from __future__ import annotations

import heapq
import threading
import time
import weakref
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, QTimer

from studyreader.ui.jobs import Job, run_in_thread

# A block may take this long to render and mark. Real blocks take 0.2-5 ms (the largest corpus file:
# 285 blocks in about 0.4 s); the pre-checks of render.markup turn the known quadratic inputs into plain
# text in well under this. A quarter of a second is long enough for a slow block on a busy machine,
# short enough that the reader never waits visibly for one.
BLOCK_BUDGET_SECONDS = 0.25
_WATCH_MS = 50  # how often the GUI thread looks at the block being rendered
# Blocks the worker renders between two visits of the GUI thread: about what one build slice inserts.
# Python threads share one interpreter lock, and the machine a few cores: a worker rendering on while
# the GUI thread lays out and paints would take time from it (measured: longer stalls), so it renders
# a few blocks ahead and then waits for the GUI thread to take them.
RENDER_AHEAD = 6
WAITED_FOR = (-1,)  # the priority of blocks the GUI thread waits for (before every other priority in use)
WAITED_BELOW = (0,)


@dataclass(frozen=True)
class Task:
    """One block to render: ``run()`` returns its HTML; ``fallback()`` the plain text shown instead."""

    key: Hashable
    run: Callable[[], Any]
    fallback: Callable[[], Any]


@dataclass(frozen=True)
class Result:
    key: Hashable
    value: Any
    fell_back: bool  # shown as plain text: the render raised or went over the budget


class _Worker:
    """One worker thread's state, shared with the GUI thread under the queue's lock."""

    def __init__(self) -> None:
        self.job: Job | None = None
        self.abandoned = False
        self.current: Task | None = None
        self.started = 0.0


_pool: QThreadPool | None = None
_QUEUES: weakref.WeakSet[RenderQueue] = weakref.WeakSet()  # every reader's queue: budgets are watched for all


def _render_pool() -> QThreadPool:
    """One live render thread at a time; an abandoned one gives its place up (Job.abandon)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


class RenderQueue(QObject):
    """Blocks waiting to be rendered, by priority; results reach ``on_result`` on the GUI thread.

    Priorities are tuples, smallest first (the reader uses (0, row) for rows on screen, (1, row) for
    the others: document order). Submitting a key again replaces its task (it keeps the more urgent
    priority); :meth:`clear` drops them all.
    """

    def __init__(self, on_result: Callable[[Result], None], parent: QObject | None = None,
                 budget: float | None = None) -> None:
        super().__init__(parent)
        self.budget = BLOCK_BUDGET_SECONDS if budget is None else budget
        self._on_result = on_result
        self._lock = threading.Condition()
        self._heap: list[tuple[Any, int, Hashable]] = []
        self._tasks: dict[Hashable, tuple[Any, int, Task]] = {}  # key -> (priority, serial, task)
        self._serial = 0
        self._done: list[Result] = []
        self._worker: _Worker | None = None
        # Pacing (see the module): the worker starts a block only with a credit, handed out when the GUI
        # thread takes results; never while the GUI thread holds it (hold()); always while it waits.
        self._credit = RENDER_AHEAD
        self._held = 0  # (hold() nests)
        self._waiting = False
        self._waiting_all = False  # (wait_for() every block)
        self._watch = QTimer(self, interval=_WATCH_MS)
        self._watch.timeout.connect(self._on_watch)
        _QUEUES.add(self)
        lock, tasks, heap = self._lock, self._tasks, self._heap
        # A reader closed while its blocks render: the worker finds nothing more to do.
        self.destroyed.connect(lambda: _drop_all(lock, tasks, heap))

    # -- GUI thread ----------------------------------------------------------------------------
    def submit(self, tasks: Iterable[tuple[Any, Task]]) -> None:
        """Queue ``(priority, task)`` pairs."""
        with self._lock:
            for priority, task in tasks:
                queued = self._tasks.get(task.key)
                if queued is not None and queued[0] < priority:
                    priority = queued[0]  # (a key queued again keeps the more urgent of its priorities)
                self._serial += 1
                self._tasks[task.key] = (priority, self._serial, task)
                heapq.heappush(self._heap, (priority, self._serial, task.key))
        self._ensure_worker()

    def prioritise(self, keys: Iterable[Hashable], priority: Any) -> None:
        """Queued tasks of ``keys`` move to ``priority`` (e.g. rows that came on screen)."""
        with self._lock:
            for key in keys:
                entry = self._tasks.get(key)
                if entry is not None and entry[0] > priority:
                    self._serial += 1
                    self._tasks[key] = (priority, self._serial, entry[2])
                    heapq.heappush(self._heap, (priority, self._serial, key))

    def clear(self) -> None:
        """Drop every queued task (a result already on its way is still delivered: check it)."""
        with self._lock:
            self._tasks.clear()
            self._heap.clear()

    def size(self) -> int:
        """Blocks queued (not counting the one being rendered)."""
        with self._lock:
            return len(self._tasks)

    def busy(self) -> bool:
        """Tasks queued, being rendered, or results not yet delivered."""
        with self._lock:
            return bool(self._tasks or self._done or (self._worker is not None and self._worker.current))

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Around a slice of GUI-thread work: the worker starts no new block meanwhile.

        Python threads share one interpreter lock, handed over every millisecond: a worker rendering
        while the GUI thread runs Python would make that work take up to twice as long. (A block
        already being rendered goes on; a block takes a few milliseconds.)
        """
        with self._lock:
            self._held += 1
        try:
            yield
        finally:
            with self._lock:
                self._held -= 1
            self._ensure_worker()

    def pending(self, keys: Iterable[Hashable]) -> set[Hashable]:
        """Those of ``keys`` queued or being rendered."""
        with self._lock:
            current = self._worker.current if self._worker is not None else None
            return {key for key in keys if key in self._tasks or (current is not None and current.key == key)}

    def wait_for(self, keys: Collection[Hashable] | None = None, urgent: Any = WAITED_FOR,
                 timeout: float | None = None) -> None:
        """Block the GUI thread until the tasks of ``keys`` (None: every task) are done, each within
        the budget, and their results delivered; or until ``timeout`` seconds have passed.

        For what must be on screen before the event loop turns again (the first screen, a jump to a
        row, tests); the keys' tasks go first.
        """
        if keys is not None:
            self.prioritise(keys, urgent)
        end = None if timeout is None else time.perf_counter() + timeout
        with self._lock:
            # the GUI thread waits: the worker must not wait for it
            state = self._waiting, self._waiting_all
            self._waiting, self._waiting_all = True, keys is None
        try:
            self._wait(keys, end)
        finally:
            with self._lock:
                self._waiting, self._waiting_all = state

    def _wait(self, keys: Collection[Hashable] | None, end: float | None) -> None:
        while True:
            self._ensure_worker()
            self.deliver()
            with self._lock:
                worker = self._worker
                current = worker.current if worker is not None else None
                if keys is None:
                    waiting = bool(self._tasks) or current is not None
                else:
                    waiting = any(key in self._tasks for key in keys) or (current is not None and current.key in keys)
                now = time.perf_counter()
                if not self._done and (not waiting or (end is not None and now >= end)):
                    return
                pause = _WATCH_MS / 1000
                if current is not None:
                    pause = min(pause, worker.started + self.budget - now)
                if end is not None:
                    pause = min(pause, end - now)
                if not self._done:
                    self._lock.wait(max(0.001, pause))
            for queue in list(_QUEUES):
                # (another reader's block over its budget would hold the pool's thread while this one waits)
                if shiboken6.isValid(queue):
                    queue._check_budget()

    def deliver(self) -> None:
        """Hand the finished results to ``on_result`` (also called when a worker reports); the worker may
        render the next few blocks."""
        with self._lock:
            done, self._done = self._done, []
            self._credit = RENDER_AHEAD
        for result in done:
            self._on_result(result)
        self._ensure_worker()

    def _may_start(self) -> bool:
        """(Under the lock.) A block may be started now."""
        return bool(self._tasks) and (self._waiting or (self._credit > 0 and not self._held))

    def _ensure_worker(self) -> None:
        with self._lock:
            if self._worker is not None or not self._may_start():
                return
            worker = self._worker = _Worker()
        worker.job = run_in_thread(lambda report: self._work(worker, report), lambda _none: self._ended(worker),
                                   lambda error: self._failed(worker, error), on_progress=lambda _none: self.deliver(),
                                   context=self, pool=_render_pool())
        self._watch.start()

    def _ended(self, worker: _Worker) -> None:
        with self._lock:
            if self._worker is worker:
                self._worker = None
        self.deliver()
        self._ensure_worker()  # tasks submitted while it was ending
        if self._worker is None:
            self._watch.stop()

    def _failed(self, worker: _Worker, error: BaseException) -> None:
        self._ended(worker)
        raise error  # a fault of the queue itself (a block's own failure is a plain-text result): loudly

    def _on_watch(self) -> None:
        self._check_budget()
        self.deliver()

    def _check_budget(self) -> None:
        """The block being rendered went over its budget: plain text for it, a fresh worker for the rest."""
        with self._lock:
            worker = self._worker
            task = worker.current if worker is not None else None
            if task is None or time.perf_counter() - worker.started <= self.budget:
                return
            worker.abandoned = True
            worker.current = None
            self._worker = None
            self._done.append(Result(task.key, task.fallback(), True))
        if worker.job is not None:
            worker.job.abandon()
        self.deliver()
        self._ensure_worker()
        if self._worker is None:
            self._watch.stop()

    # -- worker thread -------------------------------------------------------------------------
    def _take(self, worker: _Worker) -> Task | None:
        """The next block, or None: the worker ends (out of work or credit, or held), giving the pool's
        thread to other readers; the GUI thread starts a new one when there is more to do."""
        with self._lock:
            worker.current = None
            if worker.abandoned:
                return None
            if not self._may_start():
                if self._worker is worker:
                    self._worker = None
                return None
            while self._heap:
                priority, serial, key = heapq.heappop(self._heap)
                entry = self._tasks.get(key)
                if entry is None or entry[1] != serial:
                    continue  # replaced, moved up or cleared
                del self._tasks[key]
                self._credit -= 1
                worker.current = entry[2]
                worker.started = time.perf_counter()
                return entry[2]
            return None  # (unreachable: every queued task has its heap entry)

    def _waited_for_next(self) -> bool:
        """(Under the lock.) The next block is one the GUI thread waits for (:meth:`wait_for`'s priority)."""
        while self._heap:
            priority, serial, key = self._heap[0]
            entry = self._tasks.get(key)
            if entry is not None and entry[1] == serial:
                return self._waiting and (self._waiting_all or priority < WAITED_BELOW)
            heapq.heappop(self._heap)  # replaced, moved up or cleared
        return False

    def _work(self, worker: _Worker, report: Callable[[object], None]) -> None:
        while (task := self._take(worker)) is not None:
            try:
                result = Result(task.key, task.run(), False)
            except Exception:  # noqa: BLE001 - a block that fails to render is shown as plain text
                result = Result(task.key, task.fallback(), True)
            with self._lock:
                if worker.abandoned:
                    return  # the GUI thread gave up on this block (it shows it as plain text)
                worker.current = None
                first = not self._done
                self._done.append(result)
                if not self._waited_for_next():
                    self._lock.notify_all()  # (a GUI thread waiting for blocks wakes once they are all done)
            if first:
                report(None)  # one wake-up for the GUI thread however many results wait


def _drop_all(lock: threading.Condition, tasks: dict, heap: list) -> None:
    with lock:
        tasks.clear()
        heap.clear()

