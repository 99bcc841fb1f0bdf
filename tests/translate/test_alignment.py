"""Sentence pairs of a translation (issue 16): which English came from which Chinese sentence.

Checked against an independent reading of the same segmentation: every sentence of every translatable
part has exactly one pair, whose source range holds that sentence (soft-broken lines included) and whose
English range holds the English the cache keeps for it, restored.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyreader.cjk import has_cjk
from studyreader.translate.alignment import SourceMap
from studyreader.translate.blocks import SentencePair
from studyreader.translate.engine import TranslationEngine
from studyreader.translate.segment import cjk_soft_breaks, join_cjk_lines, segment_markdown
from studyreader.translate.sentences import (
    fallback_bodies,
    fallback_runs,
    prepare_sentence,
    restore,
    split_sentences,
)
from tests.conftest import REPO_ROOT, SHARED_DIR, corpus_files

SAMPLES = [path for path in (SHARED_DIR / "sample-notes.md", REPO_ROOT / "resources" / "sample-notes.md")
           if path.is_file()]
REAL_FILES = SAMPLES + corpus_files()

DOC = """# 学习笔记

今天学习了 OP Stack 的结构。部署 `L1StandardBridge` 合约需要
EIP-4844 支持！第二行的中文
接着写，没有句号

- 排序器负责排序交易。详见 [官方文档](https://docs.optimism.io/stack/fault-proofs)。
- `代码`。12345。

| 组件 | 作用 |
|---|---|
| `op-node` | 派生 L2 区块。再来 |

> 引用：**乐观汇总**很重要。
"""


def _sentences(block):
    """(part number, sentence) of every sentence the block's Chinese parts are cut into."""
    if not block.translatable:
        return []
    return [(n, s) for n, part in enumerate(block.parts) if part.translatable and has_cjk(part.text)
            for s in split_sentences(part.text)]


def _expected_english(engine, sentences) -> list[str]:
    """Each sentence's English as the cache keeps it (placeholders restored), or the sentence copied."""
    prepared = [prepare_sentence(s) if s.needs_model else None for _n, s in sentences]
    info = engine.model_info()
    cached = engine.cache.get_many(info.code, info.version, {p.model_input for p in prepared if p})
    return [restore(cached[p.model_input], p.opaque) if p else s.text for p, (_n, s) in zip(prepared, sentences)]


def _check_pairs(engine, blocks, result) -> int:
    """Assert the pairs of every block; the number of pairs checked."""
    checked = 0
    for block, tr in zip(blocks, result.blocks):
        assert tr is not None
        sentences = _sentences(block)
        assert len(tr.pairs) == len(sentences), (block.source, tr.pairs)
        if not sentences:
            continue
        assert all(isinstance(pair, SentencePair) for pair in tr.pairs)
        english = _expected_english(engine, sentences)
        previous = SentencePair(0, 0, 0, 0)
        for pair, (n, sentence), expected in zip(tr.pairs, sentences, english):
            s, e, ts, te = pair
            assert previous.source_end <= s < e <= len(block.source)
            assert previous.target_end <= ts <= te <= len(tr.text)
            part = block.parts[n]
            assert part.start - block.start <= s and e <= block.end - block.start
            assert join_cjk_lines(block.source[s:e]) == sentence.text, (block.source[s:e], sentence.text)
            assert tr.text[ts:te] == expected
            previous = pair
        checked += len(tr.pairs)
    return checked


def test_every_sentence_of_a_document_has_one_pair(engine):
    blocks = segment_markdown(DOC)
    result = engine.translate_blocks(blocks)
    assert _check_pairs(engine, blocks, result) >= 12
    by_kind = {b.kind: tr for b, tr in zip(blocks, result.blocks)}
    paragraph = next(tr for b, tr in zip(blocks, result.blocks) if b.kind == "paragraph")
    zh = [paragraph.source[p.source_start:p.source_end] for p in paragraph.pairs]
    # soft-broken lines: the pair's range covers the sentence as written, line break included
    # (a line break before Latin text is not joined: it ends a sentence, as any line break does)
    assert zh == ["今天学习了 OP Stack 的结构。", "部署 `L1StandardBridge` 合约需要", "EIP-4844 支持！",
                  "第二行的中文\n接着写，没有句号"]
    table = by_kind["table"]
    zh = [table.source[p.source_start:p.source_end] for p in table.pairs]
    assert zh == ["组件", "作用", "派生 L2 区块。", "再来"]
    # a table's English ranges are in its English Markdown, and each lies within its cell's English
    english_cells = [cell for row in table.cells for cell in row]
    for pair in table.pairs:
        assert any(table.text[pair.target_start:pair.target_end] in cell for cell in english_cells)


def test_sentences_without_chinese_to_translate_pair_with_their_copy(engine):
    blocks = segment_markdown("- `代码`。12345。\n")
    result = engine.translate_blocks(blocks)
    tr = result.blocks[0]
    assert result.stats.sentences == 0  # nothing went to the model
    assert [(tr.source[p.source_start:p.source_end], tr.text[p.target_start:p.target_end]) for p in tr.pairs] == [
        ("`代码`。", "`代码`。"), ("12345。", "12345。")]


def test_non_translatable_blocks_have_no_pairs(engine):
    text = "```python\n# 中文注释\n```\n\nplain English only.\n\n<div>中文</div>\n"
    result = engine.translate_text(text)
    assert [tr.pairs for tr in result.blocks] == [(), (), ()]


def test_a_sentence_assembled_from_fragments_is_one_pair(engine):
    """The tiny model loses the protected terms here, so the sentence is translated around them."""
    text = "部署 `L1StandardBridge` 合约需要 EIP-4844 支持，再由 OP Stack 派生区块。然后结束。\n"
    blocks = segment_markdown(text)
    result = engine.translate_blocks(blocks)
    sentences = _sentences(blocks[0])
    assert len(sentences) == 2
    prepared = prepare_sentence(sentences[0][1])
    bodies = fallback_bodies(fallback_runs(prepared.model_input, prepared.term_spans))
    assert len(bodies) >= 3
    assert prepared.model_input in result.model_inputs
    assert all(body in result.model_inputs for body in bodies)  # it was re-translated piecewise
    tr = result.blocks[0]
    assert len(tr.pairs) == 2
    first = tr.pairs[0]
    assert tr.source[first.source_start:first.source_end] == sentences[0][1].text
    assembled = tr.text[first.target_start:first.target_end]
    for term in ("`L1StandardBridge`", "EIP-4844", "OP Stack"):
        assert term in assembled
    _check_pairs(engine, blocks, result)


def test_pairs_are_the_same_from_the_cache_in_a_new_engine(tiny_argos_package, tmp_path):
    cache = tmp_path / "c.sqlite3"
    text = DOC + "\n" + (SAMPLES[0].read_text(encoding="utf-8-sig") if SAMPLES else "")
    first = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=cache)
    one = first.translate_text(text)
    first.close()
    again = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=cache)
    two = again.translate_text(text)
    blocks = two.source_blocks
    assert _check_pairs(again, blocks, two) > 10
    again.close()
    assert one.stats.model_calls > 0 and two.stats.model_calls == 0
    assert [b.pairs for b in two.blocks] == [b.pairs for b in one.blocks]
    assert [b.text for b in two.blocks] == [b.text for b in one.blocks]


@pytest.mark.skipif(not REAL_FILES, reason="no real notes files beside the project")
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_notes_every_sentence_has_one_pair(engine, path):
    text = path.read_text(encoding="utf-8-sig")
    blocks = segment_markdown(text)
    result = engine.translate_blocks(blocks)
    assert not result.cancelled
    checked = _check_pairs(engine, blocks, result)
    assert checked > 0 or not any(block.translatable for block in blocks)  # (one file is in English)


def test_a_soft_break_between_two_sentences_belongs_to_neither():
    block = segment_markdown("第一句。\n第二句，\n  还没完。\n")[0]
    assert [s.text for _n, s in _sentences(block)] == ["第一句。", "第二句，还没完。"]
    source_map = SourceMap(block)
    spans = [source_map.span(n, s.start, s.end) for n, s in _sentences(block)]
    assert [block.source[a:z] for a, z in spans] == ["第一句。", "第二句，\n  还没完。"]


_INLINE = st.sampled_from(
    ["排序器", "提交批次。", "欺诈证明！", "，", "（", "）", " ", "\n", "  \n", "`x_y`", "**", "OP Stack",
     "L1StandardBridge", "EIP-4844", "[文档](https://a.b/c_d)", "https://e.f/g", "<br>", "7", "\\", "中\n文",
     "。\n", "好\n  好", "问？", "…", "&amp;"]
)
_PREFIXES = st.sampled_from(["", "", "- ", "## ", "> ", "1. ", "| 甲 | "])


@settings(max_examples=80, deadline=None)
@given(_PREFIXES, st.lists(_INLINE, min_size=1, max_size=30).map("".join))
def test_source_ranges_hold_their_sentence_in_any_inline_text(prefix, inline):
    """Without the model: each sentence's range in the block's source is the sentence as written."""
    for block in segment_markdown(prefix + inline):
        source_map = SourceMap(block)
        end = 0
        for n, sentence in _sentences(block):
            s, e = source_map.span(n, sentence.start, sentence.end)
            assert end <= s < e <= len(block.source)
            assert join_cjk_lines(block.source[s:e]) == sentence.text
            end = e


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["中", "文", "。", "，", " ", "\t", "\n", "\r", "a"]), max_size=14).map("".join))
def test_the_soft_breaks_found_are_what_joining_removes(text):
    spans = cjk_soft_breaks(text)
    kept, pos = [], 0
    for start, end in spans:
        assert pos <= start < end and "\n" in text[start:end]
        kept.append(text[pos:start])
        pos = end
    kept.append(text[pos:])
    assert "".join(kept) == join_cjk_lines(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_INLINE, st.sampled_from(["\n\n", "\n- ", "\n> ", "\n## "])), min_size=1, max_size=25)
       .map("".join))
def test_any_document_pairs_every_sentence(engine, text):
    blocks = segment_markdown(text)
    result = engine.translate_blocks(blocks)
    _check_pairs(engine, blocks, result)
