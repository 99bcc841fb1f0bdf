"""The matcher: both languages, longest match, case rules, plurals, code and URLs left alone."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from studyreader.glossary.matcher import Matcher
from studyreader.glossary.model import LineIndex, Term, line_col
from studyreader.glossary.termbase import load_glossary


def found(glossary, text):
    return [(m.term_id, m.text) for m in glossary.find(text)]


def test_chinese_and_english_terms_with_positions(glossary):
    text = "OP Stack 的排序器（Sequencer）负责排序，Batcher 提交批次。"
    matches = glossary.find(text)
    assert [(m.term_id, m.text) for m in matches] == [
        ("op-token", "OP"),
        ("sequencer", "排序器"),
        ("sequencer", "Sequencer"),
        ("batcher", "Batcher"),
    ]
    for m in matches:
        assert text[m.start : m.end] == m.text
    assert matches[1].start == text.index("排序器")


def test_longest_match_wins(glossary):
    assert found(glossary, "数据可用性层保存数据，数据可用性很重要") == [
        ("data-availability-layer", "数据可用性层"),
        ("data-availability", "数据可用性"),
    ]
    assert found(glossary, "OP 代币和 OP Mainnet") == [("op-token", "OP 代币"), ("op-mainnet", "OP Mainnet")]


def test_all_caps_identifier_is_case_sensitive_and_on_word_boundaries(glossary):
    assert found(glossary, "OPEN the door, op is short, Op too, but OP rises") == [("op-token", "OP")]
    assert found(glossary, "OPs") == [("op-token", "OPs")]
    assert found(glossary, "the evm and EVM") == [("evm", "EVM")]


def test_camel_case_identifier_is_case_sensitive(glossary):
    assert found(glossary, "l1standardbridge vs L1StandardBridge") == [("l1-standard-bridge", "L1StandardBridge")]
    assert found(glossary, "MyL1StandardBridge L1StandardBridgeV2") == []


def test_prose_terms_ignore_case(glossary):
    assert found(glossary, "the sequencer, the SEQUENCER, Smart Contract") == [
        ("sequencer", "sequencer"),
        ("sequencer", "SEQUENCER"),
        ("smart-contract", "Smart Contract"),
    ]


def test_plain_plural(glossary):
    assert found(glossary, "Sequencers and smart contracts and EVMs") == [
        ("sequencer", "Sequencers"),
        ("smart-contract", "smart contracts"),
        ("evm", "EVMs"),
    ]
    assert found(glossary, "Sequencerss Sequencerx") == []
    assert found(glossary, "EVMS") == []  # an upper-case S is not a plural of an identifier


def test_latin_terms_need_word_boundaries_but_chinese_neighbours_are_fine(glossary):
    assert found(glossary, "preSequencer Sequencer_x Sequencer2") == []
    assert found(glossary, "由Sequencer负责，交给Batcher。") == [("sequencer", "Sequencer"), ("batcher", "Batcher")]


def test_separator_variants(glossary):
    assert found(glossary, "Layer2、layer-2 和 Layer 2") == [
        ("layer-2", "Layer2"),
        ("layer-2", "layer-2"),
        ("layer-2", "Layer 2"),
    ]
    assert found(glossary, "OP主网") == [("op-mainnet", "OP主网")]


def test_apostrophe_term(glossary):
    assert found(glossary, "the Citizens' House votes") == [("citizens-house", "Citizens' House")]


def test_never_inside_code(glossary):
    text = (
        "Sequencer `Sequencer 排序器` ``a ` Batcher`` 排序器\n"
        "```solidity\nSequencer 排序器\n```\n"
        "  ~~~~\n  Batcher\n  ~~~~\n"
        "> ```\n> 欺诈证明\n> ```\n"
        "after 欺诈证明\n"
    )
    assert found(glossary, text) == [("sequencer", "Sequencer"), ("sequencer", "排序器"), ("fraud-proof", "欺诈证明")]
    assert glossary.find(text)[-1].start == text.rindex("欺诈证明")


def test_unclosed_fence_runs_to_the_end_and_crlf_fences_close(glossary):
    assert found(glossary, "排序器\n```\nSequencer\n排序器") == [("sequencer", "排序器")]
    assert found(glossary, "```\r\nSequencer\r\n```\r\nBatcher\r\n") == [("batcher", "Batcher")]


def test_unpaired_backtick_does_not_hide_text(glossary):
    assert found(glossary, "a ` b Sequencer\n\nnext ` Batcher") == [("sequencer", "Sequencer"), ("batcher", "Batcher")]


def test_never_inside_urls_or_link_targets(glossary):
    text = (
        "see https://docs.optimism.io/stack/sequencer and <https://example.com/Batcher> "
        "or docs.optimism.io/batcher, www.evm.org, [Sequencer guide](https://x.dev/Sequencer \"Batcher\")。"
        "链接：https://l2beat.com/排序器 仍是排序器"
    )
    assert found(glossary, text) == [("sequencer", "Sequencer"), ("sequencer", "排序器"), ("sequencer", "排序器")]


def test_user_terms_win_a_shared_form():
    bundled = Term(id="verifier", en="Verifier", zh="验证者")
    mine = Term(id="my-validator", en="Validator", zh="验证者", origin="user")
    matcher = Matcher([bundled, mine], preferred=["my-validator"])
    assert [m.term_id for m in matcher.find("验证者")] == ["my-validator"]
    assert [m.term_id for m in Matcher([bundled, mine]).find("Verifier")] == ["verifier"]


def test_line_and_column_helpers():
    text = "第一行\r\nsecond 行\n\nfourth"
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        assert index.line_col(offset) == line_col(text, offset)
    assert index.line_col(text.index("行", 4)) == (2, 8)
    assert index.line_col(text.index("fourth")) == (4, 1)


_GLOSSARY = load_glossary(bundled_dir=Path(__file__).resolve().parent / "data", include_user=False)
_FILLER = st.text(alphabet="的是在和了 ,.\n学习今天abc", max_size=8)


_FORMS = ["排序器", "Sequencer", "数据可用性层", "欺诈证明", "OP Mainnet", "L1StandardBridge"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_FILLER, st.sampled_from(_FORMS)), max_size=6), _FILLER)
def test_embedded_terms_are_all_found_in_order(pieces, tail):
    glossary = _GLOSSARY
    text = ""
    expected = []
    for filler, form in pieces:
        # A space keeps a Latin form off a Latin neighbour; Chinese forms need no separator.
        text += filler + " "
        expected.append((text.__len__(), form))
        text += form + " "
    text += tail
    matches = glossary.find(text)
    assert [(m.start, m.text) for m in matches] == expected
    for m in matches:
        assert glossary.lookup(m.text).id == m.term_id


# An independent, slow reference: try every form at every position, then pick leftmost-longest.
_REF_TERMS = [
    Term(id="ab", en="ab"),
    Term(id="abc", en="abc"),
    Term(id="bcd", en="bcd"),
    Term(id="op", en="OP"),
    Term(id="shu", zh="数据"),
    Term(id="shu-ke", zh="数据可用"),
    Term(id="ke-ceng", zh="可用性层"),
    Term(id="ke", zh="可用"),
]


def _reference(text: str) -> list[tuple[int, int, str]]:
    candidates = []
    word = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
    for term in _REF_TERMS:
        for form in term.forms:
            sensitive = form.isupper()
            for plural in ("", "s"):
                if plural and not (form[-1].isascii() and form[-1].isalpha()):
                    continue
                full = form + plural
                for start in range(len(text) - len(full) + 1):
                    piece = text[start : start + len(full)]
                    if sensitive or plural:
                        if piece[: len(form)] != form if sensitive else piece[: len(form)].lower() != form.lower():
                            continue
                        if plural and piece[-1] != "s":
                            continue
                    elif piece.lower() != full.lower():
                        continue
                    end = start + len(full)
                    if full[0] in word and start and text[start - 1] in word:
                        continue
                    if full[-1] in word and end < len(text) and text[end] in word:
                        continue
                    candidates.append((start, -end, term.id))
    out = []
    last = -1
    for start, neg_end, term_id in sorted(candidates):
        if start >= last:
            out.append((start, -neg_end, term_id))
            last = -neg_end
    return out


_PIECES = ["a", "b", "c", "d", "s", "ab", "bcd", "OP", "op", " ", "数据", "可用", "性层", "可", "é", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_matcher_agrees_with_a_brute_force_reference(pieces):
    text = "".join(pieces)
    matcher = _REF_MATCHER
    assert [(m.start, m.end, m.term_id) for m in matcher.find(text)] == _reference(text)


_REF_MATCHER = Matcher(_REF_TERMS)


def test_an_empty_glossary_matches_nothing():
    assert Matcher([]).find("排序器 Sequencer") == []
    assert Matcher([Term(id="blank", en="  ")]).find("  ") == []


def test_match_case_terms_are_names_not_ordinary_words():
    base = Term(id="base", en="Base", zh="Base 链", match_case=True)
    scroll = Term(id="scroll", en="Scroll", aliases_en=("Scroll zkEVM",), match_case=True)
    fee = Term(id="base-fee", en="base fee")
    matcher = Matcher([base, scroll, fee])
    text = "Base and Scrolls; the base of it; scroll down; BASE; Base 链; the base fee; Scroll zkEVM"
    assert [(m.term_id, m.text) for m in matcher.find(text)] == [
        ("base", "Base"),
        ("scroll", "Scrolls"),
        ("base", "Base 链"),
        ("base-fee", "base fee"),
        ("scroll", "Scroll zkEVM"),
    ]


def test_mixed_case_identifiers_match_their_ordinary_spellings():
    dapp = Term(id="dapp", en="decentralized application", aliases_en=("dApp",))
    zk = Term(id="zksync", en="zkSync")
    op = Term(id="op", en="OP")
    matcher = Matcher([dapp, zk, op])
    text = "dApp, DApp, DAPP and dApps, DApps; not dAPP or Dapp-x; ZkSync ZKSYNC zksync; Op OP"
    assert [(m.term_id, m.text) for m in matcher.find(text)] == [
        ("dapp", "dApp"),
        ("dapp", "DApp"),
        ("dapp", "DAPP"),
        ("dapp", "dApps"),
        ("dapp", "DApps"),
        ("zksync", "ZkSync"),
        ("zksync", "ZKSYNC"),
        ("op", "OP"),
    ]


def test_english_plurals_with_es_and_ies():
    terms = [
        Term(id="dex", en="DEX"),
        Term(id="hash", en="hash"),
        Term(id="address", en="address"),
        Term(id="proxy", en="proxy contract", aliases_en=("proxy",)),
        Term(id="key", en="key"),
        Term(id="tx", en="tx"),
        Term(id="lst", en="LST"),
    ]
    matcher = Matcher(terms)
    text = "DEXs and DEXes, hashes, addresses, proxies, proxy contracts, keys, txes, txs, LSTs; "
    text += "not DEXES, proxyies, keies"
    assert [(m.term_id, m.text) for m in matcher.find(text)] == [
        ("dex", "DEXs"),
        ("dex", "DEXes"),
        ("hash", "hashes"),
        ("address", "addresses"),
        ("proxy", "proxies"),
        ("proxy", "proxy contracts"),
        ("key", "keys"),
        ("tx", "txes"),
        ("tx", "txs"),
        ("lst", "LSTs"),
    ]


def test_full_width_letters_and_digits_match_with_the_callers_offsets():
    matcher = Matcher([Term(id="evm", en="EVM"), Term(id="layer-2", en="Layer 2", aliases_en=("L2",))])
    text = "在ＥＶＭ上，Ｌ２和 L2，以及 Ｌａｙｅｒ２。"
    matches = matcher.find(text)
    assert [(m.term_id, m.text) for m in matches] == [
        ("evm", "ＥＶＭ"),
        ("layer-2", "Ｌ２"),
        ("layer-2", "L2"),
        ("layer-2", "Ｌａｙｅｒ２"),
    ]
    assert all(text[m.start : m.end] == m.text for m in matches)
    assert matcher.find("ＯＰＥＮ") == []  # still a whole word


def test_full_width_letters_far_into_a_long_text_and_in_a_form():
    """The search of each piece of a long text tells whether it holds full-width letters; a form written
    with them (the text's are made ASCII first) is found in neither spelling, and disturbs nothing."""
    matcher = Matcher([Term(id="evm", en="EVM"), Term(id="wide", en="ＷＩＤＥ"), Term(id="zk", en="ZK")])
    filler = "以太坊上的一行字 EVM。\n" * 2_000
    line = "在ＥＶＭ上用 ＺＫ，ＷＩＤＥ 与 WIDE。\n"
    text = filler + line + filler
    marks = [(m.term_id, m.text, m.start) for m in matcher.find(text)]
    middle = len(filler)
    assert [mark for mark in marks if middle <= mark[2] < middle + len(line)] == [
        ("evm", "ＥＶＭ", middle + 1),
        ("zk", "ＺＫ", middle + 7),
    ]
    assert len(marks) == 2 * 2_000 + 2
    assert all(text[start : start + len(written)] == written for _, written, start in marks)


def test_a_one_character_chinese_term_is_marked_only_as_a_word_of_its_own():
    """聪 (satoshi) is also the first character of 聪明 (clever): a lone character is marked only where no
    other Chinese character joins it into a word, a number or 个 before it and 的 after it excepted."""
    matcher = Matcher([
        Term(id="satoshi", en="satoshi", zh="聪"),
        Term(id="bridge", zh="桥"),
        Term(id="cross-chain-bridge", zh="跨链桥"),
    ])

    def marked(text):
        return [(m.term_id, m.text, m.start) for m in matcher.find(text)]

    assert marked("他很聪明，一个聪明的人，中本聪，每一聪编号") == []
    assert marked("1聪") == [("satoshi", "聪", 1)]
    assert marked("一万聪") == [("satoshi", "聪", 2)]
    assert marked("手续费 1000 聪。") == [("satoshi", "聪", 9)]
    assert marked("一万聪的手续费") == [("satoshi", "聪", 2)]
    assert marked("写入单个聪（satoshi）") == [("satoshi", "聪", 4), ("satoshi", "satoshi", 6)]
    assert marked("「聪」") == [("satoshi", "聪", 1)]
    assert marked("桥 (bridge)、跨链桥、桥梁、这座桥") == [("bridge", "桥", 0), ("cross-chain-bridge", "跨链桥", 11)]
