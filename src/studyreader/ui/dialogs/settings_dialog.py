"""The settings dialog: interface language, theme, study goals, the evening reminder, and the programme
of the open notes file (each field left empty means "as detected from the programme's repository")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from studyreader import options
from studyreader.ui import i18n
from studyreader.ui.messages import error_text
from studyreader.ui.settings import Settings
from studyreader.ui.widgets.banner import error_colour


class SettingsDialog(QDialog):
    """Edits a :class:`Settings`; nothing is written until OK."""

    def __init__(self, settings: Settings, parent: QWidget | None = None, notes_path: Path | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.notes_path = notes_path
        self.setObjectName("SettingsDialog")

        self.language_combo = QComboBox(self)
        for code in options.LANGUAGE.choices:
            self.language_combo.addItem("", code)
        self.theme_combo = QComboBox(self)
        for code in options.THEME.choices:
            self.theme_combo.addItem("", code)

        self.goal_spin = QSpinBox(self)
        self.goal_spin.setRange(options.DAILY_GOAL.minimum, options.DAILY_GOAL.maximum)
        self.goal_spin.setSingleStep(5)
        self.target_spin = QSpinBox(self)
        self.target_spin.setRange(options.TARGET_MINUTES.minimum, options.TARGET_MINUTES.maximum)
        self.target_spin.setSingleStep(5)
        self.reminder_check = QCheckBox(self)
        self.reminder_time = QTimeEdit(self)
        self.reminder_time.setDisplayFormat("HH:mm")
        self.reminder_check.toggled.connect(self.reminder_time.setEnabled)

        def label_for(field: QWidget) -> QLabel:
            label = QLabel(self)
            label.setBuddy(field)
            return label

        self.language_label = label_for(self.language_combo)
        self.theme_label = label_for(self.theme_combo)
        self.target_label = label_for(self.target_spin)
        self.goal_label = label_for(self.goal_spin)
        self.reminder_label = label_for(self.reminder_time)

        self.interface_group = QGroupBox(self)
        interface_form = QFormLayout(self.interface_group)
        interface_form.addRow(self.language_label, self.language_combo)
        interface_form.addRow(self.theme_label, self.theme_combo)
        self.study_group = QGroupBox(self)
        study_form = QFormLayout(self.study_group)
        study_form.addRow(self.target_label, self.target_spin)
        study_form.addRow(self.goal_label, self.goal_spin)
        study_form.addRow(self.reminder_check)
        study_form.addRow(self.reminder_label, self.reminder_time)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.programme_group = ProgrammeFields(self)
        self.programme_group.setVisible(notes_path is not None)

        layout = QVBoxLayout(self)
        layout.addWidget(self.interface_group)
        layout.addWidget(self.study_group)
        layout.addWidget(self.programme_group)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self._load()
        self.retranslateUi()
        self.setMinimumWidth(420)

    def _load(self) -> None:
        s = self.settings
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(s.language)))
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(s.theme)))
        self.goal_spin.setValue(s.daily_goal_minutes)
        self.target_spin.setValue(s.target_minutes)
        self.reminder_check.setChecked(s.reminder_enabled)
        self.reminder_time.setTime(s.reminder_time)
        self.reminder_time.setEnabled(s.reminder_enabled)
        if self.notes_path is not None:
            self.programme_group.load(self.notes_path, s.programme_override(self.notes_path))

    def accept(self) -> None:
        s = self.settings
        if self.notes_path is not None:
            override = self.programme_group.override()
            if override is None:
                return  # the group says what is wrong; nothing is written
            s.set_programme_override(self.notes_path, override)
        s.language = self.language_combo.currentData()  # the window applies it (and the theme) at once
        s.theme = self.theme_combo.currentData()
        s.daily_goal_minutes = self.goal_spin.value()
        s.target_minutes = self.target_spin.value()
        s.reminder_enabled = self.reminder_check.isChecked()
        s.reminder_time = self.reminder_time.time()
        super().accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        system = i18n.NATIVE_NAMES[i18n.system_language()]
        language_names = {"": self.tr("System default ({language})").format(language=system), **i18n.NATIVE_NAMES}
        for index in range(self.language_combo.count()):
            self.language_combo.setItemText(index, language_names[self.language_combo.itemData(index)])
        theme_names = {"system": self.tr("Follow the system"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        for index in range(self.theme_combo.count()):
            self.theme_combo.setItemText(index, theme_names[self.theme_combo.itemData(index)])
        self.interface_group.setTitle(self.tr("Interface"))
        self.study_group.setTitle(self.tr("Study"))
        self.language_label.setText(self.tr("&Language:"))
        self.theme_label.setText(self.tr("&Theme:"))
        self.target_label.setText(self.tr("Evening &target:"))
        self.goal_label.setText(self.tr("Daily &goal for the streak:"))
        self.reminder_label.setText(self.tr("Remind me &at:"))
        suffix = self.tr(" min")
        self.goal_spin.setSuffix(suffix)
        self.target_spin.setSuffix(suffix)
        self.reminder_check.setText(self.tr("&Remind me in the evening if I have not started studying"))
        self.language_combo.setToolTip(self.tr("Takes effect at once."))
        self.reminder_time.setToolTip(self.tr("In the notes file's time zone."))
        self.programme_group.retranslate(self.notes_path)


class ProgrammeFields(QGroupBox):
    """The programme of the open notes file as the user states it; empty fields keep what was detected
    (shown greyed in each field)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmeSettings")
        self.start_edit, self.end_edit = QLineEdit(self), QLineEdit(self)
        self.allowance_spin = QSpinBox(self)
        self.allowance_spin.setRange(-1, 7)  # -1: as detected
        self.generation_combo = QComboBox(self)
        for code in ("", "newer", "older"):
            self.generation_combo.addItem("", code)
        self.zone_edit = QLineEdit(self)
        self.disabled_check = QCheckBox(self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.labels = [QLabel(self) for _ in range(5)]
        form = QFormLayout(self)
        for label, field in zip(self.labels, (self.start_edit, self.end_edit, self.allowance_spin,
                                              self.generation_combo, self.zone_edit)):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.disabled_check)
        form.addRow(self.problem)
        self._detected = None

    def load(self, notes_path: Path, override) -> None:
        from studyreader.programme import detect_programme

        self._detected = detect_programme(notes_path).programme
        self.start_edit.setText(override.start.isoformat() if override.start else "")
        self.end_edit.setText(override.end.isoformat() if override.end else "")
        self.allowance_spin.setValue(override.allowance if override.allowance is not None else -1)
        self.generation_combo.setCurrentIndex(max(0, self.generation_combo.findData(override.generation or "")))
        self.zone_edit.setText(override.timezone or "")
        self.disabled_check.setChecked(override.disabled)

    def override(self):
        """The override entered, or None after saying what is wrong with it."""
        from studyreader.programme import ProgrammeOverride

        try:
            override = ProgrammeOverride.from_dict({
                "start": self.start_edit.text().strip(), "end": self.end_edit.text().strip(),
                "allowance": self.allowance_spin.value() if self.allowance_spin.value() >= 0 else None,
                "generation": self.generation_combo.currentData(), "timezone": self.zone_edit.text().strip(),
                "disabled": self.disabled_check.isChecked(),
            })
        except ValueError as error:
            self.problem.setText(self.tr("Not saved: {error}").format(error=error_text(error)))
            self.problem.setStyleSheet(f"color: {error_colour(self)};")
            self.problem.show()
            return None
        if override.start and override.end and override.end < override.start:
            self.problem.setText(self.tr("Not saved: the programme ends before it starts."))
            self.problem.setStyleSheet(f"color: {error_colour(self)};")
            self.problem.show()
            return None
        self.problem.hide()
        return override

    def retranslate(self, notes_path: Path | None) -> None:
        name = notes_path.name if notes_path is not None else ""
        self.setTitle(self.tr("Programme of {file}").format(file=name))
        texts = (self.tr("&Start:"), self.tr("&End:"), self.tr("Leave &allowance:"), self.tr("&Rules:"),
                 self.tr("Time &zone:"))
        for label, text in zip(self.labels, texts):
            label.setText(text)
        detected = self._detected
        as_detected = self.tr("as detected")
        none_found = self.tr("none detected (YYYY-MM-DD)")
        self.start_edit.setPlaceholderText(detected.start.value.isoformat() if detected else none_found)
        self.end_edit.setPlaceholderText(detected.end.value.isoformat() if detected else none_found)
        self.allowance_spin.setSpecialValueText(
            self.tr("as detected ({n})").format(n=detected.allowance.value) if detected else as_detected)
        self.allowance_spin.setSuffix(self.tr(" a week"))
        rules_names = {"newer": self.tr("newer"), "older": self.tr("older")}
        generations = {"": self.tr("as detected ({rules})").format(
            rules=rules_names[detected.generation.value if detected else "newer"]),
            "newer": self.tr("newer: allowance from the README, 7-day cycles from the start"),
            "older": self.tr("older: 2 leaves, Monday-to-Sunday weeks")}
        for index in range(self.generation_combo.count()):
            self.generation_combo.setItemText(index, generations[self.generation_combo.itemData(index)])
        self.zone_edit.setPlaceholderText(self.tr("as the bot reads the notes (e.g. Asia/Shanghai, UTC+8)"))
        self.disabled_check.setText(self.tr("This file is in &no programme (entries only count or not)"))
        self.setToolTip(self.tr("Leave a field empty to use what was found in the programme's repository."))
