"""The time zone the programme's bot judges a notes file in.

The bot reads only a YAML-style ``timezone:`` line directly after a ``---`` line and directly before
the closing ``---``; anything it cannot read means Asia/Shanghai, never the computer's zone. The older
script knows IANA names and ``XXX±H`` (any three letters, whole hours); the newer one also knows
``UTC±H:MM``, ``UTC±HHMM`` and decimal hours (``UTC+5.5``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from studyreader.messages import Message, message
from studyreader.programme.model import OLDER, OverrideError

DEFAULT_ZONE = "Asia/Shanghai"

_OLDER_LINE = re.compile(r"---\s*\ntimezone:\s*(\S+)\s*\n---")
_NEWER_LINE = re.compile(r"---\s*\ntimezone:\s*([^\n]+)\s*\n---")
_OFFSET = re.compile(r"^(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$")
_DECIMAL = re.compile(r"^(?:UTC|GMT)\s*([+-])\s*(\d{1,2})\.(\d+)$")
_ANY_ZONE_LINE = re.compile(r"^[ \t>*-]*(?:time[ _-]?zone|时区)\s*[:：]\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class BotZone:
    tz: tzinfo
    name: str
    line: int | None  # the line the bot read, if any
    readable: bool  # False: a zone was written but the bot could not read it
    note: Message  # one sentence for the user


@lru_cache(maxsize=1)
def _zones_by_folded_name() -> dict[str, str]:
    zones = {name.lower(): name for name in available_timezones()}
    zones.setdefault("utc", "UTC")
    return zones


def _named_zone(value: str) -> tzinfo | None:
    """An IANA name, matched without regard to case as the bot's zone library does."""
    name = _zones_by_folded_name().get(value.lower())
    if name is None:
        return None
    return timezone.utc if name == "UTC" else ZoneInfo(name)


def _fixed(minutes: int) -> tzinfo | None:
    if abs(minutes) >= 24 * 60:
        return None
    return timezone(timedelta(minutes=minutes))


def _older_zone(value: str) -> tzinfo | None:
    named = _named_zone(value)
    if named is not None:
        return named
    try:
        hours = int(value[3:])  # the older script drops three characters and reads whole hours
    except ValueError:
        return None
    return _fixed(hours * 60)


def _newer_zone(value: str) -> tzinfo | None:
    named = _named_zone(value)
    if named is not None:
        return named
    text = value.strip().upper().replace("UTC ", "UTC").replace("GMT ", "GMT")
    if text in ("UTC", "GMT", "Z"):
        return timezone.utc
    found = _OFFSET.match(text)
    if found:
        minutes = int(found.group(2)) * 60 + int(found.group(3) or 0)
        return _fixed(minutes if found.group(1) == "+" else -minutes)
    found = _DECIMAL.match(text)
    if found:
        minutes = int(found.group(2)) * 60 + int(round(float("0." + found.group(3)) * 60))
        return _fixed(minutes if found.group(1) == "+" else -minutes)
    return None


def zone_from_value(value: str, generation: str) -> tzinfo | None:
    """The zone the bot makes of a ``timezone:`` value, or None when it falls back to Asia/Shanghai."""
    return _older_zone(value) if generation == OLDER else _newer_zone(value.strip())


def zone_for(text: str, generation: str, chosen: str | None = None) -> BotZone:
    """The bot's zone, or the zone the user chose in the Settings (``chosen``: an IANA name or ``UTC+8``)."""
    if not chosen:
        return bot_zone(text, generation)
    zone = zone_from_value(chosen, "newer")
    if zone is None:
        raise OverrideError(message("override.bad_zone", value=chosen))
    return BotZone(zone, chosen, None, True, message("zone.settings", zone=chosen))


def bot_zone(text: str, generation: str) -> BotZone:
    """The zone the bot of ``generation`` judges this notes text in, and how it came to it."""
    pattern = _OLDER_LINE if generation == OLDER else _NEWER_LINE
    found = pattern.search(text)
    default = ZoneInfo(DEFAULT_ZONE)
    if found:
        value = found.group(1).strip()
        line = text.count("\n", 0, found.start(1)) + 1
        zone = zone_from_value(value, generation)
        if zone is not None:
            return BotZone(zone, value, line, True, message("zone.reads", value=value, line=line))
        return BotZone(
            default, DEFAULT_ZONE, line, False,
            message("zone.unreadable", value=value, line=line, default=DEFAULT_ZONE),
        )
    other = _ANY_ZONE_LINE.search(text)
    if other:
        line = text.count("\n", 0, other.start()) + 1
        return BotZone(
            default, DEFAULT_ZONE, None, False,
            message("zone.other_line", line=line, text=other.group(0).strip(), default=DEFAULT_ZONE),
        )
    return BotZone(default, DEFAULT_ZONE, None, True, message("zone.default", default=DEFAULT_ZONE))
