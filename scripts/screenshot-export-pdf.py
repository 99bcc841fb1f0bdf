"""Take the README's picture of an exported PDF page: the bundled sample notes up to 2025-01-07 on Letter
paper, side by side, with the hand-written English of ``sample_english.py`` (this machine may have no model).

    PYTHONPATH=src python scripts/screenshot-export-pdf.py [--paper letter] [--page 1]
        [--out docs/screenshots/export-pdf-page-letter.png]

Needs poppler's ``pdftoppm`` (installed by scripts/setup.sh).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from sample_english import ENGLISH


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paper", choices=("a4", "letter"), default="letter")
    parser.add_argument("--page", type=int, default=1)
    parser.add_argument("--out", default="docs/screenshots/export-pdf-page-letter.png")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from studyreader import paths
    from studyreader.export import ExportRequest, prepare
    from studyreader.ui.export_cli import export_bytes

    request = ExportRequest(paths.sample_notes(), date_to=date(2025, 1, 7), chinese_only=True)
    document = prepare(request)
    english = []
    for block in document.blocks:
        text = next((" ".join(t) for start, t in ENGLISH.items() if block.source.startswith(start)), None)
        english.append(text if block.translatable else None)
    missing = [block.source[:30] for block, text in zip(document.blocks, english) if block.translatable and not text]
    if missing:
        raise SystemExit(f"no hand-written English for: {missing}")
    document = dataclasses.replace(document, english=tuple(english), translated=True)
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "notes.pdf"
        pdf.write_bytes(export_bytes(document, "pdf", "side", args.paper))
        stem = Path(folder) / "page"
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(args.page), "-l", str(args.page),
                        "-singlefile", str(pdf), str(stem)], check=True)
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(stem.with_suffix(".png").read_bytes())
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
