"""Crash-safe, race-safe replacement of a file the user owns.

The new bytes go to a temporary file in the same folder (so the final rename
never crosses a file system), are flushed and fsynced, take over the old
file's permissions, owner (where allowed) and extended attributes (so POSIX
ACLs too), and then replace it with one atomic rename. A crash at any moment
leaves either the old file or the new one, never a mix.

Writers of the notes file also take :func:`notes_lock` (shared by every
StudyReader process) and replace only through :func:`replace_if_unchanged`,
which checks that the file is still the version that was read: another
program (a ``git pull``, a sync tool, an editor) may rewrite it at any time,
and its edit must not be silently overwritten.

Two files cannot be replaced by a rename without harm, so they are rewritten in
place instead (:func:`_write_in_place`): a hard-linked file (a new inode would
leave the other names with the old text) and a file owned by someone else that
we may write but not give back to its owner (a group member saving a shared
file would otherwise become its owner). In place is made safe by a backup: the
old bytes are first saved, fsynced, as ``.NAME.studyreader-backup`` beside the
file, the new bytes are written and fsynced over the old, and only then is the
backup removed. A crash in between can leave a torn file, but never without a
whole copy of the old text beside it (the backup is not a ``.tmp`` name, so no
clean-up ever deletes it).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from studyreader.messages import Message, message

STALE_SECONDS = 600  # a save takes milliseconds: a temporary file this old was left by a crash
LOCK_TIMEOUT_SECONDS = 30.0  # another StudyReader holding the lock longer than this is stuck


class NotRegularFileError(OSError):
    """The path names a FIFO, a device, a socket…: never read or replaced as notes."""

    def __init__(self, path: str, kind: Message) -> None:
        super().__init__(errno.EINVAL, f"is not a regular file ({kind})", path)
        self.kind = kind


class InterruptedSaveError(FileExistsError):
    """An in-place save was cut off: its backup holds the whole old text and must be looked at first."""

    def __init__(self, target: Path, backup: Path) -> None:
        super().__init__(
            errno.EEXIST,
            f"an interrupted save left the old text in {backup}; compare the two, keep the right one "
            "and delete the backup before saving again",
            str(target),
        )
        self.backup = backup


class LockTimeoutError(OSError):
    """Another StudyReader process kept the notes lock for too long."""


@dataclass(frozen=True)
class FileVersion:
    """What identifies one version of a file on disk: replaced, rewritten in place, or touched."""

    size: int
    mtime_ns: int
    inode: int
    device: int
    digest: bytes


def read_regular_file(path: str | os.PathLike[str]) -> tuple[bytes, FileVersion]:
    """The bytes of a regular file and the version they are; refuses anything else.

    The file is opened without blocking (a FIFO must not hang the caller) and its type
    is checked on the open descriptor before a byte is read (``/dev/zero`` never ends).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError(str(path), _kind(info.st_mode))
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        data = b"".join(chunks)
        after = os.fstat(fd)
    finally:
        os.close(fd)
    return data, FileVersion(len(data), after.st_mtime_ns, after.st_ino, after.st_dev, hashlib.sha256(data).digest())


def _kind(mode: int) -> Message:
    for test, code in (
        (stat.S_ISFIFO, "kind.fifo"),
        (stat.S_ISCHR, "kind.character_device"),
        (stat.S_ISBLK, "kind.block_device"),
        (stat.S_ISSOCK, "kind.socket"),
    ):
        if test(mode):
            return message(code)
    return message("kind.other")


def current_version(path: str | os.PathLike[str]) -> FileVersion | None:
    """The version on disk now, or None when there is no file (or no regular file) there."""
    try:
        return read_regular_file(path)[1]
    except FileNotFoundError:
        return None
    except NotRegularFileError:
        return None


@contextlib.contextmanager
def notes_lock(path: str | os.PathLike[str], timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the advisory lock every StudyReader process takes before rewriting ``path``.

    On POSIX the lock is ``flock`` on the file's folder: it survives the rename that replaces
    the file (a lock on the file itself would stay on the replaced inode) and leaves nothing
    behind in the user's folder. Where folders cannot be opened (Windows), a lock file
    ``.NAME.studyreader-lock`` beside the notes is locked with ``msvcrt`` instead.
    Raises :class:`LockTimeoutError` after ``timeout`` seconds.
    """
    target = Path(os.path.realpath(path))
    if sys.platform == "win32":
        with _windows_lock(target, timeout):
            yield
        return
    import fcntl

    fd = os.open(target.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        _wait_for_lock(lambda: fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB), BlockingIOError, target, timeout)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _wait_for_lock(try_lock, busy: type[OSError], target: Path, timeout: float) -> None:
    """Call ``try_lock`` (non-blocking) until it stops raising ``busy``, for at most ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            try_lock()
            return
        except busy:
            if time.monotonic() > deadline:
                raise LockTimeoutError(errno.EAGAIN, "another StudyReader kept the notes locked", str(target)) from None
            time.sleep(0.005)


@contextlib.contextmanager
def _windows_lock(target: Path, timeout: float) -> Iterator[None]:
    import msvcrt

    lock_path = target.parent / f".{target.name}.studyreader-lock"
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        _wait_for_lock(lambda: msvcrt.locking(fd, msvcrt.LK_NBLCK, 1), OSError, target, timeout)
        try:
            yield
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    finally:
        os.close(fd)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` (or create it) with ``data`` atomically, whatever is there now.

    A symlink is followed, so the link stays a link and its target changes. A hard-linked
    or foreign-owned file is rewritten in place (see the module docstring).
    """
    target = Path(os.path.realpath(path))
    if _must_write_in_place(target):
        _write_in_place(target, data, None)
        return
    temp_name = _write_temporary(target, data)
    try:
        os.replace(temp_name, target)
    except BaseException:
        _unlink_quietly(temp_name)
        raise
    _fsync_folder(target.parent)
    remove_stale_temporaries(target)


def replace_if_unchanged(path: str | os.PathLike[str], data: bytes, expected: FileVersion) -> bool:
    """Replace ``path`` with ``data`` only if it is still ``expected``; False (nothing written) if not.

    The version is checked just before the rename. On Linux the rename is an atomic
    exchange, so a write that slips in between that check and the rename is seen too
    (the replaced file comes back to the temporary name): it is swapped back and the
    call returns False, so no one's edit is overwritten.
    """
    target = Path(os.path.realpath(path))
    if _must_write_in_place(target):
        return _write_in_place(target, data, expected)
    temp_name = _write_temporary(target, data)
    try:
        if current_version(target) != expected:
            _unlink_quietly(temp_name)
            return False
        if not _exchange(temp_name, target):
            os.replace(temp_name, target)
        else:
            replaced = current_version(temp_name)
            if replaced != expected:
                _exchange(temp_name, target)  # put the other writer's version back
                _unlink_quietly(temp_name)
                return False
            _unlink_quietly(temp_name)
    except BaseException:
        _unlink_quietly(temp_name)
        raise
    _fsync_folder(target.parent)
    remove_stale_temporaries(target)
    return True


def backup_path(target: Path) -> Path:
    """Where an in-place write keeps the old bytes until the new ones are on disk."""
    return target.parent / f".{target.name}.studyreader-backup"


def _must_write_in_place(target: Path) -> bool:
    """A hard link, or a file whose owner a replacement could not keep."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    if info.st_nlink > 1:
        return True
    return hasattr(os, "geteuid") and os.geteuid() not in (0, info.st_uid)


def _write_in_place(target: Path, data: bytes, expected: FileVersion | None) -> bool:
    """Rewrite the file's own inode (keeping its links, owner, mode, ACLs) behind a fsynced backup."""
    old, version = read_regular_file(target)
    if expected is not None and version != expected:
        return False
    backup = backup_path(target)
    if backup.exists():  # an in-place write was interrupted: the file may be torn, the backup is whole
        raise InterruptedSaveError(target, backup)
    temp_name = _write_temporary(backup, old)
    os.chmod(temp_name, stat.S_IMODE(os.stat(target).st_mode))  # as private as the notes themselves
    os.replace(temp_name, backup)
    _fsync_folder(target.parent)
    fd = os.open(target, os.O_WRONLY | getattr(os, "O_BINARY", 0))
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.unlink(backup)
    _fsync_folder(target.parent)
    return True


def _exchange(first: str, second: Path) -> bool:
    """Swap two names atomically (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    function = _renameat2()
    if function is None:
        return False
    import ctypes

    at_fdcwd, rename_exchange = -100, 2
    if function(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(str(second)), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False  # an old kernel or a file system without exchange: a plain rename then
    raise OSError(code, os.strerror(code), str(second))


_RENAMEAT2: list = []


def _renameat2():
    if not _RENAMEAT2:
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            function = libc.renameat2
            function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
            function.restype = ctypes.c_int
        except (OSError, AttributeError):  # a libc older than glibc 2.28, or musl without it
            function = None
        _RENAMEAT2.append(function)
    return _RENAMEAT2[0]


def _write_temporary(target: Path, data: bytes) -> str:
    """A fsynced temporary file beside ``target`` holding ``data``, with the old file's metadata."""
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
            copy_metadata(target, temp_name, old)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
    except BaseException:
        _unlink_quietly(temp_name)
        raise
    return temp_name


def copy_metadata(source: Path, destination: str, old: os.stat_result) -> None:
    """Give ``destination`` the mode, owner (where permitted) and extended attributes of ``source``.

    Extended attributes carry POSIX ACLs (``system.posix_acl_access``), SELinux labels and
    Finder tags. Attributes the OS refuses to copy (not supported on the target file system,
    or not permitted) are skipped: the save matters more than a label.
    """
    os.chmod(destination, stat.S_IMODE(old.st_mode))  # before the ACL copy, which then wins
    if hasattr(os, "chown"):
        try:
            os.chown(destination, old.st_uid, old.st_gid)
        except PermissionError:
            try:  # a group member saving a shared file: keep at least the group
                os.chown(destination, -1, old.st_gid)
            except PermissionError:
                pass
    if hasattr(os, "listxattr"):
        try:
            names = os.listxattr(source)
        except OSError:
            return
        for name in names:
            try:
                os.setxattr(destination, name, os.getxattr(source, name))
            except OSError:
                continue


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


def _unlink_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except FileNotFoundError:
        pass


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
