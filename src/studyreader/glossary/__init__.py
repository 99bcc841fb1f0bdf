"""The glossary: a bilingual term base, a fast matcher, user terms, glossary-consistent translation.

No Qt here. Importing this package is cheap: the TOML reader and the
Aho-Corasick automaton are loaded only when a glossary is loaded or matched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from studyreader.glossary.model import LineIndex, Match, Subject, Term, line_col

if TYPE_CHECKING:  # pragma: no cover
    from studyreader.glossary.termbase import Backlink, Glossary

__all__ = [
    "Backlink",
    "Glossary",
    "LineIndex",
    "Match",
    "Subject",
    "Term",
    "default_glossary",
    "line_col",
    "load_glossary",
]

_LAZY = {"Glossary", "Backlink", "load_glossary", "default_glossary"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from studyreader.glossary import termbase

        return getattr(termbase, name)
    raise AttributeError(f"module 'studyreader.glossary' has no attribute {name!r}")
