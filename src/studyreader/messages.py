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
    "bot.no_year": "the heading has no year ({style}): the bot takes it for any year",
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
