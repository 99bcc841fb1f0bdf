"""Spare PySide's per-import source check for modules whose answer is known.

Once PySide6 is imported, it wraps ``__import__`` for its opt-in
``from __feature__ import snake_case`` switches: after each import statement
naming a module it has not classified yet, it reads that module's whole source
(``inspect.getsource``) to see whether it mentions PySide6, and notes the answer
in its published table (``pyside_feature_dict``). Start-up re-imports stdlib
modules loaded before PySide (``typing``, ``datetime``, ``pathlib`` …) and imports
the window's own modules after it: about 2 ms of source reading before the first
paint, more once the notes and services load.

:func:`classify_known_modules` fills in the table first: -1 ("ignore") for the
modules already loaded and for the standard library, 0 for StudyReader's own.
The value only matters once a module selects a ``__feature__``, which
StudyReader never does. Should PySide stop publishing the table, this does
nothing and PySide checks as before.
"""

from __future__ import annotations

import os
import sys

_PACKAGE = __name__.partition(".")[0]  # studyreader


def feature_table() -> dict | None:
    """PySide's table of modules and their feature selection, when it has one."""
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    return table if isinstance(table, dict) else None


def own_modules() -> list[str]:
    """Every module and package of StudyReader, from its folders (nothing is imported)."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    names = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(("_", ".")))
        relative = os.path.relpath(folder, root)
        package = _PACKAGE if relative == "." else f"{_PACKAGE}.{relative.replace(os.sep, '.')}"
        if "__init__.py" not in files:
            subfolders[:] = []
            continue
        names.append(package)
        names.extend(f"{package}.{name[:-3]}" for name in sorted(files)
                     if name.endswith(".py") and name != "__init__.py")
    return names


def classify_known_modules() -> int:
    """Fill in PySide's table where it has no answer yet; returns how many were added."""
    table = feature_table()
    if table is None:
        return 0
    added = 0
    for name in [*sys.modules, *sys.stdlib_module_names]:
        if name not in table:
            table[name] = 0 if name == _PACKAGE or name.startswith(_PACKAGE + ".") else -1
            added += 1
    for name in own_modules():
        if name not in table:
            table[name] = 0
            added += 1
    return added
