"""UI stalls while the largest corpus file is opened and translated, and the warm reopen.

The tiny real Argos package (tests/support/tiny_argos.py) is built in a temporary
folder and the translation cache starts empty. A 10 ms QTimer heartbeat runs on
the GUI thread from the window's first event-loop turn until every block is
translated and shown; the longest gap between heartbeats is the longest freeze the user
would feel (target: none over 50 ms). Then the same file is opened again in a
new window (as on the next evening's start) with the now warm cache, and the
time until every block shows its English is printed.

    /work/venv/bin/python benchmarks/ui_stall_bench.py [FILE]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


class Heartbeat:
    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import QTimer

        self.interval = interval_ms / 1000
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._beat)
        self.gaps: list[float] = []
        self.ends: list[float] = []
        self.events: list[tuple[float, str]] = []
        self.last = 0.0
        self.origin = 0.0
        # Where the GUI thread's time went in each gap (Linux): on a CPU, waiting for one, or neither.
        self.split: list[tuple[float, float]] = []  # (on CPU, waiting for a CPU) seconds per gap
        self.last_sched = (0.0, 0.0)

    def start(self) -> None:
        self.gaps.clear()
        self.ends.clear()
        self.events.clear()
        self.split.clear()
        self.last = self.origin = time.perf_counter()
        self.last_sched = gui_thread_sched()
        self.timer.start()

    def mark(self, label: str) -> None:
        self.events.append((time.perf_counter() - self.origin, label))

    def _beat(self) -> None:
        now = time.perf_counter()
        sched = gui_thread_sched()
        self.gaps.append(now - self.last)
        self.ends.append(now - self.origin)
        self.split.append((sched[0] - self.last_sched[0], sched[1] - self.last_sched[1]))
        self.last = now
        self.last_sched = sched

    def stop(self) -> None:
        self._beat()
        self.timer.stop()

    def report(self, label: str) -> float:
        gaps = sorted(self.gaps)
        longest = gaps[-1] if gaps else 0.0
        over = sum(1 for gap in gaps if gap > 0.050)
        p99 = gaps[int(len(gaps) * 0.99) - 1] if len(gaps) > 100 else longest
        print(
            f"  {label}: {len(gaps)} heartbeats, longest gap {longest * 1000:.1f} ms, "
            f"p99 {p99 * 1000:.1f} ms, median {statistics.median(gaps) * 1000 if gaps else 0:.1f} ms, "
            f"gaps over 50 ms: {over}"
        )
        worst = sorted(zip(self.gaps, self.ends, self.split), reverse=True)[:5]
        timeline = ", ".join(f"{gap * 1000:.0f} ms ending at {end:.2f} s" for gap, end, _ in worst if gap > 0.050)
        if timeline:
            print(f"    longest gaps: {timeline}")
            print("    events: " + ", ".join(f"{label} {at:.2f} s" for at, label in self.events))
            if self.split and any(cpu or queued for cpu, queued in self.split):
                print("    the GUI thread in them (on a CPU / waiting for a CPU / blocked: the GIL, Qt's paint "
                      "threads, idle): " + ", ".join(
                          f"{gap * 1000:.0f} = {cpu * 1000:.0f} / {queued * 1000:.0f} / "
                          f"{(gap - cpu - queued) * 1000:.0f}" for gap, _end, (cpu, queued) in worst if gap > 0.050))
        return longest


class CollectorWatch:
    """Every cyclic garbage collection (gc.callbacks): when, how long, which generation, on which thread.

    A collection runs with the interpreter lock held, whichever thread set it off: the GUI thread
    waits for all of it.
    """

    def __init__(self) -> None:
        import gc
        import threading

        self.runs: list[tuple[float, float, int, str]] = []  # start, seconds, generation, thread
        self._started = 0.0
        self._threading = threading
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict) -> None:
        now = time.perf_counter()
        if phase == "start":
            self._started = now
        else:
            name = "GUI thread" if self._threading.current_thread() is self._threading.main_thread() else "worker"
            self.runs.append((self._started, now - self._started, info["generation"], name))

    def report(self, origin: float, end: float, gaps: list[tuple[float, float]]) -> None:
        runs = [run for run in self.runs if origin <= run[0] <= end]
        if not runs:
            return
        total = sum(run[1] for run in runs)
        longest = sorted(runs, key=lambda run: -run[1])[:4]
        in_gaps = sum(1 for start, seconds, *_ in runs if any(a <= start <= b for a, b in gaps) and seconds > 0.005)
        print(f"    garbage collections: {len(runs)}, {total * 1000:.0f} ms in all; longest "
              + ", ".join(f"{seconds * 1000:.0f} ms (generation {gen}, {thread}, at {start - origin:.2f} s)"
                          for start, seconds, gen, thread in longest)
              + f"; {in_gaps} of those over 5 ms inside a gap over 50 ms")


def gui_thread_sched() -> tuple[float, float]:
    """The calling thread's time on a CPU and waiting in a run queue, in seconds (Linux schedstat; else zeros)."""
    try:
        with open("/proc/thread-self/schedstat", encoding="ascii") as handle:
            on_cpu, queued, _slices = handle.read().split()
    except OSError:
        return 0.0, 0.0
    return int(on_cpu) / 1e9, int(queued) / 1e9


def watch(window, heartbeat: Heartbeat) -> None:
    """Time-stamp what happens, to tell which work a long gap belongs to."""
    window.glossaryLoaded.connect(lambda _g: heartbeat.mark("glossary loaded"))
    window.translationFinished.connect(lambda: heartbeat.mark("translation finished"))
    first = {"seen": False}

    def on_first_block(*_args) -> None:
        if not first["seen"]:
            first["seen"] = True
            heartbeat.mark("first block translated")

    def hook() -> None:
        if window.translation.job is not None:
            window.translation.job.blockTranslated.connect(on_first_block)
            heartbeat.mark("services started")
        else:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(5, hook)

    hook()


def wait_until(app, predicate, timeout: float) -> bool:
    """Run the real event loop (not a polling loop) until ``predicate()`` holds."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    checker = QTimer()
    checker.setInterval(20)
    checker.timeout.connect(lambda: predicate() and loop.quit())
    checker.start()
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    if not predicate():
        loop.exec()
    checker.stop()
    return predicate()


def idle_floor(app, heartbeat: Heartbeat, seconds: float = 1.0) -> None:
    """The same heartbeat with the window idle: the machine's own noise (other processes)."""
    heartbeat.start()
    wait_until(app, lambda: False, seconds)
    heartbeat.stop()
    heartbeat.report("idle window (noise floor)")


class SlotTrace:
    """``--trace``: time every method of the window's classes called from the event loop.

    Records the outermost calls on the GUI thread (the slots and event handlers Qt calls) and
    the heartbeat gaps over 30 ms; prints, per gap, what Python ran in it. The rest of a gap
    is Qt's own work (layout, paint) or waiting for the GIL held by a worker thread.
    """

    def __init__(self) -> None:
        import threading

        self.calls: list[tuple[float, float, str]] = []
        self.gaps: list[tuple[float, float]] = []
        self._local = threading.local()
        self._main = threading.main_thread()

    def install(self, heartbeat: Heartbeat) -> None:
        import functools
        import importlib
        import inspect
        import threading

        trace = self

        def wrap(cls) -> None:
            for name, fn in list(vars(cls).items()):
                if not inspect.isfunction(fn) or (name.startswith("__") and name != "__init__"):
                    continue

                def make(fn, qualname):
                    @functools.wraps(fn)
                    def timed(*args, **kwargs):
                        if threading.current_thread() is not trace._main:
                            return fn(*args, **kwargs)
                        depth = getattr(trace._local, "depth", 0)
                        trace._local.depth = depth + 1
                        start = time.perf_counter()
                        try:
                            return fn(*args, **kwargs)
                        finally:
                            trace._local.depth = depth
                            end = time.perf_counter()
                            if depth == 0 and end - start > 0.001:
                                trace.calls.append((start, end, qualname))
                    return timed

                setattr(cls, name, make(fn, f"{cls.__name__}.{name}"))

        for target in ("studyreader.ui.window.main_window:MainWindow", "studyreader.ui.reader.reader:BilingualReader",
                       "studyreader.ui.reader.builder:RowBuilder",
                       "studyreader.ui.window.navigator:EntryNavigator", "studyreader.ui.glossary.panel:GlossaryPanel",
                       "studyreader.ui.window.translation:TranslationController",
                       "studyreader.ui.window.document:DocumentController",
                       "studyreader.ui.translation_service:TranslationService",
                       "studyreader.ui.study.timer_widget:TimerWidget", "studyreader.ui.study.reminder:Reminder"):
            module, name = target.split(":")
            wrap(getattr(importlib.import_module(module), name))
        beat = heartbeat._beat

        def traced_beat() -> None:
            now = time.perf_counter()
            if heartbeat.last and now - heartbeat.last > 0.030:
                trace.gaps.append((heartbeat.last, now))
            beat()

        heartbeat._beat = traced_beat
        heartbeat.timer.timeout.disconnect()
        heartbeat.timer.timeout.connect(traced_beat)

    def report(self) -> None:
        print("  slot trace: gaps over 30 ms and the Python calls in them (offset, duration in ms):")
        for start, end in self.gaps:
            inside = [(max(a, start), min(b, end), name) for a, b, name in self.calls if b > start and a < end]
            python = sum(b - a for a, b, _name in inside) * 1000
            parts = ", ".join(f"{name} +{(a - start) * 1000:.0f} {(b - a) * 1000:.1f}" for a, b, name in inside)
            print(f"    gap {(end - start) * 1000:.1f} ms, Python {python:.1f} ms: {parts}")
        slow = sorted((b - a, name) for a, b, name in self.calls if b - a > 0.020)
        if slow:
            print("    calls over 20 ms: " + ", ".join(f"{name} {d * 1000:.1f}" for d, name in reversed(slow)))


def long_gaps(heartbeat: Heartbeat) -> list[tuple[float, float]]:
    """The heartbeat's gaps over 50 ms as (start, end) on the perf_counter clock."""
    return [(heartbeat.origin + end - gap, heartbeat.origin + end)
            for gap, end in zip(heartbeat.gaps, heartbeat.ends) if gap > 0.050]


def byte_code_cached(home: Path) -> None:
    """Import the app's modules from byte code, as an installed app does (pip compiles a wheel's
    modules): compiled now into a cache folder of this run, so the source tree stays clean.

    Without it (``PYTHONDONTWRITEBYTECODE=1`` and no ``__pycache__``), every module is compiled as it is
    imported, also in the worker thread that imports the translator after the first paint; compiling
    holds the interpreter lock for a whole module, so the window waits for it.
    """
    import compileall
    import importlib.util

    sys.dont_write_bytecode = False
    sys.pycache_prefix = str(home / "pycache")
    spec = importlib.util.find_spec("studyreader")  # (found, not imported)
    assert spec is not None and spec.submodule_search_locations, "studyreader is not importable"
    for folder in (*spec.submodule_search_locations, REPO / "tests" / "support"):
        compileall.compile_dir(folder, quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", help="notes file (default: the largest file of ../shared/corpus)")
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--trace", action="store_true",
                        help="print what Python ran on the GUI thread in every gap over 30 ms")
    parser.add_argument("--switch-interval", type=float, default=None,
                        help="override sys.setswitchinterval (seconds) to compare with the app's own setting")
    parser.add_argument("--no-translation", action="store_true",
                        help="no model installed: the same run without the translation worker (for comparison)")
    parser.add_argument("--compile-at-import", action="store_true",
                        help="no byte-code cache: every module of the app is compiled from source as it is "
                             "imported (as under PYTHONDONTWRITEBYTECODE=1 with no __pycache__ in the tree)")
    args = parser.parse_args()
    if args.file:
        notes = Path(args.file)
    else:
        files = sorted(CORPUS.glob("*.md"), key=lambda p: p.stat().st_size)
        if not files:
            print(f"ui_stall_bench: no corpus at {CORPUS}", file=sys.stderr)
            return 2
        notes = files[-1]

    home = Path(tempfile.mkdtemp(prefix="studyreader-stall-"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[var] = str(home / var.lower())
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not args.compile_at_import:
        byte_code_cached(home)
    sys.path.insert(0, str(REPO))
    from tests.support.tiny_argos import install_session_package

    (home / "argos").mkdir(parents=True)
    if args.no_translation:
        os.environ["ARGOS_PACKAGES_DIR"] = str(home / "argos" / "none")
    else:
        package = install_session_package(home / "argos")
        os.environ["ARGOS_PACKAGES_DIR"] = str(package.packages_dir)

    from studyreader.ui.app import apply_theme, create_app, pause_collector, resume_collector_after_start_up
    from studyreader.ui.settings import Settings
    from studyreader.ui.window.main_window import MainWindow

    app = create_app()
    if args.switch_interval:
        sys.setswitchinterval(args.switch_interval)
    print(f"  GIL switch interval {sys.getswitchinterval() * 1000:.1f} ms; byte code "
          f"{'compiled at import' if args.compile_at_import else 'cached (as installed)'}"
          f"{'; NO translation model' if args.no_translation else ''}")
    apply_theme(app, "light")
    settings = Settings(home / "settings.ini")
    print(f"ui_stall_bench: {notes.name} ({notes.stat().st_size / 1024:.0f} KiB), tiny Argos package, empty cache")

    def all_shown(window) -> bool:
        return (
            window.reader.is_built()
            and (args.no_translation or not window.reader.pending_rows())
            and window.translation_state() in ("done", "failed", "no_model")
            and not window.reader.has_pending_work()  # every arrived translation is on screen
        )

    heartbeat = Heartbeat()
    collector = CollectorWatch()
    trace = SlotTrace() if args.trace else None
    if trace is not None:
        trace.install(heartbeat)
    # Like `studyreader FILE`: the window is built with the file and shown (start-up, before the
    # event loop runs); from then on every heartbeat gap is a freeze the user could feel.
    started = time.perf_counter()
    pause_collector()  # as start_app() does: no collection until the start-up is done, then its objects frozen
    window = MainWindow(notes, settings, restore_state=False)
    window.first_paint.after(lambda: resume_collector_after_start_up(window))
    window.resize(1366, 768)
    window.show()
    shown_seconds = time.perf_counter() - started
    heartbeat.start()
    watch(window, heartbeat)
    ok = wait_until(app, lambda: all_shown(window), args.timeout)
    cold_seconds = time.perf_counter() - started
    heartbeat.stop()
    print(f"  window shown with the file (start-up, before the event loop): {shown_seconds * 1000:.0f} ms")
    rows = window.reader.row_count()
    translated = rows - len(window.reader.pending_rows())
    print(f"  cold open + translate all: {cold_seconds:.2f} s for {rows} rows ({translated} shown in English)"
          f"{'' if ok else '  (TIMED OUT)'}; state {window.translation_state()}")
    cold_longest = heartbeat.report("cold")
    collector.report(heartbeat.origin, time.perf_counter(), long_gaps(heartbeat))
    window.close()
    window.deleteLater()
    app.processEvents()

    # The same file again, as when the app is started the next evening: the cache is warm now.
    started = time.perf_counter()
    pause_collector()
    again = MainWindow(notes, settings, restore_state=False)
    again.first_paint.after(lambda: resume_collector_after_start_up(again))
    again.resize(1366, 768)
    again.show()
    heartbeat.start()
    watch(again, heartbeat)
    ok = wait_until(app, lambda: again.services_ready() and all_shown(again), args.timeout)
    warm_seconds = time.perf_counter() - started
    heartbeat.stop()
    print(f"  warm reopen (cache filled): {warm_seconds:.2f} s from start until every row shows its English"
          f"{'' if ok else '  (TIMED OUT)'}")
    warm_longest = heartbeat.report("warm")
    collector.report(heartbeat.origin, time.perf_counter(), long_gaps(heartbeat))
    worst = max(cold_longest, warm_longest)
    print(f"  longest gap overall {worst * 1000:.1f} ms (target: none over 50 ms)  "
          f"{'OK' if worst <= 0.050 else 'OVER TARGET'}")
    idle_floor(app, heartbeat)
    if trace is not None:
        trace.report()
    again.close()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown of the Qt objects: nothing left to measure


if __name__ == "__main__":
    sys.exit(main())
