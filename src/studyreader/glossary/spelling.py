"""How a term's written forms are matched in notes: the words whose case counts, separator variants,
English plurals, and the table of keys a matcher's automaton is built from.

The matcher, the translation aid (which checks that a term came through translation) and the
matcher's test oracle follow these same rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from studyreader.cjk import is_ideograph
from studyreader.glossary.model import Term

WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
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


# Priorities: lower wins when two terms claim the same lower-cased key.
_EXPLICIT, _VARIANT = 0, 1


def key_table(terms: Iterable[Term], preferred: Iterable[str] = ()) -> dict[str, list[tuple]]:
    """Every key the terms give, with its candidates, best first and each once.

    A key is a form, a separator variant or an English plural, lower-cased (ASCII only), as UTF-8
    bytes read as Latin-1 (one character per byte: the plural and boundary rules work on bytes).
    A candidate is (term id, length in bytes, check the left boundary, check the right boundary,
    case-checked slices in bytes with their allowed spellings, length in characters, a one-character
    Chinese form that must stand alone). A term in ``preferred`` wins a key it shares with another."""
    preferred_ids = set(preferred)
    table: dict[str, list[tuple]] = {}
    for term in terms:
        rank = 0 if term.id in preferred_ids else 1
        for form in term.forms:
            form = " ".join(form.split())
            if not form:
                continue
            _add(table, term.id, form, (_EXPLICIT, rank), term.match_case)
            for variant in variants(form):
                _add(table, term.id, variant, (_VARIANT, rank), term.match_case)
    for key, candidates in table.items():
        if len(candidates) == 1:  # most keys
            table[key] = [candidates[0][1]]
        else:
            candidates.sort(key=lambda c: c[0])
            table[key] = list(dict.fromkeys(cand for _, cand in candidates))
    return table


def _add(table: dict, term_id: str, form: str, priority: tuple[int, int], match_case: bool) -> None:
    key = form.encode("utf-8", "surrogatepass").decode("latin-1")
    spans = case_spans(key, match_case)
    check_left = key[0] in WORD_CHARS
    check_right = key[-1] in WORD_CHARS
    length = len(key)
    chars = len(form)  # the match's length in characters (``length`` counts UTF-8 bytes)
    alone = len(form) == 1 and is_ideograph(form)  # 聪 (satoshi), not inside 聪明 (clever)
    cand = (term_id, length, check_left, check_right, spans, chars, alone)
    folded = key.encode("latin-1").lower().decode("latin-1")
    table.setdefault(folded, []).append((priority, cand))
    if not (key[-1].isascii() and key[-1].isalpha()):
        return
    # English plurals, the ending itself in lower case: "Sequencers", "EIPs", "DEXes", "proxies".
    plural_priority = (priority[0], priority[1] + 2)
    last = folded[-1]
    if last != "s":
        plural = (term_id, length + 1, check_left, True, spans + ((length, length + 1, ("s",)),), chars + 1, False)
        table.setdefault(folded + "s", []).append((plural_priority, plural))
    if last in "sxz" or folded.endswith(("ch", "sh")):
        plural = (term_id, length + 2, check_left, True, spans + ((length, length + 2, ("es",)),), chars + 2, False)
        table.setdefault(folded + "es", []).append((plural_priority, plural))
    elif last == "y" and len(folded) > 2 and folded[-2] not in "aeiouy" and not (spans and spans[-1][1] == length):
        # "proxy" -> "proxies": the "y" is replaced, so it must not sit inside a case-checked word.
        spans = spans + ((length - 1, length + 2, ("ies",)),)
        plural = (term_id, length + 2, check_left, True, spans, chars + 2, False)
        table.setdefault(folded[:-1] + "ies", []).append((plural_priority, plural))
