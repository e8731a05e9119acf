"""Numbers written in figures the way Vietnamese documents write them:
"5.000.000", "1,5", "-3.000", "5 000 000 đồng". The one reader and the one
writer of such figures; a table's cells (core/tables.parse_number) and a
budget's amounts (core/amount_words.parse_money) are two uses of it, each
with its own rules about what it accepts.

What a figure is (read_figure):

- "." groups thousands and "," marks decimals: "1.234,25" is one thousand
  two hundred and thirty-four and a quarter. "1.5", "5,000.00" and
  "1.0000" are not figures: whichever way they were meant, reading them
  would guess.
- Thousands may also be grouped with a space (a no-break or a thin space
  too, as Word and Excel write them): "5 000 000". One separator, one
  character, every group three digits: "5 000.000", "5  000" and "1 2 3"
  are not figures. A tab or a line break never separates groups (they
  separate cells or lines of a cell).
- A minus sign ("-", "−" or the en dash Word puts for " - ") may lead, with
  or without a space after it. "+" does not: "+5" reads as a change, not an
  amount.
- The unit "đồng", "đ", "VNĐ" or "VND" may follow (any case, a space
  before it or none): the reading records it, each use decides whether it
  is welcome.
- Digits are 0-9 only: "٣" and "²" are digits to Python, not to a clerk.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

SPACES = " \u00a0\u202f\u2009"  # a space, a no-break space, a narrow no-break space, a thin space
MINUS_SIGNS = "-−–"  # hyphen-minus, minus sign, en dash
UNITS = ("đồng", "đ", "vnđ", "vnd")  # the units a figure may end with, folded to lower case

_FIGURE = re.compile(
    rf"(?P<sign>[{MINUS_SIGNS}] ?)?"
    r"(?P<whole>[0-9]{1,3}(?:(?P<sep>[. ])[0-9]{3})(?:(?P=sep)[0-9]{3})*|[0-9]+)"
    r"(?:,(?P<decimals>[0-9]+))?"
    rf"(?: *(?P<unit>{'|'.join(UNITS)}))?",
    re.IGNORECASE)
_SPACE = re.compile(f"[{SPACES}]")


@dataclass(frozen=True)
class Figure:
    """A figure as read: its sign, its digits before and after the ","
    (separators taken out) and the unit written after it ("" when none)."""

    negative: bool
    whole: str  # "5000000"
    decimals: str = ""  # "25" for "1.234,25"; "" when there is no ","
    unit: str = ""  # "đồng", "đ", "VNĐ", "VND" as typed

    @property
    def value(self) -> Decimal:
        value = Decimal(self.whole + ("." + self.decimals if self.decimals else ""))
        return -value if self.negative else value


def read_figure(text: str) -> Figure | None:
    """The figure ``text`` holds (spaces around it ignored), or None when it
    is not one figure written the Vietnamese way (see the module's note)."""
    match = _FIGURE.fullmatch(_SPACE.sub(" ", text.strip()))
    if match is None:
        return None
    return Figure(bool(match["sign"]), match["whole"].replace(".", "").replace(" ", ""), match["decimals"] or "",
                  match["unit"] or "")


def format_number(value: Decimal, places: int = 0) -> str:
    """"5.000.000", "1,5" (``places`` decimals), "-3.000"."""
    text = f"{abs(value):,.{places}f}"  # "5,000,000.50"
    whole, _, decimals = text.partition(".")
    text = whole.replace(",", ".") + ("," + decimals if decimals else "")
    return ("-" if value < 0 and value.quantize(Decimal(1).scaleb(-places)) != 0 else "") + text
