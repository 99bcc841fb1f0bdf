"""Loading a large user glossary is linear in its size (issue 12, item 13: 4 MB took 9.6 s)."""

from __future__ import annotations

import time

from studyreader.glossary.termbase import load_glossary
from tests.support.hostile import user_glossary


def load_time(path) -> float:
    started = time.process_time()
    glossary = load_glossary(user_file=path)
    assert glossary.lookup("UT7").id == "user-term-7"  # the lookup the issue timed
    return time.process_time() - started


def test_a_large_user_glossary_loads_in_linear_time(tmp_path):
    small, large = tmp_path / "small.toml", tmp_path / "large.toml"
    small.write_text(user_glossary(2500), encoding="utf-8")
    large.write_text(user_glossary(10_000), encoding="utf-8")  # about 2.6 MB
    load_time(small)
    ratio = load_time(large) / load_time(small)
    assert ratio < 6.0, f"4x the terms took {ratio:.1f}x the time"  # linear: about 4


def test_problems_still_name_the_right_line(tmp_path):
    path = tmp_path / "glossary.toml"
    path.write_text(user_glossary(300) + '[[term]]\nid = "Bad Id"\nen = "x"\n', encoding="utf-8")
    glossary = load_glossary(user_file=path)
    lines = path.read_text(encoding="utf-8").splitlines()
    bad = [w for w in map(str, glossary.warnings) if "Bad Id" in w]
    assert len(bad) == 1
    line = int(bad[0].split("line ")[1].split(":")[0])
    assert lines[line - 1] == "[[term]]" and lines[line] == 'id = "Bad Id"'
