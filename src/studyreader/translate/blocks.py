"""The block type the segmenter makes and the reader, the translator and the start-up cache share.

Types only (no patterns to compile): the start-up cache rebuilds blocks before the first paint
without loading the segmenter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = ["Block", "Part", "SentencePair"]


class Part(NamedTuple):
    """A piece of a block's source: markup copied as is, or inline text that may be translated.

    Its source runs from ``start`` to the next part's; inline text spanning a soft line break
    between Chinese characters holds the lines joined (see :func:`studyreader.translate.segment.join_cjk_lines`).
    """

    text: str
    translatable: bool
    start: int  # char offset in the whole text


@dataclass(frozen=True)
class Block:
    """One aligned unit of the document: a row of the reader and what the translator translates.

    ``index`` is the block's position among all blocks of the text (the key a translation comes back with).
    """

    index: int
    kind: str
    source: str
    start: int
    end: int
    start_line: int
    end_line: int
    translatable: bool
    level: int = 0
    parts: tuple[Part, ...] = ()
    rows: tuple[tuple[Part, ...], ...] = field(default=(), repr=False)


class SentencePair(NamedTuple):
    """One source sentence and the English made from it, as character ranges.

    ``source_*`` are offsets in the block's ``source`` (its Markdown as written), ``target_*`` offsets in
    the block's English Markdown. Pairs of a block are in document order and never overlap; a sentence
    whose English was assembled from several pieces is still one pair.
    """

    source_start: int
    source_end: int
    target_start: int
    target_end: int
