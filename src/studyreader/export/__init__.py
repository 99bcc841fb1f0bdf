"""Bilingual export of a notes file (HTML, Markdown; PDF through :mod:`studyreader.ui.export_pdf`). No Qt here."""

from studyreader.export.core import (
    FORMATS,
    LAYOUTS,
    NO_MODEL_NOTE,
    ExportCancelled,
    ExportDocument,
    ExportRequest,
    MissingModelError,
    Progress,
    prepare,
    to_html,
    to_markdown,
    write_output,
)
from studyreader.export.paper import PAPERS, default_paper, paper_for_locale

__all__ = [
    "FORMATS",
    "LAYOUTS",
    "NO_MODEL_NOTE",
    "PAPERS",
    "ExportCancelled",
    "ExportDocument",
    "ExportRequest",
    "MissingModelError",
    "Progress",
    "default_paper",
    "paper_for_locale",
    "prepare",
    "to_html",
    "to_markdown",
    "write_output",
]
