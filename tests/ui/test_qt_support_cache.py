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
    assert qt_support_cache.load(path)[NAME][0] == qt_support_cache.digest(b"def answer():\n    return 7\n")


def test_other_compiles_pass_through_untouched(tmp_path):
    path = tmp_path / "support.marshal"
    with SupportCodeCache(path) as cache:
        assert builtins.compile == cache.compile
        plain = compile("x = 1", "notes.py", "exec")
        expression = compile("1 + 1", NAME, "eval")  # not the importer's call
        flagged = compile(SOURCE, NAME, "exec", 0, True)
    assert builtins.compile is cache._compile  # noqa: SLF001 - the real one is back
    assert cache.hits == [] and cache.misses == []
    assert eval(expression) == 2  # noqa: S307 - test's own constant expression
    assert plain.co_filename == "notes.py" and flagged.co_filename == NAME
    assert not path.exists(), "nothing compiled for the cache: nothing written"


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\x00" * 10])
def test_an_unreadable_cache_file_is_a_miss(tmp_path, content):
    path = tmp_path / "support.marshal"
    path.write_bytes(content)
    assert qt_support_cache.load(path) == {}
    with SupportCodeCache(path) as cache:
        code = compile(SOURCE, NAME, "exec")
    assert cache.misses == [NAME] and code.co_filename == NAME
    assert NAME in qt_support_cache.load(path), "the bad file was replaced"


def test_a_cache_entry_that_is_not_code_is_a_miss(tmp_path):
    path = tmp_path / "support.marshal"
    key = qt_support_cache.digest(SOURCE.encode())
    assert qt_support_cache.store(path, {NAME: (key, "not code")})
    with SupportCodeCache(path) as cache:
        code = compile(SOURCE, NAME, "exec")
    assert cache.misses == [NAME] and type(code).__name__ == "code"


def test_nothing_is_stored_when_the_import_fails(tmp_path):
    path = tmp_path / "support.marshal"
    with pytest.raises(ImportError), SupportCodeCache(path):
        compile(SOURCE, NAME, "exec")
        raise ImportError("no PySide6")
    assert builtins.compile.__module__ == "builtins"
    assert not path.exists()


def test_a_cache_folder_that_cannot_be_written_is_not_an_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    assert qt_support_cache.store(blocker / "support.marshal", {}) is False
    assert list(tmp_path.iterdir()) == [blocker], "no temporary file left behind"


def test_the_cache_file_lives_in_the_cache_folder_per_bytecode_version():
    from studyreader import paths

    path = qt_support_cache.cache_file()
    assert path.parent == paths.cache_dir() and sys.implementation.cache_tag in path.name
