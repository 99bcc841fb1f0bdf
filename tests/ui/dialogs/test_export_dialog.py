"""File ▸ Export…: the dialog writes the file in the background, shows progress, can be cancelled, asks
what to do without a model, and remembers its choices."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from studyreader import options, paths
from studyreader.export import NO_MODEL_NOTE
from studyreader.render.markup import plain_text
from studyreader.ui.dialogs.export_dialog import ExportDialog
from studyreader.ui.settings import Settings
from tests.support.tiny_argos import sample_sentences


def _notes(tmp_path):
    target = tmp_path / "notes.md"
    shutil.copy(paths.sample_notes(), target)
    return target


def _dialog(qtbot, notes):
    """The export dialog for ``notes`` with default settings, closed with the test."""
    dialog = ExportDialog(notes, Settings())
    qtbot.addWidget(dialog)
    return dialog


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
    dialog = _dialog(qtbot, notes)
    dialog.out_edit.setText(str(tmp_path / "missing" / "x.html"))
    with qtbot.waitSignal(dialog.failed, timeout=30000) as blocker:
        dialog.start()
    assert "missing" in blocker.args[0] and "does not exist" in blocker.args[0]
    assert dialog.status_label.text() == blocker.args[0]
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_export_dialog_writes_pdf_off_the_gui_thread(qtbot, tmp_path, use_tiny_argos):
    notes = _notes(tmp_path)
    dialog = _dialog(qtbot, notes)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    assert dialog.out_edit.text().endswith(".pdf") and dialog.layout_combo.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=30000) as blocker:
        dialog.start()
    assert blocker.args[0].endswith(".pdf")
    data = open(blocker.args[0], "rb").read()
    assert data.startswith(b"%PDF") and b"/FontFile" in data


def _no_model(tmp_path, monkeypatch):
    empty = tmp_path / "no-packages"
    empty.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(empty))


def _question(qtbot, dialog) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible(), timeout=30000)
    return dialog.question


def test_without_a_model_the_dialog_asks_and_exports_the_chinese_only(qtbot, tmp_path, monkeypatch):
    _no_model(tmp_path, monkeypatch)
    notes = _notes(tmp_path)
    dialog = _dialog(qtbot, notes)
    out = tmp_path / "zh.html"
    dialog.out_edit.setText(str(out))
    dialog.start()
    box = _question(qtbot, dialog)
    assert not out.exists()  # nothing written while the question is open
    assert "No translation model" in box.text() and "No translation model" in dialog.status_label.text()
    assert not dialog.progress_bar.isVisible()
    chinese = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    assert chinese.text() == "Export Chinese only"
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        chinese.click()
    html = out.read_text(encoding="utf-8")
    assert NO_MODEL_NOTE in html and "挑战期通常是 7 天" in plain_text(html)
    assert 'lang="en"></td>' in html  # the English cells are empty
    assert "Chinese only" in dialog.status_label.text()


def test_without_a_model_cancel_writes_nothing(qtbot, tmp_path, monkeypatch):
    _no_model(tmp_path, monkeypatch)
    notes = _notes(tmp_path)
    dialog = _dialog(qtbot, notes)
    out = tmp_path / "zh.md"
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("md"))
    dialog.out_edit.setText(str(out))
    dialog.start()
    box = _question(qtbot, dialog)
    with qtbot.waitSignal(dialog.cancelled, timeout=5000):
        box.button(QMessageBox.StandardButton.Cancel).click()
    assert not out.exists() and "Nothing was exported" in dialog.status_label.text()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_progress_is_shown_and_cancel_export_writes_nothing(qtbot, tmp_path, use_tiny_argos):
    lines = sample_sentences(6000, seed=3)
    notes = tmp_path / "big.md"
    notes.write_text("## Notes\n\n### 2025.03.01\n\n" + "\n\n".join(
        "".join(lines[i:i + 3]) for i in range(0, len(lines), 3)) + "\n", encoding="utf-8")
    dialog = _dialog(qtbot, notes)
    dialog.show()
    out = tmp_path / "big.html"
    dialog.out_edit.setText(str(out))
    assert not dialog.progress_bar.isVisible()
    dialog.start()
    assert dialog.progress_bar.isVisible() and dialog.stop_button.isVisible()
    qtbot.waitUntil(lambda: dialog.progress_bar.value() > 0, timeout=30000)
    total = dialog.progress_bar.maximum()
    assert total == 2000 and "of 2000 blocks" in dialog.status_label.text()
    with qtbot.waitSignal(dialog.cancelled, timeout=30000):
        dialog.stop_button.click()
    assert not out.exists() and list(tmp_path.glob("*big.html*")) == []
    assert "cancelled" in dialog.status_label.text() and not dialog.progress_bar.isVisible()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_paper_choice_is_remembered_and_used(qtbot, tmp_path, use_tiny_argos, monkeypatch):
    notes = _notes(tmp_path)
    settings = Settings()
    assert settings.value(options.EXPORT_PAPER.key) == "auto"
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_PAPER", "en_CA.UTF-8")
    canadian = ExportDialog(notes, settings)
    qtbot.addWidget(canadian)
    assert canadian.paper == "letter"  # auto: the locale's paper
    monkeypatch.setenv("LC_PAPER", "zh_CN.UTF-8")
    dialog = ExportDialog(notes, settings)
    qtbot.addWidget(dialog)
    assert dialog.paper == "a4"
    assert dialog.form.labelForField(dialog.paper_combo).text() == "Paper (PDF):"
    assert dialog.form.labelForField(dialog.format_combo).text() == "Format:"
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("html"))
    assert not dialog.paper_combo.isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    assert dialog.paper_combo.isEnabled()
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("letter"))
    with qtbot.waitSignal(dialog.exported, timeout=30000) as blocker:
        dialog.start()
    info = subprocess.run(["pdfinfo", blocker.args[0]], capture_output=True, text=True, check=True).stdout
    assert "612 x 792" in info
    assert settings.value(options.EXPORT_PAPER.key) == "letter"
    again = ExportDialog(notes, settings)
    qtbot.addWidget(again)
    assert again.paper == "letter" and again.fmt == "pdf"
