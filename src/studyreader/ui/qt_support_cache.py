"""PySide's own Python support code, compiled once instead of at every start.

shiboken6 carries the Python half of PySide (signature parsing, the
``__feature__`` switches, the stub generator its loader imports) as source
files embedded in its library, and its importer compiles them with the built-in
``compile()`` every time a process imports it: about 10 ms of every start, on
the main thread, before Qt can do anything. :func:`cached` keeps the compiled
code, as Python keeps ``.pyc`` files for ordinary modules: while PySide6 is
first imported, ``compile()`` answers for exactly those embedded files from a
:mod:`marshal` file in the cache folder, checked against a hash of each
source (another PySide version or a changed file compiles afresh), and
compiles and stores them when they are not there yet.

Everything else is handed to the real ``compile()`` untouched, and any problem
with the cache file is a miss: it is safe to delete. Plain Python, no Qt; it
imports only what an interpreter has loaded anyway.
"""

from __future__ import annotations

import builtins
import marshal
import os
import sys

# The files shiboken6's importer compiles, by the names it gives them. A name not listed here is
# compiled as usual, so a PySide that embeds other files only loses the gain for those.
EMBEDDED = frozenset({
    "shibokensupport/__init__.py",
    "shibokensupport/feature.py",
    "shibokensupport/signature/__init__.py",
    "shibokensupport/signature/errorhandler.py",
    "shibokensupport/signature/importhandler.py",
    "shibokensupport/signature/layout.py",
    "shibokensupport/signature/lib/__init__.py",
    "shibokensupport/signature/lib/enum_sig.py",
    "shibokensupport/signature/lib/pyi_generator.py",
    "shibokensupport/signature/lib/tool.py",
    "shibokensupport/signature/loader.py",
    "shibokensupport/signature/mapping.py",
    "shibokensupport/signature/parser.py",
})
FORMAT = 1
_CODE_TYPE = type(compile("", "", "exec"))


def cache_file():
    """One file per bytecode version (marshal's format and the code objects follow it)."""
    from studyreader import paths

    return paths.cache_dir() / f"qt-support-{sys.implementation.cache_tag}.marshal"


def digest(source: bytes) -> bytes:
    try:
        from _blake2 import blake2b  # what hashlib.blake2b is, without loading OpenSSL
    except ImportError:
        from hashlib import blake2b
    return blake2b(source, digest_size=16).digest()


def load(path) -> dict:
    """``{file name: (source digest, code)}``; empty when missing or unreadable."""
    try:
        with open(path, "rb") as file:
            stored = marshal.load(file)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == FORMAT
            and isinstance(stored[1], dict)):
        return {}
    return stored[1]


def store(path, entries: dict) -> bool:
    """Write atomically (a temporary file in the same folder, then a rename); False on failure."""
    path = os.fspath(path)
    folder, name = os.path.split(path)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        os.makedirs(folder or ".", exist_ok=True)
        with open(temporary, "wb") as file:
            marshal.dump((FORMAT, entries), file)
        os.replace(temporary, path)
    except (OSError, ValueError):
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return False
    return True


class SupportCodeCache:
    """Stands in for the built-in ``compile()`` while PySide6 is imported (see :func:`cached`).

    Used as a context manager: installed on entry; on exit the real ``compile()`` is back and
    whatever was compiled afresh is stored.
    """

    def __init__(self, path, entries: dict | None = None) -> None:
        self.path = path
        self.entries = load(path) if entries is None else entries
        self.hits: list[str] = []
        self.misses: list[str] = []
        self._compile = builtins.compile

    def compile(self, source, filename, mode, *args, **kwargs):
        if (args or kwargs or mode != "exec" or filename not in EMBEDDED
                or not isinstance(source, (bytes, str))):
            return self._compile(source, filename, mode, *args, **kwargs)
        key = digest(source.encode("utf-8") if isinstance(source, str) else source)
        entry = self.entries.get(filename)
        if (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == key
                and type(entry[1]) is _CODE_TYPE):
            self.hits.append(filename)
            return entry[1]
        code = self._compile(source, filename, mode)
        self.entries[filename] = (key, code)
        self.misses.append(filename)
        return code

    def __enter__(self) -> SupportCodeCache:
        builtins.compile = self.compile
        return self

    def __exit__(self, *exc_info) -> None:
        if builtins.compile == self.compile:
            builtins.compile = self._compile
        if self.misses and exc_info[0] is None:
            store(self.path, self.entries)


def cached(path=None) -> SupportCodeCache:
    """``with cached(): import PySide6...``: the first import of PySide6 in the process
    takes the embedded support code from the cache file (default :func:`cache_file`)."""
    return SupportCodeCache(cache_file() if path is None else path)
