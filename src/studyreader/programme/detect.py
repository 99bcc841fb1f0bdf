"""Finding the programme a notes file belongs to, from the repository it lives in.

The programme folder is the enclosing git work tree (found by its ``.git``, without running git) or,
for a copy without ``.git``, the folder holding the notes file or its parent when the notes sit in
``notes/``. It is a programme when its README holds the bot's table or the repository carries the bot's
``sync_status_readme.py``. The script is recognised by its content, never run.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from studyreader.programme.model import NEWER, OLDER, Detection, Programme, ProgrammeOverride, Sourced, TableRow
from studyreader.programme.readme import Found, ReadmeFacts, header_dates, read_readme

SCRIPT_NAME = "sync_status_readme.py"
_SCRIPT_PLACES = ("", ".github/scripts", "scripts", ".github/workflows", ".github")
_NEWER_SIGNS = (
    re.compile(r"def\s+extract_allowed_leave_quota"),
    re.compile(r"days_from_start\s*//\s*7"),
    re.compile(r"NOTES_DIR\s*="),
)
_OLDER_SIGNS = (
    re.compile(r"isocalendar\(\)"),
    re.compile(r"absent_count\s*>\s*2"),
)
DEFAULT_ALLOWANCE = 2


def _git_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _readme_in(folder: Path) -> Path | None:
    for name in ("README.md", "readme.md", "Readme.md"):
        if (folder / name).is_file():
            return folder / name
    return None


def _candidate_roots(notes_path: Path) -> list[tuple[Path, str]]:
    folder = notes_path.parent
    git = _git_root(folder)
    if git is not None:
        return [(git, f"git work tree {git}")]
    candidates = [(folder, f"the notes file's folder {folder} (not in a git work tree)")]
    if folder.name == "notes":
        candidates.insert(0, (folder.parent, f"the folder above notes/, {folder.parent} (not in a git work tree)"))
    return candidates


def find_script(root: Path) -> Path | None:
    for place in _SCRIPT_PLACES:
        candidate = root / place / SCRIPT_NAME
        if candidate.is_file():
            return candidate
    return None


def script_generation(text: str) -> tuple[str, int] | None:
    """The rule generation of a ``sync_status_readme.py`` and the line that shows it, by its content."""
    for generation, signs in ((NEWER, _NEWER_SIGNS), (OLDER, _OLDER_SIGNS)):
        for sign in signs:
            found = sign.search(text)
            if found:
                return generation, text.count("\n", 0, found.start()) + 1
    return None


def _sourced(found: Found, readme: Path) -> Sourced:
    return Sourced(found.value, readme, found.line, found.how)


def _choose_date(
    label: str, header: Sourced | None, texts: list[Found], readme: Path, disagreements: list[str]
) -> Sourced | None:
    """The table header wins (it is what the bot last used); the README's text next. Differences are told."""
    sources = ([header] if header else []) + [_sourced(found, readme) for found in texts]
    if not sources:
        return None
    chosen = sources[0]
    for other in sources[1:]:
        if other.value != chosen.value:
            disagreements.append(
                f"{label}: {chosen.value.isoformat()} at {chosen.where()} "
                f"but {other.value.isoformat()} at {other.where()}"
            )
    return chosen


def _year_from_notes(notes_path: Path, month: int, day: int) -> int | None:
    """The year of the notes' own entry for the table's first day, else their most frequent year."""
    from collections import Counter

    from studyreader.notes import NotesError, load_notes

    try:
        entries = load_notes(notes_path).entries
    except NotesError:
        return None
    for entry in entries:
        if (entry.date.month, entry.date.day) == (month, day):
            return entry.date.year
    years = Counter(entry.date.year for entry in entries)
    return years.most_common(1)[0][0] if years else None


def _header_sources(
    facts: ReadmeFacts, readme: Path, notes_path: Path
) -> tuple[Sourced | None, Sourced | None, str | None]:
    if not facts.header_days:
        return None, None, None
    first_month, first_day = facts.header_days[0]
    year = None
    for found in facts.starts + facts.ends:
        if (found.value.month, found.value.day) == (first_month, first_day):
            year = found.value.year
            break
    if year is None and facts.starts:
        year = facts.starts[0].value.year
    whence = "the README's dates"
    if year is None:
        year = _year_from_notes(notes_path, first_month, first_day)
        whence = "the notes' own entries (the README names no year)"
    if year is None:
        return None, None, "the table header names days without a year, and neither the README nor the notes name one"
    dates = header_dates(facts.header_days, year)
    how = f"table header ({len(dates)} days, year from {whence})"
    return (
        Sourced(dates[0], readme, facts.header_line, how),
        Sourced(dates[-1], readme, facts.header_line, how),
        None,
    )


def _generation(root: Path, facts: ReadmeFacts, readme: Path, start: date | None, notes: list[str]) -> Sourced:
    script = find_script(root)
    if script is not None:
        try:
            text = script.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            notes.append(f"{script}: could not be read ({error.strerror or error})")
            text = ""
        found = script_generation(text)
        if found:
            generation, line = found
            return Sourced(generation, script, line, "the bot's script, recognised by its content")
        notes.append(f"{script}: not recognised as either generation of the bot's script; guessing from the README")
    if facts.has_metadata or facts.english or (root / "notes").is_dir():
        why = "metadata block" if facts.has_metadata else ("English sections" if facts.english else "a notes/ folder")
        return Sourced(NEWER, readme, None, f"guessed from the README's shape ({why})")
    if start is not None and start.year <= 2024:
        return Sourced(OLDER, readme, None, "guessed from the README's shape (a 2024 programme, notes at the root)")
    return Sourced(NEWER, readme, None, "guessed: the current template's rules")


def _allowance(generation: Sourced, facts: ReadmeFacts, readme: Path, disagreements: list[str], notes: list[str]):
    stated = ([facts.allowance_bot] if facts.allowance_bot else []) + facts.allowance_other
    if generation.value == OLDER:
        chosen = Sourced(DEFAULT_ALLOWANCE, generation.file, generation.line, "fixed by the older bot's rules")
        for found in stated:
            if found.value != DEFAULT_ALLOWANCE:
                disagreements.append(
                    f"leave allowance: the README says {found.value} at {readme}:{found.line} ({found.how}), "
                    f"but the older bot always allows {DEFAULT_ALLOWANCE}"
                )
        return chosen
    if facts.allowance_bot:
        chosen = _sourced(facts.allowance_bot, readme)
    else:
        chosen = Sourced(DEFAULT_ALLOWANCE, None, None, "the bot's default: no '## 请假规则' / '## Leave Rules' count")
    for found in facts.allowance_other:
        if found.value != chosen.value:
            disagreements.append(
                f"leave allowance: {found.value} at {readme}:{found.line} ({found.how}), which the bot does not read; "
                f"it uses {chosen.value} ({chosen.where()})"
            )
        else:
            notes.append(f"{readme}:{found.line} ({found.how}) says {found.value} too; the bot does not read that line")
    return chosen


def _participant_row(facts: ReadmeFacts, notes_path: Path, dates: list[date]) -> TableRow | None:
    name = notes_path.stem
    for row in facts.rows:
        if row.name == name:
            return TableRow(row.name, row.line, row.cells, tuple(dates[: len(row.cells)]))
    return None


def detect_programme(notes_path: Path | str, override: ProgrammeOverride | None = None) -> Detection:
    """The programme of a notes file, each value with its source; ``override`` is the user's word."""
    notes_path = Path(notes_path).resolve()
    override = override or ProgrammeOverride()
    if override.disabled:
        return Detection(notes_path, None, reason="the user said this file is in no programme (Settings)")
    findings: list[str] = []
    for root, described in _candidate_roots(notes_path):
        readme = _readme_in(root)
        if readme is None:
            findings.append(f"{described}: no README.md")
            continue
        try:
            text = readme.read_text(encoding="utf-8-sig", errors="replace")
        except OSError as error:
            findings.append(f"{readme}: could not be read ({error.strerror or error})")
            continue
        facts = read_readme(text)
        if not facts.has_table and find_script(root) is None:
            findings.append(f"{readme}: no check-in table ({'<!-- START_COMMIT_TABLE -->'}) and no {SCRIPT_NAME}")
            continue
        programme = _assemble(root, readme, facts, notes_path, override, findings)
        reason = "" if programme else findings[-1]
        return Detection(notes_path, programme, root=root, reason=reason, findings=(described, *findings))
    if any(value is not None for value in (override.start, override.end)):
        return Detection(notes_path, _from_override_only(override, findings), findings=tuple(findings))
    why = f"not in a programme repository ({findings[-1]})" if findings else "not in a programme repository"
    return Detection(notes_path, None, reason=why, findings=tuple(findings))


def _assemble(root, readme, facts: ReadmeFacts, notes_path, override: ProgrammeOverride, findings) -> Programme | None:
    disagreements: list[str] = []
    notes: list[str] = []
    header_start, header_end, header_problem = _header_sources(facts, readme, notes_path)
    if header_problem:
        notes.append(header_problem)
    start = _choose_date("study start", header_start, facts.starts, readme, disagreements)
    end = _choose_date("study end", header_end, facts.ends, readme, disagreements)
    if override.start:
        start = Sourced(override.start, None, None, "Settings override")
    if override.end:
        end = Sourced(override.end, None, None, "Settings override")
    if start is None or end is None or end.value < start.value:
        findings.append(f"{readme}: no study period found (give it in Settings or with --start/--end)")
        return None
    generation = _generation(root, facts, readme, start.value, notes)
    if override.generation:
        generation = Sourced(override.generation, None, None, "Settings override")
    allowance = _allowance(generation, facts, readme, disagreements, notes)
    if override.allowance is not None:
        allowance = Sourced(override.allowance, None, None, "Settings override")
    dates = header_dates(facts.header_days, header_start.value.year) if header_start else []
    row = _participant_row(facts, Path(override.participant + ".md") if override.participant else notes_path, dates)
    if row is not None and dates and (dates[0], dates[-1]) != (start.value, end.value):
        notes.append("the table's columns do not span the study period used: its row is shown as published")
    script = find_script(root)
    return Programme(
        root=root,
        readme=readme,
        start=start,
        end=end,
        allowance=allowance,
        generation=generation,
        participant=row.name if row else (override.participant or notes_path.stem),
        row=row,
        script=script,
        disagreements=tuple(disagreements),
        notes=tuple(notes),
        timezone=override.timezone,
    )


def _from_override_only(override: ProgrammeOverride, findings: list[str]) -> Programme | None:
    if override.start is None or override.end is None:
        findings.append("a programme entered in Settings needs both a start and an end date")
        return None
    return Programme(
        root=None,
        readme=None,
        start=Sourced(override.start, None, None, "Settings override"),
        end=Sourced(override.end, None, None, "Settings override"),
        allowance=Sourced(override.allowance if override.allowance is not None else DEFAULT_ALLOWANCE, None, None,
                          "Settings override" if override.allowance is not None else "the bot's default"),
        generation=Sourced(override.generation or NEWER, None, None,
                           "Settings override" if override.generation else "the current template's rules"),
        participant=override.participant,
        timezone=override.timezone,
    )
