"""Which terms become cards, on which dates, with which sentence; what each card shows."""

from __future__ import annotations

from datetime import date

import pytest

from studyreader.glossary import Term
from studyreader.notes import load_notes, parse_notes
from studyreader.review.cards import (
    Direction,
    card_face,
    directions_for,
    faces_for_sightings,
    find_sightings,
    sentence_around,
)
from tests.conftest import corpus_files

NOTES = """---
timezone: Asia/Shanghai
---

# 学员

介绍：我想了解 Sequencer 和 Rollup。

<!-- Content_START -->

### 2025.03.02

今天学习 Blob 和 **DisputeGameFactory**。

### 2025.03.01

Sequencer（排序器）负责排序。`Batcher` 在代码里不算。

<!-- Content_END -->
"""


def by_id(sightings):
    return {s.term_id: s for s in sightings}


def test_sample_notes_give_each_term_its_first_entry_date_and_sentence(sample_notes, glossary):
    sightings = find_sightings(sample_notes, glossary)
    found = by_id(sightings)
    assert found["optimistic-rollup"].day == date(2025, 1, 6)
    assert found["challenge-period"].day == date(2025, 1, 6)
    assert found["sequencer"].day == date(2025, 1, 7)
    assert found["sequencer"].sentence == "Sequencer（排序器）：接收用户交易，排序并生成 L2 区块。"
    assert found["sequencer"].line == 28
    assert found["op-node"].day == date(2025, 1, 8)
    # 故障证明 first stands in the 01-08 table, a day before the entry about it: the table row is the sentence.
    assert found["fault-proof"].day == date(2025, 1, 8)
    assert found["fault-proof"].sentence == "结算层 · 在 L1 上确认 L2 的状态 · 故障证明"
    assert found["fault-proof"].mentions == 3
    assert found["dispute-game-factory"].day == date(2025, 1, 9)
    assert "DisputeGameFactory" in found["dispute-game-factory"].sentence
    assert found["superchain"].day == date(2025, 1, 10)
    assert found["superchain"].sentence == "明天计划：读 Superchain 的互操作性文档。"
    # in order of first appearance
    keys = [(s.day, s.offset) for s in sightings]
    assert keys == sorted(keys)
    assert len(found) == len(sightings)
    # the sentence holds the mention it stands for
    mentioned = {m.start: m.text for m in glossary.find(sample_notes.text)}
    for s in sightings:
        assert mentioned[s.offset] in s.sentence, s


def test_only_dated_entries_count_and_the_earliest_date_wins(glossary):
    notes = parse_notes(NOTES)
    found = by_id(find_sightings(notes, glossary))
    # The introduction mentions Sequencer and Rollup: not a study day.
    assert found["sequencer"].day == date(2025, 3, 1)  # the file is newest first; the earlier entry wins
    assert found["sequencer"].sentence == "Sequencer（排序器）负责排序。"
    assert "rollup" not in found
    assert found["dispute-game-factory"].day == date(2025, 3, 2)
    assert found["dispute-game-factory"].sentence == "今天学习 Blob 和 DisputeGameFactory。"
    assert "batcher" not in found  # inside a code span


def test_a_file_without_dated_entries_gives_no_cards(glossary):
    assert find_sightings(parse_notes("# 笔记\n\nSequencer 与 Batcher。\n"), glossary) == []


def test_sentence_is_cut_at_sentence_ends_and_shortened_around_the_mention():
    text = "第一句。第二句提到 Sequencer，然后继续。第三句。"
    start = text.index("Sequencer")
    assert sentence_around(text, start, start + 9) == "第二句提到 Sequencer，然后继续。"
    english = "It starts here. The Sequencer orders v1.2 transactions. Then more."
    start = english.index("Sequencer")
    assert sentence_around(english, start, start + 9) == "The Sequencer orders v1.2 transactions."
    long = "很长" * 200 + "Sequencer" + "很长" * 200
    start = long.index("Sequencer")
    cut = sentence_around(long, start, start + 9, max_chars=60)
    assert "Sequencer" in cut and cut.startswith("…") and cut.endswith("…")
    assert len(cut) <= 62
    listed = "- **Batcher**：提交批次\n"
    assert sentence_around(listed, 4, 11) == "Batcher：提交批次"


def test_directions_follow_what_the_term_has():
    both = Term(id="x", en="Sequencer", zh="排序器", definition_en="Orders transactions.")
    assert directions_for(both) == (Direction.ZH_EN, Direction.EN_ZH, Direction.DEF_TERM)
    english_only = Term(id="y", en="Blob", definition_en="A data blob.")
    assert directions_for(english_only) == (Direction.DEF_TERM,)
    bare = Term(id="z", en="A", zh="甲")
    assert directions_for(bare) == (Direction.ZH_EN, Direction.EN_ZH)


def test_card_faces_show_both_forms_both_definitions_and_the_sentence(sample_notes, glossary):
    sighting = by_id(find_sightings(sample_notes, glossary))["sequencer"]
    term = glossary.get("sequencer")
    zh_en = card_face(term, Direction.ZH_EN, sighting)
    assert (zh_en.prompt, zh_en.prompt_lang, zh_en.answer) == ("排序器", "zh", "Sequencer")
    en_zh = card_face(term, Direction.EN_ZH, sighting)
    assert (en_zh.prompt, en_zh.prompt_lang, en_zh.answer) == ("Sequencer", "en", "排序器")
    for face in (zh_en, en_zh):
        assert face.definition_en == term.definition_en and face.definition_zh == term.definition_zh
        assert face.example == sighting.sentence
        assert (face.example_day, face.example_line) == (date(2025, 1, 7), 28)


def test_the_definition_card_speaks_the_interface_language_and_hides_the_term():
    term = Term(
        id="seq",
        en="Sequencer",
        zh="排序器",
        aliases_zh=("定序器",),
        definition_en="The sequencer orders transactions.",
        definition_zh="排序器（定序器）给交易排序。",
    )
    english = card_face(term, Direction.DEF_TERM, lang="en")
    assert english.prompt == "The ＿＿ orders transactions." and english.prompt_lang == "en"
    assert english.answer == "Sequencer · 排序器"
    chinese = card_face(term, Direction.DEF_TERM, lang="zh_CN")
    assert chinese.prompt == "＿＿（＿＿）给交易排序。" and chinese.prompt_lang == "zh"
    only_english = Term(id="b", en="Blob", zh="数据块", definition_en="Data kept for 18 days.")
    fallback = card_face(only_english, Direction.DEF_TERM, lang="zh")
    assert (fallback.prompt, fallback.prompt_lang) == ("Data kept for 18 days.", "en")


def test_faces_for_sightings_skip_terms_gone_from_the_glossary(sample_notes, glossary):
    sightings = find_sightings(sample_notes, glossary)
    faces = faces_for_sightings(sightings, glossary)
    assert {f.term_id for f in faces} == {s.term_id for s in sightings}
    assert len(faces) == sum(len(directions_for(glossary.get(s.term_id))) for s in sightings)


@pytest.mark.skipif(not corpus_files(), reason="no corpus beside the project")
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.stem)
def test_corpus_terms_are_dated_by_their_first_backlink(path, glossary):
    """Cross-check against the glossary's own backlinks: the card's date is the earliest entry mentioning it."""
    notes = load_notes(path)
    sightings = find_sightings(notes, glossary)
    mentioned = {m.start: m.text for m in glossary.find(notes.text)}
    if notes.entries:
        assert sightings, f"{path.name}: dated entries but not one glossary term"
    for s in sightings:
        links = glossary.backlinks(s.term_id, notes)
        assert links, f"{path.name}: {s.term_id} has no backlink"
        assert s.day == min(link.entry.date for link in links), f"{path.name}: {s.term_id}"
        assert s.mentions == sum(len(link.matches) for link in links)
        assert mentioned[s.offset] in s.sentence, f"{path.name}: {s}"
