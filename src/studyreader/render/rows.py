"""The reader's rows: the blocks of :mod:`studyreader.translate.segment`, one per row. Plain Python.

The reader and the translator cut the notes the same way because there is one
segmenter and one block type (:class:`studyreader.translate.blocks.Block`). A
row is a block the reader shows: front matter and blocks that are only an HTML
comment (the content markers) get none. Each block knows its character span in
the file, which is how the navigator's dates map to rows.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from studyreader.translate.blocks import Block

__all__ = ["Block", "segment", "is_shown", "shown_blocks", "row_at_offset"]

_COMMENT_ONLY = r"(?s)^\s*(?:<!--.*?-->\s*)+$"  # compiled on first use


def is_shown(block: Block) -> bool:
    """Front matter and comment-only blocks (the content markers) get no row."""
    return block.kind != "front_matter" and not re.match(_COMMENT_ONLY, block.source)


def shown_blocks(blocks: Sequence[Block]) -> list[Block]:
    return [block for block in blocks if is_shown(block)]


def segment(text: str) -> list[Block]:
    """The reader's rows of a notes text, in order.

    They are also what the translator is given: a block's ``index`` is its
    position among all the segmenter's blocks, the key translations come back with.
    """
    from studyreader.translate.segment import segment_markdown  # not before the first paint (see first_screen)

    return shown_blocks(segment_markdown(text))


def row_at_offset(blocks: Sequence[Block], offset: int) -> int | None:
    """The first row that starts at or after ``offset`` (e.g. an entry's heading)."""
    starts = [block.start for block in blocks]
    index = bisect.bisect_left(starts, offset)
    return index if index < len(blocks) else None
