"""Notes parser and append scaling: 0.25, 0.5, 1 and 2 MB files of each hostile shape.

Run: PYTHONPATH=src python benchmarks/notes_scaling_bench.py [--sizes 0.25,0.5,1,2] [--repeat 3]

Shapes (from ``tests/support/hostile.py``): ``dated`` (``### YYYY.MM.DD`` entries),
``daily_checkin`` (``# YYYY-MM-DD`` entries wrapped in DAILY_CHECKIN markers) and ``mixed``
(dates in two spellings with numbered ``### 4.1`` sections between them). For each file it
prints the best CPU time of ``load_notes`` (what ``studyreader entries`` pays), of appending to
the last entry and of creating a new entry (what ``studyreader append`` pays, whole save
included), and the 2 MB / 1 MB ratio (2.0 means linear; the target is at most 2.2, and a 1 MB
file under a second).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from studyreader.notes import append_entry, load_notes  # noqa: E402 - after the source folder is put on the path
from tests.support.hostile import SHAPES  # noqa: E402 - after the source folder is put on the path


def best(function, repeat: int) -> float:
    """The best CPU time of this process: on a shared machine, wall time mostly measures the neighbours."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        function()
        times.append(time.process_time() - started)
    return min(times)


def measure(folder: Path, shape: str, megabytes: float, repeat: int) -> dict[str, float]:
    text = SHAPES[shape](int(megabytes * 1024 * 1024))
    source = folder / f"{shape}-{megabytes}.md"
    source.write_text(text, encoding="utf-8")
    notes = load_notes(source)
    last = notes.entries[-1].date
    work = folder / "work.md"

    def append_existing():
        shutil.copyfile(source, work)
        append_entry(work, "今天又补充了一段。", date=last)

    def append_new():
        shutil.copyfile(source, work)
        append_entry(work, "新的一天的学习。", date=last + timedelta(days=1))

    return {
        "parse": best(lambda: load_notes(source), repeat),
        "append": best(append_existing, repeat),
        "new entry": best(append_new, repeat),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.25,0.5,1,2", help="file sizes in MB, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="notes-bench-") as name:
        folder = Path(name)
        for shape in SHAPES:
            print(f"\n{shape}")
            print(f"{'MB':>6} {'parse s':>9} {'append s':>9} {'new entry s':>12}")
            results = {}
            for size in sizes:
                results[size] = measure(folder, shape, size, args.repeat)
                row = results[size]
                print(f"{size:>6} {row['parse']:>9.3f} {row['append']:>9.3f} {row['new entry']:>12.3f}", flush=True)
            if 1.0 in results and 2.0 in results:
                ratios = "  ".join(
                    f"{key} {results[2.0][key] / results[1.0][key]:.2f}" for key in ("parse", "append", "new entry")
                )
                print(f"2 MB / 1 MB: {ratios}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
