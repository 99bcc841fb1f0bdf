"""The dialog to add a user term or edit one (opened from the glossary sidebar)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


def _split_aliases(text: str) -> list[str]:
    return [part.strip() for part in text.replace("，", ",").replace("、", ",").split(",") if part.strip()]


class TermDialog(QDialog):
    """Add a user term or edit one (a bundled term's edit is stored as the user's override)."""

    def __init__(self, term=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.term = term
        self.setWindowTitle(self.tr("Edit term") if term is not None else self.tr("Add term"))
        self.id_edit = QLineEdit(self)
        self.en_edit = QLineEdit(self)
        self.zh_edit = QLineEdit(self)
        self.aliases_en_edit = QLineEdit(self)
        self.aliases_zh_edit = QLineEdit(self)
        self.definition_en_edit = QPlainTextEdit(self)
        self.definition_zh_edit = QPlainTextEdit(self)
        self.source_edit = QLineEdit(self)
        for edit in (self.definition_en_edit, self.definition_zh_edit):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(72)
        form = QFormLayout()
        form.addRow(self.tr("Id:"), self.id_edit)
        form.addRow(self.tr("English:"), self.en_edit)
        form.addRow(self.tr("Chinese:"), self.zh_edit)
        form.addRow(self.tr("English aliases:"), self.aliases_en_edit)
        form.addRow(self.tr("Chinese aliases:"), self.aliases_zh_edit)
        form.addRow(self.tr("Definition (English):"), self.definition_en_edit)
        form.addRow(self.tr("Definition (Chinese):"), self.definition_zh_edit)
        form.addRow(self.tr("Source (https):"), self.source_edit)
        self.aliases_en_edit.setPlaceholderText(self.tr("comma separated"))
        self.aliases_zh_edit.setPlaceholderText(self.tr("comma separated"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if term is not None:
            self.id_edit.setText(term.id)
            self.id_edit.setReadOnly(True)
            self.en_edit.setText(term.en)
            self.zh_edit.setText(term.zh)
            self.aliases_en_edit.setText(", ".join(term.aliases_en))
            self.aliases_zh_edit.setText(", ".join(term.aliases_zh))
            self.definition_en_edit.setPlainText(term.definition_en)
            self.definition_zh_edit.setPlainText(term.definition_zh)
            self.source_edit.setText(term.source)
        self.resize(520, 460)

    def values(self) -> dict:
        """The fields as the glossary's user-term functions take them."""
        return {
            "id": self.id_edit.text().strip(),
            "en": self.en_edit.text().strip(),
            "zh": self.zh_edit.text().strip(),
            "aliases_en": _split_aliases(self.aliases_en_edit.text()),
            "aliases_zh": _split_aliases(self.aliases_zh_edit.text()),
            "definition_en": self.definition_en_edit.toPlainText().strip(),
            "definition_zh": self.definition_zh_edit.toPlainText().strip(),
            "source": self.source_edit.text().strip(),
        }
