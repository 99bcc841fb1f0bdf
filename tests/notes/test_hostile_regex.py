"""No regex of the core backtracks catastrophically: time grows linearly with hostile input.

Each case is timed at n and 4n repetitions of a hostile unit (best of three runs); linear code
takes about 4 times longer, the quadratic patterns this replaced took 15 to 16 times longer.
The bound (9) leaves room for a busy machine without letting a quadratic pattern through.
"""

from __future__ import annotations

import time

import pytest

from studyreader.glossary.regions import excluded_spans
from studyreader.notes import parse_notes
from studyreader.notes.frontmatter import read_front_matter
from studyreader.translate.segment import segment_markdown
from studyreader.translate.sentences import assemble_fallback, fallback_bodies, protected_spans, split_sentences
from tests.support.hostile import frontmatter_spaces

RATIO_LIMIT = 9.0


def notes_line(line: str) -> str:
    return f"<!-- Content_START -->\n### 2025.01.06\n{line}\n<!-- Content_END -->\n"


CASES = {
    "front matter spaces then #": (parse_notes, frontmatter_spaces, 3000),
    "front matter spaces then x": (read_front_matter, lambda n: "---\ntimezone: UTC" + " " * n + "x\n---\n", 3000),
    "marker-like line": (parse_notes, lambda n: notes_line("<!-- " + "a_" * n), 3000),
    "heading then spaces": (parse_notes, lambda n: notes_line("### 2025.01.07" + " " * n + "x"), 3000),
    "segment heading closing": (segment_markdown, lambda n: "# a" + " " * n + "x\n", 3000),
    "segment table delimiter": (segment_markdown, lambda n: "a | b\n" + " " * n + "x\n", 3000),
    "segment lone tag": (segment_markdown, lambda n: "<a" + " " * n + "\n", 3000),
    "inline tag spaces": (protected_spans, lambda n: "<a" + " " * n, 3000),
    "unclosed images": (protected_spans, lambda n: "![" * n, 2000),
    "unclosed image targets": (protected_spans, lambda n: "![a](" * n, 1000),
    "unclosed comments": (protected_spans, lambda n: "<!--" * n, 1000),
    "unclosed link targets": (protected_spans, lambda n: "](<" * n, 1000),
    "unclosed footnotes": (protected_spans, lambda n: "[^" * n, 2000),
    "unclosed autolinks": (protected_spans, lambda n: "<http:" * n, 1000),
    "sentences of openers": (split_sentences, lambda n: "学习。[a](" * n, 500),
    "glossary link targets": (excluded_spans, lambda n: "](" * n, 2000),
    "fallback punctuation run": (lambda piece: fallback_bodies([(piece, True)]), lambda n: "学" + "!" * n + "x", 3000),
    "fallback blank run": (lambda piece: assemble_fallback([(piece, True)], str), lambda n: "a" + " " * n + "b", 3000),
    "code span openers": (protected_spans, lambda n: "`a" * n + "``", 2000),
}


def best_time(function, argument) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        function(argument)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("name", sorted(CASES))
def test_time_grows_linearly(name):
    function, make, n = CASES[name]
    function(make(n))  # warm caches and compiled patterns
    while (base := best_time(function, make(n))) < 0.004 and n < 1_000_000:
        n *= 2  # below a few milliseconds, timer noise would dominate the ratio
    assert base < 0.5, f"{name}: {n} repetitions already took {base:.2f} s"
    ratio = best_time(function, make(4 * n)) / max(base, 0.004)
    assert ratio < RATIO_LIMIT, f"{name}: 4x the input took {ratio:.1f}x the time"


def test_the_issue_front_matter_is_read_at_once():
    text = frontmatter_spaces(60_000)
    started = time.perf_counter()
    notes = parse_notes(text)
    assert time.perf_counter() - started < 1.0
    assert notes.tz_name == "Asia/Shanghai" and not notes.warnings
    assert [entry.date.isoformat() for entry in notes.entries] == ["2025-01-06"]
