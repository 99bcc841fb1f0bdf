"""Plain value types of the glossary: terms, subjects, matches, line/column lookup."""

from __future__ import annotations

import bisect
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import NamedTuple

# Every key a term may carry in a glossary TOML file, in the order files are written.
TERM_KEYS = (
    "id",
    "en",
    "zh",
    "aliases_en",
    "aliases_zh",
    "category",
    "definition_en",
    "definition_zh",
    "note_en",
    "note_zh",
    "see_also",
    "source",
    "checked",
    "match_case",
    "substitute",
)
LIST_KEYS = frozenset({"aliases_en", "aliases_zh", "see_also"})
# checked: the ISO date (YYYY-MM-DD) on which the definition was last re-read against its source.
# match_case: the Latin forms are proper names that are also ordinary words (Base, Scroll, Cannon):
# match them only as written, never in lower-case prose.
# substitute: the translation aid writes the canonical English in place of the Chinese before
# translating. false for ordinary words that are also terms (共识, 状态): in everyday sentences
# ("达成共识") the translator's own word is right and the term's name would be wrong.
BOOL_KEYS = frozenset({"match_case", "substitute"})

CATEGORIES = (
    "op-contract",
    "op-component",
    "role",
    "concept",
    "scaling",
    "governance",
    "project",
    "upgrade",
    "cryptography",
    "protocol",
    "defi",
    "infrastructure",
    "token",
)


@dataclass(frozen=True)
class Subject:
    """One glossary file: a subject such as web3."""

    id: str
    name_en: str
    name_zh: str
    path: Path | None = None


@dataclass(frozen=True)
class Term:
    """One glossary entry in both languages."""

    id: str
    en: str = ""
    zh: str = ""
    aliases_en: tuple[str, ...] = ()
    aliases_zh: tuple[str, ...] = ()
    category: str = ""
    definition_en: str = ""
    definition_zh: str = ""
    note_en: str = ""
    note_zh: str = ""
    see_also: tuple[str, ...] = ()
    source: str = ""
    checked: str = ""
    match_case: bool = False
    substitute: bool = True
    subject: str = ""
    origin: str = "bundled"  # "bundled" | "user" | "override"

    @property
    def forms(self) -> tuple[str, ...]:
        """Every surface form the matcher knows: canonical forms first, then aliases."""
        seen: dict[str, None] = {}
        for form in (self.en, self.zh, *self.aliases_en, *self.aliases_zh):
            if form and form.strip():
                seen.setdefault(form.strip(), None)
        return tuple(seen)

    def to_dict(self) -> dict[str, object]:
        """The term as a plain dict (JSON output, TOML writing); fields at their default left out."""
        out: dict[str, object] = {}
        for key in TERM_KEYS:
            value = getattr(self, key)
            if key in _TERM_DEFAULTS and value == _TERM_DEFAULTS[key]:
                continue
            out[key] = list(value) if isinstance(value, tuple) else value
        return out


_TERM_DEFAULTS = {f.name: f.default for f in fields(Term) if f.default is not MISSING}


class Match(NamedTuple):
    """A glossary term found in a text: ``text[start:end] == match.text``.

    A NamedTuple rather than a dataclass: a 1 MB file yields tens of thousands of these.
    """

    term_id: str
    text: str
    start: int
    end: int


@dataclass
class LineIndex:
    """Turns string offsets into 1-based (line, column) quickly, for many offsets of one text."""

    text: str
    _starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text`` (columns count characters)."""
    line = text.count("\n", 0, offset) + 1
    last = text.rfind("\n", 0, offset)
    return line, offset - last
