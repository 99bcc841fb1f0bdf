"""Which words of a term's form keep their case, and the separator variants people write."""

from __future__ import annotations

from studyreader.glossary.spelling import case_spans, is_identifier_word, spellings, variants


def test_identifier_words_are_mixed_case_or_all_caps():
    assert [w for w in ("OP", "EVM", "zkSync", "L1StandardBridge", "dApp", "Rollup", "rollup", "2")
            if is_identifier_word(w)] == ["OP", "EVM", "zkSync", "L1StandardBridge", "dApp"]


def test_a_mixed_case_word_also_matches_at_a_sentence_start_and_in_capitals():
    assert spellings("dApp") == ("dApp", "DApp", "DAPP")
    assert spellings("OP") == ("OP",)


def test_case_spans_cover_identifiers_and_every_word_of_a_name():
    assert case_spans("OP Stack") == ((0, 2, ("OP",)),)
    assert case_spans("optimistic rollup") == ()
    assert case_spans("Base", match_case=True) == ((0, 4, ("Base",)),)
    assert case_spans("Base 2", match_case=True) == ((0, 4, ("Base",)),)  # a number has no case


def test_separator_variants_of_multi_word_forms():
    assert variants("Layer 2") == ["Layer-2", "Layer2"]
    assert variants("fault-proof") == ["fault proof", "faultproof"]
    assert variants("排序器") == []
