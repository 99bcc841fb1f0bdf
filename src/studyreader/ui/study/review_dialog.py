"""The term review dialog: one card at a time, driven by the keyboard.

Thin: the queue, the grades and undo are :class:`studyreader.review.ReviewSession`'s;
every grade is saved before the next card shows, so Esc (or a crash) keeps the
progress. Space shows the answer, 1–4 grade, Ctrl+Z takes back the last grade.
Colours come from the palette, so the dialog follows the light and dark themes.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyreader.review import AGAIN, EASY, GOOD, HARD, Direction, record_study_time
from studyreader.ui.jobs import run_in_thread
from studyreader.ui.messages import error_text

if TYPE_CHECKING:
    from studyreader.review import CardFace, ReviewCard, ReviewSession
    from studyreader.study.log import StudyLog

GRADE_KEYS = {Qt.Key.Key_1: AGAIN, Qt.Key.Key_2: HARD, Qt.Key.Key_3: GOOD, Qt.Key.Key_4: EASY}


def _muted(label: QLabel) -> QLabel:
    """Secondary text in the palette's placeholder colour (light and dark alike)."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _scaled(label: QLabel, factor: float, bold: bool = False) -> QLabel:
    font = label.font()
    font.setPointSizeF(max(font.pointSizeF(), 9.0) * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


class ReviewDialog(QDialog):
    """Shows the session's cards; closing it records the sitting as review time in the study log."""

    dateActivated = Signal(object)  # datetime.date of the example sentence: the window jumps there
    cardsChanged = Signal()  # a grade or an undo: the count beside the timer follows
    studyLogChanged = Signal()  # the sitting was written into the study log

    def __init__(
        self,
        session: ReviewSession,
        parent: QWidget | None = None,
        *,
        study_log: StudyLog | None = None,
        timer_running: Callable[[], bool] = lambda: False,
        export_faces: Callable[[], list[CardFace]] | None = None,
    ) -> None:
        """``timer_running``: the study timer already counts this time, so the sitting is not logged again.
        ``export_faces`` (run in a worker thread) gives the cards the Anki export writes."""
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.setModal(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.session = session
        self._log = study_log
        self._timer_running = timer_running
        self._export_faces = export_faces
        self._finished = False
        self._answer_shown = False
        self.recorded_session: int | None = None  # the study log's id of this sitting, once closed
        self.export_job = None
        self.message = ""

        self.status_label = _muted(QLabel(self))
        self.status_label.setObjectName("reviewStatus")
        self.direction_label = _muted(QLabel(self))
        self.direction_label.setObjectName("reviewDirection")
        self.prompt_label = _scaled(QLabel(self), 2.0, bold=True)
        self.prompt_label.setObjectName("reviewPrompt")
        self.answer_label = _scaled(QLabel(self), 1.7, bold=True)
        self.answer_label.setObjectName("reviewAnswer")
        self.forms_label = _scaled(QLabel(self), 1.15)
        self.forms_label.setObjectName("reviewForms")
        self.definition_en = QLabel(self)
        self.definition_en.setObjectName("reviewDefinitionEn")
        self.definition_zh = QLabel(self)
        self.definition_zh.setObjectName("reviewDefinitionZh")
        self.example_label = QLabel(self)
        self.example_label.setObjectName("reviewExample")
        self.example_label.setTextFormat(Qt.TextFormat.RichText)
        self.example_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.example_label.linkActivated.connect(self._date_clicked)
        for label in (self.prompt_label, self.answer_label, self.forms_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.prompt_label, self.answer_label, self.forms_label, self.definition_en,
                      self.definition_zh, self.example_label, self.status_label):
            label.setWordWrap(True)
        for label in (self.prompt_label, self.answer_label, self.forms_label, self.definition_en,
                      self.definition_zh, self.status_label, self.direction_label):
            label.setTextFormat(Qt.TextFormat.PlainText)

        self.card = QFrame(self)
        self.card.setObjectName("reviewCard")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.setBackgroundRole(QPalette.ColorRole.Base)
        self.card.setAutoFillBackground(True)
        self.back = QWidget(self.card)
        self.back.setObjectName("reviewBack")
        back_layout = QVBoxLayout(self.back)
        back_layout.setContentsMargins(0, 0, 0, 0)
        rule = QFrame(self.back)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        back_layout.addWidget(rule)
        for widget in (self.answer_label, self.forms_label, self.definition_en, self.definition_zh,
                       self.example_label):
            back_layout.addWidget(widget)
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(18, 14, 18, 14)
        card_layout.addWidget(self.direction_label, 0, Qt.AlignmentFlag.AlignHCenter)
        card_layout.addStretch(1)
        card_layout.addWidget(self.prompt_label)
        card_layout.addStretch(1)
        card_layout.addWidget(self.back)

        self.hint_label = _muted(QLabel(self))
        self.hint_label.setObjectName("reviewHint")
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grade_buttons: dict[int, QPushButton] = {}
        grades = QHBoxLayout()
        for rating in (AGAIN, HARD, GOOD, EASY):
            button = QPushButton(self)
            button.setObjectName(f"reviewGrade{rating}")
            button.clicked.connect(lambda _checked=False, r=rating: self.grade(r))
            self.grade_buttons[rating] = button
            grades.addWidget(button)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("reviewExport")
        self.export_button.clicked.connect(self.choose_export_file)
        self.export_button.setEnabled(export_faces is not None)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        # Only the dialog takes the keyboard: Space must show the answer, not press a button.
        for button in (*self.grade_buttons.values(), self.export_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.card, 1)
        layout.addWidget(self.hint_label)
        layout.addLayout(grades)
        layout.addLayout(bottom)
        self.setMinimumSize(520, 420)
        self.resize(600, 480)
        self.retranslate()
        self.next_card()

    # -- what the tests and the window ask --------------------------------------------------------
    @property
    def current(self) -> ReviewCard | None:
        return self.session.current

    def answer_shown(self) -> bool:
        return self._answer_shown

    # -- the flow ----------------------------------------------------------------------------------
    def next_card(self) -> None:
        self.session.next_card()
        self._answer_shown = False
        self._show()

    def show_answer(self) -> None:
        if self.current is not None and not self._answer_shown:
            self._answer_shown = True
            self._show()

    def grade(self, rating: int) -> None:
        """Grade the card whose answer is shown; the grade is saved before the next card shows."""
        if self.current is None or not self._answer_shown:
            return
        self.session.grade(rating)
        self.cardsChanged.emit()
        self.next_card()

    def undo(self) -> None:
        """Ctrl+Z: the last grade of this sitting is taken back and its card asked again."""
        if self.session.undo() is not None:
            self._answer_shown = False
            self.cardsChanged.emit()
            self._show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif event.key() == Qt.Key.Key_Space and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.show_answer()
        elif event.key() in GRADE_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.grade(GRADE_KEYS[Qt.Key(event.key())])
        else:
            super().keyPressEvent(event)  # Esc closes (every grade is already saved)

    def done(self, result: int) -> None:
        self.finish()
        super().done(result)

    def finish(self) -> None:
        """The sitting ends: it counts as study time unless the study timer was already counting."""
        if self._finished:
            return
        self._finished = True
        if self._log is not None and not self._timer_running():
            self.recorded_session = record_study_time(self._log, self.session.summary())
            if self.recorded_session is not None:
                self.studyLogChanged.emit()

    # -- Anki -------------------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to Anki"), str(Path.home() / "studyreader-terms.apkg"),
            self.tr("Anki deck (*.apkg)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, out: Path) -> None:
        """Write the deck in a worker thread; the dialog says how it went."""
        from studyreader.review.anki import export_apkg

        faces = self._export_faces
        if faces is None:
            return
        self.export_button.setEnabled(False)
        self._say(self.tr("Writing the Anki deck…"))
        self.export_job = run_in_thread(lambda: export_apkg(faces(), out), lambda n: self._exported(n, out),
                                        self._export_failed, context=self)

    def _exported(self, count: int, out: Path) -> None:
        self.export_button.setEnabled(True)
        self._say(self.tr("Wrote {count} Anki notes to {path}").format(count=count, path=str(out)))

    def _export_failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self._say(self.tr("The Anki deck was not written: {reason}").format(reason=error_text(error)))

    def _say(self, text: str) -> None:
        self.message = text
        self.status_label.setText(text)

    # -- drawing ----------------------------------------------------------------------------------
    def _date_clicked(self, link: str) -> None:
        self.dateActivated.emit(date.fromisoformat(link))

    def _direction_text(self, direction: Direction) -> str:
        if direction is Direction.ZH_EN:
            return self.tr("Chinese → English")
        if direction is Direction.EN_ZH:
            return self.tr("English → Chinese")
        return self.tr("Definition → term")

    def _status_text(self) -> str:
        status = self.session.status()
        return self.tr("Due today: {due} · New today: {new} · Reviewed in this sitting: {done}").format(
            due=status.due_today, new=status.new_today, done=self.session.reviews)

    def _show(self) -> None:
        card = self.current
        self.message = ""
        self.status_label.setText(self._status_text())
        for button in self.grade_buttons.values():
            button.setVisible(card is not None and self._answer_shown)
        self.back.setVisible(card is not None and self._answer_shown)
        if card is None:
            self.direction_label.setText("")
            self.prompt_label.setText(self.tr("Nothing left to review today."))
            self.hint_label.setText(self.tr("Esc closes. New terms from your notes come as you write them."))
            return
        face = card.face
        self.direction_label.setText(self._direction_text(face.direction)
                                     + (self.tr(" · new") if card.is_new else ""))
        self.prompt_label.setText(face.prompt)
        if not self._answer_shown:
            self.hint_label.setText(self.tr("Space: show the answer · Ctrl+Z: undo the last grade · Esc: close"))
            return
        self.answer_label.setText(face.answer)
        self.forms_label.setText(" · ".join(form for form in (face.en, face.zh) if form))
        self.definition_en.setText(face.definition_en)
        self.definition_en.setVisible(bool(face.definition_en))
        self.definition_zh.setText(face.definition_zh)
        self.definition_zh.setVisible(bool(face.definition_zh))
        self.example_label.setText(self._example_html(face))
        self.example_label.setVisible(bool(face.example))
        self.hint_label.setText(self.tr("1 Again · 2 Hard · 3 Good · 4 Easy · Ctrl+Z: undo · Esc: close"))

    def _example_html(self, face: CardFace) -> str:
        if not face.example:
            return ""
        text = f"<i>{html.escape(face.example)}</i>"
        if face.example_day is not None:
            day = face.example_day.isoformat()  # as the notes' headings write it
            tip = html.escape(self.tr("Show this entry in the reader"))
            text += f" — <a href='{day}' title='{tip}'>{day}</a>"
        return text

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Review terms"))
        names = {AGAIN: self.tr("Again"), HARD: self.tr("Hard"), GOOD: self.tr("Good"), EASY: self.tr("Easy")}
        for rating, button in self.grade_buttons.items():
            button.setText(f"{rating} · {names[rating]}")
        self.export_button.setText(self.tr("Export to Anki…"))
        self.export_button.setToolTip(self.tr("Write your cards as an Anki deck (.apkg); exporting again updates it"))
        self.close_button.setText(self.tr("Close"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
