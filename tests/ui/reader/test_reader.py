"""The bilingual reader: rows aligned, translations fill in, safe resources and links, modes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument

from studyreader.render.rows import segment
from studyreader.translate.segment import segment_markdown
from studyreader.ui.reader import reader as reader_mod
from studyreader.ui.reader.reader import BilingualReader, placeholder_image


def load(reader: BilingualReader, path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    blocks = segment(text)
    reader.set_blocks(blocks, path.parent)
    reader.finish_build()


def assert_aligned(reader: BilingualReader) -> None:
    checked = 0
    for row in range(reader.row_count()):
        zh = reader.cell_rect(row, "zh")
        en = reader.cell_rect(row, "en")
        assert zh is not None and en is not None
        assert abs(zh.top() - en.top()) <= 1, (row, zh, en, reader.blocks[row].source[:40])
        assert en.left() > zh.left() + 200  # English is the right-hand column
        checked += 1
    assert checked > 20


def test_sample_rows_are_aligned_before_and_after_translation(reader, sample_copy):
    load(reader, sample_copy)
    # the two content-marker comments render to nothing and get no row
    text = sample_copy.read_text("utf-8")
    assert reader.row_count() == len(segment(text))
    assert sum(block.source.lstrip().startswith("<!--") for block in segment_markdown(text)) == 2
    assert not any(block.source.lstrip().startswith("<!--") for block in reader.blocks)
    assert_aligned(reader)
    # Give rows translations of very different lengths: rows stay aligned, the next row starts below both.
    for row in reader.pending_rows():
        # keep the block's markup (list marker, heading hashes): lists and headings are the tricky rows
        markup = re.match(r"^\s*(?:[-*+]|\d+[.)]|#{1,6})\s+", reader.blocks[row].source)
        prefix = markup.group(0) if markup else ""
        reader.set_translation(row, prefix + "A much longer English rendering of this block. " * (1 + row % 4))
    reader.finish_build()
    assert not reader.pending_rows()
    assert_aligned(reader)
    for row in range(reader.row_count() - 1):
        assert reader.row_top(row + 1) > reader.row_top(row)
    assert "A much longer English rendering" in reader.toPlainText()


def test_untranslated_rows_show_a_quiet_placeholder(reader, sample_copy):
    load(reader, sample_copy)
    pending = reader.pending_rows()
    assert pending
    text = reader.toPlainText()
    assert "Optimistic Rollup（乐观汇总）" in text  # Chinese at once
    assert text.count("…") >= len(pending)
    reader.set_no_model(True)
    reader.finish_build()
    assert reader.toPlainText().count("—") >= len(pending)


def test_code_and_dates_are_shown_on_both_sides(reader, sample_copy):
    load(reader, sample_copy)
    text = reader.toPlainText()
    assert text.count("make devnet-up") == 2
    assert text.count("2025.01.08") == 2


def test_modes_interleaved_and_single_language(reader, sample_copy):
    load(reader, sample_copy)
    row = reader.pending_rows()[0]
    reader.set_translation(row, "What is an Optimistic Rollup")
    reader.set_mode("interleaved")
    reader.finish_build()
    zh, en = reader.cell_rect(row, "zh"), reader.cell_rect(row, "en")
    assert en.top() > zh.top() and abs(en.left() - zh.left()) < 40
    reader.set_mode("zh")
    reader.finish_build()
    assert "What is an Optimistic Rollup" not in reader.toPlainText()
    assert reader.cell_rect(row, "en") is None
    reader.set_mode("en")
    reader.finish_build()
    assert "What is an Optimistic Rollup" in reader.toPlainText()
    assert "乐观汇总" not in reader.toPlainText()
    with pytest.raises(ValueError):
        reader.set_mode("sideways")


def test_scroll_to_row_brings_it_to_the_top(reader, sample_copy):
    load(reader, sample_copy)
    last = reader.row_count() - 3
    assert reader.scroll_to_row(last)
    bar = reader.verticalScrollBar()
    assert reader.top_row() in (last, last - 1) or bar.value() == bar.maximum()


def test_large_file_is_built_in_slices(reader, qtbot):
    from tests.conftest import corpus_files

    files = corpus_files()
    if not files:
        pytest.skip("corpus not available")
    largest = max(files, key=lambda p: p.stat().st_size)
    text = largest.read_text(encoding="utf-8-sig")
    blocks = segment(text)
    reader.set_blocks(blocks, largest.parent)
    assert 0 < reader.built_rows() < reader.row_count()  # the first screen at once, the rest later
    qtbot.waitUntil(reader.is_built, timeout=20000)
    assert reader.built_rows() == reader.row_count()
    # code blocks and long addresses wrap: the page is never wider than the window
    reader.document().documentLayout().documentSize()
    qtbot.wait(10)
    assert reader.horizontalScrollBar().maximum() == 0


UNTRUSTED = """# 不可信的笔记

<script>window.hacked = true; alert('x')</script>

<img src="https://tracker.example/pixel.png" onerror="alert(1)">

![远程图](https://cdn.example/diagram.png) ![本地图](local.png)

[脚本](javascript:alert(1)) [文件](file:///etc/passwd) [网页](https://docs.optimism.io/)

<link rel="stylesheet" href="https://evil.example/x.css"><object data="https://evil.example/x.swf"></object>
"""


def _anchor_positions(document: QTextDocument):
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isAnchor():
                found.append((fmt.anchorHref(), fragment.position(), fragment.text()))
            it += 1
        block = block.next()
    return found


def test_untrusted_notes_run_nothing_fetch_nothing_and_open_only_web_links(reader, tmp_path, qtbot, monkeypatch):
    from PySide6.QtGui import QColor, QImage

    notes = tmp_path / "untrusted.md"
    notes.write_text(UNTRUSTED, encoding="utf-8")
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    image.fill(QColor("red"))
    image.save(str(tmp_path / "local.png"))
    outside = tmp_path.parent / "outside.png"
    image.save(str(outside))

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True))
    load(reader, notes)
    reader.viewport().repaint()
    text = reader.toPlainText()
    assert "hacked" not in text and "alert" not in text
    # The document asked only for the local image; nothing remote was requested.
    requested = [url.toString() for url in reader.resource_requests]
    assert requested and all(url.startswith("file:") for url in requested), requested
    assert any(url.endswith("/local.png") for url in requested)
    # Remote images are placeholders that show their address.
    assert "https://tracker.example/pixel.png" in text and "https://cdn.example/diagram.png" in text
    # The resource loader hands out placeholders for anything but local images of the notes folder.
    kinds = QTextDocument.ResourceType
    assert reader.loadResource(kinds.ImageResource, QUrl("https://cdn.example/diagram.png")) == placeholder_image()
    assert reader.loadResource(kinds.ImageResource, QUrl.fromLocalFile(str(outside))) == placeholder_image()
    assert reader.loadResource(kinds.StyleSheetResource, QUrl("https://evil.example/x.css")) is None
    local = reader.loadResource(kinds.ImageResource, QUrl.fromLocalFile(str(tmp_path / "local.png")))
    assert local != placeholder_image() and local.width() == 8

    anchors = _anchor_positions(reader.document())
    hrefs = {href for href, _pos, _text in anchors if href}  # refused links keep their text, no address
    assert hrefs, "expected the web links as anchors"
    assert all(href.startswith("https://") for href in hrefs), hrefs
    # Clicking: refused schemes never reach the desktop; the web link does, only on click.
    assert opened == []
    reader.anchorClicked.emit(QUrl("javascript:alert(1)"))
    reader.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == []

    def click_text(needle: str) -> None:
        position = reader.document().find(needle).selectionStart()
        assert position >= 0, needle
        cursor = reader.textCursor()
        cursor.setPosition(position + 1)
        qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=reader.cursorRect(cursor).center())

    click_text("脚本")
    click_text("文件")
    assert opened == []
    click_text("网页")
    assert opened == ["https://docs.optimism.io/"]


def test_open_external_refuses_non_web_urls(monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True))
    assert not reader_mod.open_external(QUrl("javascript:alert(1)"))
    assert not reader_mod.open_external(QUrl("file:///etc/passwd"))
    assert reader_mod.open_external(QUrl("https://example.org/"))
    assert opened == ["https://example.org/"]


def test_zoom_changes_font_size(reader, sample_copy):
    load(reader, sample_copy)
    before = reader.font().pointSizeF()
    reader.set_zoom(2)
    assert reader.font().pointSizeF() > before
    reader.set_zoom(0)
    assert reader.font().pointSizeF() == pytest.approx(before)


def test_every_corpus_file_renders_aligned(reader):
    from tests.conftest import corpus_files

    files = corpus_files()
    if not files:
        pytest.skip("corpus not available")
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        blocks = segment(text)
        reader.set_blocks(blocks, path.parent)
        reader.finish_build()
        assert reader.row_count() > 0, path.name
        for row in range(0, reader.row_count(), max(1, reader.row_count() // 40)):
            zh, en = reader.cell_rect(row, "zh"), reader.cell_rect(row, "en")
            assert abs(zh.top() - en.top()) <= 1, (path.name, row, reader.blocks[row].source[:60])
        # nothing remote was ever requested while rendering real notes
        assert all(url.isLocalFile() for url in reader.resource_requests), path.name


def test_a_soft_break_between_chinese_characters_shows_no_space(reader):
    reader.set_blocks(segment("地修改中。\n就是这样，\n  继续写。\nEnglish\n中文\n\n```\n代码\n块\n```\n"), None)
    reader.finish_build()
    text = reader.toPlainText()
    assert "地修改中。就是这样，继续写。" in text
    assert "地修改中。 就是这样" not in text
    assert "English 中文" in text or "English\n中文" in text  # a break next to Latin text stays a space
    assert "代码\n块" in text  # code keeps its lines
