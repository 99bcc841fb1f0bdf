"""The editor's session: an in-place replace writes only over the entry the user last saw."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from studyreader.ui.editor.session import EntrySession

NOTES = (
    "---\ntimezone: Asia/Shanghai\n---\n<!-- Content_START -->\n"
    "### 2025.01.06\n第一天的笔记，写了很多内容。\n<!-- Content_END -->\n"
)
NOW = datetime(2025, 1, 6, 21, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def _rewrite_entry(path, body: str) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index("### 2025.01.06\n") + len("### 2025.01.06\n")
    end = text.index("<!-- Content_END -->")
    path.write_text(text[:start] + body + "\n" + text[end:], encoding="utf-8")


def test_an_entry_changed_between_the_question_and_the_write_is_asked_about_again(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    session = EntrySession(now=lambda: NOW)
    assert session.open(path) is None
    assert session.start_in_place("") is not None
    _rewrite_entry(path, "另一台电脑改过的内容，第一次。")  # changed on disk while editing
    asked: list[str] = []

    def confirm(diff: str) -> bool:
        asked.append(diff)
        if len(asked) == 1:  # a `git pull` lands right after the user said yes
            _rewrite_entry(path, "拉取下来的内容，第二次改动。")
        return True

    session.write("我自己的版本，最后保存。", confirm)
    assert len(asked) == 2, asked
    assert "第一次" in asked[0] and "第二次" in asked[1]
    text = path.read_text(encoding="utf-8")
    assert "我自己的版本，最后保存。" in text and "第二次" not in text and "第一次" not in text
