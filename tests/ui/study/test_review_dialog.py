"""The review dialog driven by the keyboard with pytest-qt, over a real review store, study log and glossary."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import fsrs
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from studyreader import paths
from studyreader.glossary import termbase
from studyreader.notes import load_notes
from studyreader.review import ReviewSession, ReviewStore, find_sightings, sync_notes
from studyreader.review.cards import faces_for_sightings
from studyreader.study.log import StudyLog
from studyreader.ui.study.review_dialog import ReviewDialog

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = date(2025, 1, 6)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 1, 6, 21, 0, tzinfo=SHANGHAI).astimezone(timezone.utc)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(autouse=True)
def fresh_default_glossary():
    termbase.invalidate_default()
    yield
    termbase.invalidate_default()


@pytest.fixture
def glossary():
    return termbase.default_glossary()


@pytest.fixture
def notes():
    return load_notes(paths.sample_notes())


@pytest.fixture
def store(tmp_path, glossary, notes):
    with ReviewStore.open(tmp_path / "review.sqlite3") as opened:
        sync_notes(opened, notes, glossary, today=DAY)
        yield opened


@pytest.fixture
def log(tmp_path):
    with StudyLog.open(tmp_path / "study.sqlite3") as opened:
        yield opened


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def make_dialog(qtbot, store, glossary, notes, log, clock):
    made: list[ReviewDialog] = []

    def make(**kwargs) -> ReviewDialog:
        session = ReviewSession(store, glossary, SHANGHAI, lang=kwargs.pop("lang", "en"), clock=clock,
                                scheduler=fsrs.Scheduler(enable_fuzzing=False),
                                sightings=find_sightings(notes, glossary), notes_path=notes.path,
                                tz_name="Asia/Shanghai")
        dialog = ReviewDialog(session, study_log=log, **kwargs)
        qtbot.addWidget(dialog)
        made.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    yield make
    # Gone before the store and the log close: a dialog left alive would still answer a later test's
    # change of language by reading the closed store.
    for dialog in made:
        if shiboken6.isValid(dialog):
            shiboken6.delete(dialog)


def test_space_shows_the_answer_and_a_number_grades(make_dialog, qtbot, store, clock):
    dialog = make_dialog()
    first = dialog.current
    assert first is not None and dialog.prompt_label.text() == first.face.prompt
    assert not dialog.back.isVisible() and not dialog.answer_shown()
    qtbot.keyClick(dialog, Qt.Key.Key_3)  # no grade before the answer is seen
    assert dialog.current == first and store.last_review() is None
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    assert dialog.answer_shown() and dialog.back.isVisible()
    face = first.face
    assert dialog.answer_label.text() == face.answer
    assert face.en in dialog.forms_label.text() and face.zh in dialog.forms_label.text()
    assert dialog.definition_en.text() == face.definition_en and dialog.definition_zh.text() == face.definition_zh
    assert face.example_day is not None and face.example_day.isoformat() in dialog.example_label.text()
    clock.now += timedelta(seconds=30)
    qtbot.keyClick(dialog, Qt.Key.Key_3)
    graded = store.card(*first.key)
    assert not graded.is_new and store.last_review().rating == 3
    assert dialog.current is not None and dialog.current.key != first.key and not dialog.answer_shown()
    assert "Reviewed in this sitting: 1" in dialog.status_label.text()


def test_clicking_the_date_of_the_sentence_asks_the_window_to_jump_there(make_dialog, qtbot):
    dialog = make_dialog()
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.dateActivated) as jumped:
        dialog.example_label.linkActivated.emit(dialog.current.face.example_day.isoformat())
    assert jumped.args == [dialog.current.face.example_day]


def test_ctrl_z_takes_back_the_last_grade_and_asks_that_card_again(make_dialog, qtbot, store):
    dialog = make_dialog()
    first = dialog.current
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.cardsChanged):
        qtbot.keyClick(dialog, Qt.Key.Key_4)
    assert not store.card(*first.key).is_new
    with qtbot.waitSignal(dialog.cardsChanged):
        qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.card(*first.key).is_new and store.last_review() is None
    assert dialog.current.key == first.key and not dialog.answer_shown()
    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing more to undo
    assert dialog.current.key == first.key


def test_esc_closes_keeping_progress_and_the_sitting_counts_as_review_time(make_dialog, qtbot, store, log, clock):
    dialog = make_dialog()
    shown = []
    for _ in range(2):
        shown.append(dialog.current.key)
        qtbot.keyClick(dialog, Qt.Key.Key_Space)
        clock.now += timedelta(seconds=45)
        qtbot.keyClick(dialog, Qt.Key.Key_3)
    with qtbot.waitSignal(dialog.studyLogChanged):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    [session] = log.sessions()
    assert session.kind == "review" and session.active_seconds == 90 and dialog.recorded_session == session.id
    assert log.day_seconds(SHANGHAI, DAY, DAY) == {DAY: 90.0}
    again = make_dialog()  # the grades were kept: the next sitting goes on with the next card
    assert again.current is not None and again.current.key not in shown
    assert all(not store.card(*key).is_new for key in shown)


def test_no_review_time_is_logged_while_the_study_timer_runs(make_dialog, qtbot, log, clock):
    dialog = make_dialog(timer_running=lambda: True)
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    clock.now += timedelta(seconds=20)
    qtbot.keyClick(dialog, Qt.Key.Key_2)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and log.sessions() == []


def test_the_dialog_follows_the_theme(make_dialog, qtbot):
    from studyreader.ui.app import apply_theme

    app = QApplication.instance()
    dialog = make_dialog()
    try:
        for theme, dark in (("dark", True), ("light", False)):
            apply_theme(app, theme)
            qtbot.wait(10)
            window = dialog.palette().color(QPalette.ColorRole.Window)
            card = dialog.card.palette().color(dialog.card.backgroundRole())
            text = dialog.prompt_label.palette().color(dialog.prompt_label.foregroundRole())
            assert (window.lightness() < 128) is dark and (card.lightness() < 128) is dark
            assert abs(text.lightness() - card.lightness()) > 100  # the prompt reads on its card
            image = dialog.card.grab().toImage()
            corner = image.pixelColor(image.width() // 2, 4)
            assert (corner.lightness() < 128) is dark
    finally:
        apply_theme(app, "light")


def test_the_anki_export_runs_in_a_worker_and_says_what_it_wrote(make_dialog, qtbot, tmp_path, notes, glossary):
    out = tmp_path / "terms.apkg"
    dialog = make_dialog(export_faces=lambda: faces_for_sightings(find_sightings(notes, glossary), glossary))
    dialog.export_to(out)
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=30000)
    assert out.exists() and zipfile.is_zipfile(out)
    assert str(out) in dialog.message and "Wrote" in dialog.message


def test_nothing_left_says_so(make_dialog, qtbot):
    dialog = make_dialog()
    for _ in range(200):
        if dialog.current is None:
            break
        qtbot.keyClick(dialog, Qt.Key.Key_Space)
        qtbot.keyClick(dialog, Qt.Key.Key_4)
    assert dialog.current is None
    assert "Nothing left" in dialog.prompt_label.text() and not dialog.back.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Space)  # harmless
    assert dialog.current is None
