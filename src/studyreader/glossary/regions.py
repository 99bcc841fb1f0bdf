"""Where in Markdown notes no glossary term is looked for: code blocks, code spans, URLs, link targets.

Found with ``str.find`` over the whole text (fast, and linear on hostile input) rather than with line
regexes; ``blank_out`` replaces them by spaces of the same length, so offsets stay the caller's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# The dot of "www." (as written, lower case) or of a bare domain's ending: one scan for both.
_URL_HINT = re.compile(
    r"\.(?:(?-i:(?<=www\.))|(?:io|com|org|net|xyz|dev|eth|fi|finance|app|network|html)(?![A-Za-z0-9]))", re.IGNORECASE
)
_URL_TAIL = re.compile(r"[^\s<>\"'`\u00a0\u2e80-\uffff]*")
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")
_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+")
_LINK_TARGET = re.compile(r"\]\([^)\]\s]*(?:\s+\"[^\"\n]*\")?\)")  # stops at the next "](": linear
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


def _positions(text: str, needle: str) -> list[int]:
    out = []
    find = text.find
    pos = find(needle)
    while pos != -1:
        out.append(pos)
        pos = find(needle, pos + 1)
    return out


def _fence_spans(text: str, ticks: list[int]) -> list[tuple[int, int]]:
    """Fenced code blocks (``` or ~~~, possibly indented or quoted), to the closing fence or the end.

    ``ticks`` are the backticks' positions: runs of three are picked from them (and from the tildes')
    rather than searched for over the whole text again."""
    tildes = _positions(text, "~")
    opens = sorted(
        [pos for pos in ticks if text.startswith("```", pos)] + [pos for pos in tildes if text.startswith("~~~", pos)]
    )
    spans: list[tuple[int, int]] = []
    covered = -1
    for pos in opens:
        if pos < covered:
            continue
        line_start = text.rfind("\n", 0, pos) + 1
        if text[line_start:pos].strip(" \t>") != "":
            continue
        char = text[pos]
        run_end = pos
        while run_end < len(text) and text[run_end] == char:
            run_end += 1
        line_end = text.find("\n", run_end)
        line_end = len(text) if line_end == -1 else line_end
        if char == "`" and "`" in text[run_end:line_end]:
            continue  # an inline code span at the start of a line
        fence = text[pos:run_end]
        end = len(text)
        search = line_end
        while True:
            close = text.find(fence, search)
            if close == -1:
                break
            close_line = text.rfind("\n", 0, close) + 1
            close_end = close
            while close_end < len(text) and text[close_end] == char:
                close_end += 1
            close_line_end = text.find("\n", close_end)
            close_line_end = len(text) if close_line_end == -1 else close_line_end
            if text[close_line:close].strip(" \t>") == "" and text[close_end:close_line_end].strip() == "":
                end = close_line_end
                break
            search = close_end
        spans.append((pos, end))
        covered = end
    return spans


def _code_spans(text: str, fences: list[tuple[int, int]], ticks: list[int]) -> list[tuple[int, int]]:
    """Inline code: backtick runs paired with the next run of the same length in the same paragraph."""
    runs: list[tuple[int, int]] = []
    for pos in ticks:
        if runs and runs[-1][1] == pos:
            runs[-1] = (runs[-1][0], pos + 1)
        else:
            runs.append((pos, pos + 1))
    fence_index = 0
    spans = []
    i = 0
    while i < len(runs):
        start, end = runs[i]
        while fence_index < len(fences) and fences[fence_index][1] <= start:
            fence_index += 1
        if fence_index < len(fences) and fences[fence_index][0] <= start:
            i += 1
            continue
        width = end - start
        j = i + 1
        while j < len(runs) and runs[j][1] - runs[j][0] != width:
            j += 1
        if j < len(runs) and not _BLANK_LINE.search(text, end, runs[j][0]):
            closing_end = runs[j][1]
            if not (fence_index < len(fences) and fences[fence_index][0] < closing_end):
                spans.append((start, closing_end))
                i = j + 1
                continue
        i += 1
    return spans


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans of fenced code, code spans, URLs and link targets."""
    ticks = _positions(text, "`")
    fences = _fence_spans(text, ticks) if ("```" in text or "~~~" in text) else []
    spans = list(fences)
    if ticks:
        spans.extend(_code_spans(text, fences, ticks))
    spans.extend(_url_spans(text))
    if "](" in text:
        spans.extend(m.span() for m in _LINK_TARGET.finditer(text))
    if not spans:
        return []
    spans.sort()
    merged = [spans[0]]
    for s, e in spans[1:]:
        ls, le = merged[-1]
        if s <= le:
            if e > le:
                merged[-1] = (ls, e)
        else:
            merged.append((s, e))
    return merged


def _url_spans(text: str) -> list[tuple[int, int]]:
    """URLs with a scheme, www. hosts and bare domains (docs.optimism.io/...)."""
    hints = [(p, "://") for p in _positions(text, "://")]
    for m in _URL_HINT.finditer(text):
        hints.append((m.start() - 3, "www.") if m.end() - m.start() == 1 else (m.start(), m.group()))
    hints.sort()
    out = []
    covered = -1
    for pos, hint in hints:
        if pos < covered:
            continue
        start = pos
        if hint == "://":
            while start > 0 and text[start - 1] in _SCHEME_CHARS:
                start -= 1
            if start == pos:
                continue
            end = _URL_TAIL.match(text, pos + 3).end()
        else:
            while start > 0 and text[start - 1] in _HOST_CHARS:
                start -= 1
            if hint.startswith(".") and start == pos:
                continue
            end = pos + len(hint)
            if hint == "www." or (end < len(text) and text[end] in "/:"):
                end = _URL_TAIL.match(text, end).end()
        while end > start and text[end - 1] in ".,;:!?)]}'\"":
            end -= 1
        out.append((start, end))
        covered = end
    return out


def blank_out(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with each span replaced by spaces (same length, so offsets are kept)."""
    if not spans:
        return text
    pieces = []
    pos = 0
    for s, e in spans:
        pieces.append(text[pos:s])
        pieces.append(" " * (e - s))
        pos = e
    pieces.append(text[pos:])
    return "".join(pieces)
