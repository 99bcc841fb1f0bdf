"""Allows ``python -m studyreader``."""

import sys

from studyreader.cli import main

sys.exit(main())
