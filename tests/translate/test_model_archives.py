"""Hostile model archives: zip bombs, a misleading top folder, wrongly typed metadata (issue 12, item 10)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from studyreader.cli import main
from studyreader.translate import models


def package_files(tiny_argos_package, top: str, **metadata_overrides) -> dict[str, bytes]:
    files = {}
    for path in sorted(tiny_argos_package.path.rglob("*")):
        if path.is_file():
            files[f"{top}/{path.relative_to(tiny_argos_package.path).as_posix()}"] = path.read_bytes()
    metadata = json.loads((tiny_argos_package.path / "metadata.json").read_text(encoding="utf-8"))
    metadata.update(metadata_overrides)
    files[f"{top}/metadata.json"] = json.dumps(metadata).encode()
    return files


def write_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def test_the_archive_folder_name_cannot_replace_another_package(tiny_argos_package, tmp_path):
    packages = tmp_path / "packages"
    en_de = packages / "translate-en_de-1_0"
    en_de.mkdir(parents=True)
    (en_de / "metadata.json").write_text('{"from_code": "en", "to_code": "de", "package_version": "1.0"}')
    archive = write_zip(tmp_path / "zh_en.argosmodel", package_files(tiny_argos_package, "translate-en_de-1_0"))
    model = models.install_model(archive, packages)
    assert model.path == packages / "translate-zh_en-0_0_1"
    assert (model.from_code, model.to_code) == ("zh", "en")
    assert json.loads((en_de / "metadata.json").read_text())["to_code"] == "de"  # untouched
    assert sorted(p.name for p in packages.iterdir()) == ["translate-en_de-1_0", "translate-zh_en-0_0_1"]


def test_an_archive_that_unpacks_too_big_is_refused_before_extraction(tiny_argos_package, tmp_path):
    files = package_files(tiny_argos_package, "pkg")
    files["pkg/padding.bin"] = b"\0" * 3_000_000  # compresses to a few kilobytes
    archive = write_zip(tmp_path / "bomb.argosmodel", files)
    assert archive.stat().st_size < 1_000_000 + sum(len(v) for k, v in files.items() if k != "pkg/padding.bin")
    limits = models.ArchiveLimits(max_bytes=2_000_000)
    with pytest.raises(models.ModelArchiveError, match="would unpack to 3 MB"):
        models.install_model(archive, tmp_path / "packages", limits=limits)
    assert not (tmp_path / "packages").exists() or not any((tmp_path / "packages").iterdir())


def test_an_archive_with_too_many_files_is_refused(tiny_argos_package, tmp_path):
    files = package_files(tiny_argos_package, "pkg")
    files.update({f"pkg/many/{n}.txt": b"" for n in range(models.DEFAULT_LIMITS.max_files)})
    archive = write_zip(tmp_path / "many.argosmodel", files)
    with pytest.raises(models.ModelArchiveError, match="files"):
        models.install_model(archive, tmp_path / "packages")
    assert not (tmp_path / "packages").exists()


@pytest.mark.parametrize(
    "override, message",
    [
        ({"languages": 5}, '"languages" must be a list'),
        ({"languages": [5]}, '"languages" must list objects'),
        ({"package_version": 1.9}, '"package_version" must be a text'),
        ({"package_version": "../../x"}, '"package_version" must be a version'),
        ({"links": "https://x"}, '"links" must be a list'),
        ({"from_name": ["Chinese"]}, '"from_name" must be a text'),
    ],
)
def test_wrongly_typed_metadata_is_refused_with_a_message(tiny_argos_package, tmp_path, capsys, override, message):
    archive = write_zip(tmp_path / "typed.argosmodel", package_files(tiny_argos_package, "pkg", **override))
    code = main(["models", "--packages-dir", str(tmp_path / "packages"), "install", str(archive)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err and str(archive) in err
    assert not (tmp_path / "packages").exists() or not any((tmp_path / "packages").iterdir())
