"""Suggested file names: safe on Windows whatever the Vietnamese text."""
import unicodedata

import pytest

from kehoach_desktop.core.file_names import MAX_BYTES, MAX_CHARACTERS, document_file_name, safe_file_name

FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


def test_forbidden_characters_become_dashes_and_vietnamese_stays():
    assert safe_file_name('Kế hoạch "A/B": tổng kết? <năm> 2026 | * \\', ".docx") == \
        "Kế hoạch -A-B- tổng kết- -năm- 2026.docx"
    assert safe_file_name("Hội nghị\tsơ kết\nnăm 2026\x07") == "Hội nghị sơ kết năm 2026"


def test_nfc_and_no_invisible_characters():
    name = safe_file_name(unicodedata.normalize("NFD", "Hiến máu") + "\u200b\u200e tình nguyện", ".pdf")
    assert name == "Hiến máu tình nguyện.pdf" and unicodedata.is_normalized("NFC", name)


@pytest.mark.parametrize("text, expected", [
    ("Kế hoạch.", "Kế hoạch"), ("Kế hoạch . . ", "Kế hoạch"), ("  . Kế hoạch", "Kế hoạch"), ("- x -", "x")])
def test_no_leading_or_trailing_dots_spaces_or_dashes(text, expected):
    assert safe_file_name(text, ".txt") == expected + ".txt"


@pytest.mark.parametrize("text, expected", [
    ("CON", "CON_"), ("con", "con_"), ("Nul", "Nul_"), ("COM1", "COM1_"), ("lpt9", "lpt9_"), ("COM²", "COM²_"),
    ("aux.v2", "aux_.v2"), ("CON .bak", "CON_.bak"), ("Con mèo", "Con mèo"), ("COM10", "COM10"), ("CONS", "CONS")])
def test_reserved_device_names_are_changed(text, expected):
    assert safe_file_name(text, ".docx") == expected + ".docx"


def test_nothing_left_gives_the_fallback():
    assert safe_file_name(" ...?? ", ".docx", fallback="ke-hoach") == "ke-hoach.docx"
    assert safe_file_name("", ".pdf") == "tep.pdf"


def test_long_names_are_cut_at_a_word_within_both_limits():
    long = " ".join(["Tổ chức Hội nghị sơ kết công tác Đoàn"] * 20)
    name = safe_file_name(long, ".kehoach.json")
    stem = name.removesuffix(".kehoach.json")
    assert len(stem) <= MAX_CHARACTERS and len(name.encode("utf-8")) <= MAX_BYTES
    assert long.startswith(stem) and long[len(stem)] == " "  # cut between two words
    wide = "ữ" * 400  # three bytes a letter: the byte limit decides
    assert len(safe_file_name(wide, ".docx").encode("utf-8")) <= MAX_BYTES
    assert len(safe_file_name("x" * 400, ".docx")) == MAX_CHARACTERS + len(".docx")


def test_a_document_is_named_by_its_number_and_the_first_words_of_its_title():
    assert document_file_name("05-KH/ĐTN-VP", "Tổ chức Hội nghị: sơ kết / tổng kết?", ".docx") == \
        "05-KH-ĐTN-VP Tổ chức Hội nghị- sơ kết - tổng kết.docx"
    title = "một hai ba bốn năm sáu bảy tám chín mười mười một"
    assert document_file_name("01-KH/ĐTN", title, ".pdf") == "01-KH-ĐTN một hai ba bốn năm sáu bảy tám chín mười.pdf"
    assert not FORBIDDEN & set(document_file_name("", "CON", ".txt"))
    assert document_file_name("", "CON", ".txt") == "CON_.txt"
