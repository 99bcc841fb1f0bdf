"""The study timer stays in sight at every window width, and does not move while it runs (issue 14)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from studyreader.ui.settings import Settings


@pytest.fixture
def timer_window(make_window, sample_copy, settings, qtbot, tmp_path, monkeypatch):
    empty = tmp_path / "no-packages"
    empty.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(empty))
    settings.set_value(Settings.CYCLES_ENABLED, True)
    window = make_window(sample_copy, start_services=True)
    qtbot.waitUntil(window.services_ready, timeout=20000)
    yield window
    window.services.timer_widget.stop()


def _in_sight(window, widget) -> QRect:
    """The widget's rectangle in the window, after checking that it is shown inside it."""
    QApplication.processEvents()
    assert widget.isVisible(), widget.objectName()
    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    assert window.rect().contains(rect), (widget.objectName(), rect, window.rect())
    return rect


@pytest.fixture
def language(request, qapp):
    from PySide6.QtCore import QLocale

    from studyreader.ui import i18n

    i18n.apply_language(request.param, qapp)
    yield request.param
    i18n.remove_translators(qapp)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.mark.parametrize(("width", "language"), [(1024, "en"), (1280, "en"), (1024, "zh_CN")],
                         indirect=["language"])
def test_the_timer_is_in_sight_and_still_at_every_width(language, timer_window, qtbot, width):
    window = timer_window
    window.resize(width, 600)
    qtbot.waitUntil(lambda: window.width() == width)
    timer = window.services.timer_widget
    toolbar = window.actions_table.toolbar
    assert not toolbar.isAncestorOf(timer)  # never among what a toolbar folds into its "»" menu
    parts = (timer.start_button, timer.stop_button, timer.time_label, timer.remaining_label, timer.cycles_slot)

    def places():
        return [_in_sight(window, part) for part in parts]

    idle = places()
    assert timer.cycles_button.isVisible() and timer.cycles_button.text() == timer.cycles_action.iconText()
    timer.start()
    for _ in range(3):
        timer.tick()
    assert timer.phase_label.isVisible() and timer.phase_label.text().endswith(("50:00", "49:59"))
    assert places() == idle
    timer.toggle()  # paused: the button says "Resume"
    assert places() == idle
    timer.toggle()
    timer.stop()
    assert timer.notice_label.text().endswith(("0:00:00", "0:00:01"))  # "Logged 0:00:00"
    _in_sight(window, timer.notice_label)
    assert places() == idle
    review = _in_sight(window, window.services.review.button)  # the review count beside it, in sight too
    assert review.left() >= idle[0].left()
    # the menus are all there too at this width
    assert all(window.menuBar().actionGeometry(menu.menuAction()).right() < idle[0].left()
               for menu in window.actions_table.menus.values())
