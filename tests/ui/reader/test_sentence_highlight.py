"""A sentence and its English lit together: pointer, click to pin, Escape, the keyboard, the theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from studyreader.render.rows import segment
from studyreader.translate.blocks import SentencePair
from studyreader.ui.app import dark_palette, light_palette
from studyreader.ui.reader.reader import BilingualReader

NOTES = "### 2025.01.08\n\n今天学习了**排序器**。它负责排序交易！最后提交批次。\n\n- 排序器负责[排序](https://example.org/a)交易。\n"
ENGLISH = {
    1: ["Today I studied the **sequencer**.", "It orders transactions!", "Finally it submits batches."],
    2: ["- The sequencer is responsible for [ordering](https://example.org/a) transactions."],
}


def pairs_for(source: str, english: list[str]) -> tuple[str, list[SentencePair]]:
    """The English of a block and its sentence pairs: the Chinese cut after 。！ (list marker kept out)."""
    cuts = [0] + [k + 1 for k, ch in enumerate(source) if ch in "。！"]
    if source.startswith("- "):
        cuts[0] = 2
    text = " ".join(english)
    pairs, at = [], 0
    for (start, end), sentence in zip(zip(cuts, cuts[1:]), english):
        pairs.append(SentencePair(start, end, at, at + len(sentence)))
        at += len(sentence) + 1
    return text, pairs


@pytest.fixture
def reader(make_reader):
    widget = make_reader(1000, 500)
    widget.set_blocks(segment(NOTES), None)
    for row, english in ENGLISH.items():
        text, pairs = pairs_for(widget.blocks[row].source, english)
        widget.set_translation(row, text, pairs=pairs)
    widget.finish_build()
    return widget


def lit(reader: BilingualReader) -> list[str]:
    """The texts lit now, in document order."""
    selections = sorted(reader.extraSelections(), key=lambda s: s.cursor.selectionStart())
    return [s.cursor.selectedText() for s in selections]


def point_of(reader: BilingualReader, row: int, language: str, text: str) -> QPoint:
    """A viewport point on the middle of ``text`` in a row's cell."""
    start, end = reader.cell_range(row, language)
    document_text = "".join(reader.document().characterAt(p) for p in range(start, end))
    cursor = QTextCursor(reader.document())
    cursor.setPosition(start + document_text.index(text) + len(text) // 2)
    return reader.cursorRect(cursor).center()


def hover(qtbot, reader: BilingualReader, point: QPoint) -> None:
    qtbot.mouseMove(reader.viewport(), QPoint(1, 1))  # (a move to where the pointer already is is dropped)
    qtbot.mouseMove(reader.viewport(), point)
    QApplication.processEvents()


@pytest.mark.parametrize("mode", ["side", "interleaved"])
def test_hovering_a_sentence_lights_it_and_exactly_its_translation(reader, qtbot, mode):
    reader.set_mode(mode)
    reader.finish_build()
    assert lit(reader) == []
    hover(qtbot, reader, point_of(reader, 1, "zh", "它负责"))
    assert lit(reader) == ["它负责排序交易！", "It orders transactions!"]
    colours = {s.format.background().color().name() for s in reader.extraSelections()}
    assert colours == {reader.colours().sentence_bg}
    # from the English side: its Chinese
    hover(qtbot, reader, point_of(reader, 1, "en", "Today"))
    assert lit(reader) == ["今天学习了排序器。", "Today I studied the sequencer."]
    hover(qtbot, reader, point_of(reader, 2, "zh", "负责"))
    assert lit(reader) == ["排序器负责排序交易。", "The sequencer is responsible for ordering transactions."]
    # a row without sentence pairs (the date heading) lights nothing
    hover(qtbot, reader, point_of(reader, 0, "zh", "2025"))
    assert lit(reader) == []


def test_a_sentence_translated_in_pieces_lights_as_one(reader, qtbot):
    source = reader.blocks[1].source
    english = "Today I studied the sequencer. It orders transactions! Finally it submits batches."
    first = source.index("它")
    second_end = source.index("最")
    pieces = [
        SentencePair(0, first, 0, 30),
        SentencePair(first, second_end, 31, 40),  # "It orders" ...
        SentencePair(first, second_end, 40, 54),  # ... " transactions!": the same sentence
        SentencePair(second_end, len(source), 55, len(english)),
    ]
    reader.set_translation(1, english, pairs=pieces)
    reader.finish_build()
    hover(qtbot, reader, point_of(reader, 1, "en", "transactions"))
    assert lit(reader) == ["它负责排序交易！", "It orders transactions!"]
    hover(qtbot, reader, point_of(reader, 1, "en", "It orders"))
    assert lit(reader) == ["它负责排序交易！", "It orders transactions!"]


def test_a_click_pins_the_highlight_and_escape_clears_it(reader, qtbot):
    point = point_of(reader, 1, "zh", "最后")
    hover(qtbot, reader, point)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    pinned = ["最后提交批次。", "Finally it submits batches."]
    assert lit(reader) == pinned
    hover(qtbot, reader, point_of(reader, 1, "zh", "今天"))
    assert lit(reader) == pinned  # the pointer no longer moves it
    reader.viewport().setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_Escape)
    assert lit(reader) == []
    hover(qtbot, reader, point_of(reader, 1, "zh", "今天"))
    assert lit(reader) == ["今天学习了排序器。", "Today I studied the sequencer."]  # the pointer lights again
    # clicking the pinned sentence again unpins it
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    hover(qtbot, reader, point_of(reader, 1, "en", "It orders"))
    assert lit(reader) == ["它负责排序交易！", "It orders transactions!"]


def test_links_still_open_and_do_not_pin(reader, qtbot, monkeypatch):
    from studyreader.ui.reader import reader as reader_module

    opened = []
    monkeypatch.setattr(reader_module, "open_external", lambda url: opened.append(url.toString()))
    point = point_of(reader, 2, "zh", "排序交")
    assert reader.anchorAt(point) == "https://example.org/a"
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened == ["https://example.org/a"]
    hover(qtbot, reader, point_of(reader, 1, "zh", "今天"))
    assert lit(reader) == ["今天学习了排序器。", "Today I studied the sequencer."]  # nothing was pinned


def test_the_keyboard_cursor_moves_the_highlight(reader, qtbot):
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_Tab)  # the first link: in row 2
    qtbot.wait(20)
    assert reader.row_at(reader.textCursor().selectionStart()) == 2
    assert lit(reader) == ["排序器负责排序交易。", "The sequencer is responsible for ordering transactions."]
    qtbot.keyClick(reader, Qt.Key.Key_Tab)  # the English link of the same row: the same sentence
    qtbot.wait(20)
    assert lit(reader) == ["排序器负责排序交易。", "The sequencer is responsible for ordering transactions."]


def test_the_highlight_follows_the_theme(reader, qtbot):
    app = QApplication.instance()
    original = app.palette()
    try:
        seen = []
        for palette in (light_palette(), dark_palette()):
            app.setPalette(palette)
            QApplication.processEvents()
            reader.finish_build()
            hover(qtbot, reader, point_of(reader, 1, "zh", "它负责"))
            qtbot.wait(10)
            assert lit(reader) == ["它负责排序交易！", "It orders transactions!"]
            colours = {s.format.background().color().name() for s in reader.extraSelections()}
            assert colours == {reader.colours().sentence_bg}
            seen.append(reader.colours().sentence_bg)
        assert seen[0] != seen[1]
    finally:
        app.setPalette(original)


def test_pinning_a_sentence_while_the_theme_changes_recolours_it(reader, qtbot):
    app = QApplication.instance()
    original = app.palette()
    try:
        app.setPalette(light_palette())
        QApplication.processEvents()
        reader.finish_build()
        point = point_of(reader, 1, "zh", "它负责")
        hover(qtbot, reader, point)
        qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
        light = reader.colours().sentence_bg
        app.setPalette(dark_palette())
        QApplication.processEvents()
        reader.finish_build()
        qtbot.wait(10)
        assert reader.colours().sentence_bg != light
        assert lit(reader) == ["它负责排序交易！", "It orders transactions!"]
        colours = {s.format.background().color().name() for s in reader.extraSelections()}
        assert colours == {reader.colours().sentence_bg}
    finally:
        app.setPalette(original)


@pytest.mark.parametrize("mode", ["side", "interleaved"])
def test_a_highlight_moves_no_row_by_a_pixel(reader, qtbot, mode):
    reader.set_mode(mode)
    reader.finish_build()

    def geometry():
        return [(reader.row_top(row), reader.cell_rect(row, "zh"), reader.cell_rect(row, "en"))
                for row in range(reader.row_count())]

    before = geometry()
    point = point_of(reader, 1, "en", "It orders")
    hover(qtbot, reader, point)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert lit(reader)
    assert geometry() == before
    if mode == "side":
        for _top, zh, en in before:
            assert abs(zh.top() - en.top()) <= 1


@pytest.mark.parametrize("mode", ["zh", "en"])
def test_single_language_layouts_light_the_sentence_shown(reader, qtbot, mode):
    reader.set_mode(mode)
    reader.finish_build()
    text = "它负责" if mode == "zh" else "It orders"
    hover(qtbot, reader, point_of(reader, 1, mode, text))
    assert lit(reader) == ["它负责排序交易！" if mode == "zh" else "It orders transactions!"]


def test_tables_and_characters_beyond_the_bmp(qtbot, make_reader):
    reader = make_reader(1000, 500)
    notes = "🚀 火箭起飞了。然后到达轨道！\n\n| 层 | 作用 |\n|---|---|\n| 排序层 | 决定交易顺序 |\n"
    reader.set_blocks(segment(notes), None)
    zh, en = reader.blocks[0].source, "🚀 The rocket took off. Then it reached orbit!"
    cut, en_cut = zh.index("然"), en.index("Then")
    pairs = [SentencePair(0, cut, 0, en_cut - 1), SentencePair(cut, len(zh), en_cut, len(en))]
    reader.set_translation(0, en, pairs=pairs)
    table = reader.blocks[1].source
    english = "| Layer | Role |\n|---|---|\n| Ordering layer | Decides the order of transactions |"
    cells = [
        ("层", "Layer"), ("作用", "Role"), ("排序层", "Ordering layer"),
        ("决定交易顺序", "Decides the order of transactions"),
    ]
    pairs = [SentencePair(table.index(z), table.index(z) + len(z), english.index(e), english.index(e) + len(e))
             for z, e in cells]
    reader.set_translation(1, english, pairs=pairs)
    reader.finish_build()
    hover(qtbot, reader, point_of(reader, 0, "zh", "到达"))
    assert lit(reader) == ["然后到达轨道！", "Then it reached orbit!"]  # the rocket counts as one character
    hover(qtbot, reader, point_of(reader, 0, "en", "rocket"))
    assert lit(reader) == ["🚀 火箭起飞了。", "🚀 The rocket took off."]
    hover(qtbot, reader, point_of(reader, 1, "zh", "交易顺序"))
    assert lit(reader) == ["决定交易顺序", "Decides the order of transactions"]
    hover(qtbot, reader, point_of(reader, 1, "en", "Role"))
    assert lit(reader) == ["作用", "Role"]


def test_keys_that_only_scroll_light_nothing(reader, qtbot):
    reader.setTextCursor(reader.cell_cursor(1, "zh"))  # a caret inside a sentence, not put there by a key
    reader.setFocus()
    for key in (Qt.Key.Key_PageDown, Qt.Key.Key_Down, Qt.Key.Key_PageUp):
        qtbot.keyClick(reader, key)
        qtbot.wait(20)
        assert lit(reader) == []
