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
from PySide6.QtWidgets import QApplication

from studyreader.ui import render_cache

HEAVY = ("argostranslate", "ctranslate2", "ahocorasick", "markdown", "nh3", "studyreader.translate.segment",
         "studyreader.notes.parser")

CHILD = textwrap.dedent(
    r"""
    import json, os, sys
    from studyreader.ui import app as app_module
    app_module.preload_core()
    from PySide6.QtCore import QEvent, QObject, QTimer
    from studyreader.ui.main_window import MainWindow
    from studyreader.ui.settings import Settings

    HEAVY = {heavy!r}
    report = {{}}

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and obj is window.reader.viewport() and "paint" not in report:
                report["paint"] = {{
                    "heavy": [name for name in HEAVY if name in sys.modules],
                    "rows": window.reader.built_rows(),
                    "first": window.reader.blocks[0].text if window.reader.blocks else "",
                    "dates": [d.isoformat() for d in window.navigator.dates()],
                    "notes": window.notes is not None,
                    "icon": not application.windowIcon().isNull(),
                }}
            return False

    def done():
        report["after"] = {{
            "notes": window.notes is not None,
            "built": window.reader.is_built(),
            "services": window.services_ready(),
            "glossary": window.glossary is not None,
            "timer": window.timer_widget is not None,
            "translation": window.translation_state(),
            "segments": window._segments is not None,
            "icon": not application.windowIcon().isNull(),
        }}
        print(json.dumps(report), flush=True)
        os._exit(0)

    def poll():
        settled = window.translation_state() not in ("idle", "running")
        if window.services_ready() and window.reader.is_built() and window.notes is not None and settled:
            done()

    application = app_module.create_app()
    settings = Settings({settings!r})
    app_module.apply_theme(application, settings.theme)
    window = MainWindow({notes!r}, settings)
    watcher = FirstPaint()
    window.reader.viewport().installEventFilter(watcher)
    window.resize(1280, 800)
    window.show()
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(20)
    QTimer.singleShot(60000, done)
    application.exec()
    """
)


def run_child(notes: Path, tmp_path: Path) -> dict:
    code = CHILD.format(heavy=HEAVY, settings=str(tmp_path / "child-settings.ini"), notes=str(notes))
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
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
    assert paint["dates"] == first["paint"]["dates"] and paint["dates"][0] == "2025-01-10"
    assert not paint["notes"] and not paint["icon"]  # parsed and loaded right after the first paint…
    after = second["after"]
    # …and everything that waited arrives: notes, every row, glossary, translation service, timer
    assert after == {"notes": True, "built": True, "services": True, "glossary": True, "timer": True,
                     "translation": "no_model", "segments": True, "icon": True}


def test_cached_start_shows_what_a_fresh_start_shows(make_window, sample_copy, settings, qtbot):
    from studyreader.ui.main_window import MainWindow
    from studyreader.ui.navigator import VERDICT_ROLE

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
    assert again.reader.blocks[again.reader.top_row()].text.startswith("### 2025.01.09")


def test_a_changed_file_is_rendered_anew(make_window, sample_copy):
    make_window(sample_copy).close()
    text = sample_copy.read_text(encoding="utf-8")
    sample_copy.write_text(text.replace("示例学员", "另一位学员"), encoding="utf-8")
    window = make_window(sample_copy)
    assert window.notes is not None  # a miss: parsed at once
    assert "另一位学员" in window.reader.blocks[0].text


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
    assert "改过的学员" in again.reader.blocks[0].text


def test_cache_round_trip_and_bad_files(sample_copy, tmp_path):
    from studyreader.notes import load_notes
    from studyreader.ui.rows import Block

    notes = load_notes(sample_copy)
    key = render_cache.cache_key(sample_copy.read_bytes(), sample_copy.parent, ("a", "b"))
    assert key != render_cache.cache_key(sample_copy.read_bytes(), sample_copy.parent, ("a", "c"))
    assert key != render_cache.cache_key(sample_copy.read_bytes() + b"\n", sample_copy.parent, ("a", "b"))
    blocks = [Block("# 标题", 0, 4, True, "heading", 0), Block("![图](a.png)", 6, 16, True, "paragraph", 1)]
    html = ["<h1>标题</h1>", '<p><img src="file:///x/a.png" alt="图"></p>']
    verdicts = {notes.entries[0].date: type("V", (), {"verdict": "done", "symbol": "✅"})()}
    assert render_cache.store(key, blocks=blocks, html=html, notes=notes, verdicts=verdicts)
    view = render_cache.load(key)
    assert view is not None and view.verdicts_valid
    assert [Block(*fields) for fields in view.blocks] == blocks
    assert view.html == ["<h1>标题</h1>", None]  # a row with an image depends on other files: not kept
    assert [(e.date, e.line, e.chars) for e in view.entries] == [(e.date, e.line, e.chars) for e in notes.entries]
    assert view.verdicts[notes.entries[0].date].verdict == "done"
    (render_cache.cache_folder() / f"{key}.bin").write_bytes(b"not marshal data")
    assert render_cache.load(key) is None
    assert render_cache.load("0" * 40) is None


def test_rows_beyond_the_first_screen_are_built_after_the_first_paint(make_window, qtbot):
    from tests.conftest import corpus_files

    files = sorted(corpus_files(), key=lambda p: p.stat().st_size)
    if not files:
        pytest.skip("no corpus")
    from studyreader.ui.main_window import MainWindow

    window = MainWindow(files[-1], None, restore_state=False, start_services=False)
    qtbot.addWidget(window)
    assert 0 < window.reader.built_rows() < window.reader.row_count()  # only the first screen before show
    window.resize(1280, 800)
    with qtbot.waitSignal(window.reader.buildFinished, timeout=20000):
        window.show()
    assert window.reader.is_built()


def test_a_hidden_reader_still_builds_every_row(qtbot):
    from tests.conftest import corpus_files

    from studyreader.ui.reader import BilingualReader
    from studyreader.ui.rows import segment

    files = sorted(corpus_files(), key=lambda p: p.stat().st_size)
    if not files:
        pytest.skip("no corpus")
    reader = BilingualReader()
    qtbot.addWidget(reader)
    blocks, _segments = segment(files[-1].read_text(encoding="utf-8-sig"))
    reader.resize(600, 200)
    reader.set_blocks(blocks, files[-1].parent)
    assert not reader.is_built()  # never painted: the rest comes without a paint too
    qtbot.waitUntil(reader.is_built, timeout=20000)


def test_reader_viewport_is_set_up_like_qts_own(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTextBrowser

    from studyreader.ui.reader import BilingualReader

    def settings(widget):
        viewport = widget.viewport()
        attributes = {a.name for a in Qt.WidgetAttribute if viewport.testAttribute(a)}
        return (attributes, viewport.backgroundRole(), viewport.autoFillBackground(), viewport.cursor().shape(),
                viewport.hasMouseTracking(), viewport.focusPolicy(), viewport.focusProxy() is widget,
                viewport.acceptDrops())

    plain = QTextBrowser()
    plain.setReadOnly(True)
    ours = BilingualReader()
    for widget in (plain, ours):
        qtbot.addWidget(widget)
        widget.show()
    QApplication.processEvents()
    assert settings(ours) == settings(plain)
    assert ours.document().documentLayout().paintDevice() is ours.viewport()


def test_light_palette_is_fusions_own(qapp):
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QStyleFactory

    from studyreader.ui.app import fusion_light_palette, light_palette

    expected = QStyleFactory.create("Fusion").standardPalette()
    ours = fusion_light_palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        for role in QPalette.ColorRole:
            if role == QPalette.ColorRole.NColorRoles:
                continue
            assert ours.color(group, role) == expected.color(group, role), (group, role)
    assert light_palette().color(QPalette.ColorRole.Link) == QColor(30, 90, 180)


def test_study_widgets_use_the_windows_parsed_notes(make_window, sample_copy, qtbot, monkeypatch):
    import studyreader.study.context as context_module
    import studyreader.ui.timer_widget as timer_module

    parsed = []
    original = context_module.load_context

    def counting(*args, **kwargs):
        parsed.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(context_module, "load_context", counting)
    monkeypatch.setattr(timer_module, "load_context", counting)
    window = make_window(sample_copy, start_services=True)
    qtbot.waitUntil(window.services_ready, timeout=20000)
    assert window.timer_widget is not None
    assert window.timer_widget._context.entries == frozenset(e.date for e in window.notes.entries)  # noqa: SLF001
    assert [a for a in parsed if a and a[0] is not None] == []  # nobody read the notes file again


def test_start_up_guesses_a_hit_only_for_the_unchanged_last_file(make_window, sample_copy):
    assert not render_cache.likely_hit()  # nothing stored yet: the renderer is imported up front
    make_window(sample_copy).close()
    assert render_cache.likely_hit()
    sample_copy.write_text(sample_copy.read_text(encoding="utf-8") + "\n补一句。\n", encoding="utf-8")
    assert not render_cache.likely_hit()


def test_the_window_opens_at_the_top_of_the_notes(sample_copy, settings, qtbot):
    from studyreader.ui.main_window import MainWindow

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
