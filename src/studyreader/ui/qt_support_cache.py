"""PySide's own Python support code, compiled once instead of at every start.

shiboken6 embeds the Python half of PySide (signature parsing, the
``__feature__`` switches) as source and compiles it with the built-in
``compile()`` every time a process imports it: about 10 ms on the main thread
before Qt can do anything. While PySide6 is first imported (:func:`cached`),
``compile()`` answers for exactly those embedded files from a file in the cache
folder, as Python keeps ``.pyc`` files for ordinary modules: each entry is
keyed by a hash of its source, its compiler flags and the optimisation level,
and the file carries the interpreter's bytecode magic number and a checksum of
its contents. Anything that does not match is compiled afresh and stored; the
file is safe to delete, and like ``__pycache__`` it lives in the user's own
folders (written readable by the user only).
"""

from __future__ import annotations

import __future__
import builtins
import marshal
import os
import sys

import _frozen_importlib_external  # importlib's own, loaded with the interpreter: the bytecode magic number

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
_HEADER = b"SRQC\x02" + _frozen_importlib_external.MAGIC_NUMBER  # our format 2, then CPython's
_CHECKSUM_SIZE = 16
_MAX_ENTRIES = 4 * len(EMBEDDED)  # room for a few PySide versions sharing one cache folder
_CODE_TYPE = type(compile("", "", "exec"))
# The compiler flags a compile() call inherits from the code calling it (its __future__ imports).
_FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag
del _feature


def cache_file() -> os.PathLike:
    """Per bytecode version and optimisation level, as ``.pyc`` files are."""
    from studyreader import paths

    level = f".opt-{sys.flags.optimize}" if sys.flags.optimize else ""
    return paths.cache_dir() / f"qt-support-{sys.implementation.cache_tag}{level}.marshal"


def _blake2b(data: bytes, size: int = 16) -> bytes:
    try:
        from _blake2 import blake2b  # what hashlib.blake2b is, without loading OpenSSL
    except ImportError:
        from hashlib import blake2b
    return blake2b(data, digest_size=size).digest()


def entry_key(source: str | bytes, flags: int, optimize: int) -> bytes:
    """What a compiled file depends on: its source (str and bytes are read differently: a
    bytes source's coding declaration counts), the compiler flags, the optimisation level."""
    kind = b"b" if isinstance(source, bytes) else b"s"
    data = source if isinstance(source, bytes) else source.encode("utf-8", "surrogatepass")
    return _blake2b(b"%s:%d:%d:" % (kind, flags, optimize) + data)


def load(path: str | os.PathLike) -> dict:
    """``{(file name, key): code}``; empty when missing, from another Python, or damaged."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError:
        return {}
    start = len(_HEADER) + _CHECKSUM_SIZE
    if not data.startswith(_HEADER) or _blake2b(data[start:]) != data[len(_HEADER):start]:
        return {}
    try:
        entries = marshal.loads(data[start:])
    except Exception:  # noqa: BLE001 - marshal raises several kinds (even SystemError) on bad data
        return {}
    return entries if isinstance(entries, dict) else {}


def store(path: str | os.PathLike, entries: dict) -> bool:
    """Write atomically (a temporary file in the same folder, then a rename); False on failure."""
    path = os.fspath(path)
    folder, name = os.path.split(path)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        payload = marshal.dumps(entries)
        os.makedirs(folder or ".", exist_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(descriptor, "wb") as file:
            file.write(_HEADER + _blake2b(payload) + payload)
        os.replace(temporary, path)
    except (OSError, ValueError):
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return False
    return True


def remove(path: str | os.PathLike) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


class SupportCodeCache:
    """Stands in for the built-in ``compile()`` while PySide6 is imported (see :func:`cached`).

    A context manager: installed on entry; on exit the previous ``compile()`` is back (calls
    that still reach this one afterwards are handed on) and what was compiled afresh is stored.
    Should the import fail after code came from the file, the file is removed: the next start
    compiles afresh.
    """

    def __init__(self, path: str | os.PathLike, entries: dict | None = None) -> None:
        self.path = path
        self.entries = load(path) if entries is None else entries
        self.hits: list[str] = []
        self.misses: list[str] = []
        self._used: dict = {}
        self._active = False
        self._compile = builtins.compile

    def compile(self, source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **kwargs):
        if not dont_inherit:  # what the real compile() would take from the code calling it
            flags |= sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS  # noqa: SLF001
        if (not self._active or kwargs or mode != "exec" or flags & ~_FUTURE_FLAGS
                or filename not in EMBEDDED or not isinstance(source, (bytes, str))):
            return self._compile(source, filename, mode, flags, True, optimize, **kwargs)
        level = sys.flags.optimize if optimize == -1 else optimize
        key = (filename, entry_key(source, flags, level))
        code = self.entries.get(key)
        if type(code) is _CODE_TYPE:
            self.hits.append(filename)
        else:
            code = self._compile(source, filename, mode, flags, True, optimize)
            self.misses.append(filename)
        self._used[key] = code
        return code

    def __enter__(self) -> SupportCodeCache:
        self._compile = builtins.compile
        builtins.compile = self.compile
        self._active = True
        return self

    def __exit__(self, exc_type, *_exc_info) -> None:
        self._active = False
        if builtins.compile == self.compile:
            builtins.compile = self._compile
        if exc_type is not None:
            if self.hits:
                remove(self.path)
            return
        if self.misses:
            kept = {**self.entries, **self._used}
            store(self.path, kept if len(kept) <= _MAX_ENTRIES else self._used)


def cached(path: str | os.PathLike | None = None) -> SupportCodeCache:
    """``with cached(): import PySide6.QtWidgets``: the first import of PySide6 in the process
    takes the embedded support code from the cache file (default :func:`cache_file`)."""
    return SupportCodeCache(cache_file() if path is None else path)
