"""The one exception type the command line turns into a clean message."""

from __future__ import annotations


class StudyReaderError(Exception):
    """A refusal the user should read: says which file and what is wrong.

    ``exit_code`` is what the command line exits with (2 for bad input,
    1 for "not found" style answers).
    """

    exit_code = 2

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code
