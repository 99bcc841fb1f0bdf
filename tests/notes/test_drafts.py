"""The draft store: what the editor relies on to survive a crash."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from studyreader import paths
from studyreader.notes.drafts import Draft, DraftStore


def test_default_root_is_in_the_data_dir(tmp_path):
    store = DraftStore()
    notes = tmp_path / "notes.md"
    assert store.path_for(notes).parent == paths.data_dir() / "drafts"


def test_save_then_load_round_trips(tmp_path):
    store = DraftStore(tmp_path / "drafts")
    notes = tmp_path / "my notes.md"
    draft = Draft(
        notes_path=str(notes),
        date=date(2025, 1, 8),
        text="今天学习了 **OP Stack**。\r\n第二行",
        mode="replace",
        base="旧内容",
        saved_at=datetime(2025, 1, 8, 12, 30, tzinfo=timezone.utc),
    )
    written = store.save(draft)
    assert written.exists()
    assert written.name.startswith("my_notes-")
    loaded = store.load(notes)
    assert loaded == draft


def test_relative_and_absolute_paths_share_a_draft(tmp_path, monkeypatch):
    store = DraftStore(tmp_path / "drafts")
    (tmp_path / "a").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    store.save(Draft(notes_path="notes.md", date=date(2025, 1, 8), text="x"))
    assert store.load(tmp_path / "a" / "notes.md").text == "x"
    assert store.load(tmp_path / "notes.md") is None


def test_each_notes_file_has_its_own_draft(tmp_path):
    store = DraftStore(tmp_path / "drafts")
    store.save(Draft(notes_path=str(tmp_path / "one" / "notes.md"), date=date(2025, 1, 8), text="one"))
    store.save(Draft(notes_path=str(tmp_path / "two" / "notes.md"), date=date(2025, 1, 8), text="two"))
    assert store.load(tmp_path / "one" / "notes.md").text == "one"
    assert store.load(tmp_path / "two" / "notes.md").text == "two"
    assert len(store.drafts()) == 2


def test_save_replaces_and_discard_forgets(tmp_path):
    store = DraftStore(tmp_path / "drafts")
    notes = tmp_path / "notes.md"
    store.save(Draft(notes_path=str(notes), date=date(2025, 1, 8), text="first"))
    store.save(Draft(notes_path=str(notes), date=date(2025, 1, 8), text="second"))
    assert store.load(notes).text == "second"
    assert list((tmp_path / "drafts").iterdir()) == [store.path_for(notes)]  # no temp files left
    assert store.discard(notes) is True
    assert store.load(notes) is None
    assert store.discard(notes) is False


def test_missing_store_is_empty(tmp_path):
    store = DraftStore(tmp_path / "nowhere")
    assert store.load(tmp_path / "notes.md") is None
    assert store.drafts() == []


def test_unreadable_draft_is_moved_aside_not_deleted(tmp_path):
    store = DraftStore(tmp_path / "drafts")
    notes = tmp_path / "notes.md"
    target = store.path_for(notes)
    target.parent.mkdir(parents=True)
    target.write_bytes(b"{not json")
    assert store.load(notes) is None
    aside = target.with_name(target.name + ".unreadable")
    assert aside.read_bytes() == b"{not json"
    assert not target.exists()


def test_draft_of_another_file_under_the_same_name_is_ignored(tmp_path):
    store = DraftStore(tmp_path / "drafts")
    notes = tmp_path / "notes.md"
    other = Draft(notes_path=str(tmp_path / "elsewhere.md"), date=date(2025, 1, 8), text="x")
    target = store.path_for(notes)
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps(other.to_json()), encoding="utf-8")
    assert store.load(notes) is None


@settings(max_examples=40, deadline=None)
@given(text=st.text(), mode=st.sampled_from(["append", "replace"]))
def test_any_text_survives(tmp_path_factory, text, mode):
    folder = tmp_path_factory.mktemp("drafts")
    store = DraftStore(folder)
    draft = Draft(notes_path=str(folder / "n.md"), date=date(2024, 2, 29), text=text, mode=mode)
    store.save(draft)
    assert store.load(folder / "n.md") == draft


def test_editable_body_is_the_entry_text_without_heading(tmp_path):
    from studyreader.notes import load_notes
    from studyreader.notes.drafts import editable_body

    notes = load_notes(paths.sample_notes())
    body = editable_body(notes, date(2025, 1, 10))
    assert body.startswith("**治理**")
    assert body.endswith("明天计划：读 Superchain 的互操作性文档。")
    assert "###" not in body and "Content_END" not in body
    assert editable_body(notes, date(2030, 1, 1)) is None


def test_editable_body_inside_a_per_entry_wrapper(tmp_path):
    from studyreader.notes import parse_notes
    from studyreader.notes.drafts import editable_body

    text = (
        "<!-- Content_START -->\r\n"
        "### 2025-08-23\r\n"
        "<!-- DAILY_CHECKIN_2025-08-23_START -->\r\n"
        "第一行\r\n\r\n第二行\r\n"
        "<!-- DAILY_CHECKIN_2025-08-23_END -->\r\n"
        "<!-- Content_END -->\r\n"
    )
    notes = parse_notes(text)
    assert editable_body(notes, date(2025, 8, 23)) == "第一行\n\n第二行"


def test_a_drafts_folder_that_is_a_file_is_said_not_raised(tmp_path):
    folder = tmp_path / "drafts"
    folder.write_text("a file", encoding="utf-8")
    store = DraftStore(folder)
    problems = []
    assert store.load(tmp_path / "notes.md", on_problem=problems.append) is None
    assert len(problems) == 1 and str(folder) in str(problems[0]) and "is a file" in str(problems[0])
    assert store.drafts() == [] and store.discard(tmp_path / "notes.md") is False
    try:
        store.save(Draft(notes_path=str(tmp_path / "notes.md"), date=date(2025, 1, 8), text="x"))
    except OSError as error:
        assert str(folder) in str(error) and "is a file" in str(error)
    else:
        raise AssertionError("a draft was written into a file")
    assert folder.read_text(encoding="utf-8") == "a file"


def test_a_draft_holding_null_or_a_list_is_moved_aside_and_said(tmp_path):
    store = DraftStore(tmp_path / "drafts")
    notes = tmp_path / "notes.md"
    target = store.path_for(notes)
    target.parent.mkdir(parents=True)
    for content in ("null", "[1, 2]", '"text"'):
        target.write_text(content, encoding="utf-8")
        problems = []
        assert store.load(notes, on_problem=problems.append) is None
        assert len(problems) == 1 and target.name in str(problems[0]) and content in str(problems[0])
        assert target.with_name(target.name + ".unreadable").read_text(encoding="utf-8") == content
    assert store.drafts() == []
