"""Which local images the reader may show, and their bytes. Plain Python: no Qt here.

Only the notes file's own folder may be read: an image is loaded when its
address names a regular file inside that folder (no ``..``, no symlink that
leads out, no device file or FIFO, nothing larger than :data:`MAX_IMAGE_BYTES`).
An SVG may refer to other files or devices itself (``<image href="/dev/stdin">``,
``xlink:href`` to a file outside, entities, style sheets): an SVG with any
reference that is not to a part of itself is refused.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from urllib.parse import unquote, urlsplit

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg"}
MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_IMAGE_SIDE = 640  # pixels: wider or taller images are shown smaller (the reader also fits its column)
MAX_ATTRIBUTE_SIDE = 320  # a larger width/height attribute is dropped: the image keeps its own (capped) size

# In an SVG: an attribute that names another resource, unless it points inside the SVG ("#id").
# Compiled on first use (re keeps them): most starts show no SVG.
_SVG_HREF = r"""(?i)\b(?:xlink:)?href\s*=\s*(["'])\s*(?!#)"""
_SVG_URL = r"""(?i)url\(\s*(["']?)\s*(?!#)"""
_SVG_FORBIDDEN = r"(?i)<!DOCTYPE|<!ENTITY|<\?xml-stylesheet|@import|<foreignObject|<script"


def local_image_path(src: str, base_dir: Path | None) -> Path | None:
    """The file ``src`` names when it is an image inside ``base_dir`` (or below) and a regular file."""
    if base_dir is None or not src:
        return None
    try:
        parts = urlsplit(src.strip())
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("", "file") or (scheme == "file" and parts.netloc not in ("", "localhost")):
        return None
    raw = unquote(parts.path)
    if not raw or "\0" in raw or ".." in Path(raw).parts:
        return None
    try:
        base = base_dir.resolve()
        candidate = Path(raw)
        resolved = (candidate if candidate.is_absolute() else base / candidate).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    if not resolved.is_relative_to(base) or resolved.suffix.lower() not in IMAGE_SUFFIXES:
        return None
    try:
        info = os.stat(resolved)
    except (OSError, ValueError):
        return None
    return resolved if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_IMAGE_BYTES else None


def svg_is_self_contained(data: bytes) -> bool:
    """True when an SVG refers to nothing outside itself (no files, devices, entities or style sheets)."""
    text = data.decode("utf-8", errors="replace")
    return not any(re.search(pattern, text) for pattern in (_SVG_FORBIDDEN, _SVG_HREF, _SVG_URL))


def read_local_image(src: str, base_dir: Path | None) -> bytes | None:
    """The bytes of a local image the reader may show, or None.

    The file is opened without following a last-moment symlink and without
    blocking (a file swapped for a FIFO), and is checked again once open.
    """
    path = local_image_path(src, base_dir)
    if path is None:
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_IMAGE_BYTES:
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(MAX_IMAGE_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    if len(data) > MAX_IMAGE_BYTES:
        return None
    if path.suffix.lower() == ".svg" and not svg_is_self_contained(data):
        return None
    return data


def capped_size(width: int, height: int, limit: int = MAX_IMAGE_SIDE) -> tuple[int, int]:
    """``width`` x ``height`` scaled down (keeping its shape) so that neither side exceeds ``limit``."""
    if width <= 0 or height <= 0:
        return 0, 0
    scale = min(1.0, limit / width, limit / height)
    return max(1, round(width * scale)), max(1, round(height * scale))
