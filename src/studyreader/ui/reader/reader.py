"""The aligned bilingual reader: every Markdown block in Chinese beside its English.

One QTextBrowser holds one QTextDocument in which each block of the notes is a
small table of its own (Chinese cell | English cell in the side-by-side mode).
Both languages of a block therefore share a row: they start at the same
height and there is a single scroll position. Small per-block tables (rather
than one huge table) keep a translation's arrival cheap: only that row is laid
out again. Large files are built in slices from the event loop so the window
never freezes.

Safety: the HTML comes from :mod:`studyreader.render.markup` (sanitised; a block
too costly to format is shown as plain text), and :meth:`BilingualReader.loadResource`
is the only door to resources: it hands out images that are regular files inside the
notes folder (:mod:`studyreader.render.images`; SVGs only without outside references),
decoded no wider than their column, and a placeholder for everything else, so
nothing is ever fetched from the network or read from outside the folder.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QTextCursor,
    QTextFrame,
    QTextOption,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from studyreader.render import markup as render
from studyreader.render.images import read_local_image
from studyreader.render.rows import Block
from studyreader.ui.reader import cells, row_html
from studyreader.ui.reader.style import ReaderColours, decode_image, placeholder_image, style_sheet

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

MODES = ("side", "interleaved", "zh", "en")
_SLICE_SECONDS = 0.008  # build/update work per event-loop turn: well under the 50 ms stall budget
_SLICE_ROWS = 8  # rows inserted per turn while building: each insertion also costs time in proportion to the document
_FIRST_SLICE_ROWS = 36  # rows built at once: the first screen is there when the window shows
_CHARS_PER_LINE = 60  # more than fit on a line of one column: the first-screen guess errs long
_YIELD_SECONDS = 0.002  # a slice this soon after another step's yield_turn() runs in the next turn
_UNPAINTED_BUILD_DELAY_MS = 50  # a reader that is not painted (hidden) still builds, a bit later


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
        self._rows = row_html.RowTexts()
        self._tables: list[QTextFrame] = []
        self._mode = "side"
        self._zoom = 0
        self._colours: ReaderColours | None = None
        self.setObjectName("reader")
        self._painted = False  # rows beyond the first screen are built after the first paint
        # One slice of work (building rows, updating rows) per event-loop turn, whichever is due:
        # two timers would both run in the same turn and add up.
        self._work_timer = QTimer(self, singleShot=True, interval=0)
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

        self._work_timer.timeout.connect(self._work_step)
        self._yielded_at = 0.0
        self._dirty: dict[int, set[str]] = {}  # rows to draw again -> which cells ("zh", "en")
        self._restore_row: int | None = None
        self._visible_timer = QTimer(self, singleShot=True, interval=120)
        self._visible_timer.timeout.connect(self.visibleRowsChanged)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._visible_timer.start())
        self.resource_requests: list = []  # every resource (QUrl) the document asked for (tests, audits)
        self._apply_stylesheet()

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
        return len(self._tables)

    def is_built(self) -> bool:
        return len(self._tables) == len(self._rows.blocks)

    def translation(self, row: int) -> str | None:
        return self._rows.en_text[row]

    def rendered_html(self) -> list[str | None]:
        """The Chinese HTML of every row rendered so far (None: not yet), without glossary marks."""
        return list(self._rows.zh_base)

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
        restore = self.top_row() if keep_position and self._tables else None
        # Rows are rendered when they are built (large files: slice by slice).
        self._rows.load(blocks, base_dir, self.labels(), rendered)
        self._rebuild(restore)

    def set_translation(self, row: int, english: str, missing: Sequence[str] = ()) -> None:
        """The English of one row arrived: update only that row."""
        if not 0 <= row < len(self._rows.blocks):
            return
        self._rows.en_text[row] = english
        self._rows.missing[row] = tuple(missing)
        self._mark_dirty(row, ("en",))

    def set_no_model(self, no_model: bool) -> None:
        """Pending rows show a quiet dash instead of an ellipsis when no model can fill them."""
        if no_model == self._rows.no_model:
            return
        self._rows.no_model = no_model
        for row in self.pending_rows():
            self._mark_dirty(row, ("en",))

    def set_glossary(self, glossary) -> None:
        """Mark the glossary's terms (an object with ``find(text)`` and ``get(id)``) in both columns."""
        self._rows.glossary = glossary
        for row in range(len(self._rows.blocks)):
            self._mark_dirty(row)

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown reader mode: {mode!r}")
        if mode == self._mode:
            return
        restore = self.top_row() if self._tables else None
        self._mode = mode
        self._rebuild(restore)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._painted and self._tables and not self.is_built():
            self._fill_first_screen()

    def _fill_first_screen(self) -> None:
        """Before the first paint, with the real size known: build rows until the view is full.

        The guess made before the window had its size (:meth:`_first_screen_rows`) can fall
        short, e.g. where Markdown joins a paragraph's source lines into fewer lines than it
        counted. Laying the rows out here is work the first paint needs anyway.
        """
        height = self.viewport().height()
        while not self.is_built() and self.document().size().height() < height:
            self._build_step(deadline=None, max_rows=2)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh_style()
        elif event.type() == QEvent.Type.LanguageChange and self._rows.blocks:
            # placeholders and flags are written in the interface language: render them again
            self._rows.relabel(self.labels())
            self._rebuild(self.top_row() if self._tables else None)
        super().changeEvent(event)

    def refresh_style(self) -> None:
        """Re-apply colours after a palette (theme) change: every row is drawn again in the new ones.

        The reader also does this by itself when its palette changes; a second call is free.
        """
        if not self._apply_stylesheet():
            return
        if self._rows.blocks:
            self._rebuild(self.top_row() if self._tables else None)

    def finish_build(self) -> None:
        """Build every remaining row now (tests, screenshots)."""
        self._work_timer.stop()
        while len(self._tables) < len(self._rows.blocks):
            self._build_step(deadline=None)
        while self._dirty:
            self._update_step(deadline=None)

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
        return self._tables[row] if 0 <= row < len(self._tables) else None

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
        cursor = cell.firstCursorPosition()
        end = cell.lastCursorPosition().position()
        while cursor.block().length() <= 1 and cursor.block().next().isValid():
            if cursor.block().next().position() > end:
                break
            cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        return self.cursorRect(cursor)

    def row_top(self, row: int) -> float | None:
        table = self.table(row)
        if table is None:
            return None
        layout = self.document().documentLayout()
        return layout.frameBoundingRect(table).top()

    def top_row(self) -> int:
        """The row at the top of the viewport."""
        return self._row_at_y(self.verticalScrollBar().value() + 8)

    def visible_rows(self) -> range:
        """The rows (built so far) that are at least partly on screen; O(log rows)."""
        if not self._tables:
            return range(0)
        top = self.verticalScrollBar().value()
        first = self._row_at_y(top + 4)
        last = self._row_at_y(top + max(4, self.viewport().height() - 4))
        return range(first, min(len(self._tables), last + 1))

    def scroll_to_row(self, row: int) -> bool:
        """Bring ``row`` to the top of the view (builds the rows up to it first)."""
        if not 0 <= row < len(self._rows.blocks):
            return False
        while len(self._tables) <= row:
            self._build_step(deadline=None)
        self.document().documentLayout().documentSize()
        top = self.row_top(row)
        if top is None:
            return False
        self.verticalScrollBar().setValue(int(top))
        self._visible_timer.start()
        return True

    def row_at(self, position: int) -> int | None:
        """The row whose table holds document ``position`` (None: between rows, or not built)."""
        tables = self._tables
        index = bisect.bisect_right(range(len(tables)), position, key=lambda row: tables[row].firstPosition()) - 1
        if index < 0 or position > tables[index].lastPosition():
            return None
        return index

    def _row_at_y(self, y: float) -> int:
        """The built row at document height ``y``: a binary search over the rows' tops (they only grow)."""
        layout = self.document().documentLayout()
        tables = self._tables
        index = bisect.bisect_right(range(len(tables)), y, key=lambda row: layout.frameBoundingRect(tables[row]).top())
        return max(0, min(index - 1, len(tables) - 1))

    # -- glossary hits ---------------------------------------------------
    def term_at(self, pos: QPoint) -> str | None:
        """The glossary term id under a viewport point, if any."""
        return render.term_id_from_href(self.anchorAt(pos))

    def term_tooltip(self, term_id: str) -> str:
        """Tooltip HTML: the term, its other-language form, the definition in the interface language."""
        term = self._rows.glossary.get(term_id) if self._rows.glossary is not None else None
        if term is None:
            return ""
        from studyreader.ui import i18n

        return row_html.term_tooltip_html(term, (i18n.current_language() or "en") == "zh_CN")

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override and its argument's name
        """Tab and Shift+Tab go through the links and terms on screen, also after scrolling.

        Scrolling (PageDown, the wheel) leaves the text cursor where it was, and Qt looks for
        the next link from a selection there (without one: from the start of the document).
        When that place is off screen, the search starts at the top of the view instead (at
        its bottom for Shift+Tab), from a one-character selection Qt searches onwards from.
        """
        cursor = self.textCursor()
        if not cursor.hasSelection() or not self.viewport().rect().intersects(self.cursorRect(cursor)):
            edge = 4 if next else max(4, self.viewport().height() - 4)
            position = self.cursorForPosition(QPoint(4, edge)).position()
            start = QTextCursor(self.document())
            last = self.document().characterCount() - 1
            if next:
                start.setPosition(max(0, position - 1))
                start.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
            else:
                start.setPosition(min(last, position + 1))
                start.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
            top = self.verticalScrollBar().value()
            self.setTextCursor(start)
            self.verticalScrollBar().setValue(top)  # placing the cursor must not scroll the view
        return super().focusNextPrevChild(next)

    def viewportEvent(self, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            if self._work_timer.isActive():
                self._work_timer.start(0)  # the first screen is on: build the rest now
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()
            term_id = self.term_at(pos)
            text = ""
            if term_id:
                text = self.term_tooltip(term_id)
            else:
                href = self.anchorAt(pos)
                if href and render.is_web_url(href):
                    import html

                    text = html.escape(href)
            from PySide6.QtWidgets import QToolTip

            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
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

    # -- building ----------------------------------------------------------
    def _rebuild(self, restore_row: int | None) -> None:
        self._work_timer.stop()
        self._dirty.clear()
        self._tables = []
        document = self.document()
        document.clear()
        self._restore_row = restore_row
        first = _FIRST_SLICE_ROWS if self._painted or restore_row is not None else self._first_screen_rows()
        self._build_step(deadline=None, max_rows=first)

    def _first_screen_rows(self) -> int:
        """How many rows likely fill the first screen (a guess from the text lengths).

        Before the window is shown nothing is laid out yet, so the rows' heights are estimated
        (``_CHARS_PER_LINE`` is more than a column holds) against the window's height, or the
        screen's for a window that opens maximised. Should the guess fall short, the first resize
        with the real size builds what is missing (:meth:`_fill_first_screen`); the other rows are
        built right after the first paint. (Rows beyond the screen would be laid out, twice, before
        the first paint for nothing.)
        """
        window = self.window()
        height = window.height()
        if window.isMaximized() or window.isFullScreen():
            from PySide6.QtGui import QGuiApplication

            screen = QGuiApplication.primaryScreen()
            height = max(height, screen.availableGeometry().height() if screen is not None else 0)
        line = max(12, self.fontMetrics().lineSpacing())
        total = 0.0
        for row, block in enumerate(self._rows.blocks):
            lines = sum(1 + len(part) // _CHARS_PER_LINE for part in block.source.splitlines() or [""])
            total += lines * line + 16  # cell padding and margins
            if total >= height:
                return min(_FIRST_SLICE_ROWS, row + 1)
        return _FIRST_SLICE_ROWS

    def _build_step(self, deadline: float | None = -1.0, max_rows: int | None = None) -> None:
        if deadline == -1.0:
            deadline = time.perf_counter() + _SLICE_SECONDS
        start = len(self._tables)
        end = start
        pieces: list[str] = []
        while end < len(self._rows.blocks):
            pieces.append(self._row_html(end))
            end += 1
            if max_rows is not None and end - start >= max_rows:
                break
            if deadline is not None and time.perf_counter() > deadline:
                break
            if deadline is not None and end - start >= _SLICE_ROWS:
                break
            if deadline is None and max_rows is None and end - start >= 200:
                break
        if pieces:
            cursor = QTextCursor(self.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            first_position = cursor.position()
            cursor.insertHtml("".join(pieces))
            new_tables = cells.tables_from(self.document(), first_position, len(pieces))
            self._tables.extend(new_tables)
            # One edit block for the formats: the layout is updated once, not for every change
            # (each update costs time in proportion to the whole document).
            cursor.beginEditBlock()
            for table in new_tables:
                cells.tidy_table(table, self._mode)
            cells.tidy_separators(self.document(), new_tables[0].firstPosition() - 1 if new_tables else 0)
            cursor.endEditBlock()
            if start == 0:
                # The view's own cursor sat where the first rows went in and moved past them: back
                # to the top, or the window would open scrolled to the end of the first rows.
                self.setTextCursor(QTextCursor(self.document()))
        if len(self._tables) < len(self._rows.blocks):
            if self._restore_row is not None and len(self._tables) > self._restore_row:
                self.scroll_to_row(self._restore_row)
                self._restore_row = None
            self._schedule()
        else:
            if self._restore_row is not None:
                self.scroll_to_row(self._restore_row)
                self._restore_row = None
            self._visible_timer.start()
            self.buildFinished.emit()

    def _mark_dirty(self, row: int, languages: Sequence[str] = ("zh", "en")) -> None:
        if row < len(self._tables):
            self._dirty.setdefault(row, set()).update(languages)
            self._schedule()

    def _schedule(self) -> None:
        """Ask for a work slice; before the first paint, wait for it (or a while, when hidden)."""
        if not self._work_timer.isActive():
            self._work_timer.start(0 if self._painted else _UNPAINTED_BUILD_DELAY_MS)

    def has_pending_work(self) -> bool:
        """Rows still to build or to update."""
        return bool(self._dirty) or len(self._tables) < len(self._rows.blocks)

    def yield_turn(self) -> None:
        """Another long step just ran in this event-loop turn: the next slice waits for the next turn."""
        self._yielded_at = time.perf_counter()

    def _work_step(self) -> None:
        """One slice: rows on screen that changed, then rows still to build, then other changes."""
        if time.perf_counter() - self._yielded_at < _YIELD_SECONDS:
            self._yielded_at = 0.0
            self._work_timer.start(0)
            return
        deadline = time.perf_counter() + _SLICE_SECONDS
        if self._dirty:
            self._update_step(deadline, visible_only=True)
        if len(self._tables) < len(self._rows.blocks) and time.perf_counter() < deadline:
            self._build_step(deadline)
        if self._dirty and time.perf_counter() < deadline:
            self._update_step(deadline)
        if self._dirty or len(self._tables) < len(self._rows.blocks):
            self._schedule()

    def _update_step(self, deadline: float | None = -1.0, visible_only: bool = False) -> None:
        if deadline == -1.0:
            deadline = time.perf_counter() + _SLICE_SECONDS
        visible = set(self.visible_rows()) if self._tables else set()
        order = sorted(self._dirty, key=lambda row: (row not in visible, row))
        for row in order:
            if visible_only and row not in visible:
                break
            self._refresh_row(row, self._dirty.pop(row))
            if deadline is not None and time.perf_counter() > deadline:
                break
        if self._dirty:
            self._schedule()

    def _refresh_row(self, row: int, languages: set[str]) -> None:
        table = self._tables[row]
        if not self._rows.blocks[row].translatable:
            languages = {"zh", "en"}  # the English cell shows the Chinese
        for language in ("zh", "en"):
            if language in languages:
                html = self._zh_html(row) if language == "zh" else self._en_html(row)
                cells.replace_cell_html(table, self._mode, language, html)
        cells.tidy_table(table, self._mode)

    # -- HTML of one row ----------------------------------------------------
    def _row_html(self, row: int) -> str:
        return row_html.row_html(
            self._rows.blocks[row], self._zh_html(row), self._en_html(row), self._mode, self.colours().heading_bg
        )

    def _zh_html(self, row: int) -> str:
        return self._rows.zh_html(row)

    def _en_html(self, row: int) -> str:
        return self._rows.en_html(row, self.tr("Glossary term not used:"))

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
