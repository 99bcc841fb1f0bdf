"""The reader with a large file: time until every row is built, the longest event-loop gap, and the
cost of ``visible_rows()``; then an English translation arrives for every pending row.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=src python benchmarks/reader_rows_bench.py [ROWS]
"""

from __future__ import annotations

import sys
import time


def notes(rows: int) -> str:
    kinds = (
        "### 2025.01.{day:02d}",
        "今天学习了排序器和批处理器的关系，第 {i} 段。Sequencer 负责排序交易。",
        "- 列表项 {i}：欺诈证明保证安全。",
        "| a | b |\n|---|---|\n| {i} | 表格 |",
    )
    return "\n\n".join(kinds[i % 4].format(i=i, day=i % 28 + 1) for i in range(rows)) + "\n"


def main() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from studyreader.render.rows import segment
    from studyreader.ui.reader.reader import BilingualReader

    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    reader = BilingualReader()
    reader.resize(1000, 700)
    reader.show()
    app.processEvents()
    blocks = segment(notes(rows))

    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.timeout.connect(beat)
    heartbeat.start(0)
    start = time.perf_counter()
    reader.set_blocks(blocks, None)
    first_screen = time.perf_counter() - start
    gaps.clear()
    last[0] = time.perf_counter()
    while not reader.is_built() and time.perf_counter() - start < 120:
        app.processEvents()
    built = time.perf_counter() - start
    build_gap = max(gaps, default=0.0)

    calls = 200
    reader.scroll_to_row(rows // 2)
    t = time.perf_counter()
    for _ in range(calls):
        reader.visible_rows()
    per_call = (time.perf_counter() - t) / calls

    gaps.clear()
    last[0] = time.perf_counter()
    t = time.perf_counter()
    for row in reader.pending_rows():
        reader.set_translation(row, "Today I studied the sequencer and the batcher. " * 2)
    while reader.has_pending_work() and time.perf_counter() - t < 300:
        app.processEvents()
    heartbeat.stop()
    english = time.perf_counter() - t
    print(f"{reader.row_count()} rows: first screen {first_screen * 1000:.0f} ms, every row built in {built:.2f} s "
          f"(longest gap {build_gap * 1000:.0f} ms); visible_rows() {per_call * 1000:.2f} ms; "
          f"English for every row in {english:.2f} s (longest gap {max(gaps, default=0) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
