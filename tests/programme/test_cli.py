"""``studyreader programme`` and ``studyreader status`` on real files."""

from __future__ import annotations

import json
from datetime import date

from studyreader.cli import main
from studyreader.paths import sample_notes
from tests.programme.support import ZH_README, make_programme

LOOSE = (
    "---\ntimezone: UTC+8\n---\n<!-- Content_START -->\n### 2025.01.06\n今天学习了乐观汇总和欺诈证明\n"
    "### 2025.01.07\n短\n<!-- Content_END -->\n"
)


def test_programme_text_names_each_value_and_its_place(tmp_path, capsys):
    notes = make_programme(tmp_path / "repo", ZH_README, rows={"me": ["✅"] * 14})
    assert main(["programme", str(notes)]) == 0
    out = capsys.readouterr().out
    readme = tmp_path / "repo" / "README.md"
    assert "study start:     2025-01-06" in out and f"{readme}:" in out
    assert "leave allowance: 2" in out and "## 请假规则" in out
    assert "time zone:       Asia/Shanghai" in out and "line 2" in out
    assert "bot table row:   me" in out and "✅ 14" in out


def test_programme_json(tmp_path, capsys):
    notes = make_programme(tmp_path / "repo", ZH_README, allowance=3)
    assert main(["programme", str(notes), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    programme = found["programme"]
    assert programme["start"]["value"] == "2025-01-06" and programme["start"]["line"]
    assert programme["allowance"] == {"value": 3, "file": str((tmp_path / "repo" / "README.md").resolve()),
                                      "line": programme["allowance"]["line"], "how": "## 请假规则"}
    assert programme["row"] is None and found["timezone"]["name"] == "Asia/Shanghai"


def test_programme_outside_a_repository(capsys):
    assert main(["programme", str(sample_notes()), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["programme"] is None and found["reason"].startswith("not in a programme repository")


def test_status_of_a_loose_file_says_only_whether_entries_count(tmp_path, capsys):
    loose = tmp_path / "notes.md"
    loose.write_text(LOOSE, encoding="utf-8")
    assert main(["status", str(loose), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert all(row["published"] is None for row in rows)
    assert [(row["date"], row["verdict"], row["mark"]) for row in rows] == [
        ("2025-01-06", "done", "✅"), ("2025-01-07", "missed", "⭕️")
    ]
    assert "too short: 1 of 11 characters" in rows[1]["reason"]


def test_status_with_a_period_given_on_the_command_line(tmp_path, capsys):
    loose = tmp_path / "notes.md"
    loose.write_text(LOOSE, encoding="utf-8")
    assert main(["status", str(loose), "--json", "--end", "2025-01-09"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["mark"] for row in rows] == ["✅", "⭕️", "⭕️", "❌"]
    assert "3 misses in the cycle 2025-01-06 – 2025-01-09" in rows[3]["reason"]


def test_status_uses_the_detected_programme(tmp_path, capsys):
    body = "### 2025.01.06\n今天学习了乐观汇总和欺诈证明\n"
    notes = make_programme(tmp_path / "repo", ZH_README, start=date(2025, 1, 6), end=date(2025, 1, 12), body=body)
    assert main(["status", str(notes)]) == 0
    out = capsys.readouterr().out
    assert "2025-01-06 – 2025-01-12" in out
    lines = [line for line in out.splitlines() if line.startswith("2025-")]
    assert len(lines) == 7 and "✅" in lines[0] and "⭕️" in lines[1] and "❌" in lines[3]


def test_status_shows_the_bots_published_mark_where_it_differs(tmp_path, capsys):
    body = "### 2025.01.06\n今天学习了乐观汇总和欺诈证明\n"
    rows = {"me": ["⭕️", "⭕️", "⭕️", "❌", "", "", ""]}  # the bot ran before the entry was pushed
    notes = make_programme(tmp_path / "repo", ZH_README, start=date(2025, 1, 6), end=date(2025, 1, 12), body=body,
                           rows=rows)
    assert main(["status", str(notes), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert (found[0]["mark"], found[0]["published"]) == ("✅", "⭕️")
    assert main(["status", str(notes)]) == 0
    assert "[table: ⭕️]" in capsys.readouterr().out


def test_the_bundled_sample_shows_no_elimination(capsys):
    assert main(["status", str(sample_notes())]) == 0
    out = capsys.readouterr().out
    assert "❌" not in out and "✅" in out


def test_the_users_own_file_with_a_stray_template_heading_shows_no_elimination(capsys):
    from tests.conftest import SHARED_DIR

    own = SHARED_DIR / "sample-notes.md"
    if not own.is_file():
        import pytest

        pytest.skip("../shared is absent")
    assert main(["status", str(own), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(row["mark"] != "❌" for row in rows)
    stray = [row for row in rows if row["date"] == "2024-07-12"]
    assert stray and stray[0]["verdict"] == "missed"  # only "would not count", nothing eliminated


def test_the_programme_core_loads_no_qt():
    import subprocess
    import sys

    code = (
        "import sys, studyreader.programme, studyreader.programme.cli; "
        "print(any('PySide6' in m for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
