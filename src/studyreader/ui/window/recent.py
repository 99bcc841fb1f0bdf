"""File ▸ Open Recent: the notes files opened last, most recent first, filled each time it opens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from studyreader.ui.settings import Settings

SHOWN = 9  # numbered &1 … &9


def _place(path: Path) -> str:
    """The file's folder, the home folder written as ~."""
    folder = path.parent
    try:
        return "~/" + folder.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(folder)


def fill_recent_menu(menu: QMenu, settings: Settings, open_file: Callable[[Path], object]) -> None:
    """The recent files that still exist (a vanished one is left out, not forgotten), then Clear."""
    menu.clear()
    files = settings.recent_files[:SHOWN]
    names = [path.name for path in files]
    for number, path in enumerate(files, start=1):
        # the folder tells apart two files of the same name; the full path is in the tooltip
        label = path.name if names.count(path.name) == 1 else f"{path.name} — {_place(path)}"
        action = menu.addAction(f"&{number} {label.replace('&', '&&')}")
        action.setToolTip(str(path))
        action.setStatusTip(str(path))
        action.setData(str(path))
        action.triggered.connect(lambda _checked=False, p=path: open_file(p))
    if not files:
        menu.addAction(QCoreApplication.translate("MainWindow", "No recent files")).setEnabled(False)
    menu.addSeparator()
    clear = menu.addAction(QCoreApplication.translate("MainWindow", "&Clear the list"))
    clear.setObjectName("clearRecent")
    clear.setEnabled(bool(files))
    clear.triggered.connect(lambda: settings.set_value(Settings.RECENT_FILES, []))
    menu.setToolTipsVisible(True)
