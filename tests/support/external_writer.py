"""Another program rewriting a notes file while StudyReader saves it (run as a process).

It takes no StudyReader lock. Like any careful tool (a sync client, an editor's save) it
replaces the file only if it is still the version it read, otherwise it reads again: a
writer that does not even check would lose anyone's edits, which no lock can prevent.
Usage: ``python -m tests.support.external_writer FILE STOP_FILE``; prints how many edits it made.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from studyreader.notes.atomic import read_regular_file, replace_if_unchanged


def main(path: Path, stop: Path) -> int:
    count = 0
    generator = random.Random(12)
    while not stop.exists() or count < 20:
        data, version = read_regular_file(path)
        edit = data + f"EXTERNAL-EDIT-{count}\n".encode()
        if replace_if_unchanged(path, edit, version):
            count += 1
            time.sleep(generator.uniform(0.003, 0.03))  # a busy tool; a git pull is far rarer
    print(count)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
