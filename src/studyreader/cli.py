"""The ``studyreader`` command line: one argparse parser, one subcommand per job.

Each concern registers its own subcommands from ``<package>/cli.py`` so this
module stays small. Handlers import their heavy modules lazily: ``studyreader
--version`` and opening the window must not pay for the translator. Opening the
window (``studyreader [FILE]``) is told apart without building the parser.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from studyreader.errors import StudyReaderError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from typing import Any

# Modules whose ``register(subparsers)`` adds subcommands, in help order.
_COMMAND_MODULES = (
    "studyreader.notes.cli",
    "studyreader.programme.cli",
    "studyreader.translate.cli",
    "studyreader.glossary.cli",
    "studyreader.study.cli",
    "studyreader.ui.cli",
)


def print_json(value: Any) -> None:
    """Print JSON the way every ``--json`` option does: UTF-8, not escaped."""
    import json

    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def build_parser() -> argparse.ArgumentParser:
    import argparse
    import importlib

    from studyreader import __version__

    parser = argparse.ArgumentParser(
        prog="studyreader",
        description=(
            "Read Chinese co-learning notes beside an offline English translation, "
            "look up terms, write the day's entry and time the study session. "
            "With no command, opens the window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"studyreader {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        module.register(subparsers)
    return parser


def _open_window(argv: Sequence[str]) -> int:
    from studyreader.ui.app import run_app

    if len(argv) <= 1 and not any(arg.startswith("-") for arg in argv):
        return run_app(argv[0] if argv else None)  # the usual launches: nothing to parse
    import argparse

    parser = argparse.ArgumentParser(prog="studyreader", add_help=False)
    parser.add_argument("file", nargs="?")
    parser.add_argument("--theme", choices=("system", "light", "dark"))
    args, qt_args = parser.parse_known_args(argv)
    return run_app(args.file, qt_args, theme=args.theme)


def _is_window_launch(argv: Sequence[str]) -> bool:
    """``studyreader`` or ``studyreader FILE``: no subcommand, no option of ours.

    A command is a plain word: an argument with a dot or a path separator in it is a file,
    known without building the parser (which imports every command's module).
    """
    if not argv:
        return True
    first = argv[0]
    if first.startswith("-"):
        return first not in ("-h", "--help", "--version")
    if "." in first or "/" in first or (sys.platform == "win32" and "\\" in first):
        return True
    return first not in _known_commands()


def _known_commands() -> set[str]:
    import argparse

    parser = build_parser()
    for action in parser._subparsers._group_actions:  # noqa: SLF001 - argparse has no public accessor
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return set(action.choices)
    return set()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if _is_window_launch(argv):
            return _open_window(argv)
        parser = build_parser()
        args = parser.parse_args(argv)
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args) or 0
    except StudyReaderError as error:
        print(f"studyreader: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("studyreader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
