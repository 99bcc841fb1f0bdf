"""Matcher.find gives exactly the marks of the former pyahocorasick matcher (tests/support/reference_matcher.py).

The automaton now chooses leftmost-longest before the checks (boundaries, case, the one-character Chinese
rule), and the matcher searches again where a choice fails them: texts full of near misses (substrings of
forms, case variants, letters glued to forms, 聪 inside words) exercise that path.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyreader import paths
from studyreader.glossary.matcher import Matcher
from studyreader.glossary.model import Term
from studyreader.glossary.termbase import load_glossary
from tests.conftest import corpus_files
from tests.support.reference_matcher import ReferenceMatcher

_LATIN = "abopsxyABOPSXY01_"
_CJK = "数据可用聪明一个的万"
_PUNCT = " -'.,，。、（）`\n"
_FULL_WIDTH = "ＥＶＭＬ２ｏｐ"

_latin_word = st.text(alphabet="abopsxyABOPSXY01", min_size=1, max_size=5)
_cjk_word = st.text(alphabet=_CJK, min_size=1, max_size=3)
_form = st.one_of(
    _latin_word,
    _cjk_word,
    st.tuples(_latin_word, st.sampled_from([" ", "-", ""]), _latin_word).map("".join),
    st.tuples(_latin_word, st.sampled_from([" ", ""]), _cjk_word).map("".join),
    st.tuples(_latin_word, st.just("'"), _latin_word).map("".join),
)
_term = st.builds(
    lambda i, forms, match_case: Term(id=f"t{i}", en=forms[0], aliases_en=tuple(forms[1:]), match_case=match_case),
    st.integers(0, 5),
    st.lists(_form, min_size=1, max_size=3),
    st.booleans(),
)


def _case_variants(form: str) -> list[str]:
    return [form, form.lower(), form.upper(), form.swapcase(), form[:1].swapcase() + form[1:]]


def _piece(forms: list[str]):
    """A piece of text: a form as written or in another case, a substring of one, a plural ending,
    Latin letters, Chinese characters, punctuation or full-width letters."""
    variants = [v for form in forms for v in _case_variants(form)]
    pieces = [
        st.sampled_from(variants),
        st.sampled_from(forms).flatmap(
            lambda f: st.tuples(st.integers(0, len(f)), st.integers(0, len(f))).map(lambda ij: f[min(ij) : max(ij)])
        ),
        st.sampled_from(["s", "es", "ies", "S", "y"]),
        st.text(alphabet=_LATIN, min_size=1, max_size=3),
        st.text(alphabet=_CJK, min_size=1, max_size=3),
        st.text(alphabet=_PUNCT, min_size=1, max_size=2),
        st.text(alphabet=_FULL_WIDTH, min_size=1, max_size=2),
    ]
    return st.one_of(*pieces)


@st.composite
def _terms_and_text(draw):
    terms = draw(st.lists(_term, min_size=1, max_size=6, unique_by=lambda t: t.id))
    # The one-character Chinese rule and Chinese neighbours: a Chinese form of one or two characters.
    if draw(st.booleans()):
        terms.append(Term(id="cong", zh=draw(st.sampled_from(["聪", "数据", "可", "排序器"]))))
    forms = [form for term in terms for form in term.forms]
    text = "".join(draw(st.lists(_piece(forms), max_size=24)))
    preferred = draw(st.lists(st.sampled_from([t.id for t in terms]), max_size=2))
    return terms, preferred, text


def _marks(matcher, text):
    return [(m.term_id, m.text, m.start, m.end) for m in matcher.find(text)]


@settings(max_examples=1500, deadline=None)
@given(_terms_and_text())
def test_random_terms_and_near_miss_texts_match_as_before(case):
    terms, preferred, text = case
    expected = _marks(ReferenceMatcher(terms, preferred=preferred), text)
    assert _marks(Matcher(terms, preferred=preferred), text) == expected


_BUNDLED = list(load_glossary(include_user=False))
_BUNDLED_FORMS = [form for term in _BUNDLED for form in term.forms]
_BUNDLED_MATCHER = Matcher(_BUNDLED)
_BUNDLED_REFERENCE = ReferenceMatcher(_BUNDLED)


@settings(max_examples=600, deadline=None)
@given(st.lists(_piece(_BUNDLED_FORMS), max_size=30).map("".join))
def test_the_bundled_glossary_matches_as_before(text):
    assert _marks(_BUNDLED_MATCHER, text) == _marks(_BUNDLED_REFERENCE, text)


def test_the_sample_notes_match_as_before():
    """Real notes: every mark of the bundled glossary on the bundled sample notes is the same."""
    text = paths.sample_notes().read_text(encoding="utf-8")
    marks = _marks(_BUNDLED_MATCHER, text)
    assert len(marks) > 20
    assert marks == _marks(_BUNDLED_REFERENCE, text)


def test_a_key_that_fails_gives_way_to_one_starting_at_its_last_character():
    terms = [Term(id="mixed", en="ab数据"), Term(id="cjk", zh="据可"), Term(id="op", en="OP")]
    text = "xab数据可 ab数据 OPOP据可"
    assert _marks(Matcher(terms), text) == _marks(ReferenceMatcher(terms), text)
    assert [m[0] for m in _marks(Matcher(terms), text)] == ["cjk", "mixed", "cjk"]
    long_text = (text + "\n") * 3000  # searched in pieces: the marks found on searching again are placed right
    assert _marks(Matcher(terms), long_text) == _marks(ReferenceMatcher(terms), long_text)


def test_a_word_key_that_fails_leaves_no_mark_in_its_word_but_the_next_word_is_searched():
    """Where "dai" (a word) fails, its shorter keys end inside the word, so none is looked up."""
    terms = [Term(id="da", en="DA"), Term(id="dai", en="DAI"), Term(id="dao", en="DAO"), Term(id="ai", en="AI")]
    text = "Dai、DAI、DAIs、DAO's、daos、DA、DAIly AI DA-AI"
    marks = _marks(Matcher(terms), text)
    assert marks == _marks(ReferenceMatcher(terms), text)
    assert [m[1] for m in marks] == ["DAI", "DAIs", "DAO", "DA", "AI", "DA", "AI"]


def test_lone_surrogates_in_a_text_match_as_before():
    terms = [Term(id="op", en="OP"), Term(id="cong", zh="聪")]
    text = "OP\ud800OP 聪\udfff聪 xOP"
    assert _marks(Matcher(terms), text) == _marks(ReferenceMatcher(terms), text)
    assert [m[0] for m in _marks(Matcher(terms), text)] == ["op", "op", "cong", "cong"]


@settings(max_examples=60, deadline=None)
@given(_terms_and_text(), st.sampled_from(["\n", "\r\n", " ", ""]), st.integers(1, 700))
def test_long_texts_match_as_before(case, separator, shift):
    """A text of many thousand characters is searched a piece at a time, cut after line breaks."""
    terms, preferred, text = case
    line = text + separator
    long_text = "x" * shift + line * (40_000 // max(len(line), 1) + 1)
    expected = _marks(ReferenceMatcher(terms, preferred=preferred), long_text)
    assert _marks(Matcher(terms, preferred=preferred), long_text) == expected


@pytest.mark.parametrize("shift", range(0, 120, 4))
def test_code_blocks_and_spans_across_the_places_a_long_text_is_cut_match_as_before(shift):
    """A piece never ends at a line break inside code: the cut moves past the block or span."""
    terms = [Term(id="op", en="OP"), Term(id="rollup", en="Rollup"), Term(id="contract", zh="合约")]
    block = "OP 合约\n```go\n" + "OP Rollup 合约\n" * 6 + "\n合约\n```\n`OP\n合约` 与 Rollup\n~~~\nOP\n"
    text = "x" * shift + block * 300
    marks = _marks(Matcher(terms), text)
    assert marks == _marks(ReferenceMatcher(terms), text)
    assert len(marks) > 500  # outside code: about two per block (a ~~~ block runs to the next one's)


def test_the_corpus_matches_as_before():
    """Every real notes file of the corpus at once (about half a million characters), as one text."""
    files = corpus_files()
    if not files:
        pytest.skip("corpus not available")
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in files)
    marks = _marks(_BUNDLED_MATCHER, text)
    assert len(text) > 100_000 and len(marks) > 1000
    assert marks == _marks(_BUNDLED_REFERENCE, text)


def test_no_key_holds_a_line_break():
    """Long texts are searched in pieces cut after line breaks, which needs keys without one: a form
    written over two lines is the same words on one line."""
    terms = [Term(id="two-lines", en="fault\nproof", zh="欺诈\r\n证明"), Term(id="op", en="OP")]
    matcher = Matcher(terms)
    assert not [key for key in matcher.keys if "\n" in key or "\r" in key]
    text = "OP 。" * 1100 + "fault proof，欺诈 证明" + "\nOP" * 3000
    marks = _marks(matcher, text)
    assert [m for m in marks if m[0] == "two-lines"] == [("two-lines", "fault proof", 4400, 4411),
                                                         ("two-lines", "欺诈 证明", 4412, 4417)]
    assert marks == _marks(ReferenceMatcher(terms), text)
