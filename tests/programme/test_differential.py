"""StudyReader's verdicts against the bots' own tables: every row, every day, dates detected.

The two programme repositories in ../shared/programmes are the answer key: their READMEs hold the
tables the bots computed on 2026-08-22 at about 01:00 UTC, after both programmes had ended.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from studyreader.programme.detect import detect_programme
from studyreader.programme.readme import read_readme
from studyreader.programme.verdicts import bot_verdicts, missing_file_row
from tests.conftest import SHARED_DIR

PROGRAMMES = SHARED_DIR / "programmes"
TABLE_COMPUTED = datetime(2026, 8, 22, 1, 0, tzinfo=timezone.utc)
EXPECTED = {
    "ZK": (date(2024, 7, 29), date(2024, 8, 18), "older", 54),
    "monad-builder-camp": (date(2026, 7, 6), date(2026, 8, 7), "newer", 630),
}

pytestmark = pytest.mark.skipif(not PROGRAMMES.is_dir(), reason="../shared/programmes is absent")


def _notes_path(root: Path, name: str) -> Path:
    in_notes = root / "notes" / f"{name}.md"
    return in_notes if in_notes.exists() or not (root / f"{name}.md").exists() else root / f"{name}.md"


@pytest.mark.parametrize("programme", sorted(EXPECTED))
def test_every_cell_of_the_bots_table(programme):
    root = PROGRAMMES / programme
    rows = read_readme((root / "README.md").read_text(encoding="utf-8")).rows
    start, end, generation, row_count = EXPECTED[programme]
    assert len(rows) == row_count
    cells = matched = 0
    mismatches = []
    for row in rows:
        path = _notes_path(root, row.name)
        detected = detect_programme(path).programme  # the dates come from the repository, never from the test
        assert (detected.start.value, detected.end.value, detected.generation.value) == (start, end, generation)
        if path.exists():
            verdicts = bot_verdicts(
                path.read_text(encoding="utf-8"), detected.start.value, detected.end.value,
                detected.generation.value, detected.allowance.value, TABLE_COMPUTED,
            )
        else:
            verdicts = missing_file_row(detected.start.value, detected.end.value)
        assert len(verdicts) == len(row.cells), row.name
        for verdict, cell in zip(verdicts, row.cells):
            cells += 1
            if verdict.mark == cell:
                matched += 1
            else:
                mismatches.append(f"{row.name} {verdict.date}: table {cell!r}, StudyReader {verdict.mark!r} "
                                  f"({verdict.reason})")
    print(f"{programme}: {matched} of {cells} cells agree")
    assert mismatches == [], "\n".join(mismatches[:20])


def test_every_eliminated_row_has_a_reason_naming_the_allowance():
    root = PROGRAMMES / "monad-builder-camp"
    path = root / "notes" / "Likepasttimes.md"
    detected = detect_programme(path).programme
    verdicts = bot_verdicts(path.read_text(encoding="utf-8"), detected.start.value, detected.end.value,
                            detected.generation.value, detected.allowance.value, TABLE_COMPUTED)
    (eliminated,) = [v for v in verdicts if v.mark == "❌"]
    assert eliminated.date == date(2026, 7, 19)
    reason = str(eliminated.reason)
    assert "3 misses in the cycle 2026-07-13 – 2026-07-19" in reason and "allowance 2" in reason
