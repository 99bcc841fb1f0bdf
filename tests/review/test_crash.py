"""A review process killed mid-session loses at most the grade being written."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from studyreader.review import ReviewStore

REPO = Path(__file__).resolve().parents[2]
CHILD = """
import sys
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import fsrs

from studyreader import paths
from studyreader.glossary import default_glossary
from studyreader.notes import load_notes
from studyreader.review import AGAIN, GOOD, ReviewSession, ReviewStore, sync_notes

zone = ZoneInfo("Asia/Shanghai")
moment = [datetime(2025, 1, 20, 9, 0, tzinfo=zone).astimezone(timezone.utc) + timedelta(minutes=int(sys.argv[2]))]
store = ReviewStore.open(sys.argv[1])
glossary = default_glossary()
notes = load_notes(paths.sample_notes())
sync_notes(store, notes, glossary, today=date(2025, 1, 20))
session = ReviewSession(store, glossary, zone, clock=lambda: moment[0], scheduler=fsrs.Scheduler(enable_fuzzing=False),
                        new_per_day=1000, backlog_per_day=1000)
print("ready", flush=True)
n = 0
while True:
    card = session.next_card()
    moment[0] += timedelta(seconds=2)
    session.grade(AGAIN if n % 3 else GOOD)
    n += 1
    print(n, flush=True)
"""


def run_and_kill(path: Path, offset_minutes: int, grades_before_kill: int) -> int:
    """Start a reviewing process, SIGKILL it after it has confirmed some grades; returns the grades it confirmed."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(offset_minutes)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        confirmed = 0
        while confirmed < grades_before_kill:
            line = child.stdout.readline()
            assert line, child.stderr.read()
            confirmed = int(line)
        child.send_signal(signal.SIGKILL)
        rest = child.stdout.read()  # confirmations already in the pipe when it died
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    numbers = [int(n) for n in rest.split()]
    return numbers[-1] if numbers else confirmed


def test_killed_reviews_keep_every_confirmed_grade(tmp_path):
    path = tmp_path / "review.sqlite3"
    kept = 0  # grades in the database after the previous kill
    for round_number, kill_after in enumerate((25, 60, 7)):
        confirmed = kept + run_and_kill(path, round_number * 600, kill_after)
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
        # every confirmed grade is there; at most one more (committed, killed before it could say so)
        assert confirmed <= kept <= confirmed + 1
        # The card and its review row are written together: every reviewed card carries its last grade's time.
        rows = conn.execute(
            "SELECT c.state, c.fsrs, MAX(r.reviewed_ts), COUNT(r.id) FROM cards c"
            " LEFT JOIN reviews r ON r.card_id = c.id GROUP BY c.id"
        ).fetchall()
        conn.close()
        for state, fsrs_json, last_ts, count in rows:
            if count == 0:
                assert state == 0 and fsrs_json is None
            else:
                last_review = json.loads(fsrs_json)["last_review"]
                assert state != 0 and datetime.fromisoformat(last_review).timestamp() == last_ts
    with ReviewStore.open(path) as store:
        assert store.notices == []
        assert store.last_review() is not None
