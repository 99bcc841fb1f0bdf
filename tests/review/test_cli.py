"""`studyreader review status|export` through the real command line entry point."""

from __future__ import annotations

import json
import zipfile

import time_machine

from studyreader import paths
from studyreader.cli import main
from studyreader.review import GOOD, ReviewSession, ReviewStore, default_db_path, find_sightings
from tests.review.conftest import SHANGHAI, shanghai


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def status_json(capsys, *extra):
    code, out, err = run(capsys, "review", "status", "--json", *extra)
    assert code == 0, err
    return json.loads(out)


@time_machine.travel(shanghai(2026, 12, 6, 21, 0), tick=True)
def test_status_adds_the_notes_terms_and_counts_them(capsys, sample_notes, glossary):
    sample = str(paths.sample_notes())
    terms = len(find_sightings(sample_notes, glossary))
    status = status_json(capsys, "--notes", sample)
    # Reviewing starts today, long after the sample's entries: all of it is backlog, 5 cards a day.
    assert status["new_total"] == status["total"] == 3 * terms
    assert (status["new_today"], status["due_today"], status["learned"], status["retention"]) == (5, 0, 0, None)
    assert status_json(capsys) == status  # without --notes: the cards as stored
    assert status_json(capsys, "--new-per-day", "2")["new_today"] == 2

    with ReviewStore.open() as store:
        session = ReviewSession(store, glossary, SHANGHAI)
        for _ in range(2):
            session.next_card()
            session.grade(GOOD)
    status = status_json(capsys, "--notes", sample)
    assert (status["learning"], status["reviews_today"], status["new_today"]) == (2, 2, 3)
    assert status["due_today"] == 2  # their next learning step is today

    code, out, err = run(capsys, "review", "status")
    assert code == 0 and "due today:  2" in out and "new today:  3" in out and "retention:  -" in out


@time_machine.travel(shanghai(2026, 12, 6, 23, 55), tick=False)
def test_a_learning_step_past_midnight_is_due_tomorrow(capsys, glossary):
    """Days are the notes' calendar days: a 10-minute step taken at 23:55 falls on the next day."""
    sample = str(paths.sample_notes())
    status_json(capsys, "--notes", sample)
    with ReviewStore.open() as store:
        session = ReviewSession(store, glossary, SHANGHAI)
        session.next_card()
        session.grade(GOOD)
    status = status_json(capsys, "--notes", sample)
    assert (status["day"], status["learning"], status["reviews_today"], status["due_today"]) == ("2026-12-06", 1, 1, 0)
    with time_machine.travel(shanghai(2026, 12, 7, 0, 10), tick=False):
        status = status_json(capsys, "--notes", sample)
    assert (status["day"], status["reviews_today"], status["due_today"]) == ("2026-12-07", 0, 1)


def test_status_refuses_what_it_cannot_use(capsys, tmp_path):
    code, out, err = run(capsys, "review", "status", "--notes", str(tmp_path / "missing.md"))
    assert code == 2 and "missing.md: no such file" in err and out == ""
    code, out, err = run(capsys, "review", "export", "--out", str(tmp_path / "t.apkg"), "--notes", str(tmp_path))
    assert code == 2 and f"{tmp_path}: is a folder, not a notes file" in err and out == ""
    code, out, err = run(capsys, "review", "status", "--new-per-day", "-1")
    assert code == 2 and "--new-per-day must be 0 or more" in err


def test_status_reports_a_damaged_database_it_set_aside(capsys):
    default_db_path().parent.mkdir(parents=True, exist_ok=True)
    default_db_path().write_bytes(b"not sqlite at all" * 100)
    code, out, err = run(capsys, "review", "status", "--json")
    assert code == 0 and "warning: review database" in err and "moved to" in err
    assert json.loads(out)["total"] == 0


def test_export_from_notes_and_from_the_stored_cards(capsys, tmp_path, sample_notes, glossary):
    terms = len(find_sightings(sample_notes, glossary))
    out_file = tmp_path / "terms.apkg"
    code, out, err = run(capsys, "review", "export", "--out", str(out_file), "--json")
    assert code == 0 and json.loads(out)["notes"] == 0 and "no terms to export" in err
    code, out, err = run(capsys, "review", "export", "--out", str(out_file), "--notes", str(paths.sample_notes()))
    assert code == 0 and f"wrote {2 * terms} Anki notes" in out
    assert zipfile.is_zipfile(out_file)
    run(capsys, "review", "status", "--notes", str(paths.sample_notes()))
    code, out, err = run(capsys, "review", "export", "--out", str(out_file), "--json")
    assert code == 0 and json.loads(out) == {"out": str(out_file), "notes": 2 * terms}


def test_export_refuses_a_missing_folder(capsys, tmp_path):
    code, out, err = run(capsys, "review", "export", "--out", str(tmp_path / "no" / "t.apkg"), "--notes",
                         str(paths.sample_notes()))
    assert code == 2 and "no such folder" in err
