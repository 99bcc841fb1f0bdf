"""The core's messages (:mod:`studyreader.messages`) in the interface language.

Every code the core can produce has its template here, in English exactly as the command line says
it (a test holds the two together), translated in the "Messages" context of the .ts files.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from studyreader.messages import Message

_SEPARATOR = QT_TRANSLATE_NOOP("Messages", "; ")  # between the parts of a reason

TEMPLATES: dict[str, str] = {
    "notes.unclosed_fence": QT_TRANSLATE_NOOP(
        "Messages", "line {line}: a code block is never closed; the rest of the file is read as code"),
    "notes.impossible_date": QT_TRANSLATE_NOOP(
        "Messages", "line {line}: {heading!r} names an impossible date; not read as an entry"),
    "notes.far_date": QT_TRANSLATE_NOOP(
        "Messages",
        "line {line}: {date} is far from the file's other dates ({first} to {last}), "
        "so it is left out of the programme; is the year a typo?"),
    "notes.duplicate": QT_TRANSLATE_NOOP(
        "Messages", "line {line}: {date} is a duplicate of the entry on line {first_line}"),
    "notes.empty_entry": QT_TRANSLATE_NOOP("Messages", "line {line}: the entry for {date} is empty"),
    "notes.out_of_order": QT_TRANSLATE_NOOP(
        "Messages", "line {line}: {date} is out of date order (after {previous} on line {previous_line})"),
    "notes.bad_timezone": QT_TRANSLATE_NOOP(
        "Messages",
        "timezone {value!r} in the front matter is not a known time zone; using the computer's zone ({local})"),
    "bot.no_heading": QT_TRANSLATE_NOOP("Messages", "no heading the bot reads as {day}"),
    "bot.found": QT_TRANSLATE_NOOP("Messages", "{chars} characters after {matched!r} (line {line})"),
    "bot.cut_short": QT_TRANSLATE_NOOP(
        "Messages", "cut short at line {line} by {text!r}, which the bot reads as a date heading"),
    "bot.counts_with_comments": QT_TRANSLATE_NOOP(
        "Messages",
        "counts only because the bot also counts HTML comments such as the DAILY_CHECKIN marker "
        "({without} of {needed} characters without them)"),
    "bot.too_short": QT_TRANSLATE_NOOP("Messages", "too short: {chars} of {needed} characters"),
    "bot.any_character": QT_TRANSLATE_NOOP(
        "Messages", "the bot's pattern reads '.' as any character, so {literal!r} passes for {pattern!r}"),
    "bot.inside_line": QT_TRANSLATE_NOOP(
        "Messages", "{matched!r} is inside a line, not a heading; the bot does not look at line starts"),
    "bot.longer_number": QT_TRANSLATE_NOOP("Messages", "{matched!r} is only the start of a longer number ({line!r})"),
    "bot.no_year": QT_TRANSLATE_NOOP("Messages", "the heading has no year ({style}): the bot takes it for any year"),
    "zone.settings": QT_TRANSLATE_NOOP(
        "Messages", "time zone {zone} from the Settings (the notes' own line is not read)"),
    "zone.reads": QT_TRANSLATE_NOOP("Messages", "the bot reads timezone {value!r} on line {line}"),
    "zone.unreadable": QT_TRANSLATE_NOOP(
        "Messages", "the bot cannot read timezone {value!r} on line {line}, so it judges the days in {default}"),
    "zone.other_line": QT_TRANSLATE_NOOP(
        "Messages",
        "the bot does not read line {line} ({text!r}): it reads only a 'timezone:' line "
        "between '---' lines, so it judges the days in {default}"),
    "zone.default": QT_TRANSLATE_NOOP("Messages", "no 'timezone:' front matter: the bot uses {default}"),
    "verdict.eliminated_on": QT_TRANSLATE_NOOP("Messages", "eliminated on {day}: {reason}"),
    "verdict.not_reached": QT_TRANSLATE_NOOP("Messages", "not reached yet in the bot's zone ({zone}): {reason}"),
    "verdict.today": QT_TRANSLATE_NOOP("Messages", "today in the bot's zone ({zone}), until {until}: {reason}"),
    "verdict.eliminated_cycle": QT_TRANSLATE_NOOP(
        "Messages",
        "{misses} misses in the cycle {first} – {last} (7-day cycles from {start}), allowance {allowance}: {reason}"),
    "verdict.eliminated_week": QT_TRANSLATE_NOOP(
        "Messages",
        "{misses} misses in the week {first} – {last} (Monday to Sunday), "
        "allowance {allowance} (the older bot's fixed allowance): {reason}"),
    "verdict.older_same_day": QT_TRANSLATE_NOOP(
        "Messages",
        "the older bot takes every programme day numbered {number} for today "
        "(it compares only the day of the month): {reason}"),
    "verdict.no_file": QT_TRANSLATE_NOOP("Messages", "the bot finds no notes file for this row"),
    "verdict.would_count": QT_TRANSLATE_NOOP("Messages", "would count: {reason}"),
    "verdict.would_not_count_yet": QT_TRANSLATE_NOOP("Messages", "would not count yet: {reason}"),
    "verdict.would_not_count": QT_TRANSLATE_NOOP("Messages", "would not count: {reason}"),
    "forecast.cannot_save": QT_TRANSLATE_NOOP("Messages", "cannot be saved: {error}"),
    "forecast.no_entry": QT_TRANSLATE_NOOP("Messages", "won't count: there is no entry for {day}"),
    "forecast.unreadable_heading": QT_TRANSLATE_NOOP(
        "Messages",
        "won't count: the bot cannot read the date heading {heading!r} (line {line}) as {day}; write it as {fix}"),
    "forecast.counts": QT_TRANSLATE_NOOP("Messages", "counts: {reason}"),
    "forecast.cut_short": QT_TRANSLATE_NOOP(
        "Messages",
        "won't count: line {line} {text!r} looks like a date heading to the bot and "
        "cuts the entry short ({chars} of {needed} characters)"),
    "forecast.too_short": QT_TRANSLATE_NOOP("Messages", "won't count: too short ({chars} of {needed} characters)"),
    "forecast.not_programme_day": QT_TRANSLATE_NOOP("Messages", "{day} is not a programme day ({start} – {end})"),
    "forecast.late": QT_TRANSLATE_NOOP(
        "Messages",
        "{day} is already over in the bot's zone ({zone}): the bot's today is {today}, "
        "so this fills a past day (the bot re-reads it on its next run)"),
    "forecast.late_today_due": QT_TRANSLATE_NOOP(
        "Messages",
        "{day} is already over in the bot's zone ({zone}): the bot's today is {today}, "
        "so this fills a past day (the bot re-reads it on its next run) and {today} still needs its own entry"),
    "forecast.not_begun": QT_TRANSLATE_NOOP("Messages", "{day} has not begun in the bot's zone ({zone}) yet"),
}


def template(code: str) -> str:
    """A code's template in the interface language (KeyError: a code the window cannot word)."""
    return QCoreApplication.translate("Messages", TEMPLATES[code])


def worded(message: Message) -> str:
    """A core message in the interface language."""
    return message.worded(template, QCoreApplication.translate("Messages", _SEPARATOR))
