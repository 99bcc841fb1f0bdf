"""Spare PySide's per-import source check for modules whose answer is known.

Once PySide6 is imported, it wraps ``__import__`` for its opt-in
``from __feature__ import snake_case`` switches: after each import statement
that names a module it has not classified yet, it reads that module's whole
source file (``inspect.getsource``) to see whether it mentions PySide6, and
notes the answer in its published table (``pyside_feature_dict``, -1 for
"does not use PySide", 0 for "uses PySide, no features"). Start-up re-imports
stdlib modules loaded before PySide (``typing``, ``datetime``, ``pathlib`` …)
and imports the window's own modules after it; reading those sources costs
about 2 ms before the first paint.

:func:`classify_known_modules` fills in the table first: every module
loaded before PySide that is not ours does not use it (what PySide finds for
each of them), and the modules of this package (the interface, loaded
before or after PySide) count as using it. StudyReader selects no
``__feature__``, so the table changes nothing else. Should PySide stop
publishing the table, this does nothing and PySide checks as before.
"""

from __future__ import annotations

import os
import sys

_OURS = __name__.rpartition(".")[0]  # studyreader.ui


def interface_modules() -> list[str]:
    """The names of this package's modules (from its folder: nothing is imported)."""
    folder = os.path.dirname(os.path.abspath(__file__))
    names = [_OURS]
    for entry in sorted(os.listdir(folder)):
        stem, ext = os.path.splitext(entry)
        if ext == ".py" and stem != "__init__":
            names.append(f"{_OURS}.{stem}")
    return names


def feature_table() -> dict | None:
    """PySide's table of modules and their feature selection, when it has one."""
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    return table if isinstance(table, dict) else None


def classify_known_modules() -> int:
    """Classify the modules loaded so far and this package's modules, unless PySide has
    already; returns how many were added."""
    table = feature_table()
    if table is None:
        return 0
    added = 0
    for name in [*sys.modules, *interface_modules()]:
        if name not in table:
            table[name] = 0 if name == _OURS or name.startswith(_OURS + ".") else -1
            added += 1
    return added
