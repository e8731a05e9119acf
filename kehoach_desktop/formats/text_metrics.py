"""How wide a line of text is in Times New Roman, the profiles' font
(LibreOffice's Liberation Serif has the same widths), estimated without a
renderer: for the layout decisions the Word file and the PDF must take alike
(formats/closing_columns.py) and for the one-page letters
(formats/letter_fit.py)."""
from __future__ import annotations

import unicodedata

from .page_measures import CELL_MARGIN


def _table(groups: dict[int, str]) -> dict[str, float]:
    return {ch: width / 1000 for width, chars in groups.items() for ch in chars}


# Advance widths in thousandths of an em (Adobe's Times-Roman and Times-Bold
# metrics, which Times New Roman follows), by the letter under the diacritics.
_REGULAR = _table({250: " .,", 278: "ijlt:;/", 333: "fr()-[]I'!", 389: "sJ", 444: "acez?\"", 500: "bdghknopquvxy0123456789–_*",
                   556: "FPS", 564: "+=<>", 611: "ELTZ", 667: "BCR", 722: "ADGHKNOQUVXYw", 778: "m", 833: "%",
                   889: "M", 944: "W"})
_BOLD = _table({250: " .,", 278: "il", 333: "jtf()-[]I:;/'!", 389: "s", 444: "cerz", 500: "agovxyJ0123456789–?*",
                556: "bdhknpquS\"", 611: "FP", 667: "ELTZB", 722: "ACDNRUVXYw", 778: "GHKOQ", 833: "m", 944: "M",
                1000: "W%"})
_HORN = 0.08  # ơ, ư: the horn widens the letter
_SLACK = 1.04  # Vietnamese glyphs and the renderer's rounding: wider than the base letters' metrics
CELL_MARGINS = 2 * CELL_MARGIN  # a table cell's default left and right margins together, in points
_UNKNOWN = 0.6


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` on one line, in points."""
    table = _BOLD if bold else _REGULAR
    ems = 0.0
    for ch in text:
        parts = unicodedata.normalize("NFD", ch.replace("đ", "d").replace("Đ", "D"))
        ems += table.get(parts[0], _UNKNOWN) + (_HORN if "\u031b" in parts else 0)
    return ems * size * _SLACK


def wrapped_lines(text: str, width: float, size: float, bold: bool = False, first_indent: float = 0.0) -> int:
    """The lines ``text`` takes in a column ``width`` points wide, wrapped at spaces."""
    lines, used, empty = 1, first_indent, True
    space = text_width(" ", size, bold)
    for word in text.split():
        word_width = text_width(word, size, bold)
        if empty:
            used, empty = used + word_width, False
        elif used + space + word_width <= width:
            used += space + word_width
        else:
            lines, used = lines + 1, word_width
    return lines


