"""`studyreader log` and `studyreader stats` through the real command line entry point."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from studyreader.cli import main
from studyreader.study.log import StudyLog
from studyreader.study.recorder import SessionRecorder
from studyreader.study.timer import StudyTimer

SHANGHAI = ZoneInfo("Asia/Shanghai")


def today_in(tz) -> date:
    return datetime.now(tz).date()


def write_notes(path, tz_name="Asia/Shanghai", written=(), empty=()):
    lines = ["---", f"timezone: {tz_name}", "---", "", "<!-- Content_START -->", ""]
    for day in sorted({*written, *empty}):
        lines.append(f"### {day.year}.{day.month:02d}.{day.day:02d}")
        lines.append("今天学习了 OP Stack 的欺诈证明和挑战期的设计。" if day in written else "")
        lines.append("")
    lines.append("<!-- Content_END -->")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_log_then_stats_json_shape(capsys, tmp_path):
    today = today_in(SHANGHAI)
    yesterday = today - timedelta(days=1)
    notes = write_notes(tmp_path / "notes.md", written=[yesterday], empty=[today])
    code, out, err = run(capsys, "log", "--minutes", "70", "--date", yesterday.isoformat(), "--notes", str(notes))
    assert code == 0, err
    assert f"Logged 70 min on {yesterday.isoformat()}" in out
    code, out, err = run(capsys, "log", "--minutes", "25", "--note", "手机上读", "--notes", str(notes), "--json")
    assert code == 0, err
    assert json.loads(out) == {"date": today.isoformat(), "minutes": 25, "note": "手机上读", "day_total_minutes": 25}

    code, out, err = run(capsys, "stats", "--days", "3", "--json", "--notes", str(notes))
    assert code == 0, err
    data = json.loads(out)
    assert list(data) == ["goal_minutes", "streak", "longest_streak", "total_minutes", "days"]
    assert data["goal_minutes"] == 60
    assert data["streak"] == 1  # yesterday reached the goal; today (25 min) does not break it
    assert data["longest_streak"] == 1
    assert data["total_minutes"] == 95
    assert data["days"] == [
        {"date": (today - timedelta(days=2)).isoformat(), "minutes": 0, "entry": False, "reviews": 0},
        {"date": yesterday.isoformat(), "minutes": 70, "entry": True, "reviews": 0},
        {"date": today.isoformat(), "minutes": 25, "entry": False, "reviews": 0},  # heading without content
    ]


def test_stats_default_is_30_days_ending_today_and_goal_option(capsys):
    code, out, _ = run(capsys, "stats", "--json", "--goal", "20")
    data = json.loads(out)
    assert code == 0
    assert len(data["days"]) == 30
    assert data["goal_minutes"] == 20
    dates = [date.fromisoformat(d["date"]) for d in data["days"]]
    assert dates == sorted(dates) and dates[-1] - dates[0] == timedelta(days=29)
    assert all(d["entry"] is False for d in data["days"])  # no notes file: no entries


def test_stats_uses_the_last_file_the_window_opened(capsys, tmp_path):
    from studyreader import options

    today = today_in(ZoneInfo("Pacific/Kiritimati"))  # UTC+14: "today" differs from most zones
    notes = write_notes(tmp_path / "last.md", tz_name="Pacific/Kiritimati", written=[today])
    options.SettingsStore().set(options.LAST_FILE.key, str(notes.resolve()))
    code, out, err = run(capsys, "stats", "--days", "1", "--json")
    assert code == 0, err
    assert json.loads(out)["days"] == [{"date": today.isoformat(), "minutes": 0, "entry": True, "reviews": 0}]
    code, out, err = run(capsys, "stats", "--days", "2")
    assert "Pacific/Kiritimati" in out and str(notes.resolve()) in out


def test_stats_text_counts_timer_sessions_and_streak(capsys, tmp_path):
    notes = write_notes(tmp_path / "notes.md")
    today = today_in(SHANGHAI)
    with StudyLog.open() as log:
        for back in (3, 2, 1):
            day = today - timedelta(days=back)
            t = datetime(day.year, day.month, day.day, 20, 0, tzinfo=SHANGHAI).timestamp()
            clock = [t]
            recorder = SessionRecorder(
                log, StudyTimer(clock=lambda c=clock: c[0]), wall_clock=lambda c=clock: c[0]
            )
            recorder.start()
            for _ in range(62 * 2):
                clock[0] += 30
                recorder.tick()
            recorder.stop()
    code, out, err = run(capsys, "stats", "--days", "5", "--notes", str(notes))
    assert code == 0, err
    assert "Current streak: 3 days; longest: 3 days" in out
    assert out.count(" 62 min *") == 3
    assert "Total: 186 min (3 h 06 min)" in out


def test_a_day_with_term_reviews_keeps_the_streak_and_is_listed(capsys, tmp_path):
    import fsrs

    from studyreader import paths
    from studyreader.glossary import termbase
    from studyreader.notes import load_notes
    from studyreader.review import GOOD, ReviewSession, ReviewStore, default_db_path, sync_notes

    notes = write_notes(tmp_path / "notes.md")
    today = today_in(SHANGHAI)
    yesterday, before = today - timedelta(days=1), today - timedelta(days=2)
    run(capsys, "log", "--minutes", "60", "--date", before.isoformat(), "--notes", str(notes))
    code, out, _ = run(capsys, "stats", "--days", "3", "--json", "--notes", str(notes))
    assert json.loads(out)["streak"] == 0 and not default_db_path().exists()  # stats does not create it
    glossary = termbase.default_glossary()
    with ReviewStore.open() as store:
        sync_notes(store, load_notes(paths.sample_notes()), glossary, today=yesterday)
        moment = datetime(yesterday.year, yesterday.month, yesterday.day, 21, 0, tzinfo=SHANGHAI)
        session = ReviewSession(store, glossary, SHANGHAI, clock=lambda: moment,
                                scheduler=fsrs.Scheduler(enable_fuzzing=False))
        for _ in range(3):
            session.next_card()
            session.grade(GOOD)
    code, out, err = run(capsys, "stats", "--days", "3", "--json", "--notes", str(notes))
    assert code == 0, err
    data = json.loads(out)
    assert data["streak"] == 2 and data["longest_streak"] == 2  # the goal day, then a review-only day
    assert [d["reviews"] for d in data["days"]] == [0, 3, 0] and data["days"][1]["minutes"] == 0
    code, out, err = run(capsys, "stats", "--days", "3", "--notes", str(notes))
    assert f"{yesterday.isoformat()}" in out and "(3 term reviews)" in out
    assert "Current streak: 2 days" in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--minutes", "0"], "minutes must be positive"),
        (["--minutes", "-30"], "minutes must be positive"),
        (["--minutes", "1441"], "more than a day"),
        (["--minutes", "30", "--date", "2999-01-01"], "in the future"),
        (["--minutes", "30", "--date", "2025-02-30"], "not a real date"),
        (["--minutes", "30", "--date", "2025-13-01"], "not a real date"),
        (["--minutes", "30", "--date", "6.1.2025"], "YYYY-MM-DD"),
        (["--minutes", "30", "--notes", "/no/such/notes.md"], "no such notes file"),
    ],
)
def test_log_refusals(capsys, argv, message):
    code, out, err = run(capsys, "log", *argv)
    assert code == 2
    assert err.startswith("studyreader: ") and message in err
    assert "Traceback" not in err
    code, out, _ = run(capsys, "stats", "--json", "--days", "1")
    assert json.loads(out)["total_minutes"] == 0  # nothing was logged


def test_log_refuses_a_day_that_would_exceed_24_hours(capsys):
    day = (date.today() - timedelta(days=3)).isoformat()
    assert run(capsys, "log", "--minutes", "1000", "--date", day)[0] == 0
    code, _, err = run(capsys, "log", "--minutes", "441", "--date", day)
    assert code == 2 and "already has 1000 minutes" in err
    assert run(capsys, "log", "--minutes", "440", "--date", day)[0] == 0


def test_log_minutes_must_be_a_number(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["log", "--minutes", "lots"])
    assert exit_info.value.code == 2
    assert "invalid int value" in capsys.readouterr().err


def test_stats_refuses_bad_days(capsys):
    code, _, err = run(capsys, "stats", "--days", "0")
    assert code == 2 and "--days" in err


def test_stats_reports_a_corrupt_log_and_keeps_it(capsys, isolated_user_dirs):
    from studyreader.study.log import default_log_path

    path = default_log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"garbage" * 50)
    code, out, err = run(capsys, "stats", "--json", "--days", "1")
    assert code == 0
    assert "studyreader: warning: study log" in err and "moved to" in err
    assert [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
