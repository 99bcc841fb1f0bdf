"""The study timer stays in sight at every window width, does not move while it runs, and leaves
every menu in the menu bar (none folded into its "»" menu), in English and in Chinese (issue 14)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
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
    """The widget's rectangle in the window, after checking that it is shown whole inside the window
    and inside the menu bar's corner (a squeezed corner cuts off what lies beyond its edge)."""
    QApplication.processEvents()
    assert widget.isVisible(), widget.objectName()
    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    assert window.rect().contains(rect), (widget.objectName(), rect, window.rect())
    corner = window.menuBar().cornerWidget()
    inside = QRect(widget.mapTo(corner, widget.rect().topLeft()), widget.size())
    assert corner.rect().contains(inside), (widget.objectName(), inside, corner.rect())
    return rect


def _menus_in_bar(window) -> None:
    """Every menu's title in the bar, left of the corner: none in the "»" overflow."""
    QApplication.processEvents()
    bar = window.menuBar()
    corner = bar.cornerWidget()
    assert corner.width() >= corner.sizeHint().width()  # the corner is laid out at its current size
    assert corner.geometry().right() < bar.width()
    for menu in window.actions_table.menus.values():
        title = bar.actionGeometry(menu.menuAction())
        assert not title.isEmpty(), menu.title()
        assert title.x() + title.width() <= corner.x(), (menu.title(), title, corner.geometry())


@pytest.fixture
def language(request, qapp):
    """The interface language as the application installs it, with its fonts (Chinese families too)."""
    from PySide6.QtCore import QLocale

    from studyreader.ui import i18n
    from studyreader.ui.app import prefer_chinese_fonts

    font = qapp.font()
    prefer_chinese_fonts(qapp)
    i18n.apply_language(request.param, qapp)
    yield request.param
    i18n.remove_translators(qapp)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    qapp.setFont(font)


@pytest.mark.parametrize("width", [1024, 1280, 1366])
@pytest.mark.parametrize("language", ["en", "zh_CN"], indirect=True)
def test_the_timer_is_in_sight_and_still_and_every_menu_in_the_bar(language, timer_window, qtbot, width):
    window = timer_window
    window.resize(width, 600)
    qtbot.waitUntil(lambda: window.width() == width)
    timer = window.services.timer_widget
    toolbar = window.actions_table.toolbar
    assert not toolbar.isAncestorOf(timer)  # never among what a toolbar folds into its "»" menu
    parts = [timer.start_button, timer.stop_button, timer.time_label, timer.progress, timer.cycles_slot]
    if not timer.compact:
        parts.append(timer.remaining_label)
        assert timer.full_width() == timer.sizeHint().width()
    else:  # what the narrow form leaves out is said on hover
        assert timer.remaining_label.text() in timer.time_label.toolTip()
        assert timer.start_button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        assert timer.start_pause_action.toolTip() == timer.start_button.toolTip()

    def places():
        _menus_in_bar(window)
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
    assert timer.notice_label.toolTip()  # "Session logged: 0:00:00 studied."
    _in_sight(window, timer.notice_label)
    assert places() == idle
    review = _in_sight(window, window.services.review.button)  # the review count beside it, in sight too
    assert review.left() >= idle[0].left()
    window.services.review.button.set_count(1234)  # a longer count: the corner grows, the menus stay
    _menus_in_bar(window)
    _in_sight(window, window.services.review.button)
    _in_sight(window, timer.start_button)


@pytest.mark.parametrize("language", ["zh_CN"], indirect=True)
def test_the_timer_folds_at_a_narrow_width_and_unfolds_at_a_wide_one(language, timer_window, qtbot):
    window = timer_window
    timer = window.services.timer_widget
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.width() == 1024 and timer.compact)
    assert not timer.remaining_label.isVisible()
    window.resize(1366, 600)
    qtbot.waitUntil(lambda: window.width() == 1366 and not timer.compact)
    _menus_in_bar(window)
    _in_sight(window, timer.remaining_label)
    assert timer.start_button.text() == timer.start_pause_action.iconText()
