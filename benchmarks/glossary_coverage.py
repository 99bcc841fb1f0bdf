"""Glossary coverage on real notes: share of the most frequent technical words recognised, marks per 1,000 chars.

Run: .venv/bin/python benchmarks/glossary_coverage.py [--top 100] [--unmatched 60] [DIR ...]
(default DIRs: ../shared/corpus and ../shared/programmes, every *.md below them).

How the technical words are counted: the candidate words are those listed in
benchmarks/data/technical_words.txt (Chinese and English web3 vocabulary; see
its header for what is in and out). Their occurrences in the notes are counted
with the glossary's own Matcher built over the candidates alone, so counting
follows the same rules as marking: leftmost-longest (智能合约 is one occurrence
of 智能合约, not also one of 合约), English words on word boundaries, case
ignored except for identifiers, plurals counted with their singular, nothing
inside code or URLs. A line starting with "=" is a name that is also an ordinary
word (=Base, =Curve) and is counted only as written. The top N candidates by
count are the "most frequent technical words"; one is recognised when the
bundled glossary, matching the word on its own, marks all of it as one term.

Marks per 1,000 characters: the bundled glossary's matches over the same notes,
per 1,000 characters of the files as read. One-character Chinese forms (聪) are
marked only as words of their own (1聪, 一万聪, never 聪明): the script prints how
many of their occurrences were marked and how many were left inside longer words.

--unmatched N also lists the N most frequent English words and Chinese 2-4
character strings that the glossary leaves unmarked (outside code and URLs):
raw material for finding missing terms, not a measure.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from studyreader.cjk import has_cjk  # noqa: E402 - after the source folder is put on the path
from studyreader.glossary.matcher import Matcher  # noqa: E402
from studyreader.glossary.model import Term  # noqa: E402 - after the source folder is put on the path
from studyreader.glossary.regions import blank_out, excluded_spans  # noqa: E402
from studyreader.glossary.termbase import load_glossary  # noqa: E402 - after the source folder is put on the path

WORDS_FILE = ROOT / "benchmarks" / "data" / "technical_words.txt"
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]*[A-Za-z0-9]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def read_candidates(path: Path) -> list[Term]:
    terms: dict[str, Term] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        as_written = line.startswith("=")
        word = line.lstrip("=").strip()
        if word.casefold() in terms:
            continue
        field = "zh" if has_cjk(word) else "en"
        terms[word.casefold()] = Term(id=f"w{len(terms)}", match_case=as_written, **{field: word})
    return list(terms.values())


def notes_files(dirs: list[Path]) -> list[Path]:
    files = sorted({p for d in dirs for p in d.rglob("*.md")})
    if not files:
        raise SystemExit(f"no .md files under {', '.join(map(str, dirs))}")
    return files


def recognised_by(glossary, word: str) -> str | None:
    """The id of the term the glossary marks ``word`` with, when one match covers all of it."""
    matches = glossary.find(word)
    if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(word):
        return matches[0].term_id
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument("--unmatched", type=int, default=0, metavar="N")
    args = parser.parse_args()
    dirs = args.dirs or [ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "programmes"]
    files = notes_files(dirs)
    glossary = load_glossary(include_user=False)
    candidates = read_candidates(WORDS_FILE)
    counter = Matcher(candidates)
    by_id = {t.id: (t.en or t.zh) for t in candidates}

    counts: Counter[str] = Counter()
    chars = marks = 0
    singles = sorted({f for t in glossary.terms.values() for f in t.forms if len(f) == 1 and has_cjk(f)})
    singles_marked: Counter[str] = Counter()
    singles_left: Counter[str] = Counter()
    unmatched_en: Counter[str] = Counter()
    unmatched_zh: Counter[str] = Counter()
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        chars += len(text)
        counts.update(m.term_id for m in counter.find(text))
        found = glossary.find(text)
        marks += len(found)
        singles_marked.update(m.text for m in found if m.text in singles)
        rest = blank_out(blank_out(text, excluded_spans(text)), [(m.start, m.end) for m in found])
        singles_left.update({form: rest.count(form) for form in singles})
        if args.unmatched:
            unmatched_en.update(_LATIN.findall(rest))
            for run in _CJK_RUN.findall(rest):
                for n in (2, 3, 4):
                    unmatched_zh.update(run[i : i + n] for i in range(len(run) - n + 1))

    top = [(by_id[term_id], n) for term_id, n in counts.most_common(args.top)]
    hits = 0
    missing = []
    print(f"{len(files)} notes files, {chars:,} characters; {len(candidates)} candidate technical words")
    print(f"\nthe {len(top)} most frequent technical words (count, then the glossary term that recognises it):")
    for rank, (word, n) in enumerate(top, 1):
        term_id = recognised_by(glossary, word)
        hits += term_id is not None
        if term_id is None:
            missing.append(word)
        print(f"{rank:>4}. {word:<20} {n:>7,}  {term_id or '-- not recognised'}")
    share = 100 * hits / len(top) if top else 0.0
    print(f"\nrecognised: {hits} of {len(top)} = {share:.1f}% (target: >= 95%)")
    if missing:
        print("not recognised: " + ", ".join(missing))
    print(f"glossary marks: {marks:,} = {1000 * marks / chars:.2f} per 1,000 characters")
    for form in singles:
        print(f"one-character term {form}: {singles_marked[form]:,} marked as a word of its own, "
              f"{singles_left[form]:,} left unmarked inside other words")
    if args.unmatched:
        for label, counter_ in (("English words", unmatched_en), ("Chinese strings", unmatched_zh)):
            listed = ", ".join(f"{w} {n}" for w, n in counter_.most_common(args.unmatched))
            print(f"\nmost frequent unmarked {label}: {listed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
