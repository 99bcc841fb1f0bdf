"""Other people's notes in the reader: hostile blocks never crash or freeze it, images stay inside the folder."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument

from studyreader.render import images
from studyreader.render.rows import segment
from studyreader.ui.reader.reader import BilingualReader, placeholder_image
from tests.render.hostile_inputs import nested_dashes, open_links, star_words


def hostile_notes(scale: int) -> str:
    return "\n\n".join([
        "# 别人的笔记",
        nested_dashes(scale // 2),
        "第一段之后的正常段落。",
        star_words(scale),
        open_links(scale),
        "最后一段：依然显示。",
    ]) + "\n"


def test_hostile_blocks_are_shown_as_plain_text_and_the_rows_after_them_still_render(reader, qtbot):
    for scale in (2_000, 16_000):
        start = time.perf_counter()
        reader.set_blocks(segment(hostile_notes(scale)), None)
        reader.finish_build()
        seconds = time.perf_counter() - start
        assert seconds < 3.0, (scale, seconds)
        assert reader.is_built() and reader.row_count() == 6
        text = reader.toPlainText()
        assert "第一段之后的正常段落。" in text and "最后一段：依然显示。" in text
        assert text.count("Shown as plain text") >= 2 * 2  # both columns of the hostile rows
    # the event loop keeps running while a large hostile file builds in slices
    reader.set_blocks(segment(hostile_notes(16_000) * 20), None)
    gaps = []
    last = time.perf_counter()
    while not reader.is_built():
        qtbot.wait(1)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    assert max(gaps) < 0.5, max(gaps)


def test_hostile_notes_open_twice_in_the_window(make_window, tmp_path):
    """A file that once crashed the window opens, and opens again from the start-up cache."""
    notes = tmp_path / "hostile" / "notes.md"
    notes.parent.mkdir()
    notes.write_text(hostile_notes(20_000), encoding="utf-8")
    first = make_window(notes)
    assert "最后一段：依然显示。" in first.reader.toPlainText()
    first.close()
    again = make_window(notes)
    assert "最后一段：依然显示。" in again.reader.toPlainText()
    assert "Shown as plain text" in again.reader.toPlainText()


def _image_at(reader: BilingualReader, path: Path):
    kinds = QTextDocument.ResourceType
    return reader.loadResource(kinds.ImageResource, QUrl.fromLocalFile(str(path)))


def test_svgs_with_outside_references_show_a_placeholder(reader, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    outside = tmp_path / "outside.png"
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    image.fill(QColor("red"))
    image.save(str(outside))
    (notes / "escape.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="8" height="8">'
        f'<image xlink:href="{outside}" width="8" height="8"/></svg>'
    )
    (notes / "stdin.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><image href="/dev/stdin"/></svg>'
    )
    (notes / "fine.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="blue"/></svg>'
    )
    (notes / "notes.md").write_text("![a](escape.svg) ![b](stdin.svg) ![c](fine.svg)\n")
    reader.set_blocks(segment((notes / "notes.md").read_text()), notes)
    reader.finish_build()
    reader.viewport().repaint()
    assert _image_at(reader, notes / "escape.svg") == placeholder_image()
    assert _image_at(reader, notes / "stdin.svg") == placeholder_image()
    fine = _image_at(reader, notes / "fine.svg")
    assert fine != placeholder_image() and fine.width() == 8


def test_huge_images_do_not_cover_the_reader(reader, tmp_path, qtbot):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "wide.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="99999999" height="99999999">'
        '<rect width="10" height="10" fill="blue"/></svg>'
    )
    wide = QImage(3000, 300, QImage.Format.Format_ARGB32)
    wide.fill(QColor("green"))
    wide.save(str(notes / "wide.png"))
    (notes / "notes.md").write_text(
        '<img src="wide.png" width="99999999" height="99999999">\n\n![大](wide.svg)\n\n正文。\n'
    )
    reader.set_blocks(segment((notes / "notes.md").read_text()), notes)
    reader.finish_build()
    reader.viewport().repaint()
    for name in ("wide.svg", "wide.png"):
        shown = _image_at(reader, notes / name)
        assert shown != placeholder_image()
        assert shown.width() <= images.MAX_IMAGE_SIDE and shown.height() <= images.MAX_IMAGE_SIDE
    assert _image_at(reader, notes / "wide.png").width() < reader.viewport().width() // 2  # fits its column
    reader.document().documentLayout().documentSize()
    qtbot.wait(10)
    assert reader.document().size().width() <= reader.viewport().width() + 1
    assert reader.horizontalScrollBar().maximum() == 0
