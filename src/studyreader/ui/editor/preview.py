"""A rendered pane of the editor (the preview and the live English): Markdown drawn as the reader
draws it, glossary terms marked with their explanation on hover, colours taken from the current
palette (so a theme switch repaints it at once), local images of the notes folder only."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPalette, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from studyreader.render import markup
from studyreader.ui import i18n
from studyreader.ui.fonts import SIMPLIFIED_CHINESE_MONO_FAMILIES, css_font_family

LIGHT_TERM_BACKGROUND = "#faf3da"  # the reader's colours for a marked glossary term
DARK_TERM_BACKGROUND = "#424a32"


def _mix(a: QColor, b: QColor, amount: float) -> str:
    """``amount`` of the way from colour ``a`` to colour ``b``, as a CSS name."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    ).name()


def term_tooltip(term, chinese_interface: bool) -> str:
    """Tooltip HTML for a glossary term: both forms and the definition in the interface language."""
    first, second = (term.zh or term.en, term.en) if chinese_interface else (term.en or term.zh, term.zh)
    if chinese_interface:
        definition = term.definition_zh or term.definition_en
    else:
        definition = term.definition_en or term.definition_zh
    head = f"<b>{html.escape(first)}</b>"
    if second and second != first:
        head += f" · {html.escape(second)}"
    body = f"<p style='margin-top:4px'>{html.escape(definition)}</p>" if definition else ""
    return f"<div style='max-width:420px'>{head}{body}</div>"


class PreviewPane(QTextBrowser):
    """Shows Markdown as the reader renders it; :meth:`show_markdown` keeps the source to redraw."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_link)
        self._markdown: str | None = None
        self._plain: str | None = None
        self._base_dir: Path | None = None
        self._glossary = None
        self._apply_stylesheet()

    # -- content -------------------------------------------------------------------------------
    def set_base_dir(self, base_dir: Path | None) -> None:
        self._base_dir = base_dir

    def set_glossary(self, glossary) -> None:
        """Mark this glossary's terms (``find(text)``, ``get(id)``); None: no marks."""
        self._glossary = glossary
        self._redraw()

    def show_markdown(self, text: str) -> None:
        self._markdown, self._plain = text, None
        self._redraw()

    def show_message(self, text: str) -> None:
        """A plain message instead of rendered text (no model, a failure)."""
        self._markdown, self._plain = None, text
        self._redraw()

    def clear_content(self) -> None:
        self._markdown = self._plain = None
        self.clear()

    def _redraw(self) -> None:
        if self._plain is not None:
            self.setPlainText(self._plain)
        elif self._markdown is not None:
            self.setHtml(self._marked(markup.render_markdown(self._markdown, self._base_dir)))

    def _marked(self, safe_html: str) -> str:
        glossary = self._glossary
        if glossary is None or not safe_html:
            return safe_html

        def find(text: str):
            return [markup.Mark(m.start, m.end, m.term_id, "term") for m in glossary.find(text)]

        return markup.mark_terms(safe_html, find)

    # -- theme -----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_stylesheet()
            self._redraw()  # the default style sheet applies to HTML set from now on
        super().changeEvent(event)

    def _apply_stylesheet(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        term_bg = DARK_TERM_BACKGROUND if base.lightness() < 128 else LIGHT_TERM_BACKGROUND
        code_bg = _mix(text, base, 0.93)
        mono = css_font_family("monospace", SIMPLIFIED_CHINESE_MONO_FAMILIES)
        self.document().setDefaultStyleSheet(
            f"""
            body {{ color: {text.name()}; }}
            p, ul, ol, blockquote, pre, h1, h2, h3, h4, h5, h6 {{ margin-top: 0px; margin-bottom: 4px; }}
            a {{ color: {palette.color(QPalette.ColorRole.Link).name()}; }}
            a.term {{ color: {text.name()}; text-decoration: none; background-color: {term_bg}; }}
            span.sr-placeholder {{ color: {_mix(text, base, 0.55)}; font-size: small; }}
            code {{ background-color: {code_bg}; font-family: {mono}; }}
            pre {{ background-color: {code_bg}; font-family: {mono}; white-space: pre-wrap; margin-left: 8px; }}
            th {{ background-color: {code_bg}; }}
            td, th {{ padding: 2px 10px 2px 0; }}
            """
        )

    # -- hover, links, resources -----------------------------------------------------------------
    def term_at(self, pos) -> str | None:
        """The glossary term id under a viewport point, if any."""
        return markup.term_id_from_href(self.anchorAt(pos))

    def tooltip_at(self, pos) -> str:
        """What hovering the viewport point shows: a term's explanation or a web address."""
        term_id = self.term_at(pos)
        if term_id is not None:
            term = self._glossary.get(term_id) if self._glossary is not None else None
            return term_tooltip(term, i18n.current_language() == "zh_CN") if term is not None else ""
        href = self.anchorAt(pos)
        return html.escape(href) if href and markup.is_web_url(href) else ""

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def loadResource(self, kind: int, url: QUrl):
        """Local images of the notes folder, nothing else (never the network, never outside)."""
        if int(kind) == int(QTextDocument.ResourceType.ImageResource) and url.isLocalFile():
            local = markup.local_image_path(url.toString(), self._base_dir)
            if local is not None:
                image = QImage(str(local))
                if not image.isNull():
                    return image
        return None

    @staticmethod
    def _open_link(url: QUrl) -> None:
        """Only http(s) links open, in the system browser, and only when clicked."""
        if url.scheme().lower() in ("http", "https") and url.host():
            QDesktopServices.openUrl(url)
