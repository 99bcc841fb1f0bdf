"""Pausing Python's cyclic garbage collector around work that makes many small acyclic objects."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; collecting resumes after it if it ran before.

    Parsing a notes file or matching the glossary over it makes tens of thousands of small objects
    that hold no cycles; the collector's passes over them (young ones every 700 allocations, full
    ones over everything the app holds) cost more than the work itself and made 2 MB cost more
    than twice 1 MB. Whatever cyclic garbage is made meanwhile is collected afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
