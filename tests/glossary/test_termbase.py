"""Loading and validating term base files; lookup and search."""

from __future__ import annotations

from pathlib import Path

from studyreader.glossary.termbase import load_glossary, load_subject_file, validate_terms

GOOD_TERM = """
[[term]]
id = "{id}"
en = "{en}"
zh = "{zh}"
category = "concept"
definition_en = "A definition."
definition_zh = "一个定义。"
source = "https://ethereum.org/"
checked = "2026-12-06"
"""


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_fixture_loads_with_subject_and_passes_validation(glossary, fixture_dir):
    assert len(glossary) == 15
    assert glossary.warnings == []
    assert validate_terms(glossary) == []
    subject = glossary.subjects["fixture"]
    assert (subject.name_en, subject.name_zh, subject.path) == ("Fixture", "测试", fixture_dir / "fixture.toml")
    term = glossary.get("op-mainnet")
    assert term.zh == "OP 主网" and term.note_en.startswith("Rated Stage 1")
    assert term.subject == "fixture" and term.origin == "bundled"
    assert [t.id for t in glossary.see_also("batcher")] == ["sequencer", "data-availability"]


def test_validation_reports_every_kind_of_problem(tmp_path):
    body = '[subject]\nid = "x"\nname_en = "X"\nname_zh = "X"\n'
    body += GOOD_TERM.format(id="a", en="Alpha", zh="甲")
    body += GOOD_TERM.format(id="a", en="Beta", zh="乙")  # duplicate id
    body += GOOD_TERM.format(id="c", en="alpha", zh="丙")  # form claimed twice (case ignored)
    body += '\n[[term]]\nid = "d"\nen = "Delta"\nzh = "丁"\ncategory = "nonsense"\ndefinition_en = "D."\n'
    body += 'source = "http://insecure.example/"\nsee_also = ["nowhere"]\nnote_en = "only English"\n'
    body += GOOD_TERM.format(id="e", en="Epsilon", zh="戊").replace('checked = "2026-12-06"\n', "")
    body += GOOD_TERM.format(id="f", en="Phi", zh="己").replace("2026-12-06", "2026-02-30")
    body += GOOD_TERM.format(id="g", en="Gamma", zh="庚").replace("2026-12-06", "6 Dec 2026")
    loaded = load_subject_file(write(tmp_path, "x.toml", body))
    assert loaded.problems == []
    problems = validate_terms(loaded.terms)
    assert "duplicate id 'a'" in problems
    assert "term 'c': form 'alpha' is already claimed by 'a'" in problems
    assert "term 'd': missing definition_zh" in problems
    assert "term 'd': unknown category 'nonsense'" in problems
    assert "term 'd': source is not an https URL: http://insecure.example/" in problems
    assert "term 'd': see_also 'nowhere' is not a term" in problems
    assert "term 'd': note_en and note_zh come as a pair" in problems
    assert "term 'e': missing checked" in problems
    assert "term 'f': checked is not a real date: '2026-02-30'" in problems
    assert "term 'g': checked must be a date written YYYY-MM-DD, not '6 Dec 2026'" in problems


def test_bad_terms_are_skipped_with_their_line(tmp_path):
    body = '[subject]\nid = "x"\nname_en = "X"\nname_zh = "X"\n'
    body += GOOD_TERM.format(id="ok", en="Fine", zh="好")
    body += '\n[[term]]\nid = "Bad Id"\nen = "Bad"\n'
    body += '\n[[term]]\nid = "typo"\nen = "Typo"\naliases_en = "not a list"\ncolour = "red"\n'
    path = write(tmp_path, "x.toml", body)
    glossary = load_glossary(bundled_dir=tmp_path, include_user=False)
    assert list(glossary.terms) == ["ok"]
    text = path.read_text(encoding="utf-8").splitlines()
    bad_line = text.index("[[term]]", 5 + text[5:].index("[[term]]") + 1) + 1
    warnings = [str(w) for w in glossary.warnings]
    assert any(w.startswith(f"{path}: line {bad_line}: id 'Bad Id'") for w in warnings), warnings
    assert any("aliases_en must be a list of strings" in w for w in map(str, glossary.warnings))
    assert any("unknown key 'colour'" in w for w in map(str, glossary.warnings))


def test_a_broken_bundled_file_is_reported_and_the_others_still_load(tmp_path, fixture_dir):
    (tmp_path / "fixture.toml").write_bytes((fixture_dir / "fixture.toml").read_bytes())
    write(tmp_path, "broken.toml", '[subject]\nid = "b"\n\n[[term]]\nid = "x"\nen = "unterminated\n')
    glossary = load_glossary(bundled_dir=tmp_path, include_user=False)
    assert len(glossary) == 15
    assert len(glossary.warnings) == 1
    assert str(glossary.warnings[0]).startswith(f"{tmp_path / 'broken.toml'}: line 6: ")
    assert str(glossary.warnings[0]).endswith("glossary file skipped")


def test_two_subject_files_merge_and_an_id_clash_is_reported(tmp_path, fixture_dir):
    (tmp_path / "a.toml").write_bytes((fixture_dir / "fixture.toml").read_bytes())
    body = '[subject]\nid = "second"\nname_en = "Second"\nname_zh = "第二"\n'
    body += GOOD_TERM.format(id="zk-proof", en="ZK proof", zh="零知识证明")
    body += GOOD_TERM.format(id="sequencer", en="Other", zh="其他")
    write(tmp_path, "b.toml", body)
    glossary = load_glossary(bundled_dir=tmp_path, include_user=False)
    assert set(glossary.subjects) == {"fixture", "second"}
    assert glossary.get("zk-proof").subject == "second"
    assert glossary.get("sequencer").en == "Sequencer"
    assert any("'sequencer' already defined" in w for w in map(str, glossary.warnings))


def test_lookup_either_language_alias_id_case_and_spacing(glossary):
    for text in ("Sequencer", "sequencers", "排序者", "排序器", "sequencer-node", "SEQUENCER NODE", "sequencer"):
        assert glossary.lookup(text).id == "sequencer", text
    assert glossary.lookup("Layer2").id == "layer-2"
    assert glossary.lookup("citizens house").id == "citizens-house"
    assert glossary.lookup("nothing like it") is None
    assert glossary.lookup("  ") is None


def test_search_ranks_exact_then_prefix_then_substring(glossary):
    assert [t.id for t in glossary.search("数据可用性")] == ["data-availability", "data-availability-layer"]
    assert [t.id for t in glossary.search("proof")][:2] == ["fault-proof", "fraud-proof"]
    assert [t.id for t in glossary.search("证明")] == ["fault-proof", "fraud-proof"]
    assert glossary.search("区块") == []
    assert [t.id for t in glossary.search("区块", definitions=True)] == [
        "data-availability-layer",
        "sequencer",
        "smart-contract",
    ]
    assert len(glossary.search("")) == len(glossary)
    assert len(glossary.search("", limit=3)) == 3


def test_suggestions_for_a_typo(glossary):
    assert glossary.suggestions("Sequncer")[0].id == "sequencer"
    assert glossary.suggestions("排序")[0].id == "sequencer"


def test_importing_the_package_stays_light():
    import subprocess
    import sys

    code = (
        "import sys, studyreader.glossary, studyreader.glossary.cli;"
        "print(sorted(m for m in ('ahocorasick', 'tomllib', 'tomli', 'PySide6', 'argostranslate') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_match_case_must_be_a_boolean(tmp_path):
    body = '[subject]\nid = "x"\nname_en = "X"\nname_zh = "X"\n'
    body += GOOD_TERM.format(id="base", en="Base", zh="Base 链") + "match_case = true\n"
    body += GOOD_TERM.format(id="scroll", en="Scroll", zh="Scroll") + 'match_case = "yes"\n'
    path = write(tmp_path, "x.toml", body)
    glossary = load_glossary(bundled_dir=tmp_path, include_user=False)
    assert glossary.get("base").match_case is True
    assert glossary.get("base").to_dict()["match_case"] is True
    assert glossary.get("scroll") is None
    assert [str(w) for w in glossary.warnings] == [f"{path}: line 17: match_case must be true or false"]


def test_default_glossary_and_its_matcher_are_built_once_across_threads(use_fixture_bundle):
    from concurrent.futures import ThreadPoolExecutor

    from studyreader.glossary import default_glossary

    def work(_):
        glossary = default_glossary()
        return glossary, glossary.matcher, [m.term_id for m in glossary.find("排序器和 Sequencer")]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(16)))
    assert len({id(g) for g, _, _ in results}) == 1
    assert len({id(m) for _, m, _ in results}) == 1
    assert all(ids == ["sequencer", "sequencer"] for _, _, ids in results)


def test_substitute_is_true_unless_a_term_says_false_and_must_be_a_boolean(tmp_path):
    body = '[subject]\nid = "x"\nname_en = "X"\nname_zh = "X"\n'
    body += GOOD_TERM.format(id="sequencer", en="Sequencer", zh="排序器")
    body += GOOD_TERM.format(id="state", en="blockchain state", zh="状态") + "substitute = false\n"
    body += GOOD_TERM.format(id="proof", en="proof", zh="证明") + 'substitute = "no"\n'
    body += GOOD_TERM.format(id="vote", en="voting", zh="投票") + "substitute = 0\n"
    path = write(tmp_path, "x.toml", body)
    glossary = load_glossary(bundled_dir=tmp_path, include_user=False)
    assert glossary.get("sequencer").substitute is True
    assert "substitute" not in glossary.get("sequencer").to_dict()  # the default is not written out
    assert glossary.get("state").substitute is False
    assert glossary.get("state").to_dict()["substitute"] is False
    assert glossary.get("proof") is None and glossary.get("vote") is None
    assert [str(w) for w in glossary.warnings] == [
        f"{path}: line 27: substitute must be true or false",
        f"{path}: line 38: substitute must be true or false",
    ]
    assert validate_terms(glossary) == []
