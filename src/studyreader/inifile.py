"""The settings file's text format: INI as Qt's QSettings writes it, read and written without Qt.

The settings file was written by QSettings before the settings moved to a Qt-free
store, so values keep QSettings' spelling: keys ``group/name`` under ``[group]``
sections, strings escaped and quoted the way QSettings does, lists as comma-separated
strings, ``@ByteArray(...)`` for bytes and ``@Invalid()`` for an empty list. Reading
follows QSettings' own rules (``qsettings.cpp``), so a file either side wrote reads the
same on the other.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

Variant = str | bytes | list[str] | None

GENERAL = "General"  # the section QSettings gives keys without a group
_BLANK = " \t"  # what QSettings trims around keys and values (not every Unicode space)

_ESCAPES = {
    "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
    '"': '"', "?": "?", "'": "'", "\\": "\\",
}
_WRITE_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v"}
_HEX = "0123456789abcdefABCDEF"
_OCT = "01234567"
_KEY_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")


# -- reading -------------------------------------------------------------------------------------

def parse(text: str) -> dict[str, str]:
    """``{"group/name": raw value text}`` of an INI text; the raw text is decoded by :func:`decode_value`."""
    entries: dict[str, str] = {}
    section = ""
    for line in _logical_lines(text):
        stripped = line.strip(_BLANK)
        if not stripped or stripped[0] in ";#":
            continue
        if stripped[0] == "[":
            end = stripped.find("]")
            name = _unescape_key(stripped[1 : end if end > 0 else None].strip(_BLANK))
            section = "" if name == GENERAL else name
            continue
        key, equals, value = line.partition("=")
        key = _unescape_key(key.strip(_BLANK))
        if not equals or not key:
            continue
        entries[f"{section}/{key}" if section else key] = value.strip(_BLANK)
    return entries


def _logical_lines(text: str) -> Iterator[str]:
    """Lines as QSettings splits them: a newline inside quotes or after a backslash does not
    end a line; a ``;`` outside quotes starts a comment."""
    line: list[str] = []
    in_quotes = False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            line.append(text[i : i + 2])
            i += 2
            continue
        if ch == '"':
            in_quotes = not in_quotes
        elif ch in "\r\n" and not in_quotes:
            yield "".join(line)
            line, in_quotes = [], False
            i += 1
            continue
        elif ch == ";" and not in_quotes:
            yield "".join(line)
            line, in_quotes = [], False
            while i < n and text[i] not in "\r\n":
                i += 1
            continue
        line.append(ch)
        i += 1
    yield "".join(line)


def _unescape_key(text: str) -> str:
    """QSettings' key escaping undone: ``%XX``, ``%UXXXX``, and ``\\`` for a ``/`` inside a section."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            out.append("/")
        elif ch == "%" and text[i + 1 : i + 2] == "U" and _all_hex(text[i + 2 : i + 6], 4):
            out.append(chr(int(text[i + 2 : i + 6], 16)))
            i += 6
            continue
        elif ch == "%" and _all_hex(text[i + 1 : i + 3], 2):
            out.append(chr(int(text[i + 1 : i + 3], 16)))
            i += 3
            continue
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _all_hex(text: str, length: int) -> bool:
    return len(text) == length and all(c in _HEX for c in text)


def decode_value(raw: str) -> Variant:
    """The value QSettings would hand back: a string, a list of strings, bytes, or None."""
    value = _unescape(raw)
    if isinstance(value, list):
        return [item for item in map(_typed, value) if isinstance(item, str)]
    return _typed(value)


def _typed(text: str) -> str | bytes | None:
    if not text.startswith("@"):
        return text
    if text.startswith("@@"):
        return text[1:]
    if text.startswith("@ByteArray(") and text.endswith(")"):
        try:
            return text[len("@ByteArray(") : -1].encode("latin-1")
        except UnicodeEncodeError:
            return None
    if text.endswith(")") and "(" in text:
        return None  # @Invalid(), @Variant(...), @DateTime(...), @Rect(...): nothing the settings use
    return text


def _unescape(raw: str) -> str | list[str]:
    """QSettings' ``iniUnescapedStringList``: a list when the text has a comma outside quotes."""
    items: list[str] = []
    is_list = in_quotes = quoted = False
    current: list[str] = []
    chop_limit = 0
    i, n = _skip_spaces(raw, 0), len(raw)
    while i < n:
        ch = raw[i]
        if ch == "\\":
            i += 1
            if i >= n:
                break
            ch = raw[i]
            i += 1
            if ch in _ESCAPES:
                current.append(_ESCAPES[ch])
            elif ch == "x" and i < n and raw[i] in _HEX:
                start = i
                while i < n and raw[i] in _HEX:
                    i += 1
                current.append(chr(int(raw[start:i], 16) & 0xFFFF))
            elif ch in _OCT:
                start = i - 1
                while i < n and raw[i] in _OCT:
                    i += 1
                current.append(chr(int(raw[start:i], 8) & 0xFFFF))
            elif ch in "\r\n" and i < n and raw[i] in "\r\n" and raw[i] != ch:
                i += 1  # a line continuation: \<CR><LF> or \<LF><CR>
            chop_limit = len(current)
        elif ch == '"':
            i += 1
            quoted = True
            in_quotes = not in_quotes
            if not in_quotes:
                i = _skip_spaces(raw, i)
                chop_limit = len(current)
        elif ch == "," and not in_quotes:
            if not quoted:
                _chop(current, chop_limit)
            is_list = True
            items.append("".join(current))
            current, quoted, chop_limit = [], False, 0
            i = _skip_spaces(raw, i + 1)
        else:
            current.append(ch)
            i += 1
    if not quoted:
        _chop(current, chop_limit)
    if is_list:
        items.append("".join(current))
        return items
    return "".join(current)


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t":
        i += 1
    return i


def _chop(chars: list[str], limit: int) -> None:
    while len(chars) > limit and chars[-1] in " \t":
        chars.pop()


# -- writing -------------------------------------------------------------------------------------

def encode_value(value: str | list[str]) -> str:
    """The raw text QSettings writes for a string or a list of strings."""
    if isinstance(value, list):
        return ", ".join(_escape(_at(item)) for item in value) if value else "@Invalid()"
    return _escape(_at(value))


def _at(text: str) -> str:
    """A string that starts with ``@`` gets a second one, so it is never read as a typed value."""
    return "@" + text if text.startswith("@") else text


def _escape(text: str) -> str:
    """QSettings' ``iniEscapedString``."""
    out: list[str] = []
    needs_quotes = escape_next_if_hex = False
    for ch in text:
        if ch in ";,=":
            needs_quotes = True
        if escape_next_if_hex and ch in _HEX:
            out.append(f"\\x{ord(ch):x}")
            continue
        escape_next_if_hex = False
        if ch == "\0":
            out.append("\\0")
            escape_next_if_hex = True
        elif ch in _WRITE_ESCAPES:
            out.append("\\" + _WRITE_ESCAPES[ch])
        elif ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) <= 0x1F:
            out.append(f"\\x{ord(ch):x}")
            escape_next_if_hex = True
        else:
            out.append(ch)
    result = "".join(out)
    if needs_quotes or result.startswith(" ") or result.endswith(" "):
        result = f'"{result}"'
    return result


def dump(entries: Mapping[str, str]) -> str:
    """The INI text of ``{"group/name": raw value text}``: sections and keys sorted, as QSettings writes."""
    sections: dict[str, dict[str, str]] = {}
    for key, raw in entries.items():
        group, slash, name = key.partition("/")
        if not slash:
            group, name = GENERAL, key
        sections.setdefault(group, {})[name] = raw
    blocks = []
    for group in sorted(sections, key=lambda g: (g != GENERAL, g)):
        lines = [f"[{_escape_key(group)}]"]
        lines += [f"{_escape_key(name)}={raw}" for name, raw in sorted(sections[group].items())]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _escape_key(key: str) -> str:
    out = []
    for ch in key:
        if ch == "/":
            out.append("\\")
        elif ch in _KEY_SAFE:
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"%{ord(ch):02X}")
        else:
            out.append(f"%U{ord(ch):04X}")
    return "".join(out)
