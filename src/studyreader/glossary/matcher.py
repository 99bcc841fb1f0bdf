"""Finding glossary terms in Chinese and English text with one Aho-Corasick automaton.

The automaton holds every surface form of every term, lower-cased, plus the
variants people actually write (English plurals: "rollups", "DEXes", "proxies";
"Layer 2" as "Layer2" or "Layer-2"). One pass over the text yields every
candidate; each is then checked for word boundaries (Latin ends only, so
Chinese forms match as substrings) and for case where the form is an
identifier (CamelCase or ALL CAPS words must match as written, so ``OP`` never
matches ``OPEN`` or prose "op"; a mixed-case word such as ``dApp`` also matches
its sentence-initial and ALL CAPS spellings, ``DApp`` and ``DAPP``) or a name
flagged ``match_case``. A form of one Chinese character (聪, satoshi) is
marked only where it stands as a word of its own, never inside an ordinary word
(聪明, clever): see ``_stands_alone``. Leftmost-longest selection makes
数据可用性层 win over 数据可用性. Full-width letters and digits (ＥＶＭ, Ｌ２) match
like their ASCII forms (each is also a key, so the search itself tells where there are any).
Code blocks, code spans, URLs and link targets are blanked out before the pass,
so offsets stay those of the caller's text.

The automaton is daachorse's character-wise double array (compiled, reporting
character offsets), leftmost-longest over the text ASCII-lower-cased; over 1 MB
of notes its pass is a quarter faster than ahocorasick_rs's, and it builds in a
third of the time without holding the interpreter lock. It chooses before our
checks; where its choice fails them, the keys at that start and the next ones
are looked up in Python until its choices stand again (see ``_resolve``), so the marks are those of leftmost-longest
among the keys that pass; a failed hit within one Latin word skips the word. The
common hit costs a few list lookups: per key, flat lists say whether it needs a
check at all, which word boundaries and which one case-checked slice; hits are
split and the ``Match`` objects built in C loops (``map``/``zip``), with the cyclic
garbage collector paused (none of them is cyclic). A long text is matched a piece
of some thousand characters at a time (see ``_find``). Over 1 MB of notes ``find``
takes 1.27 to 1.4 times pyahocorasick's bare iteration over the same keys
(``benchmarks/glossary_bench.py``; README, "Glossary matching").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import add, itemgetter

from studyreader.cjk import is_ideograph
from studyreader.collector import collector_paused
from studyreader.glossary.model import Match, Term
from studyreader.glossary.regions import blank_out, excluded_spans
from studyreader.glossary.spelling import WORD_CHARS, key_table

_WORD_RUN = re.compile("[A-Za-z0-9_]*")  # the characters of WORD_CHARS
_START, _END, _KEY = itemgetter(0), itemgetter(1), itemgetter(2)  # of the automaton's (start, end, key)
_PIECE_CHARS = 8192  # characters matched at a time at least (see Matcher._find)
_HAS_ASCII = re.compile("[\x00-\x7f]")


class Matcher:
    """Immutable after construction: build it once (off the GUI thread), use it from any thread."""

    def __init__(self, terms: Iterable[Term], *, preferred: Iterable[str] = ()) -> None:
        import daachorse

        # The automaton's keys are characters again (see the module docstring): the table is built on
        # UTF-8 bytes, whose rules (plural endings, boundaries) stay as they were, and each key and its
        # case-checked slices are turned into characters here. A key with nothing to check maps to the
        # index of its match in self._found; a key with checks maps to ~i, its candidates in self._checked.
        found: list[tuple[str, int]] = []  # (term id, length in characters)
        slots: dict[tuple[str, int, int], int] = {}
        checked: list[tuple] = []
        keys: list[str] = []
        values: list[int] = []
        table = key_table(terms, preferred)
        for key, unique in table.items():  # keys: lower-cased UTF-8 bytes as Latin-1
            data = key.encode("latin-1")
            try:
                key_text = data.decode("utf-8")
            except UnicodeDecodeError:
                raise ValueError(f"glossary form {data!r} is not text (a lone surrogate)") from None
            if _FULL_WIDTH.search(key_text):
                continue  # full-width letters are made ASCII in the text before the search: never found
            slotted = []
            for term_id, length, check_left, check_right, spans, chars, alone in unique:
                slot = slots.get((term_id, length, chars))
                if slot is None:
                    slot = slots[term_id, length, chars] = len(found)
                    found.append((term_id, chars))
                case = tuple((_chars_before(data, i), _chars_before(data, j), allowed) for i, j, allowed in spans)
                slotted.append((slot, check_left, check_right, case, alone))
            keys.append(key_text)
            first = slotted[0]
            if not (first[1] or first[2] or first[3] or first[4]):
                values.append(first[0])  # a Chinese form, or a Latin form with nothing to check
            else:
                values.append(~len(checked))
                checked.append(tuple(slotted))
        self._keys = keys
        self._values = values
        self._checked = checked
        self._found = found
        self._ids = [term_id for term_id, _ in found]
        # Per key (the automaton's pattern index), flat lists so that find() checks a hit with a few list
        # lookups. A word boundary is a property of the key, not of its candidates: every candidate's key
        # starts (ends) with the key's own first (last) character, and a plural ends with "s".
        self._first_id = [self._ids[v if v >= 0 else checked[~v][0][0]] for v in values]
        self._left = [key[0] in WORD_CHARS for key in keys]
        self._right = [key[-1] in WORD_CHARS for key in keys]
        # None: the first candidate has nothing but boundaries to check, so it is the one when they pass.
        self._cands = [
            None if v >= 0 or not (checked[~v][0][3] or checked[~v][0][4])
            else tuple((self._ids[slot], case, alone) for slot, _l, _r, case, alone in checked[~v])
            for v in values
        ]
        self._key_text = [None if _HAS_ASCII.search(key) else key for key in keys]
        # The hits find() visits in Python: those with checks, and those whose text is sliced (has ASCII).
        self._visit = [v < 0 or key_text is None for v, key_text in zip(values, self._key_text)]
        # The usual checked candidate, on its own: one candidate, one case-checked slice (a, b, spellings).
        self._singles = [
            cands[0][1][0] if cands is not None and len(cands) == 1 and len(cands[0][1]) == 1 and not cands[0][2]
            else None
            for cands in self._cands
        ]
        self._longest_key = max(map(len, keys), default=0)
        # Lone surrogates in a text cannot reach the automaton: they stand as a character no key holds.
        joined = "".join(keys)
        self._stand_in = next(ch for ch in "\uffff\ufffe\ufdd0\ufdd1\ufdd2" if ch not in joined)
        # Each full-width letter and digit is a key of its own too, after the forms (no form holds one): a
        # piece's one search also tells whether it holds any, as every such character then lies in a hit.
        # An empty pattern list builds no automaton: find() returns [] then.
        self._automaton = (
            daachorse.CharwiseDoubleArrayAhoCorasick(
                keys + _FULL_WIDTH_CHARS, match_kind=daachorse.MATCH_KIND_LEFTMOST_LONGEST
            )
            if keys
            else None
        )
        self.key_count = len(keys)

    @property
    def automaton(self):
        """The daachorse automaton (lower-cased keys, leftmost-longest; find() gives (start, end, key))."""
        return self._automaton

    @property
    def keys(self) -> list[str]:
        """The automaton's keys (forms and variants, ASCII lower-cased), in its pattern order: for benchmarks."""
        return list(self._keys)

    def find(self, text: str) -> list[Match]:
        """Every term mention in ``text``, leftmost-longest, non-overlapping, sorted by start."""
        if not text or not self.key_count:
            return []
        with collector_paused():  # a hit and a Match per mark, none of them cyclic: tens of thousands per MB
            return self._find(text)

    def _find(self, text: str) -> list[Match]:
        spans = excluded_spans(text)
        size = len(text)
        if size <= _PIECE_CHARS:
            return self._find_in(text, blank_out(text, spans), 0)
        # A long text is matched a piece of some thousand characters at a time, each ending after a line
        # break, so that a piece's copies (folded, as UTF-8, the table of offsets daachorse's binding
        # fills for each search: eight bytes per byte of UTF-8, 8 MB for 1 MB of notes) and its hits
        # stay in the processor's cache. The marks are those of the whole text: no key holds a line
        # break (``key_table`` turns every run of white space in a form into one space), so no match
        # straddles two pieces; the line break or the text's end at a piece's ends is neither a word
        # character nor an ideograph, as the piece's own ends are taken to be. Code, URLs and links are
        # found over the whole text; a piece never ends inside one (a line break there is blanked, not
        # seen by the search), so each is blanked in the piece that holds it.
        out: list[Match] = []
        pos = 0
        first = 0  # the first excluded span not in an earlier piece
        count = len(spans)
        while pos < size:
            cut = text.find("\n", pos + _PIECE_CHARS)
            after = first
            while cut != -1:
                while after < count and spans[after][1] <= cut:
                    after += 1
                if after == count or spans[after][0] > cut:
                    break
                cut = text.find("\n", spans[after][1])  # the line break lies in a span: the next one after it
            cut = size if cut == -1 else cut + 1
            while after < count and spans[after][0] < cut:
                after += 1
            piece = text[pos:cut]
            raw = blank_out(piece, [(start - pos, end - pos) for start, end in spans[first:after]])
            out += self._find_in(piece, raw, pos)
            pos = cut
            first = after
        return out

    def _find_in(self, text: str, raw: str, offset: int) -> list[Match]:
        """The marks in ``text`` (``raw``: the same, blanked), their offsets moved on by ``offset``."""
        low = raw.lower() if raw.isascii() else self._utf8(raw).lower().decode("utf-8")  # ASCII folding only
        hits = self._automaton.find(low)
        if not hits:
            return []
        keys = list(map(_KEY, hits))
        if max(keys) >= self.key_count:  # a full-width letter or digit (see __init__): made ASCII, searched again
            raw = _FULL_WIDTH.sub(_to_half_width, raw)  # one character for one, so offsets are kept
            low = self._utf8(raw).lower().decode("utf-8")
            hits = self._automaton.find(low)
            if not hits:
                return []
            keys = list(map(_KEY, hits))
        term_ids = list(map(self._first_id.__getitem__, keys))
        lefts = self._left
        rights = self._right
        all_cands = self._cands
        singles = self._singles
        words = WORD_CHARS
        padded = " " + low + " "  # padded[i + 1] is low[i]; a space beyond either end is no word character
        resolved: list[tuple[int, int, Sequence[Match]]] = []  # (first hit replaced, first hit kept again, marks)
        skip = 0  # hits before this one lie inside a resolution (see below)
        count = len(keys)
        size = len(low)
        # A key without ASCII is the very text it matches (folding, blanking and full-width letters
        # change only ASCII); the others' texts are sliced from the text where their hits pass.
        texts = list(map(self._key_text.__getitem__, keys))
        for i, (start, end, k) in compress(enumerate(hits), map(self._visit.__getitem__, keys)):
            if i < skip:
                continue
            if not ((lefts[k] and padded[start] in words) or (rights[k] and padded[end + 1] in words)):
                single = singles[k]
                if single is not None:
                    if raw[start + single[0] : start + single[1]] in single[2]:
                        texts[i] = text[start:end]
                        continue
                else:
                    cands = all_cands[k]
                    if cands is None:
                        texts[i] = text[start:end]
                        continue
                    for term_id, case, alone in cands:
                        for a, b, allowed in case:
                            if raw[start + a : start + b] not in allowed:
                                break
                        else:
                            if alone and not _stands_alone(raw, start, end):
                                continue
                            term_ids[i] = term_id
                            break
                    else:
                        cands = None
                    if cands is not None:
                        if texts[i] is None:
                            texts[i] = text[start:end]
                        continue
            # A failed hit within one Latin word: its key is word characters only, and so are the shorter keys
            # at its start (its prefixes), which end inside the word and fail the boundary after them; inside
            # a Latin word no key can start (see _resolve). No mark starts in the word: the search resumes at
            # its end, and when no other hit starts before it, the automaton's next choice stands.
            after = i + 1
            if end <= _WORD_RUN.match(low, start).end() <= (hits[after][0] if after < count else size):
                resolved.append((i, after, ()))
                skip = after
                continue
            # The automaton chose this key before our checks. Leftmost-longest among the keys that pass
            # them: shorter keys at this start, then every later start, until the search is back where
            # the automaton's own choices follow (one of them ends at or before it).
            marks: list[Match] = []
            skip = self._resolve(text, raw, low, i, hits, marks.append, offset)
            resolved.append((i, skip, marks))
        # Every Match built at once, in C loops (a hit replaced by a resolution is built and dropped).
        starts = map(_START, hits)
        ends = map(_END, hits)
        if offset:
            starts = map(add, starts, repeat(offset))
            ends = map(add, ends, repeat(offset))
        found = list(map(tuple.__new__, repeat(Match), zip(term_ids, texts, starts, ends)))
        for first, after, marks in reversed(resolved):  # from the end, so the indices before stay
            found[first:after] = marks
        return found

    def _utf8(self, raw: str) -> bytes:
        """``raw`` in UTF-8; lone surrogates cannot reach the automaton and stand as a character no key holds."""
        try:
            return raw.encode("utf-8")
        except UnicodeEncodeError:
            return _SURROGATE.sub(self._stand_in, raw).encode("utf-8")

    def _resolve(
        self, text: str, raw: str, low: str, i: int, hits: list[tuple[int, int, int]], append, offset: int
    ) -> int:
        """Selects, leftmost-longest, the keys that pass the checks from hit ``i``'s start (its key failed)
        until the automaton's choices are ours again (the marks go to ``append``, their offsets moved on
        by ``offset``); returns the index of the first hit that stands.

        From a position q that no automaton match straddles, the automaton's next match is the
        leftmost-longest key from q, as ours would be: from there on its choices stand. Until then each
        position is tried in turn, its keys looked up longest first; inside a Latin word none can pass
        (each starts with a word character and needs a boundary before it), so those are stepped over."""
        new = tuple.__new__
        found = self._found
        words = WORD_CHARS
        size = len(low)
        n = len(hits)
        q, prev_end, _ = hits[i]
        j = i + 1
        top = prev_end - q  # at the failed match's start, only shorter keys
        while True:
            if 0 < q < size and low[q - 1] in words and low[q] in words:
                q = _WORD_RUN.match(low, q).end()
            else:
                best = self._best_at(raw, low, q, top)
                if best is not None:
                    slot, end = best
                    append(new(Match, (found[slot][0], text[q:end], q + offset, end + offset)))
                    q = end
                else:
                    q += 1
            top = size
            while j < n and hits[j][0] < q:
                prev_end = hits[j][1]
                j += 1
            if prev_end <= q:
                return j

    def _best_at(self, raw: str, low: str, pos: int, top: int) -> tuple[int, int] | None:
        """The slot and end of the longest key shorter than ``top`` characters at ``pos`` that passes the checks.

        The keys at ``pos`` come from the automaton, longest first: over a window starting at ``pos``, its
        leftmost-longest match starts at ``pos`` whenever a key of the window's length or less does, and is
        the longest such key; the window then shrinks below it for the next one."""
        automaton = self._automaton
        values = self._values
        width = min(top - 1, self._longest_key)
        while width > 0:
            hits = automaton.find(low[pos : pos + width])
            if not hits or hits[0][0]:
                return None
            _, length, k = hits[0]
            value = values[k]
            if value < 0:
                value = self._accept(value, raw, low, pos, pos + length)
            if value >= 0:
                return value, pos + length
            width = length - 1
        return None

    def _accept(self, value: int, raw: str, low: str, start: int, end: int) -> int:
        """The slot of the first candidate of a checked key that passes at ``low[start:end]``, or -1."""
        words = WORD_CHARS
        for slot, check_left, check_right, case, alone in self._checked[~value]:
            if check_left and start and low[start - 1] in words:
                continue
            if check_right and end < len(low) and low[end] in words:
                continue
            if case and not all(raw[start + i : start + j] in allowed for i, j, allowed in case):
                continue
            if alone and not _stands_alone(raw, start, end):
                continue
            return slot
        return -1


# A one-character Chinese form (聪, satoshi) is also the first or last character of ordinary words
# (聪明, clever): it is marked only where no other Chinese character joins it into a word, that is
# with no ideograph beside it, except a number or the classifier 个 before it (1聪, 一万聪, 单个聪:
# a unit is counted) and the particle 的 after it (一万聪的手续费).
_NUMBER_BEFORE = frozenset("零〇一二两三四五六七八九十百千万亿几个")
_PARTICLE_AFTER = frozenset("的")


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether the one-character form at ``text[start:end]`` is a word of its own here."""
    before = text[start - 1] if start else ""
    if before and is_ideograph(before) and before not in _NUMBER_BEFORE:
        return False
    after = text[end : end + 1]
    return not (after and is_ideograph(after) and after not in _PARTICLE_AFTER)


_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
# Full-width digits and letters, U+FF10..FF19, FF21..FF3A, FF41..FF5A: keys of the automaton (see __init__).
_FULL_WIDTH_CHARS = [chr(c) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))]
_SURROGATE = re.compile("[\ud800-\udfff]")


def _to_half_width(match: re.Match) -> str:
    """Full-width letters and digits (ＥＶＭ, Ｌ２) as ASCII: U+FF01..FF5E are U+0021..007E shifted."""
    return "".join(chr(ord(ch) - 0xFEE0) for ch in match.group())


def _chars_before(data: bytes, offset: int) -> int:
    """How many characters the UTF-8 ``data[:offset]`` holds (``offset`` falls on a character boundary)."""
    return len(data[:offset].decode("utf-8", "surrogatepass"))

