"""Turning the bytes of a notes file into text, or a clear refusal.

Notes files are UTF-8 Markdown. Anything else is refused with a message that
says what the file looks like instead, because a wrong guess would corrupt
the user's notes on the next save.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from studyreader.errors import StudyReaderError, os_reason
from studyreader.messages import message
from studyreader.notes.atomic import FileVersion, NotRegularFileError, read_regular_file


class NotesError(StudyReaderError):
    """The notes file cannot be read or written as asked; the message names the file."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    bom: bool


def decode_notes(data: bytes, path: Path | str) -> DecodedText:
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        raise NotesError(message("file.wide_encoding", path=str(path)))
    if b"\x00" in data[:65536]:
        raise NotesError(message("file.binary", path=str(path)))
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8):] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        line = body[: error.start].count(b"\n") + 1
        code = "file.not_unicode_gbk" if _looks_like_gbk(body) else "file.not_unicode"
        raise NotesError(message(code, path=str(path), line=line)) from None
    return DecodedText(text=text, bom=bom)


def encode_notes(text: str, bom: bool) -> bytes:
    data = text.encode("utf-8")
    return codecs.BOM_UTF8 + data if bom else data


def _looks_like_gbk(data: bytes) -> bool:
    try:
        decoded = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    cjk = sum(1 for ch in decoded if "\u4e00" <= ch <= "\u9fff")
    return cjk >= 2


def read_notes_bytes(path: Path) -> bytes:
    """Read the file or raise a NotesError that says why not."""
    return read_notes_file(path)[0]


def read_notes_file(path: Path) -> tuple[bytes, FileVersion]:
    """The file's bytes and the version they are, or a NotesError that says why not.

    Only regular files are read: a FIFO would hang and ``/dev/zero`` would never end.
    """
    try:
        return read_regular_file(path)
    except FileNotFoundError:
        raise NotesError(message("file.missing", path=str(path))) from None
    except IsADirectoryError:
        raise NotesError(message("file.folder", path=str(path))) from None
    except NotRegularFileError as error:
        raise NotesError(message("file.special", path=str(path), kind=error.kind)) from None
    except PermissionError:
        raise NotesError(message("file.read_denied", path=str(path))) from None
    except OSError as error:
        raise NotesError(message("file.unreadable", path=str(path), reason=os_reason(error))) from None
