"""What the first screen of a notes file needs, kept between runs. Plain Python: no Qt here.

Re-opening the same notes (the user does it every evening) should not wait for
Python-Markdown, the sanitiser, the segmenter and the notes parser to be
imported and run again before the window can show anything. After a file has
been shown once, its blocks, their rendered (sanitised) Chinese HTML, the
navigator's entries and the programme's marks for them (:mod:`studyreader.programme.marks`) are written to
``cache_dir()/reader/``; the next start reads them back with :mod:`marshal`.

The file name is a hash of the notes text together with everything else the
stored HTML depends on: the folder of the notes (local images), the interface
words the renderer inserts, :data:`FORMAT`, and the size and modification time
of every StudyReader source file and of Python-Markdown and nh3, so that any change
of the code never shows stale HTML. Verdicts change with the date: they
are kept with the day (in the notes' time zone) they were worked out for, and
used on a later day only when none of them was "pending".
Blocks whose HTML depends on other files (images) are not stored. Anything
unreadable is a miss; the cache is safe to delete.
"""

from __future__ import annotations

import datetime as _dt
import marshal
import os
import time
from dataclasses import dataclass
from pathlib import Path

from studyreader.messages import Message, from_plain, to_plain
from studyreader.translate.blocks import Block, Part

FORMAT = 4  # bump when what is stored, or how it is rendered, changes
KEEP_FILES = 24  # older cache files beyond this many are removed

_PACKAGE = Path(__file__).resolve().parent.parent  # the studyreader package
_LIBRARIES = ("markdown", "nh3")
_stamp: tuple | None = None


def cache_folder() -> Path:
    from studyreader import paths

    return paths.cache_dir() / "reader"


def code_stamp() -> tuple:
    """Size and modification time of the code whose output is stored (once per process)."""
    global _stamp
    if _stamp is None:
        import importlib.util

        files = sorted(  # os.walk: a few times quicker than Path.rglob, and this runs before the first paint
            os.path.join(folder, name)
            for folder, _dirs, names in os.walk(_PACKAGE)
            for name in names
            if name.endswith(".py")
        )
        for name in _LIBRARIES:
            try:
                spec = importlib.util.find_spec(name)
            except (ImportError, ValueError):
                spec = None
            files.append(spec.origin if spec is not None and spec.origin else name)
        stamp = []
        for name in files:
            try:
                info = os.stat(name)
                stamp.append((name, info.st_size, info.st_mtime_ns))
            except OSError:
                stamp.append((name, -1, -1))
        _stamp = tuple(stamp)
    return _stamp


def text_bytes(data: bytes) -> bytes:
    """The bytes of the notes text as the notes core decodes it (UTF-8, no BOM)."""
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data


def cache_key(text: bytes, base_dir: Path | None, labels: tuple[str, ...]) -> str:
    from hashlib import blake2b

    digest = blake2b(text, digest_size=20)
    digest.update(repr((FORMAT, str(base_dir), labels, code_stamp())).encode("utf-8"))
    return digest.hexdigest()


@dataclass(frozen=True)
class CachedEntry:
    """What the navigator shows of a dated entry (the notes core's Entry has more)."""

    date: _dt.date
    line: int
    chars: int
    start: int


@dataclass(frozen=True)
class CachedVerdict:
    """A day's mark as the navigator shows it (the fields of ``studyreader.programme.marks.DayMark``)."""

    date: _dt.date
    kind: str
    reason: Message
    published: str | None


@dataclass
class CachedView:
    """A notes file as the first screen shows it."""

    key: str
    blocks: list[Block]  # the reader's rows, as the segmenter made them
    html: list[str | None]  # rendered Chinese HTML per row, None where it must be rendered again
    entries: list[CachedEntry]  # per dated entry
    verdicts: dict[_dt.date, CachedVerdict]
    verdicts_valid: bool  # False: the day has changed since they were worked out
    warnings: list[Message]
    in_programme: bool = False  # the marks are a programme's days (else: only the entries')


def _block_fields(block: Block) -> tuple:
    """A block as plain tuples, strings and numbers (what marshal stores)."""
    return (
        block.index, block.kind, block.source, block.start, block.end, block.start_line, block.end_line,
        bool(block.translatable), block.level, tuple(tuple(part) for part in block.parts),
        tuple(tuple(tuple(part) for part in row) for row in block.rows),
    )


def _block(fields: tuple) -> Block:
    index, kind, source, start, end, start_line, end_line, translatable, level, parts, rows = fields
    return Block(
        index=index, kind=kind, source=source, start=start, end=end, start_line=start_line, end_line=end_line,
        translatable=translatable, level=level, parts=tuple(Part(*part) for part in parts),
        rows=tuple(tuple(Part(*part) for part in row) for row in rows),
    )


def load(key: str) -> CachedView | None:
    """The stored view for ``key``, or None (missing, unreadable, other format)."""
    try:
        raw = (cache_folder() / f"{key}.bin").read_bytes()
        data = marshal.loads(raw)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        now = time.time()
        valid_from, valid_until = data["valid"]
        # Worked out for one day; on a later day only "pending" verdicts can differ (a day that
        # is over without its entry becomes missed, which may eliminate later days): without
        # any pending day the stored verdicts still hold. (marks.py is part of code_stamp().)
        still_valid = valid_from <= now < valid_until or (
            now >= valid_until and all(kind != "pending" for _d, kind, _r, _p in data["verdicts"])
        )
        entries = [
            CachedEntry(_dt.date.fromordinal(d), line, chars, start) for d, line, chars, start in data["entries"]
        ]
        verdicts = {
            _dt.date.fromordinal(d): CachedVerdict(_dt.date.fromordinal(d), kind, from_plain(reason), published or None)
            for d, kind, reason, published in data["verdicts"]
        }
        return CachedView(
            key=key,
            blocks=[_block(fields) for fields in data["blocks"]],
            html=list(data["html"]),
            entries=entries,
            verdicts=verdicts,
            verdicts_valid=still_valid,
            warnings=[from_plain(warning) for warning in data["warnings"]],
            in_programme=bool(data["programme"]),
        )
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return None


def day_span(notes) -> tuple[float, float]:
    """The POSIX times between which ``notes.today()`` stays the same day."""
    today = notes.today()
    start = _dt.datetime.combine(today, _dt.time(0), tzinfo=notes.tz)
    end = _dt.datetime.combine(today + _dt.timedelta(days=1), _dt.time(0), tzinfo=notes.tz)
    return start.timestamp(), end.timestamp()


def cacheable_html(html: str | None) -> str | None:
    """Rows that show images depend on files beside the notes: they are rendered every time.

    So are rows shown as plain text because formatting them failed or would cost too much:
    what is stored is only ever HTML that rendered normally.
    """
    from studyreader.render.markup import is_plain_fallback

    if html is None or "<img" in html or "sr-placeholder" in html or is_plain_fallback(html):
        return None
    return html


def store(key: str, *, blocks, html, notes, verdicts: dict, in_programme: bool = False) -> bool:
    """Write the view (atomically: a reader never sees half a file). Failures are ignored.

    ``verdicts``: date -> mark (``kind``, ``reason``, ``published``), exactly what the navigator shows."""
    try:
        valid = day_span(notes)
        data = {
            "format": FORMAT,
            "valid": valid,
            "blocks": [_block_fields(block) for block in blocks],
            "html": [cacheable_html(h) for h in html],
            "entries": [(e.date.toordinal(), int(e.line), int(e.chars), int(e.start)) for e in notes.entries],
            "verdicts": [
                (day.toordinal(), str(mark.kind), to_plain(mark.reason), str(mark.published or ""))
                for day, mark in verdicts.items()
            ],
            "programme": bool(in_programme),
            "warnings": [to_plain(w) for w in notes.warnings],
        }
        payload = marshal.dumps(data)
        folder = cache_folder()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{key}.bin"
        temporary = folder / f".{key}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            handle.write(payload)
        os.replace(temporary, target)
        _write_hint(folder, notes, key)
        _prune(folder)
        return True
    except (OSError, ValueError, TypeError):
        return False


def _write_hint(folder: Path, notes, key: str) -> None:
    """Which file was stored last, as it was on disk: lets the next start guess a hit early."""
    try:
        info = os.stat(notes.path)
        payload = marshal.dumps((str(notes.path), info.st_size, info.st_mtime_ns, key))
        temporary = folder / f".last.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            handle.write(payload)
        os.replace(temporary, folder / "last")
    except (OSError, TypeError, ValueError):
        pass


def likely_hit() -> bool:
    """True when the file stored last is unchanged on disk and its view is still there.

    Start-up uses it to decide, before PySide6 is imported, whether to import the
    renderer's libraries up front (a file that will be rendered anew) or not at all.
    """
    try:
        folder = cache_folder()
        path, size, mtime_ns, key = marshal.loads((folder / "last").read_bytes())
        info = os.stat(path)
        return info.st_size == size and info.st_mtime_ns == mtime_ns and (folder / f"{key}.bin").is_file()
    except (OSError, EOFError, ValueError, TypeError):
        return False


def _prune(folder: Path) -> None:
    try:
        files = sorted(folder.glob("*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in files[KEEP_FILES:]:
        try:
            old.unlink()
        except OSError:
            pass
