"""The export's HTML laid out as a PDF by Qt itself (QTextDocument + QPdfWriter, no browser).

Pages are A4 or Letter. Each page's running header holds the document's title on the left and, on
the right, the date of the entry the page begins in: the entry that the page's first line belongs to
(found through the ``entry-YYYY-MM-DD`` anchors of :mod:`studyreader.export.html`; nothing before the
first dated entry and in the glossary appendix). The footer holds "n / N". Images arrive as data: URIs
and are handed to the document as resources, so nothing is read from disk or the network while printing.
"""

from __future__ import annotations

import base64
import bisect
import re

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from studyreader.export.html import APPENDIX_ANCHOR, ENTRY_ANCHOR
from studyreader.ui.fonts import families_with_chinese

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
_DATA_IMAGE = re.compile(r'src="(data:image/[\w.+-]+;base64,([A-Za-z0-9+/=]+))"')
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
RESOLUTION = 96  # the HTML's pixel sizes map to the page as they would on screen
# On paper the page margins already frame the text: the body's screen margins would only narrow the columns.
PRINT_STYLE = "<style>body { margin: 0; max-width: none; }</style>\n"


def _application() -> QGuiApplication:
    """Qt's application object: the window's, or one for the command line (offscreen is enough)."""
    app = QGuiApplication.instance()
    return app if app is not None else QGuiApplication(["studyreader-export"])


def _document(html: str, width: float, app) -> QTextDocument:
    document = QTextDocument()
    font = QFont(app.font())
    font.setFamilies(families_with_chinese(font.family()))
    document.setDefaultFont(font)
    for match in _DATA_IMAGE.finditer(html):
        image = QImage.fromData(QByteArray(base64.b64decode(match.group(2))))
        if not image.isNull():
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(match.group(1)), image)
    document.setHtml(html.replace("</head>", PRINT_STYLE + "</head>", 1))
    document.setTextWidth(width)
    return document


def page_labels(document: QTextDocument, page_height: float, pages: int) -> list[str]:
    """For each page, the date of the entry its first line belongs to ('' when there is none)."""
    marks: list[tuple[int, str]] = []  # (position of the block holding the anchor, label)
    firsts: list[tuple[float, int] | None] = [None] * pages  # per page: (top, position) of its first line
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            for name in fragments.fragment().charFormat().anchorNames():
                if name.startswith(ENTRY_ANCHOR):
                    marks.append((block.position(), name[len(ENTRY_ANCHOR):]))
                elif name == APPENDIX_ANCHOR:
                    marks.append((block.position(), ""))
            fragments += 1
        lines = block.layout()
        if lines.lineCount():
            top = layout.blockBoundingRect(block).top()
            for number in range(lines.lineCount()):
                line = lines.lineAt(number)
                y = top + line.y()
                page = min(pages - 1, max(0, int(y // page_height)))
                here = (y, block.position() + line.textStart())
                if firsts[page] is None or here < firsts[page]:
                    firsts[page] = here
        block = block.next()
    positions = [position for position, _ in marks]
    labels = []
    for first in firsts:
        at = bisect.bisect_right(positions, first[1]) - 1 if first is not None else -1
        labels.append(marks[at][1] if at >= 0 else "")
    return labels


def paint_page(painter: QPainter, document: QTextDocument, number: int, pages: int, header: tuple[str, str],
               body: QSizeF, band: float) -> None:
    """Page ``number`` (from 0): the running header (title, entry date), the slice of the document, the
    page number."""
    title, label = header
    small = QFont(document.defaultFont())
    small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
    painter.setFont(small)
    metrics = QFontMetricsF(small)
    room = body.width() - (metrics.horizontalAdvance(label) + metrics.averageCharWidth() * 3 if label else 0)
    painter.drawText(QRectF(0, 0, body.width(), band), Qt.AlignmentFlag.AlignLeft,
                     metrics.elidedText(title, Qt.TextElideMode.ElideMiddle, room))
    if label:
        painter.drawText(QRectF(0, 0, body.width(), band), Qt.AlignmentFlag.AlignRight, label)
    painter.save()
    painter.setPen(QPen(QColor("#9ca3af"), 0.75))
    rule = min(band - 4.0, metrics.height() + 4.0)
    painter.drawLine(QPointF(0, rule), QPointF(body.width(), rule))
    painter.restore()
    painter.drawText(QRectF(0, band + body.height(), body.width(), band),
                     Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignBottom, f"{number + 1} / {pages}")
    painter.save()
    painter.translate(0, band - number * body.height())
    document.drawContents(painter, QRectF(0, number * body.height(), body.width(), body.height()))
    painter.restore()


def html_to_pdf(html: str, page: str = "a4") -> bytes:
    """The PDF bytes of ``html`` on ``page`` (``a4`` or ``letter``): paginated, running header, page numbers."""
    import html as html_module

    app = _application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES[page]), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    title_match = _TITLE.search(html)
    title = html_module.unescape(title_match.group(1)) if title_match else ""
    writer.setTitle(title)
    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    band = 28.0  # header and footer height, in pixels
    body = QSizeF(area.width(), area.height() - 2 * band)
    document = _document(html, body.width(), app)
    document.setPageSize(body)
    pages = max(1, document.pageCount())
    labels = page_labels(document, body.height(), pages)
    painter = QPainter(writer)
    try:
        for number in range(pages):
            if number:
                writer.newPage()
            paint_page(painter, document, number, pages, (title, labels[number]), body, band)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data())
