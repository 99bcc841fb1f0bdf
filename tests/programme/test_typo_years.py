"""Far-out typo years (``### 9999.12.31``) are warnings and never stretch the programme."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from studyreader.programme import status_for
from tests.support.hostile import far_year_notes


@pytest.mark.parametrize("heading", ["### 9999.12.31", "### 0001.01.01", "### 2205.01.07"])
def test_a_typo_year_is_a_warning_and_does_not_stretch_the_programme(tmp_path, heading):
    path = tmp_path / "notes.md"
    path.write_text(far_year_notes(heading), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "studyreader", "status", str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "far from the file's other dates" in result.stderr and "left out of the programme" in result.stderr
    days = [line.split()[0] for line in result.stdout.splitlines() if line[:4].isdigit()]  # after the header
    assert days == ["2025-01-06", "2025-01-07", "2025-01-08"]


def test_an_explicit_span_ending_on_the_last_date_does_not_overflow(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(far_year_notes("### 9999.12.31"), encoding="utf-8")
    status = status_for(path, start=date(9999, 12, 29), end=date(9999, 12, 31))
    assert [v.date for v in status.verdicts] == [date(9999, 12, 29), date(9999, 12, 30), date(9999, 12, 31)]
