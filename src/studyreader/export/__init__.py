"""Bilingual export of a notes file (HTML, Markdown; PDF through :mod:`studyreader.ui.export_pdf`). No Qt here."""

from studyreader.export.core import (
    FORMATS,
    LAYOUTS,
    NO_MODEL_NOTE,
    ExportDocument,
    ExportRequest,
    prepare,
    to_html,
    to_markdown,
    write_output,
)

__all__ = [
    "FORMATS",
    "LAYOUTS",
    "NO_MODEL_NOTE",
    "ExportDocument",
    "ExportRequest",
    "prepare",
    "to_html",
    "to_markdown",
    "write_output",
]
