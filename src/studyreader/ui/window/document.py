"""The open notes file: opening, reloading, the cached first screen, watching the file.

Every way a file reaches the reader goes through one path: the notes are read and cut into
blocks (in a worker thread, except for the first screen of a file not shown before), then
:meth:`DocumentController._apply` shows them and emits ``loaded(kind, notes)``. A file shown
before paints from the start-up cache (:mod:`studyreader.render.first_screen`); its notes are
read after the first paint (``Load.COMPLETE``), and the rows are kept when they match.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Signal

from studyreader.errors import StudyReaderError, os_reason
from studyreader.messages import message
from studyreader.render import rows as rows_mod
from studyreader.ui.file_watcher import NotesFileWatcher
from studyreader.ui.jobs import run_in_thread
from studyreader.ui.messages import error_text, worded

if TYPE_CHECKING:
    from collections.abc import Callable

    from studyreader.ui.reader.reader import BilingualReader
    from studyreader.ui.window.startup import FirstPaint


class Load(Enum):
    OPEN = "open"  # a file opened (its rows start at the top)
    COMPLETE = "complete"  # the notes of a file shown from the start-up cache
    RELOAD = "reload"  # the same file again (changed on disk, saved by the editor): the place is kept


class UnreadableNotes(StudyReaderError):
    """A notes file that cannot be read or parsed; the message names the file."""


class Loaded(NamedTuple):
    notes: object
    blocks: list  # the reader's rows, also what is translated
    status: object  # studyreader.programme.Status, None when the verdicts could not be worked out
    problem: object  # why there is no status: a core Message or the system's words ("" when there is one)


def read_notes(path: Path, override=None) -> Loaded:
    """Read and cut a notes file and work out the bot's verdicts under its programme (plain Python:
    runs in a worker thread). The entry list, the programme strip and the start-up cache all show
    these verdicts; a verdict problem never hides the notes."""
    from studyreader.notes import NotesError, load_notes
    from studyreader.programme import status_for

    try:
        notes = load_notes(path)
    except NotesError as error:
        raise UnreadableNotes(error.message if error.message is not None else str(error)) from error
    except OSError as error:
        raise UnreadableNotes(message("file.unreadable", path=str(path), reason=os_reason(error))) from error
    blocks = rows_mod.segment(notes.text)
    try:
        status, problem = status_for(path, override=override), ""
    except (NotesError, OSError, ValueError) as error:
        said = error.message if isinstance(error, StudyReaderError) else None
        status, problem = None, said if said is not None else str(error)
    return Loaded(notes, blocks, status, problem)


class DocumentController(QObject):
    cachedShown = Signal(object, object, bool)  # entries, marks, in a programme: the cached first screen is shown
    loaded = Signal(object, object)  # Load, notes: the reader shows these notes
    openFailed = Signal(str)  # a file chosen could not be opened (the message names it)
    message = Signal(str)  # a reload or a cached start's reading failed
    completed = Signal()  # a cached start's notes were read (or could not be)

    def __init__(self, reader: BilingualReader, first_paint: FirstPaint, parent: QObject) -> None:
        super().__init__(parent)
        self._reader = reader
        self._first_paint = first_paint
        self.notes = None
        self.path: Path | None = None
        self.blocks: list | None = None  # the parsed notes' blocks: the reader's rows, what is translated
        self.status = None  # the programme's verdicts for the notes shown (studyreader.programme.Status)
        self.override_for: Callable[[Path], object] = lambda _path: None  # the Settings' programme override
        self._completing: Path | None = None  # shown from the cache; its notes are being read
        self._cache_key: str | None = None  # cache entry to write once every row is built
        self.watcher = NotesFileWatcher(self)
        self.watcher.changed.connect(lambda _path: self.reload())
        reader.buildFinished.connect(self._store_render_cache)

    def completing(self) -> bool:
        """Shown from the start-up cache, the notes not read yet."""
        return self._completing is not None

    def open(self, path: Path, background: bool = False) -> bool:
        """Show ``path``: from the start-up cache when it holds the file, else read now (or, with
        ``background``, in a worker thread: a large file chosen later must not freeze the window)."""
        path = Path(path)
        if background:
            self._read(Load.OPEN, path)
            return True
        cached = self._cached_view(path)
        if cached is not None:
            self._show_cached(path, cached)
            return True
        try:
            loaded = read_notes(path, self.override_for(path))
        except UnreadableNotes as error:
            loaded = error
        return self._apply(Load.OPEN, path, loaded)

    def reload(self, then: Callable[[], object] | None = None) -> None:
        """Read the file again, keeping the reader's place; ``then()`` once it shows the new text."""
        if self.path is not None:
            self._read(Load.RELOAD, self.path, then)

    def forget_rendered_labels(self) -> None:
        """The interface language changed: the placeholders' words are in the cached HTML."""
        self._cache_key = None

    # -- the one load path ----------------------------------------------------------------------
    def _read(self, kind: Load, path: Path, then: Callable[[], object] | None = None) -> None:
        override = self.override_for(path)
        run_in_thread(lambda: read_notes(path, override), lambda loaded: self._apply(kind, path, loaded, then),
                      lambda error: self._apply(kind, path, error, then), context=self)

    def _apply(self, kind: Load, path: Path, loaded, then: Callable[[], object] | None = None) -> bool:
        if kind is not Load.OPEN and path != self.path:
            return False  # another file was opened meanwhile
        if isinstance(loaded, BaseException):
            if not isinstance(loaded, UnreadableNotes):
                raise loaded
            if kind is Load.COMPLETE:
                self._end_completion()
            (self.openFailed if kind is Load.OPEN else self.message).emit(error_text(loaded))
            return False
        notes, blocks, status, problem = loaded
        self.notes, self.path, self.blocks, self.status = notes, path, blocks, status
        if kind is Load.OPEN or rows_mod.shown_blocks(blocks) != self._reader.blocks:
            self._reader.set_blocks(blocks, path.parent, keep_position=kind is not Load.OPEN)
            self._keep_for_next_start(path, notes)
        if problem:
            self.message.emit(problem if isinstance(problem, str) else worded(problem))
        self.watcher.watch(path)
        self.loaded.emit(kind, notes)
        self._end_completion()  # these notes are at least as new as those a cached start waits for
        if then is not None:
            then()
        return True

    def _end_completion(self) -> None:
        if self._completing is not None:
            self._completing = None
            self.completed.emit()

    # -- the start-up cache ----------------------------------------------------------------------
    def _render_cache_key(self, path: Path, text: bytes) -> str:
        from studyreader.render import first_screen

        labels = self._reader.labels()
        return first_screen.cache_key(text, path.parent, (labels.remote_image, labels.blocked_image))

    def _cached_view(self, path: Path):
        """The file as it was last shown, when nothing it depends on has changed (else None)."""
        from studyreader.render import first_screen

        try:
            if not path.is_file():  # a FIFO or a device in the notes' place: reading it would hang the window
                return None
            data = path.read_bytes()
        except OSError:
            return None
        cached = first_screen.load(self._render_cache_key(path, first_screen.text_bytes(data)))
        if cached is None or (not cached.verdicts_valid and cached.entries):
            return None  # a new day: the verdicts are worked out from the parsed notes
        return cached

    def _show_cached(self, path: Path, cached) -> None:
        """The cached blocks and entries now; the notes are read after the first paint."""
        self.notes, self.path, self.blocks, self.status = None, path, None, None
        self._completing = path
        blocks = cached.blocks
        self._reader.set_blocks(blocks, path.parent, keep_position=False, rendered=cached.html)
        self._cache_key = cached.key if any(html is None for html in cached.html) else None
        self.cachedShown.emit(cached.entries, cached.verdicts, cached.in_programme)
        self._first_paint.after(lambda: self._completing == path and self._read(Load.COMPLETE, path))

    def _keep_for_next_start(self, path: Path, notes) -> None:
        """Write the start-up cache now (the rows built so far) and again once every row is in."""
        key = self._render_cache_key(path, notes.text.encode("utf-8"))
        self._cache_key = key
        self._store_render_cache(notes)
        if not self._reader.is_built():
            self._cache_key = key

    def _store_render_cache(self, notes=None) -> None:
        key, self._cache_key = self._cache_key, None
        notes = notes if notes is not None else self.notes
        if key is None or notes is None:
            return
        from studyreader.programme.marks import marks_by_date
        from studyreader.render import first_screen

        status = self.status if notes is self.notes else None
        first_screen.store(key, blocks=self._reader.blocks, html=self._reader.rendered_html(), notes=notes,
                           verdicts=marks_by_date(status),  # what the entry list shows for these notes
                           in_programme=status is not None and status.in_programme)
