"""The study timer's commands: start/pause, stop, focus/break cycles, with their shortcuts.

Built by the timer widget; the window's F1 list builds a set too before the timer exists, so the
list names them from the first moment. Texts are in the "TimerWidget" translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPalette, QPixmap, QPolygonF
from PySide6.QtWidgets import QWidget

SHORTCUT_START_PAUSE = "Ctrl+Shift+S"
SHORTCUT_STOP = "Ctrl+Shift+X"
SHORTCUT_CYCLES = "Ctrl+Shift+B"

translate = QCoreApplication.translate


def native(shortcut: str) -> str:
    return QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)


def media_icon(kind: str, palette: QPalette) -> QIcon:
    """Play, pause or stop drawn in the palette's text colour (the style's own are dark on a dark theme)."""
    icon = QIcon()
    for mode, group in ((QIcon.Mode.Normal, QPalette.ColorGroup.Active),
                        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled)):
        pixmap = QPixmap(32, 32)
        pixmap.setDevicePixelRatio(2.0)  # drawn at 16×16, sharp on a high-density screen
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.color(group, QPalette.ColorRole.ButtonText)))
        if kind == "play":
            painter.drawPolygon(QPolygonF([QPointF(4, 2.5), QPointF(13.5, 8), QPointF(4, 13.5)]))
        elif kind == "pause":
            painter.drawRect(QRectF(4, 3, 3, 10))
            painter.drawRect(QRectF(9, 3, 3, 10))
        else:
            painter.drawRect(QRectF(3.5, 3.5, 9, 9))
        painter.end()
        icon.addPixmap(pixmap, mode)
    return icon


class TimerActions(QObject):
    """The three actions, owned by ``owner`` (their shortcuts work anywhere in its window)."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)

        def action(name: str, shortcut: str, checkable: bool = False) -> QAction:
            act = QAction(owner)
            act.setObjectName(name)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.setCheckable(checkable)
            owner.addAction(act)
            return act

        self.start_pause = action("studyStartPause", SHORTCUT_START_PAUSE)
        self.stop = action("studyStop", SHORTCUT_STOP)
        self.cycles = action("studyCycles", SHORTCUT_CYCLES, checkable=True)
        self._state = "idle"
        self.recolour(owner.palette())

    def all(self) -> list[QAction]:
        return [self.start_pause, self.stop, self.cycles]

    def recolour(self, palette: QPalette) -> None:
        """The icons in the palette's colours (at start and when the theme changes)."""
        self._palette = QPalette(palette)
        self.stop.setIcon(media_icon("stop", palette))
        self.set_state(self._state)

    def set_state(self, state: str) -> None:
        """The start/pause command's words and icon for the timer's state ("idle", "running", "paused")."""
        self._state = state
        self.start_pause.setIcon(media_icon("pause" if state == "running" else "play", self._palette))
        if state == "running":
            short, long = translate("TimerWidget", "Pause"), translate("TimerWidget", "Pause the timer")
        elif state == "paused":
            short, long = translate("TimerWidget", "Resume"), translate("TimerWidget", "Resume the timer")
        else:
            short, long = translate("TimerWidget", "Start"), translate("TimerWidget", "Start the timer")
        self.start_pause.setText(long)
        self.start_pause.setIconText(short)  # the button's word; the menu and the F1 list say more
        self.start_pause.setToolTip(f"{long} ({native(SHORTCUT_START_PAUSE)})")

    @staticmethod
    def start_words() -> tuple[str, ...]:
        """Every word the start/pause button can show (its width is that of the longest)."""
        return translate("TimerWidget", "Start"), translate("TimerWidget", "Pause"), translate("TimerWidget", "Resume")

    @staticmethod
    def cycles_word(focus: int, rest: int) -> str:
        return translate("TimerWidget", "Focus {focus}/{rest}").format(focus=focus, rest=rest)

    def retranslate(self, focus: int, rest: int) -> None:
        self.stop.setText(translate("TimerWidget", "Stop the timer"))
        self.stop.setToolTip(translate("TimerWidget", "Stop the study timer and log the session ({shortcut})").format(
            shortcut=native(SHORTCUT_STOP)))
        self.cycles.setText(translate("TimerWidget", "Focus/break cycles"))
        self.cycles.setIconText(self.cycles_word(focus, rest))
        self.cycles.setToolTip(translate(
            "TimerWidget", "Alternate {focus} minutes of focus with {rest} minutes of break ({shortcut})").format(
                focus=focus, rest=rest, shortcut=native(SHORTCUT_CYCLES)))
