"""Glossary-consistent translation: canonical English terms go in before translation, are checked after.

The notes already mix English terms into Chinese sentences ("Layer 2 的
Sequencer"), and the translation model passes such words through. So the most
robust way to make 排序器 come out as "Sequencer" every time is to write
"Sequencer" into the sentence before it is translated (the engine protects it
like an identifier) and then check that each term came through. Ordinary
words that are also terms (共识, 状态; ``substitute = false``) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from studyreader.cjk import has_cjk, is_ideograph
from studyreader.glossary.spelling import case_spans

if TYPE_CHECKING:  # pragma: no cover
    from studyreader.glossary.termbase import Glossary

_OPEN = ("（", "(")
_CLOSE = ("）", ")")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*")
# "Already English": this many Latin words and no Chinese outside glossary terms.
_ENGLISH_MIN_WORDS = 3


@dataclass(frozen=True)
class PreparedTerm:
    """A glossary term of a source sentence; ``prepared[start:end]`` is its English form."""

    term_id: str
    en: str
    zh: str
    source_text: str
    start: int
    end: int
    substituted: bool


class TermCheck(NamedTuple):
    term_id: str
    en: str
    respected: bool


def _spaced(insert: str, before: str, after: str) -> str:
    """Keep the inserted English a separate word next to Chinese characters or Latin letters."""
    left = " " if before and (is_ideograph(before) or before.isalnum()) else ""
    right = " " if after and (is_ideograph(after) or after.isalnum()) else ""
    return f"{left}{insert}{right}"


class TranslationAid:
    """Prepares Chinese sentences for the translator and checks the terms in its output."""

    def __init__(self, glossary: Glossary) -> None:
        self._glossary = glossary
        self._patterns: dict[str, re.Pattern[str] | None] = {}

    def _is_english_text(self, sentence: str, chinese_spans: list[tuple[int, int]]) -> bool:
        """English prose that merely quotes Chinese terms: nothing to substitute."""
        rest = list(sentence)
        for s, e in chinese_spans:
            rest[s:e] = [" "] * (e - s)
        if any(is_ideograph(ch) for ch in rest):
            return False
        return len(_LATIN_WORD.findall("".join(rest))) >= _ENGLISH_MIN_WORDS

    def prepare(self, sentence: str) -> tuple[str, list[PreparedTerm]]:
        """``sentence`` with each Chinese term replaced by its canonical English, and the terms to check.

        Terms marked ``substitute = false`` stay in Chinese and are not among the terms returned.
        """
        if not has_cjk(sentence):
            return sentence, []
        matches = self._glossary.find(sentence)
        if not matches:
            return sentence, []
        chinese = [(m.start, m.end) for m in matches if has_cjk(m.text)]
        if self._is_english_text(sentence, chinese):
            return sentence, []
        terms = self._glossary.terms
        pieces: list[str] = []
        found: list[PreparedTerm] = []
        pos = 0  # in sentence
        length = 0  # of the prepared text so far
        i = 0
        while i < len(matches):
            m = matches[i]
            term = terms[m.term_id]
            pair_end = None
            written = None
            nxt = matches[i + 1] if i + 1 < len(matches) else None
            if nxt is not None and nxt.term_id == m.term_id and has_cjk(m.text) != has_cjk(nxt.text):
                between = sentence[m.end : nxt.start].strip()
                if between in _OPEN and sentence[nxt.end : nxt.end + 1] in _CLOSE:
                    # "Sequencer（排序器）" or "排序器（Sequencer）": one term, said twice.
                    pair_end = nxt.end + 1
                    written = nxt.text if has_cjk(m.text) else m.text
            if written is None and not term.substitute and has_cjk(m.text):
                # An ordinary word that is also a term (达成共识): left to the translator and not
                # reported, so its everyday sense is not forced into the term's name nor flagged.
                i += 1
                continue
            gap = sentence[pos : m.start]
            pieces.append(gap)
            length += len(gap)
            end = pair_end if pair_end is not None else m.end
            if written is not None:
                substituted = True
            elif has_cjk(m.text) and term.en:
                written, substituted = term.en, True
            else:
                written, substituted = m.text, False
            if substituted:
                out = _spaced(written, sentence[m.start - 1 : m.start], sentence[end : end + 1])
            else:
                out = written
            offset = len(out) - len(out.lstrip(" "))
            found.append(
                PreparedTerm(
                    term_id=term.id,
                    en=term.en,
                    zh=term.zh,
                    source_text=sentence[m.start : end],
                    start=length + offset,
                    end=length + offset + len(written),
                    substituted=substituted,
                )
            )
            pieces.append(out)
            length += len(out)
            pos = end
            i += 2 if pair_end is not None else 1
        pieces.append(sentence[pos:])
        return "".join(pieces), found

    def _pattern(self, term_id: str) -> re.Pattern[str] | None:
        if term_id not in self._patterns:
            term = self._glossary.get(term_id)
            forms = [] if term is None else [f for f in (term.en, *term.aliases_en) if f and not has_cjk(f)]
            if not forms:
                self._patterns[term_id] = None
            else:
                parts = []
                for form in sorted(forms, key=len, reverse=True):
                    body = r"[\s-]*".join(re.escape(w) for w in re.split(r"[\s-]+", form.strip()))
                    # Identifiers (OP, L1StandardBridge) must come back exactly; prose terms in any case.
                    parts.append(body if case_spans(form, term.match_case) else f"(?i:{body})")
                self._patterns[term_id] = re.compile(
                    r"(?<![A-Za-z0-9_])(?:" + "|".join(parts) + r")(?:s|es)?(?![A-Za-z0-9_])"
                )
        return self._patterns[term_id]

    def check(self, english_output: str, terms: Iterable[PreparedTerm]) -> list[TermCheck]:
        """For each distinct term: did its canonical English (or an English alias) reach the output?"""
        report: list[TermCheck] = []
        seen: set[str] = set()
        for term in terms:
            if term.term_id in seen:
                continue
            seen.add(term.term_id)
            pattern = self._pattern(term.term_id)
            if pattern is None:
                respected = bool(term.en) and term.en.casefold() in english_output.casefold()
            else:
                respected = pattern.search(english_output) is not None
            report.append(TermCheck(term.term_id, term.en, respected))
        return report
