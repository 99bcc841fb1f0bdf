"""Co-learning programmes: the programme of a notes file, the bot's verdicts, will-it-count, check-in. No Qt here."""

from studyreader.programme.checkin import CheckinResult, check_in
from studyreader.programme.detect import detect_programme
from studyreader.programme.forecast import Forecast, LeaveBudget, will_it_count
from studyreader.programme.model import Detection, Programme, ProgrammeOverride, Sourced, TableRow
from studyreader.programme.status import Status, status_for
from studyreader.programme.verdicts import DayVerdict, bot_verdicts
from studyreader.programme.website import website_entry_text, written_by_website

__all__ = [
    "CheckinResult",
    "DayVerdict",
    "Detection",
    "Forecast",
    "LeaveBudget",
    "Programme",
    "ProgrammeOverride",
    "Sourced",
    "Status",
    "TableRow",
    "bot_verdicts",
    "check_in",
    "detect_programme",
    "status_for",
    "website_entry_text",
    "will_it_count",
    "written_by_website",
]
