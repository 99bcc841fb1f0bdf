"""What ``studyreader programme FILE`` prints: the programme found and where each value came from."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from studyreader.programme.botzone import BotZone, bot_zone
from studyreader.programme.detect import detect_programme
from studyreader.programme.model import Detection, ProgrammeOverride
from studyreader.programme.status import generation_of, read_notes_text


def _zones(path: Path, detection: Detection) -> tuple[BotZone, str | None]:
    """The bot's zone for the file, and a sentence when StudyReader's own reading of it differs now."""
    from studyreader.notes import parse_notes

    text = read_notes_text(path)
    zone = bot_zone(text, generation_of(detection.programme))
    notes = parse_notes(text, path)
    now = datetime.now(timezone.utc)
    if notes.tz.utcoffset(now) != zone.tz.utcoffset(now):
        return zone, (
            f"time zone: StudyReader dates new entries in {notes.tz_name} but the bot judges days in {zone.name}"
        )
    return zone, None


def programme_report_json(path: Path, override: ProgrammeOverride | None = None) -> dict[str, Any]:
    detection = detect_programme(path, override)
    zone, zone_disagreement = _zones(path, detection)
    programme = detection.programme
    result: dict[str, Any] = {
        "file": str(detection.notes_path),
        "programme": None,
        "reason": detection.reason or None,
        "findings": list(detection.findings),
        "timezone": {"name": zone.name, "line": zone.line, "readable": zone.readable, "note": str(zone.note)},
    }
    if programme is None:
        return result
    disagreements = list(programme.disagreements) + ([zone_disagreement] if zone_disagreement else [])
    result["programme"] = {
        "root": str(programme.root) if programme.root else None,
        "readme": str(programme.readme) if programme.readme else None,
        "script": str(programme.script) if programme.script else None,
        "start": programme.start.to_json(),
        "end": programme.end.to_json(),
        "allowance": programme.allowance.to_json(),
        "generation": programme.generation.to_json(),
        "participant": programme.participant,
        "row": None if programme.row is None else {
            "name": programme.row.name,
            "line": programme.row.line,
            "cells": {day.isoformat(): cell for day, cell in zip(programme.row.dates, programme.row.cells)},
        },
        "disagreements": disagreements,
        "notes": list(programme.notes),
    }
    return result


def programme_report(path: Path, override: ProgrammeOverride | None = None) -> str:
    detection = detect_programme(path, override)
    zone, zone_disagreement = _zones(path, detection)
    programme = detection.programme
    lines = [f"{detection.notes_path}"]
    if programme is None:
        lines.append(f"  no programme: {detection.reason}")
        lines.extend(f"  - {finding}" for finding in detection.findings)
        lines.append("  StudyReader shows only whether each dated entry would count (nothing is missed or ❌).")
        lines.append(f"  time zone: {zone.note}")
        return "\n".join(lines)
    if programme.readme:
        lines.append(f"  programme: {programme.readme}")
    for finding in detection.findings[:1]:
        lines.append(f"  found in: {finding}")
    rows = (
        ("study start", programme.start),
        ("study end", programme.end),
        ("leave allowance", programme.allowance),
        ("rule generation", programme.generation),
    )
    for label, sourced in rows:
        value = sourced.value.isoformat() if isinstance(sourced.value, date) else sourced.value
        lines.append(f"  {label + ':':<17}{value}    [{sourced.where()}]")
    lines.append(f"  {'time zone:':<17}{zone.name}    [{zone.note}]")
    if programme.row is not None:
        cells = " ".join(cell or "·" for cell in programme.row.cells)
        counts = {mark: programme.row.cells.count(mark) for mark in ("✅", "⭕️", "❌")}
        lines.append(
            f"  {'bot table row:':<17}{programme.row.name}    [{programme.readme}:{programme.row.line}]"
        )
        lines.append(f"  {'':<17}{cells}")
        lines.append(f"  {'':<17}✅ {counts['✅']}  ⭕️ {counts['⭕️']}  ❌ {counts['❌']}")
    else:
        lines.append(f"  {'bot table row:':<17}none yet for {programme.participant!r}")
    disagreements = list(programme.disagreements) + ([zone_disagreement] if zone_disagreement else [])
    for item in disagreements:
        lines.append(f"  disagreement: {item}")
    for item in programme.notes:
        lines.append(f"  note: {item}")
    return "\n".join(lines)
