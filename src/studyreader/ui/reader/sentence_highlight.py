"""A sentence and its translation lit up together: the one mechanism of the reader and the editor.

The pointer resting on a sentence, or the keyboard cursor (the caret) moving into one, lights it
and its counterpart in the other language with the same quiet background; a click pins the
highlight (the pointer no longer moves it), Escape clears it. The highlight is drawn with
``setExtraSelections`` and a background colour only, so nothing is laid out again and rows keep
their places to the pixel.

What a sentence is comes from a :class:`SentenceMap` (the reader's rows, the editor's panes); this
class only follows the pointer and the keys and paints.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit

TextView = QTextEdit | QPlainTextEdit


class SentenceMap(Protocol):
    """Which sentence a document position of a view is in, and where a sentence is shown."""

    def sentence_at(self, view: TextView, position: int) -> Hashable | None:
        """The sentence (any key) at ``position`` of ``view``'s document, None: no sentence there."""

    def ranges(self, sentence: Hashable) -> list[tuple[TextView, int, int]]:
        """Every place the sentence and its counterpart are shown: (view, start, end) document positions."""


class SentenceHighlight(QObject):
    """Follows the pointer, clicks, Escape and the caret of some text views; lights one sentence pair."""

    def __init__(self, sentences: SentenceMap, colour: Callable[[], QColor], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sentences = sentences
        self._colour = colour
        self._watched: list[tuple[QObject, TextView]] = []  # (view or its viewport, view)
        self._follow_caret_always: set[TextView] = set()
        self._hovered: Hashable | None = None
        self._caret: Hashable | None = None
        self._pinned: Hashable | None = None
        self._press: QPoint | None = None
        self._painted: set[TextView] = set()  # views holding a highlight now
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)

    # -- views -------------------------------------------------------------------------------------
    def watch(self, view: TextView, *, hover: bool = True, caret_always: bool = False) -> None:
        """Follow ``view``: the pointer over it (``hover``), its caret after a key press, or after every
        move of the caret (``caret_always``: the editor's source, where clicks and typing move it too)."""
        if hover and not isinstance(view, QTextEdit):
            raise TypeError(f"the pointer is followed on rich-text views only, not on {type(view).__name__}")
        self._watched.append((view, view))
        view.installEventFilter(self)
        if hover:
            viewport = view.viewport()
            viewport.setMouseTracking(True)
            viewport.installEventFilter(self)
            self._watched.append((viewport, view))
        if caret_always:
            self._follow_caret_always.add(view)
            view.cursorPositionChanged.connect(lambda: self._follow_caret(view))
        view.document().contentsChange.connect(self._on_contents_change)

    # -- state -------------------------------------------------------------------------------------
    def current(self) -> Hashable | None:
        """The sentence lit now: the pinned one, else the one under the pointer, else the caret's."""
        if self._pinned is not None:
            return self._pinned
        return self._hovered if self._hovered is not None else self._caret

    def pinned(self) -> Hashable | None:
        return self._pinned

    def pin(self, sentence: Hashable | None) -> None:
        """Keep ``sentence`` lit whatever the pointer does (None: unpin)."""
        self._pinned = sentence
        self.refresh()

    def clear(self) -> None:
        """Nothing lit, nothing pinned (new text, or Escape)."""
        self._hovered = self._caret = self._pinned = None
        self.refresh()

    def refresh(self) -> None:
        """Paint the current sentence again (its places or the colours may have changed)."""
        self._refresh_timer.stop()
        sentence = self.current()
        by_view: dict[TextView, list[QTextEdit.ExtraSelection]] = {}
        if sentence is not None:
            fmt = QTextCharFormat()
            fmt.setBackground(self._colour())
            for view, start, end in self._sentences.ranges(sentence):
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(view.document())
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = fmt
                by_view.setdefault(view, []).append(selection)
        for view in self._painted - set(by_view):
            view.setExtraSelections([])
        for view, selections in by_view.items():
            view.setExtraSelections(selections)
        self._painted = set(by_view)

    def _on_contents_change(self, _position: int, removed: int, added: int) -> None:
        if (removed or added) and self.current() is not None:
            self._refresh_timer.start()  # once the edits of this turn are done

    # -- events ----------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        view = self._view_of(watched)
        if view is None:
            return False
        if watched is view:
            if kind == QEvent.Type.KeyPress:
                return self._on_key(view, event)
            if kind == QEvent.Type.PaletteChange:
                self._refresh_timer.start()
            return False
        if kind == QEvent.Type.MouseMove:
            self._set_hovered(self._sentence_under(view, event.position().toPoint()))
        elif kind == QEvent.Type.Leave:
            self._set_hovered(None)
        elif kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        elif kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            self._on_click(view, event.position().toPoint())
        return False

    def _view_of(self, watched: QObject) -> TextView | None:
        # identity only: a view being destroyed still sends events, and must not be asked anything
        for candidate, view in self._watched:
            if watched is candidate:
                return view
        return None

    def _on_key(self, view: TextView, event) -> bool:
        if event.key() == Qt.Key.Key_Escape and self.current() is not None:
            was_pinned = self._pinned is not None
            self.clear()
            return was_pinned  # Escape unpins here; with nothing pinned it still reaches the window
        if view not in self._follow_caret_always:
            # the key may move the caret (Tab to a link) once it is handled: follow it then, if it moved
            cursor = view.textCursor()
            before = (cursor.position(), cursor.anchor())
            QTimer.singleShot(0, self, lambda: self._follow_caret(view, before))
        return False

    def _on_click(self, view: TextView, point: QPoint) -> None:
        press, self._press = self._press, None
        if press is None or (point - press).manhattanLength() >= QApplication.startDragDistance():
            return  # a drag selects text
        if isinstance(view, QTextEdit) and view.anchorAt(point):
            return  # a link or a glossary term: its own click
        sentence = self._sentence_under(view, point)
        self.pin(None if sentence == self._pinned else sentence)

    def _sentence_under(self, view: TextView, point: QPoint) -> Hashable | None:
        position = _position_at(view, point)
        return self._sentences.sentence_at(view, position) if position >= 0 else None

    def _set_hovered(self, sentence: Hashable | None) -> None:
        if sentence != self._hovered:
            self._hovered = sentence
            if self._pinned is None:
                self.refresh()

    def _follow_caret(self, view: TextView, before: tuple[int, int] | None = None) -> None:
        cursor = view.textCursor()
        if before == (cursor.position(), cursor.anchor()):
            return  # a key that only scrolled: the caret (wherever it is) lights nothing new
        position = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
        sentence = self._sentences.sentence_at(view, position)
        if sentence != self._caret:
            self._caret = sentence
            self._hovered = None  # the latest of pointer and caret wins
            if self._pinned is None:
                self.refresh()


def _position_at(view: QTextEdit, point: QPoint) -> int:
    """The document position of the character under a viewport point (-1: no character there)."""
    offset = QPointF(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    return view.document().documentLayout().hitTest(QPointF(point) + offset, Qt.HitTestAccuracy.ExactHit)


def document_text(document, start: int, end: int) -> tuple[str, list[int]]:
    """The text of ``document`` at positions [start, end) (paragraph ends, table cells and images
    included, one character each; a character outside the BMP, two positions in Qt, is one here),
    and the document position of each character and of the end."""
    units = "".join(document.characterAt(position) for position in range(start, end))
    text = units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    positions = []
    position = start
    for character in text:
        positions.append(position)
        position += 2 if ord(character) > 0xFFFF else 1
    positions.append(position)
    return text, positions
