"""Will the entry count: the one-line answer before saving, the leave budget and the end of the bot's day."""

from __future__ import annotations

from datetime import date, datetime, timezone

from studyreader.cli import main
from studyreader.programme.detect import detect_programme
from studyreader.programme.forecast import will_it_count
from tests.programme.support import ZH_README, make_programme

LONG = "今天学习了欺诈证明和挑战期"
NOTES = (
    "---\ntimezone: Asia/Shanghai\n---\n# Me\n<!-- Content_START -->\n### 2025.01.06\n"
    + LONG
    + "\n<!-- Content_END -->\n"
)
MORNING_7TH = datetime(2025, 1, 7, 1, 0, tzinfo=timezone.utc)  # 09:00 in Shanghai


def test_an_entry_long_enough_counts_and_the_bots_day_end_is_given():
    forecast = will_it_count(NOTES, LONG, MORNING_7TH)
    assert forecast.counts and forecast.day == date(2025, 1, 7) and str(forecast.line).startswith("counts: ")
    assert forecast.day_ends == datetime(2025, 1, 7, 16, 0, tzinfo=timezone.utc)
    assert forecast.budget is None  # no programme: no leave to count


def test_too_short_says_how_many_characters():
    forecast = will_it_count(NOTES, "读了 一点", MORNING_7TH)
    assert not forecast.counts and str(forecast.line) == "won't count: too short (4 of 11 characters)"


def test_a_sub_heading_the_bot_reads_as_a_date_cuts_the_entry():
    forecast = will_it_count(NOTES, "读了\n#### 3.1 Rollup\n" + LONG, MORNING_7TH)
    assert not forecast.counts
    line = str(forecast.line)
    assert "line 11 '#### 3.1 Rollup' looks like a date heading to the bot and cuts the entry short" in line
    assert "(2 of 11 characters)" in line


def test_text_the_notes_core_refuses_is_reported_not_saved():
    forecast = will_it_count(NOTES, "### 3.1 Rollup\n" + LONG, MORNING_7TH)
    line = str(forecast.line)
    assert not forecast.counts and line.startswith("cannot be saved: ") and "dated heading" in line


def test_a_date_heading_the_bot_cannot_read():
    text = NOTES.replace("<!-- Content_END -->", "### 2025.1.07\n短\n<!-- Content_END -->")
    forecast = will_it_count(text, LONG, MORNING_7TH)
    assert not forecast.counts
    assert "the bot cannot read the date heading '### 2025.1.07' (line 8) as 2025-01-07" in str(forecast.line)


def test_a_time_zone_line_the_bot_cannot_read_means_shanghai():
    text = NOTES.replace("---\ntimezone: Asia/Shanghai\n---\n", "- Timezone: UTC-5\n")
    now = datetime(2025, 1, 7, 20, 0, tzinfo=timezone.utc)  # 15:00 on the 7th in UTC-5, the 8th in Shanghai
    forecast = will_it_count(text, LONG, now, day=date(2025, 1, 7))
    assert forecast.counts and forecast.late and forecast.bot_today == date(2025, 1, 8)
    assert "already over in the bot's zone (Asia/Shanghai)" in str(forecast.line)
    assert "judges the days in Asia/Shanghai" in str(forecast.line)


def test_today_already_over_in_the_bots_zone_is_named():
    text = NOTES.replace("Asia/Shanghai", "UTC-5")
    now = datetime(2025, 1, 8, 4, 0, tzinfo=timezone.utc)  # 23:00 on the 7th in UTC-5
    assert not will_it_count(text, LONG, now).late
    later = datetime(2025, 1, 8, 5, 30, tzinfo=timezone.utc)
    forecast = will_it_count(text, LONG, later, day=date(2025, 1, 7))
    assert forecast.late and "the bot's today is 2025-01-08" in str(forecast.line)
    assert "2025-01-08 still needs its own entry" in str(forecast.line)


def test_leave_budget_of_the_current_cycle(tmp_path):
    body = "### 2025.01.06\n" + LONG + "\n"
    notes = make_programme(tmp_path / "repo", ZH_README, start=date(2025, 1, 6), end=date(2025, 1, 19), body=body)
    programme = detect_programme(notes).programme
    now = datetime(2025, 1, 9, 2, 0, tzinfo=timezone.utc)  # the 9th in Shanghai: the 7th and 8th were missed
    forecast = will_it_count(notes.read_text(encoding="utf-8"), LONG, now, programme=programme, path=notes)
    assert forecast.counts
    budget = forecast.budget
    assert (budget.used, budget.allowed, budget.kind) == (2, 2, "cycle")
    assert (budget.first, budget.last) == (date(2025, 1, 6), date(2025, 1, 12))


def test_a_day_outside_the_programme_does_not_count(tmp_path):
    notes = make_programme(tmp_path / "repo", ZH_README, start=date(2025, 1, 6), end=date(2025, 1, 19))
    programme = detect_programme(notes).programme
    now = datetime(2025, 1, 25, 2, 0, tzinfo=timezone.utc)
    forecast = will_it_count(notes.read_text(encoding="utf-8"), LONG, now, programme=programme, path=notes)
    assert not forecast.counts and "not a programme day" in str(forecast.line)


def test_append_check_writes_nothing(tmp_path, capsys):
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    assert main(["append", str(path), "--text", "短", "--check"]) == 1
    out = capsys.readouterr().out
    assert "won't count: too short (1 of 11 characters)" in out and "the bot's day (" in out and "ends at" in out
    assert main(["append", str(path), "--text", LONG, "--check", "--date", "2025-01-06"]) == 0
    assert "counts: " in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == NOTES


def test_copy_for_the_website_gives_the_text_inside_the_daily_checkin_wrapper():
    from studyreader.programme.website import website_entry_text, written_by_website

    text = (
        "- Timezone: UTC+8\n\n<!-- Content_START -->\n# 2026-07-27\n<!-- DAILY_CHECKIN_2026-07-27_START -->\n"
        "# 2026-07-27\n\n今天部署了第一个合约\n\n第二段\n<!-- DAILY_CHECKIN_2026-07-27_END -->\n\n"
        "# 2026-07-26\n<!-- DAILY_CHECKIN_2026-07-26_START -->\n昨天的\n<!-- DAILY_CHECKIN_2026-07-26_END -->\n"
        "<!-- Content_END -->\n"
    )
    assert written_by_website(text)
    assert website_entry_text(text, date(2026, 7, 27)) == "今天部署了第一个合约\n\n第二段"
    assert website_entry_text(text, date(2026, 7, 26)) == "昨天的"
    assert website_entry_text(text, date(2026, 7, 25)) is None
    assert not written_by_website(NOTES)
    assert website_entry_text(NOTES, date(2025, 1, 6)) == LONG
