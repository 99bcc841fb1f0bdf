"""Model manager: list, validate, install and download Argos packages (no network: a local HTTP server)."""

from __future__ import annotations

import http.server
import json
import shutil
import socket
import threading
import zipfile
from pathlib import Path

import pytest

from studyreader.translate import models
from studyreader.translate.engine import TranslationEngine
from tests.support import tiny_argos


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def _package_files(tiny_argos_package, top: str = "pkg", **meta) -> dict[str, bytes]:
    """The tiny package's real files under another top folder, with metadata overrides."""
    files = {}
    for path in sorted(tiny_argos_package.path.rglob("*")):
        if path.is_file():
            files[f"{top}/{path.relative_to(tiny_argos_package.path).as_posix()}"] = path.read_bytes()
    metadata = tiny_argos.metadata(**{k: v for k, v in meta.items() if k in ("version", "from_code", "to_code")})
    files[f"{top}/metadata.json"] = json.dumps(metadata).encode()
    return files


def test_list_installed_reports_code_version_size_path(tiny_argos_package):
    installed = models.list_installed(tiny_argos_package.packages_dir)
    assert len(installed) == 1
    m = installed[0]
    assert (m.code, m.from_code, m.to_code, m.version) == ("translate-zh_en", "zh", "en", "0.0.1")
    assert m.path == tiny_argos_package.path
    assert m.size == sum(p.stat().st_size for p in m.path.rglob("*") if p.is_file())
    assert m.size > 0
    assert models.find_model(tiny_argos_package.packages_dir) == m


def test_packages_dir_order(monkeypatch, tmp_path, isolated_user_dirs):
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    assert models.packages_dir() == isolated_user_dirs / "data" / "argos-translate" / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "env"))
    assert models.packages_dir() == tmp_path / "env"
    assert models.packages_dir(tmp_path / "explicit") == tmp_path / "explicit"


def test_use_tiny_argos_fixture_lets_a_default_engine_find_the_package(use_tiny_argos):
    engine = TranslationEngine()
    assert engine.model_info().path == use_tiny_argos.path
    assert engine.translate_text("你好。").stats.model_calls == 1


def test_install_then_translate_then_replace(tiny_argos_package, tmp_path):
    target = tmp_path / "packages"
    model = models.install_model(tiny_argos_package.archive, target)
    installed = "translate-zh_en-0_0_1"  # named from the metadata (zh, en, 0.0.1), not the archive's folder
    assert model.path == target / installed
    assert (model.path / "model" / "model.bin").is_file()
    engine = TranslationEngine(packages_dir=target, cache_path=tmp_path / "c.sqlite3")
    assert engine.translate_text("我们学习。").blocks[0].text
    # installing the same package again replaces it, without leftovers next to it
    again = models.install_model(tiny_argos_package.archive, target)
    assert again.path == model.path
    assert sorted(p.name for p in target.iterdir()) == [installed]
    assert not list(tmp_path.glob(".studyreader-replaced-*"))
    models.remove_model(again)
    assert models.list_installed(target) == []


@pytest.mark.parametrize(
    "name, files, message",
    [
        ("dotdot", {"pkg/metadata.json": b"{}", "pkg/../../evil.txt": b"x"}, "outside its folder"),
        ("absolute", {"/etc/evil": b"x", "pkg/metadata.json": b"{}"}, "absolute path"),
        ("no-metadata", {"pkg/model/model.bin": b"x", "pkg/sentencepiece.model": b"x"}, "metadata.json is missing"),
        ("two-tops", {"a/metadata.json": b"{}", "b/metadata.json": b"{}"}, "one top-level folder"),
        ("top-file", {"metadata.json": b"{}"}, "one top-level folder"),
        ("bad-json", {"pkg/metadata.json": b"{not json"}, "not valid JSON"),
    ],
)
def test_bad_archives_are_refused_before_extraction(tmp_path, name, files, message):
    archive = _zip(tmp_path / f"{name}.argosmodel", files)
    target = tmp_path / "packages"
    with pytest.raises(models.ModelArchiveError) as info:
        models.install_model(archive, target)
    assert message in str(info.value)
    assert str(archive) in str(info.value)
    assert not target.exists() or not any(target.iterdir())
    assert not (tmp_path / "evil.txt").exists()


def test_wrong_languages_refused(tiny_argos_package, tmp_path):
    archive = _zip(tmp_path / "de_en.argosmodel", _package_files(tiny_argos_package, from_code="de", to_code="en"))
    with pytest.raises(models.ModelArchiveError, match="translates de→en, StudyReader needs zh→en"):
        models.install_model(archive, tmp_path / "packages")


def test_missing_model_refused(tiny_argos_package, tmp_path):
    files = {k: v for k, v in _package_files(tiny_argos_package).items() if "/model/" not in k}
    archive = _zip(tmp_path / "nomodel.argosmodel", files)
    with pytest.raises(models.ModelArchiveError, match="model/model.bin is missing"):
        models.install_model(archive, tmp_path / "packages")


def test_not_a_zip_and_missing_file(tmp_path):
    junk = tmp_path / "junk.argosmodel"
    junk.write_bytes(b"definitely not a zip file")
    with pytest.raises(models.ModelArchiveError, match="not a zip archive"):
        models.validate_archive(junk)
    with pytest.raises(models.ModelArchiveError, match="no such file") as info:
        models.validate_archive(tmp_path / "absent.argosmodel")
    assert info.value.exit_code == 1


def test_a_valid_package_under_another_folder_name(tiny_argos_package, tmp_path):
    files = _package_files(tiny_argos_package, top="translate-zh_en-1_9", version="1.9")
    archive = _zip(tmp_path / "other.argosmodel", files)
    info = models.validate_archive(archive)
    assert info.top == "translate-zh_en-1_9" and info.metadata["package_version"] == "1.9"
    model = models.install_model(archive, tmp_path / "packages")
    assert model.version == "1.9"


# --- downloads through a local HTTP server --------------------------------------------------------

class _Server:
    def __init__(self, root: Path, truncate: bool = False):
        handler_root = root

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(handler_root), **kwargs)

            def log_message(self, *args):
                pass

            def copyfile(self, source, outputfile):
                if truncate and self.path.endswith(".argosmodel"):
                    outputfile.write(source.read(1000))  # the connection drops mid-file
                    return
                shutil.copyfileobj(source, outputfile)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def _index(root: Path, url: str, archive: Path) -> None:
    shutil.copy(archive, root / "zh_en.argosmodel")
    meta = tiny_argos.metadata()
    meta["links"] = [f"{url}/zh_en.argosmodel"]
    other = tiny_argos.metadata(from_code="en", to_code="de")
    other["links"] = [f"{url}/missing.argosmodel"]
    (root / "index.json").write_text(json.dumps([other, meta]), encoding="utf-8")


def test_download_installs_with_progress(tiny_argos_package, tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    with _Server(root) as server:
        _index(root, server.url, tiny_argos_package.archive)
        seen = []
        model = models.download_model(
            progress=lambda done, total: seen.append((done, total)),
            directory=tmp_path / "packages",
            index_url=f"{server.url}/index.json",
        )
    assert model.from_code == "zh" and model.path.parent == tmp_path / "packages"
    size = tiny_argos_package.archive.stat().st_size
    assert seen[0] == (0, size) and seen[-1] == (size, size)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert models.find_model(tmp_path / "packages") is not None


def test_download_offline_names_the_url_and_installs_nothing(tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/index.json"
    with pytest.raises(models.OfflineError) as info:
        models.download_model(directory=tmp_path / "packages", index_url=url, timeout=5)
    assert url in str(info.value)
    assert "studyreader models install" in str(info.value)
    assert models.list_installed(tmp_path / "packages") == []


def test_broken_download_installs_nothing(tiny_argos_package, tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    with _Server(root, truncate=True) as server:
        _index(root, server.url, tiny_argos_package.archive)
        with pytest.raises(models.OfflineError, match="nothing was installed"):
            models.download_model(directory=tmp_path / "packages", index_url=f"{server.url}/index.json", timeout=5)
    assert models.list_installed(tmp_path / "packages") == []
    from argostranslate import settings

    assert not list(Path(settings.downloads_dir).glob("studyreader-*.part"))


def test_download_cancel(tiny_argos_package, tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    with _Server(root) as server:
        _index(root, server.url, tiny_argos_package.archive)
        with pytest.raises(models.DownloadCancelled):
            models.download_model(
                directory=tmp_path / "packages", index_url=f"{server.url}/index.json", should_cancel=lambda: True
            )
    assert models.list_installed(tmp_path / "packages") == []


def test_a_broken_folder_does_not_hide_installed_packages(tiny_argos_package, tmp_path):
    target = tmp_path / "packages"
    models.install_model(tiny_argos_package.archive, target)
    (target / "half-copied").mkdir()  # no metadata.json
    (target / "notes.txt").write_text("not a package")
    assert [m.name for m in models.list_installed(target)] == ["translate-zh_en-0_0_1"]
    assert models.find_model(target) is not None


def test_the_session_package_does_not_leak_into_the_environment(tiny_argos_package):
    import os

    assert os.environ.get("ARGOS_PACKAGES_DIR") != str(tiny_argos_package.packages_dir)
    assert models.find_model() is None  # the default folder (per-test XDG dirs) is empty


def test_engine_picks_up_a_newly_installed_package(tiny_argos_package, tmp_path):
    target = tmp_path / "packages"
    target.mkdir()
    engine = TranslationEngine(packages_dir=target, cache_path=tmp_path / "c.sqlite3")
    from studyreader.translate.engine import NoModelError

    with pytest.raises(NoModelError):
        engine.translate_text("你好。")
    models.install_model(tiny_argos_package.archive, target)
    assert engine.translate_text("你好。").stats.model_calls == 1
    newer = _zip(tmp_path / "newer.argosmodel", _package_files(tiny_argos_package, top="zh_en-2", version="2.0"))
    models.install_model(newer, target)
    result = engine.translate_text("你好。")
    assert result.stats.model_calls == 1  # a new package version: a new cache key
    assert engine.model_info().version == "2.0"
    models.remove_model(engine.model_info())
    models.remove_model(engine.model_info())
    with pytest.raises(NoModelError):
        engine.translate_text("再见。")


def test_install_into_an_unwritable_place_is_a_clear_refusal(tiny_argos_package, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(models.StudyReaderError, match="nothing was installed") as info:
        models.install_model(tiny_argos_package.archive, blocker / "packages")
    assert str(blocker) in str(info.value)
