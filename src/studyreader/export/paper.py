"""Which paper a PDF export is laid out on when the user did not say: Letter in the countries that use
it, A4 everywhere else (and when the locale says nothing). Plain Python: no Qt."""

from __future__ import annotations

import os
from collections.abc import Mapping

PAPERS = ("a4", "letter")
# Territories whose paper is US Letter (glibc's LC_PAPER data).
LETTER_TERRITORIES = frozenset({
    "US", "CA", "MX", "PH", "PR", "CL", "CO", "VE", "CR", "GT", "SV", "NI", "PA", "DO", "BZ",
})


def paper_for_locale(name: str | None) -> str:
    """``letter`` for a locale such as ``en_US.UTF-8`` or ``es-MX``, else ``a4`` (also for C/POSIX)."""
    if not name:
        return "a4"
    base = name.split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    territory = base.split("_", 1)[1].upper() if "_" in base else ""
    return "letter" if territory in LETTER_TERRITORIES else "a4"


def default_paper(environ: Mapping[str, str] | None = None, fallback: str | None = None) -> str:
    """The paper of the locale: ``LC_ALL``, else ``LC_PAPER``, else ``LANG`` (POSIX order); when none is
    set, the locale name ``fallback`` (the window passes the system locale: macOS and Windows set none)."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        if env.get(variable):
            return paper_for_locale(env[variable])
    return paper_for_locale(fallback)
