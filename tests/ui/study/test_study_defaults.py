"""A study widget on its own makes its settings and log; given ones are used as they are."""

from __future__ import annotations

from PySide6.QtCore import QObject

from studyreader.ui.study.study_defaults import settings_and_log


def test_given_settings_and_log_are_used(settings, qapp):
    log = object()
    assert settings_and_log(QObject(), settings, log) == (settings, log)


def test_missing_ones_are_made_for_the_owner(qapp):
    from studyreader.study.log import StudyLog, default_log_path
    from studyreader.ui.settings import Settings, settings_file

    owner = QObject()
    settings, log = settings_and_log(owner)
    try:
        assert isinstance(settings, Settings) and settings.parent() is owner
        assert settings.path == settings_file()
        assert isinstance(log, StudyLog) and log.path == default_log_path()
    finally:
        log.close()
