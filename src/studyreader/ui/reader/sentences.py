"""The reader's sentences for :class:`~studyreader.ui.reader.sentence_highlight.SentenceHighlight`.

A sentence is ``(row, index)``: the index-th sentence pair of a row. Its places are found in the
rendered text of the row's two cells (:func:`studyreader.render.alignment.rendered_spans`), once per
cell until the document changes.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from studyreader.render.alignment import rendered_spans, sentence_spans, span_at
from studyreader.ui.reader.sentence_highlight import TextView, document_text

if TYPE_CHECKING:
    from studyreader.ui.reader.reader import BilingualReader

_LANGUAGES = ("zh", "en")
Places = tuple[list[int], list[tuple[int, int] | None]]  # a cell's character positions, each sentence's range


class ReaderSentences:
    """Where each row's sentences are in its cells; a :class:`SentenceMap` of the reader."""

    def __init__(self, reader: BilingualReader) -> None:
        self._reader = reader
        self._places: dict[tuple[int, str], Places | None] = {}
        reader.document().contentsChange.connect(self._forget)

    def _forget(self, *_args) -> None:
        self._places.clear()

    def _cell_spans(self, row: int, language: str) -> Places | None:
        """The position of each character of the cell's text, and each sentence's range in that text."""
        key = (row, language)
        if key not in self._places:
            self._places[key] = self._find(row, language)
        return self._places[key]

    def _find(self, row: int, language: str) -> Places | None:
        reader = self._reader
        cell = reader.cell_range(row, language)
        english = reader.translation(row)
        sentences = sentence_spans(reader.sentence_pairs(row))
        if cell is None or english is None or not sentences:
            return None
        markdown = reader.blocks[row].source if language == "zh" else english
        text, positions = document_text(reader.document(), cell[0], cell[1])
        side = 0 if language == "zh" else 1
        return positions, rendered_spans(markdown, text, [sentence[side] for sentence in sentences])

    def sentence_at(self, view: TextView, position: int) -> tuple[int, int] | None:
        row = self._reader.row_at(position)
        if row is None:
            return None
        for language in _LANGUAGES:
            cell = self._reader.cell_range(row, language)
            if cell is not None and cell[0] <= position <= cell[1]:
                found = self._cell_spans(row, language)
                if found is None:
                    return None
                index = span_at(found[1], bisect.bisect_right(found[0], position) - 1)
                return (row, index) if index is not None else None
        return None

    def ranges(self, sentence: tuple[int, int]) -> list[tuple[TextView, int, int]]:
        row, index = sentence
        places = []
        for language in _LANGUAGES:
            found = self._cell_spans(row, language)
            if found is not None and index < len(found[1]) and found[1][index] is not None:
                start, end = found[1][index]
                places.append((self._reader, found[0][start], found[0][end]))
        return places
