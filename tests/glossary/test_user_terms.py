"""User terms: add, edit (override bundled), hide; broken user files are survived."""

from __future__ import annotations

import sys

import pytest

from studyreader import paths
from studyreader.errors import StudyReaderError
from studyreader.glossary import default_glossary
from studyreader.glossary.termbase import load_glossary, user_glossary_path
from studyreader.glossary.user import add_term, edit_term, hide_term, remove_term, unhide_term

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

pytestmark = pytest.mark.usefixtures("use_fixture_bundle")


def test_user_file_lives_in_the_config_dir():
    assert user_glossary_path() == paths.config_dir() / "glossary.toml"


def test_add_a_term_and_it_is_loaded_matched_and_looked_up():
    add_term(
        {
            "id": "rollup-boost",
            "en": "Rollup Boost",
            "zh": "Rollup 加速",
            "aliases_zh": ["汇总加速"],
            "definition_en": "A block builder sidecar.",
            "source": "https://docs.optimism.io/",
        }
    )
    data = tomllib.loads(user_glossary_path().read_text(encoding="utf-8"))
    assert data["term"][0]["id"] == "rollup-boost"
    glossary = default_glossary()
    term = glossary.get("rollup-boost")
    assert term.origin == "user" and term.subject == "user"
    assert glossary.lookup("汇总加速").id == "rollup-boost"
    assert [m.term_id for m in glossary.find("今天读了汇总加速和排序器")] == ["rollup-boost", "sequencer"]


def test_add_refuses_existing_ids_and_bad_fields():
    with pytest.raises(StudyReaderError, match="already exists"):
        add_term({"id": "sequencer", "en": "Mine"})
    add_term({"id": "mine", "zh": "我的"})
    with pytest.raises(StudyReaderError, match="already exists"):
        add_term({"id": "mine", "zh": "又一个"})
    with pytest.raises(StudyReaderError, match="needs en or zh"):
        add_term({"id": "empty"})
    with pytest.raises(StudyReaderError, match="https"):
        add_term({"id": "web", "en": "Web", "source": "http://example.com"})
    with pytest.raises(StudyReaderError, match="unknown field 'colour'"):
        add_term({"id": "red", "en": "Red", "colour": "red"})
    with pytest.raises(StudyReaderError, match="unknown category"):
        add_term({"id": "blue", "en": "Blue", "category": "colours"})
    with pytest.raises(StudyReaderError, match="checked must be a date written YYYY-MM-DD"):
        add_term({"id": "dated", "en": "Dated", "checked": "yesterday"})


def test_editing_a_bundled_term_stores_only_the_override_and_keeps_the_rest():
    edit_term("sequencer", definition_en="My own words.", aliases_zh=["排序者", "定序器"])
    stored = tomllib.loads(user_glossary_path().read_text(encoding="utf-8"))["term"]
    assert stored == [{"id": "sequencer", "aliases_zh": ["排序者", "定序器"], "definition_en": "My own words."}]
    term = default_glossary().get("sequencer")
    assert term.origin == "override"
    assert term.definition_en == "My own words."
    assert term.definition_zh == "负责为 L2 交易排序并生成 L2 区块的节点。"  # bundled field kept
    assert [m.term_id for m in default_glossary().find("定序器")] == ["sequencer"]
    edit_term("sequencer", note_en="Usually one per chain.")
    stored = tomllib.loads(user_glossary_path().read_text(encoding="utf-8"))["term"]
    assert len(stored) == 1 and stored[0]["note_en"] == "Usually one per chain."


def test_edit_of_unknown_term_and_of_the_id_is_refused():
    with pytest.raises(StudyReaderError, match="no term 'nope'") as info:
        edit_term("nope", en="Nope")
    assert info.value.exit_code == 1
    with pytest.raises(StudyReaderError, match="cannot be changed"):
        edit_term("sequencer", id="other")
    with pytest.raises(StudyReaderError, match="nothing to change"):
        edit_term("sequencer")


def test_overrides_survive_an_upgrade_of_the_bundled_file(tmp_path, monkeypatch, fixture_dir):
    edit_term("batcher", definition_en="Mine.")
    add_term({"id": "mine", "en": "Mine"})
    hide_term("evm")
    upgraded = tmp_path / "bundle"
    upgraded.mkdir()
    text = (fixture_dir / "fixture.toml").read_text(encoding="utf-8")
    text = text.replace('zh = "批处理器"', 'zh = "批量提交器"')
    (upgraded / "fixture.toml").write_text(text, encoding="utf-8")
    glossary = load_glossary(bundled_dir=upgraded)
    batcher = glossary.get("batcher")
    assert (batcher.zh, batcher.definition_en) == ("批量提交器", "Mine.")
    assert glossary.get("mine") is not None
    assert glossary.get("evm") is None and "evm" in glossary.hidden


def test_an_override_keeps_substitute_across_an_upgrade_and_bad_values_are_refused(tmp_path, fixture_dir):
    edit_term("sequencer", substitute=False)
    stored = tomllib.loads(user_glossary_path().read_text(encoding="utf-8"))["term"]
    assert stored == [{"id": "sequencer", "substitute": False}]
    term = default_glossary().get("sequencer")
    assert (term.origin, term.substitute, term.zh) == ("override", False, "排序器")
    assert default_glossary().translation_aid().prepare("排序器很忙") == ("排序器很忙", [])
    edit_term("sequencer", note_en="Usually one per chain.")  # a later edit keeps the flag
    upgraded = tmp_path / "bundle"
    upgraded.mkdir()
    text = (fixture_dir / "fixture.toml").read_text(encoding="utf-8")
    (upgraded / "fixture.toml").write_text(text.replace('zh = "排序器"', 'zh = "定序器"'), encoding="utf-8")
    term = load_glossary(bundled_dir=upgraded).get("sequencer")
    assert (term.zh, term.substitute, term.note_en) == ("定序器", False, "Usually one per chain.")
    # The other way: a bundled term that does not substitute is made to by the user.
    edit_term("consensus-mechanism", substitute=True)
    assert default_glossary().get("consensus-mechanism").substitute is True
    with pytest.raises(StudyReaderError, match="substitute must be true or false"):
        edit_term("sequencer", substitute="no")
    with pytest.raises(StudyReaderError, match="substitute must be true or false"):
        add_term({"id": "state", "zh": "状态", "substitute": 0})


def test_hide_unhide_remove():
    hide_term("evm")
    glossary = default_glossary()
    assert glossary.get("evm") is None
    assert "evm" in glossary.hidden
    assert glossary.find("EVM") == []
    unhide_term("evm")
    assert default_glossary().get("evm") is not None
    with pytest.raises(StudyReaderError, match="not hidden"):
        unhide_term("evm")
    with pytest.raises(StudyReaderError, match="no term"):
        hide_term("nope")
    edit_term("evm", en="Ethereum VM")
    assert default_glossary().get("evm").en == "Ethereum VM"
    remove_term("evm")
    assert default_glossary().get("evm").en == "EVM"
    with pytest.raises(StudyReaderError, match="no user term"):
        remove_term("evm")


@pytest.mark.parametrize(
    "body, line",
    [
        ('hidden = ["evm"]\n\n[[term]]\nid = "x"\nen = "broken\n', 5),
        ('[[term]]\nid = "a"\nen = "A"\n\n[[term]]\nid = "b"\nen = "B"\nen = "again"\n', 8),
        (b"\xff\xfe not text", 1),
    ],
)
def test_a_broken_user_file_is_reported_with_its_line_and_skipped(body, line):
    path = user_glossary_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    glossary = default_glossary()
    assert len(glossary) == 15  # bundled terms all there, nothing hidden
    assert len(glossary.warnings) == 1
    assert str(glossary.warnings[0]).startswith(f"{path}: line {line}: ")
    assert str(glossary.warnings[0]).endswith("user terms skipped")
    before = path.read_bytes()
    with pytest.raises(StudyReaderError, match=f"line {line}"):
        add_term({"id": "new", "en": "New"})
    assert path.read_bytes() == before  # never overwritten


def test_a_bad_term_in_the_user_file_skips_only_that_term():
    path = user_glossary_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        '[[term]]\nid = "good"\nen = "Good"\n\n[[term]]\nid = "bad"\naliases_en = "x"\n\n[[term]]\nid = "lonely"\n',
        encoding="utf-8",
    )
    glossary = default_glossary()
    assert glossary.get("good").en == "Good"
    assert glossary.get("bad") is None and glossary.get("lonely") is None
    assert f"{path}: line 5: aliases_en must be a list of strings" in [str(w) for w in glossary.warnings]
    assert any("'lonely' is not a bundled term" in w for w in map(str, glossary.warnings))


def test_writes_are_atomic_and_keep_permissions():
    add_term({"id": "one", "en": "One"})
    path = user_glossary_path()
    path.chmod(0o600)
    add_term({"id": "two", "en": "Two"})
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["glossary.toml"]  # no temp files left
    assert path.read_text(encoding="utf-8").startswith("# StudyReader: your own glossary terms.")
