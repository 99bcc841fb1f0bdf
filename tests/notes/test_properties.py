"""Property: for any notes file of the real-world shapes, ``append`` is one insertion in the right place."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyreader.notes import load_notes
from studyreader.notes.dates import DateStyle
from tests.notes.append_check import check_append

CONTENT_PIECES = [
    "",
    "笔记内容",
    "今天学习了 Optimistic Rollup，交易默认有效，只有在挑战期内被质疑才验证。",
    "- Sequencer（排序器）\n- Batcher\n- 验证者",
    "```solidity\n### 2025.01.01\n<!-- Content_END -->\nfunction f() {}\n```",
    "~~~\n# 2024-01-01\n~~~",
    "| 层 | 作用 |\n| --- | --- |\n| 执行层 | EVM |",
    "<details><summary>原始 HTML</summary>\n<p>内容</p>\n</details>",
    "#### 小结\n**粗体** 和 `L1StandardBridge`",
    "> 引用一段文档\n> 第二行",
    "<!-- 一条普通注释 -->",
    "   ",
]
TEXT_PIECES = [
    "今天学习了欺诈证明。",
    "Sequencer 负责排序。\n第二行",
    "- 要点一\n- 要点二",
    "```bash\nmake devnet-up\n```",
    "  前后有空白的文字  \n\n",
    "#### 小标题\n内容",
]


@st.composite
def notes_files(draw):
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    with_year = draw(st.booleans()) or draw(st.booleans())
    style = DateStyle(draw(st.sampled_from(".-/" if with_year else "./")), draw(st.booleans()), with_year)
    mixed_styles = with_year and draw(st.booleans())
    level = draw(st.integers(1, 3))
    count = draw(st.integers(0, 8))
    start = date(2024, 11, 20) + timedelta(days=draw(st.integers(0, 60)))
    days = [start]
    for _ in range(count - 1):
        days.append(days[-1] + timedelta(days=draw(st.integers(0 if with_year else 1, 3))))
    days = days[:count]
    order = draw(st.sampled_from(["oldest", "newest", "shuffled"] if with_year else ["oldest", "newest"]))
    if order == "newest":
        days.reverse()
    elif order == "shuffled":
        days = draw(st.permutations(days))
    wrapped = draw(st.booleans())
    marker = draw(st.sampled_from(["Content", "NOTES"]))
    lines: list[str] = []
    if draw(st.booleans()):
        lines += ["---", "timezone: " + draw(st.sampled_from(["Asia/Shanghai", "UTC+8", "GMT-5", "bogus"])), "---", ""]
    lines += ["# 自我介绍", "", "我是一名汽车行业的战略顾问。", "", "## Notes", ""]
    lines.append(f"<!-- {marker}_START -->")
    if draw(st.booleans()):
        lines.append("")
    for day in days:
        entry_style = (
            DateStyle(draw(st.sampled_from(".-/")), draw(st.booleans()), True) if mixed_styles and draw(st.booleans())
            else style
        )
        entry_level = level if draw(st.integers(0, 4)) else draw(st.integers(1, 3))
        suffix = draw(st.sampled_from(["", "", " 周一", "（OP Stack）"]))
        lines.append("#" * entry_level + " " + entry_style.format(day) + suffix)
        content = draw(st.lists(st.sampled_from(CONTENT_PIECES), max_size=3))
        body = [piece for piece in content]
        if wrapped:
            lines.append(f"<!-- DAILY_CHECKIN_{day.isoformat()}_START -->")
        lines += "\n\n".join(body).split("\n") if body else []
        if wrapped:
            lines.append(f"<!-- DAILY_CHECKIN_{day.isoformat()}_END -->")
        if draw(st.booleans()):
            lines.append("")
    lines.append(f"<!-- {marker}_END -->")
    ending = draw(st.sampled_from(["", eol, eol + "footer" + eol, eol + "footer"]))
    text = eol.join(lines) + ending
    bom = draw(st.booleans())
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    # The day to append to is picked from the parsed entries (a year-less file's years are inferred).
    existing = draw(st.integers(0, 50)) if days and draw(st.booleans()) else None
    offset = draw(st.integers(-5, 40))
    append_text = draw(st.sampled_from(TEXT_PIECES))
    return data, existing, offset, append_text, len(set(days))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes_files())
def test_append_is_one_insertion_under_the_right_date(case):
    data, existing, offset, text, distinct_days = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "notes.md"
        path.write_bytes(data)
        entries = load_notes(path).entries
        assert len({e.date for e in entries}) == distinct_days
        if existing is not None:
            day = entries[existing % len(entries)].date
        else:
            day = min((e.date for e in entries), default=date(2025, 1, 6)) + timedelta(days=offset)
        check_append(path, text, day)
