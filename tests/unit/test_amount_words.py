import random
import time

import pytest

from kehoach_desktop.core.amount_words import (
    MAX_AMOUNT,
    amount_in_words,
    money,
    money_error,
    money_text,
    number_words,
    parse_money,
)

# The issue's table (the readings of Vietnamese accounting documents).
ISSUE_TABLE = {
    0: "không",
    5: "năm",
    10: "mười",
    15: "mười lăm",
    21: "hai mươi mốt",
    25: "hai mươi lăm",
    105: "một trăm linh năm",
    1_005: "một nghìn không trăm linh năm",
    10_000: "mười nghìn",
    1_000_005: "một triệu không trăm linh năm",
    1_250_000: "một triệu hai trăm năm mươi nghìn",
    2_001_000_000: "hai tỷ không trăm linh một triệu",
}

# The readings decided in core/amount_words.py (mốt, tư, lăm, linh, nghìn,
# groups of zeros, large numbers).
DECIDED = {
    1: "một",
    4: "bốn",
    11: "mười một",
    14: "mười bốn",
    20: "hai mươi",
    24: "hai mươi tư",
    41: "bốn mươi mốt",
    44: "bốn mươi tư",
    45: "bốn mươi lăm",
    55: "năm mươi lăm",
    100: "một trăm",
    101: "một trăm linh một",
    104: "một trăm linh bốn",
    110: "một trăm mười",
    111: "một trăm mười một",
    115: "một trăm mười lăm",
    121: "một trăm hai mươi mốt",
    1_000: "một nghìn",
    1_001: "một nghìn không trăm linh một",
    1_010: "một nghìn không trăm mười",
    1_100: "một nghìn một trăm",
    1_234: "một nghìn hai trăm ba mươi tư",
    15_000: "mười lăm nghìn",
    21_000: "hai mươi mốt nghìn",
    100_000: "một trăm nghìn",
    105_000: "một trăm linh năm nghìn",
    1_000_000: "một triệu",
    1_001_001: "một triệu không trăm linh một nghìn không trăm linh một",
    1_000_000_000: "một tỷ",
    1_000_000_005: "một tỷ không trăm linh năm",
    10**12: "một nghìn tỷ",
    1_005 * 10**9: "một nghìn không trăm linh năm tỷ",
    10**12 + 5: "một nghìn tỷ không trăm linh năm",
    10**15: "một triệu tỷ",
    25 * 10**15: "hai mươi lăm triệu tỷ",
}


@pytest.mark.parametrize(("n", "words"), sorted(ISSUE_TABLE.items()))
def test_issue_table(n, words):
    assert number_words(n) == words


@pytest.mark.parametrize(("n", "words"), sorted(DECIDED.items()))
def test_decided_readings(n, words):
    assert number_words(n) == words


_VALUES = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
           "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}


def _read_back(words: list[str]) -> int:
    """An independent reader of our readings, to check every number's value."""
    if "tỷ" in words:
        last = len(words) - 1 - words[::-1].index("tỷ")
        return _read_back(words[:last]) * 10**9 + _read_back(words[last + 1:])
    total = group = pending = 0
    for word in words:
        if word in _VALUES:
            pending = _VALUES[word]
        elif word == "trăm":
            group, pending = group + pending * 100, 0
        elif word == "mươi":
            group, pending = group + pending * 10, 0
        elif word == "mười":
            group += 10
        elif word in ("triệu", "nghìn"):
            total += (group + pending) * (10**6 if word == "triệu" else 1000)
            group = pending = 0
        else:
            assert word == "linh", word
    return total + group + pending


def _numbers():
    rng = random.Random(19)
    yield from range(0, 20_000)
    for digits in range(5, 19):
        for _ in range(300):
            yield rng.randrange(10 ** (digits - 1), 10**digits)
            # numbers with many zeros: the groups that are all zeros, linh, không trăm
            yield int("".join(rng.choice("0001") for _ in range(digits)))
    yield MAX_AMOUNT


def test_every_reading_reads_back_to_its_number_and_keeps_the_rules():
    for n in _numbers():
        words = number_words(n).split()
        assert _read_back(words) == n, (n, words)
        for before, word in zip(["", *words], words, strict=False):
            assert word not in ("lẻ", "ngàn", "nhăm"), (n, words)
            if word in ("mốt", "tư"):
                assert before == "mươi", (n, words)
            if word == "lăm":
                assert before in ("mười", "mươi"), (n, words)
            if word in ("linh", "mươi"):
                assert before == "trăm" if word == "linh" else before in _VALUES, (n, words)
            if before == "mươi":
                assert word not in ("một", "bốn", "năm"), (n, words)
        # a group after the first one read is read in full, "không trăm" and all
        text = f" {' '.join(words)} "
        for scale, name in ((10**15, "triệu"), (10**12, "nghìn"), (10**9, "tỷ"), (10**6, "triệu"),
                            (10**3, "nghìn"), (1, "")):
            group = n // scale % 1000
            if n >= scale * 1000 and 0 < group < 100:
                tail = number_words(group) if group >= 10 else f"linh {number_words(group)}"
                assert f" không trăm {tail} {name} ".replace("  ", " ") in text, (n, words)


@pytest.mark.parametrize("bad", [-1, -10**6, MAX_AMOUNT + 1, 10**30, True, 1.0, "5"])
def test_refuses_what_is_not_a_readable_amount(bad):
    with pytest.raises(ValueError):
        number_words(bad)
    with pytest.raises(ValueError):
        amount_in_words(bad)


def test_amount_in_words():
    assert amount_in_words(5_000_000) == "Năm triệu đồng chẵn."
    assert amount_in_words(1_005) == "Một nghìn không trăm linh năm đồng chẵn."
    assert amount_in_words(2_001_000_000) == "Hai tỷ không trăm linh một triệu đồng chẵn."
    assert amount_in_words(15) == "Mười lăm đồng chẵn."
    assert amount_in_words(0) == "Không đồng."
    assert amount_in_words(100, currency="đô la Mỹ") == "Một trăm đô la Mỹ chẵn."
    for n, words in ISSUE_TABLE.items():
        if n:
            assert amount_in_words(n) == words[0].upper() + words[1:] + " đồng chẵn."


@pytest.mark.parametrize(("n", "text"), [
    (0, "0"), (5, "5"), (999, "999"), (1_000, "1.000"), (10_000, "10.000"), (5_000_000, "5.000.000"),
    (1_234_567_890, "1.234.567.890"), (10**15, "1.000.000.000.000.000"), (-1_234, "-1.234"),
])
def test_money(n, text):
    assert money(n) == text


def test_money_text():
    assert money_text(5_000_000) == "5.000.000 đồng"


@pytest.mark.parametrize(("text", "value"), [
    ("5.000.000", 5_000_000),
    ("5000000", 5_000_000),
    ("5 000 000", 5_000_000),
    ("5\u00a0000\u00a0000", 5_000_000),
    ("  5.000.000  ", 5_000_000),
    (" " * 100_000 + "5", 5),
    ("5\u202f000", 5_000),
    ("5.000.000 đ", 5_000_000),
    ("5.000.000đ", 5_000_000),
    ("5.000.000 đồng", 5_000_000),
    ("5.000.000 VNĐ", 5_000_000),
    ("5.000.000 vnd", 5_000_000),
    ("1.000", 1_000),  # a thousand, not one: "." groups thousands in Vietnamese
    ("0", 0),
    ("999", 999),
    ("12.345", 12_345),
    ("999.999.999.999.999.999", 999_999_999_999_999_999),
])
def test_parse_money_accepts(text, value):
    assert parse_money(text) == value
    assert money_error(text) == ""


@pytest.mark.parametrize(("text", "reason"), [
    ("5,000,000", "dấu phẩy"),  # "," is the decimal separator in Vietnamese
    ("5.000,50", "dấu phẩy"),
    ("5,5", "dấu phẩy"),
    ("5.5", "không phải là số tiền"),
    ("5.00", "không phải là số tiền"),
    ("5.0000", "không phải là số tiền"),
    ("12.34.567", "không phải là số tiền"),
    ("5..000", "không phải là số tiền"),
    (".000", "không phải là số tiền"),
    ("5.000.", "không phải là số tiền"),
    ("5 000.000", "không phải là số tiền"),  # two kinds of separator
    ("+5", "không phải là số tiền"),
    ("5 triệu", "không phải là số tiền"),
    ("²", "không phải là số tiền"),  # a digit to str.isdigit(), not to us
    ("٣٤", "không phải là số tiền"),
    ("-5.000", "âm"),
    ("−5.000", "âm"),
    ("1" * 19, "quá lớn"),
    ("1.000.000.000.000.000.000", "quá lớn"),
    ("1" * 5000, "quá dài"),  # int() would refuse more than 4300 digits
    ("5" + " " * 100_000 + "đ", "quá dài"),
])
def test_parse_money_refuses_with_a_reason(text, reason):
    assert parse_money(text) is None
    assert reason in money_error(text)


@pytest.mark.parametrize("text", ["", "   ", "đ"])
def test_nothing_typed_is_none_without_a_reason(text):
    assert parse_money(text) is None
    assert money_error(text) == ""


def test_parsing_a_huge_text_is_quick():
    start = time.perf_counter()
    for text in (" " * 1_000_000 + "đ", "1" * 1_000_000, "1." * 500_000):
        assert parse_money(text) is None
    assert time.perf_counter() - start < 1


def test_parse_money_reads_what_money_writes():
    for n in (0, 7, 1_000, 1_005, 5_000_000, 2_001_000_000, MAX_AMOUNT):
        assert parse_money(money(n)) == n
        assert parse_money(money_text(n)) == n
