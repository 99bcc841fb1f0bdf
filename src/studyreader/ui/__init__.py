"""The Qt shell: thin widgets over the plain-Python core. Top-level modules are shared by every
part (application start, settings adapter, language, fonts, background jobs, the file watcher,
the translation service); each feature has its own folder."""
