"""``studyreader export``: HTML, Markdown and PDF of real notes with the tiny real Argos package."""

from __future__ import annotations

import base64
import re
import subprocess
from html.parser import HTMLParser

import pytest

from studyreader import paths
from studyreader.cli import main
from studyreader.glossary import default_glossary
from studyreader.render.markup import plain_text
from tests.support.cli_child import run_cli

# A 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


class _Collect(HTMLParser):
    """Every start tag with its attributes, and the text inside elements by language."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.lang_stack: list[str | None] = []
        self.text: dict[str, list[str]] = {"zh-CN": [], "en": []}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in ("td", "div"):
            self.lang_stack.append(attributes.get("lang"))

    def handle_endtag(self, tag):
        if tag in ("td", "div") and self.lang_stack:
            self.lang_stack.pop()

    def handle_data(self, data):
        lang = next((lang for lang in reversed(self.lang_stack) if lang), None)
        if lang:
            self.text[lang].append(data)


def _parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    parser.close()
    return parser


def _run(capsys, *argv):
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def notes(tmp_path):
    """The bundled sample in a folder of its own, with a local image, a remote one and one outside."""
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "pic.png").write_bytes(PNG)
    (tmp_path / "outside.png").write_bytes(PNG)
    text = paths.sample_notes().read_text(encoding="utf-8")
    extra = "\n\n![本地图](pic.png)\n\n![远程](https://example.com/a.png)\n\n![外面](../outside.png)\n"
    marker = "### 2025.01.07"
    assert marker in text
    text = text.replace(marker, extra.strip() + "\n\n" + marker, 1)
    path = folder / "notes.md"
    path.write_text(text, encoding="utf-8")
    return path


def _assert_self_contained(html: str) -> _Collect:
    parsed = _parse(html)
    names = [tag for tag, _ in parsed.tags]
    assert "script" not in names and "link" not in names and "iframe" not in names
    assert "<style>" in html
    for tag, attributes in parsed.tags:
        for name in ("src", "href"):
            if name not in attributes:
                continue
            value = attributes[name] or ""
            if name == "src":
                assert value.startswith("data:"), (tag, value)
            if tag != "a":
                assert not value.startswith(("http:", "https:", "file:")), (tag, value)
    return parsed


@pytest.mark.parametrize("layout", ["side", "interleaved"])
def test_html_export_is_self_contained_and_bilingual(use_tiny_argos, notes, tmp_path, capsys, layout):
    out = tmp_path / f"notes-{layout}.html"
    code, _, err = _run(capsys, "export", notes, "--out", out, "--layout", layout)
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    parsed = _assert_self_contained(html)
    # the local image inside the folder is embedded; the remote one and the one outside are not loaded
    images = [attributes for tag, attributes in parsed.tags if tag == "img"]
    assert any(a["src"].startswith("data:image/png;base64,") for a in images)
    assert base64.b64encode(PNG).decode() in html
    assert "Image not shown: ../outside.png" in html  # outside the notes folder: named, not embedded
    assert "Remote image not loaded:" in html
    # both languages: Chinese in the Chinese cells, English text in the English ones
    chinese = "".join(parsed.text["zh-CN"])
    english = "".join(parsed.text["en"])
    assert "挑战期通常是 7 天" in chinese and "2025.01.06" in html and "2025.01.08" in html
    assert re.search(r"[A-Za-z]{3,}", english)
    assert "挑战期通常是" not in english  # not the Chinese again
    if layout == "side":
        assert '<table class="export">' in html and 'colspan="2"' in html
    else:
        assert '<div class="en" lang="en">' in html and '<table class="export">' not in html
    # the code block is there once, untranslated
    assert html.count("make devnet-up") == 1
    assert re.search(r"<pre><code[^>]*>.*?make devnet-up", html, re.DOTALL)
    # glossary terms carry their definitions; the appendix lists them in both languages
    glossary = default_glossary()
    ethereum = glossary.lookup("以太坊")
    titles = [a.get("title", "") for tag, a in parsed.tags if tag == "abbr"]
    assert titles and all(titles)
    assert any(ethereum.definition_en in title for title in titles)
    appendix = html.split('id="glossary"', 1)[1]
    assert f"<td>{ethereum.zh}</td><td>{ethereum.en}</td>" in appendix
    assert appendix.count("<tr>") >= 5


def test_date_range_selects_entries(use_tiny_argos, notes, tmp_path, capsys):
    out = tmp_path / "range.html"
    code, _, err = _run(capsys, "export", notes, "--out", out, "--from", "2025-01-07", "--to", "2025-01-07")
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    text = plain_text(html)
    assert "2025.01.07" in text and "OP Stack 的角色" in text
    assert "2025.01.06" not in html and "2025.01.08" not in html and "示例学员" not in html
    assert "2025-01-07" in html.split("</h1>")[0]  # the range is in the title


def test_markdown_export_interleaves_english_as_blockquotes(use_tiny_argos, notes, tmp_path, capsys):
    out = tmp_path / "notes.md.out"
    code, _, err = _run(capsys, "export", notes, "--out", out, "--format", "md", "--from", "2025-01-08")
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("### 2025.01.08\n")
    chunks = text.split("\n\n")
    paragraph = chunks.index("共识层由 op-node 实现，它从 L1 读取数据并推导出 L2 区块。")
    assert chunks[paragraph + 1].startswith("> ") and re.search(r"[A-Za-z]{3}", chunks[paragraph + 1])
    fence = next(i for i, chunk in enumerate(chunks) if chunk.startswith("```bash"))
    assert "make devnet-up" in chunks[fence] and chunks[fence].endswith("```")
    assert fence + 1 == len(chunks) or not chunks[fence + 1].startswith(">")


def test_without_a_model_the_chinese_is_exported_with_a_note(notes, tmp_path, capsys):
    empty = tmp_path / "no-packages"
    empty.mkdir()
    out = tmp_path / "zh.html"
    code, _, err = _run(capsys, "export", notes, "--out", out, "--packages-dir", empty)
    assert code == 0, err
    assert "No translation model" in err
    html = out.read_text(encoding="utf-8")
    assert "No translation model is installed" in html and "挑战期通常是 7 天" in plain_text(html)
    assert "lang=\"en\"></td>" in html  # English cells left empty
    code, _, err = _run(capsys, "export", notes, "--out", tmp_path / "req.html", "--packages-dir", empty,
                        "--require-translation")
    assert code == 2 and "studyreader models install" in err
    assert not (tmp_path / "req.html").exists()


def test_pdf_export(use_tiny_argos, notes, tmp_path):
    """In a child process, as from a terminal: the command makes its own Qt application."""
    out = tmp_path / "notes.pdf"
    result, modules = run_cli(["export", str(notes), "--out", str(out)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "PySide6.QtGui" in modules and "PySide6.QtWidgets" not in modules
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 2
    assert b"/FontFile" in data  # fonts are embedded
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "挑战期" in text and "2025.01.06" in text


def test_html_and_markdown_exports_load_no_qt(use_tiny_argos, notes, tmp_path):
    for name in ("x.html", "x.md"):
        result, modules = run_cli(["export", str(notes), "--out", str(tmp_path / name)], tmp_path)
        assert result.returncode == 0, result.stderr
        assert not any(module.startswith("PySide6") for module in modules), name


def test_bad_input_messages(notes, tmp_path, capsys):
    code, _, err = _run(capsys, "export", tmp_path / "absent.md", "--out", tmp_path / "x.html")
    assert code != 0 and "absent.md" in err and err.startswith("studyreader: ")
    code, _, err = _run(capsys, "export", notes, "--out", tmp_path / "x.html", "--from", "2025-13-01")
    assert code == 2 and "--from" in err and "2025-13-01" in err
    code, _, err = _run(capsys, "export", notes, "--out", tmp_path / "x.html", "--to", "yesterday")
    assert code == 2 and "--to" in err and "YYYY-MM-DD" in err
    code, _, err = _run(capsys, "export", notes, "--out", tmp_path / "x.html", "--from", "2025-01-08",
                        "--to", "2025-01-06")
    assert code == 2 and "after" in err
    code, _, err = _run(capsys, "export", notes, "--out", tmp_path / "x.html", "--from", "2030-01-01")
    assert code == 1 and "no dated entry" in err and "notes.md" in err
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize("where", ["missing-folder", "folder", "under-a-file", "notes-file"])
def test_unwritable_output_is_refused(use_tiny_argos, notes, tmp_path, capsys, where):
    blocker = tmp_path / "plain.txt"
    blocker.write_text("x", encoding="utf-8")
    out = {
        "missing-folder": tmp_path / "nowhere" / "x.html",
        "folder": tmp_path,
        "under-a-file": blocker / "x.html",
        "notes-file": notes,
    }[where]
    before = notes.read_bytes()
    code, _, err = _run(capsys, "export", notes, "--out", out, "--format", "md")
    assert code == 2 and str(out) in err and "Traceback" not in err
    assert notes.read_bytes() == before


def test_html_for_the_pdf_marks_terms_without_their_definitions(use_tiny_argos, notes):
    from studyreader.export import ExportRequest, prepare, to_html

    document = prepare(ExportRequest(notes, require_translation=True))
    full, bare = to_html(document), to_html(document, term_titles=False)
    marked = re.findall(r"<abbr\b[^>]*>", full)
    assert marked and all("title=" in tag for tag in marked)
    assert re.findall(r"<abbr\b[^>]*>", bare) == ['<abbr class="term">'] * len(marked)
    assert plain_text(bare) == plain_text(full)  # same text, the appendix included
