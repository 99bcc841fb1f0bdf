"""Fixtures for the glossary tests: a small real TOML term base instead of the bundled one."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyreader.glossary import termbase

DATA_DIR = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def fresh_default_glossary():
    """No test sees another test's cached glossary."""
    termbase.invalidate_default()
    yield
    termbase.invalidate_default()


@pytest.fixture
def fixture_dir() -> Path:
    return DATA_DIR


@pytest.fixture
def glossary(fixture_dir):
    """The fixture term base with no user file."""
    return termbase.load_glossary(bundled_dir=fixture_dir, include_user=False)


@pytest.fixture
def use_fixture_bundle(monkeypatch, fixture_dir):
    """Make the app (default_glossary, CLI, user-term functions) read the fixture instead of resources/."""
    monkeypatch.setattr(termbase, "bundled_dir", lambda: fixture_dir)
    return fixture_dir
