"""Take the README's screenshot of the editor under a running programme: the live will-it-count line,
the leave budget, the programme strip and "Save and Check In". Builds a throw-away programme repository
(README with the study period and the bot's table, a bare remote) whose study started six days ago.

    PYTHONPATH=src python scripts/screenshot-editor-checkin.py [--lang en] [--theme light]
        [--size 1366x768] [--out docs/screenshots/editor-checkin-light-en.png] [--after AFTER.png]

``--after`` also checks in (to the throw-away remote) and saves the window with the result banner.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ENTRIES = [
    "今天读了 Optimistic Rollup 的基本原理：交易在链下执行，数据发布到以太坊主网。",
    "学习了 OP Stack 的角色：Sequencer、Batcher、Proposer 和 Challenger。",
    None,  # a missed day: one leave of the cycle used
    "欺诈证明：挑战者可以在挑战期内对错误的 state root 发起二分游戏。",
    "存款流程：L1StandardBridge 的 depositETH，经过 CrossDomainMessenger。",
    "ZK Rollup 为每一批交易生成有效性证明，不需要挑战期。",
]
TODAY = "今天学习了排序器（Sequencer）：它负责给交易排序并生成 L2 区块。\n\n- 中心化排序器的风险\n- 强制包含交易"
IDENTITY = {"GIT_AUTHOR_NAME": "Student", "GIT_AUTHOR_EMAIL": "student@example.com",
            "GIT_COMMITTER_NAME": "Student", "GIT_COMMITTER_EMAIL": "student@example.com"}


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env={**os.environ, **IDENTITY})


def demo_programme(base: Path) -> Path:
    start = date.today() - timedelta(days=len(ENTRIES))
    end = start + timedelta(days=27)
    remote = base / "remote.git"
    git(base, "init", "-q", "--bare", "--initial-branch=main", str(remote))
    repo = base / "camp"
    git(base, "clone", "-q", str(remote), str(repo))
    (repo / "README.md").write_text(
        f"# Rollup 共学\n\n## 共学时间\n\n- 开始时间：{start}\n- 结束时间：{end}\n\n## 请假规则\n\n每周请假 2 次\n\n"
        "<!-- START_COMMIT_TABLE -->\n<!-- END_COMMIT_TABLE -->\n", encoding="utf-8")
    body = "".join(f"### {start + timedelta(days=i):%Y.%m.%d}\n\n{text}\n\n" for i, text in enumerate(ENTRIES) if text)
    (repo / "Student.md").write_text(
        f"---\ntimezone: Asia/Shanghai\n---\n# Student\n\n<!-- Content_START -->\n{body}<!-- Content_END -->\n",
        encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "start")
    git(repo, "push", "-q", "origin", "HEAD:main")
    return repo / "Student.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--theme", default="light")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", default="docs/screenshots/editor-checkin-light-en.png")
    parser.add_argument("--after")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    base = Path(tempfile.mkdtemp(prefix="studyreader-demo-camp-"))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(base / name)  # the user's own settings and caches stay untouched
    notes = demo_programme(base)
    os.environ.update(IDENTITY)

    from studyreader.ui import i18n
    from studyreader.ui.app import apply_theme, create_app
    from studyreader.ui.settings import Settings
    from studyreader.ui.window.main_window import MainWindow
    from studyreader.ui.window.panes import pane_widths

    app = create_app()
    i18n.apply_language(args.lang, app)
    apply_theme(app, args.theme)
    width, height = (int(n) for n in args.size.split("x"))
    window = MainWindow(notes, Settings(base / "settings.ini"), restore_state=False, start_services=True)
    window.resize(width, height)
    window.splitter.setSizes(list(pane_widths(width)))
    window.show()

    def spin(seconds: float) -> None:
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            app.processEvents()
            time.sleep(0.02)

    spin(1.0)
    until = time.monotonic() + 20
    while not window.services_ready() and time.monotonic() < until:  # the glossary and the timer, as a user sees them
        spin(0.1)
    window.show_editor(True)
    window.editor.editor.insertPlainText(TODAY)
    spin(1.5)
    window.grab().toImage().save(args.out)
    print(args.out, "-", window.editor.programme_bar.verdict_label.text())
    if args.after:
        window.editor.programme.save_and_check_in()
        spin(4.0)
        window.grab().toImage().save(args.after)
        print(args.after, "-", window.editor.programme_bar.banner.label.text().splitlines()[0])
    window.close()


if __name__ == "__main__":
    main()
