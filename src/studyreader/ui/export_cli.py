"""``studyreader export``: argparse only at import time.

It lives with the shell because a PDF is laid out by Qt; HTML and Markdown exports never import
PySide6 (the export core, :mod:`studyreader.export`, has no Qt)."""

from __future__ import annotations

import signal
import sys
import threading
import time

PACKAGES_DIR_HELP = "Argos packages folder (default: $ARGOS_PACKAGES_DIR or Argos's own)"


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "export",
        help="write the notes in Chinese and English as HTML, PDF or Markdown",
        description=(
            "Export the notes (or the dated entries from --from to --to) with their English: HTML (one "
            "self-contained file), PDF (the same HTML laid out by Qt) or Markdown (each block followed by its "
            "English as a blockquote). Without a translation model the export holds the Chinese with a note, "
            "unless --require-translation is given (then it stops with exit code 2). Ctrl+C stops the export "
            "(exit code 130) and writes nothing."
        ),
    )
    p.add_argument("file", metavar="FILE", help="the Markdown notes file")
    p.add_argument("--out", metavar="PATH", required=True, help="the file to write")
    p.add_argument("--format", choices=("html", "pdf", "md"), help="default: from the --out suffix, else html")
    p.add_argument("--layout", choices=("side", "interleaved"), default="side",
                   help="HTML and PDF: two columns side by side (default) or each block followed by its English")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first entry date, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last entry date, YYYY-MM-DD")
    p.add_argument("--paper", choices=("a4", "letter"),
                   help="PDF: the paper size (default: Letter in a US, Canadian, Mexican... locale, else A4)")
    p.add_argument("--progress", action="store_true",
                   help="print the translation's progress on standard error (default: only on a terminal)")
    p.add_argument("--require-translation", action="store_true",
                   help="stop (exit 2) instead of exporting the Chinese only when no model is installed")
    p.add_argument("--packages-dir", metavar="DIR", help=PACKAGES_DIR_HELP)
    p.set_defaults(handler=_export)


def _date(option: str, text: str | None):
    from studyreader.errors import StudyReaderError
    from studyreader.notes.dates import parse_iso_date

    if text is None:
        return None
    try:
        return parse_iso_date(text)
    except ValueError as error:
        raise StudyReaderError(f"{option}: {error}") from None


def export_bytes(document, fmt: str, layout: str, paper: str) -> bytes:
    """The file's content in ``fmt``; only a PDF imports Qt (the command line and the window use this)."""
    from studyreader.export import to_html, to_markdown

    if fmt == "md":
        return to_markdown(document).encode("utf-8")
    if fmt == "pdf":
        from studyreader.ui.export_pdf import html_to_pdf

        return html_to_pdf(to_html(document, layout, term_titles=False), paper)
    return to_html(document, layout).encode("utf-8")


def output_format(out: str, given: str | None) -> str:
    if given:
        return given
    suffix = out.rsplit(".", 1)[-1].lower() if "." in out else ""
    return {"pdf": "pdf", "md": "md", "markdown": "md"}.get(suffix, "html")


class ProgressLine:
    """The translation's progress on standard error: one line rewritten in place on a terminal,
    else (``--progress`` into a file or pipe) a line every half second and at the end."""

    INTERVAL = 0.5

    def __init__(self, stream) -> None:
        self.stream = stream
        self.terminal = stream.isatty()
        self.shown = -1.0
        self.open = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and done and now - self.shown < (0.1 if self.terminal else self.INTERVAL):
            return
        self.shown = now
        text = f"studyreader: translating {done}/{total} blocks"
        if self.terminal:
            self.stream.write("\r" + text + ("\n" if done == total else ""))
            self.open = done < total
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def end(self) -> None:
        """Finish a line left open on the terminal (the export stopped before the last block)."""
        if self.open:
            self.stream.write("\n")
            self.stream.flush()
            self.open = False


class CancelOnInterrupt:
    """While active, the first Ctrl+C asks the export to stop (nothing is written); a second one
    interrupts at once, as usual."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.previous = None

    def __enter__(self) -> CancelOnInterrupt:
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._interrupted)
        return self

    def _interrupted(self, signum, frame) -> None:
        self.event.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def __exit__(self, *exc) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)

    def check(self) -> None:
        from studyreader.export import ExportCancelled

        if self.event.is_set():
            raise ExportCancelled()


def _export(args) -> int:
    from pathlib import Path

    from studyreader.export import NO_MODEL_NOTE, ExportRequest, default_paper, prepare, write_output

    request = ExportRequest(
        path=Path(args.file), date_from=_date("--from", args.date_from), date_to=_date("--to", args.date_to),
        require_translation=args.require_translation, packages_dir=args.packages_dir,
    )
    fmt = output_format(args.out, args.format)
    progress = ProgressLine(sys.stderr) if args.progress or sys.stderr.isatty() else None
    with CancelOnInterrupt() as interrupt:
        try:
            document = prepare(request, should_cancel=interrupt.event.is_set, on_progress=progress)
        finally:
            if progress is not None:
                progress.end()
        if not document.translated:
            print(f"studyreader: {NO_MODEL_NOTE}", file=sys.stderr)
        data = export_bytes(document, fmt, args.layout, args.paper or default_paper())
        interrupt.check()
        write_output(Path(args.out), data, source=request.path)
    print(f"{args.out}: {len(document.blocks)} blocks, {len(document.terms)} glossary terms", file=sys.stderr)
    return 0
