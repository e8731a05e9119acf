"""How a table's header rows change when the table editor moves, inserts
or removes a column (ui/editor/content/table.py). Pure Python, no Qt: the
rules are tested alone.

A header row is a list of HeaderCell covering every column once, a cell
covering ``span`` neighbouring columns. The rules, so that no title typed
is ever lost by a move:

- Moving a column swaps it with its neighbour. A cell of span 1 goes with
  its column. A spanned cell ("Số lượng" over "Nam" and "Nữ") keeps the
  columns it covered that did not leave it: a column moved out across the
  span's edge leaves the span (the span shrinks by one, its text stays) and
  gets an empty title in that row; a column moved against a span does not
  join it, it pushes the span's edge column out the same way. Within a span
  the columns swap and the title stays over both.
- A column inserted between two columns of one span widens the span;
  anywhere else it gets an empty title of its own.
- A column removed shrinks the span covering it; a title of span 1 goes
  with its column (removing a column removes its cells).
"""
from __future__ import annotations

from ....core.tables import HeaderCell


def _owners(row: list[HeaderCell]) -> list[int]:
    """For each column, the index in ``row`` of the cell covering it."""
    owners: list[int] = []
    for index, cell in enumerate(row):
        owners += [index] * max(cell.span, 1)
    return owners


def _cells(owners: list[object], texts: dict[object, str]) -> list[HeaderCell]:
    """Cells from each column's owner: neighbouring columns of one owner form one cell."""
    cells: list[HeaderCell] = []
    previous: object = None
    for owner in owners:
        if cells and owner == previous:
            cells[-1].span += 1
        else:
            cells.append(HeaderCell(texts.get(owner, ""), 1))
        previous = owner
    return cells


def move_column(row: list[HeaderCell], col: int, delta: int) -> list[HeaderCell]:
    """The header row after column ``col`` swaps with column ``col + delta``
    (delta -1 or +1; both columns exist)."""
    owners: list[object] = list(_owners(row))
    other = col + delta
    if owners[col] == owners[other]:
        return [HeaderCell(cell.text, cell.span) for cell in row]  # within one span: the title stays over both
    owners[col], owners[other] = owners[other], owners[col]
    for position in (col, other):  # a cell the swap split keeps the columns that stayed
        owner = owners[position]
        stayed = [i for i, o in enumerate(owners) if o == owner and i not in (col, other)]
        if stayed and abs(position - (stayed[0] if position < stayed[0] else stayed[-1])) > 1:
            owners[position] = ("empty", position)
    texts: dict[object, str] = {index: cell.text for index, cell in enumerate(row)}
    return _cells(owners, texts)


def insert_column(row: list[HeaderCell], at: int) -> list[HeaderCell]:
    """The header row after a column is inserted before column ``at``."""
    owners: list[object] = list(_owners(row))
    inside = 0 < at < len(owners) and owners[at - 1] == owners[at]
    owners.insert(at, owners[at] if inside else ("empty", at))
    return _cells(owners, {index: cell.text for index, cell in enumerate(row)})


def remove_column(row: list[HeaderCell], col: int) -> list[HeaderCell]:
    """The header row after column ``col`` is removed."""
    owners: list[object] = list(_owners(row))
    del owners[col]
    return _cells(owners, {index: cell.text for index, cell in enumerate(row)})
