"""Chinese text in Chinese glyph forms, whatever the system's language.

Chinese, Japanese and Korean share code points for many characters whose
preferred glyphs differ (骨, 直, 角 ...). Without a hint, Qt's fallback for Han
characters follows the locale: outside a Chinese locale it can pick a Japanese
font (on Linux with Noto CJK: "Noto Sans CJK JP"). The notes are Simplified
Chinese, so the fonts below, the Simplified Chinese faces of macOS, Windows and
the common Linux families, are listed after the interface's own font: Latin
text keeps that font, Chinese text gets a Chinese one. Families a system does not
have are skipped by Qt. Plain Python: no Qt here.
"""

from __future__ import annotations

SIMPLIFIED_CHINESE_FAMILIES = (
    "PingFang SC",  # macOS
    "Microsoft YaHei",  # Windows
    "Noto Sans CJK SC",  # Linux (fonts-noto-cjk)
    "Source Han Sans SC",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
)
SIMPLIFIED_CHINESE_MONO_FAMILIES = ("Noto Sans Mono CJK SC", *SIMPLIFIED_CHINESE_FAMILIES)


def families_with_chinese(primary: str, chinese: tuple[str, ...] = SIMPLIFIED_CHINESE_FAMILIES) -> list[str]:
    """``primary`` first (Latin text), then the Chinese families it does not already name."""
    return [primary, *(family for family in chinese if family != primary)]


def css_font_family(primary: str, chinese: tuple[str, ...] = SIMPLIFIED_CHINESE_FAMILIES) -> str:
    """The same list for a style sheet's ``font-family`` (a generic name like monospace unquoted)."""
    generic = {"serif", "sans-serif", "monospace", "cursive", "fantasy"}
    return ", ".join(name if name in generic else f'"{name}"' for name in families_with_chinese(primary, chinese))
