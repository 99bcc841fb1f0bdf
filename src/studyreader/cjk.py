"""Chinese characters: the one definition every part uses to ask whether text is Chinese.

CJK Unified Ideographs with extension A, the compatibility ideographs and the supplementary
ideographic planes (extensions B and later). CJK punctuation (。「」), kana and full-width forms are
not ideographs: they neither make a sentence Chinese nor join characters into words.
"""

from __future__ import annotations

import re

# For character classes in patterns built elsewhere (a soft line break between Chinese characters).
IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_IDEOGRAPH = re.compile(f"[{IDEOGRAPHS}]")


def is_ideograph(ch: str) -> bool:
    """Whether the character ``ch`` is a Chinese character (the ranges of ``IDEOGRAPHS``, compared
    directly: the matcher asks this of the neighbours of every one-character mark)."""
    return (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3400" <= ch <= "\u4dbf"
        or "\uf900" <= ch <= "\ufaff"
        or "\U00020000" <= ch <= "\U0003ffff"
    )


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds at least one Chinese character."""
    return _IDEOGRAPH.search(text) is not None
