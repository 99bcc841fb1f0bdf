"""Term review: cards from the glossary terms of the user's notes, scheduled with FSRS, exported to Anki.

No Qt here. The window's review dialog drives a :class:`ReviewSession` over a
:class:`ReviewStore` (``review.sqlite3`` in the data folder); ``studyreader
review status|export`` use the same objects. fsrs and genanki are imported only
when a card is graded or a deck written.
"""

from studyreader.review.cards import CardFace, Direction, Sighting, card_face, directions_for, find_sightings
from studyreader.review.database import ReviewDatabaseError, default_db_path
from studyreader.review.session import (
    AGAIN,
    DEFAULT_BACKLOG_PER_DAY,
    DEFAULT_NEW_PER_DAY,
    EASY,
    GOOD,
    HARD,
    ReviewCard,
    ReviewSession,
    ReviewSummary,
    record_study_time,
    sync_notes,
)
from studyreader.review.store import ReviewStatus, ReviewStore, StoredCard, SyncResult

__all__ = [
    "AGAIN",
    "DEFAULT_BACKLOG_PER_DAY",
    "DEFAULT_NEW_PER_DAY",
    "EASY",
    "GOOD",
    "HARD",
    "CardFace",
    "Direction",
    "ReviewCard",
    "ReviewDatabaseError",
    "ReviewSession",
    "ReviewStatus",
    "ReviewStore",
    "ReviewSummary",
    "Sighting",
    "StoredCard",
    "SyncResult",
    "card_face",
    "default_db_path",
    "directions_for",
    "find_sightings",
    "record_study_time",
    "sync_notes",
]
