"""The entry navigator: newest first, verdicts, activation."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from studyreader.notes import parse_notes
from studyreader.programme import status_for
from studyreader.ui.window.navigator import DATE_ROLE, VERDICT_ROLE, EntryNavigator

NOTES = """---
timezone: Asia/Shanghai
---
<!-- Content_START -->
### 2025.01.06
今天学习了 OP Stack 的结构，写了很多很多的笔记内容。
### 2025.01.08
第二天的笔记内容也写得很充分，记录了排序器的作用。
### 2025.01.07

<!-- Content_END -->
"""


def notes_and_status(tmp_path, text=NOTES, now=dt.datetime(2025, 1, 20, tzinfo=dt.timezone.utc)):
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    return parse_notes(text, path), status_for(path, now)


def test_outside_a_programme_entries_only_say_whether_they_count(qtbot, tmp_path):
    navigator = EntryNavigator()
    qtbot.addWidget(navigator)
    navigator.set_notes(*notes_and_status(tmp_path))
    assert navigator.dates() == [dt.date(2025, 1, 8), dt.date(2025, 1, 7), dt.date(2025, 1, 6)]
    kinds = [navigator.list.item(i).data(VERDICT_ROLE) for i in range(navigator.list.count())]
    assert kinds == ["counts", "nocount", "counts"]  # never missed or eliminated without a programme
    empty = navigator.list.item(1).toolTip()
    assert "2025-01-07, line 9" in empty and "Does not count" in empty and "Why:" in empty
    assert not any(mark in empty for mark in ("✅", "⭕", "❌"))
    assert not navigator.list.item(0).icon().isNull()
    assert navigator.strip.isHidden()  # no programme days to show


def test_clicking_an_entry_emits_its_date(qtbot, tmp_path):
    navigator = EntryNavigator()
    qtbot.addWidget(navigator)
    navigator.set_notes(*notes_and_status(tmp_path))
    navigator.show()
    qtbot.waitExposed(navigator)
    item = navigator.list.item(1)
    rect = navigator.list.visualItemRect(item)
    with qtbot.waitSignal(navigator.dateActivated) as blocker:
        qtbot.mouseClick(navigator.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [item.data(DATE_ROLE)]


def test_empty_notes_show_nothing(qtbot):
    navigator = EntryNavigator()
    qtbot.addWidget(navigator)
    navigator.set_notes(parse_notes("# 没有日期\n\n正文\n"))
    assert navigator.dates() == []
