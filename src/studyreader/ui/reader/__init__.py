"""The bilingual reader: every block of the notes beside its English, rows aligned (reader.py), built slice by
slice (builder.py), found on screen (geometry.py), with its tooltips (hover.py), its Tab key (keyboard.py), its row
HTML (row_html.py), its document's cells (cells.py), and its colours and images (style.py)."""
