"""The editor under a programme: the live will-it-count line, Save and Check In (real git), Copy for the Website."""

from __future__ import annotations

import shutil
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QGuiApplication

from tests.conftest import SHARED_DIR
from tests.support.git import git_identity, run  # noqa: F401 - git_identity is an autouse fixture

SHANGHAI = ZoneInfo("Asia/Shanghai")
EVENING = datetime(2025, 1, 8, 21, 30, tzinfo=SHANGHAI)  # the third day of the programme below
README = (
    "# Programme\n\n## 共学时间\n\n- 开始时间：2025-01-06\n- 结束时间：2025-02-02\n\n"
    "<!-- START_COMMIT_TABLE -->\n<!-- END_COMMIT_TABLE -->\n"
)
NOTES = "# Me\n\n<!-- Content_START -->\n### 2025.01.06\n第一天的笔记写得足够长了\n<!-- Content_END -->\n"
ENTRY = "第三天：读了欺诈证明和挑战期的代码"


@pytest.fixture
def programme(tmp_path):
    """(bare remote, the user's clone): a programme repository with a README and the user's notes."""
    remote = tmp_path / "remote.git"
    run(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(remote))
    seed = tmp_path / "seed"
    run(tmp_path, "clone", "--quiet", str(remote), str(seed))
    (seed / "README.md").write_text(README, encoding="utf-8")
    (seed / "me.md").write_text(NOTES, encoding="utf-8")
    run(seed, "add", ".")
    run(seed, "commit", "--quiet", "-m", "start")
    run(seed, "push", "--quiet", "origin", "HEAD:main")
    user = tmp_path / "user"
    run(tmp_path, "clone", "--quiet", str(remote), str(user))
    return remote, user


@pytest.fixture
def make_editor(make_editor):
    """The shared factory, on this module's evening and a wider panel."""
    return lambda path, now=EVENING: make_editor(path, now=now, width=1100)


def typed(qtbot, editor, text):
    with qtbot.waitSignal(editor.programme.forecastChanged, timeout=10000) as blocker:
        editor.editor.setFocus()
        editor.editor.insertPlainText(text)
    return blocker.args[0]


def test_the_will_it_count_line_follows_the_typing(make_editor, programme, qtbot):
    _remote, user = programme
    editor = make_editor(user / "me.md")
    bar = editor.programme_bar
    short = typed(qtbot, editor, "短短的")
    assert not short.counts and bar.kind == "nocount"
    assert "won't count: too short (3 of 11 characters)" in bar.verdict_label.text()
    longer = typed(qtbot, editor, "：读了欺诈证明和挑战期的代码")
    assert longer.counts and bar.kind == "counts"
    assert bar.verdict_label.text().startswith("Saved now: counts")
    budget = bar.budget_label.text()
    assert "Leave this cycle (2025-01-06 – 2025-01-12): 1 of 2 used" in budget  # 2025-01-07 was missed
    assert "the bot's day (Asia/Shanghai) ends at" in budget and "your time" in budget
    editor.set_text("")
    cut = typed(qtbot, editor, "短\n#### 3.1 Rollup\n后面这一段很长，但机器人看不到这一段文字")
    assert not cut.counts and "'#### 3.1 Rollup' looks like a date heading to the bot" in bar.verdict_label.text()


def test_save_and_check_in_pushes_the_notes_and_says_when_the_table_updates(make_editor, programme, qtbot):
    remote, user = programme
    notes = user / "me.md"
    editor = make_editor(notes)
    assert editor.programme_bar.checkin_button.isEnabled()
    editor.set_text(ENTRY)
    with qtbot.waitSignal(editor.programme.checkedIn, timeout=30000) as blocker:
        editor.programme_bar.checkin_button.click()
        assert editor.programme_bar.banner.isVisible()  # progress while git runs in a worker thread
        assert "Checking in me.md" in editor.programme_bar.banner.label.text()
    result = blocker.args[0]
    assert result.ok, result.lines
    assert ENTRY in run(remote, "show", "main:me.md")
    assert run(remote, "show", "--name-only", "--format=", "main").split() == ["me.md"]
    shown = editor.programme_bar.banner.label.text()
    assert "Checked in" in shown and "00:00 UTC" in shown and "your time" in shown
    assert not editor.programme_bar.error_banner.isVisible()
    assert editor.text() == ""  # saved


def test_a_failed_check_in_says_why_and_keeps_the_text(make_editor, programme, qtbot, tmp_path):
    _remote, user = programme
    run(user, "remote", "set-url", "origin", str(tmp_path / "no-such-remote.git"))
    notes = user / "me.md"
    editor = make_editor(notes)
    editor.set_text(ENTRY)
    with qtbot.waitSignal(editor.programme.checkedIn, timeout=30000) as blocker:
        editor.actions.check_in.trigger()
    assert not blocker.args[0].ok
    error = editor.programme_bar.error_banner
    assert error.isVisible() and "Not checked in" in error.label.text()
    assert "does not exist" in error.label.text() and "Next step" in error.label.text()
    assert ENTRY in notes.read_text(encoding="utf-8")  # saved, committed locally, nothing lost
    assert editor.programme_bar.checkin_button.isEnabled()


def test_no_check_in_outside_a_programme_repository(make_editor, tmp_path):
    loose = tmp_path / "loose.md"
    loose.write_text(NOTES, encoding="utf-8")
    editor = make_editor(loose)
    assert not editor.programme_bar.checkin_button.isEnabled()
    assert "nothing to check in to" in editor.programme_bar.checkin_button.toolTip()
    assert editor.programme_bar.copy_button.isHidden()


MONAD = SHARED_DIR / "programmes" / "monad-builder-camp"


@pytest.mark.skipif(not MONAD.is_dir(), reason="../shared/programmes is absent")
def test_copy_for_the_website_puts_the_entry_text_on_the_clipboard(make_editor, tmp_path, qtbot):
    copy = tmp_path / "camp"
    shutil.copytree(MONAD, copy)
    notes = sorted((copy / "notes").glob("*.md"))[0]
    editor = make_editor(notes, now=datetime(2026, 7, 20, 21, 0, tzinfo=SHANGHAI))
    qtbot.waitUntil(lambda: editor.programme.forecast is not None, timeout=10000)
    assert editor.programme_bar.copy_button.isVisible()
    QGuiApplication.clipboard().setText("something else")
    before = notes.read_bytes()
    typed(qtbot, editor, "今天学习了 Monad 的并行执行。\n\n- 乐观执行")
    editor.programme_bar.copy_button.click()
    assert QGuiApplication.clipboard().text() == "今天学习了 Monad 的并行执行。\n\n- 乐观执行"
    assert "Copied the entry of 2026-07-20" in editor.programme_bar.banner.label.text()
    assert notes.read_bytes() == before  # copying writes nothing
