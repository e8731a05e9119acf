"""How a table's header rows and merged cells change when the table
editor moves, inserts or removes a row or a column, merges or splits cells
(ui/editor/content/table.py). Pure Python, no Qt: the rules are tested alone.

Header rows
-----------

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

Merged cells
------------
``Cells`` is a grid of texts with its merges (core/tables.CellMerge: the
merged cell's text in its first cell, the cells it covers empty). The rules,
the same for rows and for columns (a column is a row of the grid turned on
its side), so that no text typed is ever lost:

- Merging a rectangle joins the texts of its cells into the first, in
  reading order, one per line; a merge lying wholly inside it is absorbed,
  one cut by its edge refuses the merge. Splitting leaves the text in the
  first cell.
- A row inserted between two rows of a merge running down lengthens it (a
  task added to a unit's tasks); inserted above its first row or below its
  last one it is not part of it. The editor adds a row below the current
  cell, a merged cell's last row counting: a row added from a unit's merged
  name is a new unit's row.
- A row removed shortens the merges over it; when a merge's first row goes,
  its text moves to the first row that stays; a merge left with one cell is
  no longer a merge (its text stays in that cell).
- Moving a row (Word and Excel have no rule for it; this is ours): a merged
  cell is one block, never cut by a move.
  * From a merged cell running down (the unit's name chosen), the whole
    block moves: every row the merges tie to it (``block``), past the
    neighbouring row or block.
  * From any other cell, the row moves one step within its merges (the
    merged cells stay where they are: a unit's tasks are reordered under
    its name); a row never enters a merge it is not part of: it goes past
    the whole merged block below or above it. A move that would take the
    row out of a merge it is part of is refused with a message (choose the
    merged cell to move the block, or split it first).
  Merges one row high (across the columns) move with their row.
- Cells written over by a paste are split first (``split_covered``): the
  paste fills cells, it does not guess merges.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ....core.tables import CellMerge, HeaderCell


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


# ------------------------------------------------------------ merged cells


class EditRefusedError(ValueError):
    """An edit refused, with the reason in Vietnamese for the clerk."""


@dataclass
class Cells:
    """A grid of texts (every row as long as the widest) and its merges."""

    rows: list[list[str]]
    merges: list[CellMerge] = field(default_factory=list)

    def copy(self) -> Cells:
        return Cells([list(row) for row in self.rows], [replace(m) for m in self.merges])


@dataclass
class Moved:
    """A move's result: the cells, and for each line (row or column) now at
    position i, the position it came from (``order[i]``)."""

    cells: Cells
    order: list[int]


def spots(merge: CellMerge) -> set[tuple[int, int]]:
    return {(r, c) for r in range(merge.row, merge.row + merge.rows)
            for c in range(merge.column, merge.column + merge.columns)}


def merge_at(cells: Cells, row: int, col: int) -> CellMerge | None:
    return next((m for m in cells.merges if (row, col) in spots(m)), None)


def merge_cells(cells: Cells, chosen: set[tuple[int, int]]) -> Cells:
    """The chosen cells merged into one (see the module's docstring)."""
    if len(chosen) < 2:
        raise EditRefusedError("Chọn ít nhất hai ô liền nhau để gộp (kéo chuột hoặc Shift + phím mũi tên).")
    top, bottom = min(r for r, _ in chosen), max(r for r, _ in chosen)
    left, right = min(c for _, c in chosen), max(c for _, c in chosen)
    merged = CellMerge(top, left, bottom - top + 1, right - left + 1)
    area = spots(merged)
    if chosen != area:
        raise EditRefusedError("Chỉ gộp được một vùng hình chữ nhật: chọn các ô liền nhau.")
    kept = []
    for merge in cells.merges:
        inside = spots(merge) & area
        if inside and inside != spots(merge):
            raise EditRefusedError("Vùng chọn cắt ngang một ô đã gộp: chọn trọn ô gộp đó, hoặc tách nó trước.")
        if not inside:
            kept.append(replace(merge))
    result = Cells([list(row) for row in cells.rows], kept + [merged])
    texts = [result.rows[r][c] for r, c in sorted(area) if result.rows[r][c].strip()]
    for r, c in area:
        result.rows[r][c] = ""
    result.rows[top][left] = "\n".join(texts)
    result.merges.sort(key=lambda m: (m.row, m.column))
    return result


def split_cell(cells: Cells, row: int, col: int) -> Cells:
    """The merge covering (row, col) split back into cells, its text in the first."""
    merge = merge_at(cells, row, col)
    if merge is None:
        raise EditRefusedError("Ô đang chọn không phải ô gộp: không có gì để tách.")
    return Cells([list(r) for r in cells.rows], [replace(m) for m in cells.merges if m is not merge])


def split_covered(cells: Cells, top: int, left: int, bottom: int, right: int) -> Cells:
    """Every merge meeting the rectangle (rows top..bottom, columns
    left..right) split: a paste writes there (the texts stay in the first cells)."""
    area = {(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)}
    return Cells([list(r) for r in cells.rows], [replace(m) for m in cells.merges if not spots(m) & area])


def split_above(cells: Cells, first_row: int) -> Cells:
    """The merges running down (more than one row) that meet the rows above
    ``first_row`` split: title rows hold titles merged across only."""
    return Cells([list(r) for r in cells.rows],
                 [replace(m) for m in cells.merges if m.rows == 1 or m.row >= first_row])


# ----------------------------------------------------------------- rows


def insert_row(cells: Cells, at: int) -> Cells:
    """An empty row inserted before row ``at`` (at the end when ``at`` is the row count)."""
    width = max((len(row) for row in cells.rows), default=0)
    rows = [list(row) for row in cells.rows]
    rows.insert(at, [""] * width)
    merges = []
    for merge in cells.merges:
        if merge.row < at < merge.row + merge.rows:
            merges.append(replace(merge, rows=merge.rows + 1))
        elif merge.row >= at:
            merges.append(replace(merge, row=merge.row + 1))
        else:
            merges.append(replace(merge))
    return Cells(rows, merges)


def remove_rows(cells: Cells, removed: set[int]) -> Cells:
    """The rows ``removed`` taken out (see the module's docstring)."""
    rows = [list(row) for row in cells.rows]
    new_index, count = {}, 0
    for r in range(len(rows)):
        if r not in removed:
            new_index[r] = count
            count += 1
    merges = []
    for merge in cells.merges:
        stay = [r for r in range(merge.row, merge.row + merge.rows) if r not in removed]
        if not stay:
            continue
        if stay[0] != merge.row:  # the first row goes: its text to the first that stays
            rows[stay[0]][merge.column] = rows[merge.row][merge.column]
        if len(stay) * merge.columns > 1:
            merges.append(replace(merge, row=new_index[stay[0]], rows=len(stay)))
    return Cells([row for r, row in enumerate(rows) if r not in removed], merges)


def block(cells: Cells, row: int, merges: list[CellMerge] | None = None) -> tuple[int, int]:
    """The first and last rows tied to ``row`` by the merges running down
    (all of them, or those given): they are kept together."""
    downs = [m for m in (cells.merges if merges is None else merges) if m.rows > 1]
    first, last = row, row
    grown = True
    while grown:
        grown = False
        for merge in downs:
            end = merge.row + merge.rows - 1
            if merge.row <= last and end >= first and (merge.row < first or end > last):
                first, last, grown = min(first, merge.row), max(last, end), True
    return first, last


def move_row(cells: Cells, row: int, delta: int, whole: bool = False) -> Moved | None:
    """Row ``row`` moved one step up (delta -1) or down (+1); ``whole``: the
    clerk chose a merged cell running down, its whole block moves (see the
    module's docstring). None when there is nowhere to go; EditRefusedError when
    the move would cut a merged cell."""
    count = len(cells.rows)
    if whole:
        first, last = block(cells, row)
        edge = first - 1 if delta < 0 else last + 1
        if not 0 <= edge < count:
            return None
        other_first, other_last = block(cells, edge)
        if delta < 0:
            order = list(range(other_first)) + list(range(first, last + 1)) + list(range(other_first, first)) \
                + list(range(last + 1, count))
        else:
            order = list(range(first)) + list(range(last + 1, other_last + 1)) + list(range(first, last + 1)) \
                + list(range(other_last + 1, count))
        return _reordered(cells, order)
    other = row + delta
    if not 0 <= other < count:
        return None
    holding = [m for m in cells.merges if m.rows > 1 and m.row <= row < m.row + m.rows]
    others = [m for m in cells.merges if m not in holding]
    first, last = block(cells, other, others)  # the rows the row goes past: never into a merge it is not in
    for merge in holding:
        if not (merge.row <= first and last < merge.row + merge.rows):
            raise EditRefusedError("Dòng này nằm trong một ô gộp nhiều dòng: muốn chuyển cả khối thì chọn chính ô gộp, "
                               "muốn đưa riêng dòng này ra thì tách ô trước.")
    passed = list(range(first, last + 1))
    if delta < 0:
        order = list(range(first)) + [row] + passed + list(range(row + 1, count))
    else:
        order = list(range(row)) + passed + [row] + list(range(last + 1, count))
    # The merged cells holding the row stay where they are: only the other cells move.
    return _reordered(cells, order, holding)


def _reordered(cells: Cells, order: list[int], holding: list[CellMerge] | None = None) -> Moved:
    """The rows put in ``order`` (new position -> old), except the cells of
    the merges ``holding`` (they stay); the other merges follow their rows."""
    holding = holding or []
    position = {old: new for new, old in enumerate(order)}
    held = {(r, c) for m in holding for r, c in spots(m)}
    rows = [list(row) for row in cells.rows]
    for new, old in enumerate(order):
        for c, text in enumerate(cells.rows[old]):
            if (new, c) in held or (old, c) in held:
                continue
            rows[new][c] = text
    merges = []
    for merge in cells.merges:
        if any(merge is m for m in holding):
            merges.append(replace(merge))
        else:
            merges.append(replace(merge, row=position[merge.row]))
    merges.sort(key=lambda m: (m.row, m.column))
    return Moved(Cells(rows, merges), order)


# -------------------------------------------------------------- columns
# A column is a row of the grid turned on its side: the rules are the rows'.


def _turned(cells: Cells) -> Cells:
    width = max((len(row) for row in cells.rows), default=0)
    return Cells([[row[c] for row in cells.rows] for c in range(width)],
                 [CellMerge(m.column, m.row, m.columns, m.rows) for m in cells.merges])


def _turned_back(turned: Cells, height: int) -> Cells:
    cells = _turned(turned)
    if not turned.rows:  # no column left: the rows stay, empty
        cells.rows = [[] for _ in range(height)]
    return cells


def insert_cells_column(cells: Cells, at: int) -> Cells:
    """An empty column inserted before column ``at`` (a merge across it lengthens)."""
    return _turned_back(insert_row(_turned(cells), at), len(cells.rows))


def remove_cells_column(cells: Cells, col: int) -> Cells:
    """Column ``col`` taken out: a merge over it shortens, its text kept."""
    return _turned_back(remove_rows(_turned(cells), {col}), len(cells.rows))


def move_cells_column(cells: Cells, col: int, delta: int, whole: bool = False) -> Moved | None:
    """Column ``col`` moved one step left (-1) or right (+1), as move_row
    moves a row; ``whole``: the clerk chose a merged cell across columns."""
    try:
        moved = move_row(_turned(cells), col, delta, whole)
    except EditRefusedError:
        raise EditRefusedError("Cột này nằm trong một ô gộp nhiều cột: muốn chuyển cả khối cột thì chọn chính ô gộp, "
                           "muốn đưa riêng cột này ra thì tách ô trước.") from None
    return None if moved is None else Moved(_turned_back(moved.cells, len(cells.rows)), moved.order)


def column_block(cells: Cells, col: int) -> tuple[int, int]:
    """The first and last columns tied to ``col`` by the merges across."""
    return block(_turned(cells), col)


def swaps(order: list[int]) -> list[int]:
    """Neighbour swaps that put lines in ``order`` (new position -> old):
    each ``i`` swaps lines i and i + 1 (the header rows move a column by swaps)."""
    current = list(range(len(order)))
    steps = []
    for target, old in enumerate(order):
        at = current.index(old)
        while at > target:
            current[at - 1], current[at] = current[at], current[at - 1]
            steps.append(at - 1)
            at -= 1
    return steps
