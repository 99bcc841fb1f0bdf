"""Where each sentence the translator handled lies in its block's source.

Bookkeeping for :class:`studyreader.translate.engine.BlockTranslation`'s ``pairs``: the engine assembles
a block's English sentence by sentence, so it records each sentence's English range as it writes it, and
asks here for the sentence's range in the block's Markdown. That is the part's offset in the block plus
the sentence's offset in the part, except where the part's text holds soft-broken Chinese lines joined
(:func:`studyreader.translate.segment.join_cjk_lines`): there the removed line breaks are counted back
in, so that the range covers the sentence as written, breaks included.
"""

from __future__ import annotations

import bisect

from studyreader.translate.blocks import Block
from studyreader.translate.segment import cjk_soft_breaks

__all__ = ["SourceMap"]


class SourceMap:
    """Offsets in one block's parts (as the translator sees them) → offsets in ``block.source``."""

    def __init__(self, block: Block) -> None:
        self._block = block
        self._parts: dict[int, tuple[int, list[int], list[int]]] = {}  # part number -> _offsets(part)

    def span(self, part: int, start: int, end: int) -> tuple[int, int]:
        """The range of ``block.parts[part].text[start:end]`` (non-empty) in ``block.source``."""
        offsets = self._parts.get(part)
        if offsets is None:
            offsets = self._parts[part] = self._offsets(part)
        base, at, removed = offsets
        if not at:
            return base + start, base + end
        # A break at the sentence's start lies before it; one at its end, after it.
        return base + start + removed[bisect.bisect_right(at, start)], base + end + removed[bisect.bisect_left(at, end)]

    def _offsets(self, part: int) -> tuple[int, list[int], list[int]]:
        """The part's offset in the block; where its text lost a line break (offsets in the text), and
        how many characters were removed before each point (``removed[k]``: by the first ``k`` breaks)."""
        block = self._block
        parts = block.parts
        base = parts[part].start - block.start
        limit = parts[part + 1].start - block.start if part + 1 < len(parts) else len(block.source)
        at: list[int] = []
        removed = [0]
        if limit - base != len(parts[part].text):
            for a, z in cjk_soft_breaks(block.source[base:limit]):
                at.append(a - removed[-1])
                removed.append(removed[-1] + z - a)
            if limit - base - removed[-1] != len(parts[part].text):
                raise ValueError(
                    f"line {block.start_line}: a translatable part is not its source with line breaks removed"
                )
        return base, at, removed
