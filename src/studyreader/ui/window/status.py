"""The window's status area: the translation's state and progress in the status bar, the
no-model banner over the reader, passing messages and the notes' warnings.

Text that comes from the notes (warnings quote them) is shown as plain text: the status bar's
messages are plain, and the tooltip listing every warning is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressBar, QStatusBar, QWidget

from studyreader.messages import Message
from studyreader.ui.messages import worded
from studyreader.ui.widgets.banner import Banner
from studyreader.ui.window.translation import TranslationState

PROGRESS_REPAINT_MS = 200  # blocks arrive in bursts: repaint the progress a few times a second


def plain_warning(parent: QWidget, title: str, text: str) -> None:
    """A warning whose text names a file or quotes the notes: shown as plain text, never markup."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _state_text(state: TranslationState) -> str:
    texts = {
        TranslationState.IDLE: "",
        TranslationState.RUNNING: QCoreApplication.translate("MainWindow", "Translating…"),
        TranslationState.DONE: QCoreApplication.translate("MainWindow", "Translated"),
        TranslationState.NO_MODEL: QCoreApplication.translate("MainWindow", "No translation model"),
        TranslationState.UNAVAILABLE: QCoreApplication.translate("MainWindow", "Translation not available"),
        TranslationState.FAILED: QCoreApplication.translate("MainWindow", "Translation incomplete"),
    }
    return texts[state]


class StatusArea(QObject):
    """Owns the status bar's permanent widgets and the no-model banner (placed by the window)."""

    def __init__(self, status_bar: QStatusBar, banner_parent: QWidget, on_install) -> None:
        super().__init__(status_bar)
        self._bar = status_bar
        self._state = TranslationState.IDLE
        self._no_model_detail = ""
        self._progress_values = (0, 0)
        self._warnings: list[Message] = []
        self.label = QLabel(status_bar)
        self.progress = QProgressBar(status_bar)
        self.progress.setObjectName("translationProgress")
        self.progress.setMaximumWidth(180)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.hide()
        status_bar.addPermanentWidget(self.label)
        status_bar.addPermanentWidget(self.progress)
        self.no_model_banner = Banner("noModelBanner", banner_parent)
        self.install_button = self.no_model_banner.add_button(on_install)
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_REPAINT_MS)
        self._progress_timer.timeout.connect(self._show_progress)

    # -- the translation ---------------------------------------------------------------------
    def show_state(self, state: TranslationState, detail: str = "") -> None:
        """The state's word in the status bar; the banner shows while no model is installed."""
        self._state = state
        if state is TranslationState.NO_MODEL:
            self._no_model_detail = detail
        if state is not TranslationState.RUNNING:
            self.progress.hide()
        self.label.setText(_state_text(state))
        self._update_banner()

    def show_progress(self, done: int, total: int) -> None:
        self._progress_values = (done, total)
        if not self._progress_timer.isActive():
            self._progress_timer.start()

    def _show_progress(self) -> None:
        if self._state is not TranslationState.RUNNING:
            return
        done, total = self._progress_values
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.show()
        text = QCoreApplication.translate("MainWindow", "Translating… {done}/{total}")
        self.label.setText(text.format(done=done, total=total))

    def _update_banner(self) -> None:
        if self._state is TranslationState.NO_MODEL:
            import html  # here, not at the top: the first paint escapes nothing

            self.no_model_banner.show_message(self.no_model_text())
            self.no_model_banner.label.setToolTip(html.escape(self._no_model_detail))
        else:
            self.no_model_banner.hide()

    @staticmethod
    def no_model_text() -> str:
        return QCoreApplication.translate("MainWindow",
            "No Chinese→English translation model is installed, so the English column stays empty. "
            "Install one from a .argosmodel file or download it in the model manager."
        )

    # -- messages ----------------------------------------------------------------------------
    def message(self, text: str, msecs: int = 6000) -> None:
        """A passing message (plain text)."""
        self._bar.showMessage(text, msecs)

    def show_warnings(self, warnings: Sequence[Message]) -> None:
        """Problems the parser noticed (duplicated dates, a bad time zone…): said quietly."""
        self._warnings = list(warnings)
        self._warnings_tooltip()
        if not self._warnings:
            return
        more = ""
        if len(self._warnings) > 1:
            more = QCoreApplication.translate("MainWindow", " (and {n} more)").format(n=len(self._warnings) - 1)
        self._bar.showMessage(worded(self._warnings[0]) + more, 10000)

    def _warnings_tooltip(self) -> None:
        if not self._warnings:
            self._bar.setToolTip("")
            return
        import html  # here, not at the top: the first paint escapes nothing

        shown = "\n".join(worded(warning) for warning in self._warnings)
        self._bar.setToolTip("<p style='white-space:pre'>" + html.escape(shown) + "</p>")

    def retranslate(self) -> None:
        self.install_button.setText(QCoreApplication.translate("MainWindow", "Install a model…"))
        self.label.setText(_state_text(self._state))
        self._update_banner()
        self._warnings_tooltip()
