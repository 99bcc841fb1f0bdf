"""The background-job helper: results, exceptions and progress reach the GUI thread, in order,
and nothing reaches an owner that is gone or a job that was cancelled."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, QThread

from studyreader.ui.jobs import run_in_thread, wait_for_jobs


def test_the_result_arrives_on_the_gui_thread(qtbot):
    seen = []
    worker_threads = []

    def work():
        worker_threads.append(threading.current_thread())
        return 42

    run_in_thread(work, lambda value: seen.append((value, QThread.isMainThread())))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(42, True)]
    assert worker_threads[0] is not threading.main_thread()


def test_an_exception_is_delivered_to_on_failed(qtbot):
    failures = []

    def boom():
        raise ValueError("bad notes")

    run_in_thread(boom, lambda _v: failures.append("done?"), failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], ValueError) and str(failures[0]) == "bad notes"


def test_progress_arrives_in_order_before_the_result(qtbot):
    events = []

    def work(report):
        for step in range(50):
            report(step)
        return "end"

    run_in_thread(work, lambda value: events.append(value), on_progress=events.append)
    qtbot.waitUntil(lambda: "end" in events, timeout=5000)
    assert events == [*range(50), "end"]


def test_nothing_is_delivered_to_a_deleted_owner_or_after_cancel(qtbot):
    owner = QObject()
    release = threading.Event()
    seen = []
    job = run_in_thread(lambda: release.wait(5) and "late", seen.append, seen.append, context=owner)
    shiboken6.delete(owner)
    release.set()
    assert job.wait(5)
    cancelled = run_in_thread(lambda: "cancelled", seen.append)
    cancelled.cancel()
    assert cancelled.wait(5)
    run_in_thread(lambda: "control", seen.append)
    qtbot.waitUntil(lambda: "control" in seen, timeout=5000)
    qtbot.wait(50)
    assert seen == ["control"]


def test_the_function_sees_cancel_and_wait_for_jobs_returns(qtbot):
    started = threading.Event()
    holder = {}

    def work():
        started.set()
        while not holder["job"].cancelled():
            threading.Event().wait(0.01)
        return "stopped"

    holder["job"] = run_in_thread(work)
    assert started.wait(5)
    assert wait_for_jobs(5000) is True
    assert holder["job"].done()


def test_an_abandoned_job_gives_its_place_in_the_pool_to_the_next_and_delivers_nothing(qtbot):
    from PySide6.QtCore import QThreadPool

    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    release = threading.Event()
    seen = []
    stuck = run_in_thread(lambda: release.wait(10) and "stuck", seen.append, seen.append, pool=pool)
    queued = run_in_thread(lambda: "next", seen.append, pool=pool)
    qtbot.wait(100)
    assert seen == [] and not queued.done()  # one place: the second job waits behind the stuck one
    stuck.abandon()
    qtbot.waitUntil(lambda: seen == ["next"], timeout=5000)
    assert not stuck.done()  # still running: nothing was interrupted
    release.set()
    assert stuck.wait(5)
    after = run_in_thread(lambda: "after", seen.append, pool=pool)
    qtbot.waitUntil(lambda: "after" in seen, timeout=5000)
    assert after.done() and seen == ["next", "after"]  # the abandoned job's result never came
    assert pool.waitForDone(5000)
    assert pool.activeThreadCount() == 0 and pool.maxThreadCount() == 1  # the place was taken back

