"""``studyreader review status`` and ``studyreader review export``.

Module-level imports stay light (argparse only): the glossary, the notes core,
fsrs and genanki are imported inside the handlers.
"""

from __future__ import annotations

import argparse
import sys

_NOTES_HELP = (
    "a notes file: its terms get cards first (new terms, suspended ones) and its time zone decides the day "
    "(default: the cards as stored, in the computer's time zone)"
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "review",
        help="review the glossary terms of your notes (spaced repetition), export them to Anki",
        description="Term review: every glossary term your notes mention gives cards (Chinese → English, "
        "English → Chinese, definition → term), scheduled with FSRS. The state is kept in the data folder.",
    )
    commands = parser.add_subparsers(dest="review_command", metavar="COMMAND", required=True)

    status = commands.add_parser(
        "status",
        help="cards due today, new, learned, retention",
        description="Today's review figures: cards due before the day ends, new cards today's limit lets in, "
        "cards learned (in the Review state) and the retention of the last 30 days (share of reviews of "
        "learned cards not graded Again).",
    )
    status.add_argument("--notes", metavar="FILE", help=_NOTES_HELP)
    status.add_argument("--new-per-day", type=int, default=None, metavar="N", help="daily limit of new cards (10)")
    status.add_argument("--json", action="store_true", help="print JSON")
    status.set_defaults(handler=_status)

    export = commands.add_parser(
        "export",
        help="write the term cards as an Anki deck (.apkg)",
        description="Write the cards (Chinese → English and English → Chinese, with both definitions and the "
        "sentence of your notes where the term first appeared) as an Anki package. Exporting again and "
        "importing updates the same notes in Anki instead of adding copies.",
    )
    export.add_argument("--out", required=True, metavar="FILE", help="the .apkg file to write")
    export.add_argument(
        "--notes", metavar="FILE", help="take the terms from this notes file (default: the cards as stored)"
    )
    export.add_argument("--json", action="store_true", help="print JSON")
    export.set_defaults(handler=_export)


def _glossary():
    from studyreader.glossary import default_glossary

    glossary = default_glossary()
    for warning in glossary.warnings:
        print(f"studyreader: warning: {warning}", file=sys.stderr)
    return glossary


def _open_store():
    from studyreader.review.store import ReviewStore

    store = ReviewStore.open()
    for notice in store.notices:
        print(f"studyreader: warning: {notice}", file=sys.stderr)
    return store


def _status(args: argparse.Namespace) -> int:
    from datetime import datetime, timezone

    from studyreader.cli import print_json
    from studyreader.errors import StudyReaderError
    from studyreader.notes import load_notes
    from studyreader.notes.frontmatter import local_timezone
    from studyreader.review.session import DEFAULT_BACKLOG_PER_DAY, DEFAULT_NEW_PER_DAY, sync_notes

    new_per_day = DEFAULT_NEW_PER_DAY if args.new_per_day is None else args.new_per_day
    if new_per_day < 0:
        raise StudyReaderError(f"--new-per-day must be 0 or more, not {new_per_day}")
    with _open_store() as store:
        if args.notes:
            notes = load_notes(args.notes)
            tz = notes.tz
            sync_notes(store, notes, _glossary())
        else:
            tz = local_timezone()
        status = store.status(
            datetime.now(timezone.utc),
            tz,
            new_per_day=new_per_day,
            backlog_per_day=min(new_per_day, DEFAULT_BACKLOG_PER_DAY),
        )
    if args.json:
        print_json(status.to_dict())
        return 0
    print(f"due today:  {status.due_today}")
    print(f"new today:  {status.new_today} (of {status.new_total} waiting)")
    print(f"learning:   {status.learning}")
    print(f"learned:    {status.learned}")
    if status.retention is None:
        print("retention:  - (no review of a learned card in the last 30 days)")
    else:
        print(f"retention:  {status.retention:.0%} of {status.retention_reviews} reviews in the last 30 days")
    if status.suspended:
        print(f"suspended:  {status.suspended} (terms hidden or removed from the glossary)")
    return 0


def _export(args: argparse.Namespace) -> int:
    from studyreader.cli import print_json
    from studyreader.notes import load_notes
    from studyreader.review.anki import export_apkg
    from studyreader.review.cards import card_face, faces_for_sightings, find_sightings

    glossary = _glossary()
    if args.notes:
        notes = load_notes(args.notes)
        faces = faces_for_sightings(find_sightings(notes, glossary), glossary)
        source = args.notes
    else:
        with _open_store() as store:
            stored = store.cards()
        faces = [
            card_face(
                glossary.terms[card.term_id],
                card.direction,
                example=card.sentence,
                example_day=card.first_seen,
                example_line=card.line,
            )
            for card in stored
            if card.term_id in glossary.terms
        ]
        source = "the review database"
    count = export_apkg(faces, args.out)
    if args.json:
        print_json({"out": args.out, "notes": count})
    else:
        print(f"wrote {count} Anki notes from {source} to {args.out}")
    if count == 0:
        hint = "" if args.notes else " (give --notes FILE, or review in the window first)"
        print(f"studyreader: warning: no terms to export{hint}", file=sys.stderr)
    return 0
