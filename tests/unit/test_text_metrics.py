"""The page estimate of a letter (formats/letter_fit.py): widths and wrapping."""
from kehoach_desktop.formats.text_metrics import text_width, wrapped_lines


def test_widths_follow_times_new_roman():
    # Times: "m" 0.778 em, "i" 0.278 em, a space 0.25 em; bold wider than regular
    assert text_width("m", 10) > 2.5 * text_width("i", 10)
    assert text_width("Đoàn", 14, bold=True) > text_width("Đoàn", 14)
    # the diacritics do not change a letter's width, the horn of ơ and ư does a little
    assert text_width("ệ", 14) == text_width("e", 14)
    assert text_width("ơ", 14) > text_width("o", 14)


def test_wrapping_at_spaces():
    word = text_width("chương", 14)
    space = text_width(" ", 14)
    assert wrapped_lines("", 100, 14) == 1  # an empty paragraph still takes its line
    assert wrapped_lines("chương chương", 2 * word + space, 14) == 1
    assert wrapped_lines("chương chương", 2 * word + space - 1, 14) == 2
    assert wrapped_lines("chương chương", 2 * word + space, 14, first_indent=10) == 2
    assert wrapped_lines(" ".join(["chương"] * 30), 10 * (word + space), 14) == 3
