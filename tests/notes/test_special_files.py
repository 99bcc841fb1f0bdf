"""Anything that is not a regular file is refused, and a read-only file system is named (issue 12, item 15)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOTES = "<!-- Content_START -->\n### 2025.01.06\n第一天的学习记录。\n<!-- Content_END -->\n"


def studyreader(*argv: str, timeout: float = 30) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    return subprocess.run(
        [sys.executable, "-m", "studyreader", *argv], env=env, capture_output=True, text=True, timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "notes.md"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("command", [["entries"], ["status"], ["append", "--text", "x", "--date", "2025-01-07"]])
def test_a_fifo_as_the_notes_file_is_refused_at_once(fifo, command):
    result = studyreader(command[0], str(fifo), *command[1:])
    assert result.returncode == 2 and "not a regular file (a FIFO)" in result.stderr, result.stderr
    assert str(fifo) in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["entries"], ["append", "--text", "x", "--date", "2025-01-07"]])
def test_a_device_as_the_notes_file_is_refused(command):
    result = studyreader(command[0], "/dev/zero", *command[1:])
    assert result.returncode == 2 and "not a regular file (a character device)" in result.stderr, result.stderr


def test_dev_zero_as_the_text_file_is_refused_without_eating_memory(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    result = studyreader("append", str(notes), "--text-file", "/dev/zero", "--date", "2025-01-07")
    assert result.returncode == 2 and "MB" in result.stderr and "Traceback" not in result.stderr
    assert notes.read_text(encoding="utf-8") == NOTES


@pytest.fixture
def read_only_notes(tmp_path):
    """A notes file on a read-only mount (a tmpfs remounted read-only; needs root)."""
    folder = tmp_path / f"ro-{uuid.uuid4().hex[:6]}"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a file system here")
    try:
        path = folder / "notes.md"
        path.write_text(NOTES, encoding="utf-8")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield path
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_read_only_file_system_is_named_as_such(read_only_notes):
    result = studyreader("append", str(read_only_notes), "--text", "x", "--date", "2025-01-07")
    assert result.returncode == 2 and "read-only file system" in result.stderr, result.stderr
    assert "permission denied" not in result.stderr
    assert read_only_notes.read_text(encoding="utf-8") == NOTES
