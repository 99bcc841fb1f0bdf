"""A shown reader for the reader's tests."""

from __future__ import annotations

import pytest

from studyreader.ui.reader.reader import BilingualReader


@pytest.fixture
def make_reader(qtbot):
    """``make(width=1000, height=700)``: a BilingualReader shown at that size, exposed."""

    def make(width: int = 1000, height: int = 700) -> BilingualReader:
        widget = BilingualReader()
        qtbot.addWidget(widget)
        widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return make


@pytest.fixture
def reader(make_reader) -> BilingualReader:
    return make_reader()
