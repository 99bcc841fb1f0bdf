"""A review session: which card comes next, grading it through fsrs, undo, and the time it took.

Reviews due now come first; then new cards within the day's limits; then cards in
a learning step due later today within ``learn_ahead`` (so a card graded Again
comes back before the session ends instead of waiting in an empty dialog). The
clock is injected: tests and the dialog drive the same object.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING

from studyreader.review.cards import CardFace, Sighting, card_face, directions_for, find_sightings
from studyreader.review.store import ReviewStatus, ReviewStore, StoredCard, SyncResult, pick_new

if TYPE_CHECKING:  # pragma: no cover
    import fsrs

    from studyreader.glossary import Glossary
    from studyreader.notes import Notes
    from studyreader.study.log import StudyLog

DEFAULT_NEW_PER_DAY = 10
DEFAULT_BACKLOG_PER_DAY = 5
DEFAULT_LEARN_AHEAD = timedelta(minutes=20)

# The grades, as the keys 1-4 of the dialog give them (fsrs.Rating values).
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def default_scheduler() -> fsrs.Scheduler:
    """fsrs's scheduler with its default parameters (90% desired retention)."""
    import fsrs

    return fsrs.Scheduler()


def sync_notes(
    store: ReviewStore, notes: Notes, glossary: Glossary, *, today: date | None = None, now_ts: float | None = None
) -> SyncResult:
    """Give every glossary term the notes mention its cards (and suspend those of hidden or removed terms)."""
    day = notes.today() if today is None else today
    return store.sync(find_sightings(notes, glossary), glossary, today=day, notes_path=notes.path, now_ts=now_ts)


@dataclass(frozen=True)
class ReviewCard:
    """The card the dialog shows: the stored card and its face (prompt, answer, back data)."""

    stored: StoredCard
    face: CardFace

    @property
    def key(self) -> tuple[str, str]:
        return self.stored.term_id, self.stored.direction.value

    @property
    def is_new(self) -> bool:
        return self.stored.is_new


@dataclass(frozen=True)
class ReviewSummary:
    """A session as study time: from the first card shown to the last grade, and how many grades."""

    start_ts: float
    end_ts: float
    reviews: int
    notes_path: str | None = None
    tz_name: str = ""

    @property
    def seconds(self) -> float:
        return max(0.0, self.end_ts - self.start_ts)


@dataclass
class ReviewSession:
    """One sitting of reviews. ``next_card`` → show → ``grade`` (or ``undo``) → ``next_card`` ...

    ``tz`` is the notes' zone (which day a review belongs to), ``lang`` the interface
    language for definition cards. ``sightings`` (from :func:`find_sightings`) give the
    example sentence as the notes are now; without them the stored one is shown.
    """

    store: ReviewStore
    glossary: Glossary
    tz: tzinfo
    lang: str = "en"
    clock: Callable[[], datetime] = utc_now
    scheduler: fsrs.Scheduler | None = None
    new_per_day: int = DEFAULT_NEW_PER_DAY
    backlog_per_day: int = DEFAULT_BACKLOG_PER_DAY
    learn_ahead: timedelta = DEFAULT_LEARN_AHEAD
    sightings: list[Sighting] | None = None
    notes_path: str | os.PathLike[str] | None = None
    tz_name: str = ""
    current: ReviewCard | None = field(default=None, init=False)
    _graded: list[tuple[int, int]] = field(default_factory=list, init=False, repr=False)  # (review id, card id)
    _shown_at: float | None = field(default=None, init=False, repr=False)
    _start_ts: float | None = field(default=None, init=False, repr=False)
    _end_ts: float | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.scheduler is None:
            self.scheduler = default_scheduler()
        self._by_term = {s.term_id: s for s in self.sightings or ()}

    # -- the queue -----------------------------------------------------------------
    def today(self) -> date:
        return self.clock().astimezone(self.tz).date()

    def next_card(self) -> ReviewCard | None:
        """The card to show now (also kept in ``current``), or None when nothing is left today."""
        now = self.clock()
        stored = self._pick(now)
        self.current = self._view(stored) if stored is not None else None
        self._shown_at = time.monotonic() if stored is not None else None
        if stored is not None and self._start_ts is None:
            self._start_ts = now.timestamp()
        return self.current

    def _pick(self, now: datetime) -> StoredCard | None:
        due = [c for c in self.store.due_cards(now) if self._usable(c)]
        if due:
            return due[0]
        today = now.astimezone(self.tz).date()
        new = pick_new(
            [c for c in self.store.new_cards(today) if self._usable(c)],
            self.store,
            today,
            new_per_day=self.new_per_day,
            backlog_per_day=self.backlog_per_day,
        )
        if new:
            return new[0]
        end_of_today = datetime(today.year, today.month, today.day, tzinfo=self.tz) + timedelta(days=1)
        ahead = self.store.due_cards(min(now + self.learn_ahead, end_of_today))
        learning = [c for c in ahead if c.state != 2 and self._usable(c)]
        return learning[0] if learning else None

    def _usable(self, card: StoredCard) -> bool:
        """Whether the glossary still gives this card (a term hidden or edited since the last sync may not)."""
        term = self.glossary.get(card.term_id)
        return term is not None and card.direction in directions_for(term)

    def status(self) -> ReviewStatus:
        """Today's counts under this session's limits (the dialog's header, the count beside the timer)."""
        return self.store.status(
            self.clock(), self.tz, new_per_day=self.new_per_day, backlog_per_day=self.backlog_per_day
        )

    def _view(self, stored: StoredCard) -> ReviewCard:
        term = self.glossary.get(stored.term_id)
        if term is None:
            raise LookupError(f"term {stored.term_id!r} is not in the glossary this session was given")
        sighting = self._by_term.get(stored.term_id)
        face = card_face(
            term,
            stored.direction,
            sighting,
            lang=self.lang,
            example=stored.sentence,
            example_day=stored.first_seen,
            example_line=stored.line,
        )
        return ReviewCard(stored, face)

    # -- grading -------------------------------------------------------------------
    def grade(self, rating: int) -> StoredCard:
        """Grade the current card (1 Again, 2 Hard, 3 Good, 4 Easy); committed before this returns."""
        if self.current is None:
            raise RuntimeError("no card is shown: call next_card() first")
        now = self.clock()
        duration = int((time.monotonic() - self._shown_at) * 1000) if self._shown_at is not None else None
        assert self.scheduler is not None
        card, record = self.store.grade(
            self.current.stored.id,
            rating,
            when=now,
            day=now.astimezone(self.tz).date(),
            scheduler=self.scheduler,
            duration_ms=duration,
        )
        self._graded.append((record.id, card.id))
        self._end_ts = now.timestamp()
        self.current = None
        return card

    @property
    def can_undo(self) -> bool:
        """Whether this session's last grade is still the newest in the database."""
        if not self._graded:
            return False
        last = self.store.last_review()
        return last is not None and last.id == self._graded[-1][0]

    def undo(self) -> ReviewCard | None:
        """Take back this session's last grade; that card is shown again (and returned). None if nothing to undo."""
        if not self.can_undo:
            return None
        self._graded.pop()
        restored = self.store.undo_last()
        assert restored is not None
        self.current = self._view(restored)
        self._shown_at = time.monotonic()
        return self.current

    @property
    def reviews(self) -> int:
        """Grades given in this session (undone ones not counted)."""
        return len(self._graded)

    def summary(self) -> ReviewSummary | None:
        """The session as study time, or None when nothing was graded."""
        if not self._graded or self._start_ts is None or self._end_ts is None:
            return None
        path = os.fspath(self.notes_path) if self.notes_path is not None else None
        return ReviewSummary(self._start_ts, self._end_ts, len(self._graded), path, self.tz_name)


def record_study_time(log: StudyLog, summary: ReviewSummary | None) -> int | None:
    """Write a review session into the study log as a finished session of kind "review"; returns its id.

    None when nothing was graded. Call it when the dialog closes, and not while the study timer
    runs (the minutes would count twice).
    """
    if summary is None or summary.reviews == 0 or summary.seconds <= 0:
        return None
    session_id = log.begin_session(summary.notes_path, summary.tz_name, summary.start_ts, kind="review")
    log.finish_session(session_id, summary.end_ts, summary.seconds, summary.start_ts)
    return session_id
