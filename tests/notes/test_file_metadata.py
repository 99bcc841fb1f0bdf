"""Saves keep what the OS attaches to the notes file: hard links, xattrs and ACLs, the owner (issue 12, item 5)."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest

from studyreader.notes import NotesError, append_entry, load_notes
from studyreader.notes.atomic import backup_path

REPO = Path(__file__).resolve().parents[2]
NOTES = "<!-- Content_START -->\n### 2025.01.06\n第一天的学习记录。\n<!-- Content_END -->\n"


def test_a_hard_linked_file_is_written_in_place_and_every_name_sees_it(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    other = tmp_path / "backup-name.md"
    os.link(path, other)
    inode = path.stat().st_ino
    append_entry(path, "新的一天", date=date(2025, 1, 7))
    assert path.stat().st_ino == inode and path.stat().st_nlink == 2
    assert other.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    assert load_notes(other).entry_for(date(2025, 1, 7)) is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup-name.md", "notes.md"]  # no backup left


def test_an_interrupted_in_place_save_is_never_overwritten(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    os.link(path, tmp_path / "link.md")
    backup = backup_path(path)
    backup.write_text("the whole old text of a save that was cut off", encoding="utf-8")
    with pytest.raises(NotesError, match="interrupted save") as caught:
        append_entry(path, "新的一天", date=date(2025, 1, 7))
    assert str(backup) in str(caught.value)
    assert path.read_text(encoding="utf-8") == NOTES
    assert backup.read_text(encoding="utf-8").startswith("the whole old text")


def acl_allowing(uid: int) -> bytes:
    """A POSIX access ACL (the kernel's xattr format): owner rw, user ``uid`` r, group r, mask r, other r."""
    entries = [(0x01, 6, 0xFFFFFFFF), (0x02, 4, uid), (0x04, 4, 0xFFFFFFFF), (0x10, 4, 0xFFFFFFFF),
               (0x20, 4, 0xFFFFFFFF)]
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *entry) for entry in entries)


def test_extended_attributes_and_acls_survive_a_save(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    try:
        os.setxattr(path, "user.studyreader.tag", b"blue")
        os.setxattr(path, "system.posix_acl_access", acl_allowing(4321))
    except (OSError, AttributeError) as error:
        pytest.skip(f"this file system keeps no xattrs or ACLs ({error})")
    append_entry(path, "新的一天", date=date(2025, 1, 7))
    assert os.getxattr(path, "user.studyreader.tag") == b"blue"
    assert os.getxattr(path, "system.posix_acl_access") == acl_allowing(4321)
    assert "新的一天" in path.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to play two users")
def test_a_group_member_saving_a_shared_file_keeps_its_owner():
    folder = Path(tempfile.mkdtemp(prefix="studyreader-shared-"))
    try:
        os.chmod(folder, 0o777)
        path = folder / "notes.md"
        path.write_text(NOTES, encoding="utf-8")
        os.chown(path, 4242, 4243)  # the owner; 4243 is the shared group
        os.chmod(path, 0o664)
        warm = folder / "warm.md"
        warm.write_text(NOTES, encoding="utf-8")
        # The interpreter lives in root's home: everything is imported by a first run on a copy,
        # then the child becomes user 4244, a member of the shared group.
        code = (
            "import os, sys, studyreader.cli as c; "
            f"c.main(['append', {str(warm)!r}, '--text', 'x', '--date', '2025-01-07']); "
            "os.setgroups([4243]); os.setgid(4244); os.setuid(4244); sys.exit(c.main(sys.argv[1:]))"
        )
        env = dict(os.environ, PYTHONPATH=str(REPO / "src"), HOME=str(folder))
        result = subprocess.run(
            [sys.executable, "-c", code, "append", str(path), "--text", "组员写的", "--date", "2025-01-07"],
            env=env, capture_output=True, text=True, timeout=60,
        )
        assert result.returncode == 0, result.stderr
        info = path.stat()
        assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (4242, 4243, 0o664)
        assert "组员写的" in path.read_text(encoding="utf-8")
    finally:
        shutil.rmtree(folder)
