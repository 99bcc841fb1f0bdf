"""The export as one self-contained HTML file: inline styles, images as data: URIs, no script.

Each block's HTML comes from :func:`studyreader.render.markup.render_markdown` (sanitised), so
the export shows what the reader shows; glossary terms become ``<abbr>`` with their definition
as ``title`` and an appendix lists every term used, in both languages. The first block of each dated
entry starts with an anchor ``entry-YYYY-MM-DD`` (a link target, and how the PDF finds the date for its
running header); the appendix starts with the anchor ``appendix``.
"""

from __future__ import annotations

import base64
import html
import mimetypes
import re
from collections.abc import Callable
from urllib.parse import unquote

from studyreader.export.core import NO_MODEL_NOTE, UNTRANSLATED_KINDS, ExportDocument
from studyreader.render import images, markup

STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       margin: 2em auto; max-width: 72em; line-height: 1.6; color: #1f2328; }
table.export { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.export td { vertical-align: top; padding: 0.3em 0.8em; border-bottom: 1px solid #e5e7eb; width: 50%; }
table.export th { text-align: left; padding: 0.3em 0.8em; border-bottom: 2px solid #9ca3af; }
.pair { margin: 0 0 1em 0; }
.en { color: #374151; border-left: 3px solid #d1d5db; padding-left: 0.8em; }
pre { background: #f6f8fa; padding: 0.6em; overflow-x: auto; white-space: pre-wrap; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
abbr.term { text-decoration: underline dotted; }
.note { background: #fff8c5; padding: 0.5em 0.8em; }
table.md td, table.md th { border: 1px solid #d1d5db; padding: 0.2em 0.5em; }
table.terms { border-collapse: collapse; }
table.terms td, table.terms th { border: 1px solid #d1d5db; padding: 0.3em 0.6em; vertical-align: top; }
img { max-width: 100%; }
"""

ENTRY_ANCHOR = "entry-"  # + the entry's ISO date
APPENDIX_ANCHOR = "appendix"
_TERM_ANCHOR = re.compile(r'<a class="term" href="(term:[^"]*)">(.*?)</a>', re.DOTALL)
_IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]*)(")', re.IGNORECASE)


def term_title(term) -> str:
    """The ``title`` of a marked term: both names and both definitions."""
    names = " / ".join(name for name in (term.zh, term.en) if name)
    definitions = " — ".join(text for text in (term.definition_en, term.definition_zh) if text)
    return f"{names}: {definitions}" if definitions else names


def term_marker(glossary, with_titles: bool = True) -> Callable[[str], str]:
    """A function marking the glossary terms of rendered HTML as ``<abbr>``; each term's title is
    built once per export (a long file names the same terms thousands of times). Without titles (the
    PDF: nothing to hover on paper, and Qt lays the document out about a third faster) the marks stay."""
    titles: dict[str, str | None] = {}

    def find(text: str):
        return [markup.Mark(m.start, m.end, m.term_id) for m in glossary.find(text)]

    def title(href: str) -> str | None:
        if href not in titles:
            term = glossary.get(markup.term_id_from_href(html.unescape(href)) or "")
            if term is None:
                titles[href] = None
            else:
                titles[href] = f' title="{html.escape(term_title(term))}"' if with_titles else ""
        return titles[href]

    def to_abbr(match: re.Match[str]) -> str:
        text = title(match.group(1))
        return match.group(2) if text is None else f'<abbr class="term"{text}>{match.group(2)}</abbr>'

    def mark(safe_html: str) -> str:
        return _TERM_ANCHOR.sub(to_abbr, markup.mark_terms(safe_html, find))

    return mark


def _embed_images(safe_html: str, document: ExportDocument) -> str:
    """Local images (already checked by the renderer) become data: URIs; anything else is dropped."""

    def embed(match: re.Match[str]) -> str:
        src = html.unescape(match.group(2))
        data = images.read_local_image(src, document.base_dir)
        if data is None:
            return f"{match.group(1)}{match.group(3)}"
        kind = mimetypes.guess_type(unquote(src))[0] or "application/octet-stream"
        return f"{match.group(1)}data:{kind};base64,{base64.b64encode(data).decode('ascii')}{match.group(3)}"

    return _IMG_SRC.sub(embed, safe_html)


def block_html(text: str, document: ExportDocument, references: dict[str, str],
               mark: Callable[[str], str] | None = None) -> str:
    """One block rendered as the reader renders it, images embedded, terms marked by ``mark``."""
    safe = markup.render_markdown(text, document.base_dir, references=references)
    safe = _embed_images(safe, document)
    return mark(safe) if mark is not None else safe


def _title(document: ExportDocument) -> str:
    title = document.path.name
    if document.date_from or document.date_to:
        title += f" ({document.date_from or '…'} – {document.date_to or '…'})"
    return title


def appendix(document: ExportDocument) -> str:
    if not document.terms:
        return ""
    rows = "".join(
        f"<tr><td>{html.escape(t.zh)}</td><td>{html.escape(t.en)}</td>"
        f"<td>{html.escape(t.definition_zh)}</td><td>{html.escape(t.definition_en)}</td></tr>\n"
        for t in sorted(document.terms, key=lambda t: (t.en.lower(), t.zh))
    )
    return (
        f'<h2 id="glossary"><a name="{APPENDIX_ANCHOR}"></a>术语表 · Glossary</h2>\n<table class="terms">\n'
        '<tr><th width="14%">中文</th><th width="16%">English</th><th width="35%">释义</th>'
        '<th width="35%">Definition</th></tr>\n'
        f"{rows}</table>\n"
    )


def build_html(document: ExportDocument, layout: str = "side", *, term_titles: bool = True) -> str:
    references = markup.link_references(block.source for block in document.blocks)
    mark = term_marker(document.glossary, term_titles) if document.glossary is not None else None
    body: list[str] = []
    if not document.translated:
        body.append(f'<p class="note">{html.escape(NO_MODEL_NOTE)}</p>')
    side = layout == "side"
    if side:
        body.append('<table class="export">\n<tr><th width="50%">中文</th><th width="50%">English</th></tr>')
    dates = document.dates or (None,) * len(document.blocks)
    previous = None
    for block, english, day in zip(document.blocks, document.english, dates):
        verbatim = block.kind in UNTRANSLATED_KINDS or not block.translatable
        zh = block_html(block.source, document, references, None if verbatim else mark)
        if day is not None and day != previous:
            zh = f'<a name="{ENTRY_ANCHOR}{day.isoformat()}"></a>{zh}'
        previous = day
        en = "" if verbatim or english is None else block_html(english, document, references, mark)
        if side:
            if verbatim:
                body.append(f'<tr class="{block.kind}"><td colspan="2">{zh}</td></tr>')
            else:
                body.append(f'<tr class="{block.kind}"><td width="50%" lang="zh-CN">{zh}</td>'
                            f'<td width="50%" lang="en">{en}</td></tr>')
        else:
            english_part = f'<div class="en" lang="en">{en}</div>' if en else ""
            body.append(f'<div class="pair {block.kind}"><div class="zh" lang="zh-CN">{zh}</div>{english_part}</div>')
    if side:
        body.append("</table>")
    body.append(appendix(document))
    content = "\n".join(body)
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(_title(document))}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(_title(document))}</h1>\n{content}\n</body>\n</html>\n"
    )
