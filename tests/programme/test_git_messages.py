"""Telling git's push failures apart, on messages real git and GitHub print."""

from __future__ import annotations

import pytest

from studyreader.programme.git import GitResult, github_repository, push_failure_kind


@pytest.mark.parametrize(
    "stderr, kind",
    [
        ("error: remote unpack failed: unable to create temporary object directory\n"
         "error: failed to push some refs to '/srv/r.git'", "no-rights"),  # a repository on disk, read-only
        ("remote: Permission to org/programme.git denied to student.\n"
         "fatal: unable to access 'https://github.com/org/programme.git/': The requested URL returned error: 403",
         "no-rights"),
        ("ERROR: Permission to org/programme.git denied to student.\n"
         "fatal: Could not read from remote repository.", "no-rights"),
        ("git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.", "auth"),
        ("fatal: could not read Username for 'https://github.com': terminal prompts disabled", "auth"),
        ("remote: Invalid username or token.\nfatal: Authentication failed for 'https://github.com/o/r.git/'", "auth"),
        ("fatal: unable to access 'https://github.com/o/r.git/': Could not resolve host: github.com", "network"),
        ("ssh: connect to host github.com port 22: Network is unreachable\n"
         "fatal: Could not read from remote repository.", "network"),
        ("remote: Repository not found.\nfatal: repository 'https://github.com/o/nothing.git/' not found",
         "no-repository"),
        (" ! [rejected]        HEAD -> main (fetch first)\nerror: failed to push some refs", "rejected"),
        (" ! [rejected]        HEAD -> main (non-fast-forward)", "rejected"),
    ],
)
def test_push_failures(stderr, kind):
    assert push_failure_kind(GitResult(1, "", stderr)) == kind


@pytest.mark.parametrize(
    "url, found",
    [
        ("https://github.com/IntensiveCoLearning/ZK.git", ("IntensiveCoLearning", "ZK")),
        ("https://token@github.com/o/r", ("o", "r")),
        ("git@github.com:student/monad-builder-camp.git", ("student", "monad-builder-camp")),
        ("ssh://git@github.com/o/r.git", ("o", "r")),
        ("/srv/git/r.git", None),
        ("https://gitlab.com/o/r.git", None),
    ],
)
def test_github_addresses(url, found):
    assert github_repository(url) == found
