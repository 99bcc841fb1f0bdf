"""Kill a process in the middle of saving, many times: the file is always a whole version."""

from __future__ import annotations

import random
import re
import signal
import subprocess
import sys
import time
from datetime import date

from studyreader.notes import parse_notes
from studyreader.notes.writer import plan_append

BASE = "---\ntimezone: Asia/Shanghai\n---\n<!-- Content_START -->\n### 2025.01.06\n第一天\n<!-- Content_END -->\n"
DAY = date(2025, 1, 7)
CHILD = """
import sys
from datetime import date
from studyreader.notes import append_entry
path = sys.argv[1]
print("ready", flush=True)
for i in range(1, 5000):
    append_entry(path, f"第 {i} 次保存 " + "欺诈证明与挑战期。" * 30, date=date(2025, 1, 7))
"""


def text_for(i: int) -> str:
    return f"第 {i} 次保存 " + "欺诈证明与挑战期。" * 30


def test_killed_saves_leave_the_old_or_the_new_version(tmp_path):
    rng = random.Random(20250106)
    versions = [BASE]

    def version(k: int) -> str:
        while len(versions) <= k:
            notes = parse_notes(versions[-1])
            versions.append(plan_append(notes, text_for(len(versions)), DAY).apply(versions[-1]))
        return versions[k]

    saves_seen = []
    for round_ in range(16):
        path = tmp_path / f"notes-{round_}.md"
        path.write_text(BASE, encoding="utf-8")
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.02, 0.25))
        child.send_signal(signal.SIGKILL)
        child.wait()
        data = path.read_bytes()
        text = data.decode("utf-8")  # never a torn multi-byte character
        numbers = [int(n) for n in re.findall(r"第 (\d+) 次保存", text)]
        k = len(numbers)
        assert numbers == list(range(1, k + 1))
        assert text == version(k), f"round {round_}: the file is not a whole version after {k} saves"
        saves_seen.append(k)
    print("saves before each kill:", saves_seen)
    assert max(saves_seen) > 0, "the child never saved: the test did not exercise a save"
