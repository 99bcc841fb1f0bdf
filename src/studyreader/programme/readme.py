"""Reading a programme's README: its study period, leave rule and the bot's table, line by line.

Real READMEs come in several shapes: Chinese (``## 共学时间`` with ``开始时间：``, after a
``## 报名时间`` sign-up period written the same way), English (``## Study Duration`` with
``Study Start Date:``), a website-written ``ICL_PROGRAM_METADATA`` block (``Start Date:``,
``Leave Allowance Per Week:``), and the bot's table whose header names every programme day as
``m.dd``. Every value found keeps its line so disagreements can be shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

TABLE_START = "<!-- START_COMMIT_TABLE -->"
TABLE_END = "<!-- END_COMMIT_TABLE -->"
METADATA_START = "<!-- ICL_PROGRAM_METADATA_START -->"
METADATA_END = "<!-- ICL_PROGRAM_METADATA_END -->"

_SECTION = re.compile(r"^##\s+(.+?)\s*$")
_ISO = r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})"
_STUDY_SECTIONS = ("共学时间", "study duration", "study period", "co-learning period")
_SIGNUP_WORDS = ("报名", "registration", "sign-up", "signup", "sign up")
_START_LINE = re.compile(r"^[\s>*-]*(?:study\s+)?(?:开始时间|start\s*date|start)\s*[:：]\s*" + _ISO, re.IGNORECASE)
_END_LINE = re.compile(r"^[\s>*-]*(?:study\s+)?(?:结束时间|end\s*date|end)\s*[:：]\s*" + _ISO, re.IGNORECASE)
_META_START = re.compile(r"^[\s*-]*start\s*date\s*:\s*" + _ISO, re.IGNORECASE)
_META_END = re.compile(r"^[\s*-]*end\s*date\s*:\s*" + _ISO, re.IGNORECASE)
_META_ALLOWANCE = re.compile(r"^[\s*-]*leave\s+allowance\s+per\s+week\s*:\s*(\d+)", re.IGNORECASE)
_LEAVE_HEADER = re.compile(r"^##\s*(Leave Rules|请假规则)\s*$", re.MULTILINE)
_ANY_SECTION = re.compile(r"^##\s+", re.MULTILINE)
_LEAVE_ZH = re.compile(r"每周请假\s*([0-9]+)\s*次")
_LEAVE_EN = re.compile(r"([0-9]+)\s*(?:leaves?|days?)\s*per\s*week", re.IGNORECASE)
_HEADER_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})$")
_LINKED_NAME = re.compile(r"\|\s*\[([^\]]+)\]\(([^)]+)\)\s*\|")


@dataclass(frozen=True)
class Found:
    value: object
    line: int
    how: str


@dataclass(frozen=True)
class ReadmeRow:
    name: str
    link: str
    line: int
    cells: tuple[str, ...]


@dataclass
class ReadmeFacts:
    """Everything the README says that matters, each with its line."""

    starts: list[Found] = field(default_factory=list)
    ends: list[Found] = field(default_factory=list)
    allowance_bot: Found | None = None  # as the newer bot reads it (leave rules section)
    allowance_other: list[Found] = field(default_factory=list)  # stated elsewhere, unread by the bot
    header_days: list[tuple[int, int]] = field(default_factory=list)  # (month, day) per table column
    header_line: int | None = None
    rows: list[ReadmeRow] = field(default_factory=list)
    has_table: bool = False
    has_metadata: bool = False
    english: bool = False
    chinese: bool = False


def _iso(found: re.Match[str], first_group: int = 1) -> date | None:
    try:
        return date(int(found.group(first_group)), int(found.group(first_group + 1)), int(found.group(first_group + 2)))
    except ValueError:
        return None


def _line_number(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def normalise_cell(cell: str) -> str:
    """A table cell as a mark: the emoji without variation selectors or spaces."""
    mark = cell.strip().replace("\ufe0f", "")
    return {"✅": "✅", "⭕": "⭕️", "❌": "❌"}.get(mark, mark)


@lru_cache(maxsize=4)
def read_readme(text: str) -> ReadmeFacts:
    """The README's facts (cached: every notes file of a programme reads the same README; do not modify)."""
    facts = ReadmeFacts()
    lines = text.split("\n")
    section = ""
    in_metadata = False
    in_table = False
    table_lines: list[tuple[int, str]] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        # The markers count on a line of their own, as the bot and the website write them: a README
        # that only quotes one (in prose or inline code) is not a programme's.
        marker = line.strip()
        if marker == METADATA_START:
            in_metadata, facts.has_metadata = True, True
        if marker == METADATA_END:
            in_metadata = False
        if marker == TABLE_START:
            in_table, facts.has_table = True, True
            continue
        if marker == TABLE_END:
            in_table = False
            continue
        if in_table:
            table_lines.append((number, line))
            continue
        heading = _SECTION.match(line)
        if heading:
            section = heading.group(1).strip()
            lowered = section.lower()
            facts.english = facts.english or lowered in ("study duration", "leave rules")
            facts.chinese = facts.chinese or section in ("共学时间", "请假规则")
            continue
        _read_dates(facts, line, number, section, in_metadata)
    _read_allowance(facts, text)
    _read_table(facts, table_lines)
    return facts


def _read_dates(facts: ReadmeFacts, line: str, number: int, section: str, in_metadata: bool) -> None:
    lowered = section.lower()
    if in_metadata:
        for pattern, bucket in ((_META_START, facts.starts), (_META_END, facts.ends)):
            found = pattern.match(line)
            if found and (day := _iso(found)):
                bucket.append(Found(day, number, f"{METADATA_START} block, {line.strip(' -*')!r}"))
        allowance = _META_ALLOWANCE.match(line)
        if allowance:
            facts.allowance_other.append(Found(int(allowance.group(1)), number, "Leave Allowance Per Week"))
        return
    if any(word in lowered for word in _SIGNUP_WORDS):
        return  # the sign-up period has its own 开始时间 / Start Date: never the study period
    study_section = any(name in lowered for name in _STUDY_SECTIONS)
    for pattern, bucket in ((_START_LINE, facts.starts), (_END_LINE, facts.ends)):
        found = pattern.match(line)
        if found and (day := _iso(found)):
            if study_section or "study" in line.lower():
                bucket.append(Found(day, number, f"## {section}, {line.strip(' -*')!r}"))


def _read_allowance(facts: ReadmeFacts, text: str) -> None:
    header = _LEAVE_HEADER.search(text)
    if not header:
        return
    following = _ANY_SECTION.search(text, header.end())
    section_text = text[header.end() : following.start() if following else len(text)]
    found = _LEAVE_ZH.search(section_text) or _LEAVE_EN.search(section_text)
    if found:
        offset = header.end() + found.start()
        facts.allowance_bot = Found(int(found.group(1)), _line_number(text, offset), f"## {header.group(1)}")


def _read_table(facts: ReadmeFacts, table_lines: list[tuple[int, str]]) -> None:
    if not table_lines:
        return
    header_number, header = table_lines[0]
    cells = [cell.strip() for cell in header.strip().strip("|").split("|")]
    for cell in cells[1:]:
        found = _HEADER_DAY.match(cell)
        if found:
            facts.header_days.append((int(found.group(1)), int(found.group(2))))
    facts.header_line = header_number
    for number, line in table_lines[2:]:
        if not line.strip().startswith("|"):
            continue
        linked = _LINKED_NAME.match(line.strip())
        parts = line.strip().split("|")
        if linked:
            name, link = linked.group(1).strip(), linked.group(2).strip()
        elif len(parts) > 1:
            name, link = parts[1].strip(), ""
        else:
            continue
        values = [normalise_cell(cell) for cell in parts[2:-1]] if line.strip().endswith("|") else [
            normalise_cell(cell) for cell in parts[2:]
        ]
        facts.rows.append(ReadmeRow(name, link, number, tuple(values)))


def header_dates(days: list[tuple[int, int]], first_year: int) -> list[date]:
    """The table's ``m.dd`` columns as dates, starting in ``first_year`` and rolling over at New Year."""
    dates: list[date] = []
    year = first_year
    previous: tuple[int, int] | None = None
    for month, day in days:
        if previous is not None and (month, day) < previous:
            year += 1
        dates.append(date(year, month, day))
        previous = (month, day)
    return dates
