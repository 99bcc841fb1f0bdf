"""StudyReader: read Chinese co-learning notes beside an offline English translation."""

__version__ = "0.1.0"
APP_NAME = "StudyReader"
APP_ID = "studyreader"
