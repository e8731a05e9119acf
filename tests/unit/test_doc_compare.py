"""tests/doc_compare.py, the words the acceptance tests compare documents by."""
import difflib
import unicodedata

import docx
import pytest
from doc_compare import body_length, compare, compare_plans, compare_words, document_text, document_words, words
from docx.shared import Cm


@pytest.mark.parametrize("line, expected", [
    ("I. MỤC ĐÍCH, YÊU CẦU:", ["mục", "đích", "yêu", "cầu"]),
    ("IV) Tổ chức", ["tổ", "chức"]),
    ("2.1. Thời gian", ["thời", "gian"]),
    ("3) Địa điểm", ["địa", "điểm"]),
    ("a) Khách mời", ["khách", "mời"]),
    ("đ. Đoàn viên", ["đoàn", "viên"]),
    ("1.", []),
    ("- Đánh giá kết quả", ["đánh", "giá", "kết", "quả"]),
    ("+ Lưu VP", ["lưu", "vp"]),
    ("• Gửi giấy mời", ["gửi", "giấy", "mời"]),
    ("– Ban Thường vụ", ["ban", "thường", "vụ"]),
    ("  \t- 1. Sau gạch đầu dòng", ["sau", "gạch", "đầu", "dòng"]),
])
def test_numbering_and_bullets_at_the_head_of_a_line_are_left_out(line, expected):
    assert words(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("1.Mục đích", ["1", "mục", "đích"]),  # no space after the number: a word, not numbering
    ("Số: 37-KH/ĐTN", ["số", "37", "kh", "đtn"]),
    ("Ngày 2.1. là ngày thường", ["ngày", "2", "1", "là", "ngày", "thường"]),  # only at the head of a line
    ("1. a) Hai số", ["a", "hai", "số"]),  # one numbering per line
    ("Mục - con", ["mục", "con"]),
])
def test_numbers_elsewhere_are_words(line, expected):
    assert words(line) == expected


def test_the_star_line_and_the_end_mark_are_not_words():
    assert words("BCH ĐOÀN KHỐI\n***\nTrên đây là kế hoạch./.") == ["bch", "đoàn", "khối", "trên", "đây", "là",
                                                                     "kế", "hoạch"]


def test_words_are_lower_case_whatever_the_composition():
    composed = "KẾ HOẠCH Tổ chức Hội nghị sơ kết; Nguyễn Thị Ánh"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert words(decomposed) == words(composed) == ["kế", "hoạch", "tổ", "chức", "hội", "nghị", "sơ", "kết",
                                                    "nguyễn", "thị", "ánh"]
    assert compare_words(words(composed), words(decomposed)).ratio == 1.0


def test_ratio_and_missing_words_of_small_sequences():
    same = compare_words(["a", "b", "c"], ["a", "b", "c"])
    assert (same.ratio, same.missing, same.reference_words, same.candidate_words) == (1.0, [], 3, 3)
    shorter = compare_words(["a", "b", "c", "d"], ["a", "b", "c"])
    assert shorter.ratio == pytest.approx(6 / 7) and shorter.missing == ["d"]
    replaced = compare_words(["a", "x", "y", "c"], ["a", "z", "c"])
    assert replaced.ratio == pytest.approx(4 / 7) and replaced.missing == ["x y"]
    extra = compare_words(["a", "b"], ["a", "new", "b"])
    assert extra.ratio == pytest.approx(4 / 5) and extra.missing == []  # added words are not missing
    assert compare_words([], []).ratio == 1.0
    assert compare_words(["a"], []).ratio == 0.0


def test_the_commonest_words_of_a_long_plan_still_count():
    """difflib's autojunk would ignore words making up over 1% of 200 or more:
    here every word, so two nearly equal plans would share nothing."""
    reference = ["của", "và", "đoàn", "thanh", "niên"] * 60
    candidate = reference[:150] + ["khác"] + reference[151:]
    assert difflib.SequenceMatcher(None, reference, candidate).ratio() <= 0.5  # what autojunk gives
    result = compare_words(reference, candidate)
    assert result.ratio == pytest.approx(598 / 600) and result.missing == [reference[150]]


def _docx_with_a_table(path):
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    heading = document.add_paragraph("MỤC ĐÍCH")  # numbered by its style in Word, not in the text
    heading.paragraph_format.tab_stops.add_tab_stop(Cm(8))  # a tab stop is not text
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Nơi nhận:"
    table.cell(0, 1).text = "TM. BAN THƯỜNG VỤ"
    table.cell(1, 0).text = "- Như trên;"
    signer = table.cell(1, 1).paragraphs[0].add_run("BÍ THƯ")
    signer.add_break()
    signer.add_text("Nguyễn Văn An")
    inner = table.cell(1, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Ô lồng"
    last = document.add_paragraph().add_run("Trái")
    last.add_tab()
    last.add_text("Phải")
    document.save(str(path))


def test_a_word_files_text_in_body_order_with_its_tables(tmp_path):
    path = tmp_path / "bang.docx"
    _docx_with_a_table(path)
    assert document_text(path).split("\n") == [
        "KẾ HOẠCH", "MỤC ĐÍCH", "Nơi nhận:", "TM. BAN THƯỜNG VỤ", "- Như trên;", "BÍ THƯ", "Nguyễn Văn An",
        "Ô lồng", "", "Trái\tPhải"]  # a cell ends with a paragraph, here empty, after its table


def test_a_word_file_compares_with_its_text_however_numbered(tmp_path):
    path = tmp_path / "bang.docx"
    _docx_with_a_table(path)
    text = tmp_path / "bang.txt"
    text.write_bytes("\ufeffKẾ HOẠCH\r\nI. MỤC ĐÍCH\r\nNơi nhận:\r\nTM. BAN THƯỜNG VỤ\r\n- Như trên;\r\n"
                     "BÍ THƯ\r\nNguyễn Văn An\r\nÔ lồng\r\nTrái Phải\r\n".encode())
    assert document_words(text) == document_words(path)
    result = compare(text, path)
    assert (result.ratio, result.missing) == (1.0, [])
    text.write_text("KẾ HOẠCH\nI. MỤC ĐÍCH\nNơi nhận:\nTM. BAN THƯỜNG VỤ\n- Như trên;\n", encoding="utf-8")
    result = compare(path, text)
    assert result.missing == ["bí thư nguyễn văn an ô lồng trái phải"]
    assert result.ratio == pytest.approx(2 * 12 / (21 + 12))


def test_numbering_set_apart_by_a_dash_or_a_slash_rules_and_zeros():
    assert words("I – CĂN CỨ\nII - MỤC ĐÍCH\nIII/.NỘI DUNG\nIn – ấn") == [
        "căn", "cứ", "mục", "đích", "nội", "dung", "in", "ấn"]
    assert words("ngày 05 tháng 09 năm 2020, 0 và 00") == ["ngày", "5", "tháng", "9", "năm", "2020", "0", "và", "0"]
    assert words("Năm 2013_______\n____") == ["năm", "2013"]
    assert words("I MỤC ĐÍCH\nIII Thời gian\nI, ii") == ["mục", "đích", "thời", "gian", "i", "ii"]


def test_plans_compare_their_headers_as_bags_and_their_bodies_in_order():
    source = "ĐOÀN TNCS HỒ CHÍ MINH\nBCH TP. HỒ CHÍ MINH\nSố: 69\nKẾ HOẠCH\nTổ chức hội trại\nI. MỤC ĐÍCH\nVui chơi"
    export = "BCH TP. HỒ CHÍ MINH\nSố: 69\nĐOÀN TNCS HỒ CHÍ MINH\nKẾ HOẠCH\nTổ chức hội trại\nI. MỤC ĐÍCH\nVui chơi"
    assert compare_plans(source, export).ratio == 1.0  # the header's columns in another order
    swapped = export.replace("Tổ chức hội trại\nI. MỤC ĐÍCH", "I. MỤC ĐÍCH\nTổ chức hội trại")
    assert compare_plans(source, swapped).ratio < 1.0  # the body's order counts
    lost = compare_plans(source, export.replace("Số: 69\n", ""))
    assert lost.missing == ["số 69"] and lost.ratio < 1.0
    cut = source + " ngoài trời"  # a page cut after "ngoài trời": as many words of the export's body
    assert body_length(cut, export + " ngoài trời và nhiều nữa") == 12
    assert compare_plans(cut, export + " ngoài trời và nhiều nữa", 12).ratio == 1.0


def test_a_time_written_short_reads_as_its_long_form():
    assert words("08g00 – 08g15") == words("08 giờ 00 – 08 giờ 15") == words("8h00 – 8h15") == \
        ["8", "giờ", "0", "8", "giờ", "15"]
    assert words("lúc 14h, 16:30") == ["lúc", "14", "giờ", "16", "giờ", "30"]
    assert words("16 giờ\n20 phút") == ["16", "giờ", "20", "phút"]  # a time broken over lines: its words


def test_a_number_glued_to_a_word_is_two_words():
    assert words("ngày 15tháng 9năm 2010") == words("ngày 15 tháng 9 năm 2010")
    assert words("H5N1") == ["h", "5", "n", "1"]


def test_the_form_an_export_prints_where_a_page_lost_its_header_is_no_word_added():
    source = "KẾ HOẠCH\nTổ chức hội trại\nI. MỤC ĐÍCH\nVui chơi"
    export = ("BCH ĐOÀN XÃ AN HÒA\n***\nSố:      -KH/ĐTN\nĐOÀN TNCS HỒ CHÍ MINH\nngày      tháng      năm\n\n"
              "KẾ HOẠCH\nTổ chức hội trại\nI. MỤC ĐÍCH\nVui chơi")
    compared = compare_plans(source, export)
    assert compared.ratio < 1.0  # a body's name the page did not have is a word added
    assert compare_plans(source, export.replace("BCH ĐOÀN XÃ AN HÒA\n", "")).ratio == 1.0
    numbered = export.replace("BCH ĐOÀN XÃ AN HÒA\n", "").replace("Số:      -KH/ĐTN", "Số: 12-KH/ĐTN")
    assert compare_plans(source, numbered).ratio < 1.0  # a number is no blank of the form
    state = "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKẾ HOẠCH\nVui chơi"
    with_motto = state.replace("NAM\n", "NAM\nĐộc lập - Tự do - Hạnh phúc\n")
    assert compare_plans(state, with_motto).ratio == 1.0
    assert compare_plans(with_motto, state).ratio < 1.0  # the motto the page had, lost


def test_a_number_and_date_a_page_set_under_the_title_moved_into_the_header():
    source = "KẾ HOẠCH\nHành động Tháng thanh niên\n(Số 61-KH/TĐ ngày 26/01/2010)\nNăm 2010 là năm quan trọng."
    export = ("Số: 61-KH/TĐ\nngày 26 tháng 01 năm 2010\nKẾ HOẠCH\nHành động Tháng thanh niên\n"
              "Năm 2010 là năm quan trọng.")
    moved = compare_plans(source, export)
    assert moved.missing == [] and moved.ratio > 0.95  # only the date's words the export writes out are added
    lost = compare_plans(source, export.replace("Số: 61-KH/TĐ\n", ""))
    assert lost.missing == ["số 61 kh tđ"] and lost.ratio < moved.ratio


def test_a_header_run_into_one_line_with_the_text_is_still_the_header():
    source = "ĐOÀN XÃ AN HÒA Số: 07-KH/ĐTN KẾ HOẠCH Tổ chức hội trại năm 2024 Nội dung vui chơi."
    export = "Số: 07-KH/ĐTN\nĐOÀN XÃ AN HÒA\nKẾ HOẠCH\nTổ chức hội trại năm 2024\nNội dung vui chơi."
    assert compare_plans(source, export).ratio == 1.0  # the header's elements in another order, as a bag
    assert compare_plans(source, export.replace("ĐOÀN XÃ AN HÒA\n", "")).missing == ["đoàn xã an hòa"]


def test_a_header_line_kept_as_a_line_of_the_body_moved_there():
    source = "BCH ĐOÀN XÃ AN HÒA\nAn Hòa, ngày tháng 01 năm 2021\nKẾ HOẠCH\nTổ chức hội trại\nVui chơi."
    export = ("BCH ĐOÀN XÃ AN HÒA\nAn Hòa, ngày tháng năm\nKẾ HOẠCH\nTổ chức hội trại\n"
              "An Hòa, ngày tháng 01 năm 2021\nVui chơi.")
    kept = compare_plans(source, export)
    assert kept.missing == [] and kept.ratio < 1.0  # the figures moved; the line's other words are more
    assert compare_plans(source, export.replace("An Hòa, ngày tháng 01 năm 2021\n", "")).missing == ["1 2021"]
