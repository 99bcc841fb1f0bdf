"""Anki export: the term cards as an ``.apkg`` deck, written with genanki.

One Anki note per term and direction (Chinese → English, English → Chinese),
each with both forms, both definitions and the sentence of the user's notes where
the term first appeared. The model id, the deck id and every note's GUID are
derived from fixed names and the term id + direction, so importing a later export
updates the notes already in Anki instead of adding copies.
"""

from __future__ import annotations

import hashlib
import html
import os
from collections.abc import Iterable
from pathlib import Path

from studyreader.errors import StudyReaderError, os_reason
from studyreader.messages import message
from studyreader.review.cards import CardFace, Direction

DECK_NAME = "StudyReader terms"
EXPORT_DIRECTIONS = (Direction.ZH_EN, Direction.EN_ZH)

FIELDS = ("Key", "Prompt", "English", "Chinese", "DefinitionEN", "DefinitionZH", "Example", "ExampleDate")

_FRONT = '<div class="prompt {{PromptLang}}">{{Prompt}}</div>'
_BACK = (
    '{{FrontSide}}<hr id="answer">'
    '<div class="forms"><span class="en">{{English}}</span> · <span class="zh">{{Chinese}}</span></div>'
    '{{#DefinitionEN}}<div class="def en">{{DefinitionEN}}</div>{{/DefinitionEN}}'
    '{{#DefinitionZH}}<div class="def zh">{{DefinitionZH}}</div>{{/DefinitionZH}}'
    '{{#Example}}<div class="example">{{Example}} <span class="date">{{ExampleDate}}</span></div>{{/Example}}'
)
_CSS = (
    ".card { font-family: sans-serif; font-size: 20px; text-align: center; }\n"
    ".prompt { font-size: 28px; }\n"
    ".def { font-size: 16px; margin-top: 0.6em; text-align: left; }\n"
    ".example { font-size: 15px; margin-top: 0.8em; color: #555; text-align: left; }\n"
    ".date { color: #888; font-size: 13px; }\n"
)


def stable_id(*parts: str) -> int:
    """A positive 63-bit integer from ``parts``: the same parts give the same id on every machine."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> 1 or 1


def note_guid(term_id: str, direction: Direction | str) -> str:
    """The Anki GUID of a term's note in one direction: what makes a later import update it."""
    import genanki

    return genanki.guid_for("studyreader", term_id, Direction(direction).value)


MODEL_ID = stable_id("studyreader", "anki-model", "term-card", "v1")
DECK_ID = stable_id("studyreader", "anki-deck", DECK_NAME)


def _model():
    import genanki

    fields = [*FIELDS, "PromptLang"]
    return genanki.Model(
        MODEL_ID,
        "StudyReader term",
        fields=[{"name": name} for name in fields],
        templates=[{"name": "Term", "qfmt": _FRONT, "afmt": _BACK}],
        css=_CSS,
        sort_field_index=1,  # Anki's browser sorts by the prompt
    )


def _fields(face: CardFace) -> list[str]:
    example_day = face.example_day.isoformat() if face.example_day else ""
    values = (
        f"{face.term_id}/{face.direction.value}",
        face.prompt,
        face.en,
        face.zh,
        face.definition_en,
        face.definition_zh,
        face.example,
        example_day,
        face.prompt_lang,
    )
    return [html.escape(value, quote=False) for value in values]


def export_apkg(faces: Iterable[CardFace], out: str | os.PathLike[str], *, timestamp: float | None = None) -> int:
    """Write the faces in :data:`EXPORT_DIRECTIONS` to ``out`` as an Anki package; returns the note count.

    The file is written beside its target and renamed into place, so an interrupted export
    never leaves half a deck where the last good one was.
    """
    import genanki

    target = Path(out)
    if target.is_dir():
        raise StudyReaderError(message("anki.folder", path=str(target)))
    if not target.parent.is_dir():
        raise StudyReaderError(message("anki.no_folder", path=str(target.parent)))
    model = _model()
    deck = genanki.Deck(DECK_ID, DECK_NAME, description="Glossary terms from your own study notes.")
    count = 0
    for face in faces:
        if face.direction not in EXPORT_DIRECTIONS:
            continue
        tags = ["studyreader", f"studyreader::{face.direction.value}"]
        deck.add_note(
            genanki.Note(model=model, fields=_fields(face), guid=note_guid(face.term_id, face.direction), tags=tags)
        )
        count += 1
    temporary = target.with_name(f".{target.name}.part")
    try:
        genanki.Package(deck).write_to_file(str(temporary), timestamp=timestamp)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise StudyReaderError(message("anki.cannot_write", path=str(target), reason=os_reason(error))) from error
    return count
