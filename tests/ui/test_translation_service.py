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

from studyreader.translate.engine import TranslationEngine  # noqa: E402
from studyreader.translate.segment import segment_markdown  # noqa: E402
from studyreader.ui.translation_service import TranslationService  # noqa: E402


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
    service.blockTranslated.connect(lambda i, tr: got.__setitem__(i, tr))
    service.progress.connect(lambda done, total: progress.append((done, total)))
    original = service.engine.translate_blocks

    def spy(*args, **kwargs):
        threads.add(threading.current_thread())
        return original(*args, **kwargs)

    service.engine.translate_blocks = spy
    with qtbot.waitSignal(service.finished, timeout=10000) as finished:
        service.translate(blocks, priority=[3])
    stats = finished.args[0]
    assert threading.main_thread() not in threads and threads
    assert sorted(got) == [0, 1, 2, 3]
    assert got[2].text == "```\ncode\n```"
    assert progress[-1] == (4, 4)
    assert stats.sentences == 3 and not stats.cancelled


def test_new_document_cancels_the_old_job(qtbot, service):
    big = segment_markdown("\n\n".join(f"第{i}段：欺诈证明与乐观汇总。" for i in range(600)))
    small = segment_markdown("新文档。")
    old_blocks = []
    service.blockTranslated.connect(lambda i, tr: old_blocks.append(tr.source))
    finished = []
    service.finished.connect(finished.append)
    service.translate(big)
    qtbot.waitUntil(lambda: len(old_blocks) > 0, timeout=10000)
    with qtbot.waitSignal(service.finished, timeout=10000):
        service.translate(small)
    # only the new job finished; the old one stopped early and its late signals were dropped
    assert len(finished) == 1 and finished[0].sentences == 1
    assert old_blocks[-1] == "新文档。"
    assert sum(1 for s in old_blocks if s.startswith("第")) < 600


def test_cancel_drops_late_signals(qtbot, service):
    blocks = segment_markdown("\n\n".join(f"第{i}句话。" for i in range(300)))
    seen = []
    service.blockTranslated.connect(lambda i, tr: seen.append(i))
    service.translate(blocks)
    service.cancel()
    with qtbot.assertNotEmitted(service.finished, wait=500):
        pass
    assert len(seen) < 300


def test_no_model_signal(qtbot, tmp_path):
    empty = tmp_path / "pk"
    empty.mkdir()
    svc = TranslationService(TranslationEngine(packages_dir=empty, cache_path=tmp_path / "c.sqlite3"))
    try:
        with qtbot.waitSignal(svc.noModel, timeout=10000) as signal:
            svc.translate(segment_markdown("你好。"))
        assert "studyreader models install" in signal.args[0]
    finally:
        svc.shutdown()
