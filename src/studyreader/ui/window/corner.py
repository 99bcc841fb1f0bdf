"""The menu bar's right end: what must stay in sight at every width (the study timer, the review count).

A toolbar folds what does not fit into its "»" menu; the menu bar keeps its corner and folds its
menus instead. So the corner gives way: when the menus would not fit beside its full form, its
folding parts (the timer) take their narrow form. The menu bar places its corner only when the bar
is resized or the corner set; the corner asks to be placed again whenever its own size changes.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QMenuBar, QWidget

MENU_ROOM = 16  # pixels kept free between the last menu's title and the corner


class Folding(Protocol):
    """A corner part with a narrow form (the study timer)."""

    def set_compact(self, compact: bool) -> None: ...

    def full_width(self) -> int:
        """Its width in the full form, whatever form it shows now."""
        ...


class MenuCorner(QWidget):
    def __init__(self, bar: QMenuBar) -> None:
        super().__init__(bar)
        self.setObjectName("menuCorner")
        self._bar = bar
        self._folding: list[tuple[QWidget, Folding]] = []
        self._compact = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(8)
        bar.setCornerWidget(self, Qt.Corner.TopRightCorner)
        bar.installEventFilter(self)

    @property
    def compact(self) -> bool:
        return self._compact

    def add(self, widget: QWidget, folding: Folding | None = None) -> None:
        """``widget`` after those added before; ``folding``: its narrow form's switch (``widget`` itself)."""
        self.layout().addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
        if folding is not None:
            self._folding.append((widget, folding))
        self._fit()

    def menus_width(self) -> int:
        """The width the menus' titles take (the bar's preferred width less the corner's)."""
        return self._bar.sizeHint().width() - self.sizeHint().width()

    def full_width(self) -> int:
        """The corner's width with every part in its full form."""
        width = self.sizeHint().width()
        for widget, part in self._folding:
            width += part.full_width() - widget.sizeHint().width()
        return width

    def _fit(self) -> None:
        compact = self._bar.width() < self.menus_width() + self.full_width() + MENU_ROOM
        if compact != self._compact:
            self._compact = compact
            for widget, part in self._folding:
                part.set_compact(compact)
                widget.updateGeometry()  # the corner's size now, not after the part's own layout request
        self._place()

    def _place(self) -> None:
        """Have the bar place the corner at its current size (and its menus beside it)."""
        hint = self.sizeHint().width()
        if self.width() != hint and self.isVisible():
            self._bar.setCornerWidget(self, Qt.Corner.TopRightCorner)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._bar and event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # a part changed its size (a longer count, a language)
            self._fit()
        return handled
