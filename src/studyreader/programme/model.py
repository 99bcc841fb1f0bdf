"""What StudyReader knows about a co-learning programme: plain frozen data, each value with its source."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from studyreader.errors import StudyReaderError
from studyreader.messages import message

OLDER = "older"  # allowance fixed at 2, Monday-to-Sunday weeks (ZK's script)
NEWER = "newer"  # allowance read from the README, 7-day cycles from the start (the template's script)
GENERATIONS = (OLDER, NEWER)


class OverrideError(StudyReaderError, ValueError):
    """A programme override value that cannot be used (a ValueError too); the message names the key."""


@dataclass(frozen=True)
class Sourced:
    """A value and where it came from, so every figure shown can be checked by the user."""

    value: Any
    file: Path | None = None
    line: int | None = None
    how: str = ""  # e.g. "## 共学时间, 开始时间", "table header", "Settings override"

    def where(self) -> str:
        place = ""
        if self.file is not None:
            place = f"{self.file}:{self.line}" if self.line else str(self.file)
        if self.how and place:
            return f"{place} ({self.how})"
        return place or self.how

    def to_json(self) -> dict[str, Any]:
        value = self.value.isoformat() if isinstance(self.value, date) else self.value
        return {"value": value, "file": str(self.file) if self.file else None, "line": self.line, "how": self.how}


@dataclass(frozen=True)
class TableRow:
    """The participant's row of the bot's table: its last published verdicts."""

    name: str
    line: int
    cells: tuple[str, ...]  # one mark per table column: "✅", "⭕️", "❌" or ""
    dates: tuple[date, ...]  # the table's column dates

    def mark_for(self, day: date) -> str | None:
        for column, cell in zip(self.dates, self.cells):
            if column == day:
                return cell
        return None


@dataclass(frozen=True)
class Programme:
    """A programme as detected (or entered by the user). ``None`` fields are unknown."""

    root: Path | None
    readme: Path | None
    start: Sourced
    end: Sourced
    allowance: Sourced
    generation: Sourced
    participant: str | None = None
    row: TableRow | None = None
    script: Path | None = None
    disagreements: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # other findings worth telling (a value the bot ignores, a guess)
    timezone: str | None = None  # the zone the user chose in the Settings (else: the bot's reading of the notes)

    @property
    def dates(self) -> list[date]:
        start, end = self.start.value, self.end.value
        return [start + timedelta(days=offset) for offset in range((end - start).days + 1)]


@dataclass(frozen=True)
class ProgrammeOverride:
    """What the user entered for one notes file; stored as a plain dict by the settings.

    ``disabled`` says "this file is in no programme" (no verdicts beyond whether entries count);
    ``timezone`` replaces the zone the bot reads from the notes (an IANA name or ``UTC+8``).
    """

    start: date | None = None
    end: date | None = None
    allowance: int | None = None
    generation: str | None = None
    participant: str | None = None
    disabled: bool = False
    timezone: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "allowance": self.allowance,
            "generation": self.generation,
            "participant": self.participant,
            "disabled": self.disabled,
            "timezone": self.timezone,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProgrammeOverride:
        """Read what ``to_dict`` stored; a bad value raises ValueError naming the key."""

        def day(key: str) -> date | None:
            value = data.get(key)
            if value in (None, ""):
                return None
            try:
                return date.fromisoformat(str(value))
            except ValueError:
                raise OverrideError(message("override.bad_date", key=key, value=value)) from None

        allowance = data.get("allowance")
        if allowance not in (None, "") and (not isinstance(allowance, int) or allowance < 0):
            raise OverrideError(message("override.bad_allowance", value=allowance))
        generation = data.get("generation") or None
        if generation is not None and generation not in GENERATIONS:
            raise OverrideError(message("override.bad_generation", value=generation, known=", ".join(GENERATIONS)))
        timezone = str(data.get("timezone") or "").strip() or None
        if timezone is not None:
            from studyreader.programme.botzone import zone_for

            zone_for("", "newer", timezone)  # ValueError naming the key when it is not a zone
        return cls(
            timezone=timezone,
            start=day("start"),
            end=day("end"),
            allowance=allowance if allowance not in (None, "") else None,
            generation=generation,
            participant=data.get("participant") or None,
            disabled=bool(data.get("disabled", False)),
        )

    def is_empty(self) -> bool:
        return self == ProgrammeOverride()


@dataclass(frozen=True)
class Detection:
    """The outcome of looking for a programme around a notes file."""

    notes_path: Path
    programme: Programme | None
    root: Path | None = None  # the folder looked at (git work tree or the README's folder)
    reason: str = ""  # why there is no programme, when there is none
    findings: tuple[str, ...] = field(default_factory=tuple)

    def with_programme(self, programme: Programme | None) -> Detection:
        return replace(self, programme=programme)
