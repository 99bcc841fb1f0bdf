"""Start-up: the cached first screen, what waits for the first paint, and that it does arrive."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from studyreader.programme.marks import DayMark
from studyreader.render import first_screen as render_cache

HEAVY = ("argostranslate", "ctranslate2", "daachorse", "markdown", "nh3", "studyreader.translate.segment",
         "studyreader.notes.parser", "studyreader.study.stats", "studyreader.study.timer", "html")

CHILD = textwrap.dedent(
    r"""
    import gc, json, os, sys
    from studyreader.ui import app as app_module

    # What run_app() does before showing the window (light imports, staged window).
    application, window = app_module.start_app({notes!r})
    import PySide6.QtCore as QtCore
    from PySide6.QtCore import QEvent, QObject, QTimer

    HEAVY = {heavy!r}
    report = {{}}

    def geometry(widget):
        top_left = widget.mapTo(window, widget.rect().topLeft())
        return [top_left.x(), top_left.y(), widget.width(), widget.height()]

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and obj is window.reader.viewport() and "paint" not in report:
                report["paint"] = {{
                    "heavy": [name for name in HEAVY if name in sys.modules],
                    "collector": gc.isenabled(),
                    "panes": window.side_panes_built(),
                    "rows": window.reader.built_rows(),
                    "filled": window.reader.document().size().height() >= window.reader.viewport().height(),
                    "first": window.reader.blocks[0].source if window.reader.blocks else "",
                    "notes": window.notes is not None,
                    "icon": not application.windowIcon().isNull(),
                    "reader": geometry(window.reader.viewport()),
                }}
            return False

    def done():
        report["after"] = {{
            "notes": window.notes is not None,
            "built": window.reader.is_built(),
            "services": window.services_ready(),
            "glossary": window.services.glossary is not None,
            "timer": window.services.timer_widget is not None,
            "translation": window.translation_state(),
            "blocks": window.document.blocks is not None,
            "icon": not application.windowIcon().isNull(),
            "panes": window.side_panes_built(),
        }}
        report["dates"] = [d.isoformat() for d in window.navigator.dates()]
        report["reader"] = geometry(window.reader.viewport())
        report["info_bar"] = window.status.no_model_banner.isVisible()  # the no-model message, above the reader
        report["main_thread"] = QtCore.QThread.isMainThread()  # False if another thread became Qt's main
        report["collector"] = [gc.isenabled(), gc.get_freeze_count() > 0]
        print(json.dumps(report), flush=True)
        os._exit(0)

    def poll():
        settled = window.translation_state() not in ("idle", "running")
        if window.services_ready() and window.reader.is_built() and window.notes is not None and settled:
            done()

    watcher = FirstPaint()
    window.reader.viewport().installEventFilter(watcher)
    window.show()
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(20)
    QTimer.singleShot(60000, done)
    application.exec()
    """
)


def run_child(notes: Path, tmp_path: Path) -> dict:
    code = CHILD.format(heavy=HEAVY, notes=str(notes))
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "child-config")  # the settings of these runs only
    empty = tmp_path / "no-packages"
    empty.mkdir(exist_ok=True)
    env["ARGOS_PACKAGES_DIR"] = str(empty)  # no model: the services still all start
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stderr[-2000:]
    return json.loads(lines[-1])


def test_a_reopened_file_paints_from_the_cache_before_anything_heavy_is_imported(sample_copy, tmp_path):
    first = run_child(sample_copy, tmp_path)
    # First open: rendered anew (Markdown is needed), nothing heavy from the translator or matcher.
    assert first["paint"]["rows"] > 0 and first["paint"]["notes"]
    assert not {"argostranslate", "ctranslate2", "ahocorasick"} & set(first["paint"]["heavy"])
    assert "markdown" in first["paint"]["heavy"]
    assert list(render_cache.cache_folder().glob("*.bin")), "the first open writes the start-up cache"

    second = run_child(sample_copy, tmp_path)
    paint = second["paint"]
    assert paint["heavy"] == [], "nothing heavy before the first paint of a file shown before"
    assert paint["rows"] > 0 and "示例学员" in paint["first"]
    assert paint["filled"] and first["paint"]["filled"], "the first paint shows a full screen of rows"
    assert not paint["notes"] and not paint["icon"] and not paint["panes"]  # all right after the paint…
    after = second["after"]
    # …and everything that waited arrives: notes, every row, glossary, translation service, timer, panes
    assert after == {"notes": True, "built": True, "services": True, "glossary": True, "timer": True,
                     "translation": "no_model", "blocks": True, "icon": True, "panes": True}
    assert second["dates"] == first["dates"] and second["dates"][0] == "2025-01-10"
    # The side panes came into the places kept for them: the reader did not move sideways. (It moved
    # down only by the no-model message bar shown once the translation service started.)
    x, y, width, height = paint["reader"]
    after_x, after_y, after_width, after_height = second["reader"]
    assert second["info_bar"] and after_y > y
    assert (after_x, after_width, after_y + after_height) == (x, width, y + height)
    assert second["main_thread"] and first["main_thread"]
    # No cyclic collection during start-up; afterwards it runs again, start-up's objects frozen.
    assert paint["collector"] is False and second["collector"] == [True, True]


def test_cached_start_shows_what_a_fresh_start_shows(make_window, sample_copy, settings, qtbot):
    from studyreader.ui.window.main_window import MainWindow
    from studyreader.ui.window.navigator import VERDICT_ROLE

    fresh = make_window(sample_copy)
    assert fresh.notes is not None  # nothing cached yet: parsed at once
    fresh_blocks = fresh.reader.blocks
    fresh_html = fresh.reader.rendered_html()
    fresh_dates = fresh.navigator.dates()
    fresh_verdicts = [fresh.navigator.item_for(day).data(VERDICT_ROLE) for day in fresh_dates]
    fresh.close()

    again = MainWindow(sample_copy, settings, restore_state=False, start_services=False)
    qtbot.addWidget(again)
    assert again.notes is None  # shown from the cache: the notes are read after the first paint
    assert again.reader.blocks == fresh_blocks
    assert again.reader.rendered_html()[: again.reader.built_rows()] == fresh_html[: again.reader.built_rows()]
    assert again.navigator.dates() == fresh_dates
    assert [again.navigator.item_for(day).data(VERDICT_ROLE) for day in fresh_dates] == fresh_verdicts
    opened = []
    again.notesOpened.connect(opened.append)
    again.resize(1000, 400)  # short enough that the entry can scroll to the top
    again.show()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert again.notes is opened[0] and again.reader.blocks == fresh_blocks
    again.reader.finish_build()
    assert again.reader.rendered_html() == fresh_html
    assert again.jump_to_date(dt.date(2025, 1, 9))
    assert again.reader.blocks[again.reader.top_row()].source.startswith("### 2025.01.09")


def test_a_changed_file_is_rendered_anew(make_window, sample_copy):
    make_window(sample_copy).close()
    text = sample_copy.read_text(encoding="utf-8")
    sample_copy.write_text(text.replace("示例学员", "另一位学员"), encoding="utf-8")
    window = make_window(sample_copy)
    assert window.notes is not None  # a miss: parsed at once
    assert "另一位学员" in window.reader.blocks[0].source


def test_verdicts_from_another_day_are_used_only_without_pending_days(make_window, sample_copy, monkeypatch):
    from studyreader.notes import load_notes

    later = time.time() + 3 * 86400
    make_window(sample_copy).close()
    monkeypatch.setattr(render_cache.time, "time", lambda: later)
    window = make_window(sample_copy)
    assert window.notes is None  # every day of the sample is over: no verdict can have changed
    window.close()
    monkeypatch.undo()

    # An entry for a day that is not over yet (pending) makes the next day's start parse again.
    today = load_notes(sample_copy).today()
    short = sample_copy.parent / "today.md"
    short.write_text(f"# 笔记\n\n### {today:%Y.%m.%d}\n\n短\n", encoding="utf-8")
    opened = make_window(short)
    assert opened.notes is not None  # first open: parsed at once, cache written
    assert [opened.navigator.item_for(d).data(257) for d in opened.navigator.dates()] == ["pending"]
    opened.close()
    same_day = make_window(short)
    assert same_day.notes is None  # same day: the stored verdicts hold
    same_day.close()
    monkeypatch.setattr(render_cache.time, "time", lambda: later)
    next_day = make_window(short)
    assert next_day.notes is not None  # the pending day is over: verdicts worked out again


def test_a_reloaded_file_is_kept_for_the_next_start(make_window, sample_copy, qtbot, settings):
    window = make_window(sample_copy)
    text = sample_copy.read_text(encoding="utf-8")
    sample_copy.write_text(text.replace("示例学员", "改过的学员"), encoding="utf-8")
    with qtbot.waitSignal(window.notesReloaded, timeout=10000):
        window.reload_notes()
    window.close()
    again = make_window(sample_copy)
    assert again.notes is None  # shown from the cache written at the reload
    assert "改过的学员" in again.reader.blocks[0].source


def test_cache_round_trip_and_bad_files(sample_copy, tmp_path):
    from studyreader.messages import joined, message
    from studyreader.notes import load_notes
    from studyreader.render.rows import segment

    notes = load_notes(sample_copy)
    key = render_cache.cache_key(sample_copy.read_bytes(), sample_copy.parent, ("a", "b"))
    assert key != render_cache.cache_key(sample_copy.read_bytes(), sample_copy.parent, ("a", "c"))
    assert key != render_cache.cache_key(sample_copy.read_bytes() + b"\n", sample_copy.parent, ("a", "b"))
    blocks = segment("# 标题\n\n![图](a.png)\n")
    html = ["<h1>标题</h1>", '<p><img src="file:///x/a.png" alt="图"></p>']
    day = notes.entries[0].date
    reason = message("verdict.would_count", reason=joined(
        message("bot.found", chars=12, matched="### 2025.01.06", line=3), message("bot.no_year", style="m.d")))
    verdicts = {day: DayMark(day, "done", reason, "missed")}
    assert render_cache.store(key, blocks=blocks, html=html, notes=notes, verdicts=verdicts, in_programme=True)
    view = render_cache.load(key)
    assert view is not None and view.verdicts_valid
    assert view.blocks == blocks and view.blocks[0].parts == blocks[0].parts
    assert view.html == ["<h1>标题</h1>", None]  # a row with an image depends on other files: not kept
    assert [(e.date, e.line, e.chars) for e in view.entries] == [(e.date, e.line, e.chars) for e in notes.entries]
    kept = view.verdicts[day]
    assert (kept.kind, kept.reason, kept.published) == ("done", reason, "missed")
    assert str(kept.reason).startswith("would count: 12 characters after '### 2025.01.06' (line 3); the heading")
    assert view.warnings == list(notes.warnings)
    assert view.in_programme
    (render_cache.cache_folder() / f"{key}.bin").write_bytes(b"not marshal data")
    assert render_cache.load(key) is None
    assert render_cache.load("0" * 40) is None


def test_rows_beyond_the_first_screen_are_built_after_the_first_paint(make_window, qtbot):
    from tests.conftest import corpus_files

    files = sorted(corpus_files(), key=lambda p: p.stat().st_size)
    if not files:
        pytest.skip("no corpus")
    from studyreader.ui.window.main_window import MainWindow

    window = MainWindow(files[-1], None, restore_state=False, start_services=False)
    qtbot.addWidget(window)
    assert 0 < window.reader.built_rows() < window.reader.row_count()  # only the first screen before show
    window.resize(1280, 800)
    with qtbot.waitSignal(window.reader.buildFinished, timeout=20000):
        window.show()
    assert window.reader.is_built()


def test_a_hidden_reader_still_builds_every_row(qtbot):
    from studyreader.render.rows import segment
    from studyreader.ui.reader.reader import BilingualReader
    from tests.conftest import corpus_files

    files = sorted(corpus_files(), key=lambda p: p.stat().st_size)
    if not files:
        pytest.skip("no corpus")
    reader = BilingualReader()
    qtbot.addWidget(reader)
    blocks = segment(files[-1].read_text(encoding="utf-8-sig"))
    reader.resize(600, 200)
    reader.set_blocks(blocks, files[-1].parent)
    assert not reader.is_built()  # never painted: the rest comes without a paint too
    qtbot.waitUntil(reader.is_built, timeout=20000)


def test_study_widgets_use_the_windows_parsed_notes(make_window, sample_copy, qtbot, monkeypatch):
    import studyreader.study.context as context_module
    import studyreader.ui.study.timer_widget as timer_module

    parsed = []
    original = context_module.load_context

    def counting(*args, **kwargs):
        parsed.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(context_module, "load_context", counting)
    monkeypatch.setattr(timer_module, "load_context", counting)
    window = make_window(sample_copy, start_services=True)
    qtbot.waitUntil(window.services_ready, timeout=20000)
    assert window.services.timer_widget is not None
    assert [a for a in parsed if a and a[0] is not None] == []  # nobody read the notes file again


def test_start_up_guesses_a_hit_only_for_the_unchanged_last_file(make_window, sample_copy):
    assert not render_cache.likely_hit()  # nothing stored yet: the renderer is imported up front
    make_window(sample_copy).close()
    assert render_cache.likely_hit()
    sample_copy.write_text(sample_copy.read_text(encoding="utf-8") + "\n补一句。\n", encoding="utf-8")
    assert not render_cache.likely_hit()


def test_the_window_opens_at_the_top_of_the_notes(sample_copy, settings, qtbot):
    from studyreader.ui.window.main_window import MainWindow

    for _start in ("fresh", "cached"):
        window = MainWindow(sample_copy, settings, restore_state=False, start_services=False)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(50)
        assert window.reader.verticalScrollBar().value() == 0
        assert window.reader.top_row() == 0
        assert 0 in window.reader.visible_rows()
        window.close()


def test_a_staged_window_builds_its_side_panes_after_the_first_paint(sample_copy, settings, qtbot):
    from PySide6.QtGui import QKeySequence

    from studyreader.ui.window.main_window import MainWindow

    window = MainWindow(sample_copy, settings, restore_state=False, start_services=False, staged=True)
    qtbot.addWidget(window)
    assert not window.side_panes_built()
    placeholder = window.splitter.widget(0)
    window.action("navigator").setChecked(False)  # F9 before the panes exist hides the kept place
    assert placeholder.isHidden() and not window.side_panes_built()
    window.action("navigator").setChecked(True)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(window.side_panes_built, timeout=5000)
    assert window.splitter.widget(0) is window.navigator and window.splitter.widget(2) is window.glossary_panel
    assert window.navigator.dates()[0].isoformat() == "2025-01-10"  # given the entries shown before
    window.action("navigator").setChecked(False)
    assert window.navigator.isHidden()
    # Standard keys are the platform's own bindings.
    assert QKeySequence(QKeySequence.StandardKey.Open) in window.action("open").shortcuts()
    assert QKeySequence(QKeySequence.StandardKey.Find) in window.action("search_glossary").shortcuts()


def test_an_unstaged_window_has_its_panes_at_once_and_the_properties_build_them_on_demand(sample_copy, settings,
                                                                                           qtbot):
    from studyreader.ui.window.main_window import MainWindow

    window = MainWindow(sample_copy, settings, restore_state=False, start_services=False)
    qtbot.addWidget(window)
    assert window.side_panes_built()
    staged = MainWindow(sample_copy, settings, restore_state=False, start_services=False, staged=True)
    qtbot.addWidget(staged)
    assert staged.navigator.dates() == window.navigator.dates()  # asked for before any paint: built now
    assert staged.side_panes_built()


@pytest.mark.parametrize("desktop_dark", [True, False])
def test_a_system_theme_follows_the_desktop_also_while_running(sample_copy, settings, qtbot, monkeypatch, qapp,
                                                                tmp_path, desktop_dark):
    import shiboken6
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette

    from studyreader.ui import app as app_module

    empty = tmp_path / "no-packages"
    empty.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(empty))  # the services start, without a model
    desktop = {"dark": desktop_dark}
    monkeypatch.setattr(app_module, "system_prefers_dark", lambda _app: desktop["dark"])
    monkeypatch.setattr(app_module, "initial_file", lambda _file, _settings: sample_copy)

    def shown() -> str:
        return "dark" if qapp.palette().color(QPalette.ColorRole.Window).lightness() < 128 else "light"

    def reader_text() -> str:
        return window.reader.palette().color(QPalette.ColorRole.Text).name()

    settings.theme = "system"
    try:
        window = app_module.build_main_window(qapp, None, settings)  # deleted by the test below
        assert shown() == ("dark" if desktop_dark else "light")
        window.resize(900, 600)
        window.show()
        qtbot.waitExposed(window)
        # The desktop switches while the app runs: followed at once, the reader's colours too.
        desktop["dark"] = not desktop_dark
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark if desktop["dark"] else Qt.ColorScheme.Light)
        assert shown() == ("dark" if desktop["dark"] else "light")
        qtbot.waitUntil(lambda: f"color: {reader_text()}" in window.reader.document().defaultStyleSheet())
        window.close()
        shiboken6.delete(window)  # a window gone follows the desktop no more
        # A theme forced on the command line stays.
        forced = app_module.build_main_window(qapp, None, settings, theme="light")
        qtbot.addWidget(forced)
        qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert shown() == "light"
        forced.close()
    finally:
        app_module.apply_theme(qapp, "light")


def test_a_window_closed_before_its_deferred_steps_leaves_them_undone(sample_copy, settings, qtbot):
    import shiboken6

    from studyreader.ui.window.main_window import MainWindow

    window = MainWindow(sample_copy, settings, restore_state=False, start_services=True, staged=True)
    window.resize(900, 600)
    window.show()
    qtbot.waitUntil(window.side_panes_built, timeout=5000)  # painted: the service steps are queued
    with qtbot.captureExceptions() as exceptions:
        window.close()
        shiboken6.delete(window)
        qtbot.wait(1500)  # the queued steps' time comes and goes
    assert exceptions == []


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768), (1920, 1080)])
def test_the_first_paint_shows_a_full_screen_of_rows_for_every_corpus_file(size, settings, qtbot):
    from PySide6.QtCore import QEvent, QObject

    from studyreader.ui.window.main_window import MainWindow
    from tests.conftest import corpus_files

    files = corpus_files()
    if not files:
        pytest.skip("no corpus")
    for path in files:
        window = MainWindow(path, settings, restore_state=False, start_services=False, staged=True)
        qtbot.addWidget(window)
        window.resize(*size)
        seen = {}

        class FirstPaint(QObject):
            def eventFilter(self, obj, event, window=window, seen=seen):
                if event.type() == QEvent.Type.Paint and "paint" not in seen:
                    reader = window.reader
                    seen["rows"] = reader.built_rows()
                    seen["paint"] = (reader.is_built(),
                                     reader.document().size().height() >= reader.viewport().height())
                return False

        watcher = FirstPaint()
        window.reader.viewport().installEventFilter(watcher)
        window.show()
        qtbot.waitUntil(lambda seen=seen: "paint" in seen, timeout=5000)
        built, filled = seen["paint"]
        assert built or filled, f"{path.name} at {size}: the first paint left part of the screen empty ({seen})"
        window.close()


@pytest.fixture
def fresh_default_glossary():
    from studyreader.glossary import termbase

    termbase.invalidate_default()
    yield
    termbase.invalidate_default()


def test_the_first_translation_starts_with_the_glossary_in(sample_copy, settings, use_tiny_argos, qtbot,
                                                           fresh_default_glossary):
    """The deferred start-up runs one worker at a time: the glossary, then the translator. So the
    first translation job already has the glossary's aid (and the two never compete for the GIL)."""
    from studyreader import paths
    from studyreader.ui.window.main_window import MainWindow
    from studyreader.ui.window.translation import TranslationState

    # A large user glossary: loading it takes longer than importing the translator.
    user_file = paths.config_dir() / "glossary.toml"
    user_file.parent.mkdir(parents=True, exist_ok=True)
    user_file.write_text("".join(f'[[term]]\nid = "user-term-{n}"\nen = "User Term {n}"\nzh = "用户术语{n}号"\n\n'
                                 for n in range(6000)), encoding="utf-8")
    window = MainWindow(sample_copy, settings, restore_state=False, start_services=True)
    qtbot.addWidget(window)
    glossary_in_at_start: list[bool] = []

    def on_state(state, _detail) -> None:
        if state == TranslationState.RUNNING:
            glossary_in_at_start.append(window.services.glossary is not None)

    window.translation.stateChanged.connect(on_state)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: bool(glossary_in_at_start), timeout=60000)
    assert glossary_in_at_start[0] is True
    assert window.services.glossary.get("user-term-5999") is not None
    qtbot.waitUntil(lambda: window.translation_state() in (TranslationState.DONE, TranslationState.FAILED),
                    timeout=120000)
    window.translation.service.shutdown()


def test_the_modules_imported_in_a_worker_at_start_up_make_no_qt_class():
    """The services' modules imported in a worker thread are plain Python: PySide6 making a QObject class
    off the GUI thread, while the GUI thread read meta-objects, crashed the app at start-up."""
    from studyreader.ui.window.services import SERVICE_MODULES

    code = ("import importlib, json, sys\n"
            "for name in sys.argv[1:]:\n    importlib.import_module(name)\n"
            "print(json.dumps(sorted(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code, *SERVICE_MODULES], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    modules = json.loads(result.stdout)
    assert "PySide6" not in modules and not [name for name in modules if name.startswith("studyreader.ui")]
