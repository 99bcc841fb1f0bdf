"""Which glossary terms the notes mention, since when, in which sentence; and what a card shows.

Pure functions over a :class:`studyreader.notes.Notes` and a
:class:`studyreader.glossary.Glossary`. A term is *sighted* on the date of the
first dated entry that mentions it; the sentence kept is that first mention's.
What a card shows is worked out from the glossary as it is now, so an edited
definition shows at once while the card's history stays (cards are keyed by
term id and direction, never by text).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from studyreader.glossary import Glossary, Term
    from studyreader.notes import Notes

MAX_SENTENCE_CHARS = 200
_TERMINATORS = "。！？；!?"
_MARKUP = re.compile(r"\*\*|__|`|~~|<!--.*?-->")
_LINE_PREFIX = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#+\s+|>\s*)+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


class Direction(str, Enum):
    """What a card asks: the prompt side to the answer side."""

    ZH_EN = "zh-en"  # Chinese term -> English term
    EN_ZH = "en-zh"  # English term -> Chinese term
    DEF_TERM = "def-term"  # definition (interface language) -> the term

    @property
    def rank(self) -> int:
        """Order in which a term's new cards are introduced."""
        return list(Direction).index(self)


@dataclass(frozen=True)
class Sighting:
    """Where a term first appears in the notes: entry date, line, and the sentence around it."""

    term_id: str
    day: date
    line: int  # 1-based line of the mention in the notes text
    offset: int  # character offset of the mention in the notes text
    sentence: str
    mentions: int  # how many times the dated entries mention the term


def find_sightings(notes: Notes, glossary: Glossary) -> list[Sighting]:
    """Every glossary term the dated entries mention, in order of first appearance (date, then position).

    Mentions outside dated entries (the introduction, undated sections) do not count:
    a card is born on the day its term was studied.
    """
    entries = sorted(notes.entries, key=lambda e: e.start)
    if not entries:
        return []
    starts = [e.start for e in entries]
    first: dict[str, tuple[date, int, int]] = {}  # term_id -> (day, offset, end)
    counts: dict[str, int] = {}
    for match in glossary.find(notes.text):
        index = bisect.bisect_right(starts, match.start) - 1
        if index < 0:
            continue
        entry = entries[index]
        if not (entry.start <= match.start and match.end <= entry.end):
            continue
        counts[match.term_id] = counts.get(match.term_id, 0) + 1
        known = first.get(match.term_id)
        if known is None or (entry.date, match.start) < known[:2]:
            first[match.term_id] = (entry.date, match.start, match.end)
    out = [
        Sighting(
            term_id=term_id,
            day=day,
            line=notes.text.count("\n", 0, start) + 1,
            offset=start,
            sentence=sentence_around(notes.text, start, end),
            mentions=counts[term_id],
        )
        for term_id, (day, start, end) in first.items()
    ]
    out.sort(key=lambda s: (s.day, s.offset))
    return out


def sentence_around(text: str, start: int, end: int, max_chars: int = MAX_SENTENCE_CHARS) -> str:
    """The sentence of ``text`` holding ``text[start:end]``, on its line, without Markdown markup.

    Cut at Chinese and Western sentence ends; a table row becomes its cells joined by " · ";
    a sentence longer than ``max_chars`` is shortened around the mention with "…".
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    line = text[line_start:line_end].rstrip("\r")
    a, z = start - line_start, end - line_start
    left = a
    while left > 0 and not _ends_sentence(line, left - 1):
        left -= 1
    right = z
    while right < len(line) and not _ends_sentence(line, right):
        right += 1
    right = min(len(line), right + 1)
    piece, a, z = line[left:right], a - left, z - left
    if len(piece) > max_chars:
        half = max(0, (max_chars - (z - a)) // 2)
        lo = max(0, a - half)
        hi = min(len(piece), max(z + half, lo + max_chars))
        piece = ("…" if lo > 0 else "") + piece[lo:hi] + ("…" if hi < len(piece) else "")
    return _plain(piece)


def _ends_sentence(line: str, k: int) -> bool:
    ch = line[k]
    if ch in _TERMINATORS:
        return True
    # A full stop ends a sentence before a space or the line's end, not inside "v1.2" or "op-node.".
    return ch == "." and (k + 1 == len(line) or line[k + 1] == " ") and k > 0 and not line[k - 1].isdigit()


def _plain(piece: str) -> str:
    if _TABLE_RULE.match(piece):
        return ""
    piece = _MARKUP.sub("", piece)
    piece = _LINE_PREFIX.sub("", piece)
    if piece.strip().startswith("|") or piece.count("|") >= 2:
        piece = " · ".join(cell.strip() for cell in piece.strip().strip("|").split("|") if cell.strip())
    return " ".join(piece.split())


# -------------------------------------------------------------------- what a card shows


def directions_for(term: Term) -> tuple[Direction, ...]:
    """The cards a term can give: both term directions need both forms; the definition card a definition."""
    out: list[Direction] = []
    if term.en and term.zh:
        out += [Direction.ZH_EN, Direction.EN_ZH]
    if (term.definition_en or term.definition_zh) and (term.en or term.zh):
        out.append(Direction.DEF_TERM)
    return tuple(out)


@dataclass(frozen=True)
class CardFace:
    """Everything a review card or an Anki note shows, as plain text.

    ``prompt`` is the front; the back shows both forms, both definitions and the
    sentence of the notes where the term first appeared (``example_day``,
    ``example_line`` let the window jump there).
    """

    term_id: str
    direction: Direction
    prompt: str
    prompt_lang: str  # "zh" or "en": the language of the prompt, for fonts and speech
    answer: str
    en: str
    zh: str
    definition_en: str
    definition_zh: str
    example: str
    example_day: date | None
    example_line: int | None


def card_face(
    term: Term,
    direction: Direction,
    sighting: Sighting | None = None,
    *,
    lang: str = "en",
    example: str = "",
    example_day: date | None = None,
    example_line: int | None = None,
) -> CardFace:
    """The face of one card. ``lang`` is the interface language ("en" or "zh"): the definition card's prompt.

    The example comes from ``sighting`` when given, else from the stored ``example*`` values.
    """
    if sighting is not None:
        example, example_day, example_line = sighting.sentence, sighting.day, sighting.line
    if direction is Direction.ZH_EN:
        prompt, prompt_lang, answer = term.zh, "zh", term.en
    elif direction is Direction.EN_ZH:
        prompt, prompt_lang, answer = term.en, "en", term.zh
    else:
        chinese_first = lang.startswith("zh")
        first, second = (
            (term.definition_zh, term.definition_en) if chinese_first else (term.definition_en, term.definition_zh)
        )
        prompt = first or second
        prompt_lang = ("zh" if chinese_first else "en") if first else ("en" if chinese_first else "zh")
        answer = " · ".join(form for form in (term.en, term.zh) if form)
        # The definition must not give the answer away: the term's forms are blanked out of it.
        for form in sorted(term.forms, key=len, reverse=True):
            prompt = re.sub(re.escape(form), "＿＿", prompt, flags=re.IGNORECASE)
    return CardFace(
        term_id=term.id,
        direction=direction,
        prompt=prompt,
        prompt_lang=prompt_lang,
        answer=answer,
        en=term.en,
        zh=term.zh,
        definition_en=term.definition_en,
        definition_zh=term.definition_zh,
        example=example,
        example_day=example_day,
        example_line=example_line,
    )


def faces_for_sightings(sightings: list[Sighting], glossary: Glossary, *, lang: str = "en") -> list[CardFace]:
    """Every card face the sighted terms give, in order of first appearance then direction."""
    out: list[CardFace] = []
    for sighting in sightings:
        term = glossary.get(sighting.term_id)
        if term is None:
            continue
        out.extend(card_face(term, direction, sighting, lang=lang) for direction in directions_for(term))
    return out
