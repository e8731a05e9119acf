"""The one text gate (core.text.clean_text) and what the command line shows
on a terminal (cli_text.shown, json_text)."""
import json
import unicodedata

import pytest

from kehoach_desktop.cli_text import json_text, shown
from kehoach_desktop.core.codec import clean_plan
from kehoach_desktop.core.model import Plan
from kehoach_desktop.core.text import clean_text, cleaned, fold, search_index


@pytest.mark.parametrize("typed, multi_line, single_line, removed", [
    ("Hội nghị\vtổng kết", "Hội nghị\ntổng kết", "Hội nghị tổng kết", 0),  # Word's manual line break, copied
    ("a\r\nb\rc\fd\x85e\u2028f\u2029g", "a\nb\nc\nd\ne\nf\ng", "a b c d e f g", 0),
    ("Ban\tThường vụ", "Ban\tThường vụ", "Ban Thường vụ", 0),
    ("A\x00B\x01C\x1fD\x7fE\x9bF", "ABCDEF", "ABCDEF", 5),
    ("Đoàn\uffff\ufffe\ufdd0\U0001fffe\U0010ffff", "Đoàn", "Đoàn", 5),
    ("x\ud800y\udfffz", "xyz", "xyz", 2),  # lone surrogates (a damaged UTF-16 source)
    ("\u202eHội nghị\u202c \u2066a\u2069 \u202ab\u202d", "Hội nghị a b", "Hội nghị a b", 6),
    ("\x1b[2J\x1b]0;X\x07Kế hoạch", "[2J]0;XKế hoạch", "[2J]0;XKế hoạch", 3),
    (unicodedata.normalize("NFD", "Hội nghị Đoàn"), "Hội nghị Đoàn", "Hội nghị Đoàn", 0),
    ("Ho\x01\u0323i", "H\u1ecdi", "H\u1ecdi", 1),  # composed once the control between the letter and its mark is gone
])
def test_the_gate(typed, multi_line, single_line, removed):
    assert cleaned(typed) == (multi_line, removed)
    assert cleaned(typed, single_line=True) == (single_line, removed)
    assert clean_text(multi_line) == multi_line  # passing twice changes nothing


def test_what_the_gate_keeps():
    text = "Số: 37-KH/ĐTN – “Hội nghị” • ½ → ✓ 李 😀 \u200b\u00a0"
    assert clean_text(text) == text


def test_a_plan_through_the_codec_is_clean_and_search_does_not_depend_on_composition():
    plan = clean_plan(Plan(title="Hội\x01 nghị\vtổng kết", preamble=["\u202eCăn cứ"], note="gh\x00i"))
    assert (plan.title, plan.preamble, plan.note) == ("Hội nghị\ntổng kết", ["Căn cứ"], "ghi")
    decomposed = unicodedata.normalize("NFD", "Hội nghị Đoàn")
    assert fold(decomposed) == fold("Hội nghị Đoàn") == "hoi nghi doan"
    assert search_index([decomposed]) == search_index(["Hội nghị Đoàn"])


def test_the_terminal_sees_every_control_written_out():
    stored = "Kế hoạch\x1b[2J\x1b]0;X\x07\u202ezyx\x9b\x7f\u2028."
    assert shown(stored) == "Kế hoạch\\x1b[2J\\x1b]0;X\\x07\\u202ezyx\\x9b\\x7f\\u2028."
    assert shown("Dòng 1\nDòng 2\tcột") == "Dòng 1\nDòng 2\tcột"  # line breaks and tabs are layout


def test_json_for_the_terminal_is_still_json_and_reads_back_the_same():
    data = {"title": "Kế hoạch\x1b[2J\u202e\x9b\x7f"}
    out = json_text(data, indent=2)
    assert json.loads(out) == data
    assert not any(ch in out for ch in "\x1b\u202e\x9b\x7f")
