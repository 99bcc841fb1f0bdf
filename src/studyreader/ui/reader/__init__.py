"""The bilingual reader: every block of the notes beside its English, rows aligned."""
