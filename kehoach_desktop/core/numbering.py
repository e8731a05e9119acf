"""Generated numbers: section numerals, subsection numbers, the number line."""
from __future__ import annotations

from .model import DocumentNumber
from .roman import roman


def section_number(index: int) -> str:
    """0 -> "I."."""
    return roman(index + 1) + "."


def subsection_number(path: list[int]) -> str:
    """[0] -> "1.", [1, 0] -> "2.1." (the section's own numeral not included)."""
    return ".".join(str(i + 1) for i in path) + "."


def number_text(value: int | None) -> str:
    """Numbers under 10 take a leading zero; a plan without a number yet
    leaves room for the register's number."""
    return f"{value:02d}" if value is not None else "     "


def full_number(number: DocumentNumber, space: str = " ") -> str:
    """"05-KH/ĐTN-VP", or as another office wrote it ("98/KH-UBND",
    "69/KH – ĐTN"); ``space`` (a no-break space, for the pages) for the
    spaces of such a form, never for the room left for a number to come."""
    return number_text(number.value) + f"{number.between}{number.symbol}".replace(" ", space)


def number_line(number: DocumentNumber, with_colon: bool = True) -> str:
    """"Số: 05-KH/ĐTN-VP" (Youth Union) or "Số 41-KH/..." (Party)."""
    label = "Số:" if with_colon else "Số"
    return f"{label} {full_number(number)}"
