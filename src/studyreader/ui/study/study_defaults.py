"""The settings and study log a study widget uses when its caller passes none.

The timer, the reminder and the habit view are built by the main window with its
own settings and log; on their own (tests, a dialog opened alone) each makes them.
"""

from __future__ import annotations


def settings_and_log(owner, settings=None, log=None):
    """``(settings, log)``: those given, else Settings parented to ``owner`` and the study log
    (an in-memory one when the database cannot be opened)."""
    if settings is None:
        from studyreader.ui.settings import Settings

        settings = Settings(parent=owner)
    if log is None:
        from studyreader.study.log import StudyLog

        log = StudyLog.open_or_memory()
    return settings, log
