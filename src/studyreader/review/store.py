"""The review state: which terms have cards, each card's fsrs state, every grade given.

Each grade is one transaction (the card's new state and the review row
together), so a crash loses at most the grade being written. Undo restores the
card's state from its last review row and deletes that row, also in one
transaction. Which cards exist follows the notes and the glossary through
:meth:`ReviewStore.sync`; a card is never deleted, only suspended, so a term
that comes back keeps its history.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from studyreader import storage
from studyreader.messages import Message, message
from studyreader.review.cards import Direction, Sighting, directions_for
from studyreader.review.database import (
    ReviewDatabaseError,
    default_db_path,
    open_database,
    open_memory,
    reported,
)

if TYPE_CHECKING:  # pragma: no cover
    import fsrs

    from studyreader.glossary import Glossary

RETENTION_DAYS = 30
_NEW = 0
_REVIEW = 2  # fsrs.State.Review

_CARD_COLUMNS = (
    "c.id, c.term_id, c.direction, c.state, c.fsrs, c.due_ts, c.introduced_day, c.suspended,"
    " t.first_seen, t.sentence, t.line, t.notes_path"
)


@dataclass(frozen=True)
class StoredCard:
    """One card as stored: its key (term id + direction), fsrs state and the term's first sighting."""

    id: int
    term_id: str
    direction: Direction
    state: int  # 0 new, else fsrs.State
    fsrs: dict | None  # fsrs Card.to_dict(); None while new
    due: datetime | None  # UTC; None while new
    introduced_day: date | None
    suspended: bool
    first_seen: date
    sentence: str
    line: int | None
    notes_path: str | None

    @property
    def is_new(self) -> bool:
        return self.state == _NEW


@dataclass(frozen=True)
class SyncResult:
    """What :meth:`ReviewStore.sync` changed."""

    new_terms: tuple[str, ...]
    new_cards: int
    suspended: int  # cards suspended now (term hidden, removed, or no longer giving that direction)
    resumed: int  # cards suspended before and usable again


@dataclass(frozen=True)
class ReviewRecord:
    id: int
    card_id: int
    rating: int
    reviewed_ts: float
    day: date


class ReviewStore:
    """The review database. Open with :meth:`open`; one object per process is plenty."""

    def __init__(self, conn: sqlite3.Connection, path: Path, notices: list[Message]) -> None:
        self._conn = conn
        self.path = path
        self.notices = notices

    # -- opening -------------------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | os.PathLike[str] | None = None, *, busy_timeout: float = storage.BUSY_TIMEOUT_SECONDS
    ) -> ReviewStore:
        """Open (creating or upgrading) the database; a damaged or newer one is set aside and told in ``notices``.

        ``busy_timeout`` is how long a write waits for another program's lock."""
        target = Path(path) if path is not None else default_db_path()
        notices: list[Message] = []
        if str(target) == ":memory:":
            return cls(open_memory(), target, notices)
        return cls(open_database(target, notices, busy_timeout=busy_timeout), target, notices)

    @classmethod
    def open_or_memory(cls, path: str | os.PathLike[str] | None = None) -> ReviewStore:
        """:meth:`open`, or a store in memory when the file cannot be used now (the notice says so)."""
        try:
            return cls.open(path)
        except ReviewDatabaseError as error:
            store = cls.open(":memory:")
            store.notices.append(message("review.in_memory", error=error.message or str(error)))
            return store

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- which cards exist ---------------------------------------------------------
    def start_day(self) -> date | None:
        """The day reviewing started: terms first seen before it are the backlog."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'start_day'").fetchone()
        return date.fromisoformat(row[0]) if row else None

    def sync(
        self,
        sightings: list[Sighting],
        glossary: Glossary,
        *,
        today: date,
        notes_path: str | os.PathLike[str] | None = None,
        now_ts: float | None = None,
    ) -> SyncResult:
        """Make the cards follow the notes and the glossary: new terms get cards, gone terms are suspended.

        A term keeps its first sighting's date once known unless the notes now show an earlier one;
        the sentence and line follow the notes as they are now.
        """
        now_ts = time.time() if now_ts is None else now_ts
        path_text = str(Path(notes_path).expanduser().resolve()) if notes_path else None
        new_terms: list[str] = []
        new_cards = 0
        with reported(self.path, message("action.sync_cards")), self._conn:
            self._conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('start_day', ?)", (today.isoformat(),)
            )
            known = dict(self._conn.execute("SELECT term_id, first_seen FROM terms"))
            for sighting in sightings:
                term = glossary.get(sighting.term_id)
                if term is None:
                    continue
                day = sighting.day.isoformat()
                if sighting.term_id not in known:
                    self._conn.execute(
                        "INSERT INTO terms (term_id, first_seen, line, sentence, notes_path, added_ts, synced_ts)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (sighting.term_id, day, sighting.line, sighting.sentence, path_text, now_ts, now_ts),
                    )
                    new_terms.append(sighting.term_id)
                else:
                    self._conn.execute(
                        "UPDATE terms SET first_seen = MIN(first_seen, ?), line = ?, sentence = ?,"
                        " notes_path = COALESCE(?, notes_path), synced_ts = ? WHERE term_id = ?",
                        (day, sighting.line, sighting.sentence, path_text, now_ts, sighting.term_id),
                    )
                for direction in directions_for(term):
                    cursor = self._conn.execute(
                        "INSERT OR IGNORE INTO cards (term_id, direction) VALUES (?, ?)",
                        (sighting.term_id, direction.value),
                    )
                    new_cards += cursor.rowcount
            suspended = resumed = 0
            for card_id, term_id, direction, was_suspended in self._conn.execute(
                "SELECT id, term_id, direction, suspended FROM cards"
            ).fetchall():
                term = glossary.get(term_id)
                usable = term is not None and Direction(direction) in directions_for(term)
                if usable == bool(was_suspended):
                    self._conn.execute("UPDATE cards SET suspended = ? WHERE id = ?", (0 if usable else 1, card_id))
                    if usable:
                        resumed += 1
                    else:
                        suspended += 1
        return SyncResult(tuple(new_terms), new_cards, suspended, resumed)

    # -- reading cards -------------------------------------------------------------
    def card(self, term_id: str, direction: Direction | str) -> StoredCard | None:
        row = self._conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards c JOIN terms t USING (term_id)"
            " WHERE c.term_id = ? AND c.direction = ?",
            (term_id, Direction(direction).value),
        ).fetchone()
        return _card(row) if row else None

    def card_by_id(self, card_id: int) -> StoredCard | None:
        row = self._conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards c JOIN terms t USING (term_id) WHERE c.id = ?", (card_id,)
        ).fetchone()
        return _card(row) if row else None

    def cards(self, *, include_suspended: bool = False) -> list[StoredCard]:
        """Every card, by first sighting then direction."""
        where = "" if include_suspended else "WHERE c.suspended = 0"
        rows = self._conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards c JOIN terms t USING (term_id) {where}"
            " ORDER BY t.first_seen, t.line, c.term_id, c.direction"
        ).fetchall()
        return sorted((_card(r) for r in rows), key=lambda c: (c.first_seen, c.line or 0, c.term_id, c.direction.rank))

    def due_cards(self, until: datetime) -> list[StoredCard]:
        """Cards already introduced whose due time is at or before ``until``, earliest first."""
        rows = self._conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards c JOIN terms t USING (term_id)"
            " WHERE c.suspended = 0 AND c.state != 0 AND c.due_ts <= ? ORDER BY c.due_ts, c.id",
            (until.timestamp(),),
        ).fetchall()
        return [_card(r) for r in rows]

    def new_cards(self, today: date) -> list[StoredCard]:
        """Cards never graded, in the order they are introduced.

        Fresh terms (first seen since reviewing started, up to today) come first, oldest first,
        a day's terms one direction at a time so that siblings are spread; then the backlog,
        newest entry first.
        """
        start = self.start_day() or today
        rows = self._conn.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards c JOIN terms t USING (term_id)"
            " WHERE c.suspended = 0 AND c.state = 0 AND t.first_seen <= ?",
            (today.isoformat(),),
        ).fetchall()
        cards = [_card(r) for r in rows]

        def order(card: StoredCard):
            backlog = card.first_seen < start
            days = card.first_seen.toordinal()
            return (backlog, -days if backlog else days, card.direction.rank, card.line or 0, card.term_id)

        return sorted(cards, key=order)

    def introduced_on(self, day: date) -> tuple[int, int]:
        """How many cards had their first grade on ``day``: (all, of them from the backlog)."""
        start = (self.start_day() or day).isoformat()
        row = self._conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(t.first_seen < ?), 0) FROM cards c JOIN terms t USING (term_id)"
            " WHERE c.introduced_day = ?",
            (start, day.isoformat()),
        ).fetchone()
        return int(row[0]), int(row[1])

    # -- grading -------------------------------------------------------------------
    def grade(
        self,
        card_id: int,
        rating: int,
        *,
        when: datetime,
        day: date,
        scheduler: fsrs.Scheduler,
        duration_ms: int | None = None,
    ) -> tuple[StoredCard, ReviewRecord]:
        """Grade a card (1 Again .. 4 Easy) at ``when`` (aware); one transaction. Returns the card after."""
        import fsrs

        rating_value = fsrs.Rating(int(rating))
        moment = when.astimezone(timezone.utc)
        with reported(self.path, message("action.record_grade")), self._conn:
            row = self._conn.execute(
                "SELECT state, fsrs, due_ts, introduced_day FROM cards WHERE id = ?", (card_id,)
            ).fetchone()
            if row is None:
                raise ReviewDatabaseError(message("review.no_card", path=str(self.path), id=card_id))
            state, fsrs_json, due_ts, introduced = row
            before = fsrs.Card.from_dict(json.loads(fsrs_json)) if fsrs_json else fsrs.Card(card_id=card_id, due=moment)
            after, _log = scheduler.review_card(
                before, rating_value, review_datetime=moment, review_duration=duration_ms
            )
            cursor = self._conn.execute(
                "INSERT INTO reviews (card_id, rating, reviewed_ts, day, duration_ms,"
                " before_state, before_fsrs, before_due_ts, before_introduced_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (card_id, int(rating_value), moment.timestamp(), day.isoformat(), duration_ms,
                 state, fsrs_json, due_ts, introduced),
            )
            self._conn.execute(
                "UPDATE cards SET state = ?, fsrs = ?, due_ts = ?, introduced_day = COALESCE(introduced_day, ?)"
                " WHERE id = ?",
                (int(after.state), json.dumps(after.to_dict()), after.due.timestamp(), day.isoformat(), card_id),
            )
        record = ReviewRecord(int(cursor.lastrowid), card_id, int(rating_value), moment.timestamp(), day)
        card = self.card_by_id(card_id)
        assert card is not None
        return card, record

    def last_review(self) -> ReviewRecord | None:
        row = self._conn.execute(
            "SELECT id, card_id, rating, reviewed_ts, day FROM reviews ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return ReviewRecord(row[0], row[1], row[2], row[3], date.fromisoformat(row[4])) if row else None

    def undo_last(self) -> StoredCard | None:
        """Take back the newest grade: the card gets its state from before it. None when there is none."""
        with reported(self.path, message("action.undo_grade")), self._conn:
            row = self._conn.execute(
                "SELECT id, card_id, before_state, before_fsrs, before_due_ts, before_introduced_day"
                " FROM reviews ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if row is None:
                return None
            review_id, card_id, state, fsrs_json, due_ts, introduced = row
            self._conn.execute(
                "UPDATE cards SET state = ?, fsrs = ?, due_ts = ?, introduced_day = ? WHERE id = ?",
                (state, fsrs_json, due_ts, introduced, card_id),
            )
            self._conn.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
        return self.card_by_id(card_id)

    # -- figures -------------------------------------------------------------------
    def reviews_per_day(self, start: date, end: date) -> dict[date, int]:
        """Grades given per calendar day (of the zone they were given in), ``start``..``end`` inclusive."""
        rows = self._conn.execute(
            "SELECT day, COUNT(*) FROM reviews WHERE day >= ? AND day <= ? GROUP BY day",
            (start.isoformat(), end.isoformat()),
        )
        return {date.fromisoformat(day): int(n) for day, n in rows}

    def status(
        self, now: datetime, tz: tzinfo, *, new_per_day: int, backlog_per_day: int
    ) -> ReviewStatus:
        """The figures of ``studyreader review status`` and the count beside the timer."""
        today = now.astimezone(tz).date()
        end_of_today = datetime(today.year, today.month, today.day, tzinfo=tz) + timedelta(days=1)
        count = self._conn.execute
        due_today = count(
            "SELECT COUNT(*) FROM cards WHERE suspended = 0 AND state != 0 AND due_ts < ?",
            (end_of_today.timestamp(),),
        ).fetchone()[0]
        learned = count("SELECT COUNT(*) FROM cards WHERE suspended = 0 AND state = ?", (_REVIEW,)).fetchone()[0]
        learning = count("SELECT COUNT(*) FROM cards WHERE suspended = 0 AND state IN (1, 3)").fetchone()[0]
        suspended = count("SELECT COUNT(*) FROM cards WHERE suspended = 1").fetchone()[0]
        total = count("SELECT COUNT(*) FROM cards").fetchone()[0]
        new_cards = self.new_cards(today)
        new_today = len(pick_new(new_cards, self, today, new_per_day=new_per_day, backlog_per_day=backlog_per_day))
        since = (today - timedelta(days=RETENTION_DAYS - 1)).isoformat()
        passed, graded = count(
            "SELECT COALESCE(SUM(rating > 1), 0), COUNT(*) FROM reviews WHERE before_state = ? AND day >= ?",
            (_REVIEW, since),
        ).fetchone()
        reviews_today = count("SELECT COUNT(*) FROM reviews WHERE day = ?", (today.isoformat(),)).fetchone()[0]
        return ReviewStatus(
            day=today,
            due_today=int(due_today),
            new_today=new_today,
            new_total=len(new_cards),
            learning=int(learning),
            learned=int(learned),
            suspended=int(suspended),
            total=int(total),
            reviews_today=int(reviews_today),
            retention=(passed / graded) if graded else None,
            retention_reviews=int(graded),
        )


@dataclass(frozen=True)
class ReviewStatus:
    """Counts for one day. ``retention``: share of grades other than Again given to cards in the
    Review state over the last 30 days (None before any such grade)."""

    day: date
    due_today: int  # introduced cards due before the day ends (reviews and learning steps)
    new_today: int  # new cards that today's limits still let in
    new_total: int  # new cards waiting, whatever the limits
    learning: int
    learned: int  # cards in fsrs's Review state
    suspended: int
    total: int
    reviews_today: int
    retention: float | None
    retention_reviews: int

    def to_dict(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "due_today": self.due_today,
            "new_today": self.new_today,
            "new_total": self.new_total,
            "learning": self.learning,
            "learned": self.learned,
            "suspended": self.suspended,
            "total": self.total,
            "reviews_today": self.reviews_today,
            "retention": None if self.retention is None else round(self.retention, 4),
            "retention_reviews": self.retention_reviews,
        }


def pick_new(
    candidates: list[StoredCard], store: ReviewStore, today: date, *, new_per_day: int, backlog_per_day: int
) -> list[StoredCard]:
    """The new cards today's limits let in, in order: at most ``new_per_day`` first grades a day,
    of which at most ``backlog_per_day`` from the backlog."""
    introduced, backlog_introduced = store.introduced_on(today)
    room = max(0, new_per_day - introduced)
    backlog_room = max(0, backlog_per_day - backlog_introduced)
    start = store.start_day() or today
    out: list[StoredCard] = []
    for card in candidates:
        if len(out) >= room:
            break
        if card.first_seen < start:
            if backlog_room <= 0:
                continue
            backlog_room -= 1
        out.append(card)
    return out


def _card(row) -> StoredCard:
    card_id, term_id, direction, state, fsrs_json, due_ts, introduced, suspended, first_seen, sentence, line, path = row
    return StoredCard(
        id=card_id,
        term_id=term_id,
        direction=Direction(direction),
        state=state,
        fsrs=json.loads(fsrs_json) if fsrs_json else None,
        due=datetime.fromtimestamp(due_ts, timezone.utc) if due_ts is not None else None,
        introduced_day=date.fromisoformat(introduced) if introduced else None,
        suspended=bool(suspended),
        first_seen=date.fromisoformat(first_seen),
        sentence=sentence,
        line=line,
        notes_path=path,
    )
