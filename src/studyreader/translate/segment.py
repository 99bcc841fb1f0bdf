"""Split a Markdown notes file into the blocks the reader aligns and the translator translates.

Pure Python (no Qt, no Argos), so it is cheap to run on the GUI thread and easy to test. A block
keeps its exact source text and position; its ``parts`` separate Markdown markup (list markers,
``> ``, ``## ``, table pipes, line ends), which is copied verbatim, from inline text, which may be
translated. Concatenating the parts gives back the block's source byte for byte, with one
exception: a soft line break between two Chinese characters in a paragraph or list item is left
out of the translatable part that spans it (see :func:`join_cjk_lines`); Markdown would show it as
a space, and the translator should see one sentence, not two halves. The source of every part
runs from its ``start`` to the next part's ``start`` (the last: to the block's end).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from studyreader.cjk import IDEOGRAPHS, has_cjk
from studyreader.translate.blocks import Block, Part

__all__ = [
    "segment_markdown", "join_translation", "join_cjk_lines", "cjk_soft_breaks", "is_cjk_soft_break",
    "TRANSLATABLE_KINDS",
]

TRANSLATABLE_KINDS = frozenset({"heading", "paragraph", "list_item", "blockquote", "table"})

# Chinese characters with CJK punctuation and full-width forms: what a soft line break between joins.
_CJK_CHAR = f"\u2e80-\u2fff\u3000-\u303f{IDEOGRAPHS}\uff00-\uffef"
# At most one blank before the break: two spaces make a hard line break, which stays.
_CJK_SOFT_BREAK_RE = re.compile(rf"(?<=[{_CJK_CHAR}])[ \t]?\r?\n[ \t]*+(?=[{_CJK_CHAR}])")


def is_cjk_soft_break(line: str, next_line: str) -> bool:
    """True when the break between two lines of a paragraph lies between two Chinese characters."""
    return _CJK_SOFT_BREAK_RE.search(line[-2:] + "\n" + next_line.lstrip(" \t")[:1]) is not None


def cjk_soft_breaks(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each run :func:`join_cjk_lines` removes from ``text``, in order.

    Tried only around each line end (a run starts at most two characters before its "\n"): the
    pattern's look-behind makes a scan of the whole text about ten times slower.
    """
    spans = []
    k = text.find("\n")
    while k != -1:
        for start in (k - 2, k - 1, k):
            m = _CJK_SOFT_BREAK_RE.match(text, start) if start >= 0 else None
            if m is not None and m.end() > k:
                spans.append(m.span())
                break
        k = text.find("\n", k + 1)
    return spans


def join_cjk_lines(text: str) -> str:
    """``text`` with each line break between two Chinese characters removed (with the spaces around it).

    Markdown turns a soft line break into a space, which Chinese does not have between characters.
    """
    return _CJK_SOFT_BREAK_RE.sub("", text) if "\n" in text else text


# --- line-level patterns ------------------------------------------------------------------------

_FENCE_RE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
# Only the opening; the closing ``##`` run is split off in Python (see ``_closing_start``): a lazy
# ``(.*?)`` before an optional closing sequence backtracks quadratically on long runs of spaces.
_HEADING_RE = re.compile(r"^( {0,3}#{1,6})([ \t]++|$)")
_RULE_RE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_QUOTE_PREFIX_RE = re.compile(r"^([ \t]*(?:>[ \t]?)+(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|#{1,6}[ \t]+)?)")
_LIST_RE = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+(?:\[[ xX]\][ \t]+)?|$)")
# Possessive runs: adjacent optional runs of blanks must not be tried in every split.
_TABLE_DELIM_RE = re.compile(r"^[ \t]*+\|?[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)*+\|?[ \t]*+$")
_HTML_COMMENT_RE = re.compile(r"^[ \t]{0,3}<!--")
_HTML_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|"
    "dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|"
    "iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|pre|script|section|"
    "source|style|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul|img|br|video|audio|picture|center"
)
_HTML_BLOCK_RE = re.compile(rf"^[ \t]{{0,3}}</?(?:{_HTML_BLOCK_TAGS})(?:[\s/>]|$)", re.IGNORECASE)
_HTML_LONE_TAG_RE = re.compile(
    r"^[ \t]{0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$"
)
_INDENT_RE = re.compile(r"^(?: {4}|\t)")


def _closing_start(line: str, start: int) -> int:
    """Where a heading's optional closing sequence (``[ \t]+#+``) and trailing blanks begin."""
    end = len(line.rstrip(" \t"))
    if end <= start:
        return end if end > start else start
    without_hashes = len(line[:end].rstrip("#"))
    if without_hashes < end and without_hashes > start and line[without_hashes - 1] in " \t":
        return max(start, len(line[:without_hashes].rstrip(" \t")))
    return end

# First characters with which a line may start something other than a paragraph.
_MARKUP_STARTS = frozenset(" \t#>-*+_=|`~<0123456789")


@dataclass
class _Line:
    start: int  # offset of the first char
    content: str  # without the line end
    eol: str  # "\n", "\r\n" or ""

    @property
    def blank(self) -> bool:
        return not self.content.strip()

    @property
    def end(self) -> int:
        return self.start + len(self.content)


def _lines(text: str) -> list[_Line]:
    lines = []
    pos = 1 if text.startswith("\ufeff") else 0  # a byte-order mark belongs to no block
    while True:
        nl = text.find("\n", pos)
        if nl == -1:
            if pos < len(text) or not lines:
                lines.append(_Line(pos, text[pos:], ""))
            return lines
        content, eol = text[pos:nl], "\n"
        if content.endswith("\r"):
            content, eol = content[:-1], "\r\n"
        lines.append(_Line(pos, content, eol))
        pos = nl + 1


def _indent_width(s: str) -> int:
    width = 0
    for ch in s:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            break
    return width


class _Builder:
    """Collects the parts of one block while the parser walks its lines."""

    def __init__(self) -> None:
        self.parts: list[Part] = []

    def verbatim(self, text: str, start: int) -> None:
        if text:
            self.parts.append(Part(text, False, start))

    def inline(self, text: str, start: int) -> None:
        """Inline text: leading/trailing whitespace (and hard-break markers) stay verbatim."""
        stripped = text.strip()
        if not stripped:
            self.verbatim(text, start)
            return
        lead = len(text) - len(text.lstrip())
        body = stripped
        if body.endswith("\\") and not body.endswith("\\\\"):
            body = body[:-1].rstrip()
        self.verbatim(text[:lead], start)
        self.parts.append(Part(body, True, start + lead))
        self.verbatim(text[lead + len(body):], start + lead + len(body))

    def joined_inline(self, text: str, start: int) -> None:
        """Inline text over several lines joined by soft breaks between Chinese characters.

        The translatable part holds the lines without those breaks (Markdown would show each as a
        space, which Chinese does not have), so the translator sees one sentence, not two halves.
        """
        lead = len(text) - len(text.lstrip())
        core = text[lead:].rstrip()
        if core.endswith("\\") and not core.endswith("\\\\"):
            core = core[:-1].rstrip()
        self.verbatim(text[:lead], start)
        self.parts.append(Part(join_cjk_lines(core), True, start + lead))
        self.verbatim(text[lead + len(core):], start + lead + len(core))


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _lines(text)
        self.blocks: list[Block] = []
        self.list_stack: list[int] = []  # content indents of the open list items

    # -- helpers -------------------------------------------------------------------------------
    def _emit(self, kind: str, first: int, last: int, builder: _Builder | None = None, *, level: int = 0,
              rows: Sequence[tuple[Part, ...]] = ()) -> None:
        start = self.lines[first].start
        end = self.lines[last].end
        source = self.text[start:end]
        if builder is None:
            parts: tuple[Part, ...] = (Part(source, False, start),)
        else:
            parts = tuple(builder.parts)
        translatable = kind in TRANSLATABLE_KINDS and any(p.translatable and has_cjk(p.text) for p in parts)
        if not translatable and "".join(p.text for p in parts) != source:
            parts = (Part(source, False, start),)  # joined lines are for the translator only: kept as they are
        self.blocks.append(
            Block(
                index=len(self.blocks),
                kind=kind,
                source=source,
                start=start,
                end=end,
                start_line=first + 1,
                end_line=last + 1,
                translatable=translatable,
                level=level,
                parts=parts,
                rows=tuple(rows),
            )
        )

    def _inline_lines(self, b: _Builder, first: int, last: int, offset: int) -> None:
        """The inline text of lines ``first``..``last`` (the first from ``offset`` on) with their line ends.

        Lines joined by a soft break between Chinese characters become one translatable part.
        """
        k = first
        while k <= last:
            group_end = k
            while group_end < last and is_cjk_soft_break(self.lines[group_end].content,
                                                          self.lines[group_end + 1].content):
                group_end += 1
            start = offset if k == first else self.lines[k].start
            if group_end == k:
                b.inline(self.text[start:self.lines[k].end], start)
            else:
                b.joined_inline(self.text[start:self.lines[group_end].end], start)
            self._eol(b, group_end, last)
            k = group_end + 1

    def _eol(self, builder: _Builder, i: int, last: int) -> None:
        line = self.lines[i]
        if i < last:
            builder.verbatim(line.eol, line.end)

    def _starts_block(self, i: int) -> bool:
        """Would line ``i`` interrupt a paragraph?"""
        s = self.lines[i].content
        if s[:1] not in _MARKUP_STARTS and "|" not in s and "<" not in s:
            return False
        return bool(
            _FENCE_RE.match(s)
            or _HEADING_RE.match(s)
            or _RULE_RE.match(s)
            or s.lstrip().startswith(">")
            or _LIST_RE.match(s) and s[_LIST_RE.match(s).end():].strip()
            or _HTML_COMMENT_RE.match(s)
            or _HTML_BLOCK_RE.match(s)
            or self._is_table_start(i)
        )

    def _is_table_start(self, i: int) -> bool:
        if i + 1 >= len(self.lines):
            return False
        head, delim = self.lines[i].content, self.lines[i + 1].content
        return "|" in head and bool(_TABLE_DELIM_RE.match(delim)) and ("|" in delim or "|" in head.strip("| \t"))

    # -- block parsers ---------------------------------------------------------------------------
    def parse(self) -> list[Block]:
        i = self._front_matter()
        prev_blank = True
        while i < len(self.lines):
            line = self.lines[i]
            if line.blank:
                i += 1
                prev_blank = True
                continue
            s = line.content
            if s[:1] not in _MARKUP_STARTS and "|" not in s and "<" not in s and not self.list_stack:
                i = self._paragraph(i)  # plain text line: the common case, no pattern can match
                prev_blank = False
                continue
            list_match = _LIST_RE.match(s)
            if self.list_stack and not list_match and _indent_width(s) < self.list_stack[0] and prev_blank:
                self.list_stack.clear()
            if _FENCE_RE.match(s):
                i = self._fence(i)
            elif prev_blank and not self.list_stack and _INDENT_RE.match(s):
                i = self._indented_code(i)
            elif _HTML_COMMENT_RE.match(s):
                i = self._html_comment(i)
            elif _HTML_BLOCK_RE.match(s) or _HTML_LONE_TAG_RE.match(s):
                i = self._html_block(i)
            elif _HEADING_RE.match(s):
                i = self._heading(i)
            elif _RULE_RE.match(s):
                self._emit("rule", i, i)
                self.list_stack.clear()
                i += 1
            elif self._is_table_start(i):
                i = self._table(i)
            elif s.lstrip().startswith(">"):
                i = self._blockquote(i)
            elif list_match:
                i = self._list_item(i, list_match)
            else:
                i = self._paragraph(i)
            prev_blank = False
        return self.blocks

    def _front_matter(self) -> int:
        if not self.lines or self.lines[0].content.lstrip("\ufeff").rstrip() != "---":
            return 0
        for j in range(1, len(self.lines)):
            if self.lines[j].content.rstrip() in ("---", "..."):
                self._emit("front_matter", 0, j)
                return j + 1
        return 0

    def _fence(self, i: int) -> int:
        m = _FENCE_RE.match(self.lines[i].content)
        fence = m.group(2)
        closing = re.compile(rf"^\s*{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        j = i + 1
        while j < len(self.lines) and not closing.match(self.lines[j].content):
            j += 1
        last = min(j, len(self.lines) - 1)
        # An unclosed fence runs to the end of the file, as CommonMark says; drop trailing blank lines.
        while last > i and self.lines[last].blank:
            last -= 1
        self._emit("code", i, last)
        return last + 1

    def _indented_code(self, i: int) -> int:
        j = i
        last = i
        while j < len(self.lines) and (self.lines[j].blank or _INDENT_RE.match(self.lines[j].content)):
            if not self.lines[j].blank:
                last = j
            j += 1
        self._emit("code", i, last)
        return last + 1

    def _html_comment(self, i: int) -> int:
        j = i
        while j < len(self.lines) and "-->" not in self.lines[j].content[
            (self.lines[j].content.find("<!--") + 4 if j == i else 0):
        ]:
            j += 1
        last = min(j, len(self.lines) - 1)
        self._emit("html", i, last)
        return last + 1

    def _html_block(self, i: int) -> int:
        j = i
        while j + 1 < len(self.lines) and not self.lines[j + 1].blank:
            j += 1
        self._emit("html", i, j)
        return j + 1

    def _heading(self, i: int) -> int:
        line = self.lines[i]
        m = _HEADING_RE.match(line.content)
        content_start, closing = m.end(), _closing_start(line.content, m.end())
        b = _Builder()
        b.verbatim(m.group(1) + m.group(2), line.start)
        b.inline(line.content[content_start:closing], line.start + content_start)
        b.verbatim(line.content[closing:], line.start + closing)
        self._emit("heading", i, i, b, level=len(m.group(1).strip()))
        self.list_stack.clear()
        return i + 1

    def _table(self, i: int) -> int:
        j = i + 2
        while j < len(self.lines) and not self.lines[j].blank and "|" in self.lines[j].content:
            j += 1
        last = j - 1
        b = _Builder()
        rows = []
        for k in range(i, last + 1):
            line = self.lines[k]
            if k == i + 1:
                b.verbatim(line.content, line.start)
            else:
                rows.append(self._table_row(b, line))
            self._eol(b, k, last)
        self._emit("table", i, last, b, rows=rows)
        self.list_stack.clear()
        return last + 1

    @staticmethod
    def _table_row(b: _Builder, line: _Line) -> tuple[Part, ...]:
        s = line.content
        cuts = []  # offsets of unescaped pipes outside code spans
        k = 0
        while k < len(s):
            ch = s[k]
            if ch == "\\":
                k += 2
                continue
            if ch == "`":
                run = len(s[k:]) - len(s[k:].lstrip("`"))
                close = s.find("`" * run, k + run)
                if close != -1:
                    k = close + run
                    continue
                k += run
                continue
            if ch == "|":
                cuts.append(k)
            k += 1
        edges = [-1] + cuts + [len(s)]
        cells = []
        for a, z in zip(edges, edges[1:]):
            seg_start = a + 1
            seg = s[seg_start:z]
            if a == -1 and not seg.strip() and cuts:  # before the leading pipe
                b.verbatim(seg, line.start + seg_start)
            elif z == len(s) and not seg.strip() and cuts and a != -1:  # after the trailing pipe
                b.verbatim(seg, line.start + seg_start)
            else:
                before = len(b.parts)
                b.inline(seg, line.start + seg_start)
                cell = [p for p in b.parts[before:] if p.translatable]
                cells.append(cell[0] if cell else Part("", True, line.start + seg_start + len(seg)))
            if z < len(s):
                b.verbatim("|", line.start + z)
        return tuple(cells)

    def _blockquote(self, i: int) -> int:
        j = i
        while j + 1 < len(self.lines) and self.lines[j + 1].content.lstrip().startswith(">"):
            j += 1
        b = _Builder()
        for k in range(i, j + 1):
            line = self.lines[k]
            m = _QUOTE_PREFIX_RE.match(line.content)
            b.verbatim(m.group(1), line.start)
            b.inline(line.content[m.end(1):], line.start + m.end(1))
            self._eol(b, k, j)
        self._emit("blockquote", i, j, b)
        self.list_stack.clear()
        return j + 1

    def _list_item(self, i: int, m: re.Match) -> int:
        indent = _indent_width(m.group(1))
        content_indent = indent + len(m.group(2)) + max(1, len(m.group(3).expandtabs(4)))
        while self.list_stack and indent < self.list_stack[-1]:
            self.list_stack.pop()
        depth = len(self.list_stack)
        self.list_stack.append(content_indent)
        j = i
        while (
            j + 1 < len(self.lines)
            and not self.lines[j + 1].blank
            and not _LIST_RE.match(self.lines[j + 1].content)
            and not self._starts_block(j + 1)
        ):
            j += 1
        b = _Builder()
        first = self.lines[i]
        b.verbatim(first.content[: m.end()], first.start)
        self._inline_lines(b, i, j, first.start + m.end())
        self._emit("list_item", i, j, b, level=depth)
        return j + 1

    def _paragraph(self, i: int) -> int:
        j = i
        while j + 1 < len(self.lines) and not self.lines[j + 1].blank:
            nxt = self.lines[j + 1].content
            if _SETEXT_RE.match(nxt) and not _LIST_RE.match(nxt):
                b = _Builder()
                self._inline_lines(b, i, j, self.lines[i].start)
                self._eol(b, j, j + 1)
                b.verbatim(nxt, self.lines[j + 1].start)
                self._emit("heading", i, j + 1, b, level=1 if nxt.strip()[0] == "=" else 2)
                self.list_stack.clear()
                return j + 2
            if self._starts_block(j + 1):
                break
            j += 1
        b = _Builder()
        self._inline_lines(b, i, j, self.lines[i].start)
        self._emit("paragraph", i, j, b)
        return j + 1


def segment_markdown(text: str) -> list[Block]:
    """Blocks of ``text`` in order; blank lines between them belong to no block."""
    return _Parser(text).parse()


def join_translation(text: str, blocks: Sequence[Block], translations: Sequence[str | None]) -> str:
    """The whole document with each block replaced by its translation (``None``: source kept).

    The text between blocks (blank lines, line ends) is copied verbatim.
    """
    out = []
    pos = 0
    for block, translated in zip(blocks, translations):
        out.append(text[pos:block.start])
        out.append(block.source if translated is None else translated)
        pos = block.end
    out.append(text[pos:])
    return "".join(out)
