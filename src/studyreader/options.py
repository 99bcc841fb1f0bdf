"""Every setting of the app, declared once: key, type, default, allowed values; and the file they live in.

No Qt: the command line reads the same settings as the window. The Qt side
(:mod:`studyreader.ui.settings`) adapts this store to signals and Qt types. A key
that is not declared here is refused (``KeyError``), so a misspelt key fails a test
instead of quietly reading a default.

A hand-edited file may hold anything: a value that does not fit its declaration
reads as the default. Written values are checked: numbers are clamped into their
range, an unknown choice is a ``ValueError``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from studyreader import inifile, paths
from studyreader.errors import StudyReaderError, os_reason
from studyreader.messages import Message, message

_TRUE = ("true", "1", "yes", "on")
_FALSE = ("false", "0", "no", "off")


class SettingsError(StudyReaderError):
    """The settings file could not be written."""


# -- declarations ------------------------------------------------------------------------------

class Option:
    """One setting. ``decode`` turns what the file holds into the value (ValueError: use the default);
    ``encode`` checks a value before it is written and gives the text to write."""

    __slots__ = ("key", "default", "doc")

    def __init__(self, key: str, default: Any, doc: str = "") -> None:
        self.key = key
        self.default = default
        self.doc = doc

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.key!r}, default={self.default!r})"

    def decode(self, stored: inifile.Variant) -> Any:
        raise NotImplementedError

    def encode(self, value: Any) -> str | list[str]:
        raise NotImplementedError


def _text(stored: inifile.Variant) -> str:
    if not isinstance(stored, str):
        raise ValueError("not a text value")
    return stored.strip()


class BoolOption(Option):
    __slots__ = ()

    def decode(self, stored: inifile.Variant) -> bool:
        text = _text(stored).lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValueError(f"not a yes/no value: {text!r}")

    def encode(self, value: Any) -> str:
        return "true" if value else "false"


class IntOption(Option):
    """Whole numbers in ``minimum..maximum``; read outside the range: the default; written: clamped."""

    __slots__ = ("minimum", "maximum")

    def __init__(self, key: str, default: int, doc: str = "", *, minimum: int, maximum: int) -> None:
        super().__init__(key, default, doc)
        self.minimum = minimum
        self.maximum = maximum

    def decode(self, stored: inifile.Variant) -> int:
        number = int(_text(stored))
        if not self.minimum <= number <= self.maximum:
            raise ValueError(f"{number} outside {self.minimum}..{self.maximum}")
        return number

    def encode(self, value: Any) -> str:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{self.key}: a whole number is needed, not {value!r}")
        return str(max(self.minimum, min(self.maximum, value)))


class ChoiceOption(Option):
    __slots__ = ("choices",)

    def __init__(self, key: str, default: str, doc: str = "", *, choices: tuple[str, ...]) -> None:
        super().__init__(key, default, doc)
        self.choices = choices

    def decode(self, stored: inifile.Variant) -> str:
        text = _text(stored)
        if text not in self.choices:
            raise ValueError(f"not one of {self.choices}: {text!r}")
        return text

    def encode(self, value: Any) -> str:
        if value not in self.choices:
            raise ValueError(f"{self.key}: {value!r} is not one of {self.choices}")
        return value


class TextOption(Option):
    __slots__ = ()

    def decode(self, stored: inifile.Variant) -> str:
        if not isinstance(stored, str):
            raise ValueError("not a text value")
        return stored

    def encode(self, value: Any) -> str:
        if not isinstance(value, str):
            raise TypeError(f"{self.key}: text is needed, not {value!r}")
        return value


class TimeOption(Option):
    """A time of day, written ``HH:MM``."""

    __slots__ = ()

    def decode(self, stored: inifile.Variant) -> dt.time:
        hours, colon, minutes = _text(stored).partition(":")
        if not (colon and hours.isdigit() and len(minutes) == 2 and minutes.isdigit()):
            raise ValueError("not HH:MM")
        return dt.time(int(hours), int(minutes))

    def encode(self, value: Any) -> str:
        if not isinstance(value, dt.time):
            raise TypeError(f"{self.key}: a time of day is needed, not {value!r}")
        return f"{value.hour:02d}:{value.minute:02d}"


class DateOption(Option):
    """A calendar day, written ``YYYY-MM-DD``; the default is None (never)."""

    __slots__ = ()

    def decode(self, stored: inifile.Variant) -> dt.date:
        return dt.date.fromisoformat(_text(stored))

    def encode(self, value: Any) -> str:
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise TypeError(f"{self.key}: a date is needed, not {value!r}")
        return value.isoformat()


class BytesOption(Option):
    """Binary state (window geometry, splitter sizes), written as base64 text; QSettings'
    ``@ByteArray(...)`` is read too."""

    __slots__ = ()

    def decode(self, stored: inifile.Variant) -> bytes:
        if isinstance(stored, bytes):
            return stored
        try:
            return base64.b64decode(_text(stored), validate=True)
        except binascii.Error as error:
            raise ValueError(str(error)) from None

    def encode(self, value: Any) -> str:
        if not isinstance(value, (bytes, bytearray)):
            raise TypeError(f"{self.key}: bytes are needed, not {value!r}")
        return base64.b64encode(bytes(value)).decode("ascii")


class ListOption(Option):
    """A list of non-empty strings, at most ``max_items`` kept."""

    __slots__ = ("max_items",)

    def __init__(self, key: str, default: list[str], doc: str = "", *, max_items: int) -> None:
        super().__init__(key, default, doc)
        self.max_items = max_items

    def decode(self, stored: inifile.Variant) -> list[str]:
        if stored is None:
            return []
        items = [stored] if isinstance(stored, str) else stored
        if not isinstance(items, list):
            raise ValueError("not a list of text")
        return [item for item in items if item][: self.max_items]

    def encode(self, value: Any) -> list[str]:
        if isinstance(value, str) or not all(isinstance(item, str) for item in value):
            raise TypeError(f"{self.key}: a list of text is needed, not {value!r}")
        return [item for item in value if item][: self.max_items]


class ProgrammeOverridesOption(Option):
    """Per notes file (its resolved path), what the user entered about its programme: the plain dicts of
    ``studyreader.programme.ProgrammeOverride``, written as JSON. Each is checked when written (a bad
    date, allowance, rule generation or time zone is a ``ValueError`` naming it); a hand-edited entry
    that does not read is left out, the others are kept."""

    __slots__ = ()

    def decode(self, stored: inifile.Variant) -> dict[str, dict]:
        import json

        from studyreader.programme.model import ProgrammeOverride

        data = json.loads(_text(stored) or "{}")
        if not isinstance(data, dict):
            raise ValueError("not a table of notes files")
        kept = {}
        for path, value in data.items():
            try:
                kept[str(path)] = ProgrammeOverride.from_dict(value).to_dict()
            except (ValueError, TypeError, AttributeError):
                continue
        return kept

    def encode(self, value: Any) -> str:
        import json

        from studyreader.programme.model import ProgrammeOverride

        if not isinstance(value, dict):
            raise TypeError(f"{self.key}: a table of notes file -> override is needed, not {value!r}")
        checked = {}
        for path, override in value.items():
            if not isinstance(path, str) or not path:
                raise TypeError(f"{self.key}: {path!r} is not a notes file path")
            if not isinstance(override, dict):
                raise TypeError(f"{self.key}: the override of {path} must be a table, not {override!r}")
            parsed = ProgrammeOverride.from_dict(override)  # ValueError naming the bad value
            if not parsed.is_empty():
                checked[path] = parsed.to_dict()
        return json.dumps(checked, ensure_ascii=False, sort_keys=True)


LANGUAGE = ChoiceOption("ui/language", "", "interface language; '' follows the system", choices=("", "en", "zh_CN"))
THEME = ChoiceOption("ui/theme", "system", "colour theme", choices=("system", "light", "dark"))
SEEN_SCHEME = ChoiceOption(
    "ui/system_scheme_seen", "", "the desktop's scheme when the app last asked; '' never", choices=("", "light", "dark")
)
LAST_FILE = TextOption("files/last", "", "the notes file the window opened last")
RECENT_FILES = ListOption("files/recent", [], "notes files opened, most recent first", max_items=10)
REMINDER_ENABLED = BoolOption("study/reminder_enabled", True, "remind in the evening when nothing was studied")
REMINDER_TIME = TimeOption("study/reminder_time", dt.time(20, 0), "time of the reminder, in the notes' zone")
REMINDER_LAST = DateOption("study/reminder_last", None, "the day the reminder last went out")
DAILY_GOAL = IntOption(
    "study/daily_goal_minutes", 60, "minutes a day for the streak", minimum=5, maximum=600
)
TARGET_MINUTES = IntOption(
    "study/target_minutes", 90, "the evening's session target", minimum=15, maximum=240
)
CYCLES_ENABLED = BoolOption("study/cycles_enabled", False, "the timer alternates focus and break")
FOCUS_MINUTES = IntOption(
    "study/focus_minutes", 50, "focus phase of a cycle", minimum=5, maximum=180
)
BREAK_MINUTES = IntOption("study/break_minutes", 10, "break phase of a cycle", minimum=1, maximum=60)
READER_MODE = ChoiceOption(
    "reader/mode", "side", "how the reader shows the two languages", choices=("side", "interleaved", "zh", "en")
)
READER_ZOOM = IntOption("reader/zoom", 0, "zoom steps of the reader's text", minimum=-6, maximum=12)
GEOMETRY = BytesOption("window/geometry", b"", "the main window's size and place")
WINDOW_STATE = BytesOption("window/state", b"", "the main window's docks and toolbars")
EDITOR_VISIBLE = BoolOption("editor/visible", False, "the entry editor was open when the window closed")
MAIN_SPLITTER = BytesOption("splitters/main", b"", "widths of the navigator, reader and glossary")
EDITOR_SPLITTER = BytesOption("splitters/editor", b"", "the editor's text and preview sizes")
NAVIGATOR_VISIBLE = BoolOption("panes/navigator", True, "the navigator pane is shown")
GLOSSARY_VISIBLE = BoolOption("panes/glossary", True, "the glossary pane is shown")
EXPORT_FORMAT = ChoiceOption("export/format", "html", "File ▸ Export: the format chosen last",
                             choices=("html", "pdf", "md"))
EXPORT_LAYOUT = ChoiceOption("export/layout", "side", "File ▸ Export: the HTML/PDF layout chosen last",
                             choices=("side", "interleaved"))
EXPORT_FOLDER = TextOption("export/folder", "", "File ▸ Export: the folder written to last")
EXPORT_PAPER = ChoiceOption("export/paper", "auto", "File ▸ Export: the PDF paper chosen last (auto: from the locale)",
                            choices=("auto", "a4", "letter"))
PROGRAMME_OVERRIDES = ProgrammeOverridesOption(
    "programme/overrides", {}, "per notes file: the programme's start, end, allowance, rules and time zone as entered"
)

OPTIONS: dict[str, Option] = {
    option.key: option
    for option in (
        LANGUAGE, THEME, SEEN_SCHEME, LAST_FILE, RECENT_FILES, REMINDER_ENABLED, REMINDER_TIME, REMINDER_LAST,
        DAILY_GOAL, TARGET_MINUTES, CYCLES_ENABLED, FOCUS_MINUTES, BREAK_MINUTES, READER_MODE, READER_ZOOM,
        GEOMETRY, WINDOW_STATE, EDITOR_VISIBLE, MAIN_SPLITTER, EDITOR_SPLITTER, NAVIGATOR_VISIBLE, GLOSSARY_VISIBLE,
        PROGRAMME_OVERRIDES, EXPORT_FORMAT, EXPORT_LAYOUT, EXPORT_FOLDER, EXPORT_PAPER,
    )
}


def option(key: str) -> Option:
    """The declaration of ``key``; KeyError naming the key when it is not declared."""
    try:
        return OPTIONS[key]
    except KeyError:
        raise KeyError(f"{key!r} is not a declared setting (see studyreader.options.OPTIONS)") from None


# -- the file ------------------------------------------------------------------------------------

def settings_file() -> Path:
    return paths.config_dir() / "settings.ini"


_MISSING: Any = object()


class SettingsStore:
    """The settings file: read when opened, rewritten whole and atomically on every change.

    Keys the table does not declare (written by another version) are kept as they are. Before a
    write, a file changed by another process is read again, so its other values are not lost.
    A file that cannot be read leaves the defaults and says why in :attr:`problem`.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else settings_file()
        self.problem: Message | None = None
        self._entries: dict[str, str] = {}
        self._stamp: tuple[int, int, int] | None = None
        self.reload()

    def reload(self) -> None:
        """Read the file again (another process may have written it)."""
        self.problem = None
        try:
            info = self.path.stat()
            text = self.path.read_bytes().decode("utf-8", errors="surrogateescape")
        except FileNotFoundError:
            self._entries, self._stamp = {}, None
            return
        except OSError as error:
            self._entries, self._stamp = {}, None
            self.problem = message("settings.unreadable", path=str(self.path), reason=os_reason(error))
            return
        self._entries = inifile.parse(text)
        self._stamp = _stamp_of(info)

    def get(self, key: str, default: Any = _MISSING) -> Any:
        """The value of ``key``; its declared default (or ``default``) when unset or unusable."""
        declared = option(key)
        fallback = declared.default if default is _MISSING else default
        raw = self._entries.get(key)
        if raw is None:
            return _copy(fallback)
        try:
            return declared.decode(inifile.decode_value(raw))
        except (ValueError, TypeError):
            return _copy(fallback)

    def set(self, key: str, value: Any) -> bool:
        """Write ``value`` (checked against the declaration); False when the file already held it."""
        raw = inifile.encode_value(option(key).encode(value))
        self._reload_if_changed()
        if self._entries.get(key) == raw:
            return False
        self._entries[key] = raw
        self._write()
        return True

    def remove(self, key: str) -> bool:
        """Forget ``key`` (it reads as its default again); False when it was not set."""
        option(key)
        self._reload_if_changed()
        if self._entries.pop(key, None) is None:
            return False
        self._write()
        return True

    def keys(self) -> Iterator[str]:
        """The keys the file holds, declared or not."""
        return iter(list(self._entries))

    def _reload_if_changed(self) -> None:
        try:
            stamp = _stamp_of(self.path.stat())
        except OSError:
            stamp = None
        if stamp != self._stamp:
            self.reload()

    def _write(self) -> None:
        from studyreader.notes.atomic import atomic_write_bytes

        data = inifile.dump(self._entries).encode("utf-8", errors="surrogateescape")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, data)
            self._stamp = _stamp_of(self.path.stat())
        except OSError as error:
            raise SettingsError(message("settings.not_saved", path=str(self.path), reason=os_reason(error))) from error


def _stamp_of(info: os.stat_result) -> tuple[int, int, int]:
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return dict(value)
    return list(value) if isinstance(value, list) else value
