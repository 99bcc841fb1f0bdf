"""The entry editor dock: today's entry in Markdown, its preview and live English.

editor.py is the panel; header, preview, live translation, drafts and the save conflict live beside it.
"""
