"""What the window shows per day: the bot's verdict as one of a few kinds, with its reason in words.

The entry list, the programme strip and the start-up cache all take their marks from here, so they
never disagree. Inside a programme the kinds are the bot's cells (done, missed, eliminated, blank);
outside one there is nothing to miss or be eliminated from: an entry only counts or does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from studyreader.messages import Message
from studyreader.programme.status import Status
from studyreader.programme.verdicts import BLANK, DONE, ELIMINATED, MISSED

# The kinds a mark can be (the window draws an icon for each):
DONE_KIND, MISSED_KIND, ELIMINATED_KIND = "done", "missed", "eliminated"
PENDING_KIND = "pending"  # not judged yet (today, a later day)
OUT_KIND = "out"  # blank after the row's ❌
COUNTS_KIND, NOCOUNT_KIND = "counts", "nocount"  # outside a programme: the entry counts, or would not
KINDS = (DONE_KIND, MISSED_KIND, ELIMINATED_KIND, PENDING_KIND, OUT_KIND, COUNTS_KIND, NOCOUNT_KIND)

_BY_CELL = {DONE: DONE_KIND, MISSED: MISSED_KIND, ELIMINATED: ELIMINATED_KIND}
CELL_WORDS = {DONE: "done", MISSED: "missed", ELIMINATED: "eliminated", BLANK: "blank"}


@dataclass(frozen=True)
class DayMark:
    date: date
    kind: str  # one of KINDS
    reason: Message  # the rule and the days it rests on, in words (no emoji)
    published: str | None = None  # the bot's table says otherwise, in words: it changes on the next run

    @property
    def verdict(self) -> str:
        return self.kind


def marks_for(status: Status) -> list[DayMark]:
    """One mark per programme day (inside a programme) or per dated entry (outside one)."""
    if not status.in_programme:
        marks = []
        for verdict in status.verdicts:
            kind = COUNTS_KIND if verdict.mark == DONE else (PENDING_KIND if verdict.mark == BLANK else NOCOUNT_KIND)
            marks.append(DayMark(verdict.date, kind, verdict.reason))
        return marks
    row = status.programme.row if status.programme is not None else None
    marks = []
    for verdict in status.verdicts:
        kind = _BY_CELL.get(verdict.mark) or (OUT_KIND if verdict.verdict == "eliminated" else PENDING_KIND)
        published = row.mark_for(verdict.date) if row is not None else None
        differs = None
        if published is not None and published != verdict.mark:
            differs = CELL_WORDS.get(published, published)
        marks.append(DayMark(verdict.date, kind, verdict.reason, differs))
    return marks


def marks_by_date(status: Status | None) -> dict[date, DayMark]:
    return {mark.date: mark for mark in marks_for(status)} if status is not None else {}
