"""The user's own terms: add, edit, hide — kept in one TOML file in the config folder.

The file holds only what the user changed (new terms, the changed fields of a
bundled term, hidden ids), so bundled updates still flow in after an upgrade.
Every change rewrites the file atomically; a file that does not parse is never
overwritten (the user may be half-way through editing it by hand).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from studyreader.errors import StudyReaderError, os_reason
from studyreader.glossary.model import BOOL_KEYS, CATEGORIES, LIST_KEYS, TERM_KEYS, Term
from studyreader.glossary.termbase import (
    GlossaryFileError,
    checked_date_problem,
    invalidate_default,
    load_glossary,
    read_toml,
    term_from_dict,
    user_glossary_path,
)
from studyreader.messages import Message, joined, message

__all__ = [
    "add_term",
    "edit_term",
    "hide_term",
    "remove_term",
    "unhide_term",
    "user_glossary_path",
]

_HEADER = (
    "# StudyReader: your own glossary terms. Bundled terms with the same id are overridden\n"
    "# field by field; ids in `hidden` are not shown. Edited by `studyreader glossary add|edit|hide`\n"
    "# and by the window; hand edits are fine.\n\n"
)


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"hidden": [], "term": []}
    try:
        data, _ = read_toml(path)
    except GlossaryFileError as error:
        raise StudyReaderError(message("glossary.user_unparsable", problem=error.message or str(error))) from error
    hidden = data.get("hidden", [])
    terms = data.get("term", [])
    if not isinstance(hidden, list) or not isinstance(terms, list) or not all(isinstance(t, dict) for t in terms):
        raise StudyReaderError(message("glossary.user_bad_shape", path=str(path)))
    return {"hidden": list(hidden), "term": list(terms)}


def _write(path: Path, data: dict[str, Any]) -> None:
    import tomli_w

    from studyreader.notes.atomic import atomic_write_bytes

    out: dict[str, Any] = {}
    if data["hidden"]:
        out["hidden"] = sorted(set(data["hidden"]))
    if data["term"]:
        out["term"] = [{k: t[k] for k in TERM_KEYS if k in t} for t in data["term"]]
    body = _HEADER + tomli_w.dumps(out, multiline_strings=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        atomic_write_bytes(path, body.encode("utf-8"))
    except OSError as error:
        raise StudyReaderError(message("glossary.cannot_write", path=str(path), reason=os_reason(error))) from error
    invalidate_default()


def _clean(fields: dict[str, Any], *, where: Message) -> dict[str, Any]:
    """Check field names and types; strings stripped, lists as lists of non-empty strings."""
    clean: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in TERM_KEYS:
            raise StudyReaderError(message("glossary.unknown_field", where=where, key=key, known=", ".join(TERM_KEYS)))
        if key in LIST_KEYS:
            if isinstance(value, str):
                value = [v for v in re.split(r"[,，、]", value)]
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise StudyReaderError(message("glossary.not_list", where=where, key=key))
            clean[key] = [v.strip() for v in value if v.strip()]
        elif key in BOOL_KEYS:
            if not isinstance(value, bool):
                raise StudyReaderError(message("glossary.not_bool", where=where, key=key))
            clean[key] = value
        else:
            if not isinstance(value, str):
                raise StudyReaderError(message("glossary.field_not_text", where=where, key=key))
            clean[key] = value.strip()
    if clean.get("source") and not clean["source"].startswith("https://"):
        raise StudyReaderError(message("glossary.source_not_https", where=where))
    if clean.get("checked") and (date_problem := checked_date_problem(clean["checked"])):
        raise StudyReaderError(message("glossary.bad_field", where=where, problem=date_problem))
    if clean.get("category") and clean["category"] not in CATEGORIES:
        raise StudyReaderError(message("glossary.unknown_category", where=where, category=clean["category"],
                                            known=", ".join(CATEGORIES)))
    return clean


def _path(path: Path | None) -> Path:
    return user_glossary_path() if path is None else Path(path)


def add_term(fields: dict[str, Any], *, path: Path | None = None, bundled_dir: Path | None = None) -> Term:
    """Add a new user term; its id must not exist yet (use edit_term to change an existing one)."""
    path = _path(path)
    clean = _clean(fields, where=message("glossary.where_new", id=fields.get("id", "")))
    term, problems = term_from_dict(clean, subject="user", origin="user", where=message("glossary.new_term"))
    if problems:
        raise StudyReaderError(joined(*problems))
    assert term is not None
    data = _read(path)
    glossary = load_glossary(bundled_dir=bundled_dir, user_file=path)
    if term.id in glossary.bundled or any(t.get("id") == term.id for t in data["term"]):
        raise StudyReaderError(message("glossary.exists", id=term.id))
    data["term"].append(clean)
    _write(path, data)
    return term


def edit_term(term_id: str, *, path: Path | None = None, bundled_dir: Path | None = None, **fields: Any) -> None:
    """Change fields of a term: a user term in place; a bundled term through a stored override."""
    path = _path(path)
    if not fields:
        raise StudyReaderError(message("glossary.nothing_to_change"))
    if "id" in fields and fields["id"] != term_id:
        raise StudyReaderError(message("glossary.id_fixed"))
    clean = _clean(fields, where=message("glossary.where_term", id=term_id))
    data = _read(path)
    glossary = load_glossary(bundled_dir=bundled_dir, user_file=path)
    existing = next((t for t in data["term"] if t.get("id") == term_id), None)
    if existing is None:
        if term_id not in glossary.bundled:
            raise StudyReaderError(message("glossary.no_term_to_edit", id=term_id), exit_code=1)
        existing = {"id": term_id}
        data["term"].append(existing)
    existing.update(clean)
    if term_id not in glossary.bundled and not (existing.get("en") or existing.get("zh")):
        raise StudyReaderError(message("glossary.needs_name", id=term_id))
    _write(path, data)


def hide_term(term_id: str, *, path: Path | None = None, bundled_dir: Path | None = None) -> None:
    """Stop showing and matching a term (bundled or user); unhide_term brings it back."""
    path = _path(path)
    data = _read(path)
    glossary = load_glossary(bundled_dir=bundled_dir, user_file=path)
    known = set(glossary.bundled) | {t.get("id") for t in data["term"]}
    if term_id not in known:
        raise StudyReaderError(message("glossary.no_term", id=term_id), exit_code=1)
    if term_id not in data["hidden"]:
        data["hidden"].append(term_id)
        _write(path, data)


def unhide_term(term_id: str, *, path: Path | None = None) -> None:
    path = _path(path)
    data = _read(path)
    if term_id not in data["hidden"]:
        raise StudyReaderError(message("glossary.not_hidden", id=term_id), exit_code=1)
    data["hidden"] = [h for h in data["hidden"] if h != term_id]
    _write(path, data)


def remove_term(term_id: str, *, path: Path | None = None) -> None:
    """Delete a user term, or drop the user's override of a bundled term."""
    path = _path(path)
    data = _read(path)
    kept = [t for t in data["term"] if t.get("id") != term_id]
    if len(kept) == len(data["term"]):
        raise StudyReaderError(message("glossary.no_user_term", id=term_id), exit_code=1)
    data["term"] = kept
    _write(path, data)
