"""The editor's three banners, each shown only while what it says is true: a recovered draft, the
notes file changed on disk, an error (a refused save, an unreadable file, a draft that cannot be
kept)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QVBoxLayout, QWidget

from studyreader.notes.drafts import Draft
from studyreader.ui.editor.header import long_date
from studyreader.ui.widgets.banner import Banner


class EditorBanners(QWidget):
    def __init__(self, discard_draft: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery = Banner("recoveryBanner", self)
        self.discard_draft_button = self.recovery.add_button(discard_draft)
        self.keep_draft_button = self.recovery.add_button(self.recovery.hide)
        self.disk = Banner("diskBanner", self)
        self.disk_ok_button = self.disk.add_button(self.disk.hide)
        self.error = Banner("errorBanner", self, error=True)
        self.error_close_button = self.error.add_button(self.error.hide)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for banner in (self.recovery, self.disk, self.error):
            layout.addWidget(banner)
        self._draft: Draft | None = None
        self.disk_asks = False  # the disk banner says that saving will ask before replacing
        self._error_kind = ""  # "save", "empty", "load" or "draft"

    def hide_all(self) -> None:
        self._draft = None
        self._error_kind = ""
        for banner in (self.recovery, self.disk, self.error):
            banner.hide()

    def show_recovered(self, draft: Draft) -> None:
        self._draft = draft
        when = QLocale().toString(draft.saved_at.astimezone(), "yyyy-MM-dd HH:mm")
        self.recovery.show_message(
            QCoreApplication.translate(
                "EntryEditor", "Recovered unsaved text for the entry of {date} (draft of {time})."
            ).format(date=long_date(draft.date), time=when)
        )

    def hide_recovered(self) -> None:
        self._draft = None
        self.recovery.hide()

    def show_disk_changed(self, asks: bool) -> None:
        self.disk_asks = asks
        if asks:
            text = QCoreApplication.translate(
                "EntryEditor",
                "The notes file changed on disk, including this entry. Saving will ask before replacing it.",
            )
        else:
            text = QCoreApplication.translate(
                "EntryEditor",
                "The notes file changed on disk. Your text is kept and will be saved into the new version.",
            )
        self.disk.show_message(text)

    def show_error(self, message: str, kind: str) -> None:
        self._error_kind = kind
        self.error.show_message(message)

    def clear_error(self, *kinds: str) -> None:
        """Hide the error banner if it speaks of one of ``kinds``."""
        if self._error_kind in kinds:
            self._error_kind = ""
            self.error.hide()

    def retranslate(self) -> None:
        self.discard_draft_button.setText(QCoreApplication.translate("EntryEditor", "Discard Draft"))
        self.keep_draft_button.setText(QCoreApplication.translate("EntryEditor", "Keep"))
        self.disk_ok_button.setText(QCoreApplication.translate("EntryEditor", "OK"))
        self.error_close_button.setText(QCoreApplication.translate("EntryEditor", "Close"))
        if self._draft is not None and self.recovery.isVisible():
            self.show_recovered(self._draft)
        if self.disk.isVisible():
            self.show_disk_changed(self.disk_asks)
