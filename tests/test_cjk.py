"""One definition of a Chinese character, for the segmenter, the sentence splitter, the matcher and the aid."""

from __future__ import annotations

import re

import pytest

from studyreader.cjk import IDEOGRAPHS, has_cjk, is_ideograph


@pytest.mark.parametrize("ch", ["排", "㐀", "龥", "丽", "𠀀", "𪚥", "𰀀"])
def test_ideographs_of_every_block(ch):
    assert is_ideograph(ch) and has_cjk(f"Layer 2 {ch}")


@pytest.mark.parametrize("ch", ["。", "「", "，", "あ", "ア", "Ｌ", "a", "1", " ", "é", "한"])
def test_punctuation_kana_full_width_and_latin_are_not(ch):
    assert not is_ideograph(ch) and not has_cjk(f"Layer 2 {ch}")


def test_a_text_is_chinese_when_one_character_is():
    assert has_cjk("The Sequencer（排序器）orders transactions")
    assert not has_cjk("「」。，！——")
    assert not has_cjk("")


def test_the_comparison_and_the_character_class_are_one_definition():
    pattern = re.compile(f"[{IDEOGRAPHS}]")
    differ = [hex(code) for code in range(0x110000) if is_ideograph(chr(code)) != bool(pattern.fullmatch(chr(code)))]
    assert differ == []
