import unicodedata

from kehoach_desktop.core.text import fold, matches, nfc, sort_key


def test_fold_removes_diacritics_case_and_composition():
    composed = "Hội nghị Đoàn Khối"
    decomposed = unicodedata.normalize("NFD", composed)
    assert fold(composed) == fold(decomposed) == "hoi nghi doan khoi"


def test_matches_words_in_any_order_without_diacritics():
    assert matches("hoi nghi", "Tổ chức Hội nghị sơ kết")
    assert matches("SO KET hội", "Tổ chức Hội nghị sơ kết")
    assert not matches("tong ket", "Tổ chức Hội nghị sơ kết")
    assert matches("", "anything")


def test_nfc():
    assert nfc(unicodedata.normalize("NFD", "Quý Mão")) == "Quý Mão"


def test_vietnamese_letter_order_not_code_point_order():
    words = ["Đức", "Dũng", "Ánh", "Anh", "Ân", "Ăn", "Bình", "Ơn", "Ông", "Oanh", "Yến", "Uyên", "Ưng"]
    assert sorted(words, key=sort_key) == ["Anh", "Ánh", "Ăn", "Ân", "Bình", "Dũng", "Đức", "Oanh", "Ông",
                                           "Ơn", "Uyên", "Ưng", "Yến"]


def test_sort_key_ignores_composition():
    assert sort_key(unicodedata.normalize("NFD", "Hải")) == sort_key("Hải")


def test_tones_order_after_letters_as_in_dictionaries():
    assert sorted(["má", "mạ", "mã", "mà", "ma", "mả"], key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(["Anhs", "Ánh", "Anh"], key=sort_key) == ["Anh", "Ánh", "Anhs"]
    assert sort_key("Ánh") < sort_key("Ăn") < sort_key("Ân")
