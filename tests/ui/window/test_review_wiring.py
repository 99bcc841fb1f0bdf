"""The window's term review: Study ▸ Review terms…, the count beside the timer, the jump to a sentence's date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from studyreader.review import ReviewStore


def started(make_window, sample_copy, qtbot, tmp_path, monkeypatch):
    empty = tmp_path / "no-packages"
    empty.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(empty))
    window = make_window(sample_copy, start_services=True)
    qtbot.waitUntil(window.services_ready, timeout=20000)
    review = window.services.review
    # the sample's entries are all older than today: its terms are the backlog, five new cards a day
    qtbot.waitUntil(lambda: review.button is not None and review.button.count == 5, timeout=20000)
    return window, review


def test_review_terms_is_in_the_study_menu_and_the_count_follows_the_grades(make_window, sample_copy, qtbot,
                                                                             tmp_path, monkeypatch):
    window, review = started(make_window, sample_copy, qtbot, tmp_path, monkeypatch)
    action = window.action("review")
    assert action in window.actions_table.menus["study"].actions()
    assert action.shortcut() == QKeySequence("Ctrl+Shift+R")
    timer = window.services.timer_widget
    corner = window.menuBar().cornerWidget(Qt.Corner.TopRightCorner)
    assert corner.isAncestorOf(review.button) and corner.isAncestorOf(timer)  # in sight at every width
    assert not window.actions_table.toolbar.isAncestorOf(review.button)
    QApplication.processEvents()
    assert review.button.isVisible()
    button_place = review.button.mapTo(window, review.button.rect().topLeft())
    timer_place = timer.mapTo(window, timer.rect().topLeft())
    gap = button_place.x() - (timer_place.x() + timer.width())
    assert 0 <= gap <= 16  # right beside the timer, after it
    assert "5" in review.button.text()

    action.trigger()
    dialog = review.dialog
    assert dialog is not None and dialog.isVisible() and dialog.current is not None
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    qtbot.keyClick(dialog, Qt.Key.Key_4)  # Easy: not due again today
    assert review.button.count == 4 and "4" in review.button.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review.button.count == 5

    # the sentence's date: the window shows that entry
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    day = dialog.current.face.example_day
    other = next(d for d in window.navigator.dates() if d != day)
    assert window.jump_to_date(other) and window.navigator.list.currentItem() is window.navigator.item_for(other)
    dialog.example_label.linkActivated.emit(day.isoformat())
    assert window.navigator.list.currentItem() is window.navigator.item_for(day)

    qtbot.keyClick(dialog, Qt.Key.Key_3)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: review.dialog is None)
    kinds = [row.kind for row in window.services.study_log.sessions()]
    assert kinds == ["review"]  # the timer did not run: the sitting is study time of its own kind

    review.button.click()  # the count opens the dialog too
    assert review.dialog is not None and review.dialog.isVisible()
    review.dialog.reject()
    window.close()
    with ReviewStore.open() as store:  # every grade is in the data folder's database
        assert sum(store.reviews_per_day(dt.date(2000, 1, 1), dt.date(2100, 1, 1)).values()) == 1
