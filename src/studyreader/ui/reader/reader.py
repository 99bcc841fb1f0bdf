"""The aligned bilingual reader: every Markdown block in Chinese beside its English.

One QTextBrowser holds one QTextDocument in which each block of the notes is a
small table of its own (Chinese cell | English cell in the side-by-side mode).
Both languages of a block therefore share a row: they start at the same
height and there is a single scroll position. Small per-block tables (rather
than one huge table) keep a translation's arrival cheap: only that row is laid
out again. Large files are built in slices from the event loop so the window
never freezes (:mod:`.builder`); :mod:`.geometry` finds rows on screen, :mod:`.hover`
answers the pointer, :mod:`.keyboard` the Tab key, :mod:`.sentence_highlight` lights a sentence and
its translation together.

Safety: the HTML comes from :mod:`studyreader.render.markup` (sanitised; a block
too costly to format is shown as plain text), and :meth:`BilingualReader.loadResource`
is the only door to resources: it hands out images that are regular files inside the
notes folder (:mod:`studyreader.render.images`; SVGs only without outside references),
decoded no wider than their column, and a placeholder for everything else, so
nothing is ever fetched from the network or read from outside the folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCursor, QTextFrame, QTextOption
from PySide6.QtWidgets import QTextBrowser, QWidget

from studyreader.render import markup as render
from studyreader.render.images import read_local_image
from studyreader.render.rows import Block
from studyreader.translate.blocks import SentencePair
from studyreader.ui.reader import cells, geometry, hover, keyboard
from studyreader.ui.reader.builder import RowBuilder
from studyreader.ui.reader.sentence_highlight import SentenceHighlight
from studyreader.ui.reader.sentences import ReaderSentences
from studyreader.ui.reader.style import ReaderColours, decode_image, placeholder_image, style_sheet

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

MODES = ("side", "interleaved", "zh", "en")


def open_external(url: QUrl) -> bool:
    """Open ``url`` in the system browser when it is http(s); refuse everything else."""
    text = url.toString()
    if not render.is_web_url(text):
        return False
    from PySide6.QtGui import QDesktopServices

    return bool(QDesktopServices.openUrl(url))


class BilingualReader(QTextBrowser):
    """The notes, block by block, in Chinese and English."""

    termActivated = Signal(str)  # a glossary term was clicked (term id)
    modelsRequested = Signal()  # the "install a model" link was clicked
    visibleRowsChanged = Signal()  # the user scrolled: translate what is visible first
    buildFinished = Signal()  # every row is in the document
    zoomChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mode = "side"
        self._zoom = 0
        self._colours: ReaderColours | None = None
        self.setObjectName("reader")
        self._builder = RowBuilder(self)
        self._rows = self._builder.rows
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(12)
        # Long addresses and identifiers wrap instead of widening the page past the window.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        # The vertical scroll bar always shows: notes are longer than a screen, and the text
        # keeps its width (a bar appearing after the first rows are in would lay them all out
        # again).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.viewport().setMouseTracking(True)

        self._visible_timer = QTimer(self, singleShot=True, interval=120)
        self._visible_timer.timeout.connect(self.visibleRowsChanged)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._visible_timer.start())
        self._builder.finished.connect(self._on_build_finished)
        self.resource_requests: list = []  # every resource (QUrl) the document asked for (tests, audits)
        self._apply_stylesheet()
        # a sentence and its English lit together (pointer, Tab, click to pin, Escape)
        self.sentence_highlight = SentenceHighlight(
            ReaderSentences(self), lambda: QColor(self.colours().sentence_bg), self
        )
        self.sentence_highlight.watch(self)

    # -- public state ----------------------------------------------------
    @property
    def mode(self) -> str:
        return self._mode

    @property
    def blocks(self) -> list[Block]:
        return list(self._rows.blocks)

    def row_count(self) -> int:
        return len(self._rows.blocks)

    def built_rows(self) -> int:
        return len(self._builder.tables)

    def is_built(self) -> bool:
        return self._builder.is_built()

    def translation(self, row: int) -> str | None:
        return self._rows.en_text[row]

    def rendered_html(self) -> list[str | None]:
        """The Chinese HTML of every row rendered so far (None: not yet), without glossary marks."""
        return list(self._rows.zh_base)

    def sentence_pairs(self, row: int) -> tuple[SentencePair, ...]:
        """The row's sentence pairs as :meth:`set_translation` gave them (none: no highlight)."""
        return self._rows.pairs[row] if 0 <= row < len(self._rows.pairs) else ()

    def missing_terms(self, row: int) -> tuple[str, ...]:
        return self._rows.missing[row]

    def pending_rows(self) -> list[int]:
        return self._rows.pending()

    def row_for_key(self, key: int) -> int | None:
        return self._rows.row_of_key.get(key)

    # -- loading ---------------------------------------------------------
    def labels(self) -> render.Labels:
        """The interface words the renderer inserts (placeholders), in the current language."""
        return render.Labels(
            remote_image=self.tr("Remote image not loaded:"),
            blocked_image=self.tr("Image not shown:"),
            plain_text=self.tr("Shown as plain text: too complex to format."),
        )

    def set_blocks(
        self,
        blocks: Sequence[Block],
        base_dir: Path | None,
        keep_position: bool = False,
        rendered: Sequence[str | None] | None = None,
    ) -> None:
        """Show new notes: the Chinese at once, English where already known (by source text).

        ``rendered``: the Chinese HTML of the blocks as :meth:`rendered_html` gave it for the
        same blocks and labels (the start-up cache); None entries are rendered here.
        """
        restore = self.top_row() if keep_position and self._builder.tables else None
        self.sentence_highlight.clear()
        # Rows are rendered when they are built (large files: slice by slice).
        self._rows.load(blocks, base_dir, self.labels(), rendered)
        self._rebuild(restore)

    def set_translation(
        self, row: int, english: str, missing: Sequence[str] = (), pairs: Sequence[SentencePair] = ()
    ) -> None:
        """The English of one row arrived: update only that row.

        ``pairs``: its sentences and their English (offsets in the block's source and in ``english``),
        lit together under the pointer.
        """
        if not 0 <= row < len(self._rows.blocks):
            return
        self._rows.pairs[row] = tuple(pairs)
        self._builder.set_translation(row, english, tuple(missing))

    def set_no_model(self, no_model: bool) -> None:
        """Pending rows show a quiet dash instead of an ellipsis when no model can fill them."""
        if no_model == self._rows.no_model:
            return
        self._rows.no_model = no_model
        for row in self.pending_rows():
            self._builder.mark_dirty(row, ("en",))

    def set_glossary(self, glossary) -> None:
        """Mark the glossary's terms (an object with ``find(text)`` and ``get(id)``) in both columns."""
        self._builder.set_glossary(glossary)

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown reader mode: {mode!r}")
        if mode == self._mode:
            return
        restore = self.top_row() if self._builder.tables else None
        self._mode = mode
        self._rebuild(restore)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._builder.fill_first_screen(self.viewport().height())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh_style()
        elif event.type() == QEvent.Type.LanguageChange and self._rows.blocks:
            # placeholders and flags are written in the interface language: render them again
            self._rows.relabel(self.labels())
            self._rebuild(self.top_row() if self._builder.tables else None)
        super().changeEvent(event)

    def refresh_style(self) -> None:
        """Re-apply colours after a palette (theme) change: every row is drawn again in the new ones.

        The reader also does this by itself when its palette changes; a second call is free.
        """
        if not self._apply_stylesheet():
            return
        if self._rows.blocks:
            self._rebuild(self.top_row() if self._builder.tables else None)

    def finish_build(self) -> None:
        """Build every remaining row now (tests, screenshots)."""
        self._builder.finish()

    def has_pending_work(self) -> bool:
        """Rows still to build or to update."""
        return self._builder.has_pending_work()

    def yield_turn(self) -> None:
        """Another long step just ran in this event-loop turn: the next slice waits for the next turn."""
        self._builder.yield_turn()

    def _rebuild(self, restore_row: int | None) -> None:
        self._builder.rebuild(restore_row, self.tr("Glossary term not used:"))

    def _on_build_finished(self) -> None:
        self._visible_timer.start()
        self.buildFinished.emit()

    # -- zoom ------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        steps = max(-6, min(12, int(steps)))
        delta = steps - self._zoom
        if delta > 0:
            self.zoomIn(delta)
        elif delta < 0:
            self.zoomOut(-delta)
        self._zoom = steps
        self.zoomChanged.emit(steps)

    # -- geometry --------------------------------------------------------
    def table(self, row: int) -> QTextFrame | None:
        tables = self._builder.tables
        return tables[row] if 0 <= row < len(tables) else None

    def cell_cursor(self, row: int, language: str) -> QTextCursor | None:
        """A cursor at the start of the row's Chinese ("zh") or English ("en") cell."""
        table = self.table(row)
        if table is None:
            return None
        cell = cells.cell(table, self._mode, language)
        return cell.firstCursorPosition() if cell is not None else None

    def cell_range(self, row: int, language: str) -> tuple[int, int] | None:
        """Document positions [start, end] of a row's Chinese or English cell."""
        table = self.table(row)
        cell = cells.cell(table, self._mode, language) if table is not None else None
        if cell is None:
            return None
        return cell.firstCursorPosition().position(), cell.lastCursorPosition().position()

    def cell_rect(self, row: int, language: str) -> QRect | None:
        """Where the cell's first line of text is, in viewport coordinates (empty blocks skipped)."""
        table = self.table(row)
        cell = cells.cell(table, self._mode, language) if table is not None else None
        if cell is None:
            return None
        return self.cursorRect(geometry.first_text_cursor(cell))

    def row_top(self, row: int) -> float | None:
        table = self.table(row)
        if table is None:
            return None
        return geometry.row_top(self.document(), table)

    def top_row(self) -> int:
        """The row at the top of the viewport."""
        return geometry.row_at_y(self.document(), self._builder.tables, self.verticalScrollBar().value() + 8)

    def visible_rows(self) -> range:
        """The rows (built so far) that are at least partly on screen; O(log rows)."""
        tables = self._builder.tables
        if not tables:
            return range(0)
        top = self.verticalScrollBar().value()
        first = geometry.row_at_y(self.document(), tables, top + 4)
        last = geometry.row_at_y(self.document(), tables, top + max(4, self.viewport().height() - 4))
        return range(first, min(len(tables), last + 1))

    def scroll_to_row(self, row: int) -> bool:
        """Bring ``row`` to the top of the view (builds the rows up to it first)."""
        if not 0 <= row < len(self._rows.blocks):
            return False
        self._builder.build_until(row)
        self.document().documentLayout().documentSize()
        top = self.row_top(row)
        if top is None:
            return False
        self.verticalScrollBar().setValue(int(top))
        self._visible_timer.start()
        return True

    def row_at(self, position: int) -> int | None:
        """The row whose table holds document ``position`` (None: between rows, or not built)."""
        return geometry.row_at_position(self._builder.tables, position)

    # -- glossary hits, links, the Tab key -------------------------------
    def term_at(self, pos: QPoint) -> str | None:
        """The glossary term id under a viewport point, if any."""
        return render.term_id_from_href(self.anchorAt(pos))

    def term_tooltip(self, term_id: str) -> str:
        """Tooltip HTML: the term, its other-language form, the definition in the interface language."""
        return hover.term_tooltip(self._rows.glossary, term_id)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override and its argument's name
        """Tab and Shift+Tab go through the links and terms on screen, also after scrolling."""
        keyboard.start_tab_search_on_screen(self, next)
        return super().focusNextPrevChild(next)

    def viewportEvent(self, event: QEvent) -> bool:
        if not self._builder.painted and event.type() == QEvent.Type.Paint:
            self._builder.first_paint()
        if event.type() == QEvent.Type.ToolTip:
            hover.show_tooltip(self, event, self._rows.glossary)
            return True
        return super().viewportEvent(event)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        from PySide6.QtCore import QUrl

        href = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        term_id = render.term_id_from_href(href)
        if term_id:
            self.termActivated.emit(term_id)
        elif href == "studyreader:models":
            self.modelsRequested.emit()
        else:
            open_external(url)

    # -- resources: the only door to images ------------------------------
    def loadResource(self, kind: int, url: QUrl):
        """Local images of the notes folder; a placeholder for everything else. Never the network."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QTextDocument

        self.resource_requests.append(QUrl(url))
        if int(kind) == int(QTextDocument.ResourceType.ImageResource):
            data = read_local_image(url.toString(), self._rows.base_dir) if url.isLocalFile() else None
            image = decode_image(data, self._column_width()) if data is not None else None
            return image if image is not None else placeholder_image()
        return None

    def _column_width(self) -> int:
        """About how wide a cell's text is now: images are loaded no wider (they never widen the page)."""
        text_width = self.viewport().width() - 2 * int(self.document().documentMargin())
        columns = 2 if self._mode == "side" else 1
        return max(48, text_width // columns - 2 * 5 - 16)  # cell padding, the interleaved indent

    # -- style ---------------------------------------------------------------
    def colours(self) -> ReaderColours:
        """The colours the rows are drawn in (from the palette at the last style change)."""
        assert self._colours is not None  # set in __init__
        return self._colours

    def _apply_stylesheet(self) -> bool:
        """Work the colours out from the current palette; True when they changed."""
        colours = ReaderColours.from_palette(self.palette())
        if colours == self._colours:
            return False
        self._colours = colours
        self.document().setDefaultStyleSheet(style_sheet(colours))
        return True
