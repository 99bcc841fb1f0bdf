"""Argos Translate packages: find, list, validate, install and download them.

No Qt. Everything that touches Argos imports it lazily (``argostranslate`` reads its settings from
environment variables when first imported, see :func:`import_argos`), so call these functions in a
worker thread. The packages folder is, in order: an explicit argument, ``$ARGOS_PACKAGES_DIR``,
Argos's own default (``$XDG_DATA_HOME/argos-translate/packages``).
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import shutil
import tempfile
import threading
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studyreader.errors import StudyReaderError, os_reason
from studyreader.messages import Message, message

__all__ = [
    "InstalledModel",
    "ArchiveInfo",
    "ModelArchiveError",
    "OfflineError",
    "DownloadCancelled",
    "packages_dir",
    "import_argos",
    "list_installed",
    "find_model",
    "validate_archive",
    "install_model",
    "download_model",
    "remove_model",
    "FROM_CODE",
    "TO_CODE",
]

FROM_CODE = "zh"
TO_CODE = "en"
_INSTALL_LOCK = threading.Lock()


class ModelArchiveError(StudyReaderError):
    """A ``.argosmodel`` file that is not a valid zh→en Argos package."""


class OfflineError(StudyReaderError):
    """The package index or the package itself could not be downloaded."""


class DownloadCancelled(StudyReaderError):
    exit_code = 130


@dataclass(frozen=True)
class InstalledModel:
    name: str  # folder name
    code: str  # package code, e.g. "translate-zh_en"
    from_code: str
    to_code: str
    version: str
    argos_version: str
    size: int  # bytes on disk
    path: Path
    package: Any = field(default=None, repr=False, compare=False)  # argostranslate.package.Package

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "code": self.code,
            "from_code": self.from_code,
            "to_code": self.to_code,
            "version": self.version,
            "argos_version": self.argos_version,
            "size": self.size,
            "path": str(self.path),
        }


@dataclass(frozen=True)
class ArchiveInfo:
    path: Path
    top: str  # the archive's single top-level folder
    metadata: dict

    @property
    def folder_name(self) -> str:
        """The folder the package is installed into, named from its validated metadata."""
        return install_folder_name(self.metadata)


@dataclass(frozen=True)
class ArchiveLimits:
    """How much an archive may unpack to: a small file must not fill the disk (a zip bomb)."""

    max_bytes: int = 1024**3  # the zh→en package unpacks to about 0.2 GB
    max_files: int = 2000  # it holds about 100


DEFAULT_LIMITS = ArchiveLimits()

# Argos's metadata keys and the JSON types it expects of them; anything else is a refusal, not a traceback.
_TEXT_KEYS = ("code", "package_version", "argos_version", "from_code", "from_name", "to_code", "to_name",
              "type", "target_prefix")
_LIST_KEYS = ("from_codes", "to_codes", "links", "dependencies", "languages", "source_languages",
              "target_languages")
_LANGUAGE_LIST_KEYS = ("languages", "source_languages", "target_languages")
_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+-]{0,39}")


def install_folder_name(metadata: dict) -> str:
    """``translate-zh_en-1_9`` for package version 1.9 (Argos's own naming), from checked metadata only."""
    version = metadata["package_version"].replace(".", "_").replace("+", "_")
    return f"translate-{metadata['from_code']}_{metadata['to_code']}-{version}"


def _metadata_problem(metadata: dict) -> Message | None:
    """Why the metadata's values are not of the types Argos reads, or None."""
    for key in _TEXT_KEYS:
        if key in metadata and not isinstance(metadata[key], str):
            return message("model.key_not_text", key=key, value=json.dumps(metadata[key])[:40])
    for key in _LIST_KEYS:
        if key in metadata and not isinstance(metadata[key], list):
            return message("model.key_not_list", key=key, value=json.dumps(metadata[key])[:40])
    for key in _LANGUAGE_LIST_KEYS:
        for item in metadata.get(key, []):
            if not isinstance(item, dict) or not all(isinstance(v, str) for v in item.values()):
                return message("model.key_not_languages", key=key, example='{"code": "zh", "name": "Chinese"}')
    for key in ("from_codes", "to_codes", "links"):
        if not all(isinstance(item, str) for item in metadata.get(key, [])):
            return message("model.key_not_texts", key=key)
    version = metadata.get("package_version")
    if not isinstance(version, str) or not _VERSION.fullmatch(version):
        return message("model.bad_version")
    return None


def _argos_default_dir() -> Path:
    """Argos's default packages folder, computed as ``argostranslate.settings`` does, without importing it."""
    home = Path.home()
    if "SNAP" in os.environ and "SNAP_USER_DATA" in os.environ:
        home = Path(os.environ["SNAP_USER_DATA"])
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return data / "argos-translate" / "packages"


def packages_dir(explicit: str | os.PathLike | None = None) -> Path:
    """Where packages are looked for and installed."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env).expanduser()
    return _argos_default_dir()


def import_argos(directory: Path | None = None):
    """Import ``argostranslate.package`` lazily.

    Argos reads its settings (``ARGOS_PACKAGES_DIR``, ``XDG_*``) once, at first import, and creates its
    folders then. StudyReader never relies on those frozen values for packages: every call below passes
    the folder explicitly, so the environment may change between calls (as it does between tests).
    """
    import argostranslate.package as argos_package

    return argos_package


def _folder_size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


def _to_model(pkg) -> InstalledModel:
    path = Path(pkg.package_path)
    return InstalledModel(
        name=path.name,
        code=pkg.code or f"{pkg.type}-{pkg.from_code}_{pkg.to_code}",
        from_code=pkg.from_code or "",
        to_code=pkg.to_code or "",
        version=str(pkg.package_version or ""),
        argos_version=str(pkg.argos_version or ""),
        size=_folder_size(path),
        path=path,
        package=pkg,
    )


def list_installed(directory: str | os.PathLike | None = None) -> list[InstalledModel]:
    """Installed packages (any language pair), sorted by code then version."""
    folder = packages_dir(directory)
    if not folder.is_dir():
        return []
    argos_package = import_argos(folder)
    try:
        packages = argos_package.get_installed_packages([folder])
    except Exception:  # one broken folder must not hide the others
        packages = []
        for child in sorted(folder.iterdir()):
            if child.is_dir():
                try:
                    packages.append(argos_package.Package(child))
                except Exception:
                    continue
    models = [_to_model(pkg) for pkg in packages if getattr(pkg, "type", "translate") == "translate"]
    return sorted(models, key=lambda m: (m.code, _version_key(m.version)))


def _version_key(version: str):
    try:
        from packaging.version import Version

        return (0, Version(version))
    except Exception:
        return (1, version)


def find_model(directory: str | os.PathLike | None = None, from_code: str = FROM_CODE,
               to_code: str = TO_CODE) -> InstalledModel | None:
    """The newest installed package for the language pair that has a CTranslate2 model, or None."""
    candidates = [
        m for m in list_installed(directory)
        if m.from_code == from_code and m.to_code == to_code and (m.path / "model" / "model.bin").is_file()
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda m: _version_key(m.version))


# --- archives -------------------------------------------------------------------------------------

def validate_archive(
    path: str | os.PathLike,
    from_code: str = FROM_CODE,
    to_code: str = TO_CODE,
    *,
    limits: ArchiveLimits = DEFAULT_LIMITS,
) -> ArchiveInfo:
    """Check a ``.argosmodel`` before anything is extracted; raise ModelArchiveError naming the problem.

    The size and number of files are checked from the archive's directory before any byte is
    decompressed (the CRC test would otherwise inflate a zip bomb); extraction counts again.
    """
    path = Path(path)
    if not path.is_file():
        raise ModelArchiveError(message("model.no_file", path=str(path)), exit_code=1)
    if not zipfile.is_zipfile(path):
        raise ModelArchiveError(message("model.not_zip", path=str(path)))
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            if len(names) > limits.max_files:
                raise ModelArchiveError(
                    message("model.too_many_files", path=str(path), count=len(names), most=limits.max_files)
                )
            unpacked = sum(info.file_size for info in zf.infolist())
            if unpacked > limits.max_bytes:
                raise ModelArchiveError(message("model.too_big", path=str(path), size=f"{unpacked / 1e6:.0f}",
                                                most=f"{limits.max_bytes / 1e6:.0f}"))
            bad = zf.testzip()
            if bad is not None:
                raise ModelArchiveError(message("model.bad_crc", path=str(path), name=bad))
            tops = set()
            for name in names:
                if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or "\\" in name:
                    raise ModelArchiveError(message("model.absolute_path", path=str(path), name=name))
                parts = posixpath.normpath(name).split("/")
                if ".." in name.split("/") or parts[0] == "..":
                    raise ModelArchiveError(message("model.outside_path", path=str(path), name=name))
                info = zf.getinfo(name)
                if (info.external_attr >> 16) & 0o170000 == 0o120000:
                    raise ModelArchiveError(message("model.symlink", path=str(path), name=name))
                first = name.split("/", 1)[0]
                if first:
                    tops.add(first)
                if "/" not in name.rstrip("/") and not name.endswith("/"):
                    raise ModelArchiveError(message("model.loose_file", path=str(path), name=name))
            if len(tops) != 1:
                raise ModelArchiveError(message("model.top_count", path=str(path), count=len(tops)))
            top = tops.pop()
            if top in (".", ".."):
                raise ModelArchiveError(message("model.bad_top", path=str(path), top=top))
            try:
                raw = zf.read(f"{top}/metadata.json")
            except KeyError:
                raise ModelArchiveError(message("model.no_metadata", path=str(path), top=top)) from None
            try:
                metadata = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                said = message("model.metadata_not_json", path=str(path), top=top, error=str(error))
                raise ModelArchiveError(said) from None
            if not isinstance(metadata, dict):
                raise ModelArchiveError(message("model.metadata_not_object", path=str(path), top=top))
            problem = _metadata_problem(metadata)
            if problem:
                raise ModelArchiveError(message("model.metadata_problem", path=str(path), top=top, problem=problem))
            got_from, got_to = metadata.get("from_code"), metadata.get("to_code")
            if (got_from, got_to) != (from_code, to_code):
                got = f"{got_from or '?'}→{got_to or '?'}"
                raise ModelArchiveError(message("model.wrong_pair", path=str(path), got=got,
                                                needed=f"{from_code}→{to_code}"))
            if metadata.get("type", "translate") != "translate":
                raise ModelArchiveError(message("model.not_translation", path=str(path), type=metadata.get("type")))
            if f"{top}/model/model.bin" not in names:
                raise ModelArchiveError(message("model.no_model_bin", path=str(path), top=top))
            if f"{top}/sentencepiece.model" not in names and f"{top}/bpe.model" not in names:
                raise ModelArchiveError(message("model.no_tokenizer", path=str(path)))
    except zipfile.BadZipFile as error:
        raise ModelArchiveError(message("model.damaged_zip", path=str(path), error=str(error))) from None
    except OSError as error:
        raise ModelArchiveError(message("model.cannot_read", path=str(path), reason=os_reason(error))) from None
    return ArchiveInfo(path, top, metadata)


def install_model(
    path: str | os.PathLike, directory: str | os.PathLike | None = None, *, limits: ArchiveLimits = DEFAULT_LIMITS
) -> InstalledModel:
    """Validate and install a ``.argosmodel`` into ``translate-FROM_TO-VERSION``; an install of the same
    package version is replaced.

    The folder's name comes from the validated metadata, never from the archive's own top folder (a
    zh→en archive whose folder is called ``translate-en_de-1_0`` must not replace the en→de package).
    The archive is unpacked into a staging folder beside the packages, counting bytes and files
    against ``limits``, and renamed into place; a failed install leaves the previous state in place.
    """
    info = validate_archive(path, limits=limits)
    folder = packages_dir(directory)
    try:
        return _install(info, folder, limits)
    except OSError as error:
        raise StudyReaderError(
            message("model.cannot_install", path=str(info.path), folder=str(folder), reason=os_reason(error))
        ) from None


def _install(info: ArchiveInfo, folder: Path, limits: ArchiveLimits) -> InstalledModel:
    folder.mkdir(parents=True, exist_ok=True)
    argos_package = import_argos(folder)
    target = folder / info.folder_name
    with _INSTALL_LOCK:
        staging = Path(tempfile.mkdtemp(prefix=".studyreader-installing-", dir=folder))
        backup = None
        try:
            _extract(info, staging, limits)
            if target.exists():
                backup = Path(tempfile.mkdtemp(prefix=".studyreader-replaced-", dir=folder.parent))
                shutil.move(str(target), str(backup / target.name))
            os.replace(staging, target)
            model = _to_model(argos_package.Package(target))
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            if backup is not None:
                shutil.rmtree(target, ignore_errors=True)
                shutil.move(str(backup / target.name), str(target))
            raise
        finally:
            if backup is not None:
                shutil.rmtree(backup, ignore_errors=True)
    return model


def _extract(info: ArchiveInfo, staging: Path, limits: ArchiveLimits) -> None:
    """Unpack the archive's top folder into ``staging``, counting what is really written."""
    written = 0
    prefix = info.top + "/"
    with zipfile.ZipFile(info.path) as zf:
        for member in zf.infolist():
            relative = member.filename[len(prefix):] if member.filename.startswith(prefix) else ""
            if not relative:
                continue
            destination = staging.joinpath(*relative.rstrip("/").split("/"))
            if member.is_dir():
                destination.mkdir(parents=True, exist_ok=True)
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(member) as source, open(destination, "wb") as out:
                while chunk := source.read(1 << 20):
                    written += len(chunk)
                    if written > limits.max_bytes:
                        raise ModelArchiveError(message("model.unpacks_too_big", path=str(info.path),
                                                        most=f"{limits.max_bytes / 1e6:.0f}"))
                    out.write(chunk)


def remove_model(model: InstalledModel) -> None:
    with _INSTALL_LOCK:
        shutil.rmtree(model.path)


# --- downloads ------------------------------------------------------------------------------------

def _fetch(url: str, timeout: float, what: Message) -> urllib.response.addinfourl:  # type: ignore[name-defined]
    request = urllib.request.Request(url, headers={"User-Agent": "StudyReader (ArgosTranslate)"})
    try:
        return urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as error:
        said = message("model.http_error", what=what, url=url, code=error.code, reason=str(error.reason))
        raise OfflineError(said) from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise OfflineError(message("model.unreachable", url=url, what=what, reason=str(reason))) from None


def download_model(
    progress: Callable[[int, int], None] | None = None,
    directory: str | os.PathLike | None = None,
    index_url: str | None = None,
    timeout: float = 30.0,
    should_cancel: Callable[[], bool] | None = None,
) -> InstalledModel:
    """Download the zh→en package named in Argos's package index and install it.

    The index is fetched from Argos's configured index URL (what ``update_package_index()`` does, with
    a timeout and an error that names the URL) and parsed by ``get_available_packages()``. The package
    is streamed to a temporary file, validated, installed, and the temporary file removed: an
    interrupted download installs nothing.
    """
    folder = packages_dir(directory)
    argos_package = import_argos(folder)
    from argostranslate import settings as argos_settings

    url = index_url or argos_settings.remote_package_index
    with _fetch(url, timeout, message("model.index")) as response:
        try:
            raw = response.read()
            json.loads(raw.decode("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise OfflineError(message("model.index_unreadable", url=url, error=str(error))) from None
    local_index = Path(argos_settings.local_package_index)
    local_index.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=local_index.parent, delete=False, suffix=".tmp") as tmp:
        tmp.write(raw)
    os.replace(tmp.name, local_index)

    candidates = [
        p for p in argos_package.get_available_packages()
        if p.from_code == FROM_CODE and p.to_code == TO_CODE and getattr(p, "type", "translate") == "translate"
    ]
    if not candidates:
        raise OfflineError(message("model.index_no_package", url=url, pair=f"{FROM_CODE}→{TO_CODE}"), exit_code=1)
    available = max(candidates, key=lambda p: _version_key(str(p.package_version)))
    links = [link for link in (available.links or []) if link.startswith(("http://", "https://", "file:"))]
    if not links:
        raise OfflineError(message("model.index_no_link", url=url, pair=f"{FROM_CODE}→{TO_CODE}"))

    cache = Path(argos_settings.downloads_dir)
    cache.mkdir(parents=True, exist_ok=True)
    errors: list[Message] = []
    for link in links:
        fd, tmp_name = tempfile.mkstemp(prefix="studyreader-", suffix=".argosmodel.part", dir=cache)
        tmp_path = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                try:
                    response = _fetch(link, timeout, message("model.package", pair=f"{FROM_CODE}→{TO_CODE}"))
                except OfflineError as error:
                    errors.append(error.message)
                    continue
                with response:
                    total = int(response.headers.get("Content-Length") or 0)
                    done = 0
                    if progress:
                        progress(0, total)
                    while True:
                        if should_cancel and should_cancel():
                            raise DownloadCancelled(message("model.cancelled"))
                        try:
                            chunk = response.read(256 * 1024)
                        except OSError as error:
                            raise OfflineError(
                                message("model.broke_off", url=link, error=str(error))
                            ) from None
                        if not chunk:
                            break
                        out.write(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, total)
                    if total and done != total:
                        raise OfflineError(message("model.stopped", url=link, done=done, total=total))
                out.flush()
                os.fsync(out.fileno())
            return install_model(tmp_path, folder)
        finally:
            tmp_path.unlink(missing_ok=True)
    raise OfflineError(errors[-1] if errors else message("model.download_failed", pair=f"{FROM_CODE}→{TO_CODE}"))
