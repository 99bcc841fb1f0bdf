"""``studyreader log`` and ``studyreader stats``.

Both take ``--notes FILE``: its front matter's ``timezone:`` decides which
calendar day a minute belongs to and its entries say whether a day's entry is
written. Without ``--notes`` they use the file the window opened last (stored
in the settings); with no such file, the computer's zone and no entries.
"""

from __future__ import annotations

import argparse

_NOTES_HELP = (
    "the notes file whose time zone and entries to use (default: the file the window opened last; "
    "if none, the computer's time zone and no entries)"
)


def register(subparsers: argparse._SubParsersAction) -> None:
    log = subparsers.add_parser(
        "log",
        help="log study done away from the computer",
        description="Add minutes of study done away from the computer to the study log. Refused: "
        "non-positive minutes, more than 24 hours in one day (with what is already logged), "
        "future or impossible dates.",
    )
    log.add_argument("--minutes", type=int, required=True, metavar="N", help="whole minutes studied")
    log.add_argument("--date", metavar="YYYY-MM-DD", help="the day studied (default: today in the notes' zone)")
    log.add_argument("--note", metavar="TEXT", help="what was studied")
    log.add_argument("--notes", metavar="FILE", help=_NOTES_HELP)
    log.add_argument("--json", action="store_true", help="print JSON")
    log.set_defaults(handler=_log)

    stats = subparsers.add_parser(
        "stats",
        help="study time per day and the streak",
        description="Minutes studied per day for the last N days ending today, the total of those days, "
        "the current streak and the longest streak ever (days reaching the daily goal or with a term "
        "review, in a row; today still short of the goal does not break a streak that ran through yesterday).",
    )
    stats.add_argument("--days", type=int, default=30, metavar="N", help="how many days to list (default 30)")
    stats.add_argument(
        "--goal", type=int, metavar="MIN", help="daily goal in minutes (default: the settings' goal, 60)"
    )
    stats.add_argument("--notes", metavar="FILE", help=_NOTES_HELP)
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=_stats)


def _settings():
    """The window's settings (a file that cannot be read is reported; its defaults are used)."""
    import sys

    from studyreader.options import SettingsStore

    store = SettingsStore()
    if store.problem:
        print(f"studyreader: warning: {store.problem}", file=sys.stderr)
    return store


def _context_for(path_arg: str | None, settings):
    """The notes context to use: ``--notes``, else the window's last file, else the computer's zone."""
    from pathlib import Path

    from studyreader.errors import StudyReaderError
    from studyreader.study.context import load_context, local_context

    if path_arg is not None:
        path = Path(path_arg)
        if not path_arg or not path.is_file():
            raise StudyReaderError(f"{path_arg or repr(path_arg)}: no such notes file")
        context = load_context(path, strict=True)
        if context.zone_warning:
            import sys

            print(f"studyreader: {path}: {context.zone_warning}", file=sys.stderr)  # as `entries` says it
        return context
    from studyreader import options

    last = settings.get(options.LAST_FILE.key)
    if last and Path(last).is_file():
        return load_context(Path(last))
    return local_context()


def _warn(log) -> None:
    import sys

    for notice in log.notices:
        print(f"studyreader: warning: {notice}", file=sys.stderr)
    for session_id in log.recovered:
        print(
            f"studyreader: note: session {session_id} was not closed (crash?); it was ended at its last checkpoint",
            file=sys.stderr,
        )


def parse_day(text: str):
    """YYYY-MM-DD, strictly; a clear refusal otherwise."""
    import re
    from datetime import date

    from studyreader.study.log import StudyLogError

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise StudyLogError(f"date {text!r} is not in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise StudyLogError(f"{text.strip()} is not a real date") from None


def _log(args: argparse.Namespace) -> int:
    from studyreader.cli import print_json
    from studyreader.study.log import StudyLog, StudyLogError

    if args.minutes <= 0:
        raise StudyLogError(f"minutes must be positive, not {args.minutes}")
    context = _context_for(args.notes, _settings())
    today = context.today()
    day = parse_day(args.date) if args.date is not None else today  # --date "" is refused, not today
    with StudyLog.open() as log:
        _warn(log)
        entry = log.add_manual(day, args.minutes, tz=context.tz, note=args.note, notes_path=context.path, today=today)
    if args.json:
        print_json(
            {
                "date": entry.day.isoformat(),
                "minutes": entry.minutes,
                "note": entry.note,
                "day_total_minutes": entry.day_total_minutes,
            }
        )
    else:
        print(f"Logged {entry.minutes} min on {entry.day.isoformat()} (that day: {entry.day_total_minutes} min).")
    return 0


def _stats(args: argparse.Namespace) -> int:
    from studyreader import options
    from studyreader.cli import print_json
    from studyreader.errors import StudyReaderError
    from studyreader.study.log import StudyLog
    from studyreader.study.stats import compute_stats, day_minutes

    if not 1 <= args.days <= 3660:
        raise StudyReaderError(f"--days must be between 1 and 3660, not {args.days}")
    settings = _settings()
    if args.goal is not None:
        if not 1 <= args.goal <= 24 * 60:
            raise StudyReaderError(f"--goal must be between 1 and 1440 minutes, not {args.goal}")
        goal = args.goal
    else:
        goal = settings.get(options.DAILY_GOAL.key)
    context = _context_for(args.notes, settings)
    today = context.today()
    with StudyLog.open() as log:
        _warn(log)
        first = log.first_day(context.tz) or today
        seconds = log.day_seconds(context.tz, min(first, today), today)
    reviews = _reviews_per_day(today)
    stats = compute_stats(day_minutes(seconds), context.entries, today, days=args.days, goal=goal, reviews=reviews)
    if args.json:
        print_json(stats.to_json())
        return 0
    source = f"notes {context.path}" if context.path else "no notes file"
    print(f"Study time, last {args.days} days to {today.isoformat()} ({context.tz_name}; {source})")
    for day in stats.days:
        mark = "entry written" if day.entry else ""
        goal_mark = "*" if day.minutes >= goal else " "
        line = f"{day.date.isoformat()} {day.date.strftime('%a')} {day.minutes:>5} min {goal_mark} {mark}".rstrip()
        print(line + (f" ({day.reviews} term reviews)" if day.reviews else ""))
    hours, minutes = divmod(stats.total_minutes, 60)
    print(f"Total: {stats.total_minutes} min ({hours} h {minutes:02d} min); * = daily goal of {goal} min reached")
    print(f"Current streak: {_days(stats.streak)}; longest: {_days(stats.longest_streak)}")
    return 0


def _reviews_per_day(today):
    """Term reviews per day from the review database, if reviewing has started (it is not created here)."""
    import sys
    from datetime import date

    from studyreader.review import ReviewDatabaseError, ReviewStore, default_db_path

    if not default_db_path().exists():
        return {}
    try:
        store = ReviewStore.open()
    except ReviewDatabaseError as error:  # locked right now: the minutes alone still answer
        print(f"studyreader: warning: {error}; term reviews are not counted", file=sys.stderr)
        return {}
    with store:
        for notice in store.notices:
            print(f"studyreader: warning: {notice}", file=sys.stderr)
        return store.reviews_per_day(date.min, today)


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"
