"""The export as Markdown: the notes' own Markdown, each translated block followed by its English
as a blockquote; code and HTML blocks stay as they are, untranslated."""

from __future__ import annotations

from studyreader.export.core import NO_MODEL_NOTE, UNTRANSLATED_KINDS, ExportDocument


def quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.strip("\n").splitlines())


def build_markdown(document: ExportDocument) -> str:
    parts: list[str] = []
    if not document.translated:
        parts.append(f"> {NO_MODEL_NOTE}")
    for block, english in zip(document.blocks, document.english):
        parts.append(block.source.rstrip("\n"))
        if english and block.kind not in UNTRANSLATED_KINDS and english.strip() != block.source.strip():
            parts.append(quoted(english))
    return "\n\n".join(parts) + "\n"
