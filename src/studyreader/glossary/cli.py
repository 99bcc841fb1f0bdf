"""``studyreader glossary ...``: look up, match, find backlinks, manage user terms.

Module-level imports stay light (argparse only): the glossary and the notes
core are imported inside the handlers.
"""

from __future__ import annotations

import argparse
import sys

_FIELD_OPTIONS = (
    ("--en", "en", "canonical English term"),
    ("--zh", "zh", "canonical Chinese term"),
    ("--category", "category", "category (op-contract, role, concept, governance, defi, ...)"),
    ("--definition-en", "definition_en", "definition in English (1-3 sentences)"),
    ("--definition-zh", "definition_zh", "definition in Chinese"),
    ("--note-en", "note_en", "note on a common misunderstanding, English"),
    ("--note-zh", "note_zh", "note on a common misunderstanding, Chinese"),
    ("--source", "source", "https URL of an authoritative page"),
    ("--checked", "checked", "date the definition was last checked against its source (YYYY-MM-DD)"),
)
_LIST_OPTIONS = (
    ("--alias-en", "aliases_en", "English alias (repeatable; with edit, replaces the list)"),
    ("--alias-zh", "aliases_zh", "Chinese alias (repeatable; with edit, replaces the list)"),
    ("--see-also", "see_also", "id of a related term (repeatable; with edit, replaces the list)"),
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "glossary",
        help="look up terms, find them in notes, manage your own terms",
        description="The subject glossary: bundled terms plus your own (kept in the config folder).",
    )
    commands = parser.add_subparsers(dest="glossary_command", metavar="COMMAND", required=True)

    lookup = commands.add_parser("lookup", help="show a term: definitions, aliases, category, source")
    lookup.add_argument("term", metavar="TERM", help="term in English or Chinese, an alias, or an id")
    lookup.add_argument("--json", action="store_true", help="print JSON")
    lookup.set_defaults(handler=_lookup)

    search = commands.add_parser("search", help="list terms whose names or aliases contain TEXT")
    search.add_argument("query", metavar="TEXT", nargs="?", default="")
    search.add_argument("--definitions", action="store_true", help="also search the definitions")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(handler=_search)

    match = commands.add_parser("match", help="list every glossary term in a notes file")
    match.add_argument("file", metavar="FILE")
    match.add_argument("--json", action="store_true", help="print JSON")
    match.set_defaults(handler=_match)

    where = commands.add_parser("where", help="the dated entries of a notes file that mention a term")
    where.add_argument("term", metavar="TERM")
    where.add_argument("file", metavar="FILE")
    where.add_argument("--json", action="store_true", help="print JSON")
    where.set_defaults(handler=_where)

    add = commands.add_parser("add", help="add a term of your own")
    add.add_argument("id", metavar="ID", help="new id: lower-case letters, digits and '-'")
    _add_field_options(add)
    add.set_defaults(handler=_add)

    edit = commands.add_parser("edit", help="change fields of a term (bundled terms get a user override)")
    edit.add_argument("term", metavar="TERM", help="id, or the term in either language")
    _add_field_options(edit)
    edit.set_defaults(handler=_edit)

    hide = commands.add_parser("hide", help="stop showing and marking a term")
    hide.add_argument("term", metavar="TERM")
    hide.set_defaults(handler=_hide)

    unhide = commands.add_parser("unhide", help="show a hidden term again")
    unhide.add_argument("id", metavar="ID")
    unhide.set_defaults(handler=_unhide)

    remove = commands.add_parser("remove", help="delete a term of your own, or your override of a bundled one")
    remove.add_argument("term", metavar="TERM")
    remove.set_defaults(handler=_remove)

    validate = commands.add_parser("validate", help="check glossary files (default: the bundled ones)")
    validate.add_argument("files", metavar="FILE", nargs="*")
    validate.set_defaults(handler=_validate)


def _add_field_options(parser: argparse.ArgumentParser) -> None:
    for flag, dest, text in _FIELD_OPTIONS:
        metavar = {"source": "URL", "checked": "DATE"}.get(dest, "TEXT")
        parser.add_argument(flag, dest=dest, metavar=metavar, help=text)
    parser.add_argument(
        "--match-case",
        dest="match_case",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="match the English forms only as written (for names that are also ordinary words)",
    )
    parser.add_argument(
        "--substitute",
        dest="substitute",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="write the canonical English in place of the Chinese before machine translation "
        "(--no-substitute for ordinary words that are also terms, such as 共识)",
    )
    for flag, dest, text in _LIST_OPTIONS:
        parser.add_argument(flag, dest=dest, action="append", metavar="ID" if dest == "see_also" else "TEXT", help=text)


def _fields(args: argparse.Namespace) -> dict:
    out = {}
    for _, dest, _ in (*_FIELD_OPTIONS, *_LIST_OPTIONS, ("", "match_case", ""), ("", "substitute", "")):
        value = getattr(args, dest, None)
        if value is not None:
            out[dest] = value
    return out


def _glossary():
    from studyreader.glossary.termbase import default_glossary

    glossary = default_glossary()
    for warning in glossary.warnings:
        print(f"studyreader: warning: {warning}", file=sys.stderr)
    return glossary


def _find_term(glossary, text: str):
    """The term for TEXT, or a StudyReaderError (exit 1) suggesting the closest ones."""
    from studyreader.errors import StudyReaderError

    term = glossary.get(text) or glossary.lookup(text)
    if term is not None:
        return term
    close = glossary.suggestions(text)
    hint = ""
    if close:
        hint = "; did you mean: " + ", ".join(f"{t.en} ({t.zh})" if t.en and t.zh else (t.en or t.zh) for t in close)
    raise StudyReaderError(f"unknown term {text!r}{hint}", exit_code=1)


def _term_json(glossary, term) -> dict:
    out = term.to_dict()
    out["subject"] = term.subject
    out["origin"] = term.origin
    out["substitute"] = term.substitute
    out["see_also_terms"] = [{"id": t.id, "en": t.en, "zh": t.zh} for t in glossary.see_also(term.id)]
    return out


def _lookup(args: argparse.Namespace) -> int:
    from studyreader.cli import print_json

    glossary = _glossary()
    term = _find_term(glossary, args.term)
    if args.json:
        print_json(_term_json(glossary, term))
        return 0
    print(f"{term.en} · {term.zh}" if term.en and term.zh else term.en or term.zh)
    print(f"  id: {term.id}   category: {term.category or '-'}   ({term.origin})")
    if term.aliases_en or term.aliases_zh:
        print(f"  aliases: {', '.join((*term.aliases_en, *term.aliases_zh))}")
    if term.definition_en:
        print(f"  EN: {term.definition_en}")
    if term.definition_zh:
        print(f"  中文: {term.definition_zh}")
    if term.note_en:
        print(f"  Note: {term.note_en}")
    if term.note_zh:
        print(f"  注意: {term.note_zh}")
    related = glossary.see_also(term.id)
    if related:
        print(f"  see also: {', '.join(f'{t.en} ({t.id})' for t in related)}")
    if not term.substitute:
        print("  kept in Chinese for machine translation (an ordinary word too)")
    if term.source:
        print(f"  source: {term.source}" + (f" (checked {term.checked})" if term.checked else ""))
    return 0


def _search(args: argparse.Namespace) -> int:
    from studyreader.cli import print_json

    glossary = _glossary()
    terms = glossary.search(args.query, definitions=args.definitions)
    if args.json:
        print_json({"terms": [{"id": t.id, "en": t.en, "zh": t.zh, "category": t.category} for t in terms]})
    else:
        for t in terms:
            print(f"{t.id}\t{t.en}\t{t.zh}")
    return 0 if terms else 1


def _match(args: argparse.Namespace) -> int:
    from studyreader.cli import print_json
    from studyreader.glossary.model import LineIndex
    from studyreader.notes import load_notes

    notes = load_notes(args.file)
    glossary = _glossary()
    index = LineIndex(notes.text)
    rows = []
    for m in glossary.find(notes.text):
        term = glossary.terms[m.term_id]
        line, column = index.line_col(m.start)
        rows.append({"term": term.id, "en": term.en, "zh": term.zh, "text": m.text, "line": line, "column": column})
    if args.json:
        print_json({"matches": rows})
    else:
        for r in rows:
            print(f"{r['line']}:{r['column']}\t{r['text']}\t{r['term']} ({r['en']} / {r['zh']})")
    return 0


def _where(args: argparse.Namespace) -> int:
    from studyreader.cli import print_json
    from studyreader.glossary.model import LineIndex
    from studyreader.notes import load_notes

    glossary = _glossary()
    term = _find_term(glossary, args.term)
    notes = load_notes(args.file)
    index = LineIndex(notes.text)
    links = glossary.backlinks(term.id, notes)
    if args.json:
        print_json(
            {
                "term": term.id,
                "en": term.en,
                "zh": term.zh,
                "entries": [
                    {
                        "date": link.entry.date.isoformat(),
                        "line": link.entry.line,
                        "mentions": [
                            dict(zip(("line", "column"), index.line_col(m.start)), text=m.text) for m in link.matches
                        ],
                    }
                    for link in links
                ],
            }
        )
        return 0
    if not links:
        print(f"{term.en or term.zh}: no dated entry of {args.file} mentions it")
        return 0
    for link in links:
        n = len(link.matches)
        print(f"{link.entry.date.isoformat()}\tline {link.entry.line}\t{n} mention{'s' if n != 1 else ''}")
    return 0


def _resolve_id(text: str) -> str:
    """An id as given, or the id of the term TEXT names."""
    from studyreader.glossary.termbase import load_glossary

    glossary = load_glossary()
    if text in glossary.bundled or glossary.get(text) is not None:
        return text
    term = glossary.lookup(text)
    return term.id if term is not None else text


def _add(args: argparse.Namespace) -> int:
    from studyreader.glossary.user import add_term, user_glossary_path

    term = add_term({"id": args.id, **_fields(args)})
    print(f"added {term.id} to {user_glossary_path()}")
    return 0


def _edit(args: argparse.Namespace) -> int:
    from studyreader.glossary.user import edit_term, user_glossary_path

    term_id = _resolve_id(args.term)
    edit_term(term_id, **_fields(args))
    print(f"saved {term_id} in {user_glossary_path()}")
    return 0


def _hide(args: argparse.Namespace) -> int:
    from studyreader.glossary.user import hide_term

    term_id = _resolve_id(args.term)
    hide_term(term_id)
    print(f"hidden: {term_id}")
    return 0


def _unhide(args: argparse.Namespace) -> int:
    from studyreader.glossary.user import unhide_term

    unhide_term(args.id)
    print(f"shown again: {args.id}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from studyreader.glossary.user import remove_term

    term_id = _resolve_id(args.term)
    remove_term(term_id)
    print(f"removed: {term_id}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from studyreader.errors import StudyReaderError
    from studyreader.glossary.termbase import (
        GlossaryFileError,
        bundled_dir,
        load_subject_file,
        validate_terms,
    )

    files = [Path(f) for f in args.files] or sorted(bundled_dir().glob("*.toml"))
    if not files:
        raise StudyReaderError(f"no glossary files in {bundled_dir()}")
    terms = []
    problems = []
    for path in files:
        if not path.is_file():
            raise StudyReaderError(f"{path}: no such file")
        try:
            loaded = load_subject_file(path)
        except GlossaryFileError as error:
            problems.append(str(error))
            continue
        problems.extend(loaded.problems)
        terms.extend(loaded.terms)
    problems.extend(validate_terms(terms))
    for problem in problems:
        print(problem)
    print(f"{len(terms)} terms, {len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
    return 1 if problems else 0
