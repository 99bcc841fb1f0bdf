"""Real git for tests: a command runner and an identity that needs no git configuration."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest


def run(cwd: Path, *args: str, check: bool = True) -> str:
    """``git ARGS`` in ``cwd``; its output, or an AssertionError naming the command and git's message."""
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
    return done.stdout


@pytest.fixture(autouse=True)
def git_identity(monkeypatch, tmp_path_factory):
    """Work on a machine without any git configuration: identity from the environment only."""
    empty = tmp_path_factory.mktemp("gitconfig") / "config"
    empty.write_text("", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Student")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "student@example.com")
