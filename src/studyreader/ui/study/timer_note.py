"""The timer's in-window note ("Logged 0:01:04", "✔ Well done!", "Break"…): a fixed-width label
left of the buttons, so a note never moves them. It keeps what it says as a kind and its values and
words it again when the interface language changes; the full sentence is on hover."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from studyreader.ui.messages import said_text

NOTE_WIDTH = 150  # longer notes are elided
NOTE_COMPACT_WIDTH = 96  # in the timer's narrow form
translate = QCoreApplication.translate  # the timer's context: "TimerWidget"


class TimerNote(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studyNotice")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._width = NOTE_WIDTH
        self.setFixedWidth(NOTE_WIDTH)
        self.setStyleSheet("QLabel#studyNotice { font-weight: bold; }")
        self._note: tuple[str, dict] | None = None
        self.full_text = ""

    @staticmethod
    def words(kind: str, args: dict) -> tuple[str, str]:
        """A note's full sentence (status bar, tooltip) and its short form, in the current language."""
        def filled(text: str) -> str:  # with the values put in (a core message worded in this language)
            return text.format(**{key: said_text(value) for key, value in args.items()})

        if kind == "recovered":
            return (filled(translate("TimerWidget",
                                 "A session interrupted by a crash was recovered up to its last checkpoint.")),
                    filled(translate("TimerWidget", "Session recovered")))
        if kind == "log_problem":
            return (filled(translate("TimerWidget", "Study log problem: {problem}")),
                    filled(translate("TimerWidget", "Study log problem")))
        if kind == "logged":
            return (filled(translate("TimerWidget", "Session logged: {time} studied.")),
                    filled(translate("TimerWidget", "Logged {time}")))
        if kind == "log_error":
            return (filled(translate("TimerWidget", "Could not write the study log: {error}")),
                    filled(translate("TimerWidget", "Log error")))
        if kind == "target":
            return (filled(translate("TimerWidget", "{minutes} minutes studied this evening. Well done!")),
                    "\u2714 " + translate("TimerWidget", "Well done!"))
        if kind == "break":
            return (filled(translate("TimerWidget", "Break: {minutes} minutes. Stand up and stretch.")),
                    filled(translate("TimerWidget", "Break")))
        if kind == "focus":
            return translate("TimerWidget", "Break over: back to focus."), translate("TimerWidget", "Focus")
        raise ValueError(f"no such timer note: {kind}")

    def show_note(self, kind: str, **args) -> str:
        """Show a note; returns its full sentence."""
        self._note = (kind, args)
        self._word()
        return self.full_text

    def set_width(self, width: int) -> None:
        """Its fixed width (the timer's full or narrow form); the note is elided to it again."""
        self._width = width
        self.setFixedWidth(width)
        self._word()

    def clear_note(self) -> None:
        self._note = None
        self.full_text = ""
        self.clear()
        self.setToolTip("")

    def _word(self) -> None:
        if self._note is None:
            return
        self.full_text, short = self.words(*self._note)
        self.setText(self.fontMetrics().elidedText(short, Qt.TextElideMode.ElideLeft, self._width))
        self.setToolTip(self.full_text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._word()
        super().changeEvent(event)
