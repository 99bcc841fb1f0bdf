"""The engine with a tiny REAL Argos package: preservation, caching, incremental edits, cancel, no model."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from studyreader.translate.engine import NO_MODEL_MESSAGE, NoModelError, TranslationEngine
from studyreader.translate.segment import segment_markdown
from studyreader.translate.sentences import protected_spans
from tests.conftest import SHARED_DIR, corpus_files

SAMPLE = SHARED_DIR / "sample-notes.md"
REAL_FILES = ([SAMPLE] if SAMPLE.is_file() else []) + corpus_files()

DOC = """# 学习笔记

今天学习了 OP Stack 的结构。部署 `L1StandardBridge` 合约需要 EIP-4844 支持！

- 排序器负责排序交易。
- 详见 [官方文档](https://docs.optimism.io/stack/fault-proofs) 和 https://example.com/a_b 。

```solidity
// 中文注释不翻译
contract L1StandardBridge {}
```

| 组件 | 作用 |
|---|---|
| `op-node` | 派生 L2 区块 |
| 排序器 | 排序交易 |

> 引用：**乐观汇总**很重要。
"""


def _assert_preserved(blocks, result):
    for block, tr in zip(blocks, result.blocks):
        assert tr is not None
        assert tr.index == block.index
        if not block.translatable:
            assert tr.text == block.source
            continue
        for part in block.parts:
            if not part.translatable:
                assert part.text in tr.text, (part.text, tr.text)
                continue
            for span in protected_spans(part.text):
                assert tr.text.count(span.text) >= block.source.count(span.text), (span, block.source, tr.text)


def test_translates_with_real_model_and_preserves_code_and_identifiers(engine):
    blocks = segment_markdown(DOC)
    result = engine.translate_blocks(blocks)
    _assert_preserved(blocks, result)
    english = result.markdown(DOC)
    for needle in ("`L1StandardBridge`", "OP Stack", "EIP-4844", "](https://docs.optimism.io/stack/fault-proofs)",
                   "https://example.com/a_b", "`op-node`", "// 中文注释不翻译\ncontract L1StandardBridge {}"):
        assert needle in english
    assert result.stats.sentences > 0
    assert result.stats.model_calls >= result.stats.sentences - result.stats.cache_hits > 0
    # the Chinese outside code really went through the model
    translated = [tr for b, tr in zip(blocks, result.blocks) if b.translatable]
    assert all(tr.text != b.source for b, tr in zip([b for b in blocks if b.translatable], translated))
    table = result.blocks[[b.kind for b in blocks].index("table")]
    assert len(table.cells) == 3 and all(len(row) == 2 for row in table.cells)
    assert table.cells[1][0] == "`op-node`"
    assert table.text.splitlines()[1] == "|---|---|"
    assert all(line.startswith("|") and line.endswith("|") for line in table.text.splitlines())


def test_output_equals_one_raw_translate_batch(engine, tiny_argos_package):
    """The engine's English for plain sentences is exactly CTranslate2's, decoded as Argos does."""
    import ctranslate2
    import sentencepiece as spm

    sentences = ["我们今天学习以太坊。", "排序器提交批次数据！", "欺诈证明挑战期是多久？"]
    result = engine.translate_text("\n\n".join(sentences))
    sp = spm.SentencePieceProcessor(model_file=str(tiny_argos_package.path / "sentencepiece.model"))
    translator = ctranslate2.Translator(str(tiny_argos_package.path / "model"), intra_threads=1)
    raw = translator.translate_batch(
        [sp.encode(s, out_type=str) for s in sentences], beam_size=4, length_penalty=0.2, replace_unknowns=True
    )
    expected = [sp.decode_pieces(r.hypotheses[0]).lstrip(" ") for r in raw]
    assert [b.text for b in result.blocks] == expected


@pytest.mark.skipif(not REAL_FILES, reason="no real notes files beside the project")
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_real_notes_keep_code_and_identifiers_byte_for_byte(engine, path):
    text = path.read_text(encoding="utf-8-sig")
    blocks = segment_markdown(text)
    result = engine.translate_blocks(blocks)
    assert not result.cancelled
    _assert_preserved(blocks, result)
    for block, tr in zip(blocks, result.blocks):
        if block.kind == "code":
            assert tr.text == block.source


def test_second_run_is_all_cache_hits_even_in_a_new_engine(tiny_argos_package, tmp_path):
    cache = tmp_path / "c.sqlite3"
    first = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=cache)
    one = first.translate_text(DOC)
    first.close()
    again = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=cache)
    two = again.translate_text(DOC)
    assert again.loaded_model is None  # all cached: the translator was not even loaded
    again.close()
    assert one.stats.model_calls > 0
    assert two.stats.model_calls == 0
    assert two.stats.batches == 0
    assert two.stats.cache_hits == two.stats.sentences == one.stats.sentences
    assert [b.text for b in two.blocks] == [b.text for b in one.blocks]
    assert all(b.cached == b.sentences for b in two.blocks)


def test_default_cache_lives_in_platformdirs_cache(tiny_argos_package, isolated_user_dirs):
    engine = TranslationEngine(packages_dir=tiny_argos_package.packages_dir)
    engine.translate_text("你好。")
    engine.close()
    from studyreader.paths import cache_dir

    assert (cache_dir() / "translations.sqlite3").is_file()
    assert str(cache_dir()).startswith(str(isolated_user_dirs))


def test_editing_one_paragraph_retranslates_only_it(engine):
    engine.translate_text(DOC)
    edited = DOC.replace("排序器负责排序交易。", "验证者负责验证输出。")
    blocks = segment_markdown(edited)
    changed = [b.index for b in blocks if "验证者负责验证输出" in b.source]
    assert len(changed) == 1
    result = engine.translate_blocks(blocks)
    for block, tr in zip(blocks, result.blocks):
        if block.index in changed:
            assert tr.cached == 0 and tr.sentences == 1
        else:
            assert tr.cached == tr.sentences
    assert result.stats.sentences - result.stats.cache_hits == 1
    assert result.stats.model_calls >= 1


def test_on_block_reports_cached_blocks_first_then_visible_first(engine):
    text = "\n\n".join(f"第{i}段内容是关于区块链的。" for i in range(200))
    blocks = segment_markdown(text)
    engine.translate_blocks(blocks[:10])  # cache the first ten
    seen = []
    engine.translate_blocks(blocks, on_block=lambda i, tr: seen.append(i), priority=[150, 151, 152])
    assert sorted(seen) == list(range(200))
    assert set(seen[:10]) == set(range(10))  # cached: instantly
    assert seen[10:13] == [150, 151, 152]  # then the visible ones


def test_cancel_stops_between_batches(engine, tiny_argos_package, tmp_path):
    from tests.support.tiny_argos import sample_sentences

    text = "\n\n".join(sample_sentences(1500))
    blocks = segment_markdown(text)
    full = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=tmp_path / "full.sqlite3")
    full_batches = full.translate_blocks(blocks).stats.batches
    full.close()
    done = []
    result = engine.translate_blocks(blocks, on_block=lambda i, tr: done.append(i), should_cancel=lambda: len(done) > 0)
    assert result.cancelled and result.stats.cancelled
    assert 0 < len(done) < len(blocks)
    # the first finished block needed one batch; only the few batches already in flight follow it
    assert full_batches >= 20
    assert result.stats.batches <= 5
    assert result.stats.model_calls < result.stats.sentences
    assert sum(b is not None for b in result.blocks) == len(done)
    # what was translated before the cancel is cached
    rerun = engine.translate_blocks(blocks)
    assert rerun.stats.cache_hits >= len(done)
    assert not rerun.cancelled and all(b is not None for b in rerun.blocks)


def test_cancel_before_start_translates_nothing(engine):
    blocks = segment_markdown("# 标题\n\n第一段。\n\n```\ncode\n```\n")
    result = engine.translate_blocks(blocks, should_cancel=lambda: True)
    assert result.cancelled
    assert result.stats.batches == 0 and result.stats.model_calls == 0
    assert result.blocks[0] is None and result.blocks[1] is None
    assert result.blocks[2].text == "```\ncode\n```"  # untranslatable blocks are done at once


def test_no_model_says_what_to_do(tmp_path):
    empty = tmp_path / "packages"
    empty.mkdir()
    engine = TranslationEngine(packages_dir=empty, cache_path=tmp_path / "c.sqlite3")
    assert engine.model_info() is None
    with pytest.raises(NoModelError) as info:
        engine.translate_text("你好。")
    message = str(info.value)
    assert message == NO_MODEL_MESSAGE
    assert "studyreader models install" in message and "studyreader models download" in message
    # a document without Chinese needs no model
    result = engine.translate_text("# Notes\n\n```\ncode\n```\n")
    assert [b.text for b in result.blocks] == ["# Notes", "```\ncode\n```"]


def test_corrupt_cache_is_rebuilt(tiny_argos_package, tmp_path):
    cache = tmp_path / "c.sqlite3"
    cache.write_bytes(b"this is not a database" * 100)
    engine = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=cache)
    first = engine.translate_text(DOC)
    assert first.stats.model_calls > 0
    assert "damaged" in str(engine.cache.warning or "")
    second = engine.translate_text(DOC)
    assert second.stats.model_calls == 0
    engine.close()
    with sqlite3.connect(cache) as db:
        assert db.execute("SELECT count(*) FROM translations").fetchone()[0] > 0


def test_locked_cache_is_not_fatal(tiny_argos_package, tmp_path):
    cache = tmp_path / "c.sqlite3"
    warm = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=cache)
    warm.translate_text("你好。")
    warm.close()
    holder = sqlite3.connect(cache, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        engine = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=cache)
        result = engine.translate_text(DOC)
        assert all(b is not None for b in result.blocks)
        assert "locked" in str(engine.cache.warning or "")
        engine.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@dataclass
class _Term:
    term_id: str
    en: str


@dataclass
class _Check:
    term_id: str
    en: str
    respected: bool


class _TinyAid:
    """Substitutes 排序器 by its canonical English, like the glossary's aid does."""

    def __init__(self):
        self.prepared: list[str] = []

    def prepare(self, sentence):
        self.prepared.append(sentence)
        if "排序器" not in sentence:
            return sentence, []
        return sentence.replace("排序器", " Sequencer "), [_Term("sequencer", "Sequencer")]

    def check(self, english, terms):
        return [_Check(t.term_id, t.en, t.en in english) for t in terms]


def test_glossary_aid_hook_end_to_end(tiny_argos_package, tmp_path):
    aid = _TinyAid()
    engine = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=tmp_path / "c.sqlite3", aid=aid)
    text = "排序器负责排序交易，运行 `sequencer --排序器`。\n\n没有术语的句子。"
    result = engine.translate_text(text)
    # prepare() never sees code spans: they are placeholders by then
    assert aid.prepared and all("--排序器" not in s for s in aid.prepared)
    first = result.blocks[0]
    assert "Sequencer" in first.text and "`sequencer --排序器`" in first.text
    assert [(c.term_id, c.en, c.respected) for c in first.checks] == [("sequencer", "Sequencer", True)]
    assert result.blocks[1].checks == ()
    # the cache is keyed on the prepared sentence: the same text without the aid is a different key
    plain = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=tmp_path / "c.sqlite3")
    again = plain.translate_text(text)
    assert again.blocks[1].cached == 1 and again.blocks[0].cached == 0
    with_aid = engine.translate_text(text)
    assert with_aid.stats.model_calls == 0


def test_importing_the_engine_does_not_import_argos():
    code = (
        "import sys, studyreader.translate.engine, studyreader.translate.segment, studyreader.translate.models, "
        "studyreader.translate.cli\n"
        "heavy = [m for m in ('argostranslate', 'ctranslate2', 'sentencepiece', 'PySide6') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_engine_construction_is_cheap(tmp_path):
    TranslationEngine(packages_dir=tmp_path / "nowhere", cache_path=tmp_path / "never.sqlite3")
    assert not (tmp_path / "never.sqlite3").exists()
    assert not (tmp_path / "nowhere").exists()


def test_with_the_real_glossary_aid(tiny_argos_package, tmp_path):
    """The glossary helper's aid plugs in: its English terms are protected and reported as respected."""
    glossary = pytest.importorskip("studyreader.glossary")
    aid = glossary.default_glossary().translation_aid()
    engine = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=tmp_path / "c.sqlite3", aid=aid)
    text = "排序器负责排序交易，`op-node` 派生区块以及乐观汇总。"
    block = engine.translate_text(text).blocks[0]
    assert "`op-node`" in block.text
    assert block.checks, "the aid found glossary terms"
    for check in block.checks:
        assert check.respected, check
        assert check.en in block.text


def test_engines_share_one_loaded_model(tiny_argos_package, tmp_path):
    """The reader and the editor each have an engine; the model is loaded once per process."""
    one = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=tmp_path / "a.sqlite3")
    two = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=tmp_path / "b.sqlite3")
    one.translate_text("你好。")
    two.translate_text("再见。")
    assert one.loaded_model is two.loaded_model is not None


def test_a_failing_or_misbehaving_aid_does_not_stop_translation(tiny_argos_package, tmp_path):
    class BrokenAid:
        def prepare(self, sentence):
            if "坏" in sentence:
                raise RuntimeError("glossary bug")
            if "⟦0⟧" in sentence:
                return sentence.replace("⟦0⟧", ""), [_Term("x", "X")]  # drops a placeholder: ignored
            return sentence, [_Term("x", "X")]  # fine, but check() will raise

        def check(self, english, terms):
            raise RuntimeError("check bug")

    engine = TranslationEngine(
        packages_dir=tiny_argos_package.packages_dir, cache_path=tmp_path / "c.sqlite3", aid=BrokenAid()
    )
    result = engine.translate_text("坏句子。\n\n运行 `make` 吧。\n\n好句子。")
    assert "`make`" in result.blocks[1].text
    assert all(b.text for b in result.blocks)
    assert all(b.checks == () for b in result.blocks)


def test_unusable_cache_folder_is_not_fatal(tiny_argos_package, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    engine = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=blocker / "c.sqlite3")
    first = engine.translate_text("你好。")
    assert first.blocks[0].text and "temporary" in str(engine.cache.warning)
    assert engine.translate_text("你好。").stats.model_calls == 0  # the session cache still works


from hypothesis import HealthCheck, given, settings  # noqa: E402 - the property tests of this section
from hypothesis import strategies as st  # noqa: E402 - the property tests of this section

_PIECES = st.sampled_from(
    ["排序器", "提交批次。", "欺诈证明！", "，", "（", "）", " ", "\n", "\n\n", "- ", "## ", "> ", "`x_y`", "**",
     "OP Stack", "L1StandardBridge", "EIP-4844", "[文档](https://a.b/c_d)", "https://e.f/g", "<br>", "7",
     "| 甲 | 乙 |\n|---|---|\n| 丙 | `丁` |\n"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_PIECES, min_size=1, max_size=25).map("".join))
def test_any_document_keeps_its_protected_spans(engine, text):
    blocks = segment_markdown(text)
    result = engine.translate_blocks(blocks)
    _assert_preserved(blocks, result)


def _thread_niceness() -> dict[int, int]:
    """Every thread of this process and its niceness (Linux /proc)."""
    found = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        found[int(task.name)] = int(fields[16])  # field 19 of stat: nice
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="niceness per thread is Linux's")
def test_the_translators_threads_run_at_lower_priority_and_the_callers_do_not(engine, monkeypatch):
    from studyreader.translate.priority import TRANSLATOR_NICENESS

    monkeypatch.setenv("STUDYREADER_INTRA_THREADS", "3")  # a translator of its own (not one loaded before)
    before = _thread_niceness()
    mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    result = engine.translate_blocks(segment_markdown(DOC))
    assert result.stats.model_calls > 0  # the model was loaded and used
    started = {tid: nice for tid, nice in _thread_niceness().items() if tid not in before}
    assert started, "CTranslate2 started no thread"
    assert set(started.values()) == {min(19, mine + TRANSLATOR_NICENESS)}
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == mine
