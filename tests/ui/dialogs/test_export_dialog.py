"""File ▸ Export…: the dialog writes the file in the background and remembers its choices."""

from __future__ import annotations

import datetime as dt
import shutil

from PySide6.QtWidgets import QDialogButtonBox

from studyreader import options, paths
from studyreader.ui.dialogs.export_dialog import ExportDialog
from studyreader.ui.settings import Settings


def _notes(tmp_path):
    target = tmp_path / "notes.md"
    shutil.copy(paths.sample_notes(), target)
    return target


def test_export_dialog_writes_markdown_and_remembers(qtbot, tmp_path, use_tiny_argos):
    notes = _notes(tmp_path)
    settings = Settings()
    dialog = ExportDialog(notes, settings, None, (dt.date(2025, 1, 6), dt.date(2025, 1, 10)))
    qtbot.addWidget(dialog)
    assert dialog.fmt == "html" and dialog.out_edit.text().endswith("notes-bilingual.html")
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("md"))
    assert dialog.out_edit.text().endswith("notes-bilingual.md") and not dialog.layout_combo.isEnabled()
    dialog.from_check.setChecked(True)
    dialog.from_edit.setDate(dt.date(2025, 1, 8))
    out = tmp_path / "out" / "x.md"
    out.parent.mkdir()
    dialog.out_edit.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=30000) as blocker:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert blocker.args == [str(out)]
    text = out.read_text(encoding="utf-8")
    assert text.startswith("### 2025.01.08\n") and "\n> " in text
    assert settings.value(options.EXPORT_FORMAT.key) == "md"
    assert settings.value(options.EXPORT_FOLDER.key) == str(out.parent)
    again = ExportDialog(notes, settings)
    qtbot.addWidget(again)
    assert again.fmt == "md" and again.out_edit.text() == str(out.parent / "notes-bilingual.md")


def test_export_dialog_reports_failure(qtbot, tmp_path, use_tiny_argos):
    notes = _notes(tmp_path)
    dialog = ExportDialog(notes, Settings())
    qtbot.addWidget(dialog)
    dialog.out_edit.setText(str(tmp_path / "missing" / "x.html"))
    with qtbot.waitSignal(dialog.failed, timeout=30000) as blocker:
        dialog.start()
    assert "missing" in blocker.args[0] and "does not exist" in blocker.args[0]
    assert dialog.status_label.text() == blocker.args[0]
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_export_dialog_writes_pdf_off_the_gui_thread(qtbot, tmp_path, use_tiny_argos):
    notes = _notes(tmp_path)
    dialog = ExportDialog(notes, Settings())
    qtbot.addWidget(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    assert dialog.out_edit.text().endswith(".pdf") and dialog.layout_combo.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=30000) as blocker:
        dialog.start()
    assert blocker.args[0].endswith(".pdf")
    data = open(blocker.args[0], "rb").read()
    assert data.startswith(b"%PDF") and b"/FontFile" in data
