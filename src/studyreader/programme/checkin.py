"""Check in with one step: commit only the notes file and push it with the user's own git.

Nothing else is staged, committed or changed: the commit is made with ``git commit --only -- FILE``,
so other staged and unstaged changes stay exactly as they were. When the push is rejected because the
bot pushed README commits meanwhile, the local commits are rebased onto them in a separate temporary
work tree (the user's tree is never in the middle of a rebase), and the user's branch and files are then
moved forward with a two-tree ``read-tree``, which keeps his other changes or refuses without touching
anything. A rebase that cannot finish is aborted and the local commit kept. Every refusal names the
problem and the next step.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

from studyreader.programme.git import (
    AUTH,
    NETWORK,
    NO_REPOSITORY,
    NO_RIGHTS,
    REJECTED,
    GitResult,
    git,
    push_failure_kind,
)
from studyreader.programme.publish import fork_fallback

PUSH_ATTEMPTS = 4


@dataclass
class CheckinResult:
    ok: bool
    lines: list[str] = field(default_factory=list)
    problem: str | None = None  # a short code: "not-a-repository", "detached", "no-remote", NO_RIGHTS, ...
    commit: str | None = None
    pushed_to: str | None = None
    next_run: datetime | None = None  # the bot's next scheduled run (it also runs on every push)


def next_scheduled_run(now: datetime) -> datetime:
    """The bot's next daily run: 00:00 UTC."""
    now = now.astimezone(timezone.utc)
    return datetime.combine(now.date() + timedelta(days=1), time(), tzinfo=timezone.utc)


@dataclass(frozen=True)
class _Target:
    top: Path
    relative: str
    branch: str
    remote: str
    remote_branch: str
    url: str


def _refuse(problem: str, *lines: str) -> CheckinResult:
    return CheckinResult(False, list(lines), problem)


def _locate(path: Path) -> _Target | CheckinResult:
    if not path.is_file():
        return _refuse("no-file", f"{path}: no such file")
    folder = path.parent
    top = git(folder, "rev-parse", "--show-toplevel")
    if not top.ok:
        return _refuse(
            "not-a-repository",
            f"{path}: not in a git repository, so there is nothing to push it to.",
            "Next step: clone the programme's repository (git clone URL) and keep your notes file in it.",
        )
    root = Path(top.out.strip())
    relative = path.resolve().relative_to(root.resolve()).as_posix()
    for marker, what in (("rebase-merge", "a rebase"), ("rebase-apply", "a rebase"), ("MERGE_HEAD", "a merge")):
        if (root / git(root, "rev-parse", "--git-path", marker).out.strip()).exists():
            return _refuse(
                "busy",
                f"{root}: {what} is in progress in this repository; StudyReader does not commit in the middle of it.",
                "Next step: finish it (git rebase --continue / git merge --continue) or abort it, then check in again.",
            )
    branch = git(root, "symbolic-ref", "--quiet", "--short", "HEAD")
    if not branch.ok:
        head = git(root, "rev-parse", "--short", "HEAD").out.strip() or "no commit"
        return _refuse(
            "detached",
            f"{root}: HEAD is detached (at {head}), so a commit would belong to no branch. Nothing was committed.",
            "Next step: switch to your branch (git switch main), then check in again.",
        )
    name = branch.out.strip()
    remote = git(root, "config", "--get", f"branch.{name}.remote").out.strip()
    merge = git(root, "config", "--get", f"branch.{name}.merge").out.strip()
    remotes = git(root, "remote").out.split()
    if not remote or remote == ".":
        remote = "origin" if "origin" in remotes else (remotes[0] if len(remotes) == 1 else "")
    if not remote:
        return _refuse(
            "no-remote",
            f"{root}: no remote to push to (the repository has {'no remotes' if not remotes else 'several'} and "
            f"branch {name} tracks none). Nothing was committed.",
            "Next step: add the programme's repository (git remote add origin URL) or set the upstream "
            f"(git branch --set-upstream-to origin/{name}), then check in again.",
        )
    remote_branch = merge.removeprefix("refs/heads/") if merge else name
    url = git(root, "config", "--get", f"remote.{remote}.url").out.strip()
    return _Target(root, relative, name, remote, remote_branch, url)


def _other_unpushed_commits(target: _Target) -> CheckinResult | None:
    """Local commits not yet on the remote that change other files: a check-in must not push them."""
    tracking = f"refs/remotes/{target.remote}/{target.remote_branch}"
    if not git(target.top, "rev-parse", "--verify", "--quiet", tracking).ok:
        return None  # never fetched: nothing known to compare with
    commits = git(target.top, "rev-list", f"{tracking}..HEAD").out.split()
    others = []
    for commit in commits:
        changed = set(git(target.top, "diff-tree", "--no-commit-id", "--name-only", "-r", "-z", "--root", commit)
                      .out.split("\0")) - {""}
        if changed - {target.relative}:
            others.append(commit[:10])
    if not others:
        return None
    return _refuse(
        "other-commits",
        f"{target.branch} has {len(others)} commit(s) not yet on {target.remote} that change other files "
        f"({', '.join(others)}); a check-in pushes only your notes, so nothing was committed or pushed.",
        "Next step: push them yourself (git push) or move them to another branch, then check in again.",
    )


def _commit(target: _Target, message: str) -> tuple[str | None, CheckinResult | None]:
    """Commit the notes file alone; ``(sha, None)``, ``(None, None)`` when unchanged, or a refusal."""
    root, relative = target.top, target.relative
    status = git(root, "status", "--porcelain", "-z", "--untracked-files=all", "--", relative)
    if not status.out.strip("\0"):
        if git(root, "check-ignore", "--quiet", "--", relative).ok:
            return None, _refuse(
                "ignored",
                f"{relative} is ignored by git (.gitignore), so it cannot be checked in. Nothing was committed.",
                f"Next step: remove the rule that ignores it (git check-ignore -v {relative} shows which), "
                "then check in again.",
            )
        return None, None
    untracked = status.out.startswith("??")
    if untracked:
        added = git(root, "add", "--", relative)
        if not added.ok:
            return None, _refuse("commit", f"{relative}: git could not add it: {added.message}")
    done = git(root, "commit", "--only", "--quiet", "-m", message, "--", relative)
    if not done.ok:
        if untracked:
            git(root, "rm", "--cached", "--quiet", "--", relative)  # leave the index as it was
        if "tell me who you are" in done.err or "user.email" in done.err:
            return None, _refuse(
                "identity",
                "git does not know your name and e-mail yet, so nothing was committed.",
                'Next step: git config --global user.name "Your Name" && '
                "git config --global user.email you@example.com",
            )
        return None, _refuse("commit", f"{relative}: the commit failed, nothing was committed: {done.message}")
    return git(root, "rev-parse", "HEAD").out.strip(), None


def _push(target: _Target) -> GitResult:
    from studyreader.programme.git import PUSH_TIMEOUT

    return git(target.top, "push", "--porcelain", target.remote, f"HEAD:refs/heads/{target.remote_branch}",
               timeout=PUSH_TIMEOUT)


def _integrate(target: _Target) -> CheckinResult | None:
    """Rebase the local commits onto the remote branch in a temporary work tree, then move the branch."""
    from studyreader.programme.git import PUSH_TIMEOUT

    root = target.top
    tracking = f"refs/remotes/{target.remote}/{target.remote_branch}"
    fetched = git(root, "fetch", "--quiet", target.remote,
                  f"+refs/heads/{target.remote_branch}:{tracking}", timeout=PUSH_TIMEOUT)
    if not fetched.ok:
        return _refuse(NETWORK, f"could not fetch {target.remote}'s new commits: {fetched.message}",
                       "Your commit is kept locally. Next step: check in again when the remote can be reached.")
    old = git(root, "rev-parse", "HEAD").out.strip()
    upstream = git(root, "rev-parse", tracking).out.strip()
    scratch = Path(tempfile.mkdtemp(prefix="studyreader-checkin-"))
    tree = scratch / "tree"
    try:
        added = git(root, "worktree", "add", "--quiet", "--detach", str(tree), old)
        if not added.ok:
            return _refuse("rebase", f"could not prepare the rebase: {added.message}",
                           "Your commit is kept locally. Next step: git pull --rebase --autostash, then git push.")
        rebased = git(tree, "rebase", "--quiet", upstream)
        if not rebased.ok:
            git(tree, "rebase", "--abort")
            conflicted = target.relative
            return _refuse(
                "conflict",
                f"{target.remote}/{target.remote_branch} has changes to {conflicted} that conflict with yours, so the "
                "rebase was aborted. Your commit is kept locally and your file is as you wrote it.",
                "Next step: git pull --rebase --autostash, resolve the conflict in the notes file, then git push.",
            )
        new = git(tree, "rev-parse", "HEAD").out.strip()
    finally:
        git(root, "worktree", "remove", "--force", str(tree))
        shutil.rmtree(scratch, ignore_errors=True)
        git(root, "worktree", "prune")
    moved = git(root, "read-tree", "-m", "-u", old, new)
    if not moved.ok:
        return _refuse(
            "local-changes",
            f"the new commits on {target.remote} change files you have changed locally too ({moved.message}). "
            "Nothing was changed; your commit is kept locally.",
            "Next step: commit or stash those changes, then check in again.",
        )
    updated = git(root, "update-ref", "-m", "studyreader checkin: rebase onto the remote",
                  f"refs/heads/{target.branch}", new, old)
    if not updated.ok:
        git(root, "read-tree", "-m", "-u", new, old)  # put the files back as they were
        return _refuse("rebase", f"could not move branch {target.branch}: {updated.message}",
                       "Your commit is kept locally. Next step: git pull --rebase --autostash, then git push.")
    return None


def _failure(kind: str, target: _Target, push: GitResult, sha: str | None) -> CheckinResult:
    kept = f"Your commit {sha[:10]} is kept locally." if sha else "Nothing new was committed."
    where = f"{target.remote} ({target.url})"
    if kind == NO_REPOSITORY:
        return _refuse(kind, f"the remote {where} does not exist or cannot be found: {push.message}. {kept}",
                       f"Next step: check the address (git remote set-url {target.remote} URL), then check in again.")
    if kind == AUTH:
        return _refuse(kind, f"git could not log in to {where}: {push.message}. {kept}",
                       "Next step: set up your credentials (an SSH key or a credential helper / token) so that "
                       "git push works in a terminal, then check in again.")
    if kind == NETWORK:
        return _refuse(kind, f"{where} cannot be reached: {push.message}. {kept}",
                       "Next step: check the network connection and check in again (nothing needs redoing).")
    if kind == REJECTED:
        return _refuse(kind, f"{where} kept rejecting the push after {PUSH_ATTEMPTS} attempts: {push.message}. {kept}",
                       "Next step: git pull --rebase --autostash, then git push.")
    return _refuse(kind, f"the push to {where} failed: {push.message}. {kept}",
                   "Next step: run git push in a terminal to see what git needs.")


def check_in(
    path: Path | str,
    message: str | None = None,
    now: datetime | None = None,
    *,
    gh: str | None = "gh",
) -> CheckinResult:
    """Commit only ``path`` and push it; the result's lines say what happened and what to do next."""
    path = Path(path).absolute()
    now = now or datetime.now(timezone.utc)
    located = _locate(path)
    if isinstance(located, CheckinResult):
        return located
    target = located
    blocked = _other_unpushed_commits(target)
    if blocked is not None:
        return blocked
    message = message or f"Check in {now.astimezone().date().isoformat()}"
    sha, refused = _commit(target, message)
    if refused is not None:
        return refused
    lines = [f"committed {target.relative} as {sha[:10]}"] if sha else [f"{target.relative}: no new changes to commit"]
    for _attempt in range(PUSH_ATTEMPTS):
        push = _push(target)
        if push.ok:
            return _pushed(target, sha, lines, now, push)
        kind = push_failure_kind(push)
        if kind != REJECTED:
            break
        lines.append(f"{target.remote} has new commits (the bot's?): rebasing onto them")
        problem = _integrate(target)
        if problem is not None:
            problem.lines[:0] = lines
            problem.commit = sha
            return problem
    if kind == NO_RIGHTS:
        result = fork_fallback(target.top, target.remote, target.url, target.branch, target.remote_branch,
                               message, sha, gh)
        result_lines = lines + result.lines
        return CheckinResult(result.ok, result_lines, NO_RIGHTS, sha, result.pushed_to,
                             next_scheduled_run(now) if result.ok else None)
    failure = _failure(kind, target, push, sha)
    failure.lines[:0] = lines
    failure.commit = sha
    return failure


def _pushed(target: _Target, sha: str | None, lines: list[str], now: datetime, push: GitResult) -> CheckinResult:
    head = git(target.top, "rev-parse", "HEAD").out.strip()
    up_to_date = "[up to date]" in push.out
    if up_to_date and not sha:
        lines.append(f"{target.remote}/{target.remote_branch} already has your notes: nothing to push")
    else:
        lines.append(f"pushed {head[:10]} to {target.remote}/{target.remote_branch}")
    run = next_scheduled_run(now)
    lines.append(
        "the bot updates the table on every push (usually within a few minutes) and daily at 00:00 UTC; "
        f"next scheduled run {run.astimezone():%Y-%m-%d %H:%M} your time"
    )
    return CheckinResult(True, lines, None, head, f"{target.remote}/{target.remote_branch}", run)
