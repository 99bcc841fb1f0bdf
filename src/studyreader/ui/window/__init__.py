"""The main window: it lays out the panes and docks and wires the parts together
(actions, the document and translation controllers, the status area, the entry list)."""
