"""Finding the programme from the repository around a notes file, each value with its source."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from studyreader.paths import sample_notes
from studyreader.programme.detect import detect_programme, script_generation
from studyreader.programme.model import NEWER, OLDER, ProgrammeOverride
from tests.programme.support import EN_README, METADATA_README, ZH_README, make_programme


def test_chinese_readme_takes_the_study_period_not_the_sign_up_period(tmp_path):
    notes = make_programme(tmp_path / "repo", ZH_README, allowance=3)
    programme = detect_programme(notes).programme
    assert programme.start.value == date(2025, 1, 6) and programme.end.value == date(2025, 1, 19)
    readme = tmp_path / "repo" / "README.md"
    lines = readme.read_text(encoding="utf-8").split("\n")
    sign_up_line = lines.index("- 开始时间：2025-01-01") + 1
    assert programme.start.file == readme and programme.start.line != sign_up_line
    assert not any("2025-01-01" in item for item in programme.disagreements)


def test_text_and_table_header_are_both_sources_and_agree(tmp_path):
    notes = make_programme(tmp_path / "repo", EN_README)
    programme = detect_programme(notes).programme
    assert "table header" in programme.start.how
    assert programme.disagreements == ()


def test_english_readme_leave_rules_read_as_the_newer_bot_does(tmp_path):
    notes = make_programme(tmp_path / "repo", EN_README, allowance=3)
    programme = detect_programme(notes).programme
    assert programme.generation.value == NEWER and "English" in programme.generation.how
    assert programme.allowance.value == 3 and programme.allowance.how == "## Leave Rules"
    assert programme.allowance.line == EN_README.split("\n").index("{allowance} leaves per week.") + 1


def test_metadata_block_dates_and_an_allowance_the_bot_does_not_read(tmp_path):
    notes = make_programme(tmp_path / "repo", METADATA_README, allowance=3, in_notes_folder=True)
    detection = detect_programme(notes)
    programme = detection.programme
    assert programme.start.value == date(2025, 1, 6) and programme.end.value == date(2025, 1, 19)
    assert programme.generation.value == NEWER
    # "Leave Allowance Per Week: 3" is not under "## Leave Rules": the bot uses its default 2, and says so
    assert programme.allowance.value == 2
    assert any("Leave Allowance Per Week" in item and "does not read" in item for item in programme.disagreements)


def test_sources_that_disagree_are_reported_with_both_places(tmp_path):
    notes = make_programme(tmp_path / "repo", ZH_README)
    readme = tmp_path / "repo" / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8").replace("结束时间：2025-01-19", "结束时间：2025-01-20"),
                      encoding="utf-8")
    programme = detect_programme(notes).programme
    assert programme.end.value == date(2025, 1, 19)  # the table header: what the bot last used
    (item,) = [d for d in programme.disagreements if d.startswith("study end")]
    assert "2025-01-20" in item and f"{readme}:" in item


def test_older_generation_allows_two_whatever_the_readme_says(tmp_path):
    notes = make_programme(tmp_path / "repo", ZH_README, start=date(2024, 7, 29), end=date(2024, 8, 18), allowance=3)
    programme = detect_programme(notes).programme
    assert programme.generation.value == OLDER
    assert programme.allowance.value == 2
    assert any("always allows 2" in item for item in programme.disagreements)


@pytest.mark.parametrize(
    "script, generation",
    [
        ("def extract_allowed_leave_quota(content, default_quota=2):\n    pass\n", NEWER),
        ("week = user_date.isocalendar()[1]\nif absent_count > 2:\n    pass\n", OLDER),
    ],
)
def test_the_bots_script_is_recognised_by_its_content(tmp_path, script, generation):
    notes = make_programme(tmp_path / "repo", ZH_README, start=date(2025, 1, 6))
    scripts = tmp_path / "repo" / ".github" / "scripts"
    scripts.mkdir(parents=True)
    (scripts / "sync_status_readme.py").write_text("import os\n\n" + script, encoding="utf-8")
    programme = detect_programme(notes).programme
    assert programme.generation.value == generation
    assert programme.generation.file == scripts / "sync_status_readme.py" and programme.generation.line == 3


def test_an_unknown_script_falls_back_to_the_readme_shape(tmp_path):
    notes = make_programme(tmp_path / "repo", EN_README)
    (tmp_path / "repo" / "sync_status_readme.py").write_text("print('hello')\n", encoding="utf-8")
    programme = detect_programme(notes).programme
    assert programme.generation.value == NEWER and "guessed" in programme.generation.how
    assert any("not recognised" in note for note in programme.notes)


def test_real_scripts_of_both_generations_are_recognised():
    from tests.conftest import SHARED_DIR

    checkers = SHARED_DIR / "checkers"
    if not checkers.is_dir():
        pytest.skip("../shared is absent")
    for name, generation in (("ZK", OLDER), ("monad-builder-camp", NEWER), ("template", NEWER)):
        text = (checkers / f"{name}.sync_status_readme.py").read_text(encoding="utf-8")
        assert script_generation(text)[0] == generation


def test_the_participants_row_is_the_bots_last_verdicts(tmp_path):
    rows = {"someone": ["✅"] * 14, "me": ["✅", "⭕️", " ⭕️", "❌"] + [""] * 10}
    notes = make_programme(tmp_path / "repo", EN_README, rows=rows, in_notes_folder=True)
    programme = detect_programme(notes).programme
    assert programme.row.name == "me"
    assert programme.row.mark_for(date(2025, 1, 8)) == "⭕️" and programme.row.mark_for(date(2025, 1, 9)) == "❌"
    text = (tmp_path / "repo" / "README.md").read_text(encoding="utf-8").split("\n")
    assert text[programme.row.line - 1].startswith("| [me]")


def test_a_real_git_work_tree_is_found_from_a_notes_folder(tmp_path):
    notes = make_programme(tmp_path / "repo", METADATA_README, in_notes_folder=True, git_marker=False)
    subprocess.run(["git", "init", "-q", str(tmp_path / "repo")], check=True)
    detection = detect_programme(notes)
    assert detection.root == (tmp_path / "repo").resolve()
    assert "git work tree" in detection.findings[0]


def test_outside_a_programme_there_is_none(tmp_path):
    loose = tmp_path / "loose.md"
    loose.write_text("<!-- Content_START -->\n### 2025.01.06\nhello world, long enough\n<!-- Content_END -->\n",
                     encoding="utf-8")
    assert detect_programme(loose).programme is None
    detection = detect_programme(sample_notes())
    assert detection.programme is None and detection.reason


def test_a_repository_without_the_bots_table_is_no_programme(tmp_path):
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    readme = "# My notes\n\n## 共学时间\n\n- 开始时间：2025-01-06\n"
    (tmp_path / "repo" / "README.md").write_text(readme, encoding="utf-8")
    notes = tmp_path / "repo" / "me.md"
    notes.write_text("hello\n", encoding="utf-8")
    detection = detect_programme(notes)
    assert detection.programme is None and "no check-in table" in detection.reason


def test_a_readme_that_only_quotes_the_bots_markers_is_no_programme(tmp_path):
    """A project's README that documents the bot (as StudyReader's own does) is not a programme's."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    readme = ("# A tool\n\nIt reads the table between `<!-- START_COMMIT_TABLE -->` and "
              "`<!-- END_COMMIT_TABLE -->`, and the `<!-- ICL_PROGRAM_METADATA_START -->` block.\n")
    (tmp_path / "repo" / "README.md").write_text(readme, encoding="utf-8")
    notes = tmp_path / "repo" / "me.md"
    notes.write_text("hello\n", encoding="utf-8")
    detection = detect_programme(notes)
    assert detection.programme is None and "no check-in table" in detection.reason


def test_overrides_replace_values_and_say_so(tmp_path):
    notes = make_programme(tmp_path / "repo", ZH_README)
    override = ProgrammeOverride(start=date(2025, 1, 7), allowance=4, generation=OLDER)
    programme = detect_programme(notes, override).programme
    assert programme.start.value == date(2025, 1, 7) and programme.start.how == "Settings override"
    assert programme.allowance.value == 4 and programme.generation.value == OLDER
    assert detect_programme(notes, ProgrammeOverride(disabled=True)).programme is None


def test_a_programme_entered_for_a_loose_file(tmp_path):
    loose = tmp_path / "loose.md"
    loose.write_text("hello\n", encoding="utf-8")
    programme = detect_programme(loose, ProgrammeOverride(start=date(2025, 1, 6), end=date(2025, 1, 26))).programme
    assert programme.end.value == date(2025, 1, 26) and programme.generation.value == NEWER


def test_override_round_trips_through_a_plain_dict_and_refuses_bad_values():
    override = ProgrammeOverride(start=date(2025, 1, 6), end=date(2025, 1, 26), allowance=3, generation=NEWER,
                                 participant="me")
    assert ProgrammeOverride.from_dict(override.to_dict()) == override
    assert ProgrammeOverride.from_dict({}).is_empty()
    with pytest.raises(ValueError, match="start"):
        ProgrammeOverride.from_dict({"start": "6 Jan"})
    with pytest.raises(ValueError, match="generation"):
        ProgrammeOverride.from_dict({"generation": "oldest"})


def test_a_readme_with_only_the_table_takes_the_year_from_the_notes(tmp_path):
    from tests.programme.support import table

    body = "### 2023.12.30\n年底的笔记写得足够长了\n"
    notes = make_programme(tmp_path / "repo", "# Programme\n\n{table}\n", start=date(2023, 12, 28),
                           end=date(2024, 1, 3), body=body)
    assert "12.28" in table(date(2023, 12, 28), date(2024, 1, 3))
    programme = detect_programme(notes).programme
    assert programme.start.value == date(2023, 12, 28) and programme.end.value == date(2024, 1, 3)  # over New Year
    assert "year from the notes' own entries" in programme.start.how
