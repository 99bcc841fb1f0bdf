"""File ▸ Export…: the choices of ``studyreader export`` (format, layout, dates, output file) in a dialog.

The export runs through :func:`studyreader.ui.jobs.run_in_thread` (translation of blocks not in the
cache can take a while); the last format, layout and folder are remembered in the settings. It reads
the notes file as saved on disk.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyreader import options
from studyreader.ui.jobs import Job, run_in_thread
from studyreader.ui.messages import error_text
from studyreader.ui.settings import Settings

SUFFIXES = {"html": ".html", "pdf": ".pdf", "md": ".md"}


def run_export(path: Path, out: Path, fmt: str, layout: str, date_from: dt.date | None, date_to: dt.date | None,
               should_cancel=None) -> str:
    """The whole export, off the GUI thread; returns the note to show when no model was installed."""
    from studyreader.export import NO_MODEL_NOTE, ExportRequest, prepare, to_html, to_markdown, write_output

    document = prepare(ExportRequest(path, date_from, date_to), should_cancel=should_cancel)
    if fmt == "md":
        data = to_markdown(document).encode("utf-8")
    elif fmt == "pdf":
        from studyreader.ui.export_pdf import html_to_pdf

        data = html_to_pdf(to_html(document, layout))
    else:
        data = to_html(document, layout).encode("utf-8")
    write_output(out, data, source=path)
    return "" if document.translated else NO_MODEL_NOTE


class ExportDialog(QDialog):
    """Asks for the export's choices; on OK writes the file in the background and reports."""

    exported = Signal(str)  # the file written
    failed = Signal(str)  # the message

    def __init__(self, notes_path: Path, settings: Settings, parent: QWidget | None = None,
                 dates: tuple[dt.date, dt.date] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ExportDialog")
        self.notes_path = Path(notes_path)
        self.settings = settings
        self.job: Job | None = None
        self.stop = threading.Event()

        self.format_combo = QComboBox(self)
        for code in options.EXPORT_FORMAT.choices:
            self.format_combo.addItem("", code)
        self.layout_combo = QComboBox(self)
        for code in options.EXPORT_LAYOUT.choices:
            self.layout_combo.addItem("", code)
        self.from_check = QCheckBox(self)
        self.to_check = QCheckBox(self)
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        for check, edit, day in ((self.from_check, self.from_edit, dates[0] if dates else None),
                                 (self.to_check, self.to_edit, dates[1] if dates else None)):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setDate(QDate(day) if day else QDate.currentDate())
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
        self.out_edit = QLineEdit(self)
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self._browse)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(self.browse_button)
        from_row = QHBoxLayout()
        from_row.addWidget(self.from_check)
        from_row.addWidget(self.from_edit, 1)
        to_row = QHBoxLayout()
        to_row.addWidget(self.to_check)
        to_row.addWidget(self.to_edit, 1)
        self.form = QFormLayout()
        self.form.addRow("", self.format_combo)
        self.form.addRow("", self.layout_combo)
        self.form.addRow("", from_row)
        self.form.addRow("", to_row)
        self.form.addRow("", out_row)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.status_label)
        box.addWidget(self.buttons)

        self.format_combo.setCurrentIndex(self.format_combo.findData(settings.value(options.EXPORT_FORMAT.key)))
        self.layout_combo.setCurrentIndex(self.layout_combo.findData(settings.value(options.EXPORT_LAYOUT.key)))
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        folder = settings.value(options.EXPORT_FOLDER.key) or str(self.notes_path.parent)
        self.out_edit.setText(str(Path(folder) / (self.notes_path.stem + "-bilingual" + SUFFIXES[self.fmt])))
        self.retranslateUi()
        self._format_changed()

    # -- choices -----------------------------------------------------------------------------------
    @property
    def fmt(self) -> str:
        return self.format_combo.currentData()

    @property
    def layout_choice(self) -> str:
        return self.layout_combo.currentData()

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        first = self.from_edit.date().toPython() if self.from_check.isChecked() else None
        last = self.to_edit.date().toPython() if self.to_check.isChecked() else None
        return first, last

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Export notes"))
        names = {"html": self.tr("HTML (one file)"), "pdf": self.tr("PDF"), "md": self.tr("Markdown")}
        for index in range(self.format_combo.count()):
            self.format_combo.setItemText(index, names[self.format_combo.itemData(index)])
        layouts = {"side": self.tr("Side by side"), "interleaved": self.tr("Interleaved")}
        for index in range(self.layout_combo.count()):
            self.layout_combo.setItemText(index, layouts[self.layout_combo.itemData(index)])
        self.from_check.setText(self.tr("From"))
        self.to_check.setText(self.tr("To"))
        self.browse_button.setText(self.tr("Browse…"))
        for row, text in enumerate((self.tr("Format:"), self.tr("Layout:"), self.tr("Entries:"), "",
                                    self.tr("Save as:"))):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None:
                label.widget().setText(text)

    def _format_changed(self) -> None:
        self.layout_combo.setEnabled(self.fmt != "md")
        text = self.out_edit.text()
        if text:
            current = Path(text)
            if current.suffix.lower() in SUFFIXES.values():
                self.out_edit.setText(str(current.with_suffix(SUFFIXES[self.fmt])))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export notes"), self.out_edit.text())
        if chosen:
            self.out_edit.setText(chosen)

    # -- running -----------------------------------------------------------------------------------
    def start(self) -> None:
        """Remember the choices and write the file in the background."""
        text = self.out_edit.text().strip()
        if not text:
            self.status_label.setText(self.tr("Choose the file to write."))
            return
        out = Path(text).expanduser()
        first, last = self.date_range()
        if first and last and first > last:
            self.status_label.setText(self.tr("The first date is after the last."))
            return
        self.settings.set_value(options.EXPORT_FORMAT.key, self.fmt)
        self.settings.set_value(options.EXPORT_LAYOUT.key, self.layout_choice)
        self.settings.set_value(options.EXPORT_FOLDER.key, str(out.parent))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.status_label.setText(self.tr("Exporting… (blocks not yet translated are translated first)"))
        fmt, layout, path = self.fmt, self.layout_choice, self.notes_path
        stop = self.stop = threading.Event()  # set when the dialog is closed: the translation stops early

        def work() -> str:
            return run_export(path, out, fmt, layout, first, last, should_cancel=stop.is_set)

        self.job = run_in_thread(work, lambda note: self._done(out, note), self._failed, context=self)

    def _done(self, out: Path, note: str) -> None:
        self.job = None
        message = self.tr("Written: {path}").format(path=out)
        if note:
            message += "\n" + self.tr("No translation model is installed: the export holds the Chinese only.")
        self.status_label.setText(message)
        self.exported.emit(str(out))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self.status_label.setText(error_text(error))
        self.failed.emit(str(error))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def reject(self) -> None:
        self.stop.set()
        if self.job is not None:
            self.job.cancel()
            self.job = None
        super().reject()
