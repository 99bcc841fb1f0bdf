"""Gather what an export shows: the selected blocks, their English and the glossary terms they use.

:func:`prepare` reads the notes file, keeps the blocks of the dated entries in range, translates
them (cache first, then the installed model) and finds the glossary terms; :func:`to_html` and
:func:`to_markdown` turn the result into a file's content; :func:`write_output` writes it
atomically. Without a translation model the export holds the Chinese with :data:`NO_MODEL_NOTE`,
unless the caller requires the translation (then it stops with :class:`MissingModelError`, exit code 2).
Translation reports its progress as (blocks done, blocks to translate) and stops early when asked
(:class:`ExportCancelled`, exit code 130): nothing is written then.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from studyreader.errors import StudyReaderError
from studyreader.translate.blocks import Block

FORMATS = ("html", "pdf", "md")
LAYOUTS = ("side", "interleaved")
NO_MODEL_NOTE = "No translation model is installed: this export holds the Chinese only."
UNTRANSLATED_KINDS = frozenset({"code", "html", "rule"})

Progress = Callable[[int, int], None]  # (blocks translated so far, blocks to translate)


class MissingModelError(StudyReaderError):
    """The English was required and no translation model is installed."""

    exit_code = 2


class ExportCancelled(StudyReaderError):
    """The user stopped the export; nothing was written."""

    exit_code = 130

    def __init__(self, message: str = "export cancelled; nothing was written") -> None:
        super().__init__(message)


@dataclass(frozen=True)
class ExportRequest:
    """What the user asked for: the file, the dates (inclusive, either may be open) and whether the
    English is required (no model: refuse rather than export the Chinese alone) or not wanted at all
    (``chinese_only``: the user chose the Chinese alone when no model was installed)."""

    path: Path
    date_from: date | None = None
    date_to: date | None = None
    require_translation: bool = False
    packages_dir: str | None = None
    chinese_only: bool = False


@dataclass(frozen=True)
class ExportDocument:
    """The blocks to export, each with its English (None: not translated) and the date of the entry it
    belongs to (None before the first dated heading), and the terms used."""

    path: Path
    blocks: tuple[Block, ...]
    english: tuple[str | None, ...]
    dates: tuple[date | None, ...] = ()
    terms: tuple = ()  # glossary Terms, in order of first use
    glossary: object | None = None
    translated: bool = True
    date_from: date | None = None
    date_to: date | None = None

    @property
    def base_dir(self) -> Path:
        return self.path.parent


def check_range(date_from: date | None, date_to: date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise StudyReaderError(f"--from {date_from} is after --to {date_to}")


def select_blocks(notes, blocks: Sequence[Block], date_from: date | None, date_to: date | None) -> list[Block]:
    """The blocks of the dated entries from ``date_from`` to ``date_to``; all blocks without a range."""
    if date_from is None and date_to is None:
        return list(blocks)
    spans = [
        (entry.start, entry.end)
        for entry in notes.entries
        if (date_from is None or entry.date >= date_from) and (date_to is None or entry.date <= date_to)
    ]
    if not spans:
        shown = f"{date_from or '…'} to {date_to or '…'}"
        raise StudyReaderError(f"{notes.path}: no dated entry from {shown}", exit_code=1)
    return [block for block in blocks if any(start <= block.start < end for start, end in spans)]


def entry_dates(notes, blocks: Sequence[Block]) -> list[date | None]:
    """The date of the dated entry each block lies in; None for the text before the first one."""
    entries = sorted(notes.entries, key=lambda entry: entry.start)
    starts = [entry.start for entry in entries]
    dates: list[date | None] = []
    for block in blocks:
        at = bisect.bisect_right(starts, block.start) - 1
        inside = at >= 0 and block.start < entries[at].end
        dates.append(entries[at].date if inside else None)
    return dates


def translate(
    blocks: Sequence[Block],
    *,
    engine=None,
    require: bool = False,
    packages_dir: str | None = None,
    aid=None,
    should_cancel: Callable[[], bool] | None = None,
    on_progress: Progress | None = None,
) -> tuple[list[str | None], bool]:
    """The English of each block (None for code and untranslatable blocks) and whether a model was there."""
    from studyreader.translate.engine import NoModelError, TranslationEngine

    wanted = [block for block in blocks if block.translatable and block.kind not in UNTRANSLATED_KINDS]
    done = 0

    def block_done(_index: int, _translation: object) -> None:
        nonlocal done
        done += 1
        if on_progress is not None:
            on_progress(done, len(wanted))

    if on_progress is not None:
        on_progress(0, len(wanted))
    own = engine is None
    engine = engine or TranslationEngine(packages_dir=packages_dir, aid=aid)
    try:
        result = engine.translate_blocks(wanted, on_block=block_done, should_cancel=should_cancel)
    except NoModelError as error:
        if require:
            raise MissingModelError(f"{error} (--require-translation)") from None
        return [None] * len(blocks), False
    finally:
        if own:
            engine.close()
    if result.cancelled or (should_cancel is not None and should_cancel()):
        raise ExportCancelled()
    by_index = {block.index: tr.text for block, tr in zip(wanted, result.blocks) if tr is not None}
    return [by_index.get(block.index) for block in blocks], True


def prepare(
    request: ExportRequest,
    *,
    engine=None,
    glossary=None,
    should_cancel: Callable[[], bool] | None = None,
    on_progress: Progress | None = None,
) -> ExportDocument:
    """Read, select, translate and look up terms: everything an output format needs."""
    from studyreader.notes import load_notes
    from studyreader.render.rows import segment

    check_range(request.date_from, request.date_to)
    notes = load_notes(request.path)
    blocks = select_blocks(notes, segment(notes.text), request.date_from, request.date_to)
    if glossary is None:
        from studyreader.glossary import default_glossary

        glossary = default_glossary()
    if request.chinese_only:
        english, translated = [None] * len(blocks), False
    else:
        aid = glossary.translation_aid() if engine is None else None
        english, translated = translate(
            blocks, engine=engine, require=request.require_translation, packages_dir=request.packages_dir,
            aid=aid, should_cancel=should_cancel, on_progress=on_progress,
        )
    used: dict[str, object] = {}
    for block, text in zip(blocks, english):
        if block.kind in UNTRANSLATED_KINDS:
            continue
        for source in (block.source, text or ""):
            for match in glossary.find(source):
                term = glossary.get(match.term_id)
                if term is not None:
                    used.setdefault(term.id, term)
    return ExportDocument(
        path=Path(request.path), blocks=tuple(blocks), english=tuple(english),
        dates=tuple(entry_dates(notes, blocks)), terms=tuple(used.values()),
        glossary=glossary, translated=translated, date_from=request.date_from, date_to=request.date_to,
    )


def to_html(document: ExportDocument, layout: str = "side", *, term_titles: bool = True) -> str:
    """The HTML export; ``term_titles=False`` leaves the definitions out of the marked terms (for the PDF)."""
    from studyreader.export.html import build_html

    return build_html(document, layout, term_titles=term_titles)


def to_markdown(document: ExportDocument) -> str:
    from studyreader.export.markdown import build_markdown

    return build_markdown(document)


def write_output(path: Path, data: bytes, source: Path | None = None) -> None:
    """Write the export atomically; refuse to overwrite the notes file itself."""
    from studyreader.notes.atomic import atomic_write_bytes

    path = Path(path)
    if source is not None and path.exists() and path.resolve() == Path(source).resolve():
        raise StudyReaderError(f"{path}: is the notes file itself; choose another output file")
    if path.is_dir():
        raise StudyReaderError(f"{path}: is a folder; give a file name for the export")
    if not path.parent.is_dir():
        raise StudyReaderError(f"{path}: the folder {path.parent} does not exist")
    try:
        atomic_write_bytes(path, data)
    except OSError as error:
        raise StudyReaderError(f"{path}: cannot write the export ({error.strerror or error})") from None
