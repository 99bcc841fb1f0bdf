"""The editor's sentences for :class:`~studyreader.ui.reader.sentence_highlight.SentenceHighlight`.

The live English comes with sentence pairs (offsets in the whole entry and in its whole English).
A sentence is the index of a pair; it is shown in the Markdown source (the offsets themselves),
in the preview and in the English column (found in their rendered text). Once the entry is edited
the pairs are out of date: nothing is lit until the next translation arrives.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtWidgets import QPlainTextEdit

from studyreader.render.alignment import rendered_spans, sentence_spans, span_at
from studyreader.translate.blocks import SentencePair
from studyreader.ui.editor.preview import PreviewPane
from studyreader.ui.reader.sentence_highlight import TextView, document_text


class EditorSentences:
    """Where each sentence of the entry and its English are in the three columns."""

    def __init__(self, source: QPlainTextEdit, preview: PreviewPane, english: PreviewPane) -> None:
        self._source, self._preview, self._english = source, preview, english
        self._markdown = ""
        self._english_markdown = ""
        self._sentences: list[tuple[tuple[int, int], tuple[int, int]]] = []
        # each pane's character positions and each sentence's range in its text
        self._places: dict[PreviewPane, tuple[list[int], list[tuple[int, int] | None]]] = {}
        for pane in (preview, english):
            pane.document().contentsChange.connect(lambda *_args, pane=pane: self._places.pop(pane, None))

    def set_translation(self, markdown: str, english: str, pairs: Sequence[SentencePair]) -> None:
        """The entry ``markdown`` was translated to ``english``, sentence by sentence as ``pairs`` say."""
        self._markdown, self._english_markdown = markdown, english
        self._sentences = sentence_spans(pairs)
        self._places.clear()

    def clear(self) -> None:
        """No translation shown (none yet, no model, a failure)."""
        self.set_translation("", "", ())

    def _current(self) -> bool:
        """The pairs belong to the text in the source column (not edited since)."""
        return bool(self._sentences) and self._source.toPlainText() == self._markdown

    def _pane_spans(self, pane: PreviewPane) -> tuple[list[int], list[tuple[int, int] | None]]:
        if pane not in self._places:
            document = pane.document()
            text, positions = document_text(document, 0, document.characterCount() - 1)
            if pane is self._preview:
                spans = rendered_spans(self._markdown, text, [s[0] for s in self._sentences])
            else:
                spans = rendered_spans(self._english_markdown, text, [s[1] for s in self._sentences])
            self._places[pane] = positions, spans
        return self._places[pane]

    def sentence_at(self, view: TextView, position: int) -> int | None:
        if not self._current():
            return None
        if view is self._source:
            sources = [source for source, _target in self._sentences]
            # the caret just after a sentence's last character is still in it
            found = span_at(sources, position)
            return found if found is not None else span_at(sources, position - 1)
        if view is self._preview or view is self._english:
            positions, spans = self._pane_spans(view)
            return span_at(spans, bisect.bisect_right(positions, position) - 1)
        return None

    def ranges(self, sentence: int) -> list[tuple[TextView, int, int]]:
        if not self._current() or not 0 <= sentence < len(self._sentences):
            return []
        start, end = self._sentences[sentence][0]
        places: list[tuple[TextView, int, int]] = [(self._source, start, end)]
        for pane in (self._preview, self._english):
            positions, spans = self._pane_spans(pane)
            if spans[sentence] is not None:
                places.append((pane, positions[spans[sentence][0]], positions[spans[sentence][1]]))
        return places
