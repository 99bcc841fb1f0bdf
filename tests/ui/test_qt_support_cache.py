"""PySide's embedded support code: compiled once, then read back from the cache."""

from __future__ import annotations

import builtins
import json
import os
import subprocess
import sys
import textwrap

import pytest

from studyreader.ui import qt_support_cache
from studyreader.ui.qt_support_cache import EMBEDDED, SupportCodeCache

SOURCE = "def answer():\n    return 42\n"
NAME = "shibokensupport/signature/parser.py"  # one of the embedded names

# A fresh interpreter (this one has imported PySide6 already) imports PySide6 under the cache and
# reports what was compiled, what came from the cache, and that PySide's signature support still works.
CHILD = textwrap.dedent(
    r"""
    import builtins, json, sys
    from studyreader.ui import qt_support_cache

    real_compile = builtins.compile
    support_names = []

    def watching(source, filename, *args, **kwargs):  # every compile() made by PySide's importer
        if str(filename).startswith("shibokensupport"):
            support_names.append(filename)
        return real_compile(source, filename, *args, **kwargs)

    builtins.compile = watching
    with qt_support_cache.cached(sys.argv[1]) as cache:
        from PySide6.QtCore import QObject
        from PySide6.QtWidgets import QApplication
    restored = builtins.compile is watching
    try:  # a wrong call: PySide's signature code lists the right ones
        QObject().setObjectName(5)
        signature = ""
    except TypeError as error:
        signature = str(error)
    print(json.dumps({"hits": cache.hits, "misses": cache.misses, "support": support_names,
                      "restored": restored, "signature": signature}))
    """
)


def run_child(cache_path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", CHILD, str(cache_path)], capture_output=True, text=True,
                            env=env, timeout=120)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stderr[-2000:]
    return json.loads(lines[-1])


def test_pyside_compiles_its_support_code_once_and_then_reads_it_from_the_cache(tmp_path):
    path = tmp_path / "cache" / "qt-support.marshal"
    first = run_child(path)
    # Every file PySide's importer compiles is one the cache knows, and all of them were compiled.
    assert first["support"], "PySide6 no longer compiles embedded support code at import"
    assert set(first["support"]) <= EMBEDDED, set(first["support"]) - EMBEDDED
    assert sorted(first["misses"]) == sorted(first["support"]) and first["hits"] == []
    assert path.is_file()

    second = run_child(path)
    assert sorted(second["hits"]) == sorted(first["misses"]) and second["misses"] == []
    # The code from the cache works: PySide's signature support answers, compile() is put back.
    assert "setObjectName(name: str" in second["signature"] and second["signature"] == first["signature"]
    assert first["restored"] and second["restored"]


def test_a_cached_compile_is_the_same_code_and_a_changed_source_compiles_afresh(tmp_path):
    path = tmp_path / "support.marshal"
    with SupportCodeCache(path) as cache:
        code = compile(SOURCE.encode(), NAME, "exec")
    assert cache.misses == [NAME] and path.is_file()

    with SupportCodeCache(path) as cache:
        again = compile(SOURCE.encode(), NAME, "exec")
        changed = compile(b"def answer():\n    return 7\n", NAME, "exec")
    assert cache.hits == [NAME] and cache.misses == [NAME]
    assert again.co_code == code.co_code and again.co_filename == NAME
    namespace: dict = {}
    exec(changed, namespace)  # noqa: S102 - code compiled by the test itself
    assert namespace["answer"]() == 7
    assert len(qt_support_cache.load(path)) == 2, "both sources are kept"


def test_the_callers_future_flags_count_as_the_real_compile_takes_them(tmp_path):
    """This module has ``from __future__ import annotations``: compile() called from here makes
    annotations strings, cached or not; a caller without it gets evaluated annotations."""
    source = "def f(x: int): pass\n"
    path = tmp_path / "support.marshal"
    for _ in range(2):  # compiled, then from the cache
        with SupportCodeCache(path) as cache:
            namespace: dict = {}
            exec(compile(source, NAME, "exec"), namespace)  # noqa: S102
            assert namespace["f"].__annotations__ == {"x": "int"}
            plain: dict = {}
            exec(compile(source, "plain.py", "exec", dont_inherit=True), plain)  # noqa: S102
            assert plain["f"].__annotations__ == {"x": int}
    assert cache.hits == [NAME]
    # A caller without the __future__ import: its code gets evaluated annotations from the cache too.
    caller = builtins.compile("def call(c, s, n): return c(s, n, 'exec')", "caller.py", "exec", dont_inherit=True)
    scope: dict = {}
    exec(caller, scope)  # noqa: S102
    with SupportCodeCache(path) as cache:
        namespace = {}
        exec(scope["call"](compile, source, NAME), namespace)  # noqa: S102
    assert namespace["f"].__annotations__ == {"x": int}
    assert cache.misses == [NAME], "other flags, another entry"


def test_other_compiles_pass_through_untouched(tmp_path):
    path = tmp_path / "support.marshal"
    with SupportCodeCache(path) as cache:
        assert builtins.compile == cache.compile
        plain = compile("x = 1", "notes.py", "exec")
        expression = compile("1 + 1", NAME, "eval")  # not the importer's call
        tree = compile(SOURCE, NAME, "exec", 0x400)  # ast.PyCF_ONLY_AST: a tree, not code
    assert builtins.compile is cache._compile  # noqa: SLF001 - the real one is back
    assert cache.hits == [] and cache.misses == []
    assert eval(expression) == 2  # noqa: S307 - test's own constant expression
    assert plain.co_filename == "notes.py" and type(tree).__name__ == "Module"
    assert not path.exists(), "nothing compiled for the cache: nothing written"


def test_after_the_block_a_compile_that_still_reaches_the_cache_is_handed_on(tmp_path):
    path = tmp_path / "support.marshal"
    with SupportCodeCache(path) as cache:
        stale = cache.compile  # e.g. kept by a wrapper installed meanwhile
    code = stale(SOURCE, NAME, "exec")
    assert code.co_filename == NAME and cache.misses == [] and not path.exists()


def test_a_file_of_another_python_or_another_format_is_a_miss(tmp_path):
    path = tmp_path / "support.marshal"
    with SupportCodeCache(path):
        compile(SOURCE, NAME, "exec")
    data = path.read_bytes()
    assert len(qt_support_cache.load(path)) == 1
    other_magic = data[:5] + bytes([data[5] ^ 1]) + data[6:]  # CPython's magic number follows our tag
    path.write_bytes(other_magic)
    assert qt_support_cache.load(path) == {}


def valid_file(tmp_path) -> bytes:
    path = tmp_path / "valid.marshal"
    with SupportCodeCache(path):
        compile(SOURCE, NAME, "exec")
        compile("import sys\n" * 50, "shibokensupport/signature/mapping.py", "exec")
    return path.read_bytes()


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\x00" * 10])
def test_an_unreadable_cache_file_is_a_miss(tmp_path, content):
    path = tmp_path / "support.marshal"
    path.write_bytes(content)
    assert qt_support_cache.load(path) == {}
    with SupportCodeCache(path) as cache:
        code = compile(SOURCE, NAME, "exec")
    assert cache.misses == [NAME] and code.co_filename == NAME
    assert len(qt_support_cache.load(path)) == 1, "the bad file was replaced"


def test_damaged_bytes_are_always_a_miss_never_an_error(tmp_path):
    """Flipped bytes anywhere (marshal alone may raise SystemError, or load wrong code)."""
    good = valid_file(tmp_path)
    path = tmp_path / "support.marshal"
    for position in range(0, len(good), max(1, len(good) // 300)):
        for flip in (0x01, 0x80):
            damaged = bytearray(good)
            damaged[position] ^= flip
            path.write_bytes(bytes(damaged))
            assert qt_support_cache.load(path) == {}, position


def test_marshal_data_that_makes_marshal_fail_is_a_miss(tmp_path, monkeypatch):
    path = tmp_path / "support.marshal"
    path.write_bytes(valid_file(tmp_path))

    def failing(_data):
        raise SystemError("bad argument to internal function")  # what marshal raises on some data

    monkeypatch.setattr(qt_support_cache.marshal, "loads", failing)
    assert qt_support_cache.load(path) == {}


def test_a_failed_import_after_hits_removes_the_file_and_stores_nothing(tmp_path):
    path = tmp_path / "support.marshal"
    with SupportCodeCache(path):
        compile(SOURCE, NAME, "exec")
    with pytest.raises(ImportError), SupportCodeCache(path) as cache:
        compile(SOURCE, NAME, "exec")
        raise ImportError("the cached code failed")
    assert cache.hits == [NAME] and not path.exists(), "the next start compiles afresh"
    assert builtins.compile.__module__ == "builtins"

    with pytest.raises(ImportError), SupportCodeCache(path):
        compile(SOURCE, NAME, "exec")
        raise ImportError("no PySide6")
    assert not path.exists(), "nothing stored from a failed import"


def test_the_file_is_written_for_the_user_only(tmp_path):
    path = tmp_path / "support.marshal"
    with SupportCodeCache(path):
        compile(SOURCE, NAME, "exec")
    assert path.stat().st_mode & 0o077 == 0


def test_a_cache_folder_that_cannot_be_written_is_not_an_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    assert qt_support_cache.store(blocker / "support.marshal", {}) is False
    assert list(tmp_path.iterdir()) == [blocker], "no temporary file left behind"


def test_the_cache_file_lives_in_the_cache_folder_per_bytecode_version():
    from studyreader import paths

    path = qt_support_cache.cache_file()
    assert path.parent == paths.cache_dir() and sys.implementation.cache_tag in path.name
    assert ".opt-" not in path.name  # the tests run without -O
