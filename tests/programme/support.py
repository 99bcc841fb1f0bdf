"""Small programme repositories on disk, shaped like the real ones in ../shared/programmes."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

ZH_README = """# 残酷共学

## 报名时间

- 开始时间：2025-01-01
- 结束时间：2025-01-05

## 共学时间

- 开始时间：{start}
- 结束时间：{end}

## 请假规则

每周请假 {allowance} 次

## 打卡记录表

{table}
"""

EN_README = """# Co-learning

## Registration Period

- Registration Start Date: 2025-01-01
- Registration End Date: 2025-01-05

## Study Duration

- Study Start Date: {start}
- Study End Date: {end}

## Leave Rules

{allowance} leaves per week.

## Check-In Record Table

{table}
"""

METADATA_README = """<!-- ICL_PROGRAM_METADATA_START -->
# Builder Camp

## Program Basics

- Registration Window: 2025-01-01 to 2025-01-05
- Start Date: {start}
- End Date: {end}
- Leave Allowance Per Week: {allowance}
<!-- ICL_PROGRAM_METADATA_END -->

# Builder Camp

{table}
"""


def table(start: date, end: date, rows: dict[str, list[str]] | None = None, folder: str = "") -> str:
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    lines = [
        "<!-- START_COMMIT_TABLE -->",
        "| Name | " + " | ".join(f"{d.month}.{d.day:02d}" for d in days) + " |",
        "| ------------- | " + " | ".join("----" for _ in days) + " |",
    ]
    for name, cells in (rows or {}).items():
        link = f"https://github.com/o/r/blob/main/{folder}{name}.md"
        lines.append(f"| [{name}]({link}) | " + " | ".join(cells) + " |")
    lines.append("<!-- END_COMMIT_TABLE -->")
    return "\n".join(lines)


NOTES = """---
timezone: {tz}
---

# Me

<!-- Content_START -->
{body}
<!-- Content_END -->
"""


def make_programme(
    root: Path,
    readme: str = ZH_README,
    *,
    start: date = date(2025, 1, 6),
    end: date = date(2025, 1, 19),
    allowance: int = 2,
    rows: dict[str, list[str]] | None = None,
    in_notes_folder: bool = False,
    body: str = "",
    tz: str = "Asia/Shanghai",
    name: str = "me",
    git_marker: bool = True,
) -> Path:
    """A programme folder with a README and the participant's notes file; returns the notes file."""
    root.mkdir(parents=True, exist_ok=True)
    if git_marker:
        (root / ".git").mkdir(exist_ok=True)
    folder = "notes/" if in_notes_folder else ""
    (root / "README.md").write_text(
        readme.format(start=start.isoformat(), end=end.isoformat(), allowance=allowance,
                      table=table(start, end, rows, folder)),
        encoding="utf-8",
    )
    notes_dir = root / "notes" if in_notes_folder else root
    notes_dir.mkdir(exist_ok=True)
    notes = notes_dir / f"{name}.md"
    notes.write_text(NOTES.format(tz=tz, body=body), encoding="utf-8")
    return notes
