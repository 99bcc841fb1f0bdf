"""Core messages as values: every code the core produces is declared, its English is the command line's,
and a message survives the start-up cache's storage."""

from __future__ import annotations

import marshal
import re
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from studyreader.messages import ENGLISH, LIST, Message, from_plain, joined, message, to_plain
from studyreader.notes import parse_notes
from studyreader.notes.frontmatter import resolve_timezone
from studyreader.programme.forecast import will_it_count
from tests.support.cli_child import run_cli

SRC = Path(__file__).resolve().parents[1] / "src" / "studyreader"
_PREFIXES = ("notes|bot|zone|verdict|forecast|file|region|write|reason|glossary|cache"
             "|kind|draft|settings|model|db|action|study|review|anki|override")
_CODE = re.compile(rf"""["']((?:{_PREFIXES})\.[a-z_]+)["']""")

NOTES = (
    "<!-- Content_START -->\n"
    "### 2025.01.06\n今天学习了排序器和欺诈证明的基本原理。\n"
    "### 2025.01.07\n\n"
    "### 2025.01.06\n又写了一次\n"
    "### 2025.02.30\nx\n"
    "```\n"
    "<!-- Content_END -->\n"
)


def core_codes() -> set[str]:
    """Every message code named in the core's sources (the window's code is not the core)."""
    codes: set[str] = set()
    for path in SRC.rglob("*.py"):
        if "ui" in path.relative_to(SRC).parts or path.name == "messages.py":
            continue
        codes.update(_CODE.findall(path.read_text(encoding="utf-8")))
    codes.discard("glossary.toml")  # the user glossary's file name, not a code
    codes -= {"model.bin", "settings.ini"}  # an Argos package's model file and the settings file, not codes
    return codes


def test_every_code_the_core_produces_is_declared_and_every_declared_code_is_produced():
    assert core_codes() == set(ENGLISH) - {LIST}


def test_an_undeclared_code_fails_at_once():
    with pytest.raises(KeyError, match="no.such"):
        Message("no.such")


def test_parser_warnings_keep_their_english_wording():
    notes = parse_notes(NOTES)
    assert [str(w) for w in notes.warnings] == [
        "line 10: a code block is never closed; the rest of the file is read as code",
        "line 8: '### 2025.02.30' names an impossible date; not read as an entry",
        "line 4: the entry for 2025-01-07 is empty",
        "line 6: 2025-01-06 is a duplicate of the entry on line 2",
        "line 6: 2025-01-06 is out of date order (after 2025-01-07 on line 4)",
    ]
    assert all(isinstance(w, Message) for w in notes.warnings)
    assert notes.warnings[2] == message("notes.empty_entry", line=4, date="2025-01-07")


def test_a_bad_time_zone_warning_keeps_its_wording():
    choice = resolve_timezone("Mars/Olympus")
    assert choice.warning.code == "notes.bad_timezone"
    assert str(choice.warning) == (
        f"timezone 'Mars/Olympus' in the front matter is not a known time zone; "
        f"using the computer's zone ({choice.tz})"
    )


def test_a_will_it_count_line_joins_its_parts_with_semicolons():
    clean = NOTES.replace("```\n", "")
    forecast = will_it_count(clean, "短", datetime(2025, 1, 9, 4, tzinfo=timezone.utc), day=date(2025, 1, 7),
                             replace=True)
    assert forecast.line.code == LIST
    assert str(forecast.line) == (
        "won't count: line 7 '### 2025.01.06' looks like a date heading to the bot and cuts the entry short "
        "(1 of 11 characters); 2025-01-07 is already over in the bot's zone (Asia/Shanghai): the bot's today is "
        "2025-01-09, so this fills a past day (the bot re-reads it on its next run) and 2025-01-09 still needs "
        "its own entry"
    )


def test_a_message_survives_marshal_as_plain_values():
    nested = message("verdict.eliminated_on", day="2025-01-08", reason=joined(
        message("bot.found", chars=3, matched="### 1.8", line=7), message("bot.no_year", style="m.d")))
    stored = marshal.loads(marshal.dumps(to_plain(nested)))
    assert from_plain(stored) == nested
    assert hash(from_plain(stored)) == hash(nested)
    assert str(from_plain(stored)) == (
        "eliminated on 2025-01-08: 3 characters after '### 1.8' (line 7); "
        "the heading has no year (year-less m.d): the bot takes it for any year"
    )
    with pytest.raises(KeyError):
        from_plain(("no.such", ()))


def test_the_command_line_speaks_english_under_a_chinese_locale(tmp_path, monkeypatch):
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    result, _modules = run_cli(["entries", str(notes)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"{notes}: line 4: the entry for 2025-01-07 is empty" in result.stderr
    result, _modules = run_cli(["status", str(notes)], tmp_path)
    assert "would count: 19 characters after '### 2025.01.06' (line 2)" in result.stdout, result.stdout
