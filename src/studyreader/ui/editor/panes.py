"""The editor's three columns: Markdown source, its preview, its live English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget

from studyreader.ui.editor.preview import PreviewPane
from studyreader.ui.editor.sentences import EditorSentences
from studyreader.ui.reader.sentence_highlight import SentenceHighlight
from studyreader.ui.reader.style import ReaderColours

COLUMN_MIN_WIDTH = 160


class EditorPanes(QSplitter):
    """Source | Preview | English; captions and footers share one height so the panes line up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("editorSplitter")
        self.setChildrenCollapsible(False)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("entryText")
        self.editor.setTabChangesFocus(False)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.preview = PreviewPane("entryPreview", self)
        self.english = PreviewPane("entryEnglish", self)
        self.editor_caption = QLabel(self)
        self.preview_caption = QLabel(self)
        self.english_caption = QLabel(self)
        self.count_label = QLabel(self)
        self.count_label.setEnabled(False)
        self.preview_footer = QLabel(self)
        self.preview_footer.setEnabled(False)
        self.translation_state = QLabel(self)
        self.translation_state.setEnabled(False)
        self.translation_state.setWordWrap(True)
        self.models_button = QPushButton(self)
        self.models_button.hide()
        self.english_footer = QWidget(self)
        footer_layout = QHBoxLayout(self.english_footer)
        footer_layout.setContentsMargins(0, 0, 0, 0)
        footer_layout.addWidget(self.translation_state, 1)
        footer_layout.addWidget(self.models_button)

        self.editor_column = self._column(self.editor_caption, self.editor, self.count_label)
        self.preview_column = self._column(self.preview_caption, self.preview, self.preview_footer)
        self.english_column = self._column(self.english_caption, self.english, self.english_footer)
        for index, stretch in enumerate((3, 2, 2)):
            self.setStretchFactor(index, stretch)
        self._placeholders: dict[QWidget, tuple[str, ...]] = {}
        for pane in (self.editor, self.preview, self.english):
            pane.viewport().installEventFilter(self)
        # a sentence and its English lit together: the pointer on the preview or the English, the caret
        self.sentences = EditorSentences(self.editor, self.preview, self.english)
        self.sentence_highlight = SentenceHighlight(
            self.sentences, lambda: QColor(ReaderColours.from_palette(self.english.palette()).sentence_bg), self
        )
        self.sentence_highlight.watch(self.preview)
        self.sentence_highlight.watch(self.english)
        self.sentence_highlight.watch(self.editor, hover=False, caret_always=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit_placeholders()
        return super().eventFilter(watched, event)

    def _fit_placeholders(self) -> None:
        for pane, texts in self._placeholders.items():
            metrics = pane.fontMetrics()
            room = pane.viewport().width() - 2 * int(pane.document().documentMargin()) - 2
            fitting = next((text for text in texts if metrics.horizontalAdvance(text) <= room), None)
            text = fitting or metrics.elidedText(texts[-1], Qt.TextElideMode.ElideRight, max(room, 0))
            if pane.placeholderText() != text:
                pane.setPlaceholderText(text)

    def _column(self, caption: QLabel, body: QWidget, footer: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(caption)
        layout.addWidget(body, 1)
        layout.addWidget(footer)
        box.setMinimumWidth(COLUMN_MIN_WIDTH)
        self.addWidget(box)
        return box

    def set_live_columns_visible(self, visible: bool) -> None:
        self.preview_column.setVisible(visible)
        self.english_column.setVisible(visible)

    def retranslate(self) -> None:
        # Qt draws a placeholder in the height of one line: each pane shows the longest of its
        # texts that fits on one line at the pane's width (see _fit_placeholders).
        self._placeholders = {
            self.editor: (
                QCoreApplication.translate(
                    "EntryEditor", "Write today's notes in Markdown. Ctrl+S saves them into the notes file."
                ),
                QCoreApplication.translate("EntryEditor", "Today's notes in Markdown. Ctrl+S saves them."),
                QCoreApplication.translate("EntryEditor", "Today's notes (Markdown)"),
            ),
            self.preview: (
                QCoreApplication.translate("EntryEditor", "The formatted entry appears here as you type."),
                QCoreApplication.translate("EntryEditor", "The formatted entry appears here."),
                QCoreApplication.translate("EntryEditor", "Formatted entry"),
            ),
            self.english: (
                QCoreApplication.translate(
                    "EntryEditor", "The English translation appears here a moment after you stop typing."
                ),
                QCoreApplication.translate("EntryEditor", "The English appears here when you pause."),
                QCoreApplication.translate("EntryEditor", "English, after a pause"),
            ),
        }
        self._fit_placeholders()
        self.editor_caption.setText(QCoreApplication.translate("EntryEditor", "Markdown"))
        self.preview_caption.setText(QCoreApplication.translate("EntryEditor", "Preview"))
        self.english_caption.setText(QCoreApplication.translate("EntryEditor", "English"))
        self.preview_footer.setText(QCoreApplication.translate("EntryEditor", "Rendered as in the reader"))
        self.models_button.setText(QCoreApplication.translate("EntryEditor", "Translation Models…"))
        self._align()

    def _align(self) -> None:
        captions = (self.editor_caption, self.preview_caption, self.english_caption)
        height = max(label.sizeHint().height() for label in captions)
        for label in captions:
            label.setFixedHeight(height)
        footers = (self.count_label, self.preview_footer)
        height = max([label.sizeHint().height() for label in footers] + [self.models_button.sizeHint().height()])
        for widget in (*footers, self.english_footer):
            widget.setFixedHeight(height)

    def set_count(self, text: str) -> None:
        if self.count_label.text() != text:
            self.count_label.setText(text)


def wrap_selection(editor: QPlainTextEdit, marker: str) -> None:
    """Bold, italic, code: put ``marker`` around the selection (or around the cursor)."""
    cursor = editor.textCursor()
    selected = cursor.selectedText()
    cursor.beginEditBlock()
    cursor.insertText(f"{marker}{selected}{marker}")
    if not selected:
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.MoveAnchor, len(marker))
    cursor.endEditBlock()
    editor.setTextCursor(cursor)
