"""What the reader's rows show, as HTML, and a term's tooltip. Plain Python over the sanitised HTML of the blocks
(the rendering itself runs on the render worker, :mod:`.render_worker`).

Every text that comes from the notes or a glossary is escaped here or was sanitised by
:mod:`studyreader.render.markup`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from studyreader.render import markup as render
from studyreader.render.rows import Block, is_shown
from studyreader.translate.blocks import SentencePair
from studyreader.ui.reader.render_worker import Task


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
    import html  # here, not at the top: the first paint escapes nothing

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
    import html

    first, second = (term.zh or term.en, term.en) if chinese_first else (term.en or term.zh, term.zh)
    definition = (term.definition_zh or term.definition_en) if chinese_first else (
        term.definition_en or term.definition_zh
    )
    head = f"<b>{html.escape(first)}</b>"
    if second and second != first:
        head += f" · {html.escape(second)}"
    body = f"<p style='margin-top:4px'>{html.escape(definition)}</p>" if definition else ""
    return f"<div style='max-width:420px'>{head}{body}</div>"


def render_text(text: str, base: str | None, glossary, base_dir: Path | None, labels: render.Labels,
                references: dict[str, str]) -> tuple[str, str]:
    """A block's safe HTML without marks (``base``, rendered when None) and with the glossary's marks.

    Runs on the render worker (:mod:`.render_worker`): everything here is pure Python.
    """
    if base is None:
        base = render.render_markdown(text, base_dir, labels, references) or "<p></p>"
    return base, marked(base, glossary)


ZH, EN = "zh", "en"


class RowTexts:
    """What each row of the reader shows: its block, its Chinese and English HTML with the glossary's
    marks (rendered by the render worker; None until then), its English Markdown (None while pending)
    and the glossary terms the English missed.

    Every change of what a row must show makes render tasks (:meth:`tasks`); their results come back
    through :meth:`accept`, which drops those rendered for an older state of the row.
    """

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.row_of_key: dict[int, int] = {}
        self.zh_base: list[str | None] = []  # rendered Chinese HTML without marks (the start-up cache's)
        # rendered English HTML without marks, by English text: a row drawn again with new glossary
        # marks does not render its Markdown again
        self.en_base: dict[str, str] = {}
        self.zh_shown: list[str | None] = []  # the Chinese with the current glossary's marks
        self.en_shown: list[tuple[str, str] | None] = []  # (English text, its HTML with marks)
        self.en_text: list[str | None] = []
        self.pairs: list[tuple[SentencePair, ...]] = []  # each row's sentences and their English
        self.missing: list[tuple[str, ...]] = []
        self.references: dict[str, str] = {}  # the file's link reference definitions, for every row
        self.base_dir: Path | None = None
        self.labels = render.Labels()
        self.glossary = None
        self.no_model = False
        self.generation = 0  # results rendered for an older generation (other blocks, labels, glossary) are dropped

    def load(self, blocks: Sequence[Block], base_dir: Path | None, labels: render.Labels,
             rendered: Sequence[str | None] | None) -> None:
        """New blocks (front matter and comment-only blocks get no row); English kept by source text."""
        known = {block.source: text for block, text in zip(self.blocks, self.en_text) if text is not None}
        known_pairs = dict(zip((block.source for block in self.blocks), self.pairs))
        kept = [i for i, block in enumerate(blocks) if is_shown(block)]
        self.blocks = [blocks[i] for i in kept]
        self.row_of_key = {block.index: row for row, block in enumerate(self.blocks)}
        self.base_dir = base_dir
        self.references = render.link_references(block.source for block in self.blocks)
        self.labels = labels
        if rendered is not None and len(rendered) == len(blocks):
            self.zh_base = [rendered[i] for i in kept]
        else:
            self.zh_base = [None] * len(self.blocks)
        self.en_base = {}
        self.en_text = [block.source if not block.translatable else known.get(block.source) for block in self.blocks]
        self.pairs = [known_pairs.get(block.source, ()) if block.translatable else () for block in self.blocks]
        self.missing = [() for _ in self.blocks]
        self._forget_shown()

    def relabel(self, labels: render.Labels) -> None:
        """Interface words changed: the Chinese HTML (its placeholders, notes) is rendered again."""
        self.labels = labels
        self.zh_base = [None] * len(self.blocks)
        self.en_base = {}
        self._forget_shown()

    def set_glossary(self, glossary) -> None:
        """Another glossary: every row is marked again (its Markdown is not rendered again)."""
        self.glossary = glossary
        self._forget_shown()

    def set_english(self, row: int, english: str, missing: tuple[str, ...]) -> None:
        self.en_text[row] = english
        self.missing[row] = missing

    def _forget_shown(self) -> None:
        self.generation += 1
        # Without a glossary there is nothing to mark: HTML rendered before (the start-up cache) shows as it is.
        self.zh_shown = list(self.zh_base) if self.glossary is None else [None] * len(self.blocks)
        self.en_shown = [None] * len(self.blocks)

    def pending(self) -> list[int]:
        return [row for row, block in enumerate(self.blocks) if block.translatable and self.en_text[row] is None]

    # -- rendering ---------------------------------------------------------------------------
    def ready(self, row: int) -> bool:
        """The row's HTML is rendered for what it must show now."""
        if self.zh_shown[row] is None:
            return False
        english = self.en_text[row]
        if english is None or not self.blocks[row].translatable:
            return True
        shown = self.en_shown[row]
        return shown is not None and shown[0] == english

    def keys(self, row: int) -> list[tuple[str, int]]:
        """The render tasks the row waits for (empty when :meth:`ready`)."""
        keys = [] if self.zh_shown[row] is not None else [(ZH, row)]
        english = self.en_text[row]
        if english is not None and self.blocks[row].translatable:
            shown = self.en_shown[row]
            if shown is None or shown[0] != english:
                keys.append((EN, row))
        return keys

    def task(self, key: tuple[str, int]) -> Task:
        """The render task of one key of :meth:`keys`, for the row's current state."""
        language, row = key
        text = self.blocks[row].source if language == ZH else self.en_text[row]
        assert text is not None
        base = self.zh_base[row] if language == ZH else self.en_base.get(text)
        generation, glossary, base_dir, labels, references = (
            self.generation, self.glossary, self.base_dir, self.labels, self.references)

        def run() -> tuple[int, str, str | None, str]:
            rendered, shown = render_text(text, base, glossary, base_dir, labels, references)
            return generation, text, rendered, shown

        def fallback() -> tuple[int, str, str | None, str]:
            # not kept as the row's base: rendered again (within the budget) when the row must be redrawn
            return generation, text, None, render.plain_html(text, labels.plain_text)

        return Task(key, run, fallback)

    def accept(self, key: tuple[str, int], value: tuple[int, str, str | None, str]) -> bool:
        """Take a render result; False when it was rendered for an older state of the row."""
        language, row = key
        generation, text, base, shown = value
        if generation != self.generation or row >= len(self.blocks):
            return False
        if language == ZH:
            if self.blocks[row].source != text:
                return False
            if base is not None:
                self.zh_base[row] = base
            self.zh_shown[row] = shown
            return True
        if self.en_text[row] != text:
            return False
        if base is not None:
            self.en_base[text] = base
        self.en_shown[row] = (text, shown)
        return True

    def zh_html(self, row: int) -> str:
        shown = self.zh_shown[row]
        assert shown is not None, "row not rendered yet"
        return shown

    def en_html(self, row: int, missing_label: str) -> str:
        english = self.en_text[row]
        if not self.blocks[row].translatable:
            return self.zh_html(row)
        if english is None:
            return f'<p class="placeholder">{"—" if self.no_model else "…"}</p>'
        shown = self.en_shown[row]
        assert shown is not None and shown[0] == english, "row not rendered yet"
        body = shown[1]
        if self.missing[row] and self.glossary is not None:
            body += missing_terms_html(self.glossary, self.missing[row], missing_label)
        return body
