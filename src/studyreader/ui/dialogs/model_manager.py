"""The translation-model dialog: installed Argos packages, install from a file, download zh→en.

Every package operation (listing reads metadata from disk, installing unpacks an archive,
downloading talks to the network) runs off the GUI thread through
:func:`studyreader.ui.jobs.run_in_thread`, one at a time; the dialog only shows results.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, QUrl, Signal
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
from studyreader.translate.models import DownloadCancelled, OfflineError
from studyreader.ui.jobs import Job, run_in_thread
from studyreader.ui.messages import error_text
from studyreader.ui.widgets.banner import error_colour

# Where the zh→en package can be fetched by hand (from Argos's index), for a computer without internet.
ZH_EN_PACKAGE_URL = "https://argos-net.com/v1/translate-zh_en-1_9.argosmodel"
ARGOS_INDEX_URL = "https://github.com/argosopentech/argospm-index"
CANCEL_POLL_MS = 50


class ModelManagerDialog(QDialog):
    """Lists, installs and downloads the Argos Translate packages StudyReader uses."""

    modelsChanged = Signal()  # the installed packages are not what they were
    jobFinished = Signal(bool)  # True on success; tests and callers wait on it
    downloadProgress = Signal(int, int)  # bytes done, bytes in all (0: not known yet)

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
        self._listed = False  # the first listing is no change
        # One job at a time, so that listing never runs in the middle of an install.
        self._job: Job | None = None
        self._job_kind = ""
        self._cancel_poll = QTimer(self)
        self._cancel_poll.setInterval(CANCEL_POLL_MS)
        self._cancel_poll.timeout.connect(self._check_cancelled)

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
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file names and errors
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.details = QLabel(self)
        self.details.setObjectName("modelDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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

        def work():
            from studyreader.translate import models

            return models.packages_dir(packages_dir), models.list_installed(packages_dir)

        self._run("list", work, self._on_listed)

    def _on_listed(self, result) -> None:
        folder, installed = result
        before = {(m.path, m.version) for m in self.installed}
        self.installed = list(installed)
        if self._listed and before != {(m.path, m.version) for m in self.installed}:
            self.modelsChanged.emit()
        self._listed = True
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

        def work():
            from studyreader.translate import models

            return models.install_model(Path(path), packages_dir)

        self._show_message(self.tr("Installing {file}…").format(file=Path(path).name))
        self._run("install", work, self._on_installed)

    def _on_installed(self, model) -> None:
        self._show_message(
            self.tr("Installed {name} {version}.").format(name=model.name, version=model.version)
        )
        self.refresh()  # modelsChanged once the new listing is in

    # -- downloading -----------------------------------------------------
    def download(self) -> None:
        """Download and install zh→en from Argos's index, with progress and cancel."""
        if self.is_busy():
            return
        packages_dir = self.packages_dir
        index_url = self.index_url
        running: list[Job] = []  # the job itself, once started: its cancel() stops the download

        def work(report):
            from studyreader.translate import models

            return models.download_model(
                progress=lambda done, total: report((int(done), int(total or 0))),
                directory=packages_dir,
                index_url=index_url,
                should_cancel=lambda: bool(running) and running[0].cancelled(),
            )

        self._show_message(self.tr("Looking up the Chinese → English package…"))
        self.progress.setRange(0, 0)  # busy until the size is known
        self.progress.show()
        self.cancel_button.show()
        running.append(self._run("download", work, self._on_installed, progress=True))

    def _on_progress(self, value: tuple[int, int]) -> None:
        done, total = value
        self.downloadProgress.emit(done, total)
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
        """Stop the download at its next chunk; nothing is installed."""
        if self._job is None or self._job_kind != "download":
            return
        self._job.cancel()
        self.cancel_button.setEnabled(False)
        self._show_message(self.tr("Cancelling…"))
        self._cancel_poll.start()

    def _check_cancelled(self) -> None:
        """A cancelled job delivers nothing: once its function has returned, say so and list again."""
        if self._job is not None and not self._job.done():
            return
        self._cancel_poll.stop()
        self._job, kind = None, self._job_kind
        self._end_job(kind)
        self._show_message(self.tr("Download cancelled. Nothing was installed."))
        self.jobFinished.emit(False)
        self.refresh()  # had the package been installed just before the cancel, the list shows it

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

        def work():
            from studyreader.translate import models

            models.remove_model(model)
            return model

        self._run("remove", work, self._on_removed)

    def _on_removed(self, model) -> None:
        self._show_message(self.tr("Removed {name}.").format(name=model.name))
        self.refresh()  # modelsChanged once the new listing is in

    # -- job plumbing ----------------------------------------------------
    def is_busy(self) -> bool:
        return self._job is not None

    def _run(self, kind: str, work, on_done, *, progress: bool = False) -> Job:
        self._job_kind = kind
        if kind in ("install", "download"):
            self.cancel_button.setEnabled(True)

        def done(result) -> None:
            self._job = None
            self._end_job(kind)
            on_done(result)
            self.jobFinished.emit(True)

        self._job = run_in_thread(
            work, done, lambda error: self._on_job_failed(kind, error),
            on_progress=self._on_progress if progress else None, context=self,
        )
        self._update_buttons()
        return self._job

    def _on_job_failed(self, kind: str, error: BaseException) -> None:
        self._job = None
        self._end_job(kind)
        message = error_text(error) if isinstance(error, StudyReaderError) else f"{type(error).__name__}: {error}"
        if isinstance(error, OfflineError):
            # Guidance rather than an error: in the normal colour, the address selectable.
            text = self.tr(
                "Could not download the Chinese → English package: you seem to be offline. On a computer "
                "with internet access, download the package file from\n{address}\n(listed in Argos "
                "Translate's index, {index}), copy it here and install it with “Install from File…”."
            ).format(address=ZH_EN_PACKAGE_URL, index=ARGOS_INDEX_URL)
            self._show_message(text, details=message)
        elif isinstance(error, DownloadCancelled):
            self._show_message(self.tr("Download cancelled. Nothing was installed."))
        else:
            if kind == "install":
                text = self.tr("Could not install the package: {reason}").format(reason=message)
            elif kind == "download":
                text = self.tr("Could not download the package: {reason}").format(reason=message)
            else:
                text = message
            self._show_message(text, error=True, details=message)
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
        if self._job is not None and self._job_kind == "download":
            self._job.cancel()
        super().done(result)

    def wait_for_jobs(self, msecs: int = 30000) -> bool:
        """Wait until the running job's function has returned (tests, shutdown)."""
        return self._job is None or self._job.wait(msecs / 1000)
