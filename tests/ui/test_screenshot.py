"""``studyreader screenshot`` writes a PNG of the requested size."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage


def run(*args: str, env=None) -> subprocess.CompletedProcess:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "studyreader", "screenshot", *args],
        capture_output=True, text=True, timeout=180, env=environment,
    )


@pytest.mark.slow
def test_screenshot_writes_png_of_requested_size(tmp_path, sample_copy):
    out = tmp_path / "shot.png"
    result = run(str(sample_copy), "--out", str(out), "--size", "900x600", "--theme", "dark", "--lang", "en")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)
    # dark theme: the middle of the reader is dark, and there is text on it (not one flat colour)
    colours = {image.pixel(x, y) for x in range(300, 600, 3) for y in range(150, 450, 3)}
    assert len(colours) > 10
    assert image.pixelColor(450, 590).lightness() < 110


def test_screenshot_rejects_bad_input(tmp_path):
    result = run(str(tmp_path / "missing.md"), "--out", str(tmp_path / "x.png"))
    assert result.returncode == 2 and "missing.md" in result.stderr
    result = run("--out", str(tmp_path / "x.jpg"))
    assert result.returncode == 2 and "PNG" in result.stderr
    result = run("--out", str(tmp_path / "x.png"), "--size", "huge")
    assert result.returncode == 2 and "WIDTHxHEIGHT" in result.stderr
    result = run("--out", str(tmp_path / "x.png"), "--term", "no-such-term")
    assert result.returncode == 2 and "no-such-term" in result.stderr
