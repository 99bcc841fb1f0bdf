"""The side panes beside the reader: the entry list (left) and the glossary sidebar (right).

The splitter keeps a place for each from the start; the staged window builds the panes into
those places right after its first paint, so the reader does not move when they come. Their
widths follow the window's: a narrower window narrows them first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QSplitter, QWidget

if TYPE_CHECKING:
    from studyreader.ui.glossary.panel import GlossaryPanel
    from studyreader.ui.window.navigator import EntryNavigator

DEFAULT_SIZE = (1280, 800)
# The side panes' widths in a window of the default size, and the least they start with in a
# narrower one (what their contents need; a place kept for a pane holds the same width).
NAVIGATOR_WIDTHS = (210, 130)
GLOSSARY_WIDTHS = (300, 270)
PLACES = {"navigator": 0, "glossary": 2}  # their indices in the splitter


def pane_widths(window_width: int) -> tuple[int, int, int]:
    """Entry list, reader, glossary: a narrower window narrows the side panes in proportion
    (down to their least widths) rather than taking everything from the reader."""
    def scaled(widths: tuple[int, int]) -> int:
        default, least = widths
        return max(least, min(default, round(window_width * default / DEFAULT_SIZE[0])))

    navigator, glossary = scaled(NAVIGATOR_WIDTHS), scaled(GLOSSARY_WIDTHS)
    return navigator, max(0, window_width - navigator - glossary), glossary


def fitted_size(size: tuple[int, int], available: tuple[int, int]) -> tuple[int, int]:
    """``size``, made smaller where the screen's free area is (leaving room for the window's frame
    and title bar): a first start on a 1366×768 laptop must not open taller than the screen."""
    width, height = size
    free_width, free_height = available
    if free_width <= 0 or free_height <= 0:  # no screen known
        return size
    return min(width, int(free_width * 0.95)), min(height, int(free_height * 0.92))


class SidePanes(QObject):
    dateActivated = Signal(object)  # an entry or a backlink was clicked: datetime.date
    glossaryEdited = Signal()

    def __init__(self, centre: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, parent)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(True)
        # The panes' places: QSplitter.replaceWidget() keeps their size and state.
        self.splitter.addWidget(QWidget(self.splitter))
        self.splitter.addWidget(centre)
        self.splitter.addWidget(QWidget(self.splitter))
        for index, stretch in enumerate((0, 1, 0)):
            self.splitter.setStretchFactor(index, stretch)
        self.navigator: EntryNavigator | None = None
        self.glossary_panel: GlossaryPanel | None = None
        self._notes = None
        self._entries = None  # (entries, marks, in a programme) from the start-up cache
        self._status = None  # the programme's verdicts for self._notes
        self._glossary = None

    def built(self) -> bool:
        return self.navigator is not None

    def build(self) -> None:
        """The entry list and the glossary sidebar, in their places, given what is known so far."""
        if self.navigator is not None:
            return
        from studyreader.ui.glossary.panel import GlossaryPanel
        from studyreader.ui.window.navigator import EntryNavigator

        parent = self.splitter.parentWidget()
        self.navigator, self.glossary_panel = EntryNavigator(parent), GlossaryPanel(parent)
        sizes = self.splitter.sizes()  # a pane dragged shut stays shut despite its minimum width
        self.splitter.replaceWidget(PLACES["navigator"], self.navigator).deleteLater()
        self.splitter.replaceWidget(PLACES["glossary"], self.glossary_panel).deleteLater()
        self.splitter.setSizes(sizes)
        self.navigator.dateActivated.connect(self.dateActivated)
        self.glossary_panel.dateActivated.connect(self.dateActivated)
        self.glossary_panel.glossaryEdited.connect(self.glossaryEdited)
        self.retranslate()
        if self._notes is not None:
            self.set_notes(self._notes, self._status)
        elif self._entries is not None:
            self.navigator.set_entries(*self._entries)
        if self._glossary is not None:
            self.glossary_panel.set_glossary(self._glossary)

    def set_entries(self, entries, marks, in_programme: bool) -> None:
        """The entries shown from the start-up cache (the notes are read after the first paint)."""
        self._entries, self._notes = (entries, marks, in_programme), None
        if self.navigator is not None:
            self.navigator.set_entries(entries, marks, in_programme)

    def set_notes(self, notes, status=None) -> None:
        """The notes and the programme's verdicts for them (``studyreader.programme.Status``)."""
        self._notes, self._status, self._entries = notes, status, None
        if self.navigator is not None:
            self.navigator.set_notes(notes, status)
            self.glossary_panel.set_notes(notes)

    def set_glossary(self, glossary) -> None:
        self._glossary = glossary
        if self.glossary_panel is not None:
            self.glossary_panel.set_glossary(glossary)

    def set_visible(self, name: str, visible: bool) -> None:
        """F9 / F10: the pane, or the place kept for it before it is built."""
        self.splitter.widget(PLACES[name]).setVisible(visible)

    def retranslate(self) -> None:
        if self.navigator is None:
            return
        self.navigator.list.setAccessibleName(QCoreApplication.translate("MainWindow", "Dated entries"))
        panel = self.glossary_panel
        panel.search.setAccessibleName(QCoreApplication.translate("MainWindow", "Search the glossary"))
        panel.list.setAccessibleName(QCoreApplication.translate("MainWindow", "Glossary terms"))
        panel.detail.setAccessibleName(QCoreApplication.translate("MainWindow", "Term details"))
