"""The day's entry: the editor dock with its preview, live translation and drafts."""
