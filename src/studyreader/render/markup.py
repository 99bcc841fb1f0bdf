"""Markdown to safe HTML for the reader. Plain Python: no Qt here.

Notes come from other people (a co-learning repository holds everyone's files),
so the HTML that reaches the text widget is sanitised by ``nh3`` with a short
allow-list: no scripts, no styles, no event handlers, no forms, no frames.
Remote images are never fetched: they become a placeholder that shows the
address. Local images load only from the notes file's own folder. Links keep
their address only when it is http(s); everything else is shown as text.

Python-Markdown and nh3 are imported on first use: a window that shows cached
HTML (see :mod:`studyreader.render.first_screen`) starts without them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from studyreader.render import images

EXTENSIONS = ("tables", "fenced_code", "sane_lists")

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan"},
}
# Tags whose content goes too, not just the tag.
DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "embed", "noscript", "svg", "math"}

WEB_SCHEMES = ("http", "https")

# Text nodes inside these are never marked as glossary terms.
_NO_MARK_TAGS = {"a", "code", "pre", "kbd", "samp", "tt"}
# Patterns are compiled on first use (re keeps them): a start-up that shows the cached first screen
# imports this module but runs none of them.
_IMG_TAG = r"(?i)<img\b[^>]*>"
_ATTR = r'(\w+)="([^"]*)"'


@dataclass(frozen=True)
class Labels:
    """User-visible words the renderer inserts; the Qt side passes translated ones."""

    remote_image: str = "Remote image not loaded:"
    blocked_image: str = "Image not shown:"
    plain_text: str = "Shown as plain text: too complex to format."


def is_web_url(url: str) -> bool:
    """True for an absolute http(s) address with a host: the only links that open."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)


_local = threading.local()


def markdown_to_html(text: str) -> str:
    """Python-Markdown with tables, fenced code and sane lists (unsanitised).

    One converter per thread, reset between blocks: building one per call (and
    looking extensions up by name through package metadata) costs more than the
    conversion itself, and a converter must not be shared between threads.
    """
    converter = getattr(_local, "converter", None)
    if converter is None:
        import markdown
        from markdown.extensions.fenced_code import FencedCodeExtension
        from markdown.extensions.sane_lists import SaneListExtension
        from markdown.extensions.tables import TableExtension

        converter = _local.converter = markdown.Markdown(
            extensions=[TableExtension(), FencedCodeExtension(), SaneListExtension()], output_format="html"
        )
    converter.reset()
    return converter.convert(text)


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if is_web_url(value) else None
    return value


def sanitise(raw_html: str) -> str:
    """Keep only harmless markup; links keep only http(s) addresses."""
    import nh3

    return nh3.clean(
        raw_html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        strip_comments=True,
        link_rel=None,
        url_schemes={"http", "https", "file"},
    )


# -- bounded rendering ----------------------------------------------------------
# Python-Markdown recurses once per nesting level and is quadratic (or worse) in
# unclosed brackets and tags; Qt lays a long paragraph out in quadratic time.
# A block beyond these limits is shown as plain text with a quiet note, before
# Python-Markdown sees it; any error while rendering does the same.
MAX_MARKDOWN_CHARS = 20_000  # a longer block is shown as plain text
MAX_LINES = 1_000  # lines of one block (a fenced code block excepted): nested quotes and lists grow quadratically
MAX_NESTING = 16  # list, quote and indentation levels of one line
MAX_BRACKETS = 300  # "[" in one block (links, images, references)
MAX_TAGS = 600  # "<" in one block (inline HTML, autolinks)
MAX_PLAIN_CHARS = 50_000  # shown of a block as plain text; the rest is left out, with a note
PLAIN_CHUNK = 2_000  # a plain-text paragraph is cut into pieces of this length (Qt lays each out alone)

# a list marker needs a space after it; quote markers nest without one (">>>")
_NEST_STEP = r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)|>)[ \t]*"


def nesting_depth(text: str, limit: int = MAX_NESTING) -> int:
    """The deepest nesting of list markers, quote markers and indentation on any line (counted up to ``limit`` + 1)."""
    deepest = 0
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip(" \t"))
        depth = indent // 2
        position = 0
        while depth <= limit:
            step = re.compile(_NEST_STEP).match(line, position)
            if step is None or step.end() == position:
                break
            depth += 1
            position = step.end()
        deepest = max(deepest, depth)
        if deepest > limit:
            break
    return deepest


def too_complex(text: str) -> bool:
    """True for a block whose formatting would cost too much time or stack (shown as plain text)."""
    return (
        len(text) > MAX_MARKDOWN_CHARS
        or (text.count("\n") >= MAX_LINES and not text.lstrip().startswith(("```", "~~~")))
        or text.count("[") > MAX_BRACKETS
        or text.count("<") > MAX_TAGS
        or nesting_depth(text) > MAX_NESTING
    )


def plain_html(text: str, note: str) -> str:
    """``text`` as escaped plain paragraphs (cut into pieces Qt lays out quickly), after a quiet note."""
    import html

    shown = text[:MAX_PLAIN_CHARS]
    paragraphs = [f'<p class="sr-note">{html.escape(note)}</p>']
    for line in shown.splitlines():
        for at in range(0, max(1, len(line)), PLAIN_CHUNK):
            paragraphs.append(f"<p>{html.escape(line[at:at + PLAIN_CHUNK], quote=False) or '&nbsp;'}</p>")
    if len(text) > len(shown):
        paragraphs.append(f'<p class="sr-note">[… {len(text) - len(shown)}]</p>')
    return "".join(paragraphs)


def is_plain_fallback(safe_html: str) -> bool:
    """True for HTML that :func:`render_markdown` gave up formatting (see :func:`plain_html`)."""
    return safe_html.startswith('<p class="sr-note">')


_REFERENCE_DEFINITION = r"(?m)^[ ]{0,3}\[([^\]\n]{1,200})\]:[ \t]*\S.*$"


def link_references(texts: Iterable[str]) -> dict[str, str]:
    """The link reference definitions (``[r]: https://…``) of a file, by lower-cased label."""
    found: dict[str, str] = {}
    for text in texts:
        if "]:" not in text:
            continue
        for match in re.finditer(_REFERENCE_DEFINITION, text):
            found.setdefault(match.group(1).strip().lower(), match.group(0).strip())
    return found


def _used_references(text: str, references: dict[str, str]) -> str:
    """The definitions ``text`` may use (those whose label it mentions), as Markdown lines."""
    if not references or "[" not in text:
        return ""
    lowered = text.lower()
    used = [line for label, line in references.items() if f"[{label}]" in lowered]
    return "\n".join(used[:MAX_BRACKETS])


def render_markdown(
    text: str,
    base_dir: Path | None = None,
    labels: Labels | None = None,
    references: dict[str, str] | None = None,
) -> str:
    """Markdown source to the safe HTML the reader shows; never raises, bounded in time.

    ``references``: the file's link reference definitions (:func:`link_references`),
    so that ``[x][r]`` and ``![x][r]`` work in a block rendered on its own.
    """
    labels = labels or Labels()
    if too_complex(text):
        return plain_html(text, labels.plain_text)
    definitions = _used_references(text, references or {})
    source = f"{text}\n\n{definitions}\n" if definitions else text
    try:
        clean = sanitise(markdown_to_html(source))
    except Exception:  # noqa: BLE001 - Python-Markdown or nh3 failing on hostile input: show the text
        _local.converter = None  # a converter interrupted half-way keeps broken state: the next block gets a new one
        return plain_html(text, labels.plain_text)
    safe = join_cjk_soft_breaks(_replace_images(clean, base_dir, labels))
    # Tables without spacing above their first row: a table's text starts level with its translation.
    return safe.replace("<table>", '<table class="md" cellspacing="0" cellpadding="0">')


_PRE = r"(?si)(<pre\b.*?</pre>)"


def join_cjk_soft_breaks(safe_html: str) -> str:
    """A soft line break between two Chinese characters joins them without a space (outside code blocks)."""
    if "\n" not in safe_html:
        return safe_html
    from studyreader.translate.segment import join_cjk_lines  # (a file shown from the cache needs no segmenter)

    pieces = re.split(_PRE, safe_html)
    for position in range(0, len(pieces), 2):  # even pieces are outside <pre>
        pieces[position] = join_cjk_lines(pieces[position])
    return "".join(pieces)


def _replace_images(clean_html: str, base_dir: Path | None, labels: Labels) -> str:
    import html  # here and below, not at the top: a file shown before paints without rendering

    def replace(match: re.Match[str]) -> str:
        attrs = {name.lower(): html.unescape(value) for name, value in re.findall(_ATTR, match.group(0))}
        src = attrs.get("src", "")
        alt = attrs.get("alt", "")
        local = images.local_image_path(src, base_dir)
        if local is not None:
            extra = "".join(
                f' {name}="{int(attrs[name])}"'
                for name in ("width", "height")
                if attrs.get(name, "").isdigit() and 0 < int(attrs[name]) <= images.MAX_ATTRIBUTE_SIDE
            )
            return f'<img src="{html.escape(local.as_uri())}" alt="{html.escape(alt)}"{extra}>'
        label = labels.remote_image if is_web_url(src) else labels.blocked_image
        shown = html.escape(src or alt)
        if is_web_url(src):
            address = f'<a href="{html.escape(src)}">{shown}</a>'
        else:
            address = shown
        return f'<span class="sr-placeholder">[{html.escape(label)} {address}]</span>'

    return re.sub(_IMG_TAG, replace, clean_html)


# -- glossary marks ----------------------------------------------------------

@dataclass(frozen=True)
class Mark:
    """A stretch of a text node to mark: ``[start, end)`` in that text, a term id, a CSS class."""

    start: int
    end: int
    term_id: str
    css_class: str = "term"


Finder = Callable[[str], Iterable[Mark]]


def term_href(term_id: str) -> str:
    return "term:" + quote(term_id, safe="")


def term_id_from_href(href: str) -> str | None:
    """The glossary term id of a ``term:`` anchor, or None for any other address."""
    if not href.startswith("term:"):
        return None
    return unquote(href[len("term:"):]) or None


_marker_class = None


def _marker(find: Finder):
    """An HTML parser that marks terms in text nodes (its class is made on first use)."""
    global _marker_class
    if _marker_class is None:
        import html
        from html.parser import HTMLParser

        class _Marker(HTMLParser):
            def __init__(self, find: Finder) -> None:
                super().__init__(convert_charrefs=False)
                self.find = find
                self.out: list[str] = []
                self.stack: list[str] = []
                self.pending: list[str] = []

            def _flush(self) -> None:
                if not self.pending:
                    return
                raw = "".join(self.pending)
                self.pending.clear()
                if any(tag in _NO_MARK_TAGS for tag in self.stack):
                    self.out.append(raw)
                    return
                text = html.unescape(raw)
                marks = sorted(self.find(text), key=lambda m: (m.start, -(m.end - m.start)))
                position = 0
                pieces: list[str] = []
                for mark in marks:
                    if mark.start < position or mark.end <= mark.start or mark.end > len(text):
                        continue  # overlapping or out of range: the first, longest wins
                    pieces.append(html.escape(text[position:mark.start], quote=False))
                    pieces.append(
                        f'<a class="{html.escape(mark.css_class)}" href="{term_href(mark.term_id)}">'
                        f"{html.escape(text[mark.start:mark.end], quote=False)}</a>"
                    )
                    position = mark.end
                if not pieces:
                    self.out.append(raw)
                    return
                pieces.append(html.escape(text[position:], quote=False))
                self.out.append("".join(pieces))

            def handle_starttag(self, tag, attrs):
                self._flush()
                self.out.append(self.get_starttag_text() or "")
                if tag not in ("br", "img", "hr", "wbr"):
                    self.stack.append(tag)

            def handle_startendtag(self, tag, attrs):
                self._flush()
                self.out.append(self.get_starttag_text() or "")

            def handle_endtag(self, tag):
                self._flush()
                self.out.append(f"</{tag}>")
                if tag in self.stack:
                    while self.stack:
                        if self.stack.pop() == tag:
                            break

            def handle_data(self, data):
                self.pending.append(data)

            def handle_entityref(self, name):
                self.pending.append(f"&{name};")

            def handle_charref(self, name):
                self.pending.append(f"&#{name};")

            def close(self):
                super().close()
                self._flush()

        _marker_class = _Marker
    return _marker_class(find)


def mark_terms(safe_html: str, find: Finder) -> str:
    """Wrap glossary terms of every text node (outside links and code) in ``term:`` anchors.

    ``find(text)`` returns the marks of one text node; the anchors' CSS class
    comes from the mark so that the English side can flag terms whose glossary
    translation was not respected.
    """
    parser = _marker(find)
    parser.feed(safe_html)
    parser.close()
    return "".join(parser.out)


def plain_text(safe_html: str) -> str:
    """The visible text of rendered HTML (for tests and accessibility)."""
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", safe_html))
