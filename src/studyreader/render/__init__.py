"""How notes become what the reader shows, without Qt: sanitised HTML per block (markup),
the reader's rows (rows) and the first screen kept for the next start (first_screen)."""
