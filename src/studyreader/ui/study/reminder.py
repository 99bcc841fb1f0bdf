"""Desktop notifications (one shared tray icon) and the evening reminder.

The tray icon is the only desktop-notification channel Qt offers everywhere;
where there is no tray (some desktops, the offscreen platform) notifications
still reach the user through the ``notice`` signals that the window shows in
its status bar and the widgets show in a label.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from studyreader import APP_NAME, paths
from studyreader.ui.settings import Settings

if TYPE_CHECKING:
    from studyreader.study.log import StudyLog

CHECK_INTERVAL_MS = 30_000


def app_icon() -> QIcon:
    icon = QApplication.windowIcon()
    if icon.isNull():
        icon = QIcon(str(paths.app_icon()))
    return icon


def minutes_icon(minutes: int, *, size: int = 64, paused: bool = False) -> QIcon:
    """A round tray icon with the minutes studied so far written in it."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#8a8f98") if paused else QColor("#2e8b57"))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    text = str(minutes) if minutes < 1000 else "999+"
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * (0.5 if len(text) <= 2 else 0.36)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


class TrayNotifier(QObject):
    """The app's one tray icon: shows the running time and carries notifications.

    Use :meth:`shared` so the timer and the reminder do not put two icons in the tray.
    """

    messageShown = Signal(str, str)  # title, message: emitted when a desktop notification was sent

    _instance: TrayNotifier | None = None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray: QSystemTrayIcon | None = None
        self._running = False

    @classmethod
    def shared(cls) -> TrayNotifier:
        if cls._instance is None:
            cls._instance = cls(QCoreApplication.instance())
            cls._instance.destroyed.connect(cls._forget)
        return cls._instance

    @classmethod
    def _forget(cls, *_args) -> None:
        cls._instance = None

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    @property
    def tray(self) -> QSystemTrayIcon | None:
        return self._tray

    def _ensure_tray(self) -> QSystemTrayIcon | None:
        if self._tray is None and self.available():
            self._tray = QSystemTrayIcon(app_icon(), self)
            self._tray.setToolTip(APP_NAME)
            self._tray.activated.connect(self._raise_window)
        return self._tray

    def _raise_window(self, *_args) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isWindow() and widget.isVisible() and widget.inherits("QMainWindow"):
                widget.showNormal()
                widget.raise_()
                widget.activateWindow()
                return

    def notify(self, title: str, message: str) -> bool:
        """A desktop notification; False when there is no tray to show it (use the in-window note)."""
        tray = self._ensure_tray()
        if tray is None:
            return False
        if not tray.isVisible():
            tray.show()
        if QSystemTrayIcon.supportsMessages():
            tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 10_000)
        else:
            tray.setToolTip(f"{title}\n{message}")
        self.messageShown.emit(title, message)
        return True

    def show_running(self, minutes: int, tooltip: str, *, paused: bool = False) -> None:
        """Show the running time in the tray while a session runs."""
        tray = self._ensure_tray()
        if tray is None:
            return
        self._running = True
        tray.setIcon(minutes_icon(minutes, paused=paused))
        tray.setToolTip(tooltip)
        if not tray.isVisible():
            tray.show()

    def clear_running(self) -> None:
        self._running = False
        if self._tray is not None:
            self._tray.setIcon(app_icon())
            self._tray.setToolTip(APP_NAME)
            self._tray.hide()


class Reminder(QObject):
    """One evening notification a day if nothing was studied by the chosen time.

    The time is read in the notes file's zone (default 20:00); the setting
    ``reminder_enabled`` turns it off. The day it reminded is kept in the
    settings so a restart does not remind twice.
    """

    notice = Signal(str)
    reminded = Signal(object)  # datetime.date

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        log: StudyLog,
        settings: Settings,
        notes_path: Path | str | None = None,
        notifier: TrayNotifier | None = None,
        now: Callable[[], datetime] | None = None,
        interval_ms: int = CHECK_INTERVAL_MS,
        context=None,
    ) -> None:
        """``context``: the NotesContext of ``notes_path`` when the caller has parsed the notes already."""
        super().__init__(parent)
        from studyreader.study.context import load_context

        self.settings = settings
        self.log = log
        self.notifier = notifier or TrayNotifier.shared()
        self._now = now or (lambda: datetime.now().astimezone())
        self._context = context if context is not None else load_context(notes_path)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        QTimer.singleShot(0, self, self.check)  # (with self as context: dropped if self is deleted first)

    def set_notes_path(self, path: Path | str | None, context=None) -> None:
        from studyreader.study.context import load_context

        self._context = context if context is not None else load_context(path)

    def check(self, now: datetime | None = None) -> bool:
        """Remind now if it is due; True when a reminder went out."""
        from studyreader.study.stats import reminder_due

        moment = now if now is not None else self._now()
        if moment.tzinfo is None:
            moment = moment.astimezone()
        local = moment.astimezone(self._context.tz)
        today = local.date()
        if not self.settings.reminder_enabled:
            return False
        try:
            studied = self.log.studied_on(today, self._context.tz)
        except Exception:  # noqa: BLE001 - a locked or broken log must not stop the window
            return False
        due = reminder_due(
            local,
            self.settings.value(Settings.REMINDER_TIME),
            enabled=True,
            studied_today=studied,
            last_reminded=self.settings.value(Settings.REMINDER_LAST),
        )
        if not due:
            return False
        title = self.tr("Time to study")
        message = self.tr("Nothing studied yet today. Start the timer with Ctrl+Shift+S.")
        self.settings.set_value(Settings.REMINDER_LAST, today)
        self.notifier.notify(title, message)
        self.notice.emit(message)
        self.reminded.emit(today)
        return True
