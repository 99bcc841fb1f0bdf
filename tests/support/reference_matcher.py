"""The glossary matcher as it was before it moved to a compiled leftmost-longest automaton: the oracle of
tests/glossary/test_matcher_reference.py, which checks that ``Matcher.find`` gives the same marks.

pyahocorasick over the text's UTF-8 bytes reports every key; the checks (word boundaries, case, the
one-character Chinese rule) come before the leftmost-longest selection. The keys a glossary gives come
from the same ``key_table`` as the matcher's (what is compared is how they are found and chosen); the
rest is kept as it was. Not used by the application.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from studyreader.cjk import is_ideograph
from studyreader.glossary.model import Match, Term
from studyreader.glossary.regions import blank_out, excluded_spans
from studyreader.glossary.spelling import WORD_CHARS, key_table

_CONTINUATION = bytes(1 if 0x80 <= b < 0xC0 else 0 for b in range(256))


class ReferenceMatcher:
    """The former ``Matcher``: same constructor and ``find``."""

    def __init__(self, terms: Iterable[Term], *, preferred: Iterable[str] = ()) -> None:
        import ahocorasick

        # Automaton values are small ints, so that the hot loop in find() unpacks nothing: a key with nothing
        # to check maps to the index of its match in self._lengths / self._matches; a key with checks maps to
        # ~i, the index of its candidates in self._checked.
        lengths: list[int] = []  # bytes
        matches: list[tuple[str, int]] = []  # (term id, length in characters)
        slots: dict[tuple[str, int, int], int] = {}
        checked: list[tuple] = []
        automaton = ahocorasick.Automaton()
        table = key_table(terms, preferred)
        for key, unique in table.items():  # keys: lower-cased UTF-8 bytes as Latin-1
            slotted = []
            for term_id, length, check_left, check_right, spans, chars, alone in unique:
                slot = slots.get((term_id, length, chars))
                if slot is None:
                    slot = slots[term_id, length, chars] = len(lengths)
                    lengths.append(length)
                    matches.append((term_id, chars))
                slotted.append((slot, length, check_left, check_right, spans, alone))
            first = slotted[0]
            if not (first[2] or first[3] or first[4] or first[5]):
                # The common case (a Chinese form, or a Latin form with nothing to check): no checks at match time.
                automaton.add_word(key, first[0])
            else:
                automaton.add_word(key, ~len(checked))
                checked.append(tuple(slotted))
        if table:
            automaton.make_automaton()  # an empty trie cannot become an automaton; find() returns [] then
        self._automaton = automaton
        self._checked = checked
        self._lengths = lengths
        self._matches = matches
        self.key_count = len(table)

    @property
    def automaton(self):
        """The pyahocorasick automaton (keys: lower-cased UTF-8 bytes read as Latin-1), for benchmarks."""
        return self._automaton

    def find(self, text: str) -> list[Match]:
        """Every term mention in ``text``, leftmost-longest, non-overlapping, sorted by start."""
        if not text or not self.key_count:
            return []
        plain = blank_out(text, excluded_spans(text))
        data = plain.encode("utf-8", "surrogatepass")
        if _FULL_WIDTH_BYTES.search(data) is not None:
            # One character for one, so offsets are kept; only the rare full-width runs are rewritten.
            data = _FULL_WIDTH.sub(_to_half_width, plain).encode("utf-8", "surrogatepass")
        raw = data.decode("latin-1")
        low = data.lower().decode("latin-1")  # ASCII-only folding keeps every offset
        n = len(low)
        words = WORD_CHARS
        # Leftmost-longest selection while streaming: the automaton reports matches in order of their
        # end, so a new match can only conflict with a tail of the selected ones. It replaces that tail
        # when it starts at or before all of it (then it is longer), else it loses to the earlier start.
        selected: list[tuple[int, int, int]] = []  # (start byte, end byte, slot of the match)
        append = selected.append
        checked = self._checked
        lengths = self._lengths
        last_end = -1
        for end_index, value in self._automaton.iter(low):
            after = end_index + 1
            if value >= 0:
                start = after - lengths[value]
            else:
                for value, length, check_left, check_right, case, alone in checked[~value]:  # noqa: B007, B020 - the accepted candidate's slot is the one kept
                    start = after - length
                    if check_left and start and low[start - 1] in words:
                        continue
                    if check_right and after < n and low[after] in words:
                        continue
                    if case:
                        ok = True
                        for i, j, allowed in case:
                            if raw[start + i : start + j] not in allowed:
                                ok = False
                                break
                        if not ok:
                            continue
                    if alone and not _stands_alone(data, start, after):
                        continue
                    break
                else:
                    continue
            if start >= last_end:
                append((start, after, value))
                last_end = after
                continue
            k = len(selected)
            while k and selected[k - 1][1] > start:
                if selected[k - 1][0] < start:
                    break
                k -= 1
            else:
                del selected[k:]
                append((start, after, value))
                last_end = after
        if not selected:
            return []
        found = self._matches
        # tuple.__new__ builds the NamedTuple without its Python-level __new__: a third of the cost per match.
        new = tuple.__new__
        if n == len(text):  # ASCII: byte offsets are character offsets
            return [new(Match, (found[v][0], text[s:e], s, e)) for s, e, v in selected]
        # Byte offsets to character offsets: count the UTF-8 continuation bytes in between.
        marks = data.translate(_CONTINUATION)
        count = marks.count
        out = []
        append_match = out.append
        pos_b = pos_c = 0
        for s, e, v in selected:
            start_c = pos_c + (s - pos_b) - count(1, pos_b, s)
            term_id, chars = found[v]
            end_c = start_c + chars
            append_match(new(Match, (term_id, text[start_c:end_c], start_c, end_c)))
            pos_b, pos_c = e, end_c
        return out


# A one-character Chinese form (聪, satoshi) is also the first or last character of ordinary words
# (聪明, clever): it is marked only where no other Chinese character joins it into a word, that is
# with no ideograph beside it, except a number or the classifier 个 before it (1聪, 一万聪, 单个聪:
# a unit is counted) and the particle 的 after it (一万聪的手续费).
_NUMBER_BEFORE = frozenset("零〇一二两三四五六七八九十百千万亿几个")
_PARTICLE_AFTER = frozenset("的")


def _stands_alone(data: bytes, start: int, end: int) -> bool:
    """Whether the one-character form at UTF-8 bytes ``data[start:end]`` is a word of its own here."""
    begin = start - 1
    while begin > 0 and 0x80 <= data[begin] < 0xC0:
        begin -= 1
    before = data[max(begin, 0) : start].decode("utf-8", "surrogatepass")
    if before and is_ideograph(before) and before not in _NUMBER_BEFORE:
        return False
    stop = end + 1
    while stop < len(data) and 0x80 <= data[stop] < 0xC0:
        stop += 1
    after = data[end:stop].decode("utf-8", "surrogatepass")
    return not (after and is_ideograph(after) and after not in _PARTICLE_AFTER)


_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_FULL_WIDTH_BYTES = re.compile(rb"\xef(?:\xbc[\x90-\x99\xa1-\xba]|\xbd[\x81-\x9a])")  # the same, in UTF-8


def _to_half_width(match: re.Match) -> str:
    """Full-width letters and digits (ＥＶＭ, Ｌ２) as ASCII: U+FF01..FF5E are U+0021..007E shifted."""
    return "".join(chr(ord(ch) - 0xFEE0) for ch in match.group())

