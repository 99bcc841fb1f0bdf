"""The translation tests' engine: the tiny real Argos package, a translation cache of the test's own."""

from __future__ import annotations

import pytest

from studyreader.translate.engine import TranslationEngine


@pytest.fixture
def engine(tiny_argos_package, tmp_path):
    eng = TranslationEngine(packages_dir=tiny_argos_package.packages_dir, cache_path=tmp_path / "cache.sqlite3")
    yield eng
    eng.close()
