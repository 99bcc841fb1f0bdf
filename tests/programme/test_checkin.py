"""Check-in against real git: a bare repository as the remote, a second clone as the bot, no mocks."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from studyreader.cli import main
from studyreader.programme.checkin import check_in
from tests.support.git import git_identity, run  # noqa: F401 - git_identity is an autouse fixture

NOTES = "# Me\n\n<!-- Content_START -->\n### 2025.01.06\n第一天的笔记写得足够长了\n<!-- Content_END -->\n"
ENTRY = "### 2025.01.07\n第二天：读了欺诈证明和挑战期\n"


@pytest.fixture
def programme(tmp_path):
    """(remote, user clone, bot clone): the programme's repository with a README and the user's notes."""
    remote = tmp_path / "remote.git"
    run(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(remote))
    seed = tmp_path / "seed"
    run(tmp_path, "clone", "--quiet", str(remote), str(seed))
    (seed / "README.md").write_text("# Programme\n\n<!-- START_COMMIT_TABLE -->\n<!-- END_COMMIT_TABLE -->\n",
                                    encoding="utf-8")
    (seed / "me.md").write_text(NOTES, encoding="utf-8")
    (seed / "other.md").write_text("other\n", encoding="utf-8")
    (seed / "extra.md").write_text("extra\n", encoding="utf-8")
    run(seed, "add", ".")
    run(seed, "commit", "--quiet", "-m", "start")
    run(seed, "push", "--quiet", "origin", "HEAD:main")
    user = tmp_path / "user"
    bot = tmp_path / "bot"
    run(tmp_path, "clone", "--quiet", str(remote), str(user))
    run(tmp_path, "clone", "--quiet", str(remote), str(bot))
    return remote, user, bot


def write_entry(user: Path) -> Path:
    notes = user / "me.md"
    notes.write_text(notes.read_text(encoding="utf-8").replace("<!-- Content_END -->", ENTRY + "<!-- Content_END -->"),
                     encoding="utf-8")
    return notes


def other_changes(user: Path) -> None:
    """Unstaged, staged and untracked changes that are none of StudyReader's business."""
    (user / "other.md").write_text("other, edited but not staged\n", encoding="utf-8")
    (user / "extra.md").write_text("extra, staged\n", encoding="utf-8")
    run(user, "add", "extra.md")
    (user / "scratch.txt").write_text("untracked\n", encoding="utf-8")


def snapshot(user: Path) -> tuple:
    status = [line for line in run(user, "status", "--porcelain").splitlines() if not line.endswith("me.md")]
    files = {name: (user / name).read_text(encoding="utf-8") for name in ("other.md", "extra.md", "scratch.txt")}
    return status, files, run(user, "diff", "--cached", "--", "extra.md")


BOT_EDIT = ("\n", "\n<!-- bot -->\n")  # a line added near the top of the file
CONFLICTING_EDIT = ("<!-- Content_END -->", "### 2025.01.07\n在别处写的另一段\n<!-- Content_END -->")


def bot_hook(user: Path, bot: Path, edit: str, change: tuple[str, str] = BOT_EDIT) -> None:
    """A post-commit hook in the user's clone: the bot pushes to the remote between commit and push."""
    script = (
        "import pathlib, subprocess\n"
        f"bot = pathlib.Path({str(bot)!r})\n"
        f"done = pathlib.Path({str(user / '.git' / 'bot-ran')!r})\n"
        "if not done.exists():\n"
        "    done.write_text('yes')\n"
        f"    target = bot / {edit!r}\n"
        f"    target.write_text(target.read_text(encoding='utf-8').replace({change[0]!r}, {change[1]!r}, 1) + "
        "'bot line\\n', encoding='utf-8')\n"
        "    subprocess.run(['git', 'commit', '-qam', 'Update README'], cwd=bot, check=True)\n"
        "    subprocess.run(['git', 'push', '-q', 'origin', 'HEAD:main'], cwd=bot, check=True)\n"
    )
    hook = user / ".git" / "hooks" / "post-commit"
    hook.write_text(f"#!/bin/sh\nexec {sys.executable} - <<'PY'\n{script}PY\n", encoding="utf-8")
    hook.chmod(0o755)


def test_commits_only_the_notes_file_and_pushes(programme):
    remote, user, _bot = programme
    notes = write_entry(user)
    other_changes(user)
    before = snapshot(user)
    result = check_in(notes)
    assert result.ok, result.lines
    assert run(remote, "show", "--name-only", "--format=", "main").split() == ["me.md"]
    assert run(remote, "show", "main:me.md") == notes.read_text(encoding="utf-8")
    assert snapshot(user) == before  # other changes: still uncommitted, staged stays staged, untracked stays
    assert "next scheduled run" in result.lines[-1] and result.next_run.hour == 0


def test_rebases_onto_the_bots_readme_commit_and_retries(programme):
    remote, user, bot = programme
    notes = write_entry(user)
    other_changes(user)
    before = snapshot(user)
    bot_hook(user, bot, "README.md")
    result = check_in(notes)
    assert result.ok, result.lines
    assert any("rebasing" in line for line in result.lines)
    log = run(remote, "log", "--format=%s", "main").split("\n")
    assert log[:2] == ["Check in " + log[0].split()[-1], "Update README"]
    assert "bot line" in (user / "README.md").read_text(encoding="utf-8")  # the user's tree moved forward
    assert run(user, "status", "--porcelain", "--", "README.md", "me.md") == ""
    assert snapshot(user) == before
    assert run(user, "worktree", "list").count("\n") == 1  # the temporary work tree is gone


def test_a_conflicting_edit_of_the_notes_file_aborts_and_keeps_the_commit(programme):
    remote, user, bot = programme
    notes = write_entry(user)
    other_changes(user)
    before = snapshot(user)
    written = notes.read_text(encoding="utf-8")
    bot_hook(user, bot, "me.md", CONFLICTING_EDIT)
    result = check_in(notes)
    assert not result.ok and result.problem == "conflict"
    told = "\n".join(result.lines)
    assert "kept locally" in told and "git pull --rebase --autostash" in told
    assert run(user, "rev-parse", "HEAD").strip() == result.commit  # the local commit, not moved
    assert run(user, "log", "-1", "--format=%s").startswith("Check in")
    assert notes.read_text(encoding="utf-8") == written
    assert snapshot(user) == before
    assert run(user, "status", "--porcelain", "--", "me.md") == ""
    assert "rebase" not in run(user, "status")  # no rebase left half-done
    assert run(remote, "log", "-1", "--format=%s", "main").strip() == "Update README"


def test_an_edit_of_the_notes_file_elsewhere_merges_cleanly(programme):
    remote, user, bot = programme
    notes = write_entry(user)
    bot_hook(user, bot, "me.md")
    result = check_in(notes)
    assert result.ok, result.lines
    merged = notes.read_text(encoding="utf-8")
    assert "<!-- bot -->" in merged and ENTRY in merged and merged.endswith("bot line\n")
    assert run(remote, "show", "main:me.md") == merged


def test_a_remote_that_does_not_exist(programme, tmp_path):
    _remote, user, _bot = programme
    run(user, "remote", "set-url", "origin", str(tmp_path / "nowhere.git"))
    notes = write_entry(user)
    result = check_in(notes)
    assert not result.ok and result.problem == "no-repository"
    assert "does not exist" in result.lines[1] and "git remote set-url origin" in result.lines[-1]
    assert run(user, "log", "-1", "--format=%H").strip() == result.commit  # kept locally, pushable later


def deny_pushes(remote: Path) -> None:
    hook = remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'Permission to org/programme.git denied to student.' >&2\nexit 1\n",
                    encoding="utf-8")
    hook.chmod(0o755)


def test_a_read_only_remote_without_a_fork(programme):
    remote, user, _bot = programme
    deny_pushes(remote)
    result = check_in(write_entry(user))
    assert not result.ok and result.problem == "no-rights"
    assert "no rights to push to origin" in result.lines[1] and "fork" in result.lines[-1]


def test_a_read_only_remote_with_a_fork_pushes_there_and_gives_the_compare_address(programme, tmp_path):
    remote, user, _bot = programme
    deny_pushes(remote)
    fork = tmp_path / "fork.git"
    run(tmp_path, "clone", "--quiet", "--bare", str(remote), str(fork))
    # GitHub addresses, resolved to the repositories on disk
    run(user, "config", f"url.{remote}.insteadOf", "https://github.com/org/programme.git")
    run(user, "config", f"url.{fork}.insteadOf", "https://github.com/student/programme.git")
    run(user, "remote", "set-url", "origin", "https://github.com/org/programme.git")
    run(user, "remote", "add", "fork", "https://github.com/student/programme.git")
    result = check_in(write_entry(user), gh=None)
    assert result.ok and result.pushed_to == "fork/main"
    assert run(fork, "show", "--name-only", "--format=", "main").split() == ["me.md"]
    assert "gh (GitHub's command line) is not installed" in "\n".join(result.lines)
    assert "https://github.com/org/programme/compare/main...student:main?expand=1" in result.lines[-1]


def test_detached_head_commits_nothing(programme):
    _remote, user, _bot = programme
    run(user, "checkout", "--quiet", "--detach")
    notes = write_entry(user)
    head = run(user, "rev-parse", "HEAD")
    result = check_in(notes)
    assert not result.ok and result.problem == "detached"
    assert "git switch" in result.lines[-1]
    assert run(user, "rev-parse", "HEAD") == head and run(user, "status", "--porcelain") == " M me.md\n"


def test_no_remote_commits_nothing(tmp_path):
    repo = tmp_path / "alone"
    run(tmp_path, "init", "--quiet", "--initial-branch=main", str(repo))
    notes = repo / "me.md"
    notes.write_text(NOTES, encoding="utf-8")
    result = check_in(notes)
    assert not result.ok and result.problem == "no-remote" and "git remote add origin" in result.lines[-1]
    assert run(repo, "status", "--porcelain") == "?? me.md\n"


def test_unreachable_network_keeps_the_commit(programme):
    _remote, user, _bot = programme
    run(user, "remote", "set-url", "origin", "http://127.0.0.1:9/programme.git")
    result = check_in(write_entry(user))
    assert not result.ok and result.problem == "network" and "cannot be reached" in result.lines[1]


def test_a_new_untracked_notes_file_is_added_alone(programme):
    remote, user, _bot = programme
    other_changes(user)
    before = snapshot(user)
    fresh = user / "notes" / "me.md"
    fresh.parent.mkdir()
    fresh.write_text(NOTES, encoding="utf-8")
    assert check_in(fresh).ok
    assert run(remote, "show", "--name-only", "--format=", "main").split() == ["notes/me.md"]
    assert snapshot(user) == before


def test_outside_git_and_the_command_line(tmp_path, programme, capsys):
    loose = tmp_path / "loose.md"
    loose.write_text(NOTES, encoding="utf-8")
    assert main(["checkin", str(loose)]) == 1
    assert "not in a git repository" in capsys.readouterr().out
    _remote, user, _bot = programme
    assert main(["checkin", str(write_entry(user)), "-m", "Day 2"]) == 0
    out = capsys.readouterr().out
    assert "committed me.md" in out and "pushed" in out
    assert run(user, "log", "-1", "--format=%s").strip() == "Day 2"
    assert main(["checkin", str(user / "me.md")]) == 0
    assert "nothing to push" in capsys.readouterr().out


def test_other_unpushed_commits_are_not_pushed_by_a_check_in(programme):
    remote, user, _bot = programme
    (user / "other.md").write_text("a change of my own\n", encoding="utf-8")
    run(user, "commit", "--quiet", "-am", "my own work")
    notes = write_entry(user)
    result = check_in(notes)
    assert not result.ok and result.problem == "other-commits" and "git push" in result.lines[-1]
    assert run(user, "status", "--porcelain") == " M me.md\n"  # nothing committed
    assert run(remote, "log", "-1", "--format=%s", "main").strip() == "start"


def test_an_earlier_check_in_left_unpushed_goes_with_the_next(programme, tmp_path):
    remote, user, _bot = programme
    run(user, "remote", "set-url", "origin", str(tmp_path / "nowhere.git"))
    assert not check_in(write_entry(user), message="day 2").ok
    run(user, "remote", "set-url", "origin", str(remote))
    notes = user / "me.md"
    notes.write_text(notes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert check_in(notes, message="day 3").ok
    assert run(remote, "log", "--format=%s", "-2", "main").split("\n")[:2] == ["day 3", "day 2"]


def test_an_ignored_notes_file_is_named(programme):
    _remote, user, _bot = programme
    (user / ".git" / "info" / "exclude").write_text("private.md\n", encoding="utf-8")
    private = user / "private.md"
    private.write_text(NOTES, encoding="utf-8")
    result = check_in(private)
    assert not result.ok and result.problem == "ignored" and "git check-ignore -v private.md" in result.lines[-1]


@pytest.fixture
def refusing_server():
    """A real HTTP server that asks every client to log in (HTTP 401), as a hosting site does."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class AskForLogin(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="programme"')
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_POST = do_GET  # noqa: N815 - the name http.server calls

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), AskForLogin)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/org/programme.git"
    server.shutdown()
    server.server_close()


def test_an_authentication_failure_names_the_credentials(programme, refusing_server):
    _remote, user, _bot = programme
    run(user, "remote", "set-url", "origin", refusing_server)
    result = check_in(write_entry(user))
    assert not result.ok and result.problem == "auth", result.lines
    assert "could not log in" in result.lines[1] and "credentials" in result.lines[-1]
    assert run(user, "log", "-1", "--format=%H").strip() == result.commit


@pytest.mark.skipif(sys.platform == "win32" or __import__("os").geteuid() == 0,
                    reason="file permissions do not stop the administrator")
def test_a_remote_on_disk_without_write_permission(programme):
    remote, user, _bot = programme
    paths = [remote, *remote.rglob("*")]
    modes = {path: path.stat().st_mode for path in paths}
    for path in paths:
        path.chmod(modes[path] & ~0o222)
    try:
        result = check_in(write_entry(user))
    finally:
        for path in paths:
            path.chmod(modes[path])
    assert not result.ok and result.problem == "no-rights", result.lines


def test_a_rebase_in_progress_is_left_alone(programme):
    _remote, user, _bot = programme
    run(user, "switch", "--quiet", "-c", "side")
    (user / "other.md").write_text("side\n", encoding="utf-8")
    run(user, "commit", "--quiet", "-am", "side")
    run(user, "switch", "--quiet", "main")
    (user / "other.md").write_text("main\n", encoding="utf-8")
    run(user, "commit", "--quiet", "-am", "main")
    run(user, "switch", "--quiet", "side")
    run(user, "rebase", "main", check=False)  # stops on the conflict in other.md
    notes = write_entry(user)
    head = run(user, "rev-parse", "HEAD")
    result = check_in(notes)
    assert not result.ok and result.problem == "busy" and "rebase" in result.lines[0]
    assert run(user, "rev-parse", "HEAD") == head
