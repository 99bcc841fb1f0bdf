"""The append property, checked the same way for generated files and the real corpus."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from studyreader.notes import append_entry, parse_notes
from studyreader.notes.encoding import decode_notes
from studyreader.notes.writer import normalise_entry_text


def insertion_window(old: str, new: str) -> tuple[int, int, str]:
    """If ``new`` is ``old`` with one contiguous run inserted, the offsets where it can sit and the run."""
    assert len(new) > len(old), "nothing was inserted"
    prefix = 0
    limit = len(old)
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < len(old) - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    assert prefix + suffix == len(old), "the file changed in more than one place"
    run_length = len(new) - len(old)
    # every offset in [len(old) - suffix, prefix] is a valid insertion point
    low = len(old) - suffix
    return low, prefix, new[low : low + run_length]


def check_append(path: Path, text: str, day: date) -> None:
    old_bytes = path.read_bytes()
    old = decode_notes(old_bytes, path)
    before = parse_notes(old.text, path)
    target_before = before.entry_for(day)
    result = append_entry(path, text, date=day)
    new_bytes = path.read_bytes()
    new = decode_notes(new_bytes, path)
    assert new.bom == old.bom
    assert new_bytes.startswith(old_bytes[:3]) if old.bom else True
    low, high, run = insertion_window(old.text, new.text)
    region = before.region
    assert region is not None
    assert max(low, region.start) <= min(high, region.end), "the insertion is outside the content region"
    if before.line_ending == "\r\n":
        assert run.count("\n") == run.count("\r\n"), "line endings of the insertion do not follow the file"
    elif "\r\n" not in old.text:
        assert "\r" not in run
    after = parse_notes(new.text, path)
    body = normalise_entry_text(text, before.line_ending)
    target_after = after.entry_for(day)
    assert target_after is not None and body in target_after.content
    assert result.date == day and result.line == target_after.line
    assert result.created == (target_before is None)

    def shape(entries, skip):
        return [(e.date, e.heading, e.content.rstrip()) for e in entries if e is not skip]

    if target_before is None:
        assert len(after.entries) == len(before.entries) + 1
        assert shape(after.entries, target_after) == shape(before.entries, None)
    else:
        assert len(after.entries) == len(before.entries)
        assert shape(after.entries, target_after) == shape(before.entries, target_before)
        insertion_window(target_before.content, target_after.content)
