"""The entry navigator: newest first, verdicts, activation."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from studyreader.notes import parse_notes
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


def test_entries_newest_first_with_verdicts(qtbot):
    navigator = EntryNavigator()
    qtbot.addWidget(navigator)
    notes = parse_notes(NOTES, today=dt.date(2025, 1, 20))
    navigator.set_notes(notes)
    assert navigator.dates() == [dt.date(2025, 1, 8), dt.date(2025, 1, 7), dt.date(2025, 1, 6)]
    verdicts = [navigator.list.item(i).data(VERDICT_ROLE) for i in range(navigator.list.count())]
    assert verdicts[0] == "done" and verdicts[2] == "done"
    assert verdicts[1] in ("missed", "eliminated")
    assert "✅" in navigator.list.item(0).toolTip()
    assert not navigator.list.item(0).icon().isNull()


def test_clicking_an_entry_emits_its_date(qtbot):
    navigator = EntryNavigator()
    qtbot.addWidget(navigator)
    navigator.set_notes(parse_notes(NOTES))
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
