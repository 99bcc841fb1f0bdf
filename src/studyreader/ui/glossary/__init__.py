"""The glossary sidebar and the dialog that adds or edits a term."""
