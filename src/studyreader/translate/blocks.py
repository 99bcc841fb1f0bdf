"""The block type the segmenter makes and the reader, the translator and the start-up cache share.

Types only (no patterns to compile): the start-up cache rebuilds blocks before the first paint
without loading the segmenter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = ["Block", "Part"]


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
