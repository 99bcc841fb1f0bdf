"""Blocks are rendered off the GUI thread, each within a time budget: a slow or failing block is shown
as plain text under a quiet note, and never holds back the others or the window's event loop."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

from studyreader.render import markup
from studyreader.render.rows import segment
from studyreader.ui.reader import render_worker
from studyreader.ui.reader.reader import BilingualReader
from studyreader.ui.reader.render_worker import RenderQueue, Task
from tests.render.hostile_inputs import nested_dashes, open_links, star_words, unclosed_tags


def spin(seconds: float) -> str:
    """Busy Python work (holds the interpreter like a slow render does)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass
    return "late"


def test_a_slow_block_falls_back_and_the_blocks_after_it_still_render(qtbot):
    results = []
    queue = RenderQueue(results.append, budget=0.1)
    stuck_for = 1.5
    queue.submit([((1, 0), Task("slow", lambda: spin(stuck_for), lambda: "plain")),
                  *[((1, n), Task(n, lambda n=n: f"html {n}", lambda: "plain")) for n in range(1, 6)]])
    start = time.perf_counter()
    qtbot.waitUntil(lambda: len(results) == 6, timeout=5000)
    seconds = time.perf_counter() - start
    assert seconds < stuck_for - 0.5, seconds  # the others did not wait for the stuck block
    assert [(r.key, r.value, r.fell_back) for r in results] == [
        ("slow", "plain", True), *[(n, f"html {n}", False) for n in range(1, 6)]]
    assert not queue.busy()
    # once the abandoned block ends, its late result is dropped, and the queue still works
    qtbot.wait(int(stuck_for * 1000))
    queue.submit([((1, 9), Task("after", lambda: "ok", lambda: "plain"))])
    qtbot.waitUntil(lambda: len(results) == 7, timeout=5000)
    assert [(r.key, r.value) for r in results[6:]] == [("after", "ok")]


def test_a_block_that_raises_falls_back_and_the_queue_goes_on(qtbot):
    results = []
    queue = RenderQueue(results.append)

    def broken() -> str:
        raise RecursionError("maximum recursion depth exceeded")

    queue.submit([((1, 0), Task("a", lambda: "first", lambda: "plain a")),
                  ((1, 1), Task("b", broken, lambda: "plain b")),
                  ((1, 2), Task("c", lambda: "third", lambda: "plain c"))])
    queue.wait_for()
    assert [(r.key, r.value, r.fell_back) for r in results] == [
        ("a", "first", False), ("b", "plain b", True), ("c", "third", False)]


def test_urgent_blocks_go_first_and_wait_for_respects_the_budget(qtbot):
    results = []
    queue = RenderQueue(results.append, budget=0.1)
    start = time.perf_counter()
    with queue.hold():  # (as in a GUI slice: the worker starts nothing meanwhile)
        queue.submit([((1, n), Task(n, lambda n=n: spin(0.002) and n, lambda: "plain")) for n in range(40)])
        queue.wait_for([39])  # e.g. the row a jump goes to: it goes first
    assert [r.key for r in results][:1] == [39]
    queue.submit([((1, 99), Task(99, lambda: spin(2.0), lambda: "plain"))])
    queue.wait_for([99])
    assert time.perf_counter() - start < 1.5  # gave up on the stuck block after its budget
    stuck = [r for r in results if r.key == 99]
    assert len(stuck) == 1 and stuck[0].fell_back  # (other blocks may have come in meanwhile)
    queue.wait_for()
    assert sorted(r.key for r in results) == [*range(40), 99]


HOSTILE_WITH_SLOW = "\n\n".join([
    "# 别人的笔记",
    nested_dashes(5_000),
    "第一段 **粗体** 之后的正常段落。",
    star_words(20_000),
    unclosed_tags(),
    open_links(32_768),
    "最后一段：依然 *显示*。",
]) + "\n"


@pytest.fixture
def reader(make_reader):
    markup.render_markdown("warm up: **Python-Markdown** and nh3 imported")
    return make_reader()


def test_a_hostile_file_opens_with_the_event_loop_turning_and_the_slow_block_as_plain_text(reader, qtbot):
    slow = unclosed_tags()
    assert not markup.too_complex(slow)  # only the budget can stop it
    start = time.perf_counter()
    alone = markup.render_markdown(slow)
    slow_seconds = time.perf_counter() - start
    assert not markup.is_plain_fallback(alone)
    assert slow_seconds > 2 * render_worker.BLOCK_BUDGET_SECONDS, slow_seconds

    gaps = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    blocks = segment(HOSTILE_WITH_SLOW)  # (the window cuts a file into blocks in a worker thread)
    heartbeat = QTimer(interval=10)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    start = time.perf_counter()
    last[0] = start
    reader.set_blocks(blocks, None)
    qtbot.waitUntil(lambda: reader.is_built() and not reader.has_pending_work(), timeout=10_000)
    seconds = time.perf_counter() - start
    heartbeat.stop()
    beat()
    # the event loop kept turning (a generous bound on a shared machine: the budget is 50 ms) ...
    assert len(gaps) > 2 and max(gaps) < 0.5, gaps
    # ... and the rows after the slow block did not wait for it to end
    assert seconds < slow_seconds, (seconds, slow_seconds)
    text = reader.toPlainText()
    assert "第一段 粗体 之后的正常段落。" in text and "**" not in text  # formatted
    assert "最后一段：依然 显示。" in text
    assert text.count("Shown as plain text") == 2 * 4  # both columns of the four hostile rows
    row = next(r for r, block in enumerate(reader.blocks) if block.source.startswith("<b <b "))
    start_zh, end_zh = reader.cell_range(row, "zh")
    cursor = reader.textCursor()
    cursor.setPosition(start_zh)
    cursor.setPosition(end_zh, cursor.MoveMode.KeepAnchor)
    shown = cursor.selectedText()
    assert shown.startswith("Shown as plain text") and "<b a a" in shown.replace("\u2029", " ")
    # a plain fallback is never kept for the next start
    assert reader.rendered_html()[row] is None or markup.is_plain_fallback(reader.rendered_html()[row])


def test_readers_share_the_render_thread_and_one_never_holds_it_for_another(qtbot):
    many = "\n\n".join(f"第{n}段：**正文** [链接](https://example.com/{n})。" for n in range(300)) + "\n"
    first = BilingualReader()
    qtbot.addWidget(first)
    first.set_blocks(segment(many), None)  # its rows render while the event loop turns: it does not turn here
    assert first.has_pending_work()
    second = BilingualReader()
    qtbot.addWidget(second)
    start = time.perf_counter()
    second.set_blocks(segment("# 另一个文件\n\n只有两段。\n"), None)
    second.finish_build()
    assert second.is_built() and "只有两段。" in second.toPlainText()
    assert time.perf_counter() - start < 5
    qtbot.waitUntil(lambda: first.is_built() and not first.has_pending_work(), timeout=20_000)
    assert "第299段：正文 链接。" in first.toPlainText()
