"""Which words of a term's form keep their case, and the separator variants people write."""

from __future__ import annotations

from studyreader.glossary.model import Term
from studyreader.glossary.spelling import case_spans, is_identifier_word, key_table, spellings, variants


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


def test_the_key_table_holds_forms_variants_and_plurals_lower_cased():
    table = key_table([Term(id="proxy", en="Proxy"), Term(id="l2", en="Layer 2", zh="二层")])
    chinese = "二层".encode().decode("latin-1")  # UTF-8 bytes, one character each
    assert {"proxy", "proxys", "proxies", "layer 2", "layer-2", "layer2", chinese} <= set(table)
    [(term_id, length, left, right, spans, chars, alone)] = table["proxies"]
    assert (term_id, length, left, right, chars, alone) == ("proxy", 7, True, True, 7, False)
    assert spans == ((4, 7, ("ies",)),)  # the ending is checked in lower case


def test_a_preferred_term_comes_first_on_a_shared_key_and_each_candidate_once():
    terms = [Term(id="verifier", en="Verifier", zh="验证者"), Term(id="mine", en="Validator", zh="验证者")]
    key = "验证者".encode().decode("latin-1")
    assert [c[0] for c in key_table(terms)[key]] == ["verifier", "mine"]
    assert [c[0] for c in key_table(terms, preferred=["mine"])[key]] == ["mine", "verifier"]
    assert len(key_table([Term(id="x", en="Rollup", aliases_en=("rollup",))])["rollup"]) == 1
