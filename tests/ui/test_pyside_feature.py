"""PySide's feature table, filled in before the window's modules are imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path

from studyreader.ui import pyside_feature

# A fresh interpreter, as at start-up: modules loaded, then PySide6, then the table is filled in and
# the window's modules are imported while PySide's source check is watched.
CHILD = textwrap.dedent(
    r"""
    import datetime, json, pathlib, sys, typing
    import studyreader.ui.render
    import PySide6.QtWidgets
    from studyreader.ui import pyside_feature

    feature = sys.modules["shibokensupport.feature"]
    real_check = feature._mod_uses_pyside
    checked = []

    def watching(module):
        checked.append(module.__name__)
        return real_check(module)

    feature._mod_uses_pyside = watching
    before = {name: real_check(module) for name, module in list(sys.modules.items())
              if name in ("typing", "datetime", "pathlib", "studyreader.ui.render")}
    added = pyside_feature.classify_known_modules()
    import studyreader.ui.main_window
    import json, hashlib, studyreader.notes.drafts
    table = feature.pyside_feature_dict
    print(json.dumps({"added": added, "checked": checked, "before": before,
                      "values": {name: table.get(name) for name in
                                 ("typing", "datetime", "studyreader.ui.main_window", "studyreader.ui.reader")}}))
    """
)


def test_the_windows_imports_skip_pysides_source_check():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=120)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stderr[-2000:]
    report = json.loads(lines[-1])
    assert report["added"] > 20
    # PySide itself finds that the stdlib modules do not use it: the table says the same.
    assert report["before"]["typing"] is False and report["before"]["datetime"] is False
    assert report["values"]["typing"] == -1 and report["values"]["datetime"] == -1
    assert report["values"]["studyreader.ui.main_window"] == 0 and report["values"]["studyreader.ui.reader"] == 0
    # Importing the window read no source file of a module known by then, nor of ours, nor of the
    # standard library's.
    known = {"typing", "datetime", "pathlib", "collections", "re", "json", "hashlib"}
    assert not known & set(report["checked"]), report["checked"]
    assert not [name for name in report["checked"] if name.startswith("studyreader")], report["checked"]


def test_own_modules_are_every_module_of_the_package():
    names = set(pyside_feature.own_modules())
    root = Path(pyside_feature.__file__).resolve().parent.parent
    expected = {"studyreader"}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root).with_suffix("").parts
        if "__pycache__" in parts:
            continue
        expected.add(".".join(("studyreader", *parts[:-1])) if parts[-1] == "__init__" else
                     ".".join(("studyreader", *parts)))
    assert names == expected
    assert {"studyreader.ui.main_window", "studyreader.notes.drafts", "studyreader.study.stats"} <= names


def test_classifying_keeps_what_the_table_has_and_adds_the_rest(monkeypatch):
    table = {"PySide6": 0, "sys": 5}
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", types.SimpleNamespace(pyside_feature_dict=table))
    added = pyside_feature.classify_known_modules()
    assert table["PySide6"] == 0 and table["sys"] == 5, "PySide's own answers stay"
    assert table["os"] == -1 and table["studyreader.ui.reader"] == 0 and table["studyreader.ui"] == 0
    assert table["sqlite3"] == -1 and table["studyreader.notes.drafts"] == 0, "not imported yet, known"
    assert added == len(table) - 2
    assert pyside_feature.classify_known_modules() == 0, "a second call adds nothing"


def test_without_pysides_table_nothing_happens(monkeypatch):
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", types.SimpleNamespace())
    assert pyside_feature.feature_table() is None
    assert pyside_feature.classify_known_modules() == 0
