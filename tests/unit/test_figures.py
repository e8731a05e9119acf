"""The one reader of figures (core/figures.py) and its two uses: a table's
cells (tables.parse_number: signs and decimals, no unit) and a budget's
amounts (amount_words.parse_money: whole đồng, a unit welcome). The cases
are where the two readers disagreed before they became one."""
from decimal import Decimal

import pytest

from kehoach_desktop.core.amount_words import money, money_error, parse_money
from kehoach_desktop.core.figures import Figure, format_number, read_figure
from kehoach_desktop.core.tables import parse_number

# text, as a table cell, as an amount (an int, or a word of the reason it is not one)
CASES = [
    # Spaces group thousands only as "." does: one separator, groups of three
    # (the table reader used to drop every space: "1 2 3" was 123).
    ("5 000 000", Decimal(5_000_000), 5_000_000),
    ("5\u00a0000\u202f000", Decimal(5_000_000), 5_000_000),
    ("5\u2009000", Decimal(5_000), 5_000),  # a thin space, as typesetters write it
    ("1 2 3", None, "không phải là số tiền"),
    ("50 0", None, "không phải là số tiền"),
    ("5  000", None, "không phải là số tiền"),
    ("5 000.000", None, "không phải là số tiền"),
    ("5\t000", None, "không phải là số tiền"),  # a tab separates pasted cells
    ("5\n000", None, "không phải là số tiền"),  # two lines of a cell
    ("1, 5", None, "dấu phẩy"),
    # Decimals: a table's number, never an amount of đồng.
    ("1.000,5", Decimal("1000.5"), "dấu phẩy"),
    ("1,5", Decimal("1.5"), "dấu phẩy"),
    ("5,000", Decimal(5), "dấu phẩy"),  # five to a Vietnamese reader, five thousand to an English one
    # A leading minus: a table's number, never an amount.
    ("-3.000", Decimal(-3000), "âm"),
    ("−3.000", Decimal(-3000), "âm"),
    ("–3.000", Decimal(-3000), "âm"),  # the en dash Word puts for a hyphen (the table reader refused it)
    ("- 3.000", Decimal(-3000), "âm"),
    ("+5", None, "không phải là số tiền"),
    ("-", None, "không phải là số tiền"),  # a dash alone is "none" in a table, not a negative amount
    # A unit after the figure: an amount's, not a table cell's (its total
    # row would print the sum without the unit).
    ("5.000.000 đồng", None, 5_000_000),
    ("5.000.000đ", None, 5_000_000),
    ("5.000.000 VNĐ", None, 5_000_000),
    ("5 000 000\u00a0đ", None, 5_000_000),
    ("5.000.000  đồng", None, 5_000_000),
    ("5.000.000 ĐỒNG", None, 5_000_000),
    # Digits other than 0-9 (Python's int() and Decimal() read "٣٤" as 34).
    ("٣٤", None, "không phải là số tiền"),
    ("²", None, "không phải là số tiền"),
    # What both always read alike.
    ("1005", Decimal(1005), 1005),
    ("1.000", Decimal(1000), 1000),
    (" 12.345 ", Decimal(12345), 12345),
    ("1.5", None, "không phải là số tiền"),
    ("1.0000", None, "không phải là số tiền"),
]


@pytest.mark.parametrize(("text", "number", "amount"), CASES)
def test_a_table_cell_and_an_amount_read_the_same_figure(text, number, amount):
    assert parse_number(text) == number
    if isinstance(amount, int):
        assert parse_money(text) == amount
        assert money_error(text) == ""
    else:
        assert parse_money(text) is None
        assert amount in money_error(text)


def test_the_reading_keeps_sign_decimals_and_unit():
    assert read_figure("-1.234,25") == Figure(True, "1234", "25")
    assert read_figure("-1.234,25").value == Decimal("-1234.25")
    assert read_figure("5 000 000 đồng") == Figure(False, "5000000", "", "đồng")
    assert read_figure("007") == Figure(False, "007")
    for wrong in ("", " ", "đ", "abc", "5 triệu", ",5", "5,", "5.000.", ".000", "5..000", "1,2,3"):
        assert read_figure(wrong) is None, wrong


def test_what_is_written_is_read_back():
    for value, places in ((Decimal(0), 0), (Decimal(5_000_000), 0), (Decimal("-1234.25"), 2),
                          (Decimal("0.5"), 1), (Decimal(10) ** 20, 0)):
        assert read_figure(format_number(value, places)).value == value
    for n in (0, 5, 1_005, 2_001_000_000):
        assert money(n) == format_number(Decimal(n))
        assert parse_money(money(n)) == n


def test_a_long_text_is_read_quickly():
    import time

    start = time.perf_counter()
    for text in ("1." * 500_000, "1 " * 500_000, "1" * 1_000_000 + "x", "-" * 1_000_000):
        parse_number(text)
        read_figure(text)
    assert time.perf_counter() - start < 2
