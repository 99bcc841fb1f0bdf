"""Modal dialogs: translation models and settings."""
