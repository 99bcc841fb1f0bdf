"""The regions of Markdown notes where no term is looked for, and blanking them with offsets kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from studyreader.glossary.regions import blank_out, excluded_spans


def spanned(text: str) -> list[str]:
    return [text[s:e] for s, e in excluded_spans(text)]


def test_excluded_spans_are_merged_and_sorted():
    spans = excluded_spans("`a` https://x.io/`b` ```\ncode\n```")
    assert spans == sorted(spans)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:]))


def test_code_urls_and_link_targets_are_the_regions():
    text = "跑 `op-node` 看 https://docs.optimism.io/stack, 或 docs.base.org/chain。[指南](https://x.dev/a \"t\")"
    assert spanned(text) == ["`op-node`", "https://docs.optimism.io/stack", "docs.base.org/chain",
                             '](https://x.dev/a "t")']


def test_www_hosts_run_to_the_end_of_their_path_and_bare_domains_stop_at_their_ending():
    text = "读 www.example.cn/a/b，再看 www.io 和 WWW.Example.CN，以及 docs.base.org、www.com.cn/x 与 rewww.x"
    assert spanned(text) == ["www.example.cn/a/b", "www.io", "docs.base.org", "www.com.cn/x", "rewww.x"]
    assert spanned("www.") == ["www"]


def test_fences_run_to_their_closing_fence_or_the_end():
    closed = "前\n```go\nfunc main() {}\n```\n后"
    assert spanned(closed) == ["```go\nfunc main() {}\n```"]
    assert spanned("前\n~~~\n未闭合") == ["~~~\n未闭合"]


def test_a_code_span_does_not_cross_a_blank_line():
    assert spanned("a ` b\n\nc ` d") == []


@given(st.text(alphabet="`~ab :/.\n中", max_size=60))
def test_blanking_keeps_length_and_everything_outside_the_regions(text):
    spans = excluded_spans(text)
    plain = blank_out(text, spans)
    assert len(plain) == len(text)
    inside = {i for s, e in spans for i in range(s, e)}
    assert all(plain[i] == (" " if i in inside else ch) for i, ch in enumerate(text))
