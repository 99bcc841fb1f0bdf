"""Where each sentence the translator handled lies in its block's source, and its English in the block's English.

Pure bookkeeping for :class:`studyreader.translate.engine.BlockTranslation`'s ``pairs``: the engine
assembles a block's English sentence by sentence, so it records each sentence's English range as it
writes it, and asks here for the sentence's range in the block's Markdown. That is the part's offset in
the block plus the sentence's offset in the part, except where the part's text holds soft-broken Chinese
lines joined (:func:`studyreader.translate.segment.join_cjk_lines`): there the removed line breaks are
counted back in, so that the range covers the sentence as written, breaks included.
"""

from __future__ import annotations

from studyreader.translate.blocks import Block

__all__ = ["SourceMap"]


class SourceMap:
    """Offsets in one block's parts (as the translator sees them) → offsets in ``block.source``."""

    def __init__(self, block: Block) -> None:
        self._block = block
        self._joined: dict[int, list[int]] = {}  # part number -> source offset of each character of its text

    def span(self, part: int, start: int, end: int) -> tuple[int, int]:
        """The range of ``block.parts[part].text[start:end]`` (non-empty) in ``block.source``."""
        block = self._block
        text = block.parts[part].text
        base = block.parts[part].start - block.start
        limit = block.parts[part + 1].start - block.start if part + 1 < len(block.parts) else len(block.source)
        if limit - base == len(text):
            return base + start, base + end
        index = self._joined.get(part)
        if index is None:
            index = self._joined[part] = _join_index(block.source[base:limit], text, block)
        return base + index[start], base + index[end - 1] + 1


def _join_index(written: str, joined: str, block: Block) -> list[int]:
    """For each character of ``joined``, its offset in ``written``.

    ``joined`` is ``written`` without some runs of blanks and line ends, each removed from between two
    Chinese characters: the next character kept is never a blank, so the first match is the right one.
    """
    index = []
    k = 0
    try:
        for ch in joined:
            while written[k] != ch:
                k += 1
            index.append(k)
            k += 1
    except IndexError:
        raise ValueError(
            f"line {block.start_line}: a translatable part is not its source with line breaks removed"
        ) from None
    return index
