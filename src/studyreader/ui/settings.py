"""The settings for the widgets: :mod:`studyreader.options` with a change signal and Qt types.

What each setting is (type, default, range) is declared once, in
:mod:`studyreader.options`; this adapter only turns ``bytes`` into ``QByteArray``
and ``datetime.time`` into ``QTime`` and tells the widgets which key changed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QTime, Signal

from studyreader import options
from studyreader.options import SettingsError, SettingsStore
from studyreader.ui.messages import error_text

_DEFAULT = object()


class Settings(QObject):
    """The app's settings; emits ``changed(key)`` after every change written through it.

    A change that cannot be saved (a read-only config folder) still holds for this run and
    emits ``saveFailed(message)`` (in the interface language; the window shows it in the status bar).
    """

    changed = Signal(str)
    saveFailed = Signal(str)

    # Keys, public so that tests and other modules never spell them twice.
    LANGUAGE = options.LANGUAGE.key
    THEME = options.THEME.key
    SEEN_SCHEME = options.SEEN_SCHEME.key
    LAST_FILE = options.LAST_FILE.key
    RECENT_FILES = options.RECENT_FILES.key
    REMINDER_ENABLED = options.REMINDER_ENABLED.key
    REMINDER_TIME = options.REMINDER_TIME.key
    REMINDER_LAST = options.REMINDER_LAST.key
    DAILY_GOAL = options.DAILY_GOAL.key
    TARGET_MINUTES = options.TARGET_MINUTES.key
    CYCLES_ENABLED = options.CYCLES_ENABLED.key
    FOCUS_MINUTES = options.FOCUS_MINUTES.key
    BREAK_MINUTES = options.BREAK_MINUTES.key
    READER_MODE = options.READER_MODE.key
    READER_ZOOM = options.READER_ZOOM.key
    GEOMETRY = options.GEOMETRY.key
    WINDOW_STATE = options.WINDOW_STATE.key
    EDITOR_VISIBLE = options.EDITOR_VISIBLE.key
    PROGRAMME_OVERRIDES = options.PROGRAMME_OVERRIDES.key

    def __init__(self, path: Path | str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = SettingsStore(path)
        self.path = self.store.path

    # -- generic -------------------------------------------------------
    def value(self, key: str, default: Any = _DEFAULT) -> Any:
        """The value of a declared key, of its declared type; KeyError for an undeclared key."""
        if default is _DEFAULT:
            return self.store.get(key)
        return self.store.get(key, default)

    def set_value(self, key: str, value: Any) -> None:
        """Write a declared key (QByteArray and QTime are taken too); ``changed(key)`` when it changed."""
        if isinstance(value, QByteArray):
            value = bytes(value.data())
        elif isinstance(value, QTime):
            if not value.isValid():
                raise ValueError(f"{key}: invalid time")
            value = dt.time(value.hour(), value.minute())
        try:
            changed = self.store.set(key, value)
        except SettingsError as error:
            self.saveFailed.emit(error_text(error))
            changed = True
        if changed:
            self.changed.emit(key)

    def remove(self, key: str) -> None:
        try:
            changed = self.store.remove(key)
        except SettingsError as error:
            self.saveFailed.emit(error_text(error))
            changed = True
        if changed:
            self.changed.emit(key)

    # -- interface -----------------------------------------------------
    @property
    def language(self) -> str:
        """"" (system locale), "en" or "zh_CN"."""
        return self.value(self.LANGUAGE)

    @language.setter
    def language(self, value: str) -> None:
        self.set_value(self.LANGUAGE, value)

    @property
    def theme(self) -> str:
        """"system", "light" or "dark"."""
        return self.value(self.THEME)

    @theme.setter
    def theme(self, value: str) -> None:
        self.set_value(self.THEME, value)

    @property
    def seen_system_scheme(self) -> str:
        """The desktop's colour scheme ("light" or "dark") when the app last asked; "" never."""
        return self.value(self.SEEN_SCHEME)

    @seen_system_scheme.setter
    def seen_system_scheme(self, value: str) -> None:
        self.set_value(self.SEEN_SCHEME, value)

    # -- study ---------------------------------------------------------
    @property
    def reminder_enabled(self) -> bool:
        return self.value(self.REMINDER_ENABLED)

    @reminder_enabled.setter
    def reminder_enabled(self, value: bool) -> None:
        self.set_value(self.REMINDER_ENABLED, bool(value))

    @property
    def reminder_time(self) -> QTime:
        """Local time of day in the notes file's zone (default 20:00)."""
        time = self.value(self.REMINDER_TIME)
        return QTime(time.hour, time.minute)

    @reminder_time.setter
    def reminder_time(self, value: QTime) -> None:
        self.set_value(self.REMINDER_TIME, value)

    @property
    def daily_goal_minutes(self) -> int:
        """Minutes a day must reach to count towards the streak."""
        return self.value(self.DAILY_GOAL)

    @daily_goal_minutes.setter
    def daily_goal_minutes(self, value: int) -> None:
        self.set_value(self.DAILY_GOAL, int(value))

    @property
    def target_minutes(self) -> int:
        """The evening's session target for the timer."""
        return self.value(self.TARGET_MINUTES)

    @target_minutes.setter
    def target_minutes(self, value: int) -> None:
        self.set_value(self.TARGET_MINUTES, int(value))

    # -- files ---------------------------------------------------------
    @property
    def last_file(self) -> Path | None:
        value = self.value(self.LAST_FILE)
        return Path(value) if value else None

    @last_file.setter
    def last_file(self, value: Path | str | None) -> None:
        if not value:
            self.remove(self.LAST_FILE)
            return
        text = str(Path(value).resolve())
        self.set_value(self.LAST_FILE, text)
        recent = [text] + [item for item in self.value(self.RECENT_FILES) if item != text]
        self.set_value(self.RECENT_FILES, recent)

    @property
    def recent_files(self) -> list[Path]:
        """Most recent first; files that vanished are left out."""
        return [Path(item) for item in self.value(self.RECENT_FILES) if Path(item).is_file()]

    # -- programmes ----------------------------------------------------
    def programme_override(self, notes_path: Path | str):
        """What the user entered about the programme of ``notes_path`` (an empty override when nothing)."""
        from studyreader.programme import ProgrammeOverride

        stored = self.value(self.PROGRAMME_OVERRIDES).get(str(Path(notes_path).resolve()))
        return ProgrammeOverride.from_dict(stored) if stored else ProgrammeOverride()

    def set_programme_override(self, notes_path: Path | str, override) -> None:
        """Keep ``override`` (a ``ProgrammeOverride``) for ``notes_path``; an empty one forgets it."""
        table = dict(self.value(self.PROGRAMME_OVERRIDES))
        key = str(Path(notes_path).resolve())
        if override.is_empty():
            table.pop(key, None)
        else:
            table[key] = override.to_dict()
        self.set_value(self.PROGRAMME_OVERRIDES, table)

    # -- window --------------------------------------------------------
    @property
    def geometry(self) -> QByteArray:
        return QByteArray(self.value(self.GEOMETRY))

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.set_value(self.GEOMETRY, value)

    @property
    def window_state(self) -> QByteArray:
        return QByteArray(self.value(self.WINDOW_STATE))

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self.set_value(self.WINDOW_STATE, value)

    def splitter_state(self, name: str) -> QByteArray:
        """The saved sizes of splitter ``name`` ("main", "editor"); empty when never saved."""
        return QByteArray(self.value(f"splitters/{name}"))

    def set_splitter_state(self, name: str, value: QByteArray) -> None:
        self.set_value(f"splitters/{name}", value)

    def pane_visible(self, name: str) -> bool:
        """Whether a side pane ("navigator", "glossary") was shown when the window last closed."""
        return self.value(f"panes/{name}")

    def set_pane_visible(self, name: str, visible: bool) -> None:
        self.set_value(f"panes/{name}", bool(visible))

    @property
    def editor_visible(self) -> bool:
        return self.value(self.EDITOR_VISIBLE)

    @editor_visible.setter
    def editor_visible(self, value: bool) -> None:
        self.set_value(self.EDITOR_VISIBLE, bool(value))
