"""Run the command line in a child process and see which modules it imported."""

from __future__ import annotations

import subprocess
import sys

_CHILD = """
import json, sys
from studyreader.cli import main
try:
    code = main(sys.argv[2:])
except SystemExit as stop:
    code = stop.code
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(sorted(sys.modules), out)
sys.exit(code)
"""


def run_cli(args: list[str], folder) -> tuple[subprocess.CompletedProcess, set[str]]:
    """``studyreader ARGS`` in a fresh interpreter: its result and the names in its ``sys.modules``."""
    import json

    listing = folder / "modules.json"
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(listing), *args], capture_output=True, text=True, timeout=60
    )
    return result, set(json.loads(listing.read_text(encoding="utf-8")))
