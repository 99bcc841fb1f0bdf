"""``studyreader screenshot``: the main window rendered offscreen to a PNG.

Kept light at import time (argparse only): Qt is imported in the handler.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from studyreader.errors import StudyReaderError

_SIZE = re.compile(r"^(\d{3,5})x(\d{3,5})$")


def _size(text: str) -> tuple[int, int]:
    match = _SIZE.match(text.strip().lower())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r}: expected WIDTHxHEIGHT, e.g. 1366x768")
    width, height = int(match.group(1)), int(match.group(2))
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"{text!r}: size out of range (320x240 to 8000x8000)")
    return width, height


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "screenshot",
        help="render the main window offscreen to a PNG",
        description=(
            "Open FILE (default: the bundled sample notes) in the main window offscreen, wait until the "
            "visible translation has finished (or the no-model message shows), and save a PNG."
        ),
    )
    parser.add_argument("file", nargs="?", help="notes file (default: the bundled sample notes)")
    parser.add_argument("--out", required=True, help="PNG file to write")
    parser.add_argument("--size", type=_size, default=(1366, 768), help="window size WIDTHxHEIGHT (default 1366x768)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="interface language (default: the system's)")
    parser.add_argument("--theme", choices=("light", "dark"), default="light", help="colour theme (default light)")
    parser.add_argument("--mode", choices=("side", "interleaved", "zh", "en"), default="side", help="reader mode")
    parser.add_argument("--term", help="glossary term id to show selected in the sidebar (e.g. sequencer)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the translation")
    parser.set_defaults(handler=run_screenshot)


def run_screenshot(args: argparse.Namespace) -> int:
    notes = Path(args.file) if args.file else None
    if notes is not None and not notes.is_file():
        raise StudyReaderError(f"{notes}: no such file")
    out = Path(args.out)
    if out.suffix.lower() != ".png":
        raise StudyReaderError(f"{out}: the screenshot is written as PNG; name it *.png")
    if not out.parent.exists():
        raise StudyReaderError(f"{out.parent}: no such folder")
    width, height = args.size
    image = take_screenshot(notes, (width, height), lang=args.lang, theme=args.theme, mode=args.mode,
                            timeout=args.timeout, term=args.term)
    if not image.save(str(out), "PNG"):
        raise StudyReaderError(f"{out}: could not write the PNG")
    print(f"{out} ({image.width()}x{image.height()})")
    return 0


def take_screenshot(notes: Path | None, size: tuple[int, int], *, lang: str | None = None,
                    theme: str = "light", mode: str = "side", timeout: float = 120.0, term: str | None = None):
    """Build the window offscreen with throw-away settings and grab it once it is ready."""
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from studyreader import paths
    from studyreader.ui import i18n
    from studyreader.ui.app import apply_theme, create_app
    from studyreader.ui.settings import Settings
    from studyreader.ui.window.main_window import MainWindow
    from studyreader.ui.window.panes import pane_widths
    from studyreader.ui.window.translation import TranslationState

    app = create_app()
    i18n.apply_language(lang or "", app)
    apply_theme(app, theme)
    with tempfile.TemporaryDirectory(prefix="studyreader-shot-") as folder:
        settings = Settings(Path(folder) / "settings.ini")
        window = MainWindow(notes or paths.sample_notes(), settings, restore_state=False)
        window.set_mode(mode)
        window.resize(*size)
        window.splitter.setSizes(list(pane_widths(size[0])))  # as a first start at this width lays them out
        window.show()
        loop = QEventLoop()
        state = {"glossary": False, "translation": False}

        def visible_translated() -> bool:
            pending = set(window.reader.pending_rows())
            return window.translation_state() == TranslationState.RUNNING and not any(
                row in pending for row in window.reader.visible_rows()
            )

        def check() -> None:
            translated = state["translation"] or visible_translated()
            if state["glossary"] and translated and window.reader.is_built() and window.services_ready():
                loop.quit()

        def glossary_done(_g=None) -> None:
            state["glossary"] = True
            check()

        def translation_done() -> None:
            state["translation"] = True
            check()

        window.glossaryLoaded.connect(glossary_done)
        window.translationFinished.connect(translation_done)
        window.reader.buildFinished.connect(check)
        QTimer.singleShot(int(timeout * 1000), loop.quit)
        QTimer.singleShot(0, check)
        poll = QTimer()
        poll.setInterval(100)
        poll.timeout.connect(
            lambda: translation_done()
            if window.translation_state() not in (TranslationState.IDLE, TranslationState.RUNNING)
            else check()
        )
        poll.start()
        loop.exec()
        poll.stop()
        window.reader.finish_build()
        window.reader.scroll_to_row(0)
        if term and not window.glossary_panel.select_term(term):
            window.close()
            raise StudyReaderError(f"{term}: no such glossary term")
        for _ in range(5):
            app.processEvents()
        image = window.grab().toImage()
        window.close()
        window.deleteLater()
        app.processEvents()
    return image
