"""Co-learning programmes: detecting the programme of a notes file, the bot's verdicts, check-in. No Qt here."""
