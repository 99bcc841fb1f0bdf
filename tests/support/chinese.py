"""What a text shown in the Chinese interface must be: Chinese words around the names it quotes."""

from __future__ import annotations

import re

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_WORDS = re.compile(r"\b[A-Za-z]{2,}(?:\s+[a-z]{2,}){2,}\b")  # three English words in a row


def assert_chinese(text: str, *names: str) -> None:
    """Chinese words, every name quoted (a path, a marker), and no English sentence besides them."""
    assert CJK.search(text), text
    rest = text
    for name in names:
        assert name in text, (name, text)
        rest = rest.replace(name, "")
    assert not ENGLISH_WORDS.search(rest), text
