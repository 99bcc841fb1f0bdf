"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"
CORPUS_DIR = SHARED_DIR / "corpus"


def corpus_files() -> list[Path]:
    """The real notes files beside the project, or none when absent."""
    if not CORPUS_DIR.is_dir():
        return []
    return sorted(CORPUS_DIR.glob("*.md"))


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Every test gets its own config, data and cache folders (platformdirs reads XDG_*)."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        folder = home / sub
        folder.mkdir()
        monkeypatch.setenv(var, str(folder))
    return home


# --- Argos Translate: a tiny real zh→en package (translate helper) ---------------------------------

@pytest.fixture(scope="session")
def tiny_argos_package(tmp_path_factory):
    """A tiny REAL Argos package (random weights, gibberish English), built once per session.

    Returns ``tests.support.tiny_argos.TinyPackage`` with ``.packages_dir`` (an Argos packages folder
    holding only this package), ``.archive`` (the ``.argosmodel``) and ``.path`` (installed folder).
    Give the engine the folder explicitly — ``TranslationEngine(packages_dir=pkg.packages_dir)`` — or
    request ``use_tiny_argos`` to set ``ARGOS_PACKAGES_DIR`` for one test (code that builds its own
    engine then finds the package too).
    """
    from tests.support.tiny_argos import install_session_package

    root = tmp_path_factory.mktemp("tiny-argos")
    with pytest.MonkeyPatch.context() as mp:
        # argostranslate reads XDG_* once, at first import, and creates folders there: keep them temporary.
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            mp.setenv(var, str(root / "argos-home" / var.lower()))
        return install_session_package(root)


@pytest.fixture
def use_tiny_argos(tiny_argos_package, monkeypatch):
    """``ARGOS_PACKAGES_DIR`` points at the tiny package for this test only."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tiny_argos_package.packages_dir))
    return tiny_argos_package
