"""The Anki export opened back as what it is: a zip holding an SQLite collection."""

from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest

from studyreader.errors import StudyReaderError
from studyreader.glossary import Term
from studyreader.review.anki import DECK_ID, FIELDS, MODEL_ID, export_apkg, note_guid
from studyreader.review.cards import Direction, card_face, faces_for_sightings, find_sightings


def read_apkg(path, tmp_path):
    """notes (guid -> dict of fields, tags), model ids, deck ids and card count of an .apkg."""
    with zipfile.ZipFile(path) as archive:
        assert "collection.anki2" in archive.namelist()
        target = tmp_path / f"{path.stem}-collection.anki2"
        target.write_bytes(archive.read("collection.anki2"))
    conn = sqlite3.connect(target)
    try:
        models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
        decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
        names = {int(mid): [f["name"] for f in model["flds"]] for mid, model in models.items()}
        notes = {}
        for guid, mid, flds, tags in conn.execute("SELECT guid, mid, flds, tags FROM notes"):
            notes[guid] = {"mid": mid, "fields": dict(zip(names[mid], flds.split("\x1f"))), "tags": tags.split()}
        cards = conn.execute("SELECT COUNT(*), COUNT(DISTINCT did) FROM cards").fetchone()
        card_decks = {r[0] for r in conn.execute("SELECT DISTINCT did FROM cards")}
    finally:
        conn.close()
    return notes, {int(m) for m in models}, {int(d) for d in decks}, cards[0], card_decks


def test_export_writes_both_directions_with_definitions_and_the_example(sample_notes, glossary, tmp_path):
    sightings = find_sightings(sample_notes, glossary)
    out = tmp_path / "terms.apkg"
    count = export_apkg(faces_for_sightings(sightings, glossary), out)
    notes, models, decks, cards, card_decks = read_apkg(out, tmp_path)
    assert count == len(notes) == cards == 2 * len(sightings)  # zh→en and en→zh for every term
    assert MODEL_ID in models and DECK_ID in decks and card_decks == {DECK_ID}
    seq_zh_en = notes[note_guid("sequencer", Direction.ZH_EN)]["fields"]
    assert list(seq_zh_en)[: len(FIELDS)] == list(FIELDS)
    term = glossary.get("sequencer")
    assert seq_zh_en["Key"] == "sequencer/zh-en"
    assert (seq_zh_en["Prompt"], seq_zh_en["English"], seq_zh_en["Chinese"]) == ("排序器", "Sequencer", "排序器")
    assert seq_zh_en["DefinitionEN"] == term.definition_en.replace("&", "&amp;").replace("<", "&lt;")
    assert seq_zh_en["DefinitionZH"] == term.definition_zh
    assert seq_zh_en["Example"] == "Sequencer（排序器）：接收用户交易，排序并生成 L2 区块。"
    assert seq_zh_en["ExampleDate"] == "2025-01-07"
    seq_en_zh = notes[note_guid("sequencer", Direction.EN_ZH)]
    assert seq_en_zh["fields"]["Prompt"] == "Sequencer"
    assert "studyreader::en-zh" in seq_en_zh["tags"]


def test_exporting_again_keeps_every_id(sample_notes, glossary, tmp_path):
    faces = faces_for_sightings(find_sightings(sample_notes, glossary), glossary)
    first, second = tmp_path / "one.apkg", tmp_path / "two.apkg"
    export_apkg(faces, first, timestamp=1_700_000_000)
    export_apkg(list(reversed(faces)), second, timestamp=1_800_000_000)  # another day, another order
    notes_1, models_1, decks_1, _, _ = read_apkg(first, tmp_path)
    notes_2, models_2, decks_2, _, _ = read_apkg(second, tmp_path)
    assert set(notes_1) == set(notes_2) and len(notes_1) == len(faces) * 2 // 3
    assert notes_1 == notes_2
    assert models_1 == models_2 and decks_1 == decks_2
    # the GUID is a function of the term and the direction only: a term with edited text keeps it
    assert note_guid("sequencer", "zh-en") == note_guid("sequencer", Direction.ZH_EN) != note_guid("sequencer", "en-zh")


def test_text_is_escaped_for_anki(tmp_path):
    term = Term(id="lt", en="A<B", zh="甲&乙", definition_en="Uses <script> & more.", definition_zh="小于号 <")
    out = tmp_path / "escape.apkg"
    export_apkg([card_face(term, Direction.ZH_EN), card_face(term, Direction.DEF_TERM)], out)
    notes, *_ = read_apkg(out, tmp_path)
    assert len(notes) == 1  # definition cards are not exported
    fields = notes[note_guid("lt", "zh-en")]["fields"]
    assert fields["English"] == "A&lt;B" and fields["Chinese"] == "甲&amp;乙"
    assert fields["DefinitionEN"] == "Uses &lt;script&gt; &amp; more."


def test_a_bad_target_is_refused_and_the_old_deck_kept(sample_notes, glossary, tmp_path):
    faces = faces_for_sightings(find_sightings(sample_notes, glossary), glossary)
    with pytest.raises(StudyReaderError, match="no such folder"):
        export_apkg(faces, tmp_path / "missing" / "t.apkg")
    with pytest.raises(StudyReaderError, match="is a folder"):
        export_apkg(faces, tmp_path)
    out = tmp_path / "t.apkg"
    export_apkg(faces, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.apkg"]  # no temporary file left beside it
    assert zipfile.is_zipfile(out)
    _, _, decks, _, _ = read_apkg(out, tmp_path)
    assert DECK_ID in decks
