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
    "reason.is_folder": QT_TRANSLATE_NOOP("Messages", "it is a folder, not a file"),
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
    "glossary.user_unparsable": QT_TRANSLATE_NOOP(
        "Messages",
        "{problem}; fix or remove the file before changing user terms"),
    "glossary.user_bad_shape": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: 'hidden' must be a list and 'term' an array of tables; fix the file first"),
    "glossary.cannot_write": QT_TRANSLATE_NOOP("Messages", "{path}: cannot write: {reason}"),
    "glossary.where_new": QT_TRANSLATE_NOOP("Messages", "new term {id!r}"),
    "glossary.where_term": QT_TRANSLATE_NOOP("Messages", "term {id!r}"),
    "glossary.unknown_field": QT_TRANSLATE_NOOP("Messages", "{where}: unknown field {key!r} (known: {known})"),
    "glossary.field_not_text": QT_TRANSLATE_NOOP("Messages", "{where}: {key} must be text"),
    "glossary.source_not_https": QT_TRANSLATE_NOOP("Messages", "{where}: source must be an https:// URL"),
    "glossary.checked_format": QT_TRANSLATE_NOOP(
        "Messages",
        "checked must be a date written YYYY-MM-DD, not {value!r}"),
    "glossary.checked_not_real": QT_TRANSLATE_NOOP("Messages", "checked is not a real date: {value!r}"),
    "glossary.bad_field": QT_TRANSLATE_NOOP("Messages", "{where}: {problem}"),
    "glossary.unknown_category": QT_TRANSLATE_NOOP(
        "Messages",
        "{where}: unknown category {category!r} (known: {known})"),
    "glossary.exists": QT_TRANSLATE_NOOP("Messages", "term {id!r} already exists; use `glossary edit` to change it"),
    "glossary.nothing_to_change": QT_TRANSLATE_NOOP("Messages", "nothing to change: give at least one field"),
    "glossary.id_fixed": QT_TRANSLATE_NOOP("Messages", "the id of a term cannot be changed"),
    "glossary.no_term_to_edit": QT_TRANSLATE_NOOP("Messages", "no term {id!r}; use `glossary add` to create it"),
    "glossary.needs_name": QT_TRANSLATE_NOOP("Messages", "term {id!r} needs en or zh"),
    "glossary.no_term": QT_TRANSLATE_NOOP("Messages", "no term {id!r}"),
    "glossary.not_hidden": QT_TRANSLATE_NOOP("Messages", "term {id!r} is not hidden"),
    "glossary.no_user_term": QT_TRANSLATE_NOOP("Messages", "no user term or override {id!r}"),
    "kind.fifo": QT_TRANSLATE_NOOP("Messages", "a FIFO"),
    "kind.character_device": QT_TRANSLATE_NOOP("Messages", "a character device"),
    "kind.block_device": QT_TRANSLATE_NOOP("Messages", "a block device"),
    "kind.socket": QT_TRANSLATE_NOOP("Messages", "a socket"),
    "kind.other": QT_TRANSLATE_NOOP("Messages", "not a plain file"),
    "draft.folder_is_file": QT_TRANSLATE_NOOP(
        "Messages",
        "the drafts folder {folder} is a file, not a folder: unsaved text cannot be kept as a draft"),
    "draft.folder_is_file_save": QT_TRANSLATE_NOOP("Messages", "the drafts folder {folder} is a file, not a folder"),
    "draft.cannot_write": QT_TRANSLATE_NOOP("Messages", "the draft {path} cannot be written: {reason}"),
    "draft.cannot_remove": QT_TRANSLATE_NOOP("Messages", "the draft {path} cannot be removed: {reason}"),
    "draft.cannot_read": QT_TRANSLATE_NOOP("Messages", "the draft {path} cannot be read: {reason}"),
    "draft.stuck": QT_TRANSLATE_NOOP(
        "Messages",
        "the draft {path} is unreadable ({error}) and could not be moved aside ({move_error})"),
    "draft.moved_aside": QT_TRANSLATE_NOOP(
        "Messages",
        "the draft {path} was unreadable ({reason}); it was moved to {aside}"),
    "draft.not_a_draft": QT_TRANSLATE_NOOP("Messages", "it holds {content} instead of a draft"),
    "draft.unknown_mode": QT_TRANSLATE_NOOP("Messages", "unknown draft mode {mode!r}"),
    "draft.text_not_string": QT_TRANSLATE_NOOP("Messages", "draft text is not a string"),
    "draft.missing_key": QT_TRANSLATE_NOOP("Messages", "no {key!r}"),
    "settings.unreadable": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: cannot be read ({reason}); using the default settings"),
    "settings.not_saved": QT_TRANSLATE_NOOP("Messages", "{path}: the settings could not be saved ({reason})"),
    "model.no_file": QT_TRANSLATE_NOOP("Messages", "{path}: no such file"),
    "model.not_zip": QT_TRANSLATE_NOOP("Messages", "{path}: not an Argos package (not a zip archive)"),
    "model.too_many_files": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: refused, the archive holds {count} files (at most {most})"),
    "model.too_big": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: refused, the archive would unpack to {size} MB (at most {most} MB)"),
    "model.bad_crc": QT_TRANSLATE_NOOP("Messages", "{path}: damaged archive (bad CRC for {name})"),
    "model.absolute_path": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: refused, the archive holds an absolute path: {name}"),
    "model.outside_path": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: refused, the archive holds a path outside its folder: {name}"),
    "model.symlink": QT_TRANSLATE_NOOP("Messages", "{path}: refused, the archive holds a symbolic link: {name}"),
    "model.loose_file": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: not an Argos package: files must sit in one top-level folder ({name} does not)"),
    "model.top_count": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: not an Argos package: expected one top-level folder, found {count}"),
    "model.bad_top": QT_TRANSLATE_NOOP("Messages", "{path}: refused, bad top-level folder name {top!r}"),
    "model.no_metadata": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: not an Argos package: {top}/metadata.json is missing"),
    "model.metadata_not_json": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: {top}/metadata.json is not valid JSON ({error})"),
    "model.metadata_not_object": QT_TRANSLATE_NOOP("Messages", "{path}: {top}/metadata.json is not a JSON object"),
    "model.metadata_problem": QT_TRANSLATE_NOOP("Messages", "{path}: {top}/metadata.json: {problem}"),
    "model.key_not_text": QT_TRANSLATE_NOOP("Messages", "\"{key}\" must be a text, not {value}"),
    "model.key_not_list": QT_TRANSLATE_NOOP("Messages", "\"{key}\" must be a list, not {value}"),
    "model.key_not_languages": QT_TRANSLATE_NOOP("Messages", "\"{key}\" must list objects such as {example}"),
    "model.key_not_texts": QT_TRANSLATE_NOOP("Messages", "\"{key}\" must be a list of texts"),
    "model.bad_version": QT_TRANSLATE_NOOP("Messages", "\"package_version\" must be a version such as \"1.9\""),
    "model.wrong_pair": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: this package translates {got}, StudyReader needs {needed}"),
    "model.not_translation": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: package type {type!r} is not a translation package"),
    "model.no_model_bin": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: not an Argos package: {top}/model/model.bin is missing"),
    "model.no_tokenizer": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: not an Argos package: no sentencepiece.model or bpe.model"),
    "model.damaged_zip": QT_TRANSLATE_NOOP("Messages", "{path}: damaged zip archive ({error})"),
    "model.cannot_read": QT_TRANSLATE_NOOP("Messages", "{path}: cannot read ({reason})"),
    "model.cannot_install": QT_TRANSLATE_NOOP(
        "Messages",
        "cannot install {path} into {folder}: {reason}; nothing was installed"),
    "model.unpacks_too_big": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: refused, the archive unpacks to more than {most} MB; nothing was installed"),
    "model.index": QT_TRANSLATE_NOOP("Messages", "the Argos package index"),
    "model.package": QT_TRANSLATE_NOOP("Messages", "the {pair} package"),
    "model.http_error": QT_TRANSLATE_NOOP("Messages", "could not download {what} from {url}: HTTP {code} {reason}"),
    "model.unreachable": QT_TRANSLATE_NOOP(
        "Messages",
        "could not reach {url} to download {what} ({reason}); are you online? Offline, install a package file "
        "with `studyreader models install FILE.argosmodel`"),
    "model.index_unreadable": QT_TRANSLATE_NOOP(
        "Messages",
        "the Argos package index at {url} is unreadable ({error})"),
    "model.index_no_package": QT_TRANSLATE_NOOP(
        "Messages",
        "the Argos package index at {url} lists no {pair} package"),
    "model.index_no_link": QT_TRANSLATE_NOOP(
        "Messages",
        "the Argos package index at {url} gives no download link for {pair}"),
    "model.cancelled": QT_TRANSLATE_NOOP("Messages", "download cancelled; nothing was installed"),
    "model.broke_off": QT_TRANSLATE_NOOP(
        "Messages",
        "download from {url} broke off ({error}); nothing was installed"),
    "model.stopped": QT_TRANSLATE_NOOP(
        "Messages",
        "download from {url} stopped at {done} of {total} bytes; nothing was installed"),
    "model.download_failed": QT_TRANSLATE_NOOP("Messages", "could not download the {pair} package"),
    "db.study_log": QT_TRANSLATE_NOOP("Messages", "study log"),
    "db.review_database": QT_TRANSLATE_NOOP("Messages", "review database"),
    "db.started": QT_TRANSLATE_NOOP("Messages", "a new, empty one was started"),
    "db.log_started": QT_TRANSLATE_NOOP("Messages", "a new, empty log was started"),
    "db.locked": QT_TRANSLATE_NOOP(
        "Messages",
        "it is locked by another program (another StudyReader?); try again in a moment"),
    "db.read_only": QT_TRANSLATE_NOOP("Messages", "it is read-only"),
    "db.cannot_open_file": QT_TRANSLATE_NOOP("Messages", "the file cannot be opened"),
    "db.io_error": QT_TRANSLATE_NOOP("Messages", "the disk reported an input/output error"),
    "db.failed": QT_TRANSLATE_NOOP("Messages", "{what} {path}: could not {action}: {reason}; nothing was changed"),
    "db.folder_not_made": QT_TRANSLATE_NOOP("Messages", "{what} folder {folder} cannot be made: {reason}"),
    "db.cannot_create": QT_TRANSLATE_NOOP("Messages", "{what} {path} cannot be created: {reason}"),
    "db.cannot_upgrade": QT_TRANSLATE_NOOP(
        "Messages",
        "{what} {path} cannot be upgraded now: {reason}; nothing was changed"),
    "db.cannot_open": QT_TRANSLATE_NOOP("Messages", "{what} {path} cannot be opened: {reason}; nothing was changed"),
    "db.no_tables": QT_TRANSLATE_NOOP("Messages", "is an SQLite database without the {what}'s tables ({tables})"),
    "db.upgrade_failed": QT_TRANSLATE_NOOP("Messages", "could not be upgraded ({error})"),
    "db.not_sqlite": QT_TRANSLATE_NOOP("Messages", "is not a readable SQLite database ({error})"),
    "db.damaged": QT_TRANSLATE_NOOP("Messages", "is damaged ({check})"),
    "db.newer": QT_TRANSLATE_NOOP(
        "Messages",
        "was written by a newer StudyReader (schema {version}, this version knows {known})"),
    "db.stuck": QT_TRANSLATE_NOOP("Messages", "{what} {path} {problem}, and it cannot be moved aside: {reason}"),
    "db.set_aside": QT_TRANSLATE_NOOP("Messages", "{what} {path} {problem}; it was moved to {aside} and {started}"),
    "action.start_session": QT_TRANSLATE_NOOP("Messages", "start the session"),
    "action.record_session": QT_TRANSLATE_NOOP("Messages", "record the session"),
    "action.end_session": QT_TRANSLATE_NOOP("Messages", "end the session"),
    "action.close_unfinished": QT_TRANSLATE_NOOP("Messages", "close unfinished sessions"),
    "action.log_minutes": QT_TRANSLATE_NOOP("Messages", "log {minutes} minutes on {day}"),
    "action.read_logged": QT_TRANSLATE_NOOP("Messages", "read the logged time"),
    "action.sync_cards": QT_TRANSLATE_NOOP("Messages", "sync the cards with the notes"),
    "action.record_grade": QT_TRANSLATE_NOOP("Messages", "record the grade"),
    "action.undo_grade": QT_TRANSLATE_NOOP("Messages", "undo the last grade"),
    "study.in_memory": QT_TRANSLATE_NOOP(
        "Messages",
        "{error}; study time is kept in memory only until the app closes"),
    "study.unknown_kind": QT_TRANSLATE_NOOP(
        "Messages",
        "study log {path}: unknown session kind {kind!r} (known: {known})"),
    "study.no_session": QT_TRANSLATE_NOOP("Messages", "study log {path}: session {id} does not exist"),
    "study.closed": QT_TRANSLATE_NOOP("Messages", "study log {path}: session {id} is already closed"),
    "study.minutes_not_whole": QT_TRANSLATE_NOOP("Messages", "minutes must be a whole number, not {minutes!r}"),
    "study.minutes_not_positive": QT_TRANSLATE_NOOP("Messages", "minutes must be positive, not {minutes}"),
    "study.more_than_day": QT_TRANSLATE_NOOP("Messages", "{minutes} minutes is more than a day ({most} minutes)"),
    "study.future": QT_TRANSLATE_NOOP("Messages", "{day} is in the future (today is {today})"),
    "study.day_full": QT_TRANSLATE_NOOP(
        "Messages",
        "{day} already has {existing} minutes logged; adding {minutes} would make more than 24 hours in one day"),
    "review.in_memory": QT_TRANSLATE_NOOP(
        "Messages",
        "{error}; reviews are kept in memory only until the app closes"),
    "review.no_card": QT_TRANSLATE_NOOP("Messages", "review database {path}: card {id} does not exist"),
    "anki.folder": QT_TRANSLATE_NOOP("Messages", "{path}: is a folder; give the .apkg file to write"),
    "anki.no_folder": QT_TRANSLATE_NOOP("Messages", "{path}: no such folder"),
    "anki.cannot_write": QT_TRANSLATE_NOOP("Messages", "{path}: cannot write: {reason}"),
    "override.bad_date": QT_TRANSLATE_NOOP(
        "Messages", "programme override {key}: {value!r} is not a date of the form YYYY-MM-DD"),
    "override.bad_allowance": QT_TRANSLATE_NOOP(
        "Messages", "programme override allowance: {value!r} is not a number of days"),
    "override.bad_generation": QT_TRANSLATE_NOOP(
        "Messages", "programme override generation: {value!r} is not one of {known}"),
    "override.bad_zone": QT_TRANSLATE_NOOP(
        "Messages", "programme override timezone: {value!r} is not a time zone (e.g. Asia/Shanghai or UTC+8)"),
}


def template(code: str) -> str:
    """A code's template in the interface language (KeyError: a code the window cannot word)."""
    return QCoreApplication.translate("Messages", TEMPLATES[code])


def worded(message: Message) -> str:
    """A core message in the interface language."""
    return message.worded(template, QCoreApplication.translate("Messages", _SEPARATOR))


def error_said(error: BaseException) -> Message | str:
    """What a refusal of the core says, kept as a message to word later (a language switch words it
    again), or the system's own words when it is not one."""
    said = error.message if isinstance(error, StudyReaderError) else None
    return said if said is not None else str(error)


def said_text(said: Message | str) -> str:
    """A message in the interface language, or text as it is."""
    return worded(said) if isinstance(said, Message) else said


def error_text(error: BaseException) -> str:
    """What a refusal of the core says, in the interface language when it says it as a message
    (the others are a system's own words, as the operating system gave them)."""
    return said_text(error_said(error))
