"""The bilingual reader: every block of the notes beside its English, rows aligned (reader.py),
with its row HTML (row_html.py), its document's cells (cells.py), and its colours and images (style.py)."""
