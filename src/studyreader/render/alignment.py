"""Where a sentence of a block's Markdown ends up in the text the reader shows. Plain Python.

Sentence pairs give character ranges in the Markdown as written; the reader and the editor show
rendered HTML, whose plain text has no markup (``**``, link targets, list markers, heading hashes),
joins Chinese lines broken softly, and may hold characters of its own (paragraph separators, image
placeholders, a flag under the English). :func:`rendered_spans` finds each range in that text by
walking both texts side by side: equal characters pair up; where they differ, the walk skips the
fewest characters on either side after which a few characters agree again, looking a bounded
distance ahead, so the walk is linear in the length of the texts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from studyreader.translate.blocks import Block, SentencePair

__all__ = ["joined_pairs", "rendered_spans", "sentence_spans", "span_at"]

# Markdown that is never shown as text: link targets and references, images, HTML tags and comments,
# entities (the rendered text holds one character instead), the backslash of an escape, emphasis and
# code markers, and the markers at the start of a line (headings, quotes, list items, table rules).
_HIDDEN = (  # compiled on first use (re caches it): the reader imports this module before its first paint
    r"""
      (?m:^[ \t]*(?:>[ \t]?)*(?:\#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+|\|?[-:| \t]{3,}$))
    | (?m:^[ \t]*(?:>[ \t]?)+)
    | !\[[^\[\]\n]*\]\([^)\n]{0,2048}\)
    | \]\((?:<[^<>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)
    | \]\[[^\[\]\n]*\]
    | <!--.*?-->
    | </?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*?)?/?>
    | &(?:[A-Za-z][A-Za-z0-9]{1,31}|\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6});
    | \\(?=[!-/:-@\[-`{-~])
    | [*_~`\[\]|]+
    """
)
_HIDDEN_FLAGS = re.VERBOSE | re.DOTALL
# white space, and what a rendered document holds between table cells and for an image: all one space
_SPACES = str.maketrans({c: " " for c in "\t\n\r\f\v\u00a0\u2028\u2029\u3000\ufdd0\ufdd1\ufffc"})
_PROBE = 40  # a Markdown whose start is shown verbatim is shown as written
_NEAR = 16  # first look this far ahead for three agreeing characters
_FAR = 400  # then this far for eight (an image placeholder's label, a long link target)


def _visible(markdown: str) -> tuple[str, list[int]]:
    """The Markdown without the syntax that is never shown, and each kept character's offset."""
    kept: list[str] = []
    origin: list[int] = []
    position = 0
    for match in re.finditer(_HIDDEN, markdown, _HIDDEN_FLAGS):
        kept.append(markdown[position:match.start()])
        origin.extend(range(position, match.start()))
        position = match.end()
    kept.append(markdown[position:])
    origin.extend(range(position, len(markdown)))
    return "".join(kept).translate(_SPACES), origin


def _resync(a: str, b: str, i: int, j: int, anchor: int, window: int) -> tuple[int, int] | None:
    """The fewest characters to skip in ``a`` or in ``b`` after which ``anchor`` characters agree."""
    best: tuple[int, int] | None = None
    key = a[i:i + anchor]
    found = b.find(key, j + 1, j + 1 + window + len(key)) if key else -1
    if found != -1:
        best = (i, found)
    key = b[j:j + anchor]
    found = a.find(key, i + 1, i + 1 + window + len(key)) if key else -1
    if found != -1 and (best is None or found - i < best[1] - j):
        best = (found, j)
    return best


def _walk(a: str, b: str) -> list[int]:
    """For each character of ``a``, the index of the character of ``b`` it pairs with (-1: none).

    The indices that are not -1 strictly increase.
    """
    paired = [-1] * len(a)
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            paired[i] = j
            i += 1
            j += 1
            continue
        step = _resync(a, b, i, j, 3, _NEAR) or _resync(a, b, i, j, 8, _FAR)
        if step is None:
            i += 1  # Markdown syntax the pattern does not know: skip it
        else:
            i, j = step
    return paired


def rendered_spans(
    markdown: str, rendered: str, spans: Sequence[tuple[int, int]]
) -> list[tuple[int, int] | None]:
    """Each ``[start, end)`` range of ``markdown`` as a range of ``rendered`` (None: none of it is shown).

    ``spans`` must be in order and not overlap; so are the ranges returned, which never start or
    end on white space and lie inside ``rendered``.
    """
    text = rendered.translate(_SPACES)
    raw = markdown.translate(_SPACES)
    probe = raw.strip()[:_PROBE]
    if probe and probe in text:  # shown as written (a block too complex to format): keep the syntax
        visible, origin = raw, list(range(len(markdown)))
    else:
        visible, origin = _visible(markdown)
    paired = _walk(visible, text)
    result: list[tuple[int, int] | None] = []
    for start, end in spans:
        first = bisect.bisect_left(origin, start)
        last = bisect.bisect_left(origin, end, first)
        hits = [paired[k] for k in range(first, last) if paired[k] != -1 and not text[paired[k]].isspace()]
        result.append((hits[0], hits[-1] + 1) if hits else None)
    return result


def span_at(spans: Sequence[tuple[int, int] | None], offset: int) -> int | None:
    """The index of the range holding ``offset`` (None: between ranges); ranges in order, some None."""
    for index, span in enumerate(spans):
        if span is not None and span[0] <= offset < span[1]:
            return index
    return None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a == b or (a[0] < b[1] and b[0] < a[1])


def sentence_spans(pairs: Sequence[tuple[int, int, int, int]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Sentence pairs (source start, end, target start, end) as (source range, target range), in order.

    Pieces of one sentence are one: pairs next to each other that share source or target
    characters (a sentence whose English came in several pieces, two sentences translated as one)
    are merged.
    """
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for source_start, source_end, target_start, target_end in sorted(pairs):
        source, target = (source_start, source_end), (target_start, target_end)
        if merged and (_overlap(merged[-1][0], source) or _overlap(merged[-1][1], target)):
            (a, z), (b, y) = merged[-1]
            source = (min(a, source_start), max(z, source_end))
            target = (min(b, target_start), max(y, target_end))
            merged[-1] = (source, target)
        else:
            merged.append((source, target))
    return merged


def joined_pairs(
    text: str, blocks: Sequence[Block], translations: Sequence[tuple[str, Sequence[SentencePair]] | None]
) -> tuple[str, list[SentencePair]]:
    """The whole English of ``text`` (each block replaced by its English, ``None``: kept; the text
    between blocks copied) and the blocks' sentence pairs as offsets in ``text`` and in that English."""
    out: list[str] = []
    pairs: list[SentencePair] = []
    position = length = 0
    for block, translated in zip(blocks, translations):
        between = text[position:block.start]
        out.append(between)
        length += len(between)
        english = block.source if translated is None else translated[0]
        if translated is not None:
            pairs.extend(
                SentencePair(block.start + p.source_start, block.start + p.source_end,
                             length + p.target_start, length + p.target_end)
                for p in translated[1]
            )
        out.append(english)
        length += len(english)
        position = block.end
    out.append(text[position:])
    return "".join(out), pairs
