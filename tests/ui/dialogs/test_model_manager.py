"""The model manager dialog, on the tiny real Argos package."""

from __future__ import annotations

import functools
import http.server
import json
import socket
import threading
import zipfile

import pytest
from PySide6.QtCore import Qt

from studyreader.ui.dialogs.model_manager import ZH_EN_PACKAGE_URL, ModelManagerDialog
from tests.support import tiny_argos


@pytest.fixture
def open_dialog(qtbot):
    def make(**kwargs) -> ModelManagerDialog:
        dialog = ModelManagerDialog(**kwargs)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20000)
        return dialog

    return make


def rows(dialog):
    table = dialog.table
    return [
        [table.topLevelItem(i).text(c) for c in range(table.columnCount())]
        for i in range(table.topLevelItemCount())
    ]


def test_lists_the_installed_tiny_package(open_dialog, tiny_argos_package):
    dialog = open_dialog(packages_dir=tiny_argos_package.packages_dir)
    assert len(rows(dialog)) == 1
    name, languages, version, size, folder = rows(dialog)[0]
    assert name == tiny_argos_package.path.name
    assert languages == "zh → en"
    assert version == tiny_argos.metadata()["package_version"]
    assert size and size[0].isdigit()
    assert folder == str(tiny_argos_package.path)
    assert not dialog.empty_label.isVisible()
    assert str(tiny_argos_package.packages_dir) in dialog.folder_label.text()


def test_empty_folder_says_how_to_get_a_model(open_dialog, tmp_path, qtbot):
    dialog = open_dialog(packages_dir=tmp_path / "none")
    assert rows(dialog) == []
    assert dialog.empty_label.isVisible()
    assert ".argosmodel" in dialog.empty_label.text()


def test_installs_from_a_file(open_dialog, tiny_argos_package, tmp_path, qtbot):
    dialog = open_dialog(packages_dir=tmp_path / "packages")
    with qtbot.waitSignals([dialog.modelsChanged, dialog.jobFinished], timeout=30000):
        dialog.install_file(tiny_argos_package.archive)
    qtbot.waitUntil(lambda: len(rows(dialog)) == 1 and not dialog.is_busy(), timeout=20000)
    assert rows(dialog)[0][0] == tiny_argos_package.path.name
    assert (tmp_path / "packages" / tiny_argos_package.path.name / "metadata.json").is_file()
    assert "Installed" in dialog.message.text()


@pytest.mark.parametrize("kind", ["not-a-zip", "no-metadata"])
def test_refuses_a_bad_archive_with_a_clear_message(open_dialog, tmp_path, qtbot, kind):
    bad = tmp_path / f"{kind}.argosmodel"
    if kind == "not-a-zip":
        bad.write_bytes(b"this is not a package")
    else:
        with zipfile.ZipFile(bad, "w") as archive:
            archive.writestr("something/readme.txt", "hello")
    dialog = open_dialog(packages_dir=tmp_path / "packages")
    changed = []
    dialog.modelsChanged.connect(lambda: changed.append(True))
    with qtbot.waitSignal(dialog.jobFinished, timeout=20000) as finished:
        dialog.install_file(bad)
    assert finished.args == [False]
    assert dialog.message.isVisible()
    text = dialog.message.text()
    assert text.startswith("Could not install the package")
    assert bad.name in text
    assert changed == []
    assert rows(dialog) == []
    assert not (tmp_path / "packages").exists() or not any((tmp_path / "packages").iterdir())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_offline_download_says_so_plainly(open_dialog, tmp_path, qtbot):
    url = f"http://127.0.0.1:{free_port()}/index.json"  # nothing listens there
    dialog = open_dialog(packages_dir=tmp_path / "packages", index_url=url)
    with qtbot.waitSignal(dialog.jobFinished, timeout=30000) as finished:
        dialog.download_button.click()
    assert finished.args == [False]
    text = dialog.message.text()
    assert "offline" in text
    assert "Install from File" in text
    # Where to get the package by hand, selectable, in the normal text colour (not red, not greyed).
    assert ZH_EN_PACKAGE_URL in text and ZH_EN_PACKAGE_URL.startswith("https://")
    for label in (dialog.message, dialog.details):
        assert label.isEnabled()
        assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
        assert label.styleSheet() == ""
    assert url in dialog.details.text()
    assert not dialog.progress.isVisible()
    assert rows(dialog) == []


@pytest.fixture
def package_server(tiny_argos_package, tmp_path):
    """A local stand-in for Argos's index: an index.json and the tiny package, over HTTP."""
    root = tmp_path / "site"
    root.mkdir()
    data = tiny_argos_package.archive.read_bytes()
    (root / "tiny.argosmodel").write_bytes(data)
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    index = [dict(tiny_argos.metadata(), links=[f"{base}/tiny.argosmodel"])]
    (root / "index.json").write_text(json.dumps(index), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"{base}/index.json", len(data)
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_downloads_with_progress(open_dialog, package_server, tiny_argos_package, tmp_path, qtbot):
    index_url, size = package_server
    dialog = open_dialog(packages_dir=tmp_path / "packages", index_url=index_url)
    seen = []
    dialog.downloadProgress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignals([dialog.modelsChanged], timeout=30000):
        dialog.download_button.click()
        assert dialog.progress.isVisible() and dialog.cancel_button.isVisible()
    qtbot.waitUntil(lambda: len(rows(dialog)) == 1 and not dialog.is_busy(), timeout=20000)
    assert seen and seen[-1] == (size, size)
    assert not dialog.progress.isVisible()
    assert rows(dialog)[0][0] == tiny_argos_package.path.name


class SlowHandler(QuietHandler):
    """Sends the package in small pieces, slowly, so that the user has time to cancel."""

    def do_GET(self):
        if not self.path.endswith(".argosmodel"):
            return super().do_GET()
        data = (self.server.root / "tiny.argosmodel").read_bytes()
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            for start in range(0, len(data), 16 * 1024):
                self.wfile.write(data[start : start + 16 * 1024])
                self.wfile.flush()
                threading.Event().wait(0.05)
        except (BrokenPipeError, ConnectionResetError):
            pass


def test_cancel_stops_the_download_and_installs_nothing(open_dialog, tiny_argos_package, tmp_path, qtbot):
    root = tmp_path / "site"
    root.mkdir()
    (root / "tiny.argosmodel").write_bytes(tiny_argos_package.archive.read_bytes())
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SlowHandler, directory=str(root)))
    server.root = root
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (root / "index.json").write_text(json.dumps([dict(tiny_argos.metadata(), links=[f"{base}/tiny.argosmodel"])]))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        dialog = open_dialog(packages_dir=tmp_path / "packages", index_url=f"{base}/index.json")
        changed = []
        dialog.modelsChanged.connect(lambda: changed.append(True))
        started = []
        dialog.downloadProgress.connect(lambda done, total: started.append(done))
        dialog.download_button.click()
        qtbot.waitUntil(lambda: bool(started), timeout=20000)
        with qtbot.waitSignal(dialog.jobFinished, timeout=20000) as finished:
            dialog.cancel_button.click()
        assert finished.args == [False]
        assert "cancelled" in dialog.message.text()
        assert changed == []
        assert rows(dialog) == []
    finally:
        server.shutdown()
        server.server_close()


def test_remove_asks_then_deletes_the_package(open_dialog, tiny_argos_package, tmp_path, qtbot, monkeypatch):
    import shutil

    from PySide6.QtWidgets import QMessageBox

    packages = tmp_path / "packages"
    shutil.copytree(tiny_argos_package.packages_dir, packages)
    dialog = open_dialog(packages_dir=packages)
    assert len(rows(dialog)) == 1
    dialog.table.setCurrentItem(dialog.table.topLevelItem(0))
    assert dialog.remove_button.isEnabled()

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2])
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog.remove_button.click()  # cancelled
    assert (packages / tiny_argos_package.path.name).is_dir()
    with qtbot.waitSignal(dialog.modelsChanged, timeout=20000):
        dialog.remove_button.click()
    qtbot.waitUntil(lambda: rows(dialog) == [] and not dialog.is_busy(), timeout=20000)
    assert not (packages / tiny_argos_package.path.name).exists()
    assert len(asked) == 2 and tiny_argos_package.path.name in asked[0]


def _refused_install(open_dialog, qtbot, archive, tmp_path) -> str:
    dialog = open_dialog(packages_dir=tmp_path / "packages")
    with qtbot.waitSignal(dialog.jobFinished, timeout=20000) as finished:
        dialog.install_file(archive)
    assert finished.args == [False]
    return dialog.message.text()


def test_a_bad_archive_is_refused_in_chinese(chinese, open_dialog, tmp_path, qtbot):
    from tests.support.chinese import assert_chinese

    not_zip = tmp_path / "not-a-zip.argosmodel"
    not_zip.write_bytes(b"this is not a package")
    shown = _refused_install(open_dialog, qtbot, not_zip, tmp_path)
    assert_chinese(shown, str(not_zip), "Argos")
    assert shown == f"无法安装模型包：{not_zip}：不是 Argos 模型包（不是 zip 压缩包）"

    escaping = tmp_path / "escaping.argosmodel"
    with zipfile.ZipFile(escaping, "w") as archive:
        archive.writestr("translate-zh_en/../../outside.txt", "hello")
    shown = _refused_install(open_dialog, qtbot, escaping, tmp_path)
    assert_chinese(shown, str(escaping), "translate-zh_en/../../outside.txt")
    assert "已拒绝，压缩包含有指向其文件夹之外的路径" in shown

    wrong_pair = tmp_path / "en-de.argosmodel"
    metadata = {**tiny_argos.metadata(), "from_code": "en", "to_code": "de"}
    with zipfile.ZipFile(wrong_pair, "w") as archive:
        archive.writestr("translate-en_de/metadata.json", json.dumps(metadata))
    shown = _refused_install(open_dialog, qtbot, wrong_pair, tmp_path)
    assert shown.endswith(f"{wrong_pair}：这个模型包翻译 en→de，StudyReader 需要 zh→en")


def test_a_packages_folder_that_is_a_file_fails_the_install_in_chinese(chinese, open_dialog, tiny_argos_package,
                                                                       tmp_path, qtbot):
    from tests.support.chinese import assert_chinese

    home = tmp_path / "home"
    home.write_text("a file where the packages' folder should be", encoding="utf-8")
    dialog = open_dialog(packages_dir=home / "packages")
    with qtbot.waitSignal(dialog.jobFinished, timeout=30000) as finished:
        dialog.install_file(tiny_argos_package.archive)
    assert finished.args == [False]
    shown = dialog.message.text()
    assert_chinese(shown, str(tiny_argos_package.archive), str(home / "packages"))
    assert shown == (f"无法安装模型包：无法把 {tiny_argos_package.archive} 安装到 {home / 'packages'}："
                     "路径中的某一部分是文件，不是文件夹；没有安装任何内容")


def test_offline_the_details_are_chinese_too(chinese, open_dialog, tmp_path, qtbot):
    url = f"http://127.0.0.1:{free_port()}/index.json"  # nothing listens there
    dialog = open_dialog(packages_dir=tmp_path / "packages", index_url=url)
    with qtbot.waitSignal(dialog.jobFinished, timeout=30000):
        dialog.download_button.click()
    details = dialog.details.text()
    assert details.startswith(f"无法连接 {url} 来下载 Argos 模型包索引（")
    assert details.endswith("）；是否已联网？离线时，请用“从文件安装…”安装模型包文件")
    assert ZH_EN_PACKAGE_URL in dialog.message.text()


def test_the_command_line_keeps_english_for_a_bad_archive(tmp_path):
    from studyreader.translate.models import ModelArchiveError, validate_archive

    not_zip = tmp_path / "not-a-zip.argosmodel"
    not_zip.write_bytes(b"this is not a package")
    with pytest.raises(ModelArchiveError) as refused:
        validate_archive(not_zip)
    assert str(refused.value) == f"{not_zip}: not an Argos package (not a zip archive)"
