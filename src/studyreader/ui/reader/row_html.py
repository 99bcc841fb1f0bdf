"""The HTML of one reader row and of a term's tooltip. Plain Python over the sanitised HTML of the blocks.

Every text that comes from the notes or a glossary is escaped here or was sanitised by
:mod:`studyreader.render.markup`.
"""

from __future__ import annotations

import html

from studyreader.render import markup as render
from studyreader.render.rows import Block


def row_html(block: Block, zh: str, en: str, mode: str, heading_bg: str) -> str:
    """One row: a table holding the Chinese and the English in the layout of ``mode``."""
    shade = ""
    if block.kind == "heading" and block.source.lstrip().startswith(("# ", "## ", "### ")):
        shade = f' bgcolor="{heading_bg}"'
    table = f'<table class="row" width="100%" cellspacing="0" cellpadding="5"{shade}>'
    if mode == "side":
        return f'{table}<tr><td width="50%" class="zh">{zh}</td><td width="50%" class="en">{en}</td></tr></table>'
    if mode == "interleaved":
        if not block.translatable:
            return f'{table}<tr><td class="solo">{zh}</td></tr></table>'
        return f'{table}<tr><td class="solo">{zh}</td></tr><tr><td class="en under">{en}</td></tr></table>'
    return f'{table}<tr><td class="solo">{zh if mode == "zh" else en}</td></tr></table>'


def marked(safe_html: str, glossary, css_class: str = "term") -> str:
    """``safe_html`` with the glossary's terms marked as ``term:`` links (unchanged without a glossary)."""
    if glossary is None:
        return safe_html

    def find(text: str):
        return [render.Mark(m.start, m.end, m.term_id, css_class) for m in glossary.find(text)]

    try:
        return render.mark_terms(safe_html, find)
    except Exception:  # noqa: BLE001 - a glossary problem costs the marks, never the text
        return safe_html


def missing_terms_html(glossary, missing, label: str) -> str:
    """The quiet flag under an English row: glossary terms its translation did not use."""
    links = []
    for term_id in missing:
        term = glossary.get(term_id)
        if term is None:
            continue
        text = html.escape(f"{term.en} ({term.zh})" if term.zh else term.en)
        links.append(f'<a class="term-miss" href="{render.term_href(term_id)}">{text}</a>')
    if not links:
        return ""
    return f'<p class="miss">⚑ {html.escape(label)} ' + ", ".join(links) + "</p>"


def term_tooltip_html(term, chinese_first: bool) -> str:
    """A term, its other-language form and its definition (the interface language first), escaped."""
    first, second = (term.zh or term.en, term.en) if chinese_first else (term.en or term.zh, term.zh)
    definition = (term.definition_zh or term.definition_en) if chinese_first else (
        term.definition_en or term.definition_zh
    )
    head = f"<b>{html.escape(first)}</b>"
    if second and second != first:
        head += f" · {html.escape(second)}"
    body = f"<p style='margin-top:4px'>{html.escape(definition)}</p>" if definition else ""
    return f"<div style='max-width:420px'>{head}{body}</div>"
