"""Take the README's screenshot of a sentence lit with its English in the reader.

The sample notes with English written by hand for the first rows (this machine may have no model),
each row's sentences paired as the translator pairs them; the pointer rests on one sentence.

    PYTHONPATH=src python scripts/screenshot-sentence-highlight.py [--theme light] [--mode side]
        [--size 1100x470] [--out docs/screenshots/sentence-highlight-light-en.png]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from sample_english import ENGLISH  # the hand-written English, shared with the PDF picture


def cuts(source: str) -> list[tuple[int, int]]:
    """The Chinese sentences of a block: after 。！？, and after the "：" that ends a list item's label."""
    ends = [k + 1 for k, ch in enumerate(source) if ch in "。！？"]
    if source.startswith("2. "):
        ends.insert(0, source.index("：") + 1)
    ends = [end for end in ends if end < len(source)] + [len(source)]
    starts = [0] + ends[:-1]
    return [(start + (len(source[start:end]) - len(source[start:end].lstrip())), end)
            for start, end in zip(starts, ends)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--mode", choices=("side", "interleaved"), default="side")
    parser.add_argument("--size", default="1100x470")
    parser.add_argument("--out", default="docs/screenshots/sentence-highlight-light-en.png")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from studyreader import paths
    from studyreader.glossary import load_glossary
    from studyreader.render.rows import segment
    from studyreader.translate.blocks import SentencePair
    from studyreader.ui.app import apply_theme, create_app
    from studyreader.ui.reader.reader import BilingualReader

    app = create_app()
    apply_theme(app, args.theme)
    reader = BilingualReader()
    reader.resize(width, height)
    reader.show()
    with tempfile.TemporaryDirectory() as folder:
        reader.set_glossary(load_glossary(user_file=Path(folder) / "none.toml"))
    notes = paths.sample_notes()
    reader.set_blocks(segment(notes.read_text(encoding="utf-8-sig")), notes.parent)
    target_row = None
    for row, block in enumerate(reader.blocks):
        english = next((text for start, text in ENGLISH.items() if block.source.startswith(start)), None)
        if english is None:
            continue
        sentences = cuts(block.source)
        assert len(sentences) == len(english), (block.source, sentences)
        pairs, at = [], 0
        for (start, end), text in zip(sentences, english):
            pairs.append(SentencePair(start, end, at, at + len(text)))
            at += len(text) + 1
        reader.set_translation(row, " ".join(english), pairs=pairs)
        if block.source.startswith("Optimistic Rollup"):
            target_row = row
    reader.finish_build()
    for _ in range(5):
        app.processEvents()
    # rest the pointer on the second sentence of the Optimistic Rollup paragraph, and pin it
    start, end = reader.cell_range(target_row, "zh")
    text = "".join(reader.document().characterAt(p) for p in range(start, end))
    cursor = QTextCursor(reader.document())
    cursor.setPosition(start + text.index("系统默认") + 2)
    point = reader.cursorRect(cursor).center()
    QTest.mouseMove(reader.viewport(), QPoint(1, 1))
    QTest.mouseMove(reader.viewport(), point)
    QTest.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    for _ in range(5):
        app.processEvents()
    image = reader.grab().toImage()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"{out}: could not write the PNG")
    print(f"{out} ({image.width()}x{image.height()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
