"""The one exception type the command line turns into a clean message."""

from __future__ import annotations

import errno

from studyreader.messages import Message, message


class StudyReaderError(Exception):
    """A refusal the user should read: says which file and what is wrong.

    ``exit_code`` is what the command line exits with (2 for bad input,
    1 for "not found" style answers).
    """

    exit_code = 2

    def __init__(self, message: str | Message, *, exit_code: int | None = None) -> None:
        """``message``: the English text, or a :class:`~studyreader.messages.Message` that the
        window words in the interface language (``str(error)`` is its English either way)."""
        super().__init__(str(message))
        self.message: Message | None = message if isinstance(message, Message) else None
        if exit_code is not None:
            self.exit_code = exit_code


def os_reason(error: OSError) -> Message | str:
    """Why the operating system refused, as a message when it is a common reason (the system's
    own words, English, otherwise)."""
    codes = {
        errno.EROFS: "reason.read_only_fs",
        errno.ENOSPC: "reason.disk_full",
        errno.EDQUOT: "reason.quota",
        errno.EACCES: "reason.permission",
        errno.EPERM: "reason.not_permitted",
        errno.ENOENT: "reason.missing",
        errno.ENOTDIR: "reason.not_folder",
        errno.EISDIR: "reason.is_folder",
    }
    code = codes.get(error.errno)
    return message(code) if code else error.strerror or str(error)
