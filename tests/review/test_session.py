"""Scheduling through fsrs on an injected clock: order of cards, daily limits, undo, suspension, study time."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import fsrs
import pytest

from studyreader.glossary import termbase
from studyreader.glossary.user import edit_term, hide_term, unhide_term
from studyreader.review import (
    AGAIN,
    EASY,
    GOOD,
    HARD,
    Direction,
    ReviewSession,
    ReviewStore,
    find_sightings,
    sync_notes,
)
from studyreader.review.session import record_study_time
from studyreader.study.log import StudyLog
from tests.review.conftest import SHANGHAI, Clock, shanghai


@pytest.fixture
def store(tmp_path):
    with ReviewStore.open(tmp_path / "review.sqlite3") as opened:
        yield opened


def session_for(store, glossary, clock, notes, **limits) -> ReviewSession:
    return ReviewSession(
        store,
        glossary,
        SHANGHAI,
        clock=clock,
        scheduler=fsrs.Scheduler(enable_fuzzing=False),
        sightings=find_sightings(notes, glossary),
        notes_path=notes.path,
        tz_name="Asia/Shanghai",
        **limits,
    )


def start(store, glossary, notes, day: date, hour: int = 21, **limits):
    clock = Clock(shanghai(day.year, day.month, day.day, hour, 0).astimezone(timezone.utc))
    sync_notes(store, notes, glossary, today=day)
    return clock, session_for(store, glossary, clock, notes, **limits)


def drain(session, rating=EASY):
    """Grade every card the session offers now; returns them in order."""
    shown = []
    while (card := session.next_card()) is not None:
        shown.append(card)
        session.grade(rating)
        assert len(shown) < 1000
    return shown


def sighted_on(notes, glossary, day: date) -> set[str]:
    return {s.term_id for s in find_sightings(notes, glossary) if s.day == day}


def test_a_term_is_new_on_the_day_it_first_appears(store, glossary, sample_notes):
    clock, session = start(store, glossary, sample_notes, date(2025, 1, 6), new_per_day=100)
    first_day = drain(session)
    assert {c.stored.term_id for c in first_day} == sighted_on(sample_notes, glossary, date(2025, 1, 6))
    assert len(first_day) == 3 * len(sighted_on(sample_notes, glossary, date(2025, 1, 6)))
    # A day's terms come one direction at a time, so a card's sibling does not follow it at once.
    ranks = [c.stored.direction.rank for c in first_day]
    assert ranks == sorted(ranks)

    clock.advance(days=1)
    sync_notes(store, sample_notes, glossary, today=date(2025, 1, 7))
    second_day = drain(session)
    assert {c.stored.term_id for c in second_day} == sighted_on(sample_notes, glossary, date(2025, 1, 7))


def test_good_comes_back_later_than_hard_and_again_today(store, glossary, sample_notes):
    clock, session = start(store, glossary, sample_notes, date(2025, 1, 6), hour=12)
    session.next_card()
    hard = session.grade(HARD)
    session.next_card()
    good = session.grade(GOOD)
    session.next_card()
    again = session.grade(AGAIN)
    assert hard.due < good.due
    end_of_day = shanghai(2025, 1, 7, 0, 0)
    assert clock.now < again.due < end_of_day
    assert again.due < hard.due
    assert again.fsrs["state"] == fsrs.State.Learning
    # The same in the Review state: two cards graduated together, then Hard and Good on their due day.
    first = session.next_card()
    a = session.grade(EASY)
    second = session.next_card()
    b = session.grade(EASY)
    assert first.key != second.key and a.due == b.due and a.state == fsrs.State.Review
    clock.now = a.due
    later_hard = store.grade(a.id, HARD, when=clock.now, day=date(2025, 1, 20), scheduler=session.scheduler)[0]
    later_good = store.grade(b.id, GOOD, when=clock.now, day=date(2025, 1, 20), scheduler=session.scheduler)[0]
    assert later_hard.due < later_good.due
    assert later_hard.due - clock.now >= timedelta(days=1)


def test_a_card_graded_again_is_shown_again_before_the_session_ends(store, glossary, sample_notes):
    clock, session = start(store, glossary, sample_notes, date(2025, 1, 6), hour=12, new_per_day=1)
    card = session.next_card()
    session.grade(AGAIN)
    again = session.next_card()  # nothing else is left today: the learning step is shown early
    assert again is not None and again.key == card.key and not again.is_new
    session.grade(EASY)
    assert session.next_card() is None
    assert session.status().due_today == 0


def test_due_reviews_come_before_new_cards(store, glossary, sample_notes):
    clock, session = start(store, glossary, sample_notes, date(2025, 1, 6), new_per_day=1)
    first = session.next_card()
    graded = session.grade(EASY)
    assert session.next_card() is None  # the day's one new card is spent
    clock.now = graded.due + timedelta(minutes=1)
    sync_notes(store, sample_notes, glossary, today=clock.now.astimezone(SHANGHAI).date())
    status = session.status()
    assert status.due_today == 1 and status.new_today == 1
    card = session.next_card()
    assert card.key == first.key and not card.is_new
    session.grade(GOOD)
    assert session.next_card().is_new


def test_the_daily_limit_of_new_cards(store, glossary, sample_notes):
    clock, session = start(store, glossary, sample_notes, date(2025, 1, 6), new_per_day=4)
    assert session.status().new_today == 4
    assert len(drain(session)) == 4
    assert session.status().new_today == 0
    clock.advance(days=1)
    assert session.status().new_today == 4
    assert len(drain(session)) == 4


def test_the_backlog_is_offered_newest_first_a_few_a_day(store, glossary, sample_notes):
    # Reviewing starts long after the last entry: every term is backlog.
    clock, session = start(store, glossary, sample_notes, date(2025, 1, 20), new_per_day=10, backlog_per_day=3)
    assert session.status().new_today == 3
    shown = drain(session)
    assert len(shown) == 3
    assert {c.stored.first_seen for c in shown} == {date(2025, 1, 10)}
    clock.advance(days=1)
    assert len(drain(session)) == 3


def test_fresh_terms_come_before_the_backlog(store, glossary, sample_notes):
    fresh = sighted_on(sample_notes, glossary, date(2025, 1, 9))
    clock, session = start(store, glossary, sample_notes, date(2025, 1, 9), new_per_day=3 * len(fresh) + 5,
                           backlog_per_day=2)
    shown = drain(session)
    assert len(shown) == 3 * len(fresh) + 2
    assert {c.stored.term_id for c in shown[: 3 * len(fresh)]} == fresh
    assert [c.stored.first_seen for c in shown[3 * len(fresh):]] == [date(2025, 1, 8)] * 2


def test_undo_takes_back_the_last_grade(store, glossary, sample_notes):
    clock, session = start(store, glossary, sample_notes, date(2025, 1, 6))
    assert not session.can_undo and session.undo() is None
    first = session.next_card()
    session.grade(EASY)
    second = session.next_card()
    before = store.card(*second.key)
    session.grade(AGAIN)
    assert session.reviews == 2
    back = session.undo()
    assert back.key == second.key and session.current.key == second.key
    assert store.card(*second.key) == before and back.is_new
    assert session.reviews == 1 and store.introduced_on(date(2025, 1, 6)) == (1, 0)
    assert store.reviews_per_day(date(2025, 1, 6), date(2025, 1, 6)) == {date(2025, 1, 6): 1}
    session.grade(GOOD)  # the card shown again can be graded again
    assert store.card(*second.key).state == fsrs.State.Learning
    assert session.undo().key == second.key
    assert session.undo().key == first.key
    assert session.undo() is None
    assert store.card(*first.key).is_new and store.last_review() is None


def test_undo_never_takes_back_another_sessions_grade(store, glossary, sample_notes):
    clock, session = start(store, glossary, sample_notes, date(2025, 1, 6))
    session.next_card()
    session.grade(GOOD)
    later = session_for(store, glossary, clock, sample_notes)
    assert not later.can_undo and later.undo() is None
    assert store.last_review() is not None


def test_a_hidden_term_suspends_its_cards_and_keeps_their_history(store, glossary, sample_notes):
    clock, session = start(store, glossary, sample_notes, date(2025, 1, 7), new_per_day=100)
    drain(session, GOOD)
    graded = store.card("sequencer", Direction.ZH_EN)
    assert graded.state == fsrs.State.Review  # Good through its learning steps, shown early within the session
    hide_term("sequencer")
    hidden = termbase.default_glossary(reload=True)
    result = sync_notes(store, sample_notes, hidden, today=date(2025, 1, 7))
    assert result.suspended == 3 and result.resumed == 0
    assert store.card("sequencer", Direction.ZH_EN).suspended
    assert all(c.term_id != "sequencer" for c in store.cards())
    clock.advance(days=30)
    later = session_for(store, hidden, clock, sample_notes, new_per_day=0)
    shown = drain(later, GOOD)
    assert shown and all(c.stored.term_id != "sequencer" for c in shown)
    unhide_term("sequencer")
    back = termbase.default_glossary(reload=True)
    result = sync_notes(store, sample_notes, back, today=date(2025, 2, 6))
    assert result.resumed == 3
    again = store.card("sequencer", Direction.ZH_EN)
    assert not again.suspended and again.fsrs == graded.fsrs and again.id == graded.id


def test_an_edited_term_keeps_its_cards_and_shows_the_new_text(store, glossary, sample_notes):
    clock, session = start(store, glossary, sample_notes, date(2025, 1, 7), new_per_day=100)
    drain(session, EASY)
    before = store.card("sequencer", Direction.EN_ZH)
    edit_term("sequencer", zh="定序器", definition_en="The node that orders L2 transactions.")
    edited = termbase.default_glossary(reload=True)
    result = sync_notes(store, sample_notes, edited, today=date(2025, 1, 7))
    assert result.new_cards == 0 and result.suspended == 0
    after = store.card("sequencer", Direction.EN_ZH)
    assert after == before
    clock.now = after.due
    later = session_for(store, edited, clock, sample_notes, new_per_day=0)
    shown = [later.next_card()]
    while shown[-1].key != ("sequencer", "en-zh"):
        later.grade(GOOD)
        shown.append(later.next_card())
    face = shown[-1].face
    assert face.answer == "定序器" and face.definition_en == "The node that orders L2 transactions."


def test_a_removed_term_suspends_its_cards(store, glossary, sample_notes):
    start(store, glossary, sample_notes, date(2025, 1, 7))
    without = termbase.Glossary([t for t in glossary if t.id != "batcher"])
    result = sync_notes(store, sample_notes, without, today=date(2025, 1, 7))
    assert result.suspended == 3
    assert store.status(datetime.now(timezone.utc), SHANGHAI, new_per_day=10, backlog_per_day=5).suspended == 3


def test_status_counts_learned_cards_and_retention(store, glossary, sample_notes):
    clock, session = start(store, glossary, sample_notes, date(2025, 1, 6), new_per_day=2)
    drain(session, EASY)
    status = session.status()
    assert (status.learned, status.learning, status.reviews_today, status.retention) == (2, 0, 2, None)
    cards = [c for c in store.cards() if not c.is_new]
    clock.now = max(c.due for c in cards)
    session.new_per_day = 0
    first = session.next_card()
    session.grade(GOOD)
    session.next_card()
    session.grade(AGAIN)
    status = session.status()
    assert status.retention == 0.5 and status.retention_reviews == 2
    assert status.learned == 1 and status.learning == 1
    assert store.card(*first.key).state == fsrs.State.Review


def test_a_review_session_is_recorded_as_study_time(store, glossary, sample_notes, tmp_path):
    clock, session = start(store, glossary, sample_notes, date(2025, 1, 6))
    assert session.summary() is None
    for _ in range(3):
        session.next_card()
        clock.advance(seconds=40)
        session.grade(GOOD)
    summary = session.summary()
    assert summary.reviews == 3 and summary.seconds == 120
    assert summary.notes_path == str(sample_notes.path)
    with StudyLog.open(tmp_path / "study.sqlite3", now=clock.now.timestamp()) as log:
        session_id = record_study_time(log, summary)
        row = log.session(session_id)
        assert row.active_seconds == 120 and row.end_ts == clock.now.timestamp()
        assert row.kind == "review"
        assert log.day_seconds(SHANGHAI, date(2025, 1, 6), date(2025, 1, 6)) == {date(2025, 1, 6): 120.0}
        assert record_study_time(log, None) is None


def test_a_term_gone_since_the_last_sync_is_not_shown(store, glossary, sample_notes):
    clock, session = start(store, glossary, sample_notes, date(2025, 1, 6), new_per_day=100)
    first = session.next_card()
    without = termbase.Glossary([t for t in glossary if t.id != first.stored.term_id])
    later = session_for(store, without, clock, sample_notes, new_per_day=100)
    shown = drain(later)
    assert shown and all(c.stored.term_id != first.stored.term_id for c in shown)
    assert not store.card(*first.key).suspended  # until the next sync says so
