"""The window hands each row's sentence pairs to the reader together with its English."""

from __future__ import annotations

from studyreader.translate.segment import segment_markdown


def test_the_reader_gets_each_rows_pairs_with_its_english(make_window, sample_copy, use_tiny_argos, qtbot):
    window = make_window(sample_copy)  # translation starts below, once the reader is watched
    reader = window.reader
    received: dict[int, tuple] = {}
    set_translation = reader.set_translation

    def record(row, english, missing=(), pairs=()):  # the real method still runs
        received[row] = (english, tuple(pairs))
        set_translation(row, english, missing, pairs=pairs)

    reader.set_translation = record
    with qtbot.waitSignal(window.translationFinished, timeout=120000):
        window.start_translation()
    blocks = {block.index: block for block in segment_markdown(sample_copy.read_text(encoding="utf-8-sig"))}
    translatable = [row for row in range(reader.row_count()) if reader.blocks[row].translatable]
    assert translatable and set(translatable) <= set(received)
    with_chinese = 0
    for row in translatable:
        english, pairs = received[row]
        assert english == reader.translation(row)
        source = blocks[reader.blocks[row].index].source
        assert reader.blocks[row].source == source
        end = 0
        for pair in pairs:
            assert end <= pair.source_start < pair.source_end <= len(source)
            assert pair.target_end <= len(english)
            end = pair.source_end
        with_chinese += bool(pairs)
    assert with_chinese >= len(translatable) // 2
