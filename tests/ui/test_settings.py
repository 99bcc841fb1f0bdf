"""Settings: typed values, defaults for bad input, the change signal, a file QSettings wrote, the dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QSettings, QTime

from studyreader import options, paths
from studyreader.ui.settings import Settings


@pytest.fixture
def settings(qapp):
    return Settings()


def test_defaults(settings):
    assert settings.path == paths.config_dir() / "settings.ini"
    assert settings.language == ""
    assert settings.theme == "system"
    assert settings.reminder_enabled is True
    assert settings.reminder_time == QTime(20, 0)
    assert settings.daily_goal_minutes == 60
    assert settings.target_minutes == 90
    assert settings.last_file is None
    assert settings.recent_files == []
    assert settings.geometry.isEmpty()
    assert settings.editor_visible is False


def test_values_persist_across_instances(settings, tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("x", encoding="utf-8")
    settings.language = "zh_CN"
    settings.theme = "dark"
    settings.reminder_enabled = False
    settings.reminder_time = QTime(21, 15)
    settings.daily_goal_minutes = 45
    settings.target_minutes = 120
    settings.last_file = notes
    settings.geometry = QByteArray(b"\x01\x02\x00geo")
    settings.set_splitter_state("main", QByteArray(b"\x00split"))
    settings.editor_visible = True

    again = Settings()
    assert again.language == "zh_CN"
    assert again.theme == "dark"
    assert again.reminder_enabled is False
    assert again.reminder_time == QTime(21, 15)
    assert again.daily_goal_minutes == 45
    assert again.target_minutes == 120
    assert again.last_file == notes.resolve()
    assert again.recent_files == [notes.resolve()]
    assert bytes(again.geometry) == b"\x01\x02\x00geo"
    assert bytes(again.splitter_state("main")) == b"\x00split"
    assert again.splitter_state("editor").isEmpty()
    assert again.editor_visible is True


def test_hand_edited_garbage_falls_back_to_defaults(qapp):
    path = paths.config_dir() / "settings.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[ui]\nlanguage=klingon\ntheme=neon\n"
        "[study]\nreminder_enabled=perhaps\nreminder_time=25:99\n"
        "daily_goal_minutes=lots\ntarget_minutes=100000\n",
        encoding="utf-8",
    )
    settings = Settings()
    assert settings.language == ""
    assert settings.theme == "system"
    assert settings.reminder_enabled is True
    assert settings.reminder_time == QTime(20, 0)
    assert settings.daily_goal_minutes == 60
    assert settings.target_minutes == 90


def test_setters_refuse_unknown_values_and_clamp_numbers(settings):
    with pytest.raises(ValueError):
        settings.language = "fr"
    with pytest.raises(ValueError):
        settings.theme = "blue"
    settings.target_minutes = 5
    assert settings.target_minutes == 15
    settings.daily_goal_minutes = 10_000
    assert settings.daily_goal_minutes == 600


def test_recent_files_newest_first_without_duplicates_or_vanished(settings, tmp_path):
    files = []
    for name in ("a.md", "b.md", "c.md"):
        f = tmp_path / name
        f.write_text("x", encoding="utf-8")
        files.append(f.resolve())
    for f in files:
        settings.last_file = f
    settings.last_file = files[0]
    assert settings.recent_files == [files[0], files[2], files[1]]
    files[2].unlink()
    assert settings.recent_files == [files[0], files[1]]


def test_changed_signal_names_the_key(settings, qtbot):
    with qtbot.waitSignal(settings.changed, timeout=1000) as blocker:
        settings.theme = "light"
    assert blocker.args == [Settings.THEME]
    seen = []
    settings.changed.connect(seen.append)
    settings.theme = "light"  # unchanged value: no signal
    assert seen == []


def test_undeclared_keys_fail_by_name(settings):
    with pytest.raises(KeyError, match="reader/zooom"):
        settings.value("reader/zooom", 0)
    with pytest.raises(KeyError, match="reader/zooom"):
        settings.set_value("reader/zooom", 1)
    with pytest.raises(KeyError, match="splitters/sidebar"):
        settings.splitter_state("sidebar")
    with pytest.raises(KeyError, match="panes/toolbox"):
        settings.set_pane_visible("toolbox", True)


def test_value_has_the_declared_type_and_set_value_takes_qt_types(settings):
    assert settings.value(Settings.READER_ZOOM) == 0
    settings.set_value(Settings.READER_ZOOM, 3)
    settings.set_value(Settings.REMINDER_TIME, QTime(7, 5))
    settings.set_pane_visible("glossary", False)
    again = Settings()
    assert again.value(Settings.READER_ZOOM) == 3
    assert again.reminder_time == QTime(7, 5)
    assert again.pane_visible("glossary") is False and again.pane_visible("navigator") is True


def test_a_file_written_by_qsettings_keeps_its_values(qapp, tmp_path):
    """The settings of a user whose file QSettings wrote survive the move to the Qt-free store."""
    notes = tmp_path / "笔记, v2; final.md"
    notes.write_text("x", encoding="utf-8")
    other = tmp_path / "other.md"
    other.write_text("x", encoding="utf-8")
    geometry = QByteArray(bytes(range(256)) + b"\x00123abc")
    path = tmp_path / "settings.ini"
    qs = QSettings(str(path), QSettings.Format.IniFormat)
    qs.setValue(Settings.LANGUAGE, "zh_CN")
    qs.setValue(Settings.THEME, "dark")
    qs.setValue(Settings.REMINDER_ENABLED, False)
    qs.setValue(Settings.REMINDER_TIME, "21:15")
    qs.setValue(Settings.DAILY_GOAL, 45)
    qs.setValue(Settings.LAST_FILE, str(notes))
    qs.setValue(Settings.RECENT_FILES, [str(notes), str(other)])
    qs.setValue(Settings.GEOMETRY, geometry)
    qs.setValue("splitters/main", QByteArray(b"\x00\xff\x01split"))
    qs.setValue("panes/navigator", False)
    qs.setValue(Settings.READER_ZOOM, -2)
    qs.setValue(Settings.CYCLES_ENABLED, True)
    qs.sync()
    assert qs.status() == QSettings.Status.NoError

    settings = Settings(path)
    assert settings.language == "zh_CN" and settings.theme == "dark"
    assert settings.reminder_enabled is False and settings.reminder_time == QTime(21, 15)
    assert settings.daily_goal_minutes == 45
    assert settings.last_file == notes and settings.recent_files == [notes, other]
    assert settings.geometry == geometry
    assert bytes(settings.splitter_state("main")) == b"\x00\xff\x01split"
    assert settings.pane_visible("navigator") is False
    assert settings.value(Settings.READER_ZOOM) == -2 and settings.value(Settings.CYCLES_ENABLED) is True

    # and what the store writes, QSettings reads back
    settings.theme = "light"
    settings.set_value(Settings.RECENT_FILES, [str(other), "@odd, name"])
    settings.geometry = QByteArray(b"\x00geo")
    qs = QSettings(str(path), QSettings.Format.IniFormat)
    assert qs.value(Settings.THEME) == "light" and qs.value(Settings.LANGUAGE) == "zh_CN"
    assert qs.value(Settings.RECENT_FILES) == [str(other), "@odd, name"]
    assert qs.value(Settings.LAST_FILE) == str(notes)
    assert options.SettingsStore(path).get(Settings.GEOMETRY) == b"\x00geo"


def test_the_table_agrees_with_the_widgets(qapp, qtbot):
    from studyreader.ui import i18n
    from studyreader.ui.reader import reader

    assert options.READER_MODE.choices == reader.MODES
    assert options.LANGUAGE.choices == ("",) + i18n.SUPPORTED
    view = reader.BilingualReader()
    qtbot.addWidget(view)
    view.set_zoom(1000)
    assert view.zoom == options.READER_ZOOM.maximum
    view.set_zoom(-1000)
    assert view.zoom == options.READER_ZOOM.minimum


def test_settings_dialog_writes_on_ok(settings, qtbot):
    from studyreader.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.goal_spin.setValue(75)
    dialog.target_spin.setValue(100)
    dialog.reminder_check.setChecked(False)
    dialog.reminder_time.setTime(QTime(19, 30))
    dialog.accept()
    assert settings.theme == "dark"
    assert settings.daily_goal_minutes == 75
    assert settings.target_minutes == 100
    assert settings.reminder_enabled is False
    assert settings.reminder_time == QTime(19, 30)


def test_settings_dialog_cancel_changes_nothing(settings, qtbot):
    from studyreader.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.goal_spin.setValue(75)
    dialog.reject()
    assert settings.daily_goal_minutes == 60


def test_settings_dialog_labels_every_field(settings, qtbot):
    from studyreader.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    pairs = [
        (dialog.language_label, dialog.language_combo),
        (dialog.theme_label, dialog.theme_combo),
        (dialog.target_label, dialog.target_spin),
        (dialog.goal_label, dialog.goal_spin),
        (dialog.reminder_label, dialog.reminder_time),
    ]
    for label, field in pairs:
        assert label.isVisible() and label.text().strip("&:")
        assert label.buddy() is field
