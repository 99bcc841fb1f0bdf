"""Fixtures for the review tests: the bundled glossary, the sample notes, a clock that stands still."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from studyreader import paths
from studyreader.glossary import termbase
from studyreader.notes import load_notes

SHANGHAI = ZoneInfo("Asia/Shanghai")


class Clock:
    """An injected clock: aware datetimes, moved by hand."""

    def __init__(self, moment: datetime) -> None:
        self.now = moment

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def shanghai(*args: int) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)


@pytest.fixture(autouse=True)
def fresh_default_glossary():
    """No test sees another test's cached glossary (user terms live in each test's own config folder)."""
    termbase.invalidate_default()
    yield
    termbase.invalidate_default()


@pytest.fixture
def glossary():
    return termbase.default_glossary()


@pytest.fixture
def sample_notes():
    return load_notes(paths.sample_notes())


@pytest.fixture
def clock():
    return Clock(shanghai(2025, 1, 6, 21, 0).astimezone(timezone.utc))
