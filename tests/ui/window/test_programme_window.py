"""The window shows the programme bot's marks: the entry list, the programme strip, the Settings' override."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from studyreader import paths
from studyreader.programme import ProgrammeOverride, status_for
from studyreader.programme.marks import marks_for
from studyreader.ui.window.navigator import VERDICT_ROLE
from tests.conftest import SHARED_DIR

ZK = SHARED_DIR / "programmes" / "ZK"
needs_programmes = pytest.mark.skipif(not ZK.is_dir(), reason="../shared/programmes is absent")
CELL_KINDS = {"✅": "done", "⭕️": "missed", "❌": "eliminated"}
EMOJI = ("✅", "⭕", "❌")


def item_kinds(window) -> list[str]:
    return [window.navigator.list.item(i).data(VERDICT_ROLE) for i in range(window.navigator.list.count())]


def test_the_bundled_sample_shows_no_elimination_and_every_mark_explains_itself(make_window):
    window = make_window(paths.sample_notes())
    kinds = item_kinds(window)
    assert kinds and "eliminated" not in kinds and "missed" not in kinds
    assert set(kinds) <= {"counts", "nocount", "pending"}  # no programme: an entry only counts or not
    for index in range(window.navigator.list.count()):
        tip = window.navigator.list.item(index).toolTip()
        assert "Why:" in tip and "line" in tip and not any(mark in tip for mark in EMOJI), tip
    assert window.navigator.strip.isHidden()


@pytest.fixture
def zk_copy(tmp_path):
    target = tmp_path / "ZK"
    shutil.copytree(ZK, target)
    return target


@needs_programmes
def test_a_programme_repository_shows_the_bots_marks_with_reasons(make_window, zk_copy):
    notes = zk_copy / "0530-Suyb.md"
    window = make_window(notes)
    strip = window.navigator.strip
    assert strip.isVisible()
    # One cell per programme day, days without an entry included.
    assert strip.days() == [dt.date(2024, 7, 29) + dt.timedelta(days=n) for n in range(21)]
    entry_dates = {entry.date for entry in window.notes.entries}
    assert set(strip.days()) - entry_dates, "the strip shows days without an entry too"
    expected = marks_for(status_for(notes))
    assert [strip.kind_shown(mark.date) for mark in expected] == [mark.kind for mark in expected]
    # Against the bot's own table (the answer key), wherever the table is not about to change.
    row = window.document.status.programme.row
    agreeing = [m for m in expected if m.published is None and row.mark_for(m.date) is not None]
    assert len(agreeing) >= 15
    for mark in agreeing:
        assert mark.kind == CELL_KINDS.get(row.mark_for(mark.date), mark.kind), mark.date
    eliminated = [mark.date for mark in expected if mark.kind == "eliminated"]
    assert eliminated, "this participant's row has an elimination"
    tip = strip.tooltip_for(eliminated[0])
    assert "Eliminated" in tip and "misses in the week" in tip and "allowance 2" in tip
    assert not any(mark in tip for mark in EMOJI)
    for day in strip.days():
        assert "Why:" in strip.tooltip_for(day)
    # The entry list shows the same marks, each with its reason.
    for day in window.navigator.dates():
        item = window.navigator.item_for(day)
        assert item.data(VERDICT_ROLE) == strip.kind_shown(day)
        assert "Why:" in item.toolTip()


@needs_programmes
def test_the_strip_fits_the_entry_lists_least_width(make_window, zk_copy, qtbot):
    window = make_window(zk_copy / "0530-Suyb.md")
    window.splitter.setSizes([130, 900, 250])
    qtbot.wait(20)
    strip = window.navigator.strip
    assert window.navigator.width() <= 140
    assert strip.width() <= window.navigator.width()
    # Wrapped into rows: every cell is inside the strip.
    assert strip.height() >= strip.heightForWidth(strip.width()) > strip.heightForWidth(1000)
    columns = strip.width() // 16
    assert strip.heightForWidth(strip.width()) == -(-21 // min(columns, 7)) * 16 + 2


@needs_programmes
def test_the_settings_override_changes_the_programme(make_window, zk_copy, qtbot, settings):
    notes = zk_copy / "0530-Suyb.md"
    window = make_window(notes)
    with qtbot.waitSignal(window.notesReloaded, timeout=10000):
        settings.set_programme_override(notes, ProgrammeOverride(start=dt.date(2024, 8, 5), end=dt.date(2024, 8, 11),
                                                                 allowance=7, generation="newer"))
    assert window.navigator.strip.days() == [dt.date(2024, 8, 5) + dt.timedelta(days=n) for n in range(7)]
    assert "eliminated" not in [window.navigator.strip.kind_shown(d) for d in window.navigator.strip.days()]
    with qtbot.waitSignal(window.notesReloaded, timeout=10000):
        settings.set_programme_override(notes, ProgrammeOverride(disabled=True))
    assert window.navigator.strip.isHidden()
    assert set(item_kinds(window)) <= {"counts", "nocount", "pending"}


def test_the_settings_dialog_stores_a_checked_override(qtbot, settings, sample_copy):
    from studyreader.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings, None, notes_path=sample_copy)
    qtbot.addWidget(dialog)
    fields = dialog.programme_group
    assert fields.isVisibleTo(dialog) and sample_copy.name in fields.title()
    fields.start_edit.setText("2025-01-06")
    fields.end_edit.setText("2025-01-19")
    fields.allowance_spin.setValue(1)
    fields.generation_combo.setCurrentIndex(fields.generation_combo.findData("older"))
    fields.zone_edit.setText("Mars/Olympus")
    dialog.accept()  # refused: the dialog says why and writes nothing
    assert "timezone" in fields.problem.text() and settings.programme_override(sample_copy).is_empty()
    fields.zone_edit.setText("UTC+8")
    dialog.accept()
    assert settings.programme_override(sample_copy) == ProgrammeOverride(
        start=dt.date(2025, 1, 6), end=dt.date(2025, 1, 19), allowance=1, generation="older", timezone="UTC+8")
    again = SettingsDialog(settings, None, notes_path=sample_copy)
    qtbot.addWidget(again)
    assert again.programme_group.zone_edit.text() == "UTC+8" and again.programme_group.start_edit.text() == "2025-01-06"


def test_the_marks_are_worked_out_again_when_the_bots_day_ends():
    from zoneinfo import ZoneInfo

    from studyreader.ui.window.programme_link import ms_to_day_end

    shanghai = ZoneInfo("Asia/Shanghai")
    assert ms_to_day_end(shanghai, dt.datetime(2025, 1, 8, 15, 59, tzinfo=dt.timezone.utc)) == 61_000
    assert ms_to_day_end(shanghai, dt.datetime(2025, 1, 8, 16, 0, tzinfo=dt.timezone.utc)) == 86_401_000
