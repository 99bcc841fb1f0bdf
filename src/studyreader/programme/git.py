"""Running the user's own ``git``: his configuration, credentials and SSH keys, never a prompt.

Messages are asked for in English (``LC_ALL=C``) so a failed push can be told apart: rejected because
the remote moved on, no rights, authentication, an unreachable network, a remote that does not exist.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from studyreader.errors import StudyReaderError

PUSH_TIMEOUT = 180  # seconds: a slow network, not a hung prompt (prompts are disabled)
LOCAL_TIMEOUT = 60


class GitMissing(StudyReaderError):
    """``git`` is not installed or not on the PATH."""


@dataclass(frozen=True)
class GitResult:
    code: int
    out: str
    err: str

    @property
    def ok(self) -> bool:
        return self.code == 0

    @property
    def message(self) -> str:
        """git's own words, for the user: the last meaningful lines of its output."""
        lines = [line.strip() for line in (self.err or self.out).splitlines() if line.strip()]
        wanted = [line for line in lines if not line.startswith(("hint:", "To "))]
        return " / ".join(wanted[-4:]) if wanted else f"git exited with {self.code}"


def git(cwd: Path, *args: str, timeout: int = LOCAL_TIMEOUT, env: dict[str, str] | None = None) -> GitResult:
    full_env = dict(os.environ)
    full_env.update({"GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "LANGUAGE": "C", "GIT_EDITOR": "true"})
    full_env.update(env or {})
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            env=full_env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
        )
    except FileNotFoundError:
        raise GitMissing("git is not installed (or not on the PATH); install git and try again") from None
    except subprocess.TimeoutExpired:
        return GitResult(124, "", f"git {args[0]} took longer than {timeout} seconds (network unreachable?)")
    return GitResult(done.returncode, done.stdout, done.stderr)


REJECTED = "rejected"  # the remote has commits the local branch lacks
NO_RIGHTS = "no-rights"
AUTH = "auth"
NETWORK = "network"
NO_REPOSITORY = "no-repository"
OTHER = "other"

_KINDS = (
    (AUTH, re.compile(
        r"Authentication failed|could not read (?:Username|Password)|terminal prompts disabled|"
        r"Permission denied \(publickey|Host key verification failed|invalid credentials|HTTP Basic: Access denied",
        re.IGNORECASE,
    )),
    (NO_RIGHTS, re.compile(
        r"Permission to \S+ denied|error: 403|returned error: 403|insufficient permission|"
        r"Permission denied|access denied|\[remote rejected\].*(?:denied|permission|protected)|"
        r"unable to create temporary object directory|read-only",
        re.IGNORECASE,
    )),
    (REJECTED, re.compile(r"\[rejected\]|fetch first|non-fast-forward|Updates were rejected", re.IGNORECASE)),
    (NO_REPOSITORY, re.compile(
        r"does not appear to be a git repository|Repository not found|repository '.*' not found|No such file",
        re.IGNORECASE,
    )),
    (NETWORK, re.compile(
        r"Could not resolve host|Network is unreachable|Connection timed out|Connection refused|Failed to connect|"
        r"Operation timed out|unable to access|Could not read from remote repository|took longer than|"
        r"Connection reset|Temporary failure in name resolution|no route to host",
        re.IGNORECASE,
    )),
)


def push_failure_kind(result: GitResult) -> str:
    text = result.err + "\n" + result.out
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind
    return OTHER


_GITHUB = re.compile(r"(?:https?://(?:[^@/]+@)?github\.com/|git@github\.com:|ssh://git@github\.com/)([^/]+)/([^/]+?)(?:\.git)?/?$")


def github_repository(url: str) -> tuple[str, str] | None:
    """``(owner, name)`` of a GitHub remote address, or None for anything else."""
    found = _GITHUB.match(url.strip())
    return (found.group(1), found.group(2)) if found else None
