"""Qt's shared libraries and fontconfig, loaded on the second core while Python imports.

Loading the libraries behind PySide6 (mapping and relocating Qt Core, Gui and
Widgets, the platform plugin) and fontconfig's first set-up take over ten
milliseconds of start-up that need no Python at all. :func:`start` hands them to
a thread that calls libc's ``dlopen`` and fontconfig's ``FcInit`` through ctypes,
which lets go of the GIL during a foreign call (ctypes' own ``CDLL()`` does not),
while the main thread goes on importing. PySide6's imports then find the
libraries loaded and the first text finds the fonts set up. Both calls only do
ahead of time what Qt would do anyway, and both are thread-safe. No Qt function
is called from the thread; only the libraries' static initialisers run there,
as they would in whichever thread loaded them (Qt takes its main thread from the
thread that creates the application, and a test checks it is the main one).

Linux only; anything not found is skipped and Qt loads it itself as usual. Kept
to modules that cost nothing to import, so that it can start first. It starts
only when another core is free at that moment; ``STUDYREADER_PRELOAD=off``
turns it off and ``on`` starts it regardless (the start-up benchmark measures
what it gains that way; tests use ``on``).
"""

from __future__ import annotations

import os
import sys

_started = False
# The standard library's extension modules that the first frame's imports load (platformdirs'
# tempfile and shutil, datetime, inspect, zipfile for shiboken, blake2 for the start-up cache).
_STDLIB_EXTENSIONS = ("_bisect", "_bz2", "_lzma", "_random", "_sha512", "math", "zlib", "_datetime", "_opcode",
                      "_struct", "binascii", "_blake2")


def _files() -> list[str]:
    """PySide6's Qt Core, Gui and Widgets modules (with the Qt libraries and shiboken they pull
    in) and the platform plugin."""
    from importlib.machinery import EXTENSION_SUFFIXES, PathFinder

    try:
        spec = PathFinder.find_spec("PySide6")
    except (ImportError, ValueError):
        return []
    if spec is None or not spec.submodule_search_locations:
        return []
    package = list(spec.submodule_search_locations)[0]
    files = []
    # One at a time, in the order PySide6 imports them: the loader's lock is held during each
    # dlopen, and the main thread's own imports can go on between them.
    for module in ("QtCore", "QtGui", "QtWidgets"):
        for suffix in EXTENSION_SUFFIXES:
            path = os.path.join(package, f"{module}{suffix}")
            if os.path.isfile(path):
                files.append(path)
                break
    # The plugin Qt will likely pick: QT_QPA_PLATFORM's first, else Wayland in a Wayland session,
    # else X11 (a guess: a wrong one costs a library loaded for nothing, never correctness).
    wayland = os.environ.get("XDG_SESSION_TYPE") == "wayland" or os.environ.get("WAYLAND_DISPLAY")
    default = "wayland" if wayland else "xcb"
    platform = (os.environ.get("QT_QPA_PLATFORM") or default).split(";")[0].split(":")[0] or default
    names = [platform] + (["wayland-generic", "wayland-egl"] if platform == "wayland" else [])
    for name in names:
        plugin = os.path.join(package, "Qt", "plugins", "platforms", f"libq{name}.so")
        if os.path.isfile(plugin):
            files.append(plugin)
            break
    return files


def others_running(loadavg: str) -> int | None:
    """Tasks running or ready to run besides this one, from ``/proc/loadavg``'s fourth field
    ("running/total", counted at the moment it is read); None if unreadable."""
    try:
        return max(0, int(loadavg.split()[3].split("/")[0]) - 1)
    except (IndexError, ValueError):
        return None


def has_spare_core(allowed_cpus: int, others: int | None) -> bool:
    """Whether a core would be free for the thread. On a machine whose other cores are all busy,
    the thread would only take time from the main thread (measured: 2-3 ms lost with one of two
    cores kept busy), so it is not started."""
    if allowed_cpus < 2:
        return False
    return others is None or others < allowed_cpus - 1


def _spare_core() -> bool:
    try:
        allowed = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        allowed = os.cpu_count() or 1
    try:
        with open("/proc/loadavg", encoding="ascii") as file:
            others = others_running(file.read())
    except OSError:
        others = None
    return has_spare_core(allowed, others)


def start() -> bool:
    """Begin loading in a thread (once per process; not once PySide6 is imported, nor without a
    spare core). True if started."""
    global _started
    if _started or not sys.platform.startswith("linux") or "PySide6" in sys.modules:
        return False
    setting = os.environ.get("STUDYREADER_PRELOAD", "auto").strip().lower()
    if setting == "off" or (setting != "on" and not _spare_core()):
        return False
    files = _files()
    if not files:
        return False
    # Loaded now, the extension modules the imports running meanwhile need do not wait for the
    # loader's lock while the thread holds it.
    import importlib

    for name in _STDLIB_EXTENSIONS:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    import _thread
    import ctypes

    try:
        libc = ctypes.CDLL(None)
        dlopen = libc.dlopen
        dlopen.restype = ctypes.c_void_p
        dlopen.argtypes = [ctypes.c_char_p, ctypes.c_int]
    except (OSError, AttributeError):
        return False
    encoded = [os.fsencode(path) for path in files]

    def load() -> None:
        try:
            for path in encoded:
                dlopen(path, os.RTLD_NOW)  # a failure returns NULL: Qt then loads it itself
            fontconfig = ctypes.CDLL("libfontconfig.so.1")  # loaded already with Qt Gui: no wait
            fontconfig.FcInit()
        except (OSError, AttributeError):
            pass

    _thread.start_new_thread(load, ())
    _started = True
    return True
