"""The Qt worker: translation off the GUI thread, per-block signals, cancel on document change."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("pytestqt")
PySide6 = pytest.importorskip("PySide6")

# PySide6 6.12.0 corrupts the refcounts of True/False/None when the GUI thread emits a signal while
# another Python thread runs (repro: a bare Signal.emit loop beside a threading.Thread), which aborts
# the whole test process at random. These tests pass on 6.11.3; they must not take the suite down.
pytestmark = pytest.mark.skipif(
    PySide6.__version__ == "6.12.0",
    reason="PySide6 6.12.0 refcount bug with signals emitted while a worker thread runs; use PySide6 < 6.12",
)

from studyreader.translate.engine import TranslationEngine  # noqa: E402 - after the skip check above
from studyreader.translate.segment import segment_markdown  # noqa: E402 - after the skip check above
from studyreader.ui.translation_service import TranslationService  # noqa: E402 - after the skip check above


@pytest.fixture
def service(qtbot, tiny_argos_package, tmp_path):
    engine = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=tmp_path / "c.sqlite3")
    svc = TranslationService(engine)
    yield svc
    svc.shutdown()
    engine.close()


def test_blocks_arrive_off_the_gui_thread_then_finished(qtbot, service):
    blocks = segment_markdown("# 标题\n\n第一段。\n\n```\ncode\n```\n\n- 列表。\n")
    got = {}
    progress = []
    threads = set()
    original = service.engine.translate_blocks

    def spy(*args, **kwargs):
        threads.add(threading.current_thread())
        return original(*args, **kwargs)

    service.engine.translate_blocks = spy
    job = service.translate(blocks, priority=[3])
    job.blockTranslated.connect(lambda i, tr: got.__setitem__(i, tr))
    job.progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(job.finished, timeout=10000) as finished:
        pass
    stats = finished.args[0]
    assert threading.main_thread() not in threads and threads
    assert sorted(got) == [0, 1, 2, 3]
    assert got[2].text == "```\ncode\n```"
    assert progress[-1] == (4, 4)
    assert stats.sentences == 3 and not stats.cancelled
    assert not job.is_active()


def test_a_cancelled_job_stops_early_and_reports_nothing_more(qtbot, service):
    big = segment_markdown("\n\n".join(f"第{i}段：欺诈证明与乐观汇总。" for i in range(600)))
    small = segment_markdown("新文档。")
    old_blocks = []
    old = service.translate(big)
    old.blockTranslated.connect(lambda i, tr: old_blocks.append(tr.source))
    old_finished = []
    old.finished.connect(old_finished.append)
    qtbot.waitUntil(lambda: len(old_blocks) > 0, timeout=10000)
    old.cancel()
    seen_at_cancel = len(old_blocks)
    new = service.translate(small)
    with qtbot.waitSignal(new.finished, timeout=10000) as finished:
        pass
    assert finished.args[0].sentences == 1
    assert old.wait(10)
    qtbot.wait(100)
    assert old_finished == [] and len(old_blocks) == seen_at_cancel < 600


def test_two_jobs_run_side_by_side_without_cancelling_each_other(qtbot, service):
    """The reader's document and the editor's live text: both finish."""
    reader = service.translate(segment_markdown("\n\n".join(f"第{i}段。" for i in range(100))))
    editor = service.translate(segment_markdown("今天学习了排序器。"))
    with qtbot.waitSignals([reader.finished, editor.finished], timeout=20000):
        pass


def test_no_model_signal(qtbot, tmp_path):
    empty = tmp_path / "pk"
    empty.mkdir()
    svc = TranslationService(TranslationEngine(packages_dir=empty, cache_path=tmp_path / "c.sqlite3"))
    try:
        job = svc.translate(segment_markdown("你好。"))
        with qtbot.waitSignal(job.noModel, timeout=10000) as signal:
            pass
        assert "studyreader models install" in signal.args[0]
    finally:
        svc.shutdown()


def test_each_block_arrives_with_its_sentence_pairs(qtbot, service):
    """What the reader and the editor's live English get: the English and which sentence made which part."""
    text = "第一句。第二句\n接着写。\n\n- `代码`。排序器。\n"
    blocks = segment_markdown(text)
    got = {}
    job = service.translate(blocks)
    job.blockTranslated.connect(lambda i, tr: got.__setitem__(i, tr))
    with qtbot.waitSignal(job.finished, timeout=10000):
        pass
    assert [got[0].source[p.source_start:p.source_end] for p in got[0].pairs] == ["第一句。", "第二句\n接着写。"]
    assert [got[1].source[p.source_start:p.source_end] for p in got[1].pairs] == ["`代码`。", "排序器。"]
    assert got[1].text[got[1].pairs[0].target_start:got[1].pairs[0].target_end] == "`代码`。"
    for tr in got.values():
        assert tr.pairs[-1].target_end <= len(tr.text)
