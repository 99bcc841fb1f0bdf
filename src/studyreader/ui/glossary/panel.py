"""The glossary sidebar: search the terms, read both definitions, jump to the entries that use them."""

from __future__ import annotations

import datetime as _dt
import html

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studyreader.render import markup as render
from studyreader.ui.messages import error_text, worded
from studyreader.ui.reader.reader import open_external

TERM_ROLE = Qt.ItemDataRole.UserRole


class GlossaryPanel(QWidget):
    """Sidebar over a :class:`studyreader.glossary.termbase.Glossary`.

    Every text of a term or a notes file reaches the rich-text detail view escaped, and the
    plain labels are set to plain text: markup in a glossary or in the notes is shown, never run.
    """

    termSelected = Signal(str)
    dateActivated = Signal(object)  # a backlink was clicked: datetime.date
    glossaryEdited = Signal()  # the user's glossary file changed: reload

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryPanel")
        self.glossary = None
        self.notes = None
        self.title = QLabel(self)
        self.title.setObjectName("paneTitle")
        self.search = QLineEdit(self)
        self.search.setObjectName("glossarySearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._refill)
        self.search.returnPressed.connect(self._select_first)
        self.list = QListWidget(self)
        self.list.setObjectName("termList")
        self.list.setUniformItemSizes(True)
        self.list.currentItemChanged.connect(self._current_changed)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("termDetail")
        self.detail.setOpenLinks(False)
        self.detail.setOpenExternalLinks(False)
        self.detail.anchorClicked.connect(self._detail_link)
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.hide_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_term)
        self.edit_button.clicked.connect(self.edit_term)
        self.hide_button.clicked.connect(self.hide_term)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # warnings quote the glossary files
        self.status.setObjectName("glossaryStatus")

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.hide_button)
        buttons.addStretch(1)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(4)
        top_layout.addWidget(self.search)
        top_layout.addWidget(self.list)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.setSpacing(4)
        bottom_layout.addWidget(self.detail)
        bottom_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("glossarySplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        # The definition is what is read: when the pane is short (the entry editor open at 768 px),
        # the list gives up height first, down to a few rows.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.list.setMinimumHeight(self.list.fontMetrics().height() * 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.splitter)
        layout.addWidget(self.status)
        self.retranslateUi()
        self._update_buttons()

    # -- language ------------------------------------------------------------
    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Glossary"))
        self.search.setPlaceholderText(self.tr("Search terms: 中文, English, aliases"))
        self.add_button.setText(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Add your own term"))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the selected term (kept in your own glossary)"))
        self.hide_button.setText(self.tr("Hide"))
        self.hide_button.setToolTip(self.tr("Hide the selected term from marks and lists"))
        if self.glossary is None:
            self.status.setText(self.tr("Loading the glossary…"))
        else:  # its problems in the new language
            self.status.setText("\n".join(worded(warning) for warning in self.glossary.warnings))
        self._show_detail(self.current_term_id())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # -- data ------------------------------------------------------------------
    def set_glossary(self, glossary) -> None:
        selected = self.current_term_id()
        self.glossary = glossary
        warnings = [worded(warning) for warning in glossary.warnings]
        self.status.setText("\n".join(warnings))
        self.status.setVisible(bool(warnings))
        self._refill()
        if selected:
            self.select_term(selected)

    def set_notes(self, notes) -> None:
        self.notes = notes
        self._show_detail(self.current_term_id())

    def current_term_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(TERM_ROLE) if item is not None else None

    def term_ids(self) -> list[str]:
        return [self.list.item(i).data(TERM_ROLE) for i in range(self.list.count())]

    def select_term(self, term_id: str) -> bool:
        """Select ``term_id`` in the list (clearing a search that hides it)."""
        if self.glossary is None or self.glossary.get(term_id) is None:
            return False
        for _ in range(2):
            for i in range(self.list.count()):
                item = self.list.item(i)
                if item.data(TERM_ROLE) == term_id:
                    self.list.setCurrentItem(item)
                    self.list.scrollToItem(item)
                    return True
            self.search.clear()
        return False

    def _refill(self) -> None:
        if self.glossary is None:
            return
        selected = self.current_term_id()
        terms = self.glossary.search(self.search.text().strip())
        self.list.blockSignals(True)
        self.list.clear()
        for term in terms:
            label = f"{term.en} · {term.zh}" if term.en and term.zh else (term.en or term.zh)
            item = QListWidgetItem(label)
            item.setData(TERM_ROLE, term.id)
            if term.origin != "bundled":
                item.setToolTip(self.tr("Your own term"))
            self.list.addItem(item)
        self.list.blockSignals(False)
        restored = False
        if selected:
            for i in range(self.list.count()):
                if self.list.item(i).data(TERM_ROLE) == selected:
                    self.list.setCurrentRow(i)
                    restored = True
                    break
        if not restored:
            self._show_detail(None)
        self._update_buttons()

    def _select_first(self) -> None:
        if self.list.count():
            self.list.setCurrentRow(0)

    def _current_changed(self, current, _previous) -> None:
        term_id = current.data(TERM_ROLE) if current is not None else None
        self._show_detail(term_id)
        self._update_buttons()
        if term_id:
            self.termSelected.emit(term_id)

    def _update_buttons(self) -> None:
        has_term = self.current_term_id() is not None
        self.add_button.setEnabled(self.glossary is not None)
        self.edit_button.setEnabled(has_term)
        self.hide_button.setEnabled(has_term)

    # -- detail ------------------------------------------------------------------
    def detail_html(self, term_id: str | None) -> str:
        """The detail view of one term: both definitions, aliases, source, see also, backlinks."""
        term = self.glossary.get(term_id) if (self.glossary is not None and term_id) else None
        if term is None:
            hint = self.tr(
                "Marked words in the notes are glossary terms: hover one to read its definition, "
                "click it to show it here with the entries that mention it."
            )
            return f"<p style='color:gray'>{html.escape(hint)}</p>"
        esc = html.escape
        parts = [f"<h3 style='margin-top:0'>{esc(term.en)}"]
        if term.zh:
            parts.append(f" · {esc(term.zh)}")
        parts.append("</h3>")
        from studyreader.ui import i18n

        definitions = [term.definition_en, term.definition_zh]
        if (i18n.current_language() or "en") == "zh_CN":
            definitions.reverse()  # the interface language first
        parts.extend(f"<p>{esc(text)}</p>" for text in definitions if text)
        aliases = [*term.aliases_en, *term.aliases_zh]
        if aliases:
            label = self.tr("Also:")
            parts.append(f"<p><b>{esc(label)}</b> {esc(', '.join(aliases))}</p>")
        if term.source and render.is_web_url(term.source):
            parts.append(
                "<p><b>" + esc(self.tr("Source:")) + f"</b> <a href='{esc(term.source)}'>{esc(term.source)}</a></p>"
            )
        see_also = self.glossary.see_also(term.id)
        if see_also:
            links = ", ".join(f"<a href='{render.term_href(t.id)}'>{esc(t.en or t.zh)}</a>" for t in see_also)
            label = self.tr("See also:")
            parts.append(f"<p><b>{esc(label)}</b> {links}</p>")
        if self.notes is not None:
            try:
                backlinks = self.glossary.backlinks(term.id, self.notes)
            except Exception:  # noqa: BLE001 - backlinks are a convenience; never break the panel
                backlinks = []
            if backlinks:
                links = ", ".join(
                    f"<a href='date:{b.entry.date.isoformat()}'>{b.entry.date.isoformat()}</a>"
                    f" ({len(b.matches)})"
                    for b in sorted(backlinks, key=lambda b: b.entry.date, reverse=True)
                )
                label = self.tr("In your entries:")
                parts.append(f"<p><b>{esc(label)}</b> {links}</p>")
            else:
                label = self.tr("Not mentioned in your dated entries.")
                parts.append(f"<p style='color:gray'>{esc(label)}</p>")
        if term.origin != "bundled":
            label = self.tr("From your own glossary.")
            parts.append(f"<p style='color:gray'>{esc(label)}</p>")
        return "".join(parts)

    def _show_detail(self, term_id: str | None) -> None:
        if self.glossary is None:
            self.detail.setHtml("")
            return
        self.detail.setHtml(self.detail_html(term_id))

    def _detail_link(self, url: QUrl) -> None:
        href = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        term_id = render.term_id_from_href(href)
        if term_id:
            self.select_term(term_id)
        elif href.startswith("date:"):
            try:
                day = _dt.date.fromisoformat(href[len("date:"):])
            except ValueError:
                return
            self.dateActivated.emit(day)
        else:
            open_external(url)

    # -- user terms ------------------------------------------------------------
    def add_term(self) -> None:
        from studyreader.ui.glossary.term_dialog import TermDialog

        dialog = TermDialog(None, self)
        if not _accepted(dialog.exec()):
            return
        values = {key: value for key, value in dialog.values().items() if value}
        self._write(lambda user: user.add_term(values))

    def edit_term(self) -> None:
        term_id = self.current_term_id()
        term = self.glossary.get(term_id) if (self.glossary and term_id) else None
        if term is None:
            return
        from studyreader.ui.glossary.term_dialog import TermDialog

        dialog = TermDialog(term, self)
        if not _accepted(dialog.exec()):
            return
        values = dialog.values()
        values.pop("id")
        changed = {key: value for key, value in values.items() if value != _as_list_or_str(getattr(term, key))}
        if changed:
            self._write(lambda user: user.edit_term(term_id, **changed))

    def hide_term(self) -> None:
        term_id = self.current_term_id()
        if term_id:
            self._write(lambda user: user.hide_term(term_id))

    def _write(self, action) -> None:
        from studyreader.glossary import user

        try:
            action(user)
        except Exception as error:  # noqa: BLE001 - StudyReaderError and bad values: tell the user
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("Glossary"), error_text(error))
            return
        self.glossaryEdited.emit()


def _accepted(result) -> bool:
    from PySide6.QtWidgets import QDialog

    return result == QDialog.DialogCode.Accepted or result == 1


def _as_list_or_str(value):
    return list(value) if isinstance(value, tuple) else value
