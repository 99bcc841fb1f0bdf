"""Segmentation of Markdown notes into aligned blocks (pure, no model)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from studyreader.translate.segment import join_cjk_lines, join_translation, segment_markdown
from studyreader.translate.sentences import protected_spans, split_sentences
from tests.conftest import SHARED_DIR, corpus_files

SAMPLE = SHARED_DIR / "sample-notes.md"
REAL_FILES = ([SAMPLE] if SAMPLE.is_file() else []) + corpus_files()


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


def _fenced_code(text: str) -> list[str]:
    """Fenced code blocks found independently, by a plain regex over lines."""
    return [m.group(0) for m in re.finditer(r"(?ms)^[ \t]*(```|~~~)[^\n]*\n.*?^[ \t]*\1[ \t]*$", text)]



def assert_parts_cover(text, block):
    """Each part is its source (from its start to the next part's); translatable parts without CJK soft breaks."""
    ends = [part.start for part in block.parts[1:]] + [block.end]
    assert block.parts[0].start == block.start
    for part, end in zip(block.parts, ends):
        source = text[part.start:end]
        if part.translatable and part.text != source:
            assert join_cjk_lines(source) == part.text, (source, part.text)
        else:
            assert source == part.text
    if "\n" not in block.source:
        assert "".join(p.text for p in block.parts) == block.source

@pytest.mark.skipif(not REAL_FILES, reason="no real notes files beside the project")
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_real_notes_blocks_cover_source_exactly(path):
    text = _read(path)
    blocks = segment_markdown(text)
    assert blocks, "every real notes file has blocks"
    previous_end = 0
    for i, block in enumerate(blocks):
        assert block.index == i
        assert text[block.start:block.end] == block.source
        assert_parts_cover(text, block)
        assert block.start >= previous_end
        assert block.start_line == text.count("\n", 0, block.start) + 1
        assert block.end_line == text.count("\n", 0, block.end) + 1
        # only whitespace between blocks
        assert not text[previous_end:block.start].strip()
        previous_end = block.end
        if block.kind in ("code", "html", "front_matter", "rule"):
            assert not block.translatable
            assert not any(p.translatable for p in block.parts)
    assert not text[previous_end:].strip()
    # every fenced code block of the file is a whole, untranslatable block
    code_sources = [b.source for b in blocks if b.kind == "code"]
    for fenced in _fenced_code(text):
        assert any(fenced.strip() in src for src in code_sources), fenced[:80]
    # join with nothing translated gives the file back byte for byte
    assert join_translation(text, blocks, [None] * len(blocks)) == text


@pytest.mark.skipif(not REAL_FILES, reason="no real notes files beside the project")
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_real_notes_inline_code_and_urls_are_protected(path):
    text = _read(path)
    for block in segment_markdown(text):
        for part in block.parts:
            if not part.translatable:
                continue
            spans = protected_spans(part.text)
            opaque = "".join(s.text for s in spans if s.kind == "opaque")
            for code in re.findall(r"`[^`\n]+`", part.text):
                assert code in opaque
            for url in re.findall(r"https?://[A-Za-z0-9/._~%?#=&+-]+", part.text):
                assert url.rstrip(".,") in opaque
            for sentence in split_sentences(part.text):
                assert part.text[sentence.start:sentence.end] == sentence.text


def test_block_kinds_levels_and_lines():
    text = (
        "---\ntimezone: Asia/Shanghai\n---\n\n"
        "# 标题\n\n"
        "段落第一行。\n第二行 `code`。\n\n"
        "- 列表项一\n  - 嵌套项\n- 列表项二\n\n"
        "1. 第一\n2. 第二\n\n"
        "> 引用的话\n> 第二行\n\n"
        "```python\n# 不是标题\n### 2025.01.01\n<!-- Content_END -->\n```\n\n"
        "<!-- Content_START -->\n\n"
        "| 名称 | 说明 |\n|:---|---:|\n| `L1StandardBridge` | 桥接合约 |\n| OP | 代币 |\n\n"
        "设置标题\n---\n\n"
        "***\n"
    )
    blocks = segment_markdown(text)
    kinds = [(b.kind, b.level, b.start_line) for b in blocks]
    assert kinds == [
        ("front_matter", 0, 1),
        ("heading", 1, 5),
        ("paragraph", 0, 7),
        ("list_item", 0, 10),
        ("list_item", 1, 11),
        ("list_item", 0, 12),
        ("list_item", 0, 14),
        ("list_item", 0, 15),
        ("blockquote", 0, 17),
        ("code", 0, 20),
        ("html", 0, 26),
        ("table", 0, 28),
        ("heading", 2, 33),
        ("rule", 0, 36),
    ]
    code = blocks[9]
    assert code.source == "```python\n# 不是标题\n### 2025.01.01\n<!-- Content_END -->\n```"
    table = blocks[11]
    assert [[c.text for c in row] for row in table.rows] == [
        ["名称", "说明"],
        ["`L1StandardBridge`", "桥接合约"],
        ["OP", "代币"],
    ]
    # markup is never translatable: the heading marker, list markers, quote prefixes, pipes
    heading = blocks[1]
    assert [(p.text, p.translatable) for p in heading.parts] == [("# ", False), ("标题", True)]
    nested = blocks[4]
    assert [(p.text, p.translatable) for p in nested.parts] == [("  - ", False), ("嵌套项", True)]
    quote = blocks[8]
    assert [p.text for p in quote.parts if not p.translatable] == ["> ", "\n", "> "]


def test_crlf_and_bom_kept_in_verbatim_parts():
    text = "\ufeff# 标题\r\n\r\n第一行 A\r\n第二行。\r\n"
    blocks = segment_markdown(text)
    assert [b.kind for b in blocks] == ["heading", "paragraph"]
    para = blocks[1]
    assert para.source == "第一行 A\r\n第二行。"
    assert [p.text for p in para.parts] == ["第一行 A", "\r\n", "第二行。"]
    assert join_translation(text, blocks, ["# T", "A.\r\nB."]) == "\ufeff# T\r\n\r\nA.\r\nB.\r\n"
    # between two Chinese characters the CRLF is a soft break, joined for the translator
    assert [p.text for p in segment_markdown("第一行。\r\n第二行。")[0].parts] == ["第一行。第二行。"]


def test_blocks_without_chinese_are_not_translatable():
    blocks = segment_markdown("## Notes\n\nOP Stack and L2.\n\n- 中文\n")
    assert [b.translatable for b in blocks] == [False, False, True]


def test_sentences_split_on_chinese_punctuation_and_lines():
    text = "第一句。第二句！第三句？第四句；第五句……最后"
    expected = ["第一句。", "第二句！", "第三句？", "第四句；", "第五句……", "最后"]
    assert [s.text for s in split_sentences(text)] == expected
    assert [s.text for s in split_sentences("甲\n乙")] == ["甲", "乙"]
    # closing quotes stay with their sentence
    assert [s.text for s in split_sentences("他说“好。”然后走了。")] == ["他说“好。”", "然后走了。"]


def test_run_on_sentences_are_capped_without_breaking_spans():
    text = "，".join(["很长的句子包含`code_span_value`和更多内容"] * 20)
    parts = split_sentences(text, max_chars=60)
    assert len(parts) > 1
    assert all(len(s.text) <= 60 for s in parts)
    assert "".join(s.text for s in parts) == text
    for s in parts:
        assert s.text.count("`") % 2 == 0


def test_no_split_inside_code_span_or_url():
    text = "运行 `print('你好。再见！')` 看 https://example.com/a?b=1 吧。"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [text]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("部署 L1StandardBridge 合约", ["L1StandardBridge"]),
        ("OP Stack 的结构", ["OP Stack"]),
        ("支持 EIP-4844 的 blob", ["EIP-4844", "blob"]),
        ("版本 v1.2.3 和 7天", ["v1.2.3", "7"]),
        ("调用 my_func_name 函数", ["my_func_name"]),
    ],
)
def test_latin_terms(text, expected):
    assert [s.text for s in protected_spans(text) if s.kind == "term"] == expected


def test_opaque_spans():
    text = "看 [文档](https://docs.optimism.io/x_(y)) 和 ![图](img/a.png) 以及 <br> `a|b` **重点** &nbsp; <https://a.b>"
    spans = {s.text: s.sub for s in protected_spans(text) if s.kind == "opaque"}
    assert spans["](https://docs.optimism.io/x_(y))"] == "target"
    assert spans["["] == "linkopen"
    assert spans["![图](img/a.png)"] == "image"
    assert spans["<br>"] == "html"
    assert spans["`a|b`"] == "code"
    assert spans["**"] == "emphasis"
    assert spans["&nbsp;"] == "entity"
    assert spans["<https://a.b>"] == "autolink"


def test_fallback_assembly_spacing_and_punctuation():
    from studyreader.translate.sentences import assemble_fallback, fallback_bodies, fallback_runs

    model_input = "请在 timezone 添加时区（UTC），默认 UTC+8 时区"
    pieces = fallback_runs(model_input)
    bodies = fallback_bodies(pieces)
    assert bodies == ["请在", "添加时区", "默认", "时区"]
    english = {"请在": "Please", "添加时区": "add the zone", "默认": "default", "时区": "zone"}
    assert assemble_fallback(pieces, english.__getitem__) == "Please timezone add the zone (UTC), default UTC+8 zone"


def test_fallback_keeps_emphasis_markers_tight():
    from studyreader.translate.sentences import (
        assemble_fallback,
        fallback_bodies,
        fallback_runs,
        placeholder_kinds,
        prepare_sentence,
        restore,
    )

    [sentence] = split_sentences("这是**重要**的内容")
    prepared = prepare_sentence(sentence)
    pieces = fallback_runs(prepared.model_input)
    kinds = placeholder_kinds(prepared)
    english = {"这是": "This is", "重要": "important", "的内容": "content"}
    assert fallback_bodies(pieces) == list(english)
    text = assemble_fallback(pieces, english.__getitem__, glue=lambda p: kinds.get(p, ""))
    assert restore(text, prepared.opaque) == "This is **important** content"


from hypothesis import given, settings  # noqa: E402 - the property tests of this section
from hypothesis import strategies as st  # noqa: E402 - the property tests of this section

_MD_ALPHABET = st.sampled_from(
    list("中文句子。！？；…，、：（）") + list("ab Z09_-*#>|`~[]()!<>/=&\\.:")
    + ["\n", "\r\n", "\t", "  ", "```", "- ", "1. ", "| x |", "---"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_MD_ALPHABET, max_size=80).map("".join))
def test_segmentation_never_loses_a_byte(text):
    blocks = segment_markdown(text)
    end = 0
    for block in blocks:
        assert block.start >= end
        assert text[block.start:block.end] == block.source
        assert_parts_cover(text, block)
        for part in block.parts:
            if part.translatable:
                for sentence in split_sentences(part.text):
                    assert part.text[sentence.start:sentence.end] == sentence.text
                    assert sentence.text.strip() == sentence.text
        end = block.end
    assert join_translation(text, blocks, [None] * len(blocks)) == text


@settings(max_examples=300, deadline=None)
@given(st.lists(_MD_ALPHABET, max_size=60).map("".join))
def test_piecewise_fallback_keeps_every_protected_span(text):
    """Whatever the model says, the fallback output holds each code span, URL, term... of the source."""
    from studyreader.translate.sentences import (
        assemble_fallback,
        fallback_runs,
        placeholder_kinds,
        prepare_sentence,
        restore,
    )

    for line in text.splitlines():
        for sentence in split_sentences(line):
            if not sentence.needs_model:
                continue
            prepared = prepare_sentence(sentence)
            glue = placeholder_kinds(prepared).get
            english = assemble_fallback(
                fallback_runs(prepared.model_input), lambda body: "gibberish", glue=lambda p, kind=glue: kind(p, "")
            )
            restored = restore(english, prepared.opaque)
            for span in protected_spans(sentence.text):
                assert restored.count(span.text) >= sentence.text.count(span.text), (sentence.text, span, restored)


def test_a_soft_break_between_chinese_characters_is_joined_for_the_translator():
    text = (
        "地修改中。\n就是这样，我今天学习了\n  排序器。\nEnglish line\n中文  \n硬换行\n\n"
        "- 列表项\n  继续写。\n\n```\n代码\n块\n```\n"
    )
    paragraph, item, code = segment_markdown(text)
    prose = [p.text for p in paragraph.parts if p.translatable]
    # two spaces before a line break make a hard break, which stays
    assert prose == ["地修改中。就是这样，我今天学习了排序器。", "English line", "中文", "硬换行"]
    assert [p.text for p in item.parts if p.translatable] == ["列表项继续写。"]
    assert code.source == "```\n代码\n块\n```" and not any(p.translatable for p in code.parts)
    # nothing is lost from the file: the source and an untranslated join keep every byte
    assert join_translation(text, [paragraph, item, code], [None] * 3) == text
    assert split_sentences(prose[0])[-1].text == "就是这样，我今天学习了排序器。"  # one sentence, not two halves
    assert join_cjk_lines("中\r\n文") == "中文" and join_cjk_lines("中\nabc") == "中\nabc"
    # a block that is not translated (no Chinese characters, only punctuation) keeps its lines
    (punctuation,) = segment_markdown("，\n，")
    assert not punctuation.translatable and "".join(p.text for p in punctuation.parts) == "，\n，"
