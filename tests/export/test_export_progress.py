"""``studyreader export``: translation progress on standard error, and Ctrl+C stops it writing nothing."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
import time

from studyreader import paths
from studyreader.cli import main
from tests.support.tiny_argos import sample_sentences

_PROGRESS = re.compile(r"studyreader: translating (\d+)/(\d+) blocks")


def _sample(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(paths.sample_notes().read_text(encoding="utf-8"), encoding="utf-8")
    return path


def _big_notes(tmp_path, sentences: int = 6000):
    """Many distinct sentences under one entry: a cold translation that takes seconds with the tiny model."""
    lines = sample_sentences(sentences, seed=3)
    paragraphs = ["".join(lines[i:i + 3]) for i in range(0, len(lines), 3)]
    text = "# 学员\n\n## Notes\n\n### 2025.03.01\n\n" + "\n\n".join(paragraphs) + "\n"
    path = tmp_path / "big.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_progress_only_when_asked_or_on_a_terminal(use_tiny_argos, tmp_path, capsys):
    notes = _sample(tmp_path)
    assert main(["export", str(notes), "--out", str(tmp_path / "a.html")]) == 0
    assert "translating" not in capsys.readouterr().err  # standard error is not a terminal here
    assert main(["export", str(notes), "--out", str(tmp_path / "b.html"), "--progress"]) == 0
    err = capsys.readouterr().err
    steps = [(int(done), int(total)) for done, total in _PROGRESS.findall(err)]
    assert steps[0][0] == 0 and steps[-1][0] == steps[-1][1] > 10
    assert all(total == steps[0][1] for _, total in steps)
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)
    assert "\r" not in err
    assert (tmp_path / "b.html").read_text(encoding="utf-8").count("lang=\"en\"") > 10


def test_progress_on_a_terminal_rewrites_one_line(use_tiny_argos, tmp_path):
    notes = _sample(tmp_path)
    leader, follower = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "studyreader", "export", str(notes), "--out", str(tmp_path / "t.md")],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert child.wait(timeout=60) == 0
    text = seen.decode("utf-8").replace("\r\n", "\n")
    assert "\rstudyreader: translating 0/" in text
    done, total = _PROGRESS.findall(text)[-1]
    assert done == total and f"\rstudyreader: translating {total}/{total} blocks\n" in text
    assert (tmp_path / "t.md").exists()


def test_ctrl_c_stops_the_export_and_writes_nothing(use_tiny_argos, tmp_path):
    notes = _big_notes(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "big.html"
    child = subprocess.Popen(
        [sys.executable, "-m", "studyreader", "export", str(notes), "--out", str(out), "--progress"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    err = b""
    deadline = time.monotonic() + 60
    while b"translating" not in err and time.monotonic() < deadline:
        ready, _, _ = select.select([child.stderr], [], [], 1.0)
        if ready:
            err += os.read(child.stderr.fileno(), 4096)
    assert b"translating 0/" in err, err
    time.sleep(0.3)  # the model is at work now
    child.send_signal(signal.SIGINT)
    interrupted = time.monotonic()
    _, rest = child.communicate(timeout=60)
    stopped_after = time.monotonic() - interrupted
    err = (err + rest).decode("utf-8")
    assert child.returncode == 130, err
    assert "export cancelled; nothing was written" in err and "Traceback" not in err
    done, total = _PROGRESS.findall(err)[-1]
    assert int(done) < int(total)  # stopped before the end
    assert stopped_after < 5.0
    assert list(folder.iterdir()) == []  # no file, no temporary file
