"""Sentence ranges of a block's Markdown found in the rendered text the reader shows."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from studyreader.render import markup
from studyreader.render.alignment import joined_pairs, rendered_spans, sentence_spans, span_at
from studyreader.translate.blocks import SentencePair
from studyreader.translate.segment import join_translation, segment_markdown
from studyreader.translate.sentences import split_sentences


def shown(markdown: str, cuts: tuple[int, ...] = ()) -> list[tuple[str, str | None]]:
    """Each sentence of ``markdown`` (split there, or by the translator's splitter) and the text its
    range covers in the rendered plain text."""
    plain = markup.plain_text(markup.render_markdown(markdown))
    if cuts:
        spans = list(zip((0, *cuts), (*cuts, len(markdown))))
    else:
        spans = [(s.start, s.end) for s in split_sentences(markdown)]
    found = rendered_spans(markdown, plain, spans)
    return [(markdown[a:z], plain[r[0]:r[1]] if r else None) for (a, z), r in zip(spans, found)]


def test_emphasis_code_links_and_entities_are_skipped():
    english = "See [the docs](https://docs.org/a) for more. Then `make up` runs it! Done &amp; dusted."
    assert shown(english, (45, 69)) == [
        ("See [the docs](https://docs.org/a) for more. ", "See the docs for more."),
        ("Then `make up` runs it! ", "Then make up runs it!"),
        ("Done &amp; dusted.", "Done & dusted."),
    ]
    assert shown("今天学习了**排序器**。然后看了*挑战期*！") == [
        ("今天学习了**排序器**。", "今天学习了排序器。"),
        ("然后看了*挑战期*！", "然后看了挑战期！"),
    ]


def test_list_markers_headings_and_quotes_are_not_part_of_a_sentence():
    assert [r for _s, r in shown("1. 我是研究员，之前做过投资。现在做咨询")] == [
        "我是研究员，之前做过投资。", "现在做咨询",
    ]
    assert [r for _s, r in shown("### 2025.01.06 今天学习了排序器。")] == ["2025.01.06 今天学习了排序器。"]
    assert [r for _s, r in shown("> 引用一句话。第二句。")] == ["引用一句话。", "第二句。"]


def test_chinese_lines_joined_by_a_soft_break():
    text = "**OP是什么**\n首先OP rullup是一种乐观汇总。其核心思想是将大量交易在链下\n执行。"
    plain = markup.plain_text(markup.render_markdown(text))
    assert "链下执行" in plain  # the renderer joins the lines
    assert [r for _s, r in shown(text, (text.index("首"), text.index("其")))] == [
        "OP是什么", "首先OP rullup是一种乐观汇总。", "其核心思想是将大量交易在链下执行。",
    ]


def test_inserted_text_in_the_rendering_is_tolerated():
    markdown = "第一句。![图](pic.png)第二句。"
    rendered = "第一句。Remote image not loaded: pic.png第二句。\n⚑ Glossary term not used: sequencer"
    found = rendered_spans(markdown, rendered, [(0, 4), (4, len(markdown))])
    assert [rendered[a:z] for a, z in found] == ["第一句。", "Remote image not loaded: pic.png第二句。"[-4:]]


def test_a_sentence_that_is_not_shown_has_no_range():
    assert rendered_spans("<!-- note -->正文。", "正文。", [(0, 13), (13, 16)]) == [None, (0, 3)]


def test_span_at():
    spans = [(0, 4), None, (6, 9)]
    assert [span_at(spans, k) for k in (0, 3, 4, 5, 6, 8, 9)] == [0, 0, None, None, 2, 2, None]


_text = st.text(alphabet=st.sampled_from("ab 中文。*_`[]()#-\n>|&;!1."), max_size=80)


@st.composite
def spans_of(draw, size: int):
    cuts = sorted(draw(st.lists(st.integers(0, size), max_size=12)))
    pairs = list(zip(cuts[::2], cuts[1::2]))
    return [(a, z) for a, z in pairs if a < z]


@given(data=st.data(), markdown=_text, rendered=_text)
def test_ranges_are_in_order_inside_the_text_and_never_overlap(data, markdown, rendered):
    spans = data.draw(spans_of(len(markdown)))
    found = rendered_spans(markdown, rendered, spans)
    assert len(found) == len(spans)
    end = 0
    for span in found:
        if span is None:
            continue
        start, stop = span
        assert end <= start < stop <= len(rendered)
        assert not rendered[start].isspace() and not rendered[stop - 1].isspace()
        end = stop


@given(words=st.lists(st.text(alphabet="abc中文", min_size=1, max_size=6), min_size=1, max_size=12))
def test_plain_text_maps_onto_itself(words):
    text = "。".join(words) + "。"
    spans = [(s.start, s.end) for s in split_sentences(text)]
    assert rendered_spans(text, text, spans) == spans


def test_the_walk_is_linear():
    import time

    markdown = ("**粗体**和[链接](https://example.org/path)。" * 2000)
    rendered = markup.plain_text(markup.render_markdown(markdown))
    spans = [(s.start, s.end) for s in split_sentences(markdown, max_chars=10**9)]
    began = time.perf_counter()
    found = rendered_spans(markdown, rendered, spans)
    assert time.perf_counter() - began < 1.0
    assert [rendered[a:z] for a, z in found[:2]] == [markdown[:38]] * 2  # shown as plain text, as written
    shown_count = found.index(None)  # the plain text is cut after a while: the rest is not shown
    assert shown_count > 100 and set(found[shown_count:]) == {None}


def test_pieces_of_one_sentence_are_one():
    pairs = [
        SentencePair(0, 5, 0, 10), SentencePair(5, 9, 11, 20), SentencePair(5, 9, 20, 31), SentencePair(9, 12, 32, 40),
    ]
    assert sentence_spans(pairs) == [((0, 5), (0, 10)), ((5, 9), (11, 31)), ((9, 12), (32, 40))]
    # two sentences translated as one English sentence: one pair of ranges
    assert sentence_spans([SentencePair(0, 4, 0, 20), SentencePair(4, 8, 0, 20)]) == [((0, 8), (0, 20))]


def test_joined_pairs_are_offsets_in_the_whole_text():
    text = "### 2025.01.08\n\n今天学习了排序器。它负责排序。\n\n```\ncode\n```\n\n- 第二段。\n"
    blocks = segment_markdown(text)
    english = {
        1: ("Today I studied the sequencer. It orders.", [SentencePair(0, 9, 0, 30), SentencePair(9, 15, 31, 41)]),
        3: ("- Second part.", [SentencePair(2, 6, 2, 14)]),
    }
    translations = [english.get(k) for k in range(len(blocks))]
    assert [b.source for b in blocks][1] == "今天学习了排序器。它负责排序。"
    whole, pairs = joined_pairs(text, blocks, translations)
    assert whole == join_translation(text, blocks, [t[0] if t else None for t in translations])
    assert [(text[p.source_start:p.source_end], whole[p.target_start:p.target_end]) for p in pairs] == [
        ("今天学习了排序器。", "Today I studied the sequencer."),
        ("它负责排序。", "It orders."),
        ("第二段。", "Second part."),
    ]
