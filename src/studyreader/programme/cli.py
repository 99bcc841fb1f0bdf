"""``studyreader programme``, ``status`` and ``checkin`` (and ``append --check``'s answer)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    programme = subparsers.add_parser(
        "programme", help="the co-learning programme of a notes file, and where each value came from",
        description="Find the programme a notes file belongs to (its repository's README and bot) and print "
        "the study period, leave allowance, rule generation, time zone and the bot's last verdicts, each with "
        "its file and line.",
    )
    programme.add_argument("file", help="the notes file (Markdown)")
    programme.add_argument("--json", action="store_true", help="print JSON")
    programme.set_defaults(handler=_programme)

    status = subparsers.add_parser(
        "status", help="the bot's verdict per programme day, with the reason",
        description="The programme's bot's verdict for each day of the detected programme (or, outside a "
        "programme, whether each dated entry would count).",
    )
    status.add_argument("file", help="the notes file (Markdown)")
    status.add_argument("--start", help="programme start, YYYY-MM-DD (default: the detected study period)")
    status.add_argument("--end", help="programme end, YYYY-MM-DD (default: the detected study period)")
    status.add_argument("--json", action="store_true", help="print JSON")
    status.set_defaults(handler=_status)

    checkin = subparsers.add_parser(
        "checkin", help="commit only the notes file and push it with your own git",
        description="Commit the notes file (and nothing else) and push it, rebasing onto the bot's README "
        "commits when the push is rejected. Uses your git, its configuration and credentials.",
    )
    checkin.add_argument("file", help="the notes file (Markdown)")
    checkin.add_argument("--message", "-m", help="the commit message (default: 'Check in YYYY-MM-DD')")
    checkin.set_defaults(handler=_checkin)


def _programme(args: argparse.Namespace) -> int:
    from pathlib import Path

    from studyreader.cli import print_json
    from studyreader.programme.report import programme_report, programme_report_json

    path = Path(args.file)
    if args.json:
        print_json(programme_report_json(path))
    else:
        print(programme_report(path))
    return 0


def _status(args: argparse.Namespace) -> int:
    from studyreader.cli import print_json
    from studyreader.notes import NotesError
    from studyreader.notes.cli import date_option
    from studyreader.programme.status import status_for

    start = date_option(args.start, "--start", args.file)
    end = date_option(args.end, "--end", args.file)
    if start and end and end < start:
        raise NotesError(f"{args.file}: --end {end} is before --start {start}")
    status = status_for(args.file, start=start, end=end)
    _print_notes_warnings(args.file)
    row = status.programme.row if status.programme is not None else None
    published = {v.date: row.mark_for(v.date) if row else None for v in status.verdicts}
    rows = [{"date": v.date.isoformat(), "verdict": v.verdict, "mark": v.mark, "reason": str(v.reason),
             "published": published[v.date]} for v in status.verdicts]
    if args.json:
        print_json(rows)
        return 0
    programme = status.programme
    if programme is None:
        print(f"{args.file}: not in a programme ({status.detection.reason}); whether each entry would count:")
    else:
        print(f"{args.file}: {programme.start.value} – {programme.end.value}, {programme.generation.value} rules, "
              f"allowance {programme.allowance.value}, days judged in {status.zone.name}")
    if not rows:
        print(f"{args.file}: no dated entries")
    if row is not None:
        print(f"(the bot's table, {status.programme.readme}:{row.line}, is shown where it differs: it changes "
              "on the bot's next run)")
    for verdict in status.verdicts:
        table = published[verdict.date]
        differs = f"  [table: {table or 'blank'}]" if row is not None and table != verdict.mark else ""
        print(f"{verdict.date.isoformat()}  {verdict.mark or '  '}  {verdict.verdict:<10}{differs}  {verdict.reason}")
    return 0


def _print_notes_warnings(file: str) -> None:
    """What the parser noticed (a typo year, a duplicated date), on stderr as ``entries`` says it."""
    import sys
    from pathlib import Path

    from studyreader.notes import parse_notes
    from studyreader.programme.status import read_notes_text

    for warning in parse_notes(read_notes_text(Path(file)), Path(file)).warnings:
        print(f"studyreader: {file}: {warning}", file=sys.stderr)


def _checkin(args: argparse.Namespace) -> int:
    from studyreader.programme.checkin import check_in

    result = check_in(args.file, message=args.message)
    for line in result.lines:
        print(line)
    return 0 if result.ok else 1


def append_check(file: str, text: str, day) -> int:
    """``studyreader append --check``: whether the text, appended now, would count. Writes nothing.

    Exits 0 when it would count, 1 when it would not.
    """
    from datetime import datetime, timezone
    from pathlib import Path

    from studyreader.programme.detect import detect_programme
    from studyreader.programme.forecast import will_it_count
    from studyreader.programme.status import read_notes_text

    path = Path(file)
    notes_text = read_notes_text(path)
    programme = detect_programme(path).programme
    forecast = will_it_count(notes_text, text, datetime.now(timezone.utc), programme=programme, path=path, day=day)
    print(f"{file}: {forecast.day.isoformat()}: {forecast.line}")
    local_end = forecast.day_ends.astimezone()
    print(f"the bot's day ({forecast.bot_today.isoformat()} in {forecast.zone.name}) ends at "
          f"{local_end:%Y-%m-%d %H:%M} your time ({local_end.tzname()})")
    if forecast.budget is not None:
        print(forecast.budget.describe())
    elif programme is None:
        print("not in a programme: no leave budget (nothing is missed or eliminated)")
    return 0 if forecast.counts else 1
