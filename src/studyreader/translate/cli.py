"""``studyreader translate`` and ``studyreader models``: argparse only at import time."""

from __future__ import annotations

import argparse
import sys

PACKAGES_DIR_HELP = "Argos packages folder (default: $ARGOS_PACKAGES_DIR or Argos's own)"

def register(subparsers) -> None:
    p = subparsers.add_parser(
        "translate",
        help="translate a notes file to English Markdown with the installed Argos model",
        description="Translate the notes file block by block (offline, cached) and print English Markdown.",
    )
    p.add_argument("file", metavar="FILE", help="the Markdown notes file")
    p.add_argument("--json", action="store_true", help="print blocks and statistics as JSON")
    p.add_argument("--packages-dir", metavar="DIR", help=PACKAGES_DIR_HELP)
    p.add_argument("--no-glossary", action="store_true",
                   help="do not write the glossary's English terms into sentences before translating")
    p.set_defaults(handler=_translate)

    m = subparsers.add_parser(
        "models",
        help="list, install or download Argos Translate packages",
        description="Manage the Argos Translate packages StudyReader translates with (Chinese→English).",
    )
    m.add_argument("--packages-dir", metavar="DIR", help=PACKAGES_DIR_HELP)
    sub = m.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    ls = sub.add_parser("list", help="installed packages: code, version, size, path")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=_models_list)
    ins = sub.add_parser("install", help="install a .argosmodel file (validated first)")
    ins.add_argument("path", metavar="PATH", help="the .argosmodel file")
    ins.add_argument("--json", action="store_true")
    ins.set_defaults(handler=_models_install)
    dl = sub.add_parser("download", help="download the zh→en package from Argos's index (needs the internet)")
    dl.add_argument("--index-url", metavar="URL", help=argparse.SUPPRESS)
    dl.add_argument("--timeout", type=float, default=30.0, help="network timeout in seconds (default 30)")
    dl.add_argument("--json", action="store_true")
    dl.set_defaults(handler=_models_download)


def _read_notes(path: str) -> str:
    from pathlib import Path

    from studyreader.notes import load_notes

    return load_notes(Path(path)).text


def _glossary_aid():
    """The glossary's translation aid, as the window uses it."""
    from studyreader.glossary import default_glossary

    glossary = default_glossary()
    for warning in glossary.warnings:
        print(f"studyreader: {warning}", file=sys.stderr)
    return glossary.translation_aid()


def _translate(args) -> int:
    from studyreader.cli import print_json
    from studyreader.translate.engine import TranslationEngine

    text = _read_notes(args.file)
    engine = TranslationEngine(packages_dir=args.packages_dir, aid=None if args.no_glossary else _glossary_aid())
    try:
        result = engine.translate_text(text)
    finally:
        engine.close()
    if args.json:
        print_json(
            {
                "blocks": [
                    {
                        "source": block.source,
                        "translation": tr.text if tr else block.source,
                        "line": block.start_line,
                        "kind": block.kind,
                        "sentences": _sentences_json(tr) if tr else [],
                    }
                    for block, tr in zip(result.source_blocks, result.blocks)
                ],
                "stats": result.stats.to_json(),
            }
        )
    else:
        sys.stdout.write(result.markdown(text))
        if not text.endswith("\n"):
            sys.stdout.write("\n")
    return 0


def _sentences_json(tr) -> list[dict]:
    """A block's sentence pairs: ranges (start, end) in its ``source`` and ``translation``, and their text."""
    return [
        {
            "source": [pair.source_start, pair.source_end],
            "target": [pair.target_start, pair.target_end],
            "zh": tr.source[pair.source_start:pair.source_end],
            "en": tr.text[pair.target_start:pair.target_end],
        }
        for pair in tr.pairs
    ]


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def _models_list(args) -> int:
    from studyreader.cli import print_json
    from studyreader.translate import models

    installed = models.list_installed(args.packages_dir)
    if args.json:
        print_json({"packages_dir": str(models.packages_dir(args.packages_dir)),
                    "packages": [m.to_json() for m in installed]})
        return 0
    if not installed:
        print(f"No Argos packages installed in {models.packages_dir(args.packages_dir)}.")
        print("Install one with `studyreader models install FILE.argosmodel`, "
              "or `studyreader models download` when online.")
        return 0
    for m in installed:
        print(f"{m.code}\t{m.from_code}→{m.to_code}\t{m.version}\t{_human_size(m.size)}\t{m.path}")
    return 0


def _models_install(args) -> int:
    from studyreader.cli import print_json
    from studyreader.translate import models

    model = models.install_model(args.path, args.packages_dir)
    if args.json:
        print_json(model.to_json())
    else:
        print(f"Installed {model.code} {model.version} ({model.from_code}→{model.to_code}) in {model.path}")
    return 0


class _ProgressBar:
    """A one-line progress bar on stderr (only when stderr is a terminal, else a final line)."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.tty:
            return
        if total:
            percent = int(done * 100 / total)
            if percent == self.last:
                return
            self.last = percent
            filled = percent * 30 // 100
            bar = "#" * filled + "-" * (30 - filled)
            self.stream.write(f"\rDownloading [{bar}] {percent:3d}% {_human_size(done)} of {_human_size(total)}")
        else:
            self.stream.write(f"\rDownloading {_human_size(done)}")
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.last != -2:
            self.stream.write("\n")
            self.stream.flush()


def _models_download(args) -> int:
    from studyreader.cli import print_json
    from studyreader.translate import models

    bar = _ProgressBar()
    try:
        model = models.download_model(
            progress=bar, directory=args.packages_dir, index_url=args.index_url, timeout=args.timeout
        )
    finally:
        bar.close()
    if args.json:
        print_json(model.to_json())
    else:
        print(f"Installed {model.code} {model.version} ({model.from_code}→{model.to_code}) in {model.path}")
    return 0
