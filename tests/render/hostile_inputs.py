"""Blocks that once crashed or froze the reader (issue 12), generated at a chosen size.

Full sizes are what the attack used; tests use smaller ones and check that the time grows no
faster than the size.
"""

from __future__ import annotations


def nested_dashes(count: int = 10_000) -> str:
    """``- `` repeated on one line, then a word: a list nested ``count`` deep (Python-Markdown recursed)."""
    return "- " * count + "x"


def nested_numbers(count: int = 10_000) -> str:
    return "1. " * count + "x"


def star_words(count: int = 20_000) -> str:
    """``*a `` repeated: one huge paragraph (Qt's HTML insertion and layout hung)."""
    return "*a " * count


def open_links(size: int = 32_768) -> str:
    """``[a](`` repeated: unclosed links, quadratic in Python-Markdown."""
    return ("[a](" * (size // 4 + 1))[:size]


def open_brackets(size: int = 32_768) -> str:
    return "[" * size


def open_tags(size: int = 32_768) -> str:
    return ("<a " * (size // 3 + 1))[:size]


def quoted_list_lines(size: int = 20_000) -> str:
    """Thousands of ``> - `` lines in one blockquote: quadratic in Python-Markdown."""
    return ("\n> - " * (size // 5 + 1))[:size]


def packed_quotes(size: int = 19_000) -> str:
    """``>`` repeated without spaces: quotes nested ``size`` deep (Python-Markdown took 0.4 s for 19,000)."""
    return ">" * size + " x"


def unclosed_tags(count: int = 590, words: int = 9_000) -> str:
    """Unclosed inline tags before many words: within every pre-check, yet Python-Markdown takes seconds
    (about 1.5 s on the development machine). Only the render budget bounds it."""
    return "<b " * count + "a " * words


def long_line(size: int = 1_000_000) -> str:
    return "长" * size


GENERATORS = {
    "nested_dashes": lambda n: nested_dashes(n // 2),
    "nested_numbers": lambda n: nested_numbers(n // 3),
    "star_words": lambda n: star_words(n // 3),
    "open_links": open_links,
    "open_brackets": open_brackets,
    "open_tags": open_tags,
    "long_line": long_line,
    "quoted_list_lines": quoted_list_lines,
    "packed_quotes": packed_quotes,
}
