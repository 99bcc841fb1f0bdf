"""The editor tests' notes file and editor factory."""

from __future__ import annotations

import shutil
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from studyreader import paths
from studyreader.ui.editor.editor import EntryEditor

SHANGHAI = ZoneInfo("Asia/Shanghai")
EVENING = datetime(2025, 1, 11, 21, 30, tzinfo=SHANGHAI)  # the day after the sample's last entry


@pytest.fixture
def notes_file(tmp_path):
    """A copy of the bundled sample notes, alone in a folder."""
    target = tmp_path / "notes" / "sample-notes.md"
    target.parent.mkdir()
    shutil.copy(paths.sample_notes(), target)
    return target


@pytest.fixture
def make_editor(qtbot):
    """``make(path, now=EVENING, width=1000, **kwargs)``: a shown editor whose clock stands at ``now``."""
    made = []

    def make(path, now=EVENING, width=1000, **kwargs):
        editor = EntryEditor(notes_path=path, now=lambda: now, **kwargs)
        qtbot.addWidget(editor)
        editor.resize(width, 420 if width > 1000 else 400)
        editor.show()
        qtbot.waitExposed(editor)
        made.append(editor)
        return editor

    yield make
    for editor in made:
        editor.shutdown()
