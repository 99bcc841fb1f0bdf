"""What the reader shows when the pointer rests on a glossary term or a web link."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTextBrowser

from studyreader.render import markup as render
from studyreader.ui.reader import row_html


def term_tooltip(glossary, term_id: str) -> str:
    """Tooltip HTML: the term, its other-language form, the definition in the interface language."""
    term = glossary.get(term_id) if glossary is not None else None
    if term is None:
        return ""
    from studyreader.ui import i18n

    return row_html.term_tooltip_html(term, (i18n.current_language() or "en") == "zh_CN")


def show_tooltip(view: QTextBrowser, event: QEvent, glossary) -> None:
    """Answer a ToolTip event on the view's viewport: the term's tooltip, a web link's address, or nothing."""
    import html  # here, not at the top: the first paint needs neither

    from PySide6.QtWidgets import QToolTip

    pos = event.pos()
    href = view.anchorAt(pos)
    term_id = render.term_id_from_href(href)
    text = ""
    if term_id:
        text = term_tooltip(glossary, term_id)
    elif href and render.is_web_url(href):
        text = html.escape(href)
    if text:
        QToolTip.showText(event.globalPos(), text, view.viewport())
    else:
        QToolTip.hideText()
        event.ignore()
