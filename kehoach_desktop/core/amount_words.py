"""Amounts of money: read in words ("Bằng chữ"), written and typed in figures.

Readings follow the way Vietnamese accounting documents (receipts, invoices,
budgets) write amounts in words. No decree fixes the wording (a question
asked on webketoan.com, thread 73233, found no text that does); the rules
below are the ones accounting guides teach and the issue's table confirms.
Sources: "Hướng dẫn viết số tiền bằng chữ trên hóa đơn", aloketoan.com,
2018-01-06 (the rules for một/mốt, bốn/tư, năm/lăm); Wikipedia (vi),
"Cách đếm của người Việt" (mốt, tư, lăm; linh or lẻ; nghìn or ngàn).

- The number is read in groups of three digits (units, nghìn, triệu), and
  the count of tỷ is itself read the same way: 10^12 is "một nghìn tỷ",
  10^15 "một triệu tỷ".
- A group that is all zeros is not read: 1,000,005 is "một triệu không
  trăm linh năm", 1,000,000,000 "một tỷ".
- Every group after the first one read is read in full, hundreds included:
  1,005 is "một nghìn không trăm linh năm" (num2words says "một nghìn lẻ
  năm", which is why we do not use it).
- A units digit after a zero tens digit (and something before it) takes
  "linh", not "lẻ": "linh" is the northern and formal word, the one of the
  issue's table (105 "một trăm linh năm"); "lẻ" is the southern one.
- "nghìn", not "ngàn" (the issue's table; "ngàn" is the southern word).
- 1 after "mươi" (tens digit 2 to 9) is "mốt" (21 "hai mươi mốt"); after
  "mười" or "linh" it stays "một" (11 "mười một", 101 "một trăm linh một").
- 4 after "mươi" is "tư" (24 "hai mươi tư"), the form the guides give and
  Wikipedia calls the more common one; after "mười" or "linh" it stays
  "bốn" (14 "mười bốn", 104 "một trăm linh bốn").
- 5 after "mười" or "mươi" is "lăm" (15 "mười lăm", 25 "hai mươi lăm");
  after "linh" it stays "năm" (105 "một trăm linh năm").

"chẵn" (an even amount): amounts here are whole numbers of đồng (there is
no xu), and a whole amount is written "… đồng chẵn." — the wording of the
"VND()" Excel function clerks use ("Năm mươi lăm nghìn năm trăm năm mươi lăm
đồng chẵn", danketoan.com) and of the issue ("Năm triệu đồng chẵn."). Zero
is "Không đồng." (nothing to be even).

Figures use "." between thousands (5.000.000): in Vietnamese "," is the
decimal separator.
"""
from __future__ import annotations

from decimal import Decimal

from .figures import MINUS_SIGNS, SPACES, UNITS, format_number, read_figure

MAX_AMOUNT = 10**18 - 1  # "chín trăm … tỷ tỷ" is no reading anyone writes; far beyond any budget
MAX_TYPED_DIGITS = 18  # a typed amount is refused beyond this (and int() refuses > 4300 digits)

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_AFTER_MUOI = {1: "mốt", 4: "tư", 5: "lăm"}  # a units digit after "mươi" (tens 2 to 9)
_AFTER_MUOI_10 = {5: "lăm"}  # a units digit after "mười" (tens 1)
_GROUPS = ("triệu", "nghìn", "")  # the three groups below a tỷ


def _three_digits(n: int, full: bool) -> list[str]:
    """0 < n < 1000. ``full`` reads "không trăm" when the hundreds digit is 0
    (a group that follows another one)."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            words += ["linh", _DIGITS[units]] if words else [_DIGITS[units]]
    elif tens == 1:
        words.append("mười")
        if units:
            words.append(_AFTER_MUOI_10.get(units, _DIGITS[units]))
    else:
        words += [_DIGITS[tens], "mươi"]
        if units:
            words.append(_AFTER_MUOI.get(units, _DIGITS[units]))
    return words


def _below_billion(n: int, full: bool) -> list[str]:
    """0 < n < 10^9; ``full``: n follows a higher part ("… tỷ")."""
    words: list[str] = []
    for i, name in enumerate(_GROUPS):
        group = n // 1000 ** (2 - i) % 1000
        if group:
            words += _three_digits(group, full or bool(words))
            if name:
                words.append(name)
    return words


def _words(n: int) -> list[str]:
    """n > 0: the count of tỷ is read like any number, then "tỷ"."""
    billions, rest = divmod(n, 10**9)
    words = _words(billions) + ["tỷ"] if billions else []
    if rest:
        words += _below_billion(rest, full=bool(billions))
    return words


def number_words(n: int) -> str:
    """The reading of a whole number from 0 to MAX_AMOUNT, lower case:
    1005 -> "một nghìn không trăm linh năm". ValueError otherwise."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise ValueError(f"not a whole number: {n!r}")
    if n < 0:
        raise ValueError(f"negative amount: {n}")
    if n > MAX_AMOUNT:
        raise ValueError(f"amount too large to read: {n}")
    return " ".join(_words(n)) if n else _DIGITS[0]


def amount_in_words(n: int, currency: str = "đồng") -> str:
    """"Năm triệu đồng chẵn.": the amount in words, capitalised, with the
    currency and, for any amount but zero, "chẵn" (see the module's note)."""
    words = number_words(n)
    text = f"{words} {currency} chẵn." if n else f"{words} {currency}."
    return text[0].upper() + text[1:]


def money(n: int) -> str:
    """5000000 -> "5.000.000" (a minus sign kept, for a total that went
    wrong and is shown as computed)."""
    return format_number(Decimal(n))


def money_text(n: int, currency: str = "đồng") -> str:
    """5000000 -> "5.000.000 đồng"."""
    return f"{money(n)} {currency}"


# ------------------------------------------------------------------ typing

# The figure is read by core/figures.py (the reader a table's cells use
# too); an amount is one without a sign or decimals, the unit after it
# ("đ", "đồng", "VNĐ") welcome.


def _read(text: str) -> int | str:
    """The amount typed, or the Vietnamese reason it is not one ("" when
    nothing is typed)."""
    text = text.strip()
    if len(text) > MAX_TYPED_DIGITS * 2 + 8:  # before any regular expression or int()
        return "số tiền quá dài"
    if not text or text.lower() in UNITS:  # nothing typed, or only the unit
        return ""
    if text[0] in MINUS_SIGNS and text[1:].strip():
        return "số tiền không được âm"
    if "," in text:
        # "," is the decimal separator in Vietnamese: "5,5" would be five and
        # a half đồng, and "5,000,000" is read differently by different people
        return (f"“{text}” có dấu phẩy: số tiền tính bằng đồng, không có phần thập phân; "
                "dùng dấu chấm ngăn cách hàng nghìn (5.000.000)")
    figure = read_figure(text)
    if figure is None:
        if not text.translate({ord(space): None for space in SPACES}).isascii():  # "²" and "٣": digits to Python
            return f"“{text}” không phải là số tiền (chỉ gõ chữ số 0–9 và dấu chấm ngăn cách hàng nghìn)"
        return f"“{text}” không phải là số tiền (ví dụ đúng: 5.000.000)"
    if len(figure.whole.lstrip("0")) > MAX_TYPED_DIGITS:
        return "số tiền quá lớn"
    return int(figure.whole)


def parse_money(text: str) -> int | None:
    """The amount a clerk typed, in đồng: "5.000.000", "5000000",
    "5 000 000", "5.000.000 đ". None when nothing is typed or the text is not
    an amount (money_error says why)."""
    value = _read(text)
    return value if isinstance(value, int) else None


def money_error(text: str) -> str:
    """Why the typed text is not an amount, in Vietnamese; "" when it is
    one or when nothing is typed."""
    value = _read(text)
    return value if isinstance(value, str) else ""
