"""The verdicts the command line and the window show for a notes file: the bot's, under the detected programme.

Inside a programme every programme day gets the bot's mark and a reason. Outside one (the bundled
sample, a loose file) there are no programme days, so nothing can be missed or eliminated: each dated
entry only says whether the bot would count it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path

from studyreader.messages import message
from studyreader.programme.botread import explain, read_days
from studyreader.programme.botzone import BotZone, zone_for
from studyreader.programme.detect import DEFAULT_ALLOWANCE, detect_programme
from studyreader.programme.model import NEWER, Detection, Programme, ProgrammeOverride, Sourced
from studyreader.programme.verdicts import BLANK, DONE, MISSED, DayVerdict, bot_verdicts, day_bounds


@dataclass(frozen=True)
class Status:
    detection: Detection
    zone: BotZone
    verdicts: list[DayVerdict]
    in_programme: bool

    @property
    def programme(self) -> Programme | None:
        return self.detection.programme


def read_notes_text(path: Path) -> str:
    """The notes text as the bot reads it (UTF-8), refusing what the notes core refuses."""
    from studyreader.notes.encoding import decode_notes, read_notes_bytes

    return decode_notes(read_notes_bytes(path), path).text


def generation_of(programme: Programme | None) -> str:
    return programme.generation.value if programme is not None else NEWER


def entry_judgements(text: str, notes_dates: list[date], zone: BotZone, now: datetime) -> list[DayVerdict]:
    """Outside a programme: whether the bot would count each dated entry (never missed, never ❌)."""
    verdicts: list[DayVerdict] = []
    readings = read_days(text, sorted(set(notes_dates)), NEWER)
    heading_lines = {reading.heading_line for reading in readings.values() if reading.found}
    for day, reading in readings.items():
        reason = explain(reading, heading_lines)
        if reading.counts:
            verdicts.append(DayVerdict(day, DONE, "done", message("verdict.would_count", reason=reason)))
            continue
        _, end = day_bounds(day, zone.tz)
        if now < end:
            verdicts.append(DayVerdict(day, BLANK, "pending", message("verdict.would_not_count_yet", reason=reason)))
        else:
            verdicts.append(DayVerdict(day, MISSED, "missed", message("verdict.would_not_count", reason=reason)))
    return verdicts


def status_for(
    path: Path | str,
    now: datetime | None = None,
    *,
    start: date | None = None,
    end: date | None = None,
    override: ProgrammeOverride | None = None,
) -> Status:
    """The bot's verdicts for a notes file; ``start``/``end`` replace the detected study period."""
    from studyreader.notes import parse_notes

    path = Path(path)
    now = now or datetime.now(timezone.utc)
    text = read_notes_text(path)
    override = override or ProgrammeOverride()
    if start or end:
        override = replace(override, start=start or override.start, end=end or override.end, disabled=False)
    detection = detect_programme(path, override)
    programme = detection.programme
    if programme is None and (start or end):
        programme = _programme_from_entries(text, path, start, end)
        detection = detection.with_programme(programme)
    generation = generation_of(programme)
    zone = zone_for(text, generation, override.timezone)
    if programme is None:
        dates = _main_dates(entry.date for entry in parse_notes(text, path).entries)
        return Status(detection, zone, entry_judgements(text, dates, zone, now), False)
    verdicts = bot_verdicts(
        text, programme.start.value, programme.end.value, generation, programme.allowance.value, now, zone
    )
    return Status(detection, zone, verdicts, True)


def _main_dates(dates) -> list[date]:
    """The entries' dates without typo years far from the rest (the parser warns about those)."""
    from studyreader.notes.dates import main_date_span

    dates = list(dates)
    span = main_date_span(dates)
    return [day for day in dates if span is not None and span[0] <= day <= span[1]]


def _programme_from_entries(text: str, path: Path, start: date | None, end: date | None) -> Programme | None:
    """A period given only in part on the command line: the other end from the first or last entry."""
    from studyreader.notes import NotesError, parse_notes

    dates = sorted(_main_dates(entry.date for entry in parse_notes(text, path).entries))
    given = "--start/--end"
    first = Sourced(start, None, None, given) if start else (Sourced(dates[0], path, None, "first dated entry")
                                                              if dates else None)
    last = Sourced(end, None, None, given) if end else (Sourced(dates[-1], path, None, "last dated entry")
                                                         if dates else None)
    if first is None or last is None:
        return None
    if last.value < first.value:
        raise NotesError(f"{path}: the programme would end ({last.value}) before it starts ({first.value})")
    return Programme(
        root=None,
        readme=None,
        start=first,
        end=last,
        allowance=Sourced(DEFAULT_ALLOWANCE, None, None, "the bot's default"),
        generation=Sourced(NEWER, None, None, "the current template's rules"),
    )
