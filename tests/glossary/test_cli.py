"""`studyreader glossary ...` end to end through the real argument parser."""

from __future__ import annotations

import json

import pytest

from studyreader.cli import main

pytestmark = pytest.mark.usefixtures("use_fixture_bundle")

NOTES = """---
timezone: Asia/Shanghai
---
# 笔记

<!-- Content_START -->
### 2025.01.06
今天学习了排序器（Sequencer）和 `Batcher` 的关系。

### 2025.01.07
没有术语。

### 2025.01.08
OP Mainnet 的数据可用性层，还有 Sequencers。
<!-- Content_END -->
"""


@pytest.fixture
def notes_file(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    return path


def run_json(capsys, argv):
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_lookup_plain_text_in_either_language(capsys):
    assert main(["glossary", "lookup", "排序者"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Sequencer · 排序器\n")
    assert "aliases: sequencer node, 排序者" in out
    assert "EN: The node that orders L2 transactions" in out
    assert "中文: 负责为 L2 交易排序" in out
    assert "see also: Batcher (batcher)" in out
    assert "source: https://docs.optimism.io/stack/components" in out
    assert "category: role" in out


def test_lookup_json(capsys):
    data = run_json(capsys, ["glossary", "lookup", "OP 主网", "--json"])
    assert data["id"] == "op-mainnet"
    assert data["en"] == "OP Mainnet" and data["zh"] == "OP 主网"
    assert data["note_zh"].startswith("自 2024 年")
    assert data["source"] == "https://l2beat.com/scaling/projects/op-mainnet"
    assert data["origin"] == "bundled"


def test_unknown_term_exits_1_with_suggestions(capsys):
    assert main(["glossary", "lookup", "Sequncer"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("studyreader: unknown term 'Sequncer'; did you mean: Sequencer (排序器)")


def test_match_json_lines_and_columns(capsys, notes_file):
    data = run_json(capsys, ["glossary", "match", str(notes_file), "--json"])
    rows = [(m["term"], m["text"], m["line"], m["column"]) for m in data["matches"]]
    assert rows == [
        ("sequencer", "排序器", 8, 6),
        ("sequencer", "Sequencer", 8, 10),
        ("op-mainnet", "OP Mainnet", 14, 1),
        ("data-availability-layer", "数据可用性层", 14, 13),
        ("sequencer", "Sequencers", 14, 23),
    ]
    lines = NOTES.splitlines()
    for m in data["matches"]:
        assert lines[m["line"] - 1][m["column"] - 1 :].startswith(m["text"])
    assert data["matches"][0]["en"] == "Sequencer" and data["matches"][0]["zh"] == "排序器"


def test_match_plain_text(capsys, notes_file):
    assert main(["glossary", "match", str(notes_file)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == "8:6\t排序器\tsequencer (Sequencer / 排序器)"


def test_where_lists_the_dated_entries_mentioning_a_term(capsys, notes_file):
    assert main(["glossary", "where", "排序器", str(notes_file)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "2025-01-06\tline 7\t2 mentions",
        "2025-01-08\tline 13\t1 mention",
    ]
    data = run_json(capsys, ["glossary", "where", "batcher", str(notes_file), "--json"])
    assert data["entries"] == []  # only inside a code span
    data = run_json(capsys, ["glossary", "where", "Data Availability Layer", str(notes_file), "--json"])
    assert data["entries"] == [
        {"date": "2025-01-08", "line": 13, "mentions": [{"line": 14, "column": 13, "text": "数据可用性层"}]}
    ]


@pytest.mark.parametrize("command", [["match"], ["where", "Sequencer"]])
def test_missing_file_is_a_clean_error(capsys, tmp_path, command):
    missing = tmp_path / "nope.md"
    assert main(["glossary", *command, str(missing)]) == 2
    assert capsys.readouterr().err == f"studyreader: {missing}: no such file\n"
    assert main(["glossary", *command, str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"studyreader: {tmp_path}: is a folder, not a notes file\n"


def test_add_edit_hide_unhide_remove(capsys):
    assert main(["glossary", "add", "rollup-boost", "--en", "Rollup Boost", "--zh", "汇总加速",
                 "--alias-en", "rbuilder", "--category", "infrastructure", "--definition-en", "A sidecar."]) == 0
    capsys.readouterr()
    data = run_json(capsys, ["glossary", "lookup", "rbuilder", "--json"])
    assert (data["id"], data["origin"], data["category"]) == ("rollup-boost", "user", "infrastructure")

    assert main(["glossary", "edit", "排序器", "--note-en", "One per chain.", "--note-zh", "每条链一个。"]) == 0
    assert "saved sequencer" in capsys.readouterr().out
    data = run_json(capsys, ["glossary", "lookup", "sequencer", "--json"])
    assert data["note_en"] == "One per chain." and data["origin"] == "override"

    assert main(["glossary", "hide", "EVM"]) == 0
    capsys.readouterr()
    assert main(["glossary", "lookup", "EVM"]) == 1
    assert main(["glossary", "unhide", "evm"]) == 0
    assert main(["glossary", "lookup", "EVM"]) == 0
    assert main(["glossary", "remove", "rollup-boost"]) == 0
    assert main(["glossary", "lookup", "rbuilder"]) == 1


def test_add_of_an_existing_id_is_refused(capsys):
    assert main(["glossary", "add", "sequencer", "--en", "Again"]) == 2
    assert "already exists" in capsys.readouterr().err


def test_broken_user_file_is_a_warning_not_a_failure(capsys):
    from studyreader.glossary.termbase import user_glossary_path

    path = user_glossary_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[[term]\n", encoding="utf-8")
    assert main(["glossary", "lookup", "Sequencer"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Sequencer")
    assert captured.err.startswith(f"studyreader: warning: {path}: line 1: ")


def test_search_and_validate(capsys, fixture_dir, tmp_path):
    assert main(["glossary", "search", "证明"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "fault-proof\tFault Proof\t故障证明",
        "fraud-proof\tfraud proof\t欺诈证明",
    ]
    assert main(["glossary", "validate"]) == 0
    assert "15 terms, 0 problems" in capsys.readouterr().err
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[subject]\nid = "b"\n\n[[term]]\nid = "x"\nen = "X"\nzh = "叉"\nsource = "http://x"\n', encoding="utf-8"
    )
    assert main(["glossary", "validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "term 'x': missing definition_en" in out
    assert "term 'x': source is not an https URL: http://x" in out
    assert "term 'x': missing checked" in out


def test_add_with_match_case(capsys, tmp_path):
    assert main(["glossary", "add", "base-chain", "--en", "Base", "--zh", "Base 链", "--match-case"]) == 0
    notes = tmp_path / "n.md"
    notes.write_text("Base 很便宜。the base of it. Base链\n", encoding="utf-8")
    capsys.readouterr()
    data = run_json(capsys, ["glossary", "match", str(notes), "--json"])
    assert [(m["term"], m["text"], m["column"]) for m in data["matches"]] == [
        ("base-chain", "Base", 1),
        ("base-chain", "Base链", 26),
    ]
    assert main(["glossary", "edit", "base-chain", "--no-match-case"]) == 0
    capsys.readouterr()
    data = run_json(capsys, ["glossary", "match", str(notes), "--json"])
    assert [m["text"] for m in data["matches"]] == ["Base", "base", "Base链"]


def test_substitute_round_trip_through_add_edit_lookup_and_the_translation_aid(capsys):
    from studyreader.glossary import default_glossary
    from studyreader.glossary.termbase import user_glossary_path

    assert main(["glossary", "add", "state", "--en", "blockchain state", "--zh", "状态", "--no-substitute"]) == 0
    capsys.readouterr()
    assert "substitute = false" in user_glossary_path().read_text(encoding="utf-8")
    data = run_json(capsys, ["glossary", "lookup", "状态", "--json"])
    assert (data["origin"], data["substitute"]) == ("user", False)
    assert main(["glossary", "lookup", "状态"]) == 0
    assert "kept in Chinese for machine translation" in capsys.readouterr().out
    assert default_glossary().translation_aid().prepare("状态很好")[0] == "状态很好"

    assert main(["glossary", "edit", "state", "--substitute"]) == 0
    capsys.readouterr()
    assert run_json(capsys, ["glossary", "lookup", "state", "--json"])["substitute"] is True
    assert default_glossary().translation_aid().prepare("状态很好")[0] == "blockchain state 很好"

    # A bundled term that does not substitute can be made to, through an override, and back.
    assert run_json(capsys, ["glossary", "lookup", "共识", "--json"])["substitute"] is False
    assert main(["glossary", "edit", "共识", "--substitute"]) == 0
    capsys.readouterr()
    data = run_json(capsys, ["glossary", "lookup", "共识", "--json"])
    assert (data["id"], data["origin"], data["substitute"]) == ("consensus-mechanism", "override", True)
    assert default_glossary().translation_aid().prepare("达成共识")[0] == "达成 consensus mechanism"
    assert main(["glossary", "edit", "consensus-mechanism", "--no-substitute"]) == 0
    capsys.readouterr()
    assert default_glossary().translation_aid().prepare("达成共识")[0] == "达成共识"
    assert main(["glossary", "lookup", "排序器"]) == 0
    assert "kept in Chinese" not in capsys.readouterr().out
