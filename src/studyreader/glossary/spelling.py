"""How a term's written forms are matched in notes: the words whose case counts, and separator variants.

The matcher, the translation aid (which checks that a term came through translation) and the
matcher's test oracle follow these same rules.
"""

from __future__ import annotations

import re

_LATIN_WORD = re.compile(r"[A-Za-z0-9]+")
_SEPARATORS = re.compile(r"[ \-]+")


def is_identifier_word(word: str) -> bool:
    """CamelCase, mixed (L1StandardBridge, zkSync) or ALL CAPS (OP, EVM): matched case-sensitively."""
    letters = [ch for ch in word if ch.isalpha()]
    if not letters:
        return False
    return any(ch.isupper() for ch in letters[1:])


def spellings(word: str) -> tuple[str, ...]:
    """How an identifier word may be written: as is; a mixed-case word also with its first letter's
    case flipped (dApp/DApp) and in ALL CAPS (DAPP). ALL CAPS words (OP, EVM) only as written."""
    if word.isupper() or not word[0].isalpha():
        return (word,)
    flipped = word[0].swapcase() + word[1:]
    return tuple(dict.fromkeys((word, flipped, word.upper())))


def case_spans(form: str, match_case: bool = False) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """The slices of ``form`` whose case is checked, each with its allowed spellings: its identifier
    words, or every word exactly as written (match_case names: Base, never BASE or base)."""
    spans = []
    for m in _LATIN_WORD.finditer(form):
        word = m.group()
        if match_case and any(ch.isalpha() for ch in word):
            spans.append((m.start(), m.end(), (word,)))
        elif is_identifier_word(word):
            spans.append((m.start(), m.end(), spellings(word)))
    return tuple(spans)


def variants(form: str) -> list[str]:
    """Separator variants people write for multi-word forms: "Layer 2", "Layer2", "Layer-2"."""
    parts = [p for p in _SEPARATORS.split(form) if p]
    if len(parts) < 2:
        return []
    out = []
    for joiner in (" ", "-", ""):
        joined = joiner.join(parts)
        if joined != form:
            out.append(joined)
    return out
