"""The command line: a declared command runs with its own parser; anything else opens the window."""

from __future__ import annotations

import argparse
import importlib

import pytest

from studyreader import cli
from tests.support.cli_child import run_cli


@pytest.fixture
def window_calls(monkeypatch):
    """``run_app`` replaced by a recorder: what the window would have been opened with."""
    from studyreader.ui import app as app_module

    calls = []
    monkeypatch.setattr(
        app_module, "run_app", lambda file, qt_args=(), theme=None: calls.append((file, list(qt_args), theme)) or 0
    )
    return calls


def test_the_command_table_matches_what_each_module_registers():
    registered: dict[str, str] = {}
    for module in dict.fromkeys(cli.COMMANDS.values()):
        subparsers = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(subparsers)
        registered.update(dict.fromkeys(subparsers.choices, module))
    assert registered == cli.COMMANDS


def test_window_launches(window_calls):
    assert cli.main([]) == 0
    assert cli.main(["notes.md"]) == 0
    assert cli.main(["notes"]) == 0  # a file named like a word: not a command, so a file
    assert cli.main(["../notes/2025.md", "--theme", "dark"]) == 0
    assert cli.main(["-style", "Fusion", "notes.md", "-reverse", "-platform=offscreen"]) == 0
    assert window_calls == [
        (None, [], None),
        ("notes.md", [], None),
        ("notes", [], None),
        ("../notes/2025.md", [], "dark"),
        ("notes.md", ["-style", "Fusion", "-platform", "offscreen", "-reverse"], None),
    ]


def test_a_bad_theme_is_refused_before_the_window_opens(window_calls, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--theme", "neon"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'neon'" in capsys.readouterr().err
    assert window_calls == []


def test_help_lists_every_command_and_the_window(window_calls, capsys):
    for flag in ("--help", "-h"):
        with pytest.raises(SystemExit) as exit_info:
            cli.main([flag])
        assert exit_info.value.code == 0
        out = capsys.readouterr().out
        assert "studyreader [FILE] [--theme {system,light,dark}]" in out
        for command in cli.COMMANDS:
            assert f"\n    {command}" in out, command
    assert window_calls == []


def test_a_command_has_its_own_usage(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["status"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: studyreader status ")
    assert "studyreader status: error: the following arguments are required: file" in err


def test_a_command_imports_only_its_own_module(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("<!-- Content_START -->\n### 2025.01.06\n学习\n<!-- Content_END -->\n", encoding="utf-8")
    result, modules = run_cli(["entries", str(notes)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "2025-01-06" in result.stdout
    assert {name for name in modules if name in cli.COMMANDS.values()} == {"studyreader.notes.cli"}


def test_version_imports_no_command_module_and_no_qt(tmp_path):
    result, modules = run_cli(["--version"], tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("studyreader ")
    assert not {name for name in modules if name in cli.COMMANDS.values()}
    assert "PySide6" not in modules
