"""Messages of the core as values: a code and its arguments, worded by whoever shows them.

The command line prints :meth:`Message.english` (``str(message)``); the window words the same code in
the interface language (``studyreader.ui.messages``). Arguments are plain values (text, numbers, dates
already written as ISO text) or other messages, so a message can be stored in the start-up cache as
it is and a reason can quote another reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

LIST = "list"  # args: items, a tuple of messages (and text), joined with "; "

# Every code the core produces, with its English wording (the command line's, byte for byte).
ENGLISH: dict[str, str] = {
    LIST: "{items}",
    # the notes parser's warnings
    "notes.unclosed_fence": "line {line}: a code block is never closed; the rest of the file is read as code",
    "notes.impossible_date": "line {line}: {heading!r} names an impossible date; not read as an entry",
    "notes.far_date": (
        "line {line}: {date} is far from the file's other dates ({first} to {last}), "
        "so it is left out of the programme; is the year a typo?"
    ),
    "notes.duplicate": "line {line}: {date} is a duplicate of the entry on line {first_line}",
    "notes.empty_entry": "line {line}: the entry for {date} is empty",
    "notes.out_of_order": "line {line}: {date} is out of date order (after {previous} on line {previous_line})",
    "notes.bad_timezone": (
        "timezone {value!r} in the front matter is not a known time zone; using the computer's zone ({local})"
    ),
    # a notes file that cannot be read
    "file.wide_encoding": "{path}: the file is UTF-16 encoded, not UTF-8; save it as UTF-8 and try again",
    "file.binary": "{path}: this looks like a binary file, not Markdown notes",
    "file.not_unicode": "{path}: the file is not valid UTF-8 (first bad byte on line {line}).",
    "file.not_unicode_gbk": (
        "{path}: the file is not valid UTF-8 (first bad byte on line {line}). "
        "It looks like GBK (GB18030) encoded Chinese: convert it to UTF-8 first, e.g. iconv -f GBK -t UTF-8."
    ),
    "file.missing": "{path}: no such file",
    "file.folder": "{path}: is a folder, not a notes file",
    "file.special": "{path}: is not a regular file ({kind}); only a regular file can be a notes file",
    "file.read_denied": "{path}: permission denied while reading",
    "file.unreadable": "{path}: cannot be read ({reason})",
    # the notes' content region
    "region.missing": (
        "no <!-- Content_START --> … <!-- Content_END --> marker pair "
        "(or any <!-- NAME_START --> … <!-- NAME_END --> pair)"
    ),
    "region.end_first": (
        "the end marker <!-- {name}_END --> (line {line}) comes before its start marker <!-- {name}_START -->"
    ),
    # what the writer refuses (the editor and `studyreader notes add`)
    "write.nul": "the text contains a NUL character (binary data?), which would make the notes file unreadable",
    "write.empty": "the text is empty: there is nothing to write",
    "write.marker": "the text, line {line}: contains a marker comment ({marker}), which would break the notes file",
    "write.dated_heading": (
        "the text, line {line}: contains a dated heading ({heading}); write one day's entry at a time"
    ),
    "write.open_fence": "the text: a code block (```) is opened but never closed",
    "write.no_region": "{path}: {problem}; StudyReader writes entries only between such markers",
    "write.no_place": "{path}: could not find a safe place for the entry of {day}",
    "write.read_only_fs": "{path}: is on a read-only file system; nothing can be saved there",
    "write.not_writable": "{path}: the file is not writable (permission denied)",
    "write.folder_not_writable": "{path}: its folder {folder} is not writable, so the file cannot be replaced safely",
    "write.failed": "{path}: could not be saved ({reason}); the file was not changed",
    "write.interrupted": (
        "{path}: could not be saved (an interrupted save left the old text in {backup}; compare the two, "
        "keep the right one and delete the backup before saving again); the file was not changed"
    ),
    "write.entry_changed": (
        "{path}: the entry for {day} was changed by another program since it was read; nothing was written"
    ),
    "write.kept_changing": "{path}: kept changing while it was being saved ({tries} tries); nothing was written",
    "write.locked": "{path}: another StudyReader has kept this file locked for over {seconds} s; nothing was written",
    # why a save failed (the reason of write.failed)
    "reason.read_only_fs": "the file system is read-only",
    "reason.disk_full": "the disk is full",
    "reason.quota": "the disk quota is used up",
    "reason.permission": "permission denied",
    "reason.not_permitted": "operation not permitted",
    "reason.missing": "no such file or folder",
    "reason.not_folder": "a part of the path is a file, not a folder",
    # glossary files that cannot be read, and their problems
    "glossary.cannot_read": "{path}: cannot read: {reason}",
    "glossary.not_unicode": "{path}: line {line}: not UTF-8 text",
    "glossary.syntax_at": "{path}: line {line}: {detail}",
    "glossary.syntax": "{path}: {detail}",
    "glossary.file_skipped": "{problem}; glossary file skipped",
    "glossary.user_skipped": "{problem}; user terms skipped",
    "glossary.at_line": "{path}: line {line}",
    "glossary.at_term": "{path}: term #{number}",
    "glossary.new_term": "new term",
    "glossary.not_table": "{where}: a term must be a table",
    "glossary.unknown_key": "{where}: unknown key {key!r}",
    "glossary.not_list": "{where}: {key} must be a list of strings",
    "glossary.not_bool": "{where}: {key} must be true or false",
    "glossary.not_text": "{where}: {key} must be a string",
    "glossary.no_id": "{where}: missing id",
    "glossary.bad_id": "{where}: id {id!r} must be lower-case letters, digits, '-', '_' or '.'",
    "glossary.no_name": "{where}: needs en or zh",
    "glossary.twice": "{where}: id {id!r} appears twice; the later one is used",
    "glossary.no_subject": "{path}: missing [subject] table with an id",
    "glossary.unknown_top_key": "{path}: unknown top-level key {key!r}",
    "glossary.terms_not_array": "{path}: 'term' must be an array of tables ([[term]])",
    "glossary.hidden_not_list": "{path}: 'hidden' must be a list of term ids",
    "glossary.already_defined": "{path}: id {id!r} already defined by another glossary file; skipped",
    "glossary.override_empty": "{path}: term {id!r} is not a bundled term and has neither en nor zh; skipped",
    # the translation cache
    "cache.unusable": "translation cache {path} cannot be used ({error}); using a temporary cache",
    "cache.locked": "translation cache {path} is locked; using a temporary cache",
    "cache.unwritable": "translation cache {path} cannot be written ({error}); using a temporary cache",
    "cache.rebuilt": "translation cache {path} was damaged ({error}); rebuilt it",
    # how the bot reads one day
    "bot.no_heading": "no heading the bot reads as {day}",
    "bot.found": "{chars} characters after {matched!r} (line {line})",
    "bot.cut_short": "cut short at line {line} by {text!r}, which the bot reads as a date heading",
    "bot.counts_with_comments": (
        "counts only because the bot also counts HTML comments such as the DAILY_CHECKIN marker "
        "({without} of {needed} characters without them)"
    ),
    "bot.too_short": "too short: {chars} of {needed} characters",
    "bot.any_character": "the bot's pattern reads '.' as any character, so {literal!r} passes for {pattern!r}",
    "bot.inside_line": "{matched!r} is inside a line, not a heading; the bot does not look at line starts",
    "bot.longer_number": "{matched!r} is only the start of a longer number ({line!r})",
    "bot.no_year": "the heading has no year (year-less {style}): the bot takes it for any year",
    # the bot's time zone
    "zone.settings": "time zone {zone} from the Settings (the notes' own line is not read)",
    "zone.reads": "the bot reads timezone {value!r} on line {line}",
    "zone.unreadable": "the bot cannot read timezone {value!r} on line {line}, so it judges the days in {default}",
    "zone.other_line": (
        "the bot does not read line {line} ({text!r}): it reads only a 'timezone:' line "
        "between '---' lines, so it judges the days in {default}"
    ),
    "zone.default": "no 'timezone:' front matter: the bot uses {default}",
    # the bot's verdicts
    "verdict.eliminated_on": "eliminated on {day}: {reason}",
    "verdict.not_reached": "not reached yet in the bot's zone ({zone}): {reason}",
    "verdict.today": "today in the bot's zone ({zone}), until {until}: {reason}",
    "verdict.eliminated_cycle": (
        "{misses} misses in the cycle {first} – {last} (7-day cycles from {start}), allowance {allowance}: {reason}"
    ),
    "verdict.eliminated_week": (
        "{misses} misses in the week {first} – {last} (Monday to Sunday), "
        "allowance {allowance} (the older bot's fixed allowance): {reason}"
    ),
    "verdict.older_same_day": (
        "the older bot takes every programme day numbered {number} for today "
        "(it compares only the day of the month): {reason}"
    ),
    "verdict.no_file": "the bot finds no notes file for this row",
    "verdict.would_count": "would count: {reason}",
    "verdict.would_not_count_yet": "would not count yet: {reason}",
    "verdict.would_not_count": "would not count: {reason}",
    # will the entry count?
    "forecast.cannot_save": "cannot be saved: {error}",
    "forecast.no_entry": "won't count: there is no entry for {day}",
    "forecast.unreadable_heading": (
        "won't count: the bot cannot read the date heading {heading!r} (line {line}) as {day}; write it as {fix}"
    ),
    "forecast.counts": "counts: {reason}",
    "forecast.cut_short": (
        "won't count: line {line} {text!r} looks like a date heading to the bot and "
        "cuts the entry short ({chars} of {needed} characters)"
    ),
    "forecast.too_short": "won't count: too short ({chars} of {needed} characters)",
    "forecast.not_programme_day": "{day} is not a programme day ({start} – {end})",
    "forecast.late": (
        "{day} is already over in the bot's zone ({zone}): the bot's today is {today}, "
        "so this fills a past day (the bot re-reads it on its next run)"
    ),
    "forecast.late_today_due": (
        "{day} is already over in the bot's zone ({zone}): the bot's today is {today}, "
        "so this fills a past day (the bot re-reads it on its next run) and {today} still needs its own entry"
    ),
    "forecast.not_begun": "{day} has not begun in the bot's zone ({zone}) yet",
}


def _frozen(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


@dataclass(frozen=True)
class Message:
    """One thing the core has to say: ``code`` (a key of :data:`ENGLISH`) and its arguments."""

    code: str
    args: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.code not in ENGLISH:
            raise KeyError(f"unknown message code {self.code!r}")

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted((key, _frozen(value)) for key, value in self.args.items()))))

    def english(self) -> str:
        return self.worded(english_template, "; ")

    def worded(self, template_for, separator: str) -> str:
        """The message in words: ``template_for(code)`` gives a code's template, ``separator`` joins lists."""
        if self.code == LIST:
            return separator.join(_worded(item, template_for, separator) for item in self.args["items"])
        values = {key: _worded(value, template_for, separator) for key, value in self.args.items()}
        return template_for(self.code).format(**values)

    def __str__(self) -> str:
        return self.english()


def _worded(value: object, template_for, separator: str) -> object:
    return value.worded(template_for, separator) if isinstance(value, Message) else value


def english_template(code: str) -> str:
    return ENGLISH[code]


def message(code: str, **args: object) -> Message:
    return Message(code, args)



def joined(*items: Message | str) -> Message:
    """Several messages said one after the other ("; " between them in English)."""
    return Message(LIST, {"items": tuple(items)})


def to_plain(value: Message) -> tuple:
    """A message as nested tuples of text and numbers (what ``marshal`` stores)."""

    def plain(arg: object) -> object:
        if isinstance(arg, Message):
            return ("m", to_plain(arg))
        if isinstance(arg, tuple):
            return ("t", tuple(plain(item) for item in arg))
        return ("v", arg)

    return (value.code, tuple((key, plain(arg)) for key, arg in value.args.items()))


def from_plain(data: tuple) -> Message:
    """The message :func:`to_plain` stored (ValueError/KeyError for what it did not store)."""
    code, args = data

    def value(arg: tuple) -> object:
        kind, inner = arg
        if kind == "m":
            return from_plain(inner)
        if kind == "t":
            return tuple(value(item) for item in inner)
        if kind == "v":
            return inner
        raise ValueError(f"not a stored message argument: {arg!r}")

    return Message(code, {key: value(arg) for key, arg in args})
