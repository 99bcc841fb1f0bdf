"""Pathological notes files and inputs, generated at a chosen size (issue 12's hostile cases).

Every generator is deterministic and cheap, so tests and the scaling benchmark can ask for
small sizes in CI and large ones on a desk.
"""

from __future__ import annotations

from datetime import date, timedelta

HEADER = "---\ntimezone: Asia/Shanghai\n---\n\n# 共学笔记\n\n<!-- Content_START -->\n"
FOOTER = "<!-- Content_END -->\n\nfooter\n"
START = date(2020, 1, 1)
BODY = "今天读了 Rollup 的欺诈证明，记下挑战期和排序器的关系。"


def notes_with(entries: str) -> str:
    return HEADER + entries + FOOTER


def dated_entries(target_bytes: int) -> str:
    """``### YYYY.MM.DD`` entries, one a day, until the file is about ``target_bytes`` long."""
    return _grow(lambda i, day: f"### {day:%Y.%m.%d}\n{BODY}{i}\n\n", target_bytes)


def daily_checkin_entries(target_bytes: int) -> str:
    """Newest-last ``# YYYY-MM-DD`` entries, each wrapped in DAILY_CHECKIN markers."""

    def one(i: int, day: date) -> str:
        name = f"DAILY_CHECKIN_{day.isoformat()}"
        return f"# {day.isoformat()}\n<!-- {name}_START -->\n{BODY}{i}\n<!-- {name}_END -->\n\n"

    return _grow(one, target_bytes)


def mixed_sections(target_bytes: int) -> str:
    """Dated entries in several spellings with numbered ``### 4.1`` sections between them."""

    def one(i: int, day: date) -> str:
        heading = f"### {day:%Y.%m.%d}" if i % 3 else f"## {day.year}-{day.month}-{day.day}"
        return f"{heading}\n{BODY}{i}\n\n### 4.{i % 9 + 1} Pay to Public Key\n细节{i}\n\n"

    return _grow(one, target_bytes)


SHAPES = {"dated": dated_entries, "daily_checkin": daily_checkin_entries, "mixed": mixed_sections}


def _grow(make, target_bytes: int) -> str:
    parts: list[str] = []
    size = len((HEADER + FOOTER).encode())
    i = 0
    while size < target_bytes:
        part = make(i, START + timedelta(days=i))
        parts.append(part)
        size += len(part.encode())
        i += 1
    return notes_with("".join(parts))


def frontmatter_spaces(spaces: int) -> str:
    """The front matter that made the key/value regex backtrack: a value, spaces, then ``#``."""
    body = "\n---\n\n<!-- Content_START -->\n### 2025.01.06\nx\n<!-- Content_END -->\n"
    return "---\ntimezone: Asia/Shanghai" + " " * spaces + "#" + body


def far_year_notes(heading: str) -> str:
    """A normal file with one typo-year heading (``### 9999.12.31``) among real ones."""
    days = ("### 2025.01.06", "### 2025.01.07", heading, "### 2025.01.08")
    return notes_with("".join(f"{day}\n{BODY}\n\n" for day in days))


def user_glossary(terms: int) -> str:
    """A user glossary TOML file of ``terms`` new terms (a 4 MB one took 9.6 s to load)."""
    parts = ["hidden = []\n\n"]
    for n in range(terms):
        parts.append(
            f'[[term]]\nid = "user-term-{n}"\nen = "User Term {n}"\nzh = "用户术语{n}"\n'
            f'aliases_en = ["UT{n}"]\naliases_zh = ["术语{n}"]\ndefinition_en = "A term the user wrote, number {n}."\n'
            f'definition_zh = "用户自己写的第 {n} 个术语。"\ncategory = "concept"\n\n'
        )
    return "".join(parts)
