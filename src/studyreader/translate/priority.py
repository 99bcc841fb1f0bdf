"""Starting CTranslate2's threads below the window's priority.

CTranslate2's worker threads compute for seconds without the interpreter lock; on a machine with few
cores they kept the window's thread waiting for a CPU (ui_stall_bench). The Translator's constructor
starts them and, on Linux, they inherit its thread's niceness: it runs on a short-lived thread of lower
priority. The threads that run Python keep theirs (a low-priority thread holding the interpreter lock
would hold the window back instead).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable

__all__ = ["TRANSLATOR_NICENESS", "started_at_lower_priority"]

TRANSLATOR_NICENESS = 10


def started_at_lower_priority(make: Callable[[], object]):
    """``make()`` on a thread of lower priority (Linux; elsewhere here), for the threads it starts."""
    if not sys.platform.startswith("linux"):
        return make()
    outcome: dict[str, object] = {}

    def run() -> None:
        thread = threading.get_native_id()
        try:
            niceness = os.getpriority(os.PRIO_PROCESS, thread)
            os.setpriority(os.PRIO_PROCESS, thread, min(19, niceness + TRANSLATOR_NICENESS))
        except OSError:  # not allowed here (a sandbox's policy): the threads keep the normal priority
            pass
        try:
            outcome["value"] = make()
        except BaseException as error:  # noqa: BLE001 - raised again in the calling thread
            outcome["error"] = error

    starter = threading.Thread(target=run, name="studyreader-translator-start")
    starter.start()
    starter.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]
