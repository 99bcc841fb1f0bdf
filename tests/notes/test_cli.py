import json
import subprocess
import sys

import pytest

from studyreader import __version__
from studyreader.cli import main
from studyreader.paths import sample_notes

NOTES = (
    "---\ntimezone: UTC+8\n---\n<!-- Content_START -->\n### 2025.01.06\n今天学习了乐观汇总和欺诈证明\n"
    "### 2025.01.07\n短\n<!-- Content_END -->\n"
)


@pytest.fixture
def notes_file(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    return path


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"studyreader {__version__}"


def test_module_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "studyreader", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and __version__ in result.stdout


def test_entries_json(notes_file, capsys):
    assert main(["entries", str(notes_file), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"date": "2025-01-06", "line": 5, "chars": 14},
        {"date": "2025-01-07", "line": 7, "chars": 1},
    ]


def test_entries_text_lists_the_sample(capsys):
    assert main(["entries", str(sample_notes())]) == 0
    out = capsys.readouterr().out
    assert "2025-01-06" in out and "2025-01-10" in out


def test_append_text_and_text_file(notes_file, tmp_path, capsys):
    assert main(["append", str(notes_file), "--text", "第三天", "--date", "2025-01-08"]) == 0
    assert "created a new entry for 2025-01-08" in capsys.readouterr().out
    source = tmp_path / "entry.md"
    source.write_text("补充：挑战期是 7 天\n", encoding="utf-8")
    assert main(["append", str(notes_file), "--text-file", str(source), "--date", "2025-01-07"]) == 0
    assert "added to the entry for 2025-01-07" in capsys.readouterr().out
    assert "短\n\n补充：挑战期是 7 天\n\n### 2025.01.08\n第三天\n<!--" in notes_file.read_text(encoding="utf-8")


def test_append_needs_exactly_one_text_source(notes_file, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["append", str(notes_file)])
    assert exit_.value.code == 2
    assert notes_file.read_text(encoding="utf-8") == NOTES


@pytest.mark.parametrize(
    "argv, message",
    [
        (["append", "{f}", "--text", "x", "--date", "2025-13-01"], "not a real calendar date"),
        (["append", "{d}/missing.md", "--text", "x"], "no such file"),
        (["append", "{f}", "--text-file", "{d}/missing.txt"], "--text-file"),
        (["status", "{f}", "--start", "2025-01-09", "--end", "2025-01-01"], "before --start"),
        (["entries", "{d}/missing.md"], "no such file"),
    ],
)
def test_refusals_name_the_file_and_exit_non_zero(notes_file, tmp_path, capsys, argv, message):
    argv = [a.format(f=notes_file, d=tmp_path) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("studyreader: ") and message in err
    assert "Traceback" not in err
    assert notes_file.read_text(encoding="utf-8") == NOTES


def test_refusal_from_a_real_process_has_no_traceback(tmp_path):
    bad = tmp_path / "gbk.md"
    bad.write_bytes("<!-- Content_START -->\n学习笔记\n<!-- Content_END -->\n".encode("gbk"))
    result = subprocess.run(
        [sys.executable, "-m", "studyreader", "append", str(bad), "--text", "x"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert str(bad) in result.stderr and "GBK" in result.stderr and "Traceback" not in result.stderr
