"""The core's messages (:mod:`studyreader.messages`) in the interface language.

Every code the core can produce has its template here, in English exactly as the command line says
it (a test holds the two together), translated in the "Messages" context of the .ts files.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from studyreader.errors import StudyReaderError
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
    "file.wide_encoding": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: the file is UTF-16 encoded, not "
        "UTF-8; save it as UTF-8 and try again"),
    "file.binary": QT_TRANSLATE_NOOP("Messages", "{path}: this looks like a binary file, not Markdown notes"),
    "file.not_unicode": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: the file is not valid UTF-8 "
        "(first bad byte on line {line})."),
    "file.not_unicode_gbk": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: the file is not valid UTF-8 (first bad byte on line {line}). It looks like GBK "
        "(GB18030) encoded Chinese: convert it to UTF-8 first, e.g. iconv -f GBK -t UTF-8."),
    "file.missing": QT_TRANSLATE_NOOP("Messages", "{path}: no such file"),
    "file.folder": QT_TRANSLATE_NOOP("Messages", "{path}: is a folder, not a notes file"),
    "file.special": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: is not a regular file ({kind}); "
        "only a regular file can be a notes file"),
    "file.read_denied": QT_TRANSLATE_NOOP("Messages", "{path}: permission denied while reading"),
    "file.unreadable": QT_TRANSLATE_NOOP("Messages", "{path}: cannot be read ({reason})"),
    "region.missing": QT_TRANSLATE_NOOP(
        "Messages",
        "no <!-- Content_START --> … <!-- Content_END --> marker pair "
        "(or any <!-- NAME_START --> … <!-- NAME_END --> pair)"),
    "region.end_first": QT_TRANSLATE_NOOP(
        "Messages",
        "the end marker <!-- {name}_END --> (line {line}) comes "
        "before its start marker <!-- {name}_START -->"),
    "write.nul": QT_TRANSLATE_NOOP(
        "Messages",
        "the text contains a NUL character (binary data?), "
        "which would make the notes file unreadable"),
    "write.empty": QT_TRANSLATE_NOOP("Messages", "the text is empty: there is nothing to write"),
    "write.marker": QT_TRANSLATE_NOOP(
        "Messages",
        "the text, line {line}: contains a marker comment "
        "({marker}), which would break the notes file"),
    "write.dated_heading": QT_TRANSLATE_NOOP(
        "Messages",
        "the text, line {line}: contains a dated heading "
        "({heading}); write one day's entry at a time"),
    "write.open_fence": QT_TRANSLATE_NOOP("Messages", "the text: a code block (```) is opened but never closed"),
    "write.no_region": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: {problem}; StudyReader writes "
        "entries only between such markers"),
    "write.no_place": QT_TRANSLATE_NOOP("Messages", "{path}: could not find a safe place for the entry of {day}"),
    "write.read_only_fs": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: is on a read-only file system; "
        "nothing can be saved there"),
    "write.not_writable": QT_TRANSLATE_NOOP("Messages", "{path}: the file is not writable (permission denied)"),
    "write.folder_not_writable": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: its folder {folder} is not writable, "
        "so the file cannot be replaced safely"),
    "write.failed": QT_TRANSLATE_NOOP("Messages", "{path}: could not be saved ({reason}); the file was not changed"),
    "write.entry_changed": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: the entry for {day} was changed by another "
        "program since it was read; nothing was written"),
    "write.kept_changing": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: kept changing while it was being saved "
        "({tries} tries); nothing was written"),
    "write.locked": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: another StudyReader has kept this file locked "
        "for over {seconds} s; nothing was written"),
    "write.interrupted": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: could not be saved (an interrupted save left the old text in {backup}; compare the two, "
        "keep the right one and delete the backup before saving again); the file was not changed"),
    "reason.read_only_fs": QT_TRANSLATE_NOOP("Messages", "the file system is read-only"),
    "reason.disk_full": QT_TRANSLATE_NOOP("Messages", "the disk is full"),
    "reason.quota": QT_TRANSLATE_NOOP("Messages", "the disk quota is used up"),
    "reason.permission": QT_TRANSLATE_NOOP("Messages", "permission denied"),
    "reason.not_permitted": QT_TRANSLATE_NOOP("Messages", "operation not permitted"),
    "reason.missing": QT_TRANSLATE_NOOP("Messages", "no such file or folder"),
    "reason.not_folder": QT_TRANSLATE_NOOP("Messages", "a part of the path is a file, not a folder"),
    "glossary.cannot_read": QT_TRANSLATE_NOOP("Messages", "{path}: cannot read: {reason}"),
    "glossary.not_unicode": QT_TRANSLATE_NOOP("Messages", "{path}: line {line}: not UTF-8 text"),
    "glossary.syntax_at": QT_TRANSLATE_NOOP("Messages", "{path}: line {line}: {detail}"),
    "glossary.syntax": QT_TRANSLATE_NOOP("Messages", "{path}: {detail}"),
    "glossary.file_skipped": QT_TRANSLATE_NOOP("Messages", "{problem}; glossary file skipped"),
    "glossary.user_skipped": QT_TRANSLATE_NOOP("Messages", "{problem}; user terms skipped"),
    "glossary.at_line": QT_TRANSLATE_NOOP("Messages", "{path}: line {line}"),
    "glossary.at_term": QT_TRANSLATE_NOOP("Messages", "{path}: term #{number}"),
    "glossary.new_term": QT_TRANSLATE_NOOP("Messages", "new term"),
    "glossary.not_table": QT_TRANSLATE_NOOP("Messages", "{where}: a term must be a table"),
    "glossary.unknown_key": QT_TRANSLATE_NOOP("Messages", "{where}: unknown key {key!r}"),
    "glossary.not_list": QT_TRANSLATE_NOOP("Messages", "{where}: {key} must be a list of strings"),
    "glossary.not_bool": QT_TRANSLATE_NOOP("Messages", "{where}: {key} must be true or false"),
    "glossary.not_text": QT_TRANSLATE_NOOP("Messages", "{where}: {key} must be a string"),
    "glossary.no_id": QT_TRANSLATE_NOOP("Messages", "{where}: missing id"),
    "glossary.bad_id": QT_TRANSLATE_NOOP(
        "Messages",
        "{where}: id {id!r} must be lower-case letters, digits, '-', '_' or '.'"),
    "glossary.no_name": QT_TRANSLATE_NOOP("Messages", "{where}: needs en or zh"),
    "glossary.twice": QT_TRANSLATE_NOOP("Messages", "{where}: id {id!r} appears twice; the later one is used"),
    "glossary.no_subject": QT_TRANSLATE_NOOP("Messages", "{path}: missing [subject] table with an id"),
    "glossary.unknown_top_key": QT_TRANSLATE_NOOP("Messages", "{path}: unknown top-level key {key!r}"),
    "glossary.terms_not_array": QT_TRANSLATE_NOOP("Messages", "{path}: 'term' must be an array of tables ([[term]])"),
    "glossary.hidden_not_list": QT_TRANSLATE_NOOP("Messages", "{path}: 'hidden' must be a list of term ids"),
    "glossary.already_defined": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: id {id!r} already defined "
        "by another glossary file; skipped"),
    "glossary.override_empty": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: term {id!r} is not a bundled term "
        "and has neither en nor zh; skipped"),
    "cache.unusable": QT_TRANSLATE_NOOP(
        "Messages",
        "translation cache {path} cannot be used "
        "({error}); using a temporary cache"),
    "cache.locked": QT_TRANSLATE_NOOP("Messages", "translation cache {path} is locked; using a temporary cache"),
    "cache.unwritable": QT_TRANSLATE_NOOP(
        "Messages",
        "translation cache {path} cannot be written "
        "({error}); using a temporary cache"),
    "cache.rebuilt": QT_TRANSLATE_NOOP("Messages", "translation cache {path} was damaged ({error}); rebuilt it"),
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
    "bot.no_year": QT_TRANSLATE_NOOP(
        "Messages", "the heading has no year (year-less {style}): the bot takes it for any year"),
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


def error_text(error: BaseException) -> str:
    """What a refusal of the core says, in the interface language when it says it as a message
    (the others are a system's own words, as the operating system gave them)."""
    said = error.message if isinstance(error, StudyReaderError) else None
    return worded(said) if said is not None else str(error)
