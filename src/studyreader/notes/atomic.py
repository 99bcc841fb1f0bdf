"""Crash-safe replacement of a file the user owns.

The new bytes go to a temporary file in the same folder (so the final rename
never crosses a file system), are flushed and fsynced, take over the old
file's permissions, and then replace it with one atomic ``os.replace``. A
crash at any moment leaves either the old file or the new one, never a mix.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path

STALE_SECONDS = 600  # a save takes milliseconds: a temporary file this old was left by a crash


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` (or create it) with ``data`` atomically.

    A symlink is followed, so the link stays a link and its target changes.
    """
    target = Path(os.path.realpath(path))
    folder = target.parent
    try:
        old = target.stat()
    except FileNotFoundError:
        old = None
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if old is not None:
            os.chmod(temp_name, stat.S_IMODE(old.st_mode))
            try:
                os.chown(temp_name, old.st_uid, old.st_gid)
            except (PermissionError, AttributeError):
                pass
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, target)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    _fsync_folder(folder)
    remove_stale_temporaries(target)


def remove_stale_temporaries(path: str | os.PathLike[str], now: float | None = None) -> list[Path]:
    """Delete the temporary files a crashed save of ``path`` left in its folder; returns them.

    Only names this module makes (``.NAME.`` + mkstemp's 8 characters + ``.tmp``) and only
    those older than :data:`STALE_SECONDS` (another process may be saving right now).
    """
    target = Path(path)
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.tmp")
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > STALE_SECONDS:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # gone already, or not ours to delete
    return removed


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders can't be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
