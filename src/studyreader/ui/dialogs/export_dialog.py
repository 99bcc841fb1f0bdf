"""File ▸ Export…: the choices of ``studyreader export`` (format, layout, paper, dates, output file) in a dialog.

The export runs through :func:`studyreader.ui.jobs.run_in_thread` (translation of blocks not in the
cache can take a while): a progress bar shows the blocks translated, "Cancel export" stops it and
nothing is written. Without a translation model the dialog asks whether to export the Chinese only.
The last format, layout, paper and folder are remembered in the settings. It reads the notes file as
saved on disk.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Signal
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
    QMessageBox,
    QProgressBar,
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
               *, paper: str = "a4", chinese_only: bool = False, should_cancel=None, on_progress=None) -> str:
    """The whole export, off the GUI thread; returns the note to show when the export holds the Chinese
    only. Without a model (and not ``chinese_only``) it raises MissingModelError: the dialog asks."""
    from studyreader.export import NO_MODEL_NOTE, ExportCancelled, ExportRequest, prepare, write_output
    from studyreader.ui.export_cli import export_bytes

    request = ExportRequest(path, date_from, date_to, require_translation=True, chinese_only=chinese_only)
    document = prepare(request, should_cancel=should_cancel, on_progress=on_progress)
    data = export_bytes(document, fmt, layout, paper)
    if should_cancel is not None and should_cancel():
        raise ExportCancelled()
    write_output(out, data, source=path)
    return "" if document.translated else NO_MODEL_NOTE


class ExportDialog(QDialog):
    """Asks for the export's choices; on OK writes the file in the background and reports."""

    exported = Signal(str)  # the file written
    failed = Signal(str)  # the message
    cancelled = Signal()  # stopped by the user (or no model and not the Chinese alone): nothing written

    def __init__(self, notes_path: Path, settings: Settings, parent: QWidget | None = None,
                 dates: tuple[dt.date, dt.date] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ExportDialog")
        self.setMinimumWidth(460)
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
        self.paper_combo = QComboBox(self)
        for code in ("a4", "letter"):
            self.paper_combo.addItem("", code)
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
        self.progress_bar = QProgressBar(self)
        self.stop_button = QPushButton(self)
        self.stop_button.clicked.connect(self.cancel_export)
        self.question: QMessageBox | None = None  # "export the Chinese only?" while it is asked
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
        for field in (self.format_combo, self.layout_combo, self.paper_combo, from_row, to_row, out_row):
            self.form.addRow(QLabel(self), field)  # texts set in retranslateUi
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.stop_button)
        box.addWidget(self.status_label)
        box.addLayout(progress_row)
        box.addWidget(self.buttons)
        self._show_progress(False)

        self.format_combo.setCurrentIndex(self.format_combo.findData(settings.value(options.EXPORT_FORMAT.key)))
        self.layout_combo.setCurrentIndex(self.layout_combo.findData(settings.value(options.EXPORT_LAYOUT.key)))
        paper = settings.value(options.EXPORT_PAPER.key)
        if paper == "auto":
            from studyreader.export.paper import default_paper

            paper = default_paper(fallback=QLocale.system().name())
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(paper))
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

    @property
    def paper(self) -> str:
        return self.paper_combo.currentData()

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
        papers = {"a4": self.tr("A4"), "letter": self.tr("Letter")}
        for index in range(self.paper_combo.count()):
            self.paper_combo.setItemText(index, papers[self.paper_combo.itemData(index)])
        self.stop_button.setText(self.tr("Cancel export"))
        self.from_check.setText(self.tr("From"))
        self.to_check.setText(self.tr("To"))
        self.browse_button.setText(self.tr("Browse…"))
        for row, text in enumerate((self.tr("Format:"), self.tr("Layout:"), self.tr("Paper (PDF):"),
                                    self.tr("Entries:"), "", self.tr("Save as:"))):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None:
                label.widget().setText(text)

    def _format_changed(self) -> None:
        self.layout_combo.setEnabled(self.fmt != "md")
        self.paper_combo.setEnabled(self.fmt == "pdf")
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
        self.settings.set_value(options.EXPORT_PAPER.key, self.paper)
        self.settings.set_value(options.EXPORT_FOLDER.key, str(out.parent))
        self._run(out, chinese_only=False)

    def _run(self, out: Path, *, chinese_only: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.status_label.setText(self.tr("Exporting… (blocks not yet translated are translated first)"))
        self.progress_bar.setRange(0, 0)  # busy until the first report
        self._show_progress(True)
        first, last = self.date_range()
        fmt, layout, paper, path = self.fmt, self.layout_choice, self.paper, self.notes_path
        stop = self.stop = threading.Event()  # set by "Cancel export" or closing: the export stops early

        def work(report) -> str:
            return run_export(path, out, fmt, layout, first, last, paper=paper, chinese_only=chinese_only,
                              should_cancel=stop.is_set, on_progress=lambda done, total: report((done, total)))

        self.job = run_in_thread(work, lambda note: self._done(out, note), lambda error: self._failed(out, error),
                                 on_progress=self._progress, context=self)

    def _progress(self, step: tuple[int, int]) -> None:
        done, total = step
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        if done < total:
            self.status_label.setText(self.tr("Translating: {done} of {total} blocks…").format(done=done, total=total))
        else:
            self.status_label.setText(self.tr("Writing the file…"))

    def _show_progress(self, shown: bool) -> None:
        self.progress_bar.setVisible(shown)
        self.stop_button.setVisible(shown)

    def cancel_export(self) -> None:
        """Stop the running export; nothing is written (the dialog stays open)."""
        self.stop.set()
        self.stop_button.setEnabled(False)
        self.status_label.setText(self.tr("Cancelling…"))

    def _idle(self) -> None:
        self.job = None
        self._show_progress(False)
        self.stop_button.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def _done(self, out: Path, note: str) -> None:
        self._idle()
        message = self.tr("Written: {path}").format(path=out)
        if note:
            message += "\n" + self.tr("No translation model is installed: the export holds the Chinese only.")
        self.status_label.setText(message)
        self.exported.emit(str(out))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def _failed(self, out: Path, error: BaseException) -> None:
        from studyreader.export import ExportCancelled, MissingModelError

        self._idle()
        if isinstance(error, MissingModelError):
            self._ask_chinese_only(out)
        elif isinstance(error, ExportCancelled):
            self.status_label.setText(self.tr("Export cancelled: nothing was written."))
            self.cancelled.emit()
        else:
            self.status_label.setText(error_text(error))
            self.failed.emit(str(error))

    def _ask_chinese_only(self, out: Path) -> None:
        """No model: export the Chinese alone, or nothing (the user chooses)."""
        self.status_label.setText(self.tr("No translation model is installed."))
        box = self.question = QMessageBox(QMessageBox.Icon.Question, self.tr("Export notes"),
                                          self.tr("No translation model is installed, so the notes cannot be "
                                                  "translated."), QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("NoModelQuestion")
        box.setInformativeText(self.tr("Export the Chinese only, or cancel? A model is installed from "
                                       "Tools ▸ Translation models…"))
        chinese = box.addButton(self.tr("Export Chinese only"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)

        def answered() -> None:
            self.question = None
            if box.clickedButton() is chinese:
                self._run(out, chinese_only=True)
            else:
                self.status_label.setText(self.tr("Nothing was exported: no translation model is installed."))
                self.cancelled.emit()
            box.deleteLater()

        box.finished.connect(answered)
        box.open()

    def reject(self) -> None:
        self.stop.set()
        if self.job is not None:
            self.job.cancel()
            self.job = None
        super().reject()
