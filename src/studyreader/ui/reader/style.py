"""The reader's colours and style sheet (worked out from the current palette, light or dark) and its images."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPalette

from studyreader.render.images import MAX_IMAGE_SIDE, capped_size
from studyreader.ui.fonts import SIMPLIFIED_CHINESE_MONO_FAMILIES, css_font_family


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``amount`` of the way from colour ``a`` to colour ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


@dataclass(frozen=True)
class ReaderColours:
    """Every colour the reader's HTML uses, as ``#rrggbb`` names."""

    text: str
    under: str  # the English line of the interleaved mode
    muted: str
    link: str
    term_bg: str
    miss_bg: str
    rule: str
    code_bg: str
    heading_bg: str
    sentence_bg: str  # a sentence and its translation, lit together

    @classmethod
    def from_palette(cls, palette: QPalette) -> ReaderColours:
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        dark = base.lightness() < 128
        return cls(
            text=text.name(),
            under=mix(text, base, 0.2).name(),
            muted=mix(text, base, 0.55).name(),
            link=palette.color(QPalette.ColorRole.Link).name(),
            term_bg=(QColor(66, 74, 50) if dark else QColor(250, 243, 218)).name(),
            miss_bg=(QColor(120, 60, 50) if dark else QColor(250, 214, 204)).name(),
            rule=mix(text, base, 0.85).name(),
            code_bg=mix(text, base, 0.93).name(),
            heading_bg=mix(text, base, 0.94).name(),
            sentence_bg=(QColor(38, 62, 92) if dark else QColor(219, 234, 252)).name(),
        )


def style_sheet(c: ReaderColours) -> str:
    """The document's default style sheet: every text colour is set, none is left to Qt's default."""
    mono = css_font_family("monospace", SIMPLIFIED_CHINESE_MONO_FAMILIES)  # Chinese in code, too
    return f"""
        p, ul, ol, blockquote, pre, table.inner, h1, h2, h3, h4, h5, h6 {{ margin-top: 0px; margin-bottom: 4px; }}
        h1 {{ font-size: x-large; }} h2 {{ font-size: large; }} h3 {{ font-size: medium; }}
        td.zh, td.en, td.solo {{ color: {c.text}; }}
        td.under {{ padding-left: 18px; color: {c.under}; }}
        td.zh {{ border-right: 1px solid {c.rule}; }}
        p.placeholder {{ color: {c.muted}; }}
        p.miss, p.sr-note {{ color: {c.muted}; font-size: small; }}
        a {{ color: {c.link}; }}
        a.term {{ color: {c.text}; text-decoration: none; background-color: {c.term_bg}; }}
        a.term-miss {{ color: {c.text}; text-decoration: none; background-color: {c.miss_bg}; }}
        span.sr-placeholder {{ color: {c.muted}; font-size: small; }}
        code {{ background-color: {c.code_bg}; font-family: {mono}; }}
        pre {{ background-color: {c.code_bg}; font-family: {mono}; white-space: pre-wrap; }}
        th {{ background-color: {c.code_bg}; }}
        table.md td, table.md th {{ padding-top: 0px; padding-bottom: 3px; padding-left: 4px; padding-right: 8px; }}
    """


_PLACEHOLDER: QImage | None = None


def placeholder_image() -> QImage:
    """The small grey box shown instead of any image that may not be loaded."""
    global _PLACEHOLDER
    if _PLACEHOLDER is None:
        image = QImage(24, 18, QImage.Format.Format_ARGB32)
        image.fill(QColor(200, 200, 200))
        painter = QPainter(image)
        painter.setPen(QColor(140, 140, 140))
        painter.drawRect(0, 0, 23, 17)
        painter.drawLine(0, 0, 23, 17)
        painter.drawLine(0, 17, 23, 0)
        painter.end()
        _PLACEHOLDER = image
    return _PLACEHOLDER


def decode_image(data: bytes, max_width: int = MAX_IMAGE_SIDE) -> QImage | None:
    """An image file's bytes as a QImage at most ``max_width`` wide and MAX_IMAGE_SIDE high (None: not an image).

    The size is read first and the image decoded straight to the smaller size, so that an
    image (or an SVG) that says it is enormous never takes the memory its size would need.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    if not buffer.open(QIODevice.OpenModeFlag.ReadOnly):
        return None
    reader = QImageReader(buffer)
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        return None
    width, height = capped_size(size.width(), size.height(), MAX_IMAGE_SIDE)
    if width > max_width > 0:
        width, height = max_width, max(1, round(height * max_width / width))
    reader.setScaledSize(QSize(width, height))
    image = reader.read()
    return None if image.isNull() else image
