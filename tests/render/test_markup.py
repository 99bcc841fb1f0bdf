"""Markdown to safe HTML: nothing runs, nothing remote loads, only http(s) links."""

from __future__ import annotations

import re

from studyreader.render import markup as render
from studyreader.render.markup import Mark, mark_terms, render_markdown

UNTRUSTED = """# 标题 <script>alert('x')</script>

<img src="https://tracker.example/pixel.png" onerror="alert(1)">

![远程](https://cdn.example/diagram.png) ![本地](pic.png) ![外面](../secret.png)

[js](javascript:alert(1)) [file](file:///etc/passwd) [web](https://docs.optimism.io/a?b=1&c=2)
[mail](mailto:a@b.c) <a href="data:text/html,<script>alert(1)</script>">data</a>

<iframe src="https://evil.example/"></iframe><style>body{display:none}</style>
<p onclick="alert(1)" style="color:red">点我</p>
"""


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def test_scripts_styles_frames_and_handlers_are_removed(tmp_path):
    html = render_markdown(UNTRUSTED, tmp_path)
    lowered = html.lower()
    for needle in ("<script", "alert(", "<iframe", "<style", "onerror", "onclick", "style=", "javascript:"):
        assert needle not in lowered, needle
    assert "点我" in html and "标题" in html


def test_only_web_links_keep_their_address(tmp_path):
    html = render_markdown(UNTRUSTED, tmp_path)
    links = hrefs(html)
    assert "https://docs.optimism.io/a?b=1&amp;c=2" in links
    assert all(render.is_web_url(link.replace("&amp;", "&")) for link in links), links
    assert "file:" not in " ".join(links) and "mailto:" not in " ".join(links)
    # the text of refused links is still shown
    assert ">js</a>" in html and ">file</a>" in html


def test_remote_images_become_placeholders_with_their_address(tmp_path):
    html = render_markdown(UNTRUSTED, tmp_path)
    assert "<img" not in html  # no local image exists yet: nothing left to load at all
    assert "https://tracker.example/pixel.png" in html
    assert "https://cdn.example/diagram.png" in html
    assert html.count('class="sr-placeholder"') == 4


def test_local_images_next_to_the_notes_load_and_others_do_not(tmp_path):
    (tmp_path / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path.parent / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    html = render_markdown(UNTRUSTED, tmp_path)
    sources = re.findall(r'<img src="([^"]*)"', html)
    assert sources == [(tmp_path / "pic.png").resolve().as_uri()]
    assert "../secret.png" in html  # shown as a placeholder, not loaded


def test_markdown_features_tables_fences_lists():
    html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n```bash\nmake <x>\n```\n\n3. three\n")
    assert "<table class=\"md\"" in html and "<td>1</td>" in html
    assert "<pre><code" in html and "make &lt;x&gt;" in html
    assert '<ol start="3">' in html


def test_mark_terms_wraps_text_but_not_code_or_links():
    html = render_markdown("排序器 和 `排序器` 和 [排序器](https://a.example) 以及 排序器&amp;")

    def find(text):
        return [Mark(m.start(), m.end(), "sequencer") for m in re.finditer("排序器", text)]

    marked = mark_terms(html, find)
    assert marked.count('href="term:sequencer"') == 2
    assert "<code>排序器</code>" in marked
    assert '<a href="https://a.example">排序器</a>' in marked
    assert render.plain_text(marked) == render.plain_text(html)


def test_mark_terms_ignores_overlaps_and_escapes_ids():
    def find(text):
        return [Mark(0, 4, "a b"), Mark(2, 6, "overlap"), Mark(5, 3, "bad")]

    marked = mark_terms("<p>abcdefgh</p>", find)
    assert marked == '<p><a class="term" href="term:a%20b">abcd</a>efgh</p>'
    assert render.term_id_from_href("term:a%20b") == "a b"
    assert render.term_id_from_href("https://x.org") is None


def test_is_web_url():
    assert render.is_web_url("https://example.org/x")
    assert render.is_web_url("HTTP://example.org")
    for url in ("javascript:alert(1)", "file:///etc/passwd", "https://", "ftp://x.org", "/relative", ""):
        assert not render.is_web_url(url), url


def test_rendering_from_several_threads_gives_the_same_html():
    from concurrent.futures import ThreadPoolExecutor

    sources = [f"# 标题 {i}\n\n- 项目 {i}\n- **粗体** `code`\n\n| a | b |\n|---|---|\n| {i} | x |\n" for i in range(40)]
    expected = [render_markdown(text) for text in sources]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(render_markdown, sources * 3))
    assert results == expected * 3
