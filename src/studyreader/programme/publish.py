"""When the user may not push to the programme's repository: his fork, a pull request, or the address to open one."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from studyreader.programme.git import PUSH_TIMEOUT, git, github_repository


@dataclass
class ForkOutcome:
    ok: bool
    lines: list[str] = field(default_factory=list)
    pushed_to: str | None = None


def fork_remote(root: Path, upstream: str, upstream_url: str) -> tuple[str, str] | None:
    """The user's fork among the remotes: one named ``fork``, else another remote with a different address."""
    names = git(root, "remote").out.split()
    ordered = sorted((name for name in names if name != upstream), key=lambda name: name != "fork")
    for name in ordered:
        url = git(root, "config", "--get", f"remote.{name}.url").out.strip()
        if url and url != upstream_url:
            return name, url
    return None


def fork_fallback(
    root: Path, remote: str, url: str, branch: str, remote_branch: str, title: str, sha: str | None, gh: str | None
) -> ForkOutcome:
    kept = f"Your commit {sha[:10]} is kept locally." if sha else ""
    denied = f"you have no rights to push to {remote} ({url})."
    fork = fork_remote(root, remote, url)
    if fork is None:
        return ForkOutcome(False, [
            f"{denied} {kept}".strip(),
            "Next step: ask the programme to add you as a collaborator (the README's sign-up steps), or fork the "
            "repository, add your fork (git remote add fork URL) and check in again to open a pull request.",
        ])
    name, fork_url = fork
    pushed = git(root, "push", "--porcelain", name, f"HEAD:refs/heads/{branch}", timeout=PUSH_TIMEOUT)
    if not pushed.ok:
        return ForkOutcome(False, [
            f"{denied} Pushing to your fork {name} ({fork_url}) failed too: {pushed.message}. {kept}".strip(),
            f"Next step: git push {name} {branch}, then open a pull request to {remote}.",
        ])
    lines = [f"{denied.capitalize()} Pushed to your fork {name}/{branch} instead."]
    upstream_repo, fork_repo = github_repository(url), github_repository(fork_url)
    program = shutil.which(gh) if gh else None
    if program and upstream_repo and fork_repo:
        try:
            created = subprocess.run(
                [program, "pr", "create", "--repo", "/".join(upstream_repo), "--base", remote_branch,
                 "--head", f"{fork_repo[0]}:{branch}", "--title", title,
                 "--body", "Daily check-in, sent by StudyReader."],
                cwd=root, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=PUSH_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            created = subprocess.CompletedProcess([program], 124, "", f"gh took longer than {PUSH_TIMEOUT} seconds")
        if created.returncode == 0:
            lines.append(f"opened a pull request: {created.stdout.strip()}")
            return ForkOutcome(True, lines, f"{name}/{branch}")
        lines.append(f"gh could not open the pull request: {(created.stderr or created.stdout).strip()}")
    elif upstream_repo and fork_repo:
        lines.append("gh (GitHub's command line) is not installed, so no pull request was opened.")
    if upstream_repo and fork_repo:
        owner, repo = upstream_repo
        lines.append(
            f"Next step: open https://github.com/{owner}/{repo}/compare/{remote_branch}...{fork_repo[0]}:{branch}"
            "?expand=1 and create the pull request."
        )
    else:
        lines.append(f"Next step: open a pull request from {name}/{branch} to {remote}/{remote_branch}.")
    return ForkOutcome(True, lines, f"{name}/{branch}")
