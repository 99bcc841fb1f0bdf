"""The PDF export read back with poppler: paper size, fonts, and the entry date in each page's header."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess

import pytest

from studyreader.export import paper_for_locale
from studyreader.export.paper import default_paper
from tests.support.cli_child import run_cli
from tests.support.tiny_argos import sample_sentences


@pytest.fixture(autouse=True)
def poppler():
    """The tests read the PDF back with poppler; scripts/setup.sh installs it (poppler-utils)."""
    missing = [tool for tool in ("pdftotext", "pdfinfo", "pdffonts") if not shutil.which(tool)]
    assert not missing, f"install poppler-utils (scripts/setup.sh): {missing} not found"

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
_HEADING = re.compile(r"^(\d{4})\.(\d{2})\.(\d{2})$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _notes(folder, entries: int = 14):
    """A notes file with a preface and entries of very different lengths (1 to 9 paragraphs)."""
    sentences = iter(sample_sentences(400, seed=5))
    parts = ["# 学员\n\n我想学习以太坊。\n\n## Notes\n\n<!-- Content_START -->\n"]
    for n in range(entries):
        day = dt.date(2025, 2, 1) + dt.timedelta(days=n)
        paragraphs = [next(sentences) + next(sentences) + next(sentences) for _ in range(1 + (n * 5) % 9)]
        parts.append(f"### {day:%Y.%m.%d}\n\n" + "\n\n".join(paragraphs) + "\n")
    parts.append("<!-- Content_END -->\n")
    path = folder / "notes.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _pages(pdf) -> list[list[tuple[float, float, str]]]:
    """Each page's words as (top, left, text), top to bottom."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        words = [(float(m.group(2)), float(m.group(1)), html.unescape(m.group(5))) for m in _WORD.finditer(page)]
        pages.append(sorted(words))
    return pages


def _header_and_body(words):
    """The header line (the one starting with the file name), the body lines below it, the footer
    ("n / N", the last line) dropped. Words above the header are the line before a page break that Qt
    draws again, clipped out of sight, when a paragraph crosses the break (``QTextLayout::draw`` starts
    at the last line above its clip): not looked at."""
    title = next(w for w in words if w[2] == "notes.md")
    header = [w for w in words if abs(w[0] - title[0]) < 1.0]
    bottom = max(w[0] for w in words)
    body = [w for w in words if w[0] > title[0] + 1.0 and abs(w[0] - bottom) >= 1.0]
    return sorted(header, key=lambda w: w[1]), body


def _expected_dates(pages):
    """What the header must show, found from the body text alone: the date of the last entry heading
    above the page's first body line (the page begins in that entry), nothing before the first entry
    and in the glossary appendix."""
    expected, current = [], None
    for words in pages:
        _, body = _header_and_body(words)
        first = body[0][0]
        marks = []  # (top, date or None) of entry headings and the appendix heading on this page
        for top, _left, text in body:
            match = _HEADING.match(text)
            if match:
                marks.append((top, dt.date(*map(int, match.groups())).isoformat()))
            elif text == "术语表":
                marks.append((top, None))
        starting = [label for top, label in marks if abs(top - first) < 3.0]
        expected.append(starting[0] if starting else current)
        if marks:
            current = marks[-1][1]
    return expected


@pytest.mark.parametrize(("layout", "paper", "size"), [("side", "letter", "612 x 792"), ("interleaved", "a4", "595")])
def test_each_page_header_holds_the_date_of_the_entry_it_begins_in(use_tiny_argos, tmp_path, layout, paper, size):
    notes = _notes(tmp_path)
    out = tmp_path / "notes.pdf"
    result, _ = run_cli(["export", str(notes), "--out", str(out), "--layout", layout, "--paper", paper], tmp_path)
    assert result.returncode == 0, result.stderr
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(rf"Page size:\s+{size}", info), info
    assert f"({paper})" in info.lower() or paper == "a4" and "(A4)" in info
    pages = _pages(out)
    assert len(pages) >= 4  # several entries cross page boundaries
    expected = _expected_dates(pages)
    shown = []
    for number, words in enumerate(pages, start=1):
        header, _ = _header_and_body(words)
        assert header[0][2] == "notes.md", (number, header)
        dates = [text for _, _, text in header if _ISO.match(text)]
        assert len(dates) <= 1, (number, header)
        shown.append(dates[0] if dates else None)
        bottom = words[-1][0]
        footer = [text for top, _left, text in words if abs(top - bottom) < 1.0]
        assert " ".join(footer) == f"{number} / {len(pages)}"
    assert shown == expected
    # the cases that matter are there: a page before the first entry, a page that begins inside an
    # entry whose heading is on an earlier page, and pages of the glossary appendix
    assert shown[0] is None and any(shown[1:])
    continued = [i for i, day in enumerate(shown) if day and not any(
        _HEADING.match(t) and abs(top - _header_and_body(pages[i])[1][0][0]) < 3.0 for top, _, t in pages[i])]
    assert continued, shown
    assert shown[-1] is None
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    chinese = [line for line in fonts.splitlines() if "CJK" in line or "Hei" in line or "Han" in line]
    assert chinese and all(" yes " in line for line in chinese), fonts
    if "Noto Sans CJK SC" in subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True,
                                            text=True).stdout:
        assert "CJKsc" in fonts or "CJK SC" in fonts, fonts  # the Simplified Chinese face, embedded


def test_paper_from_the_locale():
    assert paper_for_locale("en_US.UTF-8") == "letter" and paper_for_locale("es-MX") == "letter"
    assert paper_for_locale("zh_CN.UTF-8") == "a4" and paper_for_locale("C.UTF-8") == "a4"
    assert paper_for_locale("de_DE@euro") == "a4" and paper_for_locale("") == "a4"
    assert default_paper({"LANG": "en_US.UTF-8"}) == "letter"
    assert default_paper({"LANG": "en_US.UTF-8", "LC_PAPER": "en_GB.UTF-8"}) == "a4"
    assert default_paper({"LC_ALL": "en_CA.UTF-8", "LC_PAPER": "en_GB.UTF-8"}) == "letter"
    assert default_paper({}) == "a4"
    assert default_paper({}, fallback="en_US") == "letter"  # no variable set: the system locale decides
    assert default_paper({"LANG": "de_DE.UTF-8"}, fallback="en_US") == "a4"


def test_command_line_paper_follows_the_locale(use_tiny_argos, tmp_path, monkeypatch):
    notes = _notes(tmp_path, entries=2)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_PAPER", "en_US.UTF-8")
    out = tmp_path / "us.pdf"
    result, _ = run_cli(["export", str(notes), "--out", str(out)], tmp_path)
    assert result.returncode == 0, result.stderr
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "612 x 792" in info
