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
    "reason.is_folder": "it is a folder, not a file",
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
    # what the glossary refuses when the user's terms are edited
    "glossary.user_unparsable": "{problem}; fix or remove the file before changing user terms",
    "glossary.user_bad_shape": "{path}: 'hidden' must be a list and 'term' an array of tables; fix the file first",
    "glossary.cannot_write": "{path}: cannot write: {reason}",
    "glossary.where_new": "new term {id!r}",
    "glossary.where_term": "term {id!r}",
    "glossary.unknown_field": "{where}: unknown field {key!r} (known: {known})",
    "glossary.field_not_text": "{where}: {key} must be text",
    "glossary.source_not_https": "{where}: source must be an https:// URL",
    "glossary.checked_format": "checked must be a date written YYYY-MM-DD, not {value!r}",
    "glossary.checked_not_real": "checked is not a real date: {value!r}",
    "glossary.bad_field": "{where}: {problem}",
    "glossary.unknown_category": "{where}: unknown category {category!r} (known: {known})",
    "glossary.exists": "term {id!r} already exists; use `glossary edit` to change it",
    "glossary.nothing_to_change": "nothing to change: give at least one field",
    "glossary.id_fixed": "the id of a term cannot be changed",
    "glossary.no_term_to_edit": "no term {id!r}; use `glossary add` to create it",
    "glossary.needs_name": "term {id!r} needs en or zh",
    "glossary.no_term": "no term {id!r}",
    "glossary.not_hidden": "term {id!r} is not hidden",
    "glossary.no_user_term": "no user term or override {id!r}",
    # what is not a regular file (file.special's kind)
    "kind.fifo": "a FIFO",
    "kind.character_device": "a character device",
    "kind.block_device": "a block device",
    "kind.socket": "a socket",
    "kind.other": "not a plain file",
    # the editor's drafts
    "draft.folder_is_file": (
        "the drafts folder {folder} is a file, not a folder: unsaved text cannot be kept as a draft"
    ),
    "draft.folder_is_file_save": "the drafts folder {folder} is a file, not a folder",
    "draft.cannot_write": "the draft {path} cannot be written: {reason}",
    "draft.cannot_remove": "the draft {path} cannot be removed: {reason}",
    "draft.cannot_read": "the draft {path} cannot be read: {reason}",
    "draft.stuck": "the draft {path} is unreadable ({error}) and could not be moved aside ({move_error})",
    "draft.moved_aside": "the draft {path} was unreadable ({reason}); it was moved to {aside}",
    "draft.not_a_draft": "it holds {content} instead of a draft",
    "draft.unknown_mode": "unknown draft mode {mode!r}",
    "draft.text_not_string": "draft text is not a string",
    "draft.missing_key": "no {key!r}",
    # the settings file
    "settings.unreadable": "{path}: cannot be read ({reason}); using the default settings",
    "settings.not_saved": "{path}: the settings could not be saved ({reason})",
    # translation model archives, installs and downloads
    "model.no_file": "{path}: no such file",
    "model.not_zip": "{path}: not an Argos package (not a zip archive)",
    "model.too_many_files": "{path}: refused, the archive holds {count} files (at most {most})",
    "model.too_big": "{path}: refused, the archive would unpack to {size} MB (at most {most} MB)",
    "model.bad_crc": "{path}: damaged archive (bad CRC for {name})",
    "model.absolute_path": "{path}: refused, the archive holds an absolute path: {name}",
    "model.outside_path": "{path}: refused, the archive holds a path outside its folder: {name}",
    "model.symlink": "{path}: refused, the archive holds a symbolic link: {name}",
    "model.loose_file": "{path}: not an Argos package: files must sit in one top-level folder ({name} does not)",
    "model.top_count": "{path}: not an Argos package: expected one top-level folder, found {count}",
    "model.bad_top": "{path}: refused, bad top-level folder name {top!r}",
    "model.no_metadata": "{path}: not an Argos package: {top}/metadata.json is missing",
    "model.metadata_not_json": "{path}: {top}/metadata.json is not valid JSON ({error})",
    "model.metadata_not_object": "{path}: {top}/metadata.json is not a JSON object",
    "model.metadata_problem": "{path}: {top}/metadata.json: {problem}",
    "model.key_not_text": "\"{key}\" must be a text, not {value}",
    "model.key_not_list": "\"{key}\" must be a list, not {value}",
    "model.key_not_languages": "\"{key}\" must list objects such as {example}",
    "model.key_not_texts": "\"{key}\" must be a list of texts",
    "model.bad_version": "\"package_version\" must be a version such as \"1.9\"",
    "model.wrong_pair": "{path}: this package translates {got}, StudyReader needs {needed}",
    "model.not_translation": "{path}: package type {type!r} is not a translation package",
    "model.no_model_bin": "{path}: not an Argos package: {top}/model/model.bin is missing",
    "model.no_tokenizer": "{path}: not an Argos package: no sentencepiece.model or bpe.model",
    "model.damaged_zip": "{path}: damaged zip archive ({error})",
    "model.cannot_read": "{path}: cannot read ({reason})",
    "model.cannot_install": "cannot install {path} into {folder}: {reason}; nothing was installed",
    "model.unpacks_too_big": "{path}: refused, the archive unpacks to more than {most} MB; nothing was installed",
    "model.index": "the Argos package index",
    "model.package": "the {pair} package",
    "model.http_error": "could not download {what} from {url}: HTTP {code} {reason}",
    "model.unreachable": (
        "could not reach {url} to download {what} ({reason}); are you online? Offline, install a package file with "
        "`studyreader models install FILE.argosmodel`"
    ),
    "model.index_unreadable": "the Argos package index at {url} is unreadable ({error})",
    "model.index_no_package": "the Argos package index at {url} lists no {pair} package",
    "model.index_no_link": "the Argos package index at {url} gives no download link for {pair}",
    "model.cancelled": "download cancelled; nothing was installed",
    "model.broke_off": "download from {url} broke off ({error}); nothing was installed",
    "model.stopped": "download from {url} stopped at {done} of {total} bytes; nothing was installed",
    "model.download_failed": "could not download the {pair} package",
    # the data folder's databases (the study log, the review database)
    "db.study_log": "study log",
    "db.review_database": "review database",
    "db.started": "a new, empty one was started",
    "db.log_started": "a new, empty log was started",
    "db.locked": "it is locked by another program (another StudyReader?); try again in a moment",
    "db.read_only": "it is read-only",
    "db.cannot_open_file": "the file cannot be opened",
    "db.io_error": "the disk reported an input/output error",
    "db.failed": "{what} {path}: could not {action}: {reason}; nothing was changed",
    "db.folder_not_made": "{what} folder {folder} cannot be made: {reason}",
    "db.cannot_create": "{what} {path} cannot be created: {reason}",
    "db.cannot_upgrade": "{what} {path} cannot be upgraded now: {reason}; nothing was changed",
    "db.cannot_open": "{what} {path} cannot be opened: {reason}; nothing was changed",
    "db.no_tables": "is an SQLite database without the {what}'s tables ({tables})",
    "db.upgrade_failed": "could not be upgraded ({error})",
    "db.not_sqlite": "is not a readable SQLite database ({error})",
    "db.damaged": "is damaged ({check})",
    "db.newer": "was written by a newer StudyReader (schema {version}, this version knows {known})",
    "db.stuck": "{what} {path} {problem}, and it cannot be moved aside: {reason}",
    "db.set_aside": "{what} {path} {problem}; it was moved to {aside} and {started}",
    # what is done to the study log and the review database (db.failed's action)
    "action.start_session": "start the session",
    "action.record_session": "record the session",
    "action.end_session": "end the session",
    "action.close_unfinished": "close unfinished sessions",
    "action.log_minutes": "log {minutes} minutes on {day}",
    "action.read_logged": "read the logged time",
    "action.sync_cards": "sync the cards with the notes",
    "action.record_grade": "record the grade",
    "action.undo_grade": "undo the last grade",
    # the study log
    "study.in_memory": "{error}; study time is kept in memory only until the app closes",
    "study.unknown_kind": "study log {path}: unknown session kind {kind!r} (known: {known})",
    "study.no_session": "study log {path}: session {id} does not exist",
    "study.closed": "study log {path}: session {id} is already closed",
    "study.minutes_not_whole": "minutes must be a whole number, not {minutes!r}",
    "study.minutes_not_positive": "minutes must be positive, not {minutes}",
    "study.more_than_day": "{minutes} minutes is more than a day ({most} minutes)",
    "study.future": "{day} is in the future (today is {today})",
    "study.day_full": (
        "{day} already has {existing} minutes logged; adding {minutes} would make more than 24 hours in one day"
    ),
    # reviews and the Anki export
    "review.in_memory": "{error}; reviews are kept in memory only until the app closes",
    "review.no_card": "review database {path}: card {id} does not exist",
    "anki.folder": "{path}: is a folder; give the .apkg file to write",
    "anki.no_folder": "{path}: no such folder",
    "anki.cannot_write": "{path}: cannot write: {reason}",
    # a programme override the Settings refuse
    "override.bad_date": "programme override {key}: {value!r} is not a date of the form YYYY-MM-DD",
    "override.bad_allowance": "programme override allowance: {value!r} is not a number of days",
    "override.bad_generation": "programme override generation: {value!r} is not one of {known}",
    "override.bad_zone": "programme override timezone: {value!r} is not a time zone (e.g. Asia/Shanghai or UTC+8)",
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
