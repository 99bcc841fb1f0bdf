"""Glossary-consistent translation: substitution before, checking after — unit and end to end."""

from __future__ import annotations

import pytest

from studyreader.glossary.aid import TermCheck
from studyreader.glossary.model import Term
from studyreader.glossary.termbase import Glossary


@pytest.fixture
def aid(glossary):
    return glossary.translation_aid()


def prepared(aid, sentence):
    text, terms = aid.prepare(sentence)
    for t in terms:
        assert text[t.start : t.end] in (t.en, t.source_text) or t.source_text.startswith(text[t.start : t.end])
    return text, [(t.term_id, t.source_text, t.substituted) for t in terms]


def test_chinese_terms_become_canonical_english(aid):
    text, terms = prepared(aid, "排序器把交易排序，欺诈证明保证安全，数据可用性层保存数据。")
    assert text == "Sequencer 把交易排序，fraud proof 保证安全，Data Availability Layer 保存数据。"
    assert terms == [
        ("sequencer", "排序器", True),
        ("fraud-proof", "欺诈证明", True),
        ("data-availability-layer", "数据可用性层", True),
    ]


def test_aliases_and_mixed_forms(aid):
    assert aid.prepare("排序者和错误证明")[0] == "Sequencer 和 Fault Proof"
    assert aid.prepare("OP 主网的挑战期")[0] == "OP Mainnet 的挑战期"


def test_english_already_in_the_sentence_is_kept_and_reported(aid):
    text, terms = prepared(aid, "L1StandardBridge 负责存款")
    assert text == "L1StandardBridge 负责存款"
    assert terms == [("l1-standard-bridge", "L1StandardBridge", False)]


def test_a_term_said_in_both_languages_is_said_once(aid):
    assert aid.prepare("Sequencers（排序者）负责排序")[0] == "Sequencers 负责排序"
    assert aid.prepare("排序器（Sequencer）负责排序")[0] == "Sequencer 负责排序"
    assert aid.prepare("排序器 (Sequencer) 负责排序")[0] == "Sequencer 负责排序"
    text, terms = aid.prepare("排序器（Sequencer）负责")
    assert [(t.term_id, t.source_text, text[t.start : t.end]) for t in terms] == [
        ("sequencer", "排序器（Sequencer）", "Sequencer")
    ]


def test_spans_point_at_the_english_in_the_prepared_sentence(aid):
    text, terms = aid.prepare("在L2上，排序器和Batcher一起工作。")
    assert text == "在L2上，Sequencer 和Batcher一起工作。"
    assert [text[t.start : t.end] for t in terms] == ["L2", "Sequencer", "Batcher"]


def test_english_text_and_text_without_terms_are_left_alone(aid):
    for sentence in (
        "The Sequencer (排序器) orders transactions.",
        "Nothing to see here.",
        "今天天气很好。",
        "",
    ):
        assert aid.prepare(sentence) == (sentence, [])


def test_check_reports_each_term_once(aid):
    _, terms = aid.prepare("排序器和欺诈证明，还有排序者。OP 代币")
    report = aid.check("The sequencers publish data; op tokens.", terms)
    assert report == [
        TermCheck("sequencer", "Sequencer", True),
        TermCheck("fraud-proof", "fraud proof", False),
        TermCheck("op-token", "OP", False),  # an identifier must come back in its own case
    ]
    assert [tuple(c) for c in aid.check("A fraud-proof by the OP token holders", terms)] == [
        ("sequencer", "Sequencer", False),
        ("fraud-proof", "fraud proof", True),
        ("op-token", "OP", True),
    ]


def test_ordinary_word_terms_stay_chinese_and_are_not_checked(aid):
    """达成共识 must not become "reach consensus mechanism"; 排序器 beside it is still substituted."""
    text, terms = prepared(aid, "排序器之间达成共识。")
    assert text == "Sequencer 之间达成共识。"
    assert terms == [("sequencer", "排序器", True)]
    assert aid.check("The sequencers reached a consensus.", aid.prepare("排序器之间达成共识。")[1]) == [
        TermCheck("sequencer", "Sequencer", True)
    ]
    # The headword too, and a sentence with nothing else to do is left as it was.
    assert aid.prepare("共识机制决定了谁出块") == ("共识机制决定了谁出块", [])
    # Written in English by the note's author, the term is kept and checked like any other.
    assert prepared(aid, "共识（consensus mechanism）很重要")[0] == "consensus mechanism 很重要"


def test_substitution_follows_the_flag_not_the_word():
    plain = Term(id="consensus", en="consensus mechanism", zh="共识")
    glossary = Glossary([plain, Term(id="state", en="blockchain state", zh="状态", substitute=False)])
    text, terms = glossary.translation_aid().prepare("达成共识后状态改变")
    assert text == "达成 consensus mechanism 后状态改变"
    assert [t.term_id for t in terms] == ["consensus"]


def test_a_term_without_english_is_never_respected():
    glossary = Glossary([Term(id="mystery", zh="神秘机制")])
    aid = glossary.translation_aid()
    text, terms = aid.prepare("神秘机制很难")
    assert text == "神秘机制很难"
    assert [(t.term_id, t.substituted) for t in terms] == [("mystery", False)]
    assert aid.check("Mystery is hard", terms) == [("mystery", "", False)]


@pytest.mark.slow
def test_end_to_end_with_the_tiny_argos_package(tiny_argos_package, glossary, tmp_path):
    from studyreader.translate.engine import TranslationEngine

    # A user term with no English cannot be substituted: the engine must pass its flag on.
    with_mystery = Glossary([*glossary, Term(id="mystery", zh="神秘机制", origin="user")])
    aid = with_mystery.translation_aid()
    engine = TranslationEngine(
        packages_dir=tiny_argos_package.packages_dir, cache_path=tmp_path / "cache.sqlite3", aid=aid
    )
    try:
        source = (
            "# 排序器\n\n今天学习了排序器和欺诈证明，还有神秘机制，大家达成共识。\n\n"
            "- 数据可用性层保存交易数据\n\n```\n排序器\n```\n"
        )
        result = engine.translate_text(source)
    finally:
        engine.close()
    blocks = [b for b in result.blocks if b is not None]
    heading, paragraph, item, code = blocks
    assert "Sequencer" in heading.text
    assert "Sequencer" in paragraph.text and "fraud proof" in paragraph.text
    assert "Data Availability Layer" in item.text
    assert code.text == code.source  # code is never touched
    assert [tuple(c) for c in heading.checks] == [("sequencer", "Sequencer", True)]
    assert [tuple(c) for c in paragraph.checks] == [
        ("sequencer", "Sequencer", True),
        ("fraud-proof", "fraud proof", True),
        ("mystery", "", False),
    ]
    assert [tuple(c) for c in item.checks] == [("data-availability-layer", "Data Availability Layer", True)]
    assert not code.checks


_GLOSSARY = None


def _fixture_glossary():
    global _GLOSSARY
    if _GLOSSARY is None:
        from pathlib import Path

        from studyreader.glossary.termbase import load_glossary

        _GLOSSARY = load_glossary(bundled_dir=Path(__file__).resolve().parent / "data", include_user=False)
    return _GLOSSARY


from hypothesis import given, settings  # noqa: E402 - the property tests of this section
from hypothesis import strategies as st  # noqa: E402 - the property tests of this section


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["排序器", "排序者", "欺诈证明", "数据可用性层", "数据可用性", "OP 主网", "智能合约", "Batcher"]
                + ["共识", "共识机制"]
            ),
            st.text(alphabet="的是在和了今天学习，。（）() abc", max_size=6),
        ),
        max_size=10,
    )
)
def test_prepare_substitutes_every_chinese_term_and_is_idempotent(pieces):
    glossary = _fixture_glossary()
    aid = glossary.translation_aid()
    sentence = "".join(pieces)
    prepared, terms = aid.prepare(sentence)
    left = [m for m in glossary.find(prepared) if not m.text.isascii() and glossary.terms[m.term_id].substitute]
    # Either every Chinese term that substitutes was replaced, or the sentence was English already and left alone.
    assert not left or (prepared == sentence and terms == [])
    kept = [m.text for m in glossary.find(prepared) if not glossary.terms[m.term_id].substitute]
    assert kept == [m.text for m in glossary.find(sentence) if not glossary.terms[m.term_id].substitute]
    for t in terms:
        assert glossary.terms[t.term_id].substitute
        assert prepared[t.start : t.end].isascii()
        assert glossary.lookup(prepared[t.start : t.end]).id == t.term_id
    assert aid.prepare(prepared)[0] == prepared
