"""``studyreader entries`` and ``append`` (``status`` lives with the programme, in programme/cli.py)."""

from __future__ import annotations

import argparse

MAX_TEXT_CHARS = 4_000_000  # far more than a day's entry; /dev/zero as --text-file must not eat the memory


def register(subparsers: argparse._SubParsersAction) -> None:
    entries = subparsers.add_parser("entries", help="list the dated entries of a notes file")
    entries.add_argument("file", help="the notes file (Markdown)")
    entries.add_argument("--json", action="store_true", help="print JSON")
    entries.set_defaults(handler=_entries)

    append = subparsers.add_parser(
        "append", help="write text into the day's entry (as the editor does)",
        description="Append text to the entry for a date (default: today in the file's time zone), "
        "creating the dated heading if needed. Nothing else in the file changes.",
    )
    append.add_argument("file", help="the notes file (Markdown)")
    source = append.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", help="the text to write")
    source.add_argument("--text-file", metavar="F", help="read the text from a UTF-8 file ('-' for standard input)")
    append.add_argument("--date", help="the entry's date, YYYY-MM-DD (default: today in the file's time zone)")
    append.add_argument(
        "--check", action="store_true",
        help="write nothing: say whether the text, saved now, would count for the programme's bot, and why",
    )
    append.set_defaults(handler=_append)


def _warn(notes) -> None:
    import sys

    for warning in notes.warnings:
        print(f"studyreader: {notes.path}: {warning}", file=sys.stderr)


def _entries(args: argparse.Namespace) -> int:
    from studyreader.cli import print_json
    from studyreader.notes import load_notes

    notes = load_notes(args.file)
    rows = [{"date": e.date.isoformat(), "line": e.line, "chars": e.chars} for e in notes.entries]
    if args.json:
        print_json(rows)
    else:
        _warn(notes)
        if not rows:
            print(f"{args.file}: no dated entries")
        for row in rows:
            print(f"{row['date']}  line {row['line']:>5}  {row['chars']:>6} chars")
    return 0


def _read_text_argument(args: argparse.Namespace) -> str:
    import sys
    from pathlib import Path

    from studyreader.notes import NotesError
    from studyreader.notes.encoding import decode_notes

    if args.text is not None:
        return args.text
    if args.text_file == "-":
        text = sys.stdin.read(MAX_TEXT_CHARS + 1)
        if len(text) > MAX_TEXT_CHARS:
            raise NotesError(f"--text-file -: more than {MAX_TEXT_CHARS:,} characters; not one day's entry")
        return text
    path = Path(args.text_file)
    try:
        # A pipe is fine here (``--text-file <(command)``), but nothing may be read without end.
        with open(path, "rb") as handle:
            data = handle.read(MAX_TEXT_CHARS * 4 + 1)
    except FileNotFoundError:
        raise NotesError(f"--text-file {path}: no such file") from None
    except IsADirectoryError:
        raise NotesError(f"--text-file {path}: is a folder") from None
    except OSError as error:
        raise NotesError(f"--text-file {path}: cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_TEXT_CHARS * 4:
        raise NotesError(f"--text-file {path}: more than {MAX_TEXT_CHARS * 4 // 1_000_000} MB; not one day's entry")
    try:
        return decode_notes(data, path).text
    except NotesError as error:
        raise NotesError(f"--text-file {error}") from None


def date_option(value: str | None, option: str, file: str):
    """A ``YYYY-MM-DD`` command-line option (None when absent); a bad one is refused naming the file."""
    from studyreader.notes import NotesError
    from studyreader.notes.dates import parse_iso_date

    if value is None:
        return None
    try:
        return parse_iso_date(value)
    except ValueError as error:
        raise NotesError(f"{file}: {option}: {error}") from None


def _append(args: argparse.Namespace) -> int:
    from studyreader.notes import append_entry

    day = date_option(args.date, "--date", args.file)
    if args.check:
        from studyreader.programme.cli import append_check

        return append_check(args.file, _read_text_argument(args), day)
    result = append_entry(args.file, _read_text_argument(args), date=day)
    action = "created a new entry" if result.created else "added to the entry"
    print(f"{args.file}: {action} for {result.date.isoformat()} (heading on line {result.line})")
    return 0
