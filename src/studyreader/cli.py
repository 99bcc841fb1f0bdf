"""The ``studyreader`` command line: ``studyreader [FILE]`` opens the window, ``studyreader COMMAND ...`` runs a job.

Each concern registers its own subcommands from ``<package>/cli.py``; :data:`COMMANDS`
says which module declares which command, so that a command imports only its own
module and opening the window imports none of them. Handlers import their heavy
modules lazily: ``studyreader --version`` and opening the window must not pay for
the translator.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from studyreader import options
from studyreader.errors import StudyReaderError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

# Each command, and the module whose ``register(subparsers)`` adds it; in help order.
COMMANDS: dict[str, str] = {
    "entries": "studyreader.notes.cli",
    "append": "studyreader.notes.cli",
    "status": "studyreader.programme.cli",
    "programme": "studyreader.programme.cli",
    "checkin": "studyreader.programme.cli",
    "translate": "studyreader.translate.cli",
    "export": "studyreader.ui.export_cli",
    "models": "studyreader.translate.cli",
    "glossary": "studyreader.glossary.cli",
    "log": "studyreader.study.cli",
    "stats": "studyreader.study.cli",
    "review": "studyreader.review.cli",
    "screenshot": "studyreader.ui.cli",
}

# Qt's own command-line options that take a value (QGuiApplication, QApplication); the window
# hands them, and any other option it does not know, to Qt.
QT_OPTIONS_WITH_VALUE = (
    "-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-qmljsdebugger", "-qwindowgeometry",
    "-qwindowicon", "-qwindowtitle", "-session", "-display", "-geometry", "-style", "-stylesheet",
)

_USAGE = (
    f"studyreader [FILE] [--theme {{{','.join(options.THEME.choices)}}}] [Qt options]\n"
    "       studyreader COMMAND ..."
)
_DESCRIPTION = (
    "Read Chinese co-learning notes beside an offline English translation, look up terms, write the "
    "day's entry and time the study session. Without a command, opens the window on FILE (default: "
    "the file opened last)."
)


def print_json(value: Any) -> None:
    """Print JSON the way every ``--json`` option does: UTF-8, not escaped."""
    import json

    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or with ``command`` of that command only (one module imported)."""
    import importlib

    parser = argparse.ArgumentParser(prog="studyreader", usage=_USAGE, description=_DESCRIPTION)
    _add_version(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", prog="studyreader")
    modules = dict.fromkeys(COMMANDS.values()) if command is None else [COMMANDS[command]]
    for name in modules:
        importlib.import_module(name).register(subparsers)
    return parser


def window_parser() -> argparse.ArgumentParser:
    """``studyreader [FILE] [--theme THEME]``; ``--help`` shows the help of every command."""
    parser = argparse.ArgumentParser(prog="studyreader", usage=_USAGE, add_help=False, allow_abbrev=False)
    parser.add_argument("-h", "--help", action=_FullHelp, help="show this help message and exit")
    _add_version(parser)
    parser.add_argument("file", nargs="?", help="the notes file to open")
    parser.add_argument("--theme", choices=options.THEME.choices, help="colour theme for this run")
    parser.add_argument(*QT_OPTIONS_WITH_VALUE, action=_QtOption, dest="qt_args", default=[], metavar="VALUE")
    return parser


def _add_version(parser: argparse.ArgumentParser) -> None:
    from studyreader import __version__

    parser.add_argument("--version", action="version", version=f"studyreader {__version__}")


class _FullHelp(argparse.Action):
    """``studyreader --help``: the window's usage and every command."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        build_parser().print_help()
        parser.exit()


class _QtOption(argparse.Action):
    """A Qt option and its value, handed to Qt as they were given."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        namespace.qt_args = [*namespace.qt_args, option_string, values]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            args = build_parser(argv[0]).parse_args(argv)
            handler: Callable[[argparse.Namespace], int] = args.handler
            return handler(args) or 0
        args, unknown = window_parser().parse_known_args(argv)
        from studyreader.ui.app import run_app

        return run_app(args.file, [*args.qt_args, *unknown], theme=args.theme)
    except StudyReaderError as error:
        print(f"studyreader: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("studyreader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
