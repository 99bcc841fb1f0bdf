"""Typed access to the user's settings (QSettings, INI file in the config dir).

One small wrapper so that every widget reads the same keys with the same
defaults and types: INI files hand back strings, and a hand-edited file may
hold anything, so every getter falls back to its default on a bad value.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QSettings, QTime, Signal

from studyreader import paths

LANGUAGES = ("", "en", "zh_CN")  # "" = follow the system locale
THEMES = ("system", "light", "dark")

DEFAULT_TARGET_MINUTES = 90
TARGET_MINUTES_RANGE = (15, 240)
DEFAULT_DAILY_GOAL_MINUTES = 60
DAILY_GOAL_RANGE = (5, 600)
DEFAULT_REMINDER_TIME = QTime(20, 0)
RECENT_FILES_MAX = 10


def settings_file() -> Path:
    return paths.config_dir() / "settings.ini"


class Settings(QObject):
    """The app's settings; emits ``changed(key)`` after every write through it."""

    changed = Signal(str)

    # Keys, public so that tests and other modules never spell them twice.
    LANGUAGE = "ui/language"
    THEME = "ui/theme"
    SEEN_SCHEME = "ui/system_scheme_seen"
    LAST_FILE = "files/last"
    RECENT_FILES = "files/recent"
    REMINDER_ENABLED = "study/reminder_enabled"
    REMINDER_TIME = "study/reminder_time"
    DAILY_GOAL = "study/daily_goal_minutes"
    TARGET_MINUTES = "study/target_minutes"
    GEOMETRY = "window/geometry"
    WINDOW_STATE = "window/state"
    EDITOR_VISIBLE = "editor/visible"

    def __init__(self, path: Path | str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path) if path is not None else settings_file()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    # -- generic -------------------------------------------------------
    def value(self, key: str, default=None):
        return self._qs.value(key, default)

    def set_value(self, key: str, value) -> None:
        if self._qs.value(key) == value:
            return
        self._qs.setValue(key, value)
        self._qs.sync()
        self.changed.emit(key)

    def remove(self, key: str) -> None:
        self._qs.remove(key)
        self._qs.sync()
        self.changed.emit(key)

    def sync(self) -> None:
        self._qs.sync()

    def _int(self, key: str, default: int, lo: int, hi: int) -> int:
        try:
            number = int(self._qs.value(key, default))
        except (TypeError, ValueError):
            return default
        return number if lo <= number <= hi else default

    def _bool(self, key: str, default: bool) -> bool:
        raw = self._qs.value(key, default)
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str):
            if raw.lower() in ("true", "1", "yes", "on"):
                return True
            if raw.lower() in ("false", "0", "no", "off"):
                return False
        return default

    def _str(self, key: str, default: str = "") -> str:
        raw = self._qs.value(key, default)
        return raw if isinstance(raw, str) else default

    def _bytes(self, key: str) -> QByteArray:
        raw = self._qs.value(key)
        if isinstance(raw, QByteArray):
            return raw
        if isinstance(raw, (bytes, bytearray)):
            return QByteArray(bytes(raw))
        return QByteArray()

    # -- interface -----------------------------------------------------
    @property
    def language(self) -> str:
        """"" (system locale), "en" or "zh_CN"."""
        value = self._str(self.LANGUAGE)
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown interface language: {value!r}")
        self.set_value(self.LANGUAGE, value)

    @property
    def theme(self) -> str:
        """"system", "light" or "dark"."""
        value = self._str(self.THEME, "system")
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unknown theme: {value!r}")
        self.set_value(self.THEME, value)

    @property
    def seen_system_scheme(self) -> str:
        """The desktop's colour scheme ("light" or "dark") when the app last asked; "" never."""
        value = self._str(self.SEEN_SCHEME)
        return value if value in ("light", "dark") else ""

    @seen_system_scheme.setter
    def seen_system_scheme(self, value: str) -> None:
        self.set_value(self.SEEN_SCHEME, value)

    # -- study ---------------------------------------------------------
    @property
    def reminder_enabled(self) -> bool:
        return self._bool(self.REMINDER_ENABLED, True)

    @reminder_enabled.setter
    def reminder_enabled(self, value: bool) -> None:
        self.set_value(self.REMINDER_ENABLED, bool(value))

    @property
    def reminder_time(self) -> QTime:
        """Local time of day in the notes file's zone (default 20:00)."""
        raw = self._qs.value(self.REMINDER_TIME)
        if isinstance(raw, QTime) and raw.isValid():
            return raw
        if isinstance(raw, str):
            parsed = QTime.fromString(raw.strip(), "HH:mm")
            if parsed.isValid():
                return parsed
        return QTime(DEFAULT_REMINDER_TIME)

    @reminder_time.setter
    def reminder_time(self, value: QTime) -> None:
        if not value.isValid():
            raise ValueError("invalid reminder time")
        self.set_value(self.REMINDER_TIME, value.toString("HH:mm"))

    @property
    def daily_goal_minutes(self) -> int:
        """Minutes a day must reach to count towards the streak."""
        return self._int(self.DAILY_GOAL, DEFAULT_DAILY_GOAL_MINUTES, *DAILY_GOAL_RANGE)

    @daily_goal_minutes.setter
    def daily_goal_minutes(self, value: int) -> None:
        self.set_value(self.DAILY_GOAL, _clamp(int(value), *DAILY_GOAL_RANGE))

    @property
    def target_minutes(self) -> int:
        """The evening's session target for the timer."""
        return self._int(self.TARGET_MINUTES, DEFAULT_TARGET_MINUTES, *TARGET_MINUTES_RANGE)

    @target_minutes.setter
    def target_minutes(self, value: int) -> None:
        self.set_value(self.TARGET_MINUTES, _clamp(int(value), *TARGET_MINUTES_RANGE))

    # -- files ---------------------------------------------------------
    @property
    def last_file(self) -> Path | None:
        value = self._str(self.LAST_FILE)
        return Path(value) if value else None

    @last_file.setter
    def last_file(self, value: Path | str | None) -> None:
        if not value:
            self.remove(self.LAST_FILE)
            return
        text = str(Path(value).resolve())
        self.set_value(self.LAST_FILE, text)
        recent = [text] + [item for item in self.recent_files_raw() if item != text]
        self.set_value(self.RECENT_FILES, recent[:RECENT_FILES_MAX])

    def recent_files_raw(self) -> list[str]:
        raw = self._qs.value(self.RECENT_FILES, [])
        if isinstance(raw, str):
            raw = [raw]
        return [item for item in (raw or []) if isinstance(item, str) and item]

    @property
    def recent_files(self) -> list[Path]:
        """Most recent first; files that vanished are left out."""
        return [Path(item) for item in self.recent_files_raw() if Path(item).is_file()]

    # -- window --------------------------------------------------------
    @property
    def geometry(self) -> QByteArray:
        return self._bytes(self.GEOMETRY)

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.set_value(self.GEOMETRY, QByteArray(value))

    @property
    def window_state(self) -> QByteArray:
        return self._bytes(self.WINDOW_STATE)

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self.set_value(self.WINDOW_STATE, QByteArray(value))

    def splitter_state(self, name: str) -> QByteArray:
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, value: QByteArray) -> None:
        self.set_value(f"splitters/{name}", QByteArray(value))

    def pane_visible(self, name: str) -> bool:
        """Whether a side pane ("navigator", "glossary") was shown when the window last closed."""
        return self._bool(f"panes/{name}", True)

    def set_pane_visible(self, name: str, visible: bool) -> None:
        self.set_value(f"panes/{name}", bool(visible))

    @property
    def editor_visible(self) -> bool:
        return self._bool(self.EDITOR_VISIBLE, False)

    @editor_visible.setter
    def editor_visible(self, value: bool) -> None:
        self.set_value(self.EDITOR_VISIBLE, bool(value))


def _clamp(value: int, lo: int, hi: int) -> int:
    return max(lo, min(hi, value))


def __getattr__(name: str):
    # ``from studyreader.ui.settings import SettingsDialog`` works too (the dialog imports this module).
    if name == "SettingsDialog":
        from studyreader.ui.dialogs.settings_dialog import SettingsDialog

        return SettingsDialog
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
