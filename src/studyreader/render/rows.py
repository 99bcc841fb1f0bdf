"""The reader's rows: one Markdown block of the notes and its translation. Plain Python.

The blocks come from the translate package's ``segment_markdown`` when it is
installed (so that the reader and ``studyreader translate`` cut the text the
same way); a small line scanner stands in for it otherwise. Either way each
row knows its character span in the file, which is how the navigator's dates
map to rows.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

_PATTERNS = {
    "FENCE": r"^[ ]{0,3}(`{3,}|~{3,})",
    "HEADING": r"^[ ]{0,3}#{1,6}(\s|$)",
    "LIST_ITEM": r"^[ ]{0,3}(?:[-*+]|\d{1,9}[.)])(\s|$)",
    "TABLE_LINE": r"^\s*\|",
    "HTML_COMMENT_LINE": r"^\s*<!--.*-->\s*$",
    "RULE": r"^[ ]{0,3}([-*_])(\s*\1){2,}\s*$",
    "FRONT_FENCE": r"^---\s*$",
    "CODE_SPAN_OR_URL": r"`[^`]*`|https?://\S+|<[^>]*>",
    "HAN": r"[\u3400-\u9fff\uf900-\ufaff]",
    "LETTER": r"[^\W\d_]",
}


class _Compiled:
    """The patterns, compiled on first use: a reader shown from the start-up cache needs none."""

    def __getattr__(self, name: str) -> re.Pattern[str]:
        pattern = re.compile(_PATTERNS[name])
        setattr(self, name, pattern)
        return pattern


_P = _Compiled()


class Block(NamedTuple):
    """One Markdown block: its source text, its span in the file and whether it is translated.

    (A NamedTuple rather than a frozen dataclass: this module is imported before the first paint,
    and making a frozen dataclass costs about half a millisecond of start-up.)"""

    text: str
    start: int
    end: int
    translatable: bool = True
    kind: str = "paragraph"
    key: int = -1  # index of the segment this block came from (the translator's block index)


def needs_translation(text: str) -> bool:
    """Code, rules, bare links and text without any Chinese stay as they are."""
    prose = _P.CODE_SPAN_OR_URL.sub("", text)
    return bool(_P.HAN.search(prose))


def fallback_blocks(text: str) -> list[Block]:
    """Blocks by a line scan: fenced code, headings, list items, tables, paragraphs.

    Front matter and lines that are only an HTML comment (the content markers)
    are left out. Offsets are into ``text``.
    """
    lines = text.splitlines(keepends=True)
    blocks: list[Block] = []
    offset = 0
    index = 0
    if lines and _P.FRONT_FENCE.match(lines[0].rstrip("\r\n")):
        for probe in range(1, len(lines)):
            if re.match(r"^(---|\.\.\.)\s*$", lines[probe].rstrip("\r\n")):
                offset = sum(len(line) for line in lines[: probe + 1])
                index = probe + 1
                break

    current: list[str] = []
    current_start = 0
    current_kind = "paragraph"

    def flush(end: int) -> None:
        nonlocal current
        if current:
            body = "".join(current).rstrip("\r\n")
            if body.strip():
                translatable = current_kind != "code" and needs_translation(body)
                blocks.append(
                    Block(body, current_start, current_start + len(body), translatable, current_kind, len(blocks))
                )
        current = []

    while index < len(lines):
        line = lines[index]
        bare = line.rstrip("\r\n")
        fence = _P.FENCE.match(bare)
        if fence:
            flush(offset)
            marker = fence.group(1)
            start = offset
            chunk = [line]
            offset += len(line)
            index += 1
            while index < len(lines):
                chunk.append(lines[index])
                offset += len(lines[index])
                index += 1
                if lines[index - 1].strip().startswith(marker[0] * len(marker)):
                    break
            current, current_start, current_kind = chunk, start, "code"
            flush(offset)
            continue
        if not bare.strip() or _P.HTML_COMMENT_LINE.match(bare):
            flush(offset)
        elif _P.HEADING.match(bare) or _P.RULE.match(bare):
            flush(offset)
            current, current_start, current_kind = [line], offset, "heading" if _P.HEADING.match(bare) else "rule"
            flush(offset + len(line))
        elif _P.LIST_ITEM.match(bare):
            flush(offset)
            current, current_start, current_kind = [line], offset, "list_item"
        elif _P.TABLE_LINE.match(bare):
            if current_kind != "table" or not current:
                flush(offset)
                current, current_start, current_kind = [], offset, "table"
            current.append(line)
        else:
            if not current:
                current_start, current_kind = offset, "paragraph"
            elif current_kind == "table":
                flush(offset)
                current_start, current_kind = offset, "paragraph"
            current.append(line)
        offset += len(line)
        index += 1
    flush(offset)
    return blocks


def blocks_from_segments(text: str, segments: Iterable[object]) -> list[Block]:
    """Adapt the translate package's segments (duck-typed) to :class:`Block`.

    Uses ``start``/``end`` when the segment has them, else finds its text in
    ``text`` after the previous one.
    """
    blocks: list[Block] = []
    cursor = 0
    for position, segment in enumerate(segments):
        if getattr(segment, "kind", "") == "front_matter":
            continue
        source = getattr(segment, "text", None)
        if source is None:
            source = getattr(segment, "source", "")
        if not isinstance(source, str) or not source.strip():
            continue
        start = getattr(segment, "start", None)
        end = getattr(segment, "end", None)
        if not isinstance(start, int) or not isinstance(end, int):
            found = text.find(source, cursor)
            start = found if found >= 0 else cursor
            end = start + len(source)
        cursor = max(cursor, end)
        translatable = getattr(segment, "translatable", None)
        if translatable is None:
            translatable = needs_translation(source)
        kind = getattr(segment, "kind", "paragraph")
        key = getattr(segment, "index", position)
        blocks.append(Block(source, start, end, bool(translatable), str(kind), int(key)))
    return blocks


def segment(text: str) -> tuple[list[Block], list[object] | None]:
    """The notes text cut into blocks, by the translate package when it is there.

    Returns the reader's blocks and the translate package's own segments (None
    when it is missing): those are what the translation service is given.
    """
    try:
        from studyreader.translate.segment import segment_markdown  # type: ignore[import-not-found]
    except ImportError:
        return fallback_blocks(text), None
    segments = list(segment_markdown(text))
    return blocks_from_segments(text, segments), segments


def row_at_offset(blocks: Sequence[Block], offset: int) -> int | None:
    """The first row that starts at or after ``offset`` (e.g. an entry's heading)."""
    starts = [block.start for block in blocks]
    index = bisect.bisect_left(starts, offset)
    return index if index < len(blocks) else None


def row_containing(blocks: Sequence[Block], offset: int) -> int | None:
    """The row whose span holds ``offset`` (or the last one before it)."""
    starts = [block.start for block in blocks]
    index = bisect.bisect_right(starts, offset) - 1
    return index if index >= 0 else None


def is_mostly_latin(text: str) -> bool:
    letters = _P.LETTER.findall(text)
    return bool(letters) and not _P.HAN.search(text)
