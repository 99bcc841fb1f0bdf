"""The editor lights a sentence and its English together: the pointer on the preview or the English,
the caret in the Markdown source; editing puts the pairs out of date."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from studyreader.render.alignment import joined_pairs
from studyreader.translate.blocks import SentencePair
from studyreader.translate.segment import segment_markdown
from studyreader.ui.app import dark_palette, light_palette

ENTRY = "### 2025.01.12\n\n今天学习了**排序器**。它负责排序交易！\n\n- 挑战期通常是七天。\n"
ENGLISH = {
    1: ("Today I studied the **sequencer**. It orders transactions!", [(0, 13, 0, 34), (13, 21, 35, 58)]),
    2: ("- The challenge period is usually seven days.", [(2, 11, 2, 45)]),
}


def translate_by_hand(editor) -> None:
    """The live English with its sentence pairs, as the translation would bring them."""
    text = editor.text()
    blocks = segment_markdown(text)
    translations = []
    for block in blocks:
        english = ENGLISH.get(block.index)
        translations.append((english[0], [SentencePair(*p) for p in english[1]]) if english else None)
    whole, pairs = joined_pairs(text, blocks, translations)
    editor.preview.show_markdown(text)
    editor.live.show_english(text, whole, pairs)


def lit(view) -> list[str]:
    return [s.cursor.selectedText() for s in sorted(view.extraSelections(), key=lambda s: s.cursor.position())]


def point_of(view, text: str) -> QPoint:
    whole = "".join(view.document().characterAt(p) for p in range(view.document().characterCount()))
    cursor = QTextCursor(view.document())
    cursor.setPosition(whole.index(text) + len(text) // 2)
    return view.cursorRect(cursor).center()


def hover(qtbot, view, point: QPoint) -> None:
    qtbot.mouseMove(view.viewport(), QPoint(1, 1))  # (a move to where the pointer already is is dropped)
    qtbot.mouseMove(view.viewport(), point)
    QApplication.processEvents()


def test_hovering_the_preview_or_the_english_lights_the_pair(make_editor, sample_copy, qtbot):
    editor = make_editor(sample_copy, width=1300)
    editor.set_text(ENTRY)
    translate_by_hand(editor)
    hover(qtbot, editor.preview, point_of(editor.preview, "它负责"))
    assert lit(editor.preview) == ["它负责排序交易！"]
    assert lit(editor.english) == ["It orders transactions!"]
    assert lit(editor.editor) == ["它负责排序交易！"]
    hover(qtbot, editor.english, point_of(editor.english, "challenge"))
    assert lit(editor.preview) == ["挑战期通常是七天。"]
    assert lit(editor.english) == ["The challenge period is usually seven days."]
    assert lit(editor.editor) == ["挑战期通常是七天。"]
    # a click pins it, Escape clears it
    qtbot.mouseClick(editor.english.viewport(), Qt.MouseButton.LeftButton, pos=point_of(editor.english, "Today"))
    hover(qtbot, editor.preview, point_of(editor.preview, "它负责"))
    assert lit(editor.english) == ["Today I studied the sequencer."]
    editor.english.setFocus()
    qtbot.keyClick(editor.english, Qt.Key.Key_Escape)
    assert lit(editor.english) == lit(editor.preview) == []


def test_the_caret_in_the_source_lights_its_english(make_editor, sample_copy, qtbot):
    editor = make_editor(sample_copy, width=1300)
    editor.set_text(ENTRY)
    translate_by_hand(editor)
    editor.editor.setFocus()
    cursor = editor.editor.textCursor()
    cursor.setPosition(ENTRY.index("排序交易"))
    editor.editor.setTextCursor(cursor)
    assert lit(editor.english) == ["It orders transactions!"]
    assert lit(editor.preview) == ["它负责排序交易！"]
    qtbot.keyClick(editor.editor, Qt.Key.Key_Down)  # arrows move it to the list item
    qtbot.keyClick(editor.editor, Qt.Key.Key_Down)
    assert lit(editor.english) == ["The challenge period is usually seven days."]
    # once the text is edited the pairs are out of date: nothing is lit until the next translation
    editor.editor.textCursor().insertText("新")
    assert lit(editor.english) == lit(editor.preview) == []


def test_the_editor_highlight_follows_the_theme(make_editor, sample_copy, qtbot):
    app = QApplication.instance()
    original = app.palette()
    try:
        editor = make_editor(sample_copy, width=1300)
        editor.set_text(ENTRY)
        translate_by_hand(editor)
        colours = []
        for palette in (light_palette(), dark_palette()):
            app.setPalette(palette)
            QApplication.processEvents()
            hover(qtbot, editor.english, point_of(editor.english, "Today"))
            qtbot.wait(10)
            assert lit(editor.english) == ["Today I studied the sequencer."]
            found = {s.format.background().color().name() for s in editor.english.extraSelections()}
            assert len(found) == 1
            colours.append(found.pop())
        assert colours[0] != colours[1]
        assert QApplication.palette().base().color().lightness() < 128
    finally:
        app.setPalette(original)


def test_the_translations_own_pairs_light_in_the_editor(make_editor, sample_copy, qtbot, use_tiny_argos):
    """With the real engine (tiny model), the caret in each Chinese sentence lights one English range,
    a different one for each sentence, in order."""
    editor = make_editor(sample_copy, width=1300)
    text = "### 2025.01.12\n\n今天学习了排序器。它负责排序交易！最后提交批次。\n"
    editor.set_text(text)
    with qtbot.waitSignal(editor.translator.finished, timeout=20000):
        editor.translate_now()
    qtbot.waitUntil(lambda: editor.english_markdown().strip() != "", timeout=5000)
    english = editor.english.toPlainText()
    editor.editor.setFocus()
    starts = []
    for sentence in ("今天学习了排序器。", "它负责排序交易！", "最后提交批次。"):
        cursor = editor.editor.textCursor()
        cursor.setPosition(text.index(sentence) + 1)
        editor.editor.setTextCursor(cursor)
        assert lit(editor.editor) == [sentence]
        [shown] = lit(editor.english)
        assert shown.strip() and shown in english
        starts.append(english.index(shown))
    assert starts == sorted(starts) and len(set(starts)) == 3
