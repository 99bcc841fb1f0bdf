"""The command line's window path: told apart from a subcommand without building the parser."""

from __future__ import annotations

import pytest

from studyreader import cli


@pytest.fixture
def no_parser(monkeypatch):
    """Building the parser (it imports every command's module) fails the test."""

    def refuse():
        raise AssertionError("the parser was built")

    monkeypatch.setattr(cli, "build_parser", refuse)


@pytest.mark.parametrize("argv", [[], ["notes.md"], ["../notes/2025.md"], ["--theme", "dark"], ["-style", "Fusion"]])
def test_window_launches_are_known_without_the_parser(argv, no_parser):
    assert cli._is_window_launch(argv)


@pytest.mark.parametrize("argv", [["status", "notes.md"], ["glossary", "lookup", "x"], ["--help"], ["--version"]])
def test_commands_are_not_window_launches(argv):
    assert not cli._is_window_launch(argv)


def test_a_plain_word_that_is_no_command_opens_the_window():
    assert cli._is_window_launch(["notes"])  # a file named like a word: the parser says it is no command


def test_the_usual_launches_reach_the_window_without_argparse(monkeypatch, no_parser):
    from studyreader.ui import app as app_module

    calls = []
    monkeypatch.setattr(app_module, "run_app", lambda file, qt_args=(), theme=None: calls.append((file, theme)) or 0)
    assert cli.main([]) == 0
    assert cli.main(["notes.md"]) == 0
    assert calls == [(None, None), ("notes.md", None)]
