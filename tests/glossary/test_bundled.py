"""The bundled term base (resources/glossary): valid, big enough, covering the subject and the sample notes."""

from __future__ import annotations

import re

import pytest

from studyreader import paths
from studyreader.cjk import has_cjk
from studyreader.glossary.termbase import load_glossary, load_subject_file, validate_terms
from tests.conftest import SHARED_DIR

GLOSSARY_DIR = paths.resources_dir() / "glossary"

# Issue 4's coverage paragraph: (English name, how the sample notes write it — empty when they don't).
SUBJECT_TERMS = {
    "Optimistic Rollup": ["Optimistic Rollup", "乐观汇总"],
    "ZK Rollup": ["ZK Rollup"],
    "zkPorter": ["ZK Porter"],
    "Validium": ["Validium"],
    "Arbitrum": ["Arbitrum"],
    "AnyTrust": ["AnyTrust"],
    "Layer 1": ["Layer 1", "L1"],
    "Layer 2": ["Layer 2", "Layer2", "L2"],
    "Sequencer": ["Sequencer", "Sequencers", "排序者", "排序器"],
    "Verifier": ["Verifiers"],
    "Batcher": ["Batcher"],
    "fraud proof": ["欺诈证明"],
    "challenge period": ["挑战期"],
    "validity proof": ["Validity Proof"],
    "OP Stack": ["OP Stack"],
    "execution layer": ["Execution Layer", "执行层"],
    "consensus layer": ["Consensus Layer", "共识层"],
    "settlement layer": ["Settlement Layer", "结算层"],
    "data availability layer": ["Data Availability Layer", "数据可用性层"],
    "L1StandardBridge": ["L1StandardBridge"],
    "L1ERC721Bridge": ["L1ERC721Bridge"],
    "L1CrossDomainMessenger": ["L1CrossDomainMessenger"],
    "OptimismPortal": ["OptimismPortal"],
    "DisputeGameFactory": ["DisputeGameFactory"],
    "FaultDisputeGame": ["FaultDisputeGame"],
    "SuperchainConfig": ["SuperchainConfig"],
    "SystemConfig": ["SystemConfig"],
    "AnchorStateRegistry": ["AnchorStateRegistry"],
    "DelayedWETH": ["DelayedWETH"],
    "BatchInbox": ["BatchInbox", "Batch Inbox"],
    "Guardian": ["Guardian"],
    "state root": ["状态根"],
    "Stage 0": ["Stage 0"],
    "Stage 1": ["Stage 1"],
    "Stage 2": ["Stage 2"],
    "Optimism Collective": ["Optimism Collective"],
    "Token House": ["Token House"],
    "Citizens' House": ["Citizens' House"],
    "Retro Funding": ["Retro Funding"],
    "Superchain": ["Superchain"],
    "fault proof": ["Fault Proof", "故障证明"],
    "OP Mainnet": ["OP 主网", "OP Mainnet"],
    "Optimism": ["Optimism"],
    "zero-knowledge proof": ["Zero-Knowledge Proof", "零知识证明"],
    "dispute game": ["Dispute Game"],
    "Optimism Foundation": ["Optimism Foundation"],
    "smart contract": ["智能合约"],
    "EVM": ["EVM"],
    "ERC-20": ["ERC20"],
    "NFT": ["NFT"],
    "L2BEAT": ["L2BEAT"],
    "Proposer": ["Proposer"],
    "Challenger": ["Challenger"],
    "blob": ["blob"],
    "EIP-4844": ["EIP-4844"],
    "op-node": ["op-node"],
    "op-geth": ["op-geth"],
}
CORE_TERMS = [
    "transaction", "block", "gas", "account", "wallet", "signature", "hash", "Merkle tree", "consensus",
    "proof of stake", "PoS", "validator", "smart contract", "EVM", "token", "stablecoin", "staking",
    "liquidity", "DEX", "AMM", "oracle", "bridge", "NFT", "ZK proof", "EIP", "mempool", "MEV", "blob",
]
SAMPLE_FILES = [SHARED_DIR / "sample-notes.md", paths.sample_notes()]

_FENCE = re.compile(r"^[ \t>]*(```|~~~).*?^[ \t>]*\1[^\n]*$", re.MULTILINE | re.DOTALL)
_CODE = re.compile(r"`[^`\n]+`")
_URL = re.compile(r"https?://[^\s)>）]+|\]\([^)]*\)")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Code and URLs, found independently of the matcher's own scanner."""
    return [m.span() for rx in (_FENCE, _CODE, _URL) for m in rx.finditer(text)]


@pytest.fixture(scope="module")
def bundled():
    glossary = load_glossary(include_user=False)
    assert glossary.warnings == []
    return glossary


def test_there_is_one_web3_subject_file_with_a_subject_table():
    files = sorted(GLOSSARY_DIR.glob("*.toml"))
    assert [f.name for f in files] == ["web3.toml"]
    subject = load_subject_file(files[0]).subject
    assert (subject.id, subject.name_en, subject.name_zh) == ("web3", "Web3", "Web3")


def test_the_term_base_is_valid_and_big_enough(bundled):
    problems = []
    for path in sorted(GLOSSARY_DIR.glob("*.toml")):
        problems += load_subject_file(path).problems
    problems += validate_terms(bundled)
    assert problems == []
    assert len(bundled) >= 900


def test_every_term_says_when_it_was_checked_against_its_source(bundled):
    undated = [t.id for t in bundled if not re.fullmatch(r"20\d\d-\d\d-\d\d", t.checked) or not t.source]
    assert undated == []


@pytest.mark.parametrize("name", [*SUBJECT_TERMS, *CORE_TERMS])
def test_coverage_term_exists_with_both_definitions_and_a_source(bundled, name):
    term = bundled.lookup(name)
    assert term is not None, f"{name!r} is not in the term base"
    assert term.en and term.zh and term.definition_en and term.definition_zh
    assert term.source.startswith("https://")


def test_facts_that_the_sample_notes_get_wrong_are_corrected(bundled):
    op_mainnet = bundled.lookup("OP Mainnet")
    assert "Stage 1" in op_mainnet.definition_en + op_mainnet.note_en
    anytrust = bundled.lookup("AnyTrust")
    assert "Plasma" in anytrust.note_en and "Arbitrum" in anytrust.definition_en


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_matcher_finds_every_covered_term_in_the_sample_notes(bundled, path):
    if not path.exists():
        pytest.skip(f"{path} is not here")
    text = path.read_text(encoding="utf-8")
    protected = protected_spans(text)
    matches = bundled.find(text)
    found_ids = {m.term_id for m in matches}
    missing = []
    checked = 0
    for name, surfaces in SUBJECT_TERMS.items():
        term = bundled.lookup(name)
        # Occurrences outside code/URLs and not part of a longer term ("Optimism" in "Optimism Collective").
        present = [
            s
            for s in surfaces
            for occ in re.finditer(re.escape(s), text)
            if not any(a <= occ.start() < b for a, b in protected)
            and not any(
                m.start <= occ.start() < m.end and m.end - m.start > len(s) and (term is None or m.term_id != term.id)
                for m in matches
            )
        ]
        if not present:
            continue
        checked += 1
        if term is None or term.id not in found_ids:
            missing.append(name)
    assert missing == []
    assert checked >= 15


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_match_inside_code_or_urls(bundled, path):
    if not path.exists():
        pytest.skip(f"{path} is not here")
    text = path.read_text(encoding="utf-8")
    protected = protected_spans(text)
    inside = [m for m in bundled.find(text) if any(a <= m.start < b for a, b in protected)]
    assert inside == []


def test_bundled_sample_protects_its_code_and_url(bundled):
    text = paths.sample_notes().read_text(encoding="utf-8")
    assert "`L1StandardBridge`" in text and "https://docs.optimism.io/stack/getting-started" in text
    starts = {m.start for m in bundled.find(text)}
    assert text.index("`L1StandardBridge`") + 1 not in starts
    assert text.index("optimism.io/stack") not in starts


def test_every_corpus_file_matches_quickly_and_consistently(bundled):
    from tests.conftest import corpus_files

    files = corpus_files()
    if not files:
        pytest.skip("corpus not here")
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        matches = bundled.find(text)
        assert matches, path.name
        assert all(text[m.start : m.end] == m.text for m in matches)
        assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))


# Issue 15's breadth list: words learners write most that the glossary must mark (as written in the notes).
ISSUE_VOCABULARY = (
    "合约 共识 跨链 零知识 ZK 治理 提案 投票 证明 验证 抵押 借贷 贷款 借款 利率 收益 清算 头寸 债务 储备 兑换 法币 "
    "隔离模式 聚合 激励 审计 升级 隐私 身份 签名 状态 存储 中心化 授权 权限 构建者 包含列表 FOCIL tx hash client "
    "address storage signer msg.sender tx.origin AA Cairo Scarb Sierra UST LUNA Frax Maker Sky Curve Compound "
    "Coinbase PayFi ERC-8004 x402 A2A AP2 MCP Monad EIP-7702 智能体"
).split() + ["agent wallet", "AI agent"]


@pytest.mark.parametrize("word", ISSUE_VOCABULARY)
def test_the_programmes_vocabulary_is_marked_as_one_term(bundled, word):
    matches = bundled.find(word)
    assert [(m.start, m.end) for m in matches] == [(0, len(word))], word


def test_ordinary_spellings_match(bundled):
    def found(text):
        return [(m.term_id, m.text) for m in bundled.find(text)]

    assert {term for term, _ in found("DApp dApp DAPP Dapp dapps DApps")} == {"dapp"}
    assert len(found("DApp dApp DAPP Dapp dapps DApps")) == 6
    assert [text for _, text in found("transactions, rollups, EOAs, DEXs, DEXes, LSTs, stablecoins")] == [
        "transactions", "rollups", "EOAs", "DEXs", "DEXes", "LSTs", "stablecoins",
    ]
    assert found("ＥＶＭ 和 Ｌ２") == [("evm", "ＥＶＭ"), ("layer-2", "Ｌ２")]


def test_short_chinese_terms_do_not_split_longer_terms_or_mark_metaphors(bundled):
    found = [(m.term_id, m.text) for m in bundled.find("智能合约和合约，零知识证明，跨链桥是桥梁，去中心化")]
    assert found == [
        ("smart-contract", "智能合约"),
        ("smart-contract", "合约"),
        ("zero-knowledge-proof", "零知识证明"),
        ("bridge", "跨链桥"),
        ("decentralization", "去中心化"),
    ]


def test_one_character_terms_are_not_marked_inside_ordinary_words(bundled):
    """聪 (satoshi) in 1聪 and 一万聪, never in 聪明 (clever); the same for every one-character form."""
    def marked(text):
        return [(m.term_id, m.text) for m in bundled.find(text)]

    assert marked("他很聪明") == []
    assert marked("1聪") == marked("一万聪") == [("satoshi", "聪")]
    singles = {form for term in bundled.terms.values() for form in term.forms if len(form) == 1 and has_cjk(form)}
    assert "聪" in singles
    for form in singles:
        assert form not in [text for _, text in marked(f"他{form}们")], form
        assert [text for _, text in marked(f"2 {form}")] == [form], form


def test_names_that_are_ordinary_words_stay_unmarked_in_prose(bundled):
    text = "scroll down, in safe mode, a compound interest curve under the sky, Base and Scroll"
    assert [(m.term_id, m.text) for m in bundled.find(text)] == [("base", "Base"), ("scroll", "Scroll")]


def test_marks_per_thousand_characters_stay_readable_on_the_corpus(bundled):
    """Short Chinese terms are in; the ceiling keeps a page from turning into a sea of marks."""
    from tests.conftest import corpus_files

    files = corpus_files()
    if not files:
        pytest.skip("corpus not here")
    chars = marks = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        chars += len(text)
        marks += len(bundled.find(text))
    assert 1000 * marks / chars < 45  # 26.7 with the 410 terms of 2025, 38.3 with the 2026 glossary


def test_ordinary_words_are_marked_but_not_substituted_before_translation(bundled):
    """达成共识 stays Chinese for the translator; specific terms are still written in English."""
    aid = bundled.translation_aid()
    ordinary = "状态 身份 存储 授权 共识 合约 证明 治理 借贷 交易 签名 验证 投票 托管 地址 收益 兑换 权限".split()
    for word in ordinary:
        (match,) = bundled.find(word)  # still a glossary term: marked, with a definition
        assert not bundled.terms[match.term_id].substitute, word
    sentence = "排序器之间达成共识，欺诈证明证明了状态，数据可用性很重要，合约存储了数据。"
    text, terms = aid.prepare(sentence)
    assert text == "Sequencer 之间达成共识，Fraud proof 证明了状态，Data availability 很重要，合约存储了数据。"
    assert [t.term_id for t in terms] == ["sequencer", "fraud-proof", "data-availability"]
    for word in ("区块", "节点", "钱包"):  # the English is simply the same word
        (match,) = bundled.find(word)
        assert bundled.terms[match.term_id].substitute, word
