"""Rendering a block has a bounded cost and never raises: hostile blocks become plain text with a note."""

from __future__ import annotations

import sys
import time

import pytest

from studyreader.render import markup
from studyreader.render.first_screen import cacheable_html
from studyreader.render.markup import is_plain_fallback, plain_text, render_markdown
from tests.render.hostile_inputs import GENERATORS


def timed(text: str) -> tuple[float, str]:
    start = time.perf_counter()
    html = render_markdown(text)
    return time.perf_counter() - start, html


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_hostile_blocks_render_quickly_as_plain_text(name):
    make = GENERATORS[name]
    small, _ = timed(make(4_000))
    large, html = timed(make(32_000))
    assert large < 1.0, (name, large)
    # eight times the input may cost at most about eight times the time (plus timer noise), never its square
    assert large < 12 * small + 0.05, (name, small, large)
    assert is_plain_fallback(html)
    assert "too complex to format" in html
    assert plain_text(html).count("\n") == 0 and "<p>" in html


def test_full_size_attack_inputs_stay_bounded():
    for text in (GENERATORS["nested_dashes"](20_000), GENERATORS["star_words"](120_000),
                 GENERATORS["open_links"](32_768), GENERATORS["long_line"](1_000_000)):
        seconds, html = timed(text)
        assert seconds < 1.0
        assert len(html) < 2 * markup.MAX_PLAIN_CHARS + 10_000  # what reaches Qt is capped
        assert max(len(piece) for piece in html.split("<p")) < markup.PLAIN_CHUNK + 100  # in short paragraphs


def test_long_blocks_of_nested_lines_are_plain_but_long_code_blocks_are_not():
    assert is_plain_fallback(render_markdown("> - a\n" * markup.MAX_LINES))
    assert not is_plain_fallback(render_markdown("> - a\n" * (markup.MAX_LINES // 2)))
    code = "```\n" + "x = 1\n" * (markup.MAX_LINES + 10) + "```"
    assert "<pre><code>" in render_markdown(code)


def test_plain_fallback_escapes_markup_and_keeps_the_text():
    text = "<script>alert(1)</script>" + "[" * (markup.MAX_BRACKETS + 1) + "\n第二行 <b>粗</b>"
    html = render_markdown(text)
    assert is_plain_fallback(html)
    assert "<script" not in html and "<b>" not in html
    assert "第二行 &lt;b&gt;粗&lt;/b&gt;" in html


def test_nesting_just_within_the_limit_is_still_formatted():
    assert "<ul>" in render_markdown("- " * markup.MAX_NESTING + "x")
    assert is_plain_fallback(render_markdown("- " * (markup.MAX_NESTING + 1) + "x"))
    assert is_plain_fallback(render_markdown("> " * (markup.MAX_NESTING + 1) + "x"))
    indented = "".join(" " * (2 * level) + "- x\n" for level in range(markup.MAX_NESTING + 3))
    assert is_plain_fallback(render_markdown(indented))
    assert markup.nesting_depth("中文\n  - a\n") == 2


def test_a_nested_block_near_the_recursion_limit_still_shows_its_text():
    """With the stack nearly used up, a list nested as deep as allowed cannot be laid out as lists:
    Python-Markdown before 3.11.4 raised RecursionError (the block is then shown as plain text),
    3.11.4 and later keep the markers it can no longer nest as text. Either way the block's text is
    shown, nothing is raised, and the next blocks render normally (an interrupted converter is not
    reused)."""
    text = "- " * markup.MAX_NESTING + "深"
    expected = render_markdown(text)
    assert not is_plain_fallback(expected) and expected.count("<ul>") == markup.MAX_NESTING
    frames = 0
    frame = sys._getframe()  # how deep this test already runs
    while frame is not None:
        frames += 1
        frame = frame.f_back
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(frames + 30)  # too little for Python-Markdown's nested lists
    try:
        html = render_markdown(text)
    finally:
        sys.setrecursionlimit(limit)
    assert "深" in html and html.count("<ul>") < markup.MAX_NESTING
    assert is_plain_fallback(html) or html.startswith("<p>- - ")
    # the next blocks render normally again
    assert render_markdown("**粗** [链接](https://a.example)") == '<p><strong>粗</strong> <a href="https://a.example">链接</a></p>'
    assert render_markdown(text) == expected


def test_plain_fallback_rows_are_never_kept_in_the_start_up_cache():
    assert cacheable_html(render_markdown("- " * 100 + "x")) is None
    assert cacheable_html(render_markdown("# 标题")) == "<h1>标题</h1>"


def test_the_note_is_in_the_interface_language():
    labels = markup.Labels(plain_text="以纯文本显示")
    assert "以纯文本显示" in render_markdown("[" * 1000, labels=labels)
