"""The reader's rows put into its document in slices, and changed rows drawn again, one slice per event-loop turn.

The rows' HTML is rendered off the GUI thread (:mod:`.render_worker`, in document order, rows on
screen first); this puts it into the document. Large files are built a few rows at a time from the
event loop so the window never freezes; rows whose text changed (a translation arrived, the glossary
changed) are drawn again the same way once rendered, those on screen first. Only what must be on
screen before the event loop turns again (the first screen, a jump to a row) waits for the renderer.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QTextCursor, QTextFrame

from studyreader.render.rows import Block
from studyreader.ui.reader import cells, row_html
from studyreader.ui.reader.render_worker import WAITED_FOR, RenderQueue, Result

if TYPE_CHECKING:
    from studyreader.ui.reader.reader import BilingualReader

_SLICE_SECONDS = 0.008  # build/update work per event-loop turn: well under the 50 ms stall budget
_SLICE_ROWS = 4  # rows inserted per turn while building: inserting and laying them out costs about as much as
# rendering them (measured on the largest corpus file), so a slice renders for half its time at most
_FIRST_SLICE_ROWS = 36  # rows built at once: the first screen is there when the window shows
_CHARS_PER_LINE = 60  # more than fit on a line of one column: the first-screen guess errs long
_YIELD_SECONDS = 0.002  # a slice this soon after another step's yield_turn() runs in the next turn
_UNPAINTED_BUILD_DELAY_MS = 50  # a reader that is not painted (hidden) still builds, a bit later
_FEED_TASKS = 48  # blocks queued for the renderer at a time (more than a first screen)
# The first screen waits this long at most for the renderer (a screenful renders in 20-40 ms, Python-Markdown
# imported on the way); rows rendered later come in after the first paint. Shorter than a block's budget:
# a slow block at the top does not hold the first paint back for all of it.
FIRST_SCREEN_WAIT_SECONDS = 0.15


def first_screen_rows(blocks: Sequence[Block], height: int, line: int) -> int:
    """How many rows likely fill ``height`` pixels with text lines ``line`` pixels high.

    A guess from the text lengths: ``_CHARS_PER_LINE`` is more than a column holds, so it errs long.
    """
    total = 0.0
    for row, block in enumerate(blocks):
        lines = sum(1 + len(part) // _CHARS_PER_LINE for part in block.source.splitlines() or [""])
        total += lines * line + 16  # cell padding and margins
        if total >= height:
            return min(_FIRST_SLICE_ROWS, row + 1)
    return _FIRST_SLICE_ROWS


class RowBuilder(QObject):
    """Owns the reader's row texts and row tables; builds and redraws them slice by slice."""

    finished = Signal()  # every row is in the document

    def __init__(self, view: BilingualReader) -> None:
        super().__init__(view)
        self._view = view
        self.rows = row_html.RowTexts()
        self.tables: list[QTextFrame] = []
        self.painted = False  # rows beyond the first screen are built after the first paint
        self._miss_label = ""  # the English rows' "term not used" flag, in the interface language
        # One slice of work (building rows, updating rows) per event-loop turn, whichever is due:
        # two timers would both run in the same turn and add up.
        self._work_timer = QTimer(self, singleShot=True, interval=0)
        self._work_timer.timeout.connect(self._work_step)
        self._yielded_at = 0.0
        self._dirty: dict[int, set[str]] = {}  # rows to draw again -> which cells ("zh", "en")
        self._restore_row: int | None = None
        self.queue = RenderQueue(self._rendered, self)
        self._english_due: set[int] = set()  # rows whose new English is not handed to the renderer yet
        self._feed_from = 0  # rows from here on are handed to the renderer as it gets through the others

    # -- state -------------------------------------------------------------
    def is_built(self) -> bool:
        return len(self.tables) == len(self.rows.blocks)

    def has_pending_work(self) -> bool:
        """Rows still to render, to build or to update."""
        return bool(self._dirty) or len(self.tables) < len(self.rows.blocks) or self.queue.busy()

    # -- requests ----------------------------------------------------------
    def rebuild(self, restore_row: int | None, miss_label: str) -> None:
        """Build every row again from the start; the view returns to ``restore_row`` once it is built."""
        self._work_timer.stop()
        self._dirty.clear()
        self.tables = []
        self._miss_label = miss_label
        self._view.document().clear()
        self._restore_row = restore_row
        self._request_all()
        first = _FIRST_SLICE_ROWS if self.painted or restore_row is not None else self._first_screen_rows()
        self._build_step(deadline=None, max_rows=first, wait=FIRST_SCREEN_WAIT_SECONDS)

    def mark_dirty(self, row: int, languages: Sequence[str] = ("zh", "en")) -> None:
        """Draw these cells of ``row`` again (rows not built yet are drawn with their new text anyway)."""
        if row < len(self.tables):
            self._dirty.setdefault(row, set()).update(languages)
            self._schedule()

    def set_translation(self, row: int, english: str, missing: tuple[str, ...]) -> None:
        """The English of one row arrived: render it (first when on screen), then draw it."""
        self.rows.set_english(row, english, missing)
        self._english_due.add(row)  # handed to the renderer together, at the next slice (or wait)
        self.mark_dirty(row, ("en",))
        self._schedule()

    def set_glossary(self, glossary) -> None:
        """Mark the glossary's terms in every row: rendered again (rows on screen first), then drawn."""
        self.rows.set_glossary(glossary)
        self._request_all()
        self._dirty.update({row: {"zh", "en"} for row in range(len(self.tables))})
        self._schedule()

    def build_until(self, row: int) -> None:
        """Build now every row up to and including ``row``."""
        while len(self.tables) <= row:
            self._build_step(deadline=None)

    def finish(self) -> None:
        """Render, build every remaining row and draw every changed one now."""
        self._work_timer.stop()
        self._submit_english()
        self.queue.wait_for()
        while len(self.tables) < len(self.rows.blocks):
            self._build_step(deadline=None)
        while self._dirty:
            self._update_step(deadline=None)

    def yield_turn(self) -> None:
        """Another long step just ran in this event-loop turn: the next slice waits for the next turn."""
        self._yielded_at = time.perf_counter()

    def first_paint(self) -> None:
        """The first screen is on: build the rest now."""
        self.painted = True
        if self._work_timer.isActive():
            self._work_timer.start(0)

    def fill_first_screen(self, height: int) -> None:
        """Before the first paint, with the real size known: build rows until ``height`` is full.

        The guess made before the window had its size (:meth:`_first_screen_rows`) can fall
        short, e.g. where Markdown joins a paragraph's source lines into fewer lines than it
        counted. Laying the rows out here is work the first paint needs anyway.
        """
        if self.painted or not self.tables:
            return
        while not self.is_built() and self._view.document().size().height() < height:
            built = len(self.tables)
            self._build_step(deadline=None, max_rows=2, wait=FIRST_SCREEN_WAIT_SECONDS)
            if len(self.tables) == built:
                return  # its rows are not rendered yet: they come in after the first paint

    # -- rendering (on the render worker) ------------------------------------
    def _request_all(self) -> None:
        """Render what every row must show and is not rendered yet: rows on screen first, then in
        document order, handed to the renderer a few dozen at a time (:meth:`_feed`)."""
        self.queue.clear()
        self._english_due.clear()
        rows = self.rows
        visible = [row for row in self._view.visible_rows() if row < len(rows.blocks)] if self.tables else []
        self.queue.submit(((0, row), rows.task(key)) for row in visible for key in rows.keys(row))
        self._feed_from = 0
        self._feed()

    def _feed(self) -> None:
        """Keep about :data:`_FEED_TASKS` blocks queued for the renderer, the next ones in document order.

        (Making every row's task at once cost 20 ms for 2,000 rows before the first one could start.)
        """
        rows = self.rows
        room = _FEED_TASKS - self.queue.size()
        if room <= 0 or self._feed_from >= len(rows.blocks):
            return
        tasks = []
        row = self._feed_from
        while row < len(rows.blocks) and len(tasks) < room:
            tasks.extend(((1, row), rows.task(key)) for key in rows.keys(row))
            row += 1
        self._feed_from = row
        if tasks:
            self.queue.submit(tasks)

    def _submit_english(self) -> None:
        """Hand the English that arrived since the last slice to the renderer, rows on screen first."""
        if not self._english_due:
            return
        due, self._english_due = self._english_due, set()
        visible = set(self._view.visible_rows()) if self.tables else set()
        rows = self.rows
        self.queue.submit(
            ((0 if row in visible else 1, row), rows.task(key))
            for row in sorted(due) if row < len(rows.blocks) for key in rows.keys(row)
        )

    def _wait_for_rows(self, rows: Iterable[int], timeout: float | None = None) -> None:
        """Block until ``rows`` are rendered (each block within its budget), or for ``timeout`` seconds."""
        self._submit_english()
        keys = [key for row in rows for key in self.rows.keys(row)]
        if not keys:
            return
        queued = self.queue.pending(keys)
        missing = [key for key in keys if key not in queued]
        if missing:  # (every row that is not rendered has its tasks queued: this is a safety net)
            self.queue.submit((WAITED_FOR, self.rows.task(key)) for key in missing)
        self.queue.wait_for(keys, timeout=timeout)

    def _rendered(self, result: Result) -> None:
        """A block's HTML arrived: draw its row again if built, or let the build go on."""
        self._feed()
        if not self.rows.accept(result.key, result.value):
            return
        language, row = result.key
        if row < len(self.tables):
            cells_changed = (language,) if self.rows.blocks[row].translatable else ("zh", "en")
            self._dirty.setdefault(row, set()).update(cells_changed)
        self._schedule()

    # -- slices --------------------------------------------------------------
    def _first_screen_rows(self) -> int:
        """How many rows likely fill the first screen.

        Before the window is shown nothing is laid out yet, so the rows' heights are estimated
        against the window's height, or the screen's for a window that opens maximised. Should
        the guess fall short, the first resize with the real size builds what is missing
        (:meth:`fill_first_screen`); the other rows are built right after the first paint.
        (Rows beyond the screen would be laid out, twice, before the first paint for nothing.)
        """
        window = self._view.window()
        height = window.height()
        if window.isMaximized() or window.isFullScreen():
            screen = QGuiApplication.primaryScreen()
            height = max(height, screen.availableGeometry().height() if screen is not None else 0)
        line = max(12, self._view.fontMetrics().lineSpacing())
        return first_screen_rows(self.rows.blocks, height, line)

    def _schedule(self) -> None:
        """Ask for a work slice; before the first paint, wait for it (or a while, when hidden)."""
        if not self._work_timer.isActive():
            self._work_timer.start(0 if self.painted else _UNPAINTED_BUILD_DELAY_MS)

    def _work_step(self) -> None:
        """One slice: rows on screen that changed, then rows still to build, then other changes."""
        if time.perf_counter() - self._yielded_at < _YIELD_SECONDS:
            self._yielded_at = 0.0
            self._work_timer.start(0)
            return
        self._submit_english()
        with self.queue.hold():
            deadline = time.perf_counter() + _SLICE_SECONDS
            if self._dirty:
                self._update_step(deadline, visible_only=True)
            if len(self.tables) < len(self.rows.blocks) and time.perf_counter() < deadline:
                self._build_step(deadline)
            if self._dirty and time.perf_counter() < deadline:
                self._update_step(deadline)
        if self._has_work_ready():
            self._schedule()

    def _has_work_ready(self) -> bool:
        """A row to build or a changed row to draw has its HTML (else the renderer's result asks for a slice)."""
        tables = len(self.tables)
        if tables < len(self.rows.blocks) and self.rows.ready(tables):
            return True
        return any(self.rows.ready(row) for row in self._dirty)

    def _build_step(self, deadline: float | None = -1.0, max_rows: int | None = None,
                    wait: float | None = None) -> None:
        """Insert the next rows whose HTML is rendered; ``deadline`` None: now, waiting for their HTML
        (at most ``wait`` seconds; the first screen shows what is rendered by then)."""
        if deadline == -1.0:
            deadline = time.perf_counter() + _SLICE_SECONDS
        view = self._view
        document = view.document()
        start = len(self.tables)
        end = start
        pieces: list[str] = []
        if deadline is None:  # rows that must be in now: wait for their HTML
            self._wait_for_rows(range(start, min(len(self.rows.blocks), start + (max_rows or 200))), wait)
        with self.queue.hold():  # (the renderer does not compete with the insertion)
            while end < len(self.rows.blocks) and self.rows.ready(end):
                pieces.append(self._row_html(end))
                end += 1
                if max_rows is not None and end - start >= max_rows:
                    break
                if deadline is not None and time.perf_counter() > deadline - _SLICE_SECONDS / 2:
                    break
                if deadline is not None and end - start >= _SLICE_ROWS:
                    break
                if deadline is None and max_rows is None and end - start >= 200:
                    break
            if pieces:
                cursor = QTextCursor(document)
                cursor.movePosition(QTextCursor.MoveOperation.End)
                first_position = cursor.position()
                cursor.insertHtml("".join(pieces))
                new_tables = cells.tables_from(document, first_position, len(pieces))
                self.tables.extend(new_tables)
                # One edit block for the formats: the layout is updated once, not for every change
                # (each update costs time in proportion to the whole document).
                cursor.beginEditBlock()
                for table in new_tables:
                    cells.tidy_table(table, view.mode)
                cells.tidy_separators(document, new_tables[0].firstPosition() - 1 if new_tables else 0)
                cursor.endEditBlock()
                if start == 0:
                    # The view's own cursor sat where the first rows went in and moved past them: back
                    # to the top, or the window would open scrolled to the end of the first rows.
                    view.setTextCursor(QTextCursor(document))
        if len(self.tables) < len(self.rows.blocks):
            if self._restore_row is not None and len(self.tables) > self._restore_row:
                view.scroll_to_row(self._restore_row)
                self._restore_row = None
            if self.rows.ready(len(self.tables)):
                self._schedule()  # (else the next row's HTML asks for a slice when it arrives)
        else:
            if self._restore_row is not None:
                view.scroll_to_row(self._restore_row)
                self._restore_row = None
            self.finished.emit()

    def _update_step(self, deadline: float | None = -1.0, visible_only: bool = False) -> None:
        if deadline == -1.0:
            deadline = time.perf_counter() + _SLICE_SECONDS
        visible = set(self._view.visible_rows()) if self.tables else set()
        order = sorted(self._dirty, key=lambda row: (row not in visible, row))
        if deadline is None:
            self._wait_for_rows(order)
        for row in order:
            if visible_only and row not in visible:
                break
            if not self.rows.ready(row):
                continue  # drawn when its HTML arrives
            self._refresh_row(row, self._dirty.pop(row))
            if deadline is not None and time.perf_counter() > deadline:
                break
        if self._has_work_ready():
            self._schedule()

    def _refresh_row(self, row: int, languages: set[str]) -> None:
        table = self.tables[row]
        mode = self._view.mode
        if not self.rows.blocks[row].translatable:
            languages = {"zh", "en"}  # the English cell shows the Chinese
        for language in ("zh", "en"):
            if language in languages:
                html = self.rows.zh_html(row) if language == "zh" else self.rows.en_html(row, self._miss_label)
                cells.replace_cell_html(table, mode, language, html)
        cells.tidy_table(table, mode)

    def _row_html(self, row: int) -> str:
        return row_html.row_html(
            self.rows.blocks[row],
            self.rows.zh_html(row),
            self.rows.en_html(row, self._miss_label),
            self._view.mode,
            self._view.colours().heading_bg,
        )
