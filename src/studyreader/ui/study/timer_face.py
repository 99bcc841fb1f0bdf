"""What the study timer shows, laid out once: every part as wide as its longest text in the current
language and font (tabular digits), so nothing moves while the timer runs. The timer's logic is in
:class:`~studyreader.ui.study.timer_widget.TimerWidget`, built on this."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QToolButton,
    QWidget,
)

from studyreader.ui.study.timer_actions import TimerActions
from studyreader.ui.study.timer_note import NOTE_COMPACT_WIDTH, NOTE_WIDTH, TimerNote

translate = QCoreApplication.translate  # the timer's context: "TimerWidget"


def format_hms(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def format_ms(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}:{secs:02d}"


def tabular(font: QFont) -> QFont:
    """The font with tabular digits: every digit as wide as the others, so numbers do not jiggle."""
    font.setFeature(QFont.Tag("tnum"), 1)
    return font


def widest(metrics: QFontMetrics, texts) -> int:
    """The width of the widest text, each digit taken as the font's widest digit."""
    digit = max("0123456789", key=metrics.horizontalAdvance)
    return max(metrics.horizontalAdvance("".join(digit if c.isdigit() else c for c in text)) for text in texts)


class TimerFace(QWidget):
    """The buttons, the time, the progress, what is left of the target, the cycles switch and phase.

    A narrow form, for a window too narrow for the menus and the full timer side by side: the
    start button shows its icon only, what is left of the target is said on hover over the time
    and the progress, and the note is narrower (its full sentence is on hover and in the status bar).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._compact = False
        self._start_widths = {False: 0, True: 0}  # the start button's width in each form
        self.commands = TimerActions(self)
        self.start_pause_action, self.stop_action = self.commands.start_pause, self.commands.stop
        self.cycles_action = self.commands.cycles
        self._build_ui()

    def _button(self, name: str, action, style: Qt.ToolButtonStyle) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setDefaultAction(action)
        button.setToolButtonStyle(style)
        button.setAutoRaise(True)
        return button

    def _label(self, name: str, alignment=Qt.AlignmentFlag.AlignLeft) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setFont(tabular(label.font()))
        label.setAlignment(alignment | Qt.AlignmentFlag.AlignVCenter)
        return label

    def _build_ui(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(4)
        self.notice_label = TimerNote(self)
        self.start_button = self._button("studyStartButton", self.start_pause_action,
                                         Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.stop_button = self._button("studyStopButton", self.stop_action, Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.time_label = self._label("studyTime", Qt.AlignmentFlag.AlignRight)
        font = self.time_label.font()
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        self.time_label.setFont(tabular(font))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("studyProgress")
        self.progress.setTextVisible(False)
        self.progress.setFixedSize(64, 8)
        self.progress.setRange(0, 1000)
        self.remaining_label = self._label("studyRemaining")
        # One place for the cycles switch (between sessions) and the phase's countdown (while running).
        self.cycles_slot = QStackedWidget(self)
        self.cycles_button = self._button("studyCyclesButton", self.cycles_action,
                                          Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.phase_label = self._label("studyPhase", Qt.AlignmentFlag.AlignHCenter)
        self.cycles_slot.addWidget(self.cycles_button)
        self.cycles_slot.addWidget(self.phase_label)
        for widget in (self.notice_label, self.start_button, self.stop_button, self.time_label, self.progress,
                       self.remaining_label, self.cycles_slot):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def _fix_widths(self) -> None:
        """Each part as wide as its longest text in this language and font."""
        probe = QToolButton()
        probe.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        probe.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        probe.setFont(self.start_button.font())
        widths = []
        for word in TimerActions.start_words():
            probe.setText(word)
            widths.append(probe.sizeHint().width())
        probe.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self._start_widths = {False: max(widths), True: probe.sizeHint().width()}
        probe.deleteLater()
        self.time_label.setFixedWidth(widest(self.time_label.fontMetrics(), ["0:00:00"]) + 2)
        self.remaining_label.setFixedWidth(widest(self.remaining_label.fontMetrics(), self._remaining_texts()) + 2)
        phases = [translate("TimerWidget", "Focus {left}").format(left="00:00"),
                  translate("TimerWidget", "Break {left}").format(left="00:00")]
        self.cycles_button.adjustSize()
        self.cycles_slot.setFixedWidth(max(self.cycles_button.sizeHint().width(),
                                           widest(self.phase_label.fontMetrics(), phases) + 8))
        self._apply_form()

    # -- the full and the narrow form ------------------------------------------------------
    @property
    def compact(self) -> bool:
        return self._compact

    def set_compact(self, compact: bool) -> None:
        if compact != self._compact:
            self._compact = compact
            self._apply_form()

    def _apply_form(self) -> None:
        compact = self._compact
        self.start_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly if compact
                                             else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.start_button.setFixedWidth(self._start_widths[compact])
        self.remaining_label.setVisible(not compact)
        self.notice_label.set_width(NOTE_COMPACT_WIDTH if compact else NOTE_WIDTH)

    def full_width(self) -> int:
        """The width of the full form, whatever form is shown (the window's corner decides by it)."""
        def shown(widget: QWidget) -> int:
            return min(max(widget.sizeHint().width(), widget.minimumWidth()), widget.maximumWidth())

        parts = [NOTE_WIDTH, self._start_widths[False], shown(self.stop_button), shown(self.time_label),
                 shown(self.progress), shown(self.remaining_label), shown(self.cycles_slot)]
        margins = self.layout().contentsMargins()
        return sum(parts) + self.layout().spacing() * (len(parts) - 1) + margins.left() + margins.right()

    def _remaining_texts(self, left: str = "0:00", target: str = "0:00") -> list[str]:
        return [translate("TimerWidget", "target {target}").format(target=target),
                translate("TimerWidget", "target {target} reached").format(target=target),
                translate("TimerWidget", "{left} left of {target}").format(left=left, target=target)]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fix_widths()
        elif event.type() == QEvent.Type.PaletteChange:
            self.commands.recolour(self.palette())
        super().changeEvent(event)
