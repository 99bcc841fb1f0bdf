"""The main window (main_window.py: layout, docks, wiring) and its parts: the action table, the
document and translation controllers, the status area, the side panes, the deferred start-up."""
