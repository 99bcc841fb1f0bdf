"""Small widgets shared by several parts (the banner over a pane)."""
