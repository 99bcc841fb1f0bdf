"""Loading the term base: bundled subject files plus the user's own terms, merged.

Bundled glossaries are data (``resources/glossary/*.toml``, one file per
subject); the user's file lives in the config folder so upgrades never touch
it. Loading never raises for bad data: problems become warnings naming the
file and line, and the offending file or term is skipped.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from studyreader.errors import StudyReaderError, os_reason
from studyreader.glossary.model import BOOL_KEYS, CATEGORIES, LIST_KEYS, TERM_KEYS, Match, Subject, Term
from studyreader.messages import Message, message

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

USER_FILE_NAME = "glossary.toml"
_TERM_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*term[ \t]*\]\]", re.MULTILINE)
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_LOOKUP_STRIP = re.compile(r"[\s\-_'’·]+")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def bundled_dir() -> Path:
    from studyreader import paths

    return paths.resources_dir() / "glossary"


def user_glossary_path() -> Path:
    from studyreader import paths

    return paths.config_dir() / USER_FILE_NAME


def checked_date_problem(value: str) -> Message | None:
    """Why ``value`` is not a usable ``checked`` date (YYYY-MM-DD), or None when it is one."""
    import datetime

    if not _DATE.match(value):
        return message("glossary.checked_format", value=value)
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return message("glossary.checked_not_real", value=value)
    return None


def lookup_key(text: str) -> str:
    """What two spellings of one form share: case, spaces, hyphens and apostrophes ignored."""
    return _LOOKUP_STRIP.sub("", text.casefold())


# ---------------------------------------------------------------- reading files


class GlossaryFileError(StudyReaderError):
    """A glossary file that cannot be parsed at all (message names file and line)."""


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """Parse one TOML file; raises GlossaryFileError with the file name and line number."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise GlossaryFileError(message("glossary.cannot_read", path=str(path), reason=os_reason(error))) from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise GlossaryFileError(message("glossary.not_unicode", path=str(path), line=line)) from error
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", None)
        detail = getattr(error, "msg", None) or str(error)
        if line is None:
            found = re.search(r"line (\d+)", str(error))
            line = int(found.group(1)) if found else None
            detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        said = (message("glossary.syntax_at", path=str(path), line=line, detail=detail) if line
                else message("glossary.syntax", path=str(path), detail=detail))
        raise GlossaryFileError(said) from error


def term_lines(text: str) -> list[int]:
    """1-based line numbers of each ``[[term]]`` header, in file order.

    Counted on from the previous header, not from the start each time: a large user glossary
    (4 MB) took 9.6 s with the quadratic count.
    """
    lines = []
    line, position = 1, 0
    for found in _TERM_HEADER.finditer(text):
        line += text.count("\n", position, found.start())
        position = found.start()
        lines.append(line)
    return lines


def term_from_dict(
    data: Any, *, subject: str, origin: str, where: Message, partial: bool = False
) -> tuple[Term | None, list[Message]]:
    """Build a Term from a TOML table, or explain what is wrong with it (``where`` prefixes messages)."""
    if not isinstance(data, dict):
        return None, [message("glossary.not_table", where=where)]
    problems = []
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in TERM_KEYS:
            problems.append(message("glossary.unknown_key", where=where, key=key))
            continue
        if key in LIST_KEYS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problems.append(message("glossary.not_list", where=where, key=key))
                continue
            values[key] = tuple(v.strip() for v in value if v.strip())
        elif key in BOOL_KEYS:
            if not isinstance(value, bool):
                problems.append(message("glossary.not_bool", where=where, key=key))
                continue
            values[key] = value
        else:
            if not isinstance(value, str):
                problems.append(message("glossary.not_text", where=where, key=key))
                continue
            values[key] = value.strip()
    term_id = values.get("id", "")
    if not term_id:
        problems.append(message("glossary.no_id", where=where))
    elif not _ID_PATTERN.match(term_id):
        problems.append(message("glossary.bad_id", where=where, id=term_id))
    if not partial and not (values.get("en") or values.get("zh")):
        problems.append(message("glossary.no_name", where=where))
    if problems:
        return None, problems
    return Term(subject=subject, origin=origin, **values), []


@dataclass
class LoadedFile:
    path: Path
    subject: Subject | None
    terms: list[Term]
    problems: list[Message]
    hidden: tuple[str, ...] = ()
    overrides: dict[str, dict[str, Any]] | None = None


def load_subject_file(path: Path) -> LoadedFile:
    """One bundled subject file. Raises GlossaryFileError when it is not TOML at all."""
    data, text = read_toml(path)
    problems: list[Message] = []
    raw_subject = data.get("subject")
    if isinstance(raw_subject, dict) and isinstance(raw_subject.get("id"), str):
        subject = Subject(
            id=raw_subject["id"],
            name_en=str(raw_subject.get("name_en", raw_subject["id"])),
            name_zh=str(raw_subject.get("name_zh", raw_subject.get("name_en", raw_subject["id"]))),
            path=path,
        )
    else:
        problems.append(message("glossary.no_subject", path=str(path)))
        subject = Subject(id=path.stem, name_en=path.stem, name_zh=path.stem, path=path)
    for key in data:
        if key not in ("subject", "term"):
            problems.append(message("glossary.unknown_top_key", path=str(path), key=key))
    terms = []
    for where, raw in _located_terms(data, text, path, problems):
        term, term_problems = term_from_dict(raw, subject=subject.id, origin="bundled", where=where)
        problems.extend(term_problems)
        if term is not None:
            terms.append(term)
    return LoadedFile(path, subject, terms, problems)


def _located_terms(data: dict, text: str, path: Path, problems: list[Message]) -> list[tuple[Message, Any]]:
    """The file's [[term]] tables, each with where it stands ("FILE: line N") for messages."""
    raw_terms = data.get("term", [])
    if not isinstance(raw_terms, list):
        problems.append(message("glossary.terms_not_array", path=str(path)))
        return []
    lines = term_lines(text)
    exact = len(lines) == len(raw_terms)
    return [
        (message("glossary.at_line", path=str(path), line=lines[index]) if exact
         else message("glossary.at_term", path=str(path), number=index + 1), raw)
        for index, raw in enumerate(raw_terms)
    ]


def load_user_file(path: Path) -> LoadedFile:
    """The user's file: new terms, overrides of bundled ids (partial tables allowed), hidden ids."""
    data, text = read_toml(path)
    problems: list[Message] = []
    hidden_raw = data.get("hidden", [])
    if not isinstance(hidden_raw, list) or not all(isinstance(h, str) for h in hidden_raw):
        problems.append(message("glossary.hidden_not_list", path=str(path)))
        hidden_raw = []
    for key in data:
        if key not in ("hidden", "term"):
            problems.append(message("glossary.unknown_top_key", path=str(path), key=key))
    overrides: dict[str, dict[str, Any]] = {}
    for where, raw in _located_terms(data, text, path, problems):
        term, term_problems = term_from_dict(raw, subject="user", origin="user", where=where, partial=True)
        if term_problems:
            problems.extend(term_problems)
            continue
        assert term is not None
        if term.id in overrides:
            problems.append(message("glossary.twice", where=where, id=term.id))
        overrides[term.id] = {key: getattr(term, key) for key in raw}  # cleaned values, only the keys given
    return LoadedFile(path, None, [], problems, tuple(hidden_raw), overrides)


# ---------------------------------------------------------------- validation


def validate_terms(terms: Iterable[Term]) -> list[str]:
    """Problems that make a bundled term base unfit to ship (the validation test wants none)."""
    terms = list(terms)
    problems = []
    ids: dict[str, Term] = {}
    for term in terms:
        if term.id in ids:
            problems.append(f"duplicate id {term.id!r}")
        ids[term.id] = term
    owners: dict[str, str] = {}
    for term in terms:
        where = f"term {term.id!r}"
        for key in ("en", "zh", "definition_en", "definition_zh", "category", "source", "checked"):
            if not getattr(term, key):
                problems.append(f"{where}: missing {key}")
        if term.checked and (date_problem := checked_date_problem(term.checked)):
            problems.append(f"{where}: {date_problem}")
        if (term.note_en == "") != (term.note_zh == ""):
            problems.append(f"{where}: note_en and note_zh come as a pair")
        if term.category and term.category not in CATEGORIES:
            problems.append(f"{where}: unknown category {term.category!r}")
        if term.source and not term.source.startswith("https://"):
            problems.append(f"{where}: source is not an https URL: {term.source}")
        for text in (term.definition_en, term.definition_zh, term.note_en, term.note_zh):
            for url in re.findall(r"\b[a-z]+://\S+", text):
                if not url.startswith("https://"):
                    problems.append(f"{where}: URL is not https: {url}")
        for ref in term.see_also:
            if ref not in ids:
                problems.append(f"{where}: see_also {ref!r} is not a term")
            elif ref == term.id:
                problems.append(f"{where}: see_also names the term itself")
        seen_here: set[str] = set()
        for form in term.forms:
            key = lookup_key(form)
            if key in seen_here:
                continue
            seen_here.add(key)
            owner = owners.get(key)
            if owner is not None and owner != term.id:
                problems.append(f"{where}: form {form!r} is already claimed by {owner!r}")
            else:
                owners[key] = term.id
    return problems


# ---------------------------------------------------------------- the merged glossary


@dataclass(frozen=True)
class Backlink:
    """A dated entry that mentions a term, with the mentions (offsets into the notes text)."""

    entry: Any  # studyreader.notes.Entry
    matches: list[Match]


class Glossary:
    """Bundled plus user terms, merged. Cheap to build; the matcher is built on first use."""

    def __init__(
        self,
        terms: Iterable[Term],
        *,
        subjects: dict[str, Subject] | None = None,
        hidden: Iterable[str] = (),
        warnings: Iterable[Message] = (),
        user_path: Path | None = None,
        bundled: dict[str, Term] | None = None,
    ) -> None:
        self.terms: dict[str, Term] = {t.id: t for t in sorted(terms, key=lambda t: t.id)}
        self.subjects = dict(subjects or {})
        self.hidden = frozenset(hidden)
        self.warnings = list(warnings)
        self.user_path = user_path
        self.bundled: dict[str, Term] = dict(bundled or {})
        self._matcher = None
        self._lock = threading.Lock()
        self._index: dict[str, str] | None = None
        self._last_notes_matches: tuple[str, list[Match]] | None = None

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self):
        return iter(self.terms.values())

    def get(self, term_id: str) -> Term | None:
        return self.terms.get(term_id)

    def see_also(self, term_id: str) -> list[Term]:
        term = self.terms.get(term_id)
        if term is None:
            return []
        return [self.terms[r] for r in term.see_also if r in self.terms]

    # ---- lookup and search

    def _lookup_index(self) -> dict[str, str]:
        if self._index is None:
            index: dict[str, str] = {}
            # User terms first so that their forms win over bundled ones.
            ordered = sorted(self.terms.values(), key=lambda t: t.origin == "bundled")
            for term in ordered:
                for form in (term.id, *term.forms):
                    index.setdefault(lookup_key(form), term.id)
            self._index = index
        return self._index

    def lookup(self, text: str) -> Term | None:
        """The term whose id, English, Chinese or alias is ``text`` (case, spaces, hyphens ignored)."""
        key = lookup_key(text)
        if not key:
            return None
        index = self._lookup_index()
        term_id = index.get(key)
        if term_id is None and key.endswith("s"):
            term_id = index.get(key[:-1])
        return self.terms.get(term_id) if term_id else None

    def search(self, query: str, limit: int | None = None, *, definitions: bool = False) -> list[Term]:
        """Terms whose names or aliases (either language) contain ``query``; exact, then prefix, then substring."""
        key = lookup_key(query)
        if not key:
            result = sorted(self.terms.values(), key=lambda t: (t.en or t.zh).casefold())
            return result[:limit] if limit is not None else result
        scored = []
        for term in self.terms.values():
            best = None
            for form in (term.id, *term.forms):
                fk = lookup_key(form)
                if fk == key:
                    score = 0
                elif fk.startswith(key):
                    score = 1
                elif key in fk:
                    score = 2
                else:
                    continue
                best = score if best is None else min(best, score)
                if best == 0:
                    break
            if best is None and definitions:
                blob = " ".join((term.definition_en, term.definition_zh, term.note_en, term.note_zh)).casefold()
                if query.casefold().strip() in blob:
                    best = 3
            if best is not None:
                scored.append((best, (term.en or term.zh).casefold(), term))
        scored.sort(key=lambda s: (s[0], s[1]))
        result = [s[2] for s in scored]
        return result[:limit] if limit is not None else result

    def suggestions(self, text: str, n: int = 5) -> list[Term]:
        """Closest terms for a failed lookup: substring hits first, then difflib's close matches."""
        import difflib

        out = self.search(text, limit=n)
        if len(out) < n:
            names: dict[str, str] = {}
            for term in self.terms.values():
                for form in (term.id, *term.forms):
                    names.setdefault(form.casefold(), term.id)
            for name in difflib.get_close_matches(text.casefold(), list(names), n=n * 2, cutoff=0.6):
                term = self.terms[names[name]]
                if term not in out:
                    out.append(term)
                if len(out) >= n:
                    break
        return out

    # ---- matching

    @property
    def matcher(self):
        """The Matcher over every visible term, built once (thread-safe)."""
        if self._matcher is None:
            with self._lock:
                if self._matcher is None:
                    from studyreader.glossary.matcher import Matcher

                    preferred = [t.id for t in self.terms.values() if t.origin != "bundled"]
                    self._matcher = Matcher(self.terms.values(), preferred=preferred)
        return self._matcher

    def find(self, text: str) -> list[Match]:
        return self.matcher.find(text)

    def backlinks(self, term_id: str, notes: Any) -> list[Backlink]:
        """The dated entries of ``notes`` (a studyreader.notes.Notes) that mention ``term_id``."""
        text = notes.text
        cached = self._last_notes_matches  # a sidebar asks for one term after another on the same notes
        if cached is not None and (cached[0] is text or cached[0] == text):
            all_matches = cached[1]
        else:
            all_matches = self.find(text)
            self._last_notes_matches = (text, all_matches)
        matches = [m for m in all_matches if m.term_id == term_id]
        out = []
        for entry in notes.entries:
            inside = [m for m in matches if entry.start <= m.start and m.end <= entry.end]
            if inside:
                out.append(Backlink(entry, inside))
        return out

    def translation_aid(self):
        from studyreader.glossary.aid import TranslationAid

        return TranslationAid(self)


def merge(bundled: list[Term], user: LoadedFile | None) -> tuple[list[Term], frozenset[str], list[Message]]:
    """Apply the user's overrides and new terms to the bundled ones."""
    by_id = {t.id: t for t in bundled}
    warnings: list[Message] = []
    hidden: frozenset[str] = frozenset()
    if user is not None:
        hidden = frozenset(user.hidden)
        for term_id, fields in (user.overrides or {}).items():
            values = {k: (tuple(v) if k in LIST_KEYS else v) for k, v in fields.items()}
            if term_id in by_id:
                by_id[term_id] = replace(by_id[term_id], origin="override", **values)
            elif values.get("en") or values.get("zh"):
                by_id[term_id] = Term(subject="user", origin="user", **values)
            else:
                warnings.append(message("glossary.override_empty", path=str(user.path), id=term_id))
    terms = [t for t in by_id.values() if t.id not in hidden]
    return terms, hidden, warnings


def load_bundled(folder: Path | None = None) -> tuple[list[Term], dict[str, Subject], list[Message]]:
    """Every subject file in the bundled folder; a broken file is reported and skipped."""
    folder = bundled_dir() if folder is None else folder
    terms: list[Term] = []
    subjects: dict[str, Subject] = {}
    warnings: list[Message] = []
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        try:
            loaded = load_subject_file(path)
        except GlossaryFileError as error:
            warnings.append(message("glossary.file_skipped", problem=error.message))
            continue
        warnings.extend(loaded.problems)
        if loaded.subject is not None:
            subjects[loaded.subject.id] = loaded.subject
        known = {t.id for t in terms}
        for term in loaded.terms:
            if term.id in known:
                warnings.append(message("glossary.already_defined", path=str(path), id=term.id))
                continue
            terms.append(term)
    return terms, subjects, warnings


def load_glossary(
    *, bundled_dir: Path | None = None, user_file: Path | None = None, include_user: bool = True
) -> Glossary:
    """Read the bundled subject files and (unless told not to) the user's file; never raises for bad data."""
    terms, subjects, warnings = load_bundled(bundled_dir)
    user_path = user_glossary_path() if user_file is None else user_file
    loaded_user = None
    if include_user and user_path.exists():
        try:
            loaded_user = load_user_file(user_path)
            warnings.extend(loaded_user.problems)
        except GlossaryFileError as error:
            warnings.append(message("glossary.user_skipped", problem=error.message))
    merged, hidden, merge_warnings = merge(terms, loaded_user)
    warnings.extend(merge_warnings)
    return Glossary(
        merged,
        subjects=subjects,
        hidden=hidden,
        warnings=warnings,
        user_path=user_path,
        bundled={t.id: t for t in terms},
    )


_cache_lock = threading.Lock()
_cached: Glossary | None = None


def default_glossary(reload: bool = False) -> Glossary:
    """The app's glossary (bundled + user), read once per process; thread-safe."""
    global _cached
    with _cache_lock:
        if _cached is None or reload:
            _cached = load_glossary()
        return _cached


def invalidate_default() -> None:
    """Forget the cached glossary (the user's file changed)."""
    global _cached
    with _cache_lock:
        _cached = None
