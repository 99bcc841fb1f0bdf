"""The translation-model dialog: installed Argos packages, install from a file, download zh→en.

Every package operation (listing reads metadata from disk, installing unpacks
an archive, downloading talks to the network) runs in a worker thread through
:mod:`studyreader.translate.models`; the dialog only shows results.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QObject, QRunnable, Qt, QThreadPool, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyreader.errors import StudyReaderError
from studyreader.ui.editor.editor import error_colour


class _JobSignals(QObject):
    progress = Signal(int, int, int)  # job, done, total
    done = Signal(int, object)  # job, result
    failed = Signal(int, str, str)  # job, message, error class name


class _Job(QRunnable):
    def __init__(self, job: int, work: Callable[[Callable[[int, int], None]], object], signals: _JobSignals) -> None:
        super().__init__()
        self.job = job
        self.work = work
        self.signals = signals

    def run(self) -> None:
        def progress(done: int, total: int) -> None:
            self.signals.progress.emit(self.job, int(done), int(total or 0))

        try:
            result = self.work(progress)
        except StudyReaderError as error:
            self.signals.failed.emit(self.job, str(error), type(error).__name__)
        except Exception as error:  # shown in the dialog: never a crash
            self.signals.failed.emit(self.job, f"{type(error).__name__}: {error}", type(error).__name__)
        else:
            self.signals.done.emit(self.job, result)


# Worker pools outlive their dialog until the interpreter exits (see ModelManagerDialog.__init__).
_POOLS: set = set()


class ModelManagerDialog(QDialog):
    """Lists, installs and downloads the Argos Translate packages StudyReader uses."""

    modelsChanged = Signal()
    jobFinished = Signal(bool)  # True on success; tests and callers wait on it

    COLUMNS = 5

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        packages_dir: Path | None = None,
        index_url: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ModelManagerDialog")
        self.packages_dir = packages_dir
        self.index_url = index_url
        self.installed: list = []
        # One worker, so that listing never runs in the middle of an install. The pool is not a child of
        # the dialog: closing the dialog during a download must not wait for the network.
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        _POOLS.add(self._pool)
        self._cancel = threading.Event()
        self._jobs: dict[int, tuple[str, Callable]] = {}
        self._next_job = 0
        self._signals = _JobSignals()  # unparented: jobs keep it alive; Qt drops its links to a closed dialog
        self._signals.progress.connect(self._on_progress)
        self._signals.done.connect(self._on_job_done)
        self._signals.failed.connect(self._on_job_failed)

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.folder_label = QLabel(self)
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setEnabled(False)

        self.table = QTreeWidget(self)
        self.table.setObjectName("modelTable")
        self.table.setColumnCount(self.COLUMNS)
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.header()
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(72)
        for column in range(self.COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda *_: self.open_folder())

        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        self.message = QLabel(self)
        self.message.setObjectName("modelMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.details = QLabel(self)
        self.details.setObjectName("modelDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setEnabled(False)
        self.details.hide()
        self.last_error_details = ""

        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)

        self.install_button = QPushButton(self)
        self.download_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.install_button.clicked.connect(self.choose_file)
        self.download_button.clicked.connect(self.download)
        self.remove_button.clicked.connect(self.remove_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.install_button)
        buttons.addWidget(self.download_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.message)
        layout.addWidget(self.details)
        layout.addLayout(progress_row)
        layout.addLayout(buttons)

        def shortcut(keys, slot) -> QAction:
            act = QAction(self)
            act.setShortcut(QKeySequence(keys))
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.install_action = shortcut(QKeySequence.StandardKey.Open, self.choose_file)
        self.download_action = shortcut("Ctrl+D", self.download)
        self.remove_action = shortcut(QKeySequence.StandardKey.Delete, self.remove_selected)
        self.refresh_action = shortcut(QKeySequence.StandardKey.Refresh, self.refresh)

        self.retranslateUi()
        self.resize(760, 400)
        self.refresh()

    # -- texts -----------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Translation Models"))
        self.intro.setText(
            self.tr(
                "StudyReader translates offline with Argos Translate. It needs the Chinese → English "
                "package (translate-zh_en)."
            )
        )
        self.table.setHeaderLabels(
            [self.tr("Package"), self.tr("Languages"), self.tr("Version"), self.tr("Size"), self.tr("Folder")]
        )
        self.empty_label.setText(
            self.tr(
                "No translation model is installed. Install a .argosmodel file (Ctrl+O) or, when "
                "online, download the Chinese → English package (Ctrl+D)."
            )
        )
        self.install_button.setText(self.tr("&Install from File…"))
        self.install_button.setToolTip(self.tr("Install a .argosmodel package file (Ctrl+O)"))
        self.download_button.setText(self.tr("&Download Chinese → English"))
        self.download_button.setToolTip(self.tr("Download the package from Argos Translate's index (Ctrl+D)"))
        self.remove_button.setText(self.tr("&Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected package (Delete)"))
        self.refresh_button.setText(self.tr("Re&fresh"))
        self.refresh_button.setToolTip(self.tr("List the installed packages again (F5)"))
        self.close_button.setText(self.tr("&Close"))
        self.cancel_button.setText(self.tr("&Cancel"))
        self._fill_table()

    # -- listing ---------------------------------------------------------
    def refresh(self) -> None:
        """List the installed packages (in the worker thread)."""
        packages_dir = self.packages_dir

        def work(_progress):
            from studyreader.translate import models

            return models.packages_dir(packages_dir), models.list_installed(packages_dir)

        self._run("list", work, self._on_listed)

    def _on_listed(self, result) -> None:
        folder, installed = result
        self.installed = list(installed)
        self.folder_label.setText(self.tr("Packages folder: {folder}").format(folder=str(folder)))
        self._fill_table()

    def _fill_table(self) -> None:
        self.table.clear()
        locale = QLocale()
        for model in self.installed:
            item = QTreeWidgetItem(
                [
                    model.name,
                    f"{model.from_code} → {model.to_code}",
                    str(model.version),
                    locale.formattedDataSize(int(model.size)),
                    str(model.path),
                ]
            )
            item.setToolTip(4, str(model.path))
            item.setData(0, Qt.ItemDataRole.UserRole, str(model.path))
            self.table.addTopLevelItem(item)
        self.empty_label.setVisible(not self.installed)
        self._update_buttons()

    def selected_model(self):
        items = self.table.selectedItems()
        if not items:
            return None
        path = items[0].data(0, Qt.ItemDataRole.UserRole)
        return next((m for m in self.installed if str(m.path) == path), None)

    def open_folder(self) -> None:
        model = self.selected_model()
        if model is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(model.path)))

    # -- installing ------------------------------------------------------
    def choose_file(self) -> None:
        if self.is_busy():
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Install Translation Model"),
            str(Path.home()),
            self.tr("Argos Translate packages (*.argosmodel);;All files (*)"),
        )
        if name:
            self.install_file(Path(name))

    def install_file(self, path: Path) -> None:
        """Validate and install ``path`` (in the worker thread)."""
        packages_dir = self.packages_dir

        def work(_progress):
            from studyreader.translate import models

            return models.install_model(Path(path), packages_dir)

        self._show_message(self.tr("Installing {file}…").format(file=Path(path).name))
        self._run("install", work, self._on_installed)

    def _on_installed(self, model) -> None:
        self._show_message(
            self.tr("Installed {name} {version}.").format(name=model.name, version=model.version)
        )
        self.modelsChanged.emit()
        self.refresh()

    # -- downloading -----------------------------------------------------
    def download(self) -> None:
        """Download and install zh→en from Argos's index, with progress and cancel."""
        if self.is_busy():
            return
        packages_dir = self.packages_dir
        index_url = self.index_url
        cancel = self._cancel

        def work(progress):
            from studyreader.translate import models

            kwargs = {"progress": progress, "directory": packages_dir, "should_cancel": cancel.is_set}
            if index_url is not None:
                kwargs["index_url"] = index_url
            return models.download_model(**kwargs)

        self._show_message(self.tr("Looking up the Chinese → English package…"))
        self.progress.setRange(0, 0)  # busy until the size is known
        self.progress.show()
        self.cancel_button.show()
        self._run("download", work, self._on_installed)

    @Slot(int, int, int)
    def _on_progress(self, _job: int, done: int, total: int) -> None:
        locale = QLocale()
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(done * 1000 / total))
            self.progress.setFormat(
                self.tr("{done} of {total}").format(
                    done=locale.formattedDataSize(done), total=locale.formattedDataSize(total)
                )
            )
        else:
            self.progress.setRange(0, 0)
            self.progress.setFormat(locale.formattedDataSize(done))

    def cancel(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self._show_message(self.tr("Cancelling…"))

    # -- removing --------------------------------------------------------
    def remove_selected(self) -> None:
        model = self.selected_model()
        if model is None or self.is_busy():
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove Translation Model"),
            self.tr("Remove {name} {version} from {folder}?").format(
                name=model.name, version=model.version, folder=str(model.path)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def work(_progress):
            from studyreader.translate import models

            models.remove_model(model)
            return model

        self._run("remove", work, self._on_removed)

    def _on_removed(self, model) -> None:
        self._show_message(self.tr("Removed {name}.").format(name=model.name))
        self.modelsChanged.emit()
        self.refresh()

    # -- job plumbing ----------------------------------------------------
    def is_busy(self) -> bool:
        return bool(self._jobs)

    def _run(self, kind: str, work, on_done) -> None:
        self._next_job += 1
        job = self._next_job
        self._jobs[job] = (kind, on_done)
        if kind in ("install", "download"):
            self._cancel.clear()
            self.cancel_button.setEnabled(True)
        self._update_buttons()
        self._pool.start(_Job(job, work, self._signals))

    @Slot(int, object)
    def _on_job_done(self, job: int, result) -> None:
        kind, on_done = self._jobs.pop(job, ("", None))
        self._end_job(kind)
        if on_done is not None:
            on_done(result)
        self.jobFinished.emit(True)

    @Slot(int, str, str)
    def _on_job_failed(self, job: int, message: str, error_kind: str) -> None:
        kind, _ = self._jobs.pop(job, ("", None))
        self._end_job(kind)
        if error_kind == "OfflineError":
            text = self.tr(
                "Could not download the Chinese → English package: you seem to be offline. Download the "
                ".argosmodel file on a computer with internet access and install it here with "
                "“Install from File…”."
            )
        elif error_kind == "DownloadCancelled":
            text = self.tr("Download cancelled. Nothing was installed.")
        elif kind == "install":
            text = self.tr("Could not install the package: {reason}").format(reason=message)
        elif kind == "download":
            text = self.tr("Could not download the package: {reason}").format(reason=message)
        else:
            text = message
        self._show_message(text, error=error_kind != "DownloadCancelled", details=message)
        self.jobFinished.emit(False)

    def _end_job(self, kind: str) -> None:
        if kind == "download":
            self.progress.hide()
            self.cancel_button.hide()
        self._update_buttons()

    def _show_message(self, text: str, error: bool = False, details: str = "") -> None:
        self.message.setText(text)
        self.details.setText(details)
        self.details.setVisible(bool(details) and details not in text)
        self.last_error_details = details if error else ""
        self.message.setProperty("error", error)
        self.message.setStyleSheet("" if not error else f"color: {error_colour(self)};")
        self.message.show()

    def _update_buttons(self) -> None:
        idle = not self.is_busy()
        for widget in (self.install_button, self.download_button, self.refresh_button):
            widget.setEnabled(idle)
        self.remove_button.setEnabled(idle and self.selected_model() is not None)

    def done(self, result: int) -> None:
        """Closing cancels a running download (it stops at its next chunk, installing nothing)."""
        self._cancel.set()
        super().done(result)

    def wait_for_jobs(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)
