"""Whether a table's words fit its columns: a word wider than its cell is
broken in the middle by Word and by our painter ("Ngà/y", "23/12/20/22"),
which a clerk puts right by printing the table on a landscape page or by
widening the column.

The checker may not read the fonts (core imports no writer), so a word's
width is estimated from Times New Roman's advance widths grouped in four
classes, each at its narrowest letter (a letter's diacritics left out):
the estimate is never wider than a word of a plan's letters, figures and
punctuation (formats/text_metrics.py has the letter-by-letter widths the
writers use), so a word said not to fit surely does not, and the hint
never fires on a table that prints well.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..tables import Table, column_widths, normalised, total_cells

POINTS_PER_MM = 72 / 25.4
CELL_SIZE = 13.0  # points: the look "table_cell" of formats/page_measures.py
CELL_MARGINS = 2 * 5.4  # points: a Word cell's default left and right margins (formats/docx_tables.py)

# The narrowest advance of each class, in ems (Adobe's Times-Roman metrics).
_NARROW, _NARROW_EM = set(" .,:;/()[]-'!ijlrtfI"), 0.25
_WIDE, _WIDE_EM = set("mwMW"), 0.72
_LOWER_EM, _UPPER_EM = 0.389, 0.556  # "s" (and "J"); "F", "P", "S"


def word_width(word: str, size: float = CELL_SIZE) -> float:
    """At most the width of ``word`` on a line, in points (see the module's note)."""
    ems = 0.0
    for letter in word:
        if unicodedata.combining(letter):  # a diacritic typed apart sits on its letter
            continue
        ch = unicodedata.normalize("NFD", letter)[0]  # "ĩ" is as wide as "i", "Í" as "I"
        if ch in _NARROW:
            ems += _NARROW_EM
        elif ch in _WIDE:
            ems += _WIDE_EM
        elif ch.isupper() and ch != "J":
            ems += _UPPER_EM
        else:
            ems += _LOWER_EM
    return ems * size


def text_widths(layout: Mapping[str, Any]) -> tuple[float, float]:
    """The text width of a portrait page and of a landscape one (the page
    turned a quarter: its height less the top and bottom margins), in
    points, from a profile's layout."""
    page = layout["page"]
    portrait = page["width_mm"] - page["left_mm"] - page["right_mm"]
    landscape = page["height_mm"] - page["top_mm"] - page["bottom_mm"]
    return portrait * POINTS_PER_MM, landscape * POINTS_PER_MM


@dataclass(frozen=True)
class Need:
    """A column's widest word and the room its cells need for it (points,
    margins included): no narrower column prints it whole."""

    column: int  # counted from 0
    word: str
    need: float


def needs(table: Table) -> list[Need]:
    """Per column, its widest word (cells covering that column only: a title
    across several columns has their room together); "" and the margins
    alone for an empty column."""
    table = normalised(table)
    cells: list[list[str]] = [[] for _ in table.columns]
    for titles in table.header_rows + ([total_cells(table)] if table.total_row else []):
        col = 0
        for cell in titles:
            if cell.span == 1 and col < len(cells):
                cells[col].append(cell.text)
            col += cell.span
    for row in table.rows:
        for col, text in enumerate(row):
            cells[col].append(text)
    found = []
    for col, texts in enumerate(cells):
        widest = max((word for text in texts for word in text.split()), key=word_width, default="")
        found.append(Need(col, widest, word_width(widest) + CELL_MARGINS))
    return found


def overflows(table: Table, width: float) -> list[Need]:
    """The columns whose widest word does not fit when the table is
    ``width`` points wide, its columns shared out by their weights."""
    widths = column_widths(table, round(width * 100))  # hundredths of a point: whole units, exact enough
    return [need for need in needs(table) if need.word and need.need > widths[need.column] / 100]


def least_width(table: Table) -> float:
    """The narrowest the table can be with every word whole, its columns'
    weights chosen for it (points)."""
    return sum(need.need for need in needs(table))
