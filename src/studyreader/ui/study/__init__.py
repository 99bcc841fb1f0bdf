"""The study timer in the toolbar, the habit heat map and the evening reminder."""
