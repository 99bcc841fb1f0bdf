"""Inline text → sentences the model sees, and the model's output → English that keeps every protected span.

Pure Python. Code spans, URLs, link targets, images, HTML tags and emphasis markers are *opaque*:
they are replaced by placeholders and never sent to the model. Latin-script terms, identifiers and
numbers (``L1StandardBridge``, ``OP Stack``, ``EIP-4844``) are *terms*: the model sees them, and its
output is accepted only if every placeholder and term comes back unchanged. Otherwise the Chinese
runs between them are translated one by one and reassembled around the verbatim spans, so the
guarantee never depends on the model.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from studyreader.cjk import has_cjk

__all__ = [
    "Span",
    "Sentence",
    "protected_spans",
    "split_sentences",
    "prepare_sentence",
    "accept_output",
    "fallback_runs",
    "assemble_fallback",
    "fallback_bodies",
    "placeholder_kinds",
    "restore",
    "MAX_SENTENCE_CHARS",
]

MAX_SENTENCE_CHARS = 160
_TERMINATORS = "。！？；…!?"
_CLOSERS = "”’」』）)]】》〉\"'"
_SOFT_BREAKS = "，、,：:"

# Opaque inline syntax, longest/most specific first. A scan from an opener never runs past the
# next opener of its kind (``[^\[\]…]``, ``(?!<!--)``) or a bounded length (an image's URL may hold
# brackets and parentheses), so a line of unclosed openers is linear.
_OPAQUE_RE = re.compile(
    r"""
      (?P<image>!\[[^\[\]\n]*\]\([^)\n]{0,2048}\))
    | (?P<target>\]\((?:<[^<>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\))
    | (?P<ref>\]\[[^\[\]\n]*\])
    | (?P<footnote>\[\^[^\[\]\n]+\])
    | (?P<autolink><(?:https?|ftp|mailto):[^<>\s]*>)
    | (?P<url>(?:https?://|ftp://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+(?:\([A-Za-z0-9\-._~:/?#@!$&'*+,;=%]*\)[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]*)*)
    | (?P<html><!--(?:(?!<!--).)*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*?)?/?>)
    | (?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,31}|\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6});)
    | (?P<escape>\\[!-/:-@\[-`{-~])
    | (?P<emphasis>\*{1,3}|_{2,3}|~~|==)
    | (?P<linkopen>\[)
    """,
    re.VERBOSE,
)
_WORD = r"[A-Za-z0-9$](?:[A-Za-z0-9_$+#%]|[.\-/'’:](?=[A-Za-z0-9]))*"
_TERM_RE = re.compile(rf"{_WORD}(?:[ \t]+{_WORD})*")
_URL_TAIL = ".,;:!?'\"*_~"
PLACEHOLDER_FORMAT = "⟦{}⟧"
_PLACEHOLDER_RE = re.compile(r"⟦(\d+)⟧")

# Full-width punctuation that stays in English text when the Chinese around it was translated piecewise.
_PUNCT_TO_EN = {
    "，": ", ", "。": ". ", "、": ", ", "；": "; ", "：": ": ", "！": "! ", "？": "? ",
    "（": " (", "）": ") ", "【": " [", "】": "] ", "“": ' "', "”": '" ', "‘": " '", "’": "' ",
    "《": ' "', "》": '" ', "「": ' "', "」": '" ', "『": ' "', "』": '" ', "…": "... ", "—": "-",
    "～": "~", "　": " ",
}


class Span(NamedTuple):
    start: int
    end: int
    kind: str  # "opaque" | "term"
    text: str
    sub: str = ""  # opaque subtype (code, url, target, emphasis, ...)


_BACKTICKS = re.compile("`+")


def _code_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    k = 0
    while True:
        k = text.find("`", k)
        if k == -1:
            return spans
        run = _BACKTICKS.match(text, k).end() - k  # not a slice of the rest: linear in the line
        close = k + run
        while True:
            close = text.find("`" * run, close)
            if close == -1:
                break
            after = close + run
            if after < len(text) and text[after] == "`":  # longer run: not our closer
                close = _BACKTICKS.match(text, after).end()
                continue
            break
        if close == -1:
            k += run
            continue
        spans.append((k, close + run))
        k = close + run


_MAY_PROTECT_RE = re.compile(r"[A-Za-z0-9`<\[\]!*_~=&\\$]")


def protected_spans(text: str) -> list[Span]:
    """Opaque spans and Latin terms of one line of inline Markdown, sorted and non-overlapping."""
    if not _MAY_PROTECT_RE.search(text):
        return []  # plain Chinese: the common case, kept cheap
    spans: list[Span] = []
    taken = [False] * (len(text) + 1)

    def add(start: int, end: int, kind: str, sub: str = "") -> None:
        if start >= end or any(taken[start:end]):
            return
        for k in range(start, end):
            taken[k] = True
        spans.append(Span(start, end, kind, text[start:end], sub))

    for start, end in _code_spans(text):
        add(start, end, "opaque", "code")
    last_target = max(text.rfind("]("), text.rfind("]["))
    for m in _OPAQUE_RE.finditer(text):
        sub = m.lastgroup or "opaque"
        start, end = m.span()
        if sub == "url":
            while end > start and text[end - 1] in _URL_TAIL:
                end -= 1
        if sub == "linkopen" and last_target < end:
            continue  # a lone "[" is just text
        add(start, end, "opaque", sub)
    for m in _TERM_RE.finditer(text):
        start, end = m.span()
        # a term may not swallow part of an opaque span
        while start < end and taken[start]:
            start += 1
        cut = start
        while cut < end and not taken[cut]:
            cut += 1
        piece = text[start:cut].rstrip(" \t")
        if piece and re.match(_WORD, piece):
            add(start, start + len(piece), "term")
    spans.sort(key=lambda s: s.start)
    return spans


class Sentence(NamedTuple):
    """One unit the model translates: ``text[start:end]`` of a translatable part."""

    start: int
    end: int
    text: str
    spans: tuple[Span, ...]  # offsets relative to the sentence

    @property
    def needs_model(self) -> bool:
        """Only sentences with Chinese outside opaque spans go to the model."""
        return has_cjk(_strip_opaque(self.text, self.spans))


def _strip_opaque(text: str, spans: Sequence[Span]) -> str:
    out, pos = [], 0
    for s in spans:
        if s.kind == "opaque":
            out.append(text[pos:s.start])
            pos = s.end
    out.append(text[pos:])
    return "".join(out)


def split_sentences(text: str, max_chars: int = MAX_SENTENCE_CHARS) -> list[Sentence]:
    """Sentences of one translatable part, split on 。！？；… and line breaks, run-ons capped.

    Splits never fall inside a protected span; whitespace between sentences belongs to none.
    """
    spans = protected_spans(text)
    if not spans and len(text) <= max_chars:
        return _split_plain(text)
    inside = [False] * (len(text) + 1)  # strictly inside a span: no cut here
    covered = [False] * (len(text) + 1)  # any character of a span (lookups stay O(1) per character)
    for s in spans:
        for k in range(s.start + 1, s.end):
            inside[k] = True
        for k in range(s.start, s.end):
            covered[k] = True

    cuts = [0]
    k = 0
    while k < len(text):
        ch = text[k]
        if ch == "\n" and not inside[k]:
            cuts.append(k + 1)
        elif ch in _TERMINATORS and not inside[k] and not covered[k]:
            j = k + 1
            while j < len(text) and (text[j] in _TERMINATORS or text[j] in _CLOSERS):
                j += 1
            cuts.append(j)
            k = j
            continue
        k += 1
    cuts.append(len(text))

    pieces: list[tuple[int, int]] = []
    for a, z in zip(cuts, cuts[1:]):
        pieces.extend(_cap(text, a, z, max_chars, inside, covered, spans))

    sentences = []
    starts = [s.start for s in spans]
    for a, z in pieces:
        while a < z and text[a].isspace():
            a += 1
        while z > a and text[z - 1].isspace():
            z -= 1
        if a >= z:
            continue
        first = bisect.bisect_left(starts, a)
        last = bisect.bisect_left(starts, z, first)
        local = tuple(
            Span(s.start - a, s.end - a, s.kind, s.text, s.sub) for s in spans[first:last] if s.end <= z
        )
        sentences.append(Sentence(a, z, text[a:z], local))
    return sentences


_PLAIN_SENTENCE_RE = re.compile(
    rf"[^{re.escape(_TERMINATORS)}\n]*(?:[{re.escape(_TERMINATORS)}][{re.escape(_TERMINATORS + _CLOSERS)}]*|\n|$)"
)


def _split_plain(text: str) -> list[Sentence]:
    """split_sentences for text without protected spans (no Latin, no Markdown)."""
    sentences = []
    for m in _PLAIN_SENTENCE_RE.finditer(text):
        a, z = m.span()
        while a < z and text[a].isspace():
            a += 1
        while z > a and text[z - 1].isspace():
            z -= 1
        if a < z:
            sentences.append(Sentence(a, z, text[a:z], ()))
    return sentences


def _cap(text: str, a: int, z: int, max_chars: int, inside: list[bool], covered: list[bool], spans: Sequence[Span]):
    """Cut a run-on sentence at soft breaks (，、：) or, failing that, hard at ``max_chars``."""
    while z - a > max_chars:
        limit = a + max_chars
        cut = -1
        for k in range(limit, a + max_chars // 3, -1):
            if text[k - 1] in _SOFT_BREAKS and not inside[k - 1] and not covered[k - 1]:
                cut = k
                break
        if cut == -1:
            cut = limit
            while cut > a + 1 and (inside[cut] or covered[cut - 1] and covered[cut]):
                cut -= 1
            if cut <= a + 1:  # one enormous span: keep it whole
                cut = next((s.end for s in spans if s.start < limit <= s.end), limit)
        yield a, cut
        a = cut
    yield a, z


@dataclass
class Prepared:
    """What the model sees for one sentence, and what must survive its decoding."""

    source: str  # the sentence as written
    model_input: str  # opaque spans replaced by placeholders, glossary terms substituted; the cache key
    opaque: tuple[Span, ...]  # in placeholder order
    terms: tuple[str, ...]  # Latin terms of model_input (after the glossary substitution)
    aid_terms: list = field(default_factory=list)
    term_spans: tuple[tuple[int, int], ...] = ()  # where the terms are in model_input


def prepare_sentence(sentence: Sentence, aid=None) -> Prepared:
    out, pos = [], 0
    opaque = []
    for s in sentence.spans:
        if s.kind != "opaque":
            continue
        out.append(sentence.text[pos:s.start])
        out.append(PLACEHOLDER_FORMAT.format(len(opaque)))
        opaque.append(s)
        pos = s.end
    out.append(sentence.text[pos:])
    masked = "".join(out)
    aid_terms: list = []
    if aid is not None:
        try:
            prepared, found = aid.prepare(masked)
        except Exception:  # a glossary problem must not stop the translation
            logging.getLogger(__name__).exception("glossary aid failed on %r", masked)
        else:
            if all(PLACEHOLDER_FORMAT.format(n) in prepared for n in range(len(opaque))):
                masked, aid_terms = prepared, list(found or [])
    spans = _term_spans(masked)
    terms = tuple(masked[a:z] for a, z in spans)
    return Prepared(sentence.text, masked, tuple(opaque), terms, aid_terms, spans)


def _term_spans(model_input: str) -> tuple[tuple[int, int], ...]:
    """Latin terms of a model input; placeholders are blanked with NULs so no term runs across one."""
    if "⟦" in model_input:
        model_input = _PLACEHOLDER_RE.sub(lambda m: "\0" * len(m.group(0)), model_input)
    return tuple((s.start, s.end) for s in protected_spans(model_input) if s.kind == "term")


def accept_output(prepared_input: str, output: str, terms: Sequence[str] | None = None) -> bool:
    """True when every placeholder and Latin term of the model input survived decoding unchanged.

    ``terms``: the input's Latin terms when already known (``Prepared.terms``).
    """
    if "⟦" in prepared_input:
        for m in set(_PLACEHOLDER_RE.findall(prepared_input)):
            token = PLACEHOLDER_FORMAT.format(m)
            if output.count(token) != prepared_input.count(token):
                return False
    if terms is None:
        terms = [prepared_input[a:z] for a, z in _term_spans(prepared_input)]
    for term in set(terms):
        if output.count(term) < prepared_input.count(term):
            return False
    return True


def fallback_runs(model_input: str, term_spans: Sequence[tuple[int, int]] | None = None) -> list[tuple[str, bool]]:
    """The model input cut into (piece, translate?) around placeholders and terms.

    ``term_spans``: ``Prepared.term_spans`` when already known.
    """
    pieces: list[tuple[str, bool]] = []
    pos = 0
    keep = [(m.start(), m.end()) for m in _PLACEHOLDER_RE.finditer(model_input)]
    keep += list(_term_spans(model_input) if term_spans is None else term_spans)
    keep.sort()
    for start, end in keep:
        if start < pos:
            continue
        if start > pos:
            pieces.append((model_input[pos:start], has_cjk(model_input[pos:start])))
        pieces.append((model_input[start:end], False))
        pos = end
    if pos < len(model_input):
        pieces.append((model_input[pos:], has_cjk(model_input[pos:])))
    return pieces


def _english_punct(text: str) -> str:
    """Full-width punctuation as English punctuation ("），" -> "), "); only for unprotected text."""
    out = "".join(_PUNCT_TO_EN.get(ch, ch) for ch in text)
    out = re.sub(r"(?<![ \t])[ \t]+([,.;:!?)\]}])", r"\1", out)  # only from a run's start: linear
    return re.sub(r"([(\[{])[ \t]+", r"\1", out)


def _split_run(piece: str) -> tuple[str, str, str, str, str]:
    """(leading space, leading punctuation, body to translate, trailing punctuation, trailing space)."""
    core = piece.strip()
    lead, trail = piece[: len(piece) - len(piece.lstrip())], piece[len(piece.rstrip()):]
    first = _WORDISH.search(core)
    if first is None:
        return lead, core, "", "", trail
    last = len(core)
    while not _WORDISH.match(core, last - 1):  # a lazy middle group here backtracked quadratically
        last -= 1
    return lead, core[: first.start()], core[first.start() : last], core[last:], trail


_WORDISH = re.compile(r"[\w\u3400-\u9fff]")


def fallback_bodies(pieces: Sequence[tuple[str, bool]]) -> list[str]:
    """The texts :func:`assemble_fallback` will ask the model for, in order, without duplicates."""
    bodies = []
    for piece, translatable in pieces:
        if translatable:
            body = _split_run(piece)[2]
            if has_cjk(body):
                bodies.append(body)
    return list(dict.fromkeys(bodies))


def assemble_fallback(pieces: Sequence[tuple[str, bool]], translate: Callable[[str], str],
                      glue: Callable[[str], str] = lambda p: "") -> str:
    """Join translated runs and verbatim spans with English spacing.

    ``glue(piece)`` tells whether a verbatim piece binds to its "left" or "right" neighbour
    without a space (emphasis markers), or "" for ordinary spacing.
    """
    texts: list[tuple[str, str, bool]] = []  # (text, glue, protected)
    for piece, translatable in pieces:
        if translatable:
            # leading/trailing Chinese punctuation becomes English punctuation
            lead, head, body, tail, trail = _split_run(piece)
            english = translate(body).strip() if has_cjk(body) else _english_punct(body)
            text = lead + _english_punct(head) + english + _english_punct(tail) + trail
            texts.append((re.sub(r"[ \t]{2,}", " ", text), "", False))
        elif _PLACEHOLDER_RE.fullmatch(piece) or _TERM_RE.fullmatch(piece):
            texts.append((piece, glue(piece), True))  # copied byte for byte
        else:
            texts.append((re.sub(r"[ \t]{2,}", " ", _english_punct(piece)), "", False))
    # Spacing is fixed only where pieces meet, never inside a protected piece.
    out = ""
    prev_glue = ""
    for text, g, protected in texts:
        if not text:
            continue
        if out and out[-1] in " \t" and not protected:
            text = text.lstrip(" \t") if out[-1] in " \t" else text
            if text[:1] in tuple(",.;:!?)]}"):
                out = out.rstrip(" \t")  # "(UTC) ," -> "(UTC),"
        if out and out[-1] in "([{" and not protected:
            text = text.lstrip(" \t")
        if not text:
            continue
        if out and not out[-1].isspace() and not text[0].isspace():
            left, right = out[-1], text[0]
            if prev_glue == "right" or g == "left":
                pass
            elif (left.isalnum() or left in ")]}\"'.,;:!?%`*⟧") and (right.isalnum() or right in "([{\"'`*⟦$#"):
                if not (left in "\"'" and right in ".,;:!?"):
                    out += " "
        elif out and out[-1] in " \t" and text[0] in " \t":
            text = text.lstrip(" \t")
        out += text
        prev_glue = g
    return out.strip(" \t")


def restore(english: str, opaque: Sequence[Span]) -> str:
    """Put the original opaque spans back in place of their placeholders."""
    return _PLACEHOLDER_RE.sub(
        lambda m: opaque[int(m.group(1))].text if int(m.group(1)) < len(opaque) else m.group(0), english
    )


def placeholder_kinds(prepared: Prepared) -> dict[str, str]:
    """Placeholder token → glue direction, for emphasis markers and link brackets."""
    kinds: dict[str, str] = {}
    open_markers: dict[str, bool] = {}
    for n, span in enumerate(prepared.opaque):
        token = PLACEHOLDER_FORMAT.format(n)
        if span.sub == "emphasis":
            is_open = not open_markers.get(span.text, False)
            open_markers[span.text] = is_open
            kinds[token] = "right" if is_open else "left"
        elif span.sub == "linkopen":
            kinds[token] = "right"
        elif span.sub in ("target", "ref", "footnote"):
            kinds[token] = "left"
    return kinds
