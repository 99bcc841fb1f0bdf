"""The settings dialog: interface language, theme, study goals, the evening reminder."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from studyreader import options
from studyreader.ui import i18n
from studyreader.ui.settings import Settings


class SettingsDialog(QDialog):
    """Edits a :class:`Settings`; nothing is written until OK."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
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

        layout = QVBoxLayout(self)
        layout.addWidget(self.interface_group)
        layout.addWidget(self.study_group)
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

    def accept(self) -> None:
        s = self.settings
        new_language = self.language_combo.currentData()
        language_changed = new_language != s.language
        s.language = new_language
        s.theme = self.theme_combo.currentData()
        s.daily_goal_minutes = self.goal_spin.value()
        s.target_minutes = self.target_spin.value()
        s.reminder_enabled = self.reminder_check.isChecked()
        s.reminder_time = self.reminder_time.time()
        super().accept()
        if language_changed:
            i18n.apply_language(new_language)

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
