"""A table in a plan: header rows, rows of text cells, per-column width and
alignment, and an optional total row summing the numeric columns.

Decisions:

- A column's ``width`` is a relative weight (a whole number, 1 or more), not
  a length: the writers share the text width out in proportion, so the same
  table fits a portrait page, a landscape page and any profile's margins.
  (Whole numbers also keep the plan file free of floats.)
- Header rows hold the column titles; a header cell may cover several
  columns (``span``), as a merged title row does in Word. Body cells are
  merged by ``merges``: rectangles of cells (a unit's name down the rows of
  its tasks, a group's title across the columns) whose text is the first
  cell's; the rows a merge runs down stay on one page. ``normalised`` drops
  a merge that leaves the body or overlaps an earlier one, and moves text
  typed in a merged-away cell into the first one, so no word is lost.
- A cell may hold several lines ("\\n"): each line is a paragraph in Word.
- Numbers are read as Vietnamese documents write them: "." groups
  thousands, "," marks decimals ("5.000.000", "1,5"), by core/figures.py.
  Totals are exact (Decimal) and written back the same way.
- The text export (``text_lines``) draws an aligned grid with " | " between
  columns; a cell line longer than ``TEXT_COLUMN_MAX`` characters wraps at
  word boundaries within its column, so a wide table stays readable in a
  chat message. Merged body cells are drawn so that the grid reads back
  (formats/plan_import/text_tables.py) with the same rows: a row that is
  one cell across the whole table ("I. CỤM SỐ 1") stands between two rules
  of dashes, never alone like a plan's heading; where a merge runs down
  from one row to the next, a rule broken by the merged cells
  ("      +-----+---") marks the new row, as the borders of a printed table
  do (see ``text_lines``).

Pure Python: no Qt, no Word.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Literal

from .figures import Figure, format_number, read_figure

Alignment = Literal["left", "center", "right", "justify"]
TOTAL_LABEL = "Tổng cộng"
TEXT_COLUMN_MAX = 30  # characters of a column in the text export before a cell wraps


@dataclass
class TableColumn:
    """A column: its share of the width, its cells' alignment, and whether
    it holds numbers (summed by the total row, checked as numbers)."""

    width: int = 1  # a relative weight, see the module's docstring
    align: Alignment = "left"
    numeric: bool = False


@dataclass
class HeaderCell:
    """A cell of a header row covering ``span`` columns."""

    text: str = ""
    span: int = 1


@dataclass
class CellMerge:
    """Body cells merged into one: ``rows`` down and ``columns`` across
    from the body's row ``row`` and column ``column`` (from 0)."""

    row: int = 0
    column: int = 0
    rows: int = 1
    columns: int = 1


@dataclass
class Table:
    columns: list[TableColumn] = field(default_factory=list)
    header_rows: list[list[HeaderCell]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    total_row: bool = False
    total_label: str = TOTAL_LABEL
    # On landscape pages of its own (with the heading above it), where the
    # profile allows: the clerk's choice for a wide table, never guessed.
    landscape: bool = False
    merges: list[CellMerge] = field(default_factory=list)
    kind: Literal["table"] = "table"  # a content kind (core/content.py)


# ------------------------------------------------------------------ numbers
# Read and written by core/figures.py, the one reader of figures (a budget's
# amounts use it too).

_EMPTY_NUMBERS = ("", "-", "–", "—")  # a dash in a numeric column means "none"
# Digits of a cell's number, before and after the ",": Decimal adds 28
# digits exactly, so a column of up to 10^8 such numbers sums exactly.
MAX_DIGITS = 20


def parse_number(text: str) -> Decimal | None:
    """A cell's number: "5.000.000" -> 5000000, "1,5" -> 1.5, "-3.000" ->
    -3000, "5 000" -> 5000; None when the text is not one figure written the
    Vietnamese way ("1.5", "5,000.00", "abc"; core/figures.py), carries a
    unit ("5.000 đồng": the total row would print the sum without it) or has
    more than MAX_DIGITS digits."""
    figure = read_figure(text)
    if figure is None or figure.unit or _too_long(figure):
        return None
    return figure.value


def _too_long(figure: Figure) -> bool:
    return len(figure.whole.lstrip("0") + figure.decimals) > MAX_DIGITS


def _places(text: str) -> int:
    figure = read_figure(text)
    return len(figure.decimals) if figure is not None else 0


def is_numbering(cells: list[str]) -> bool:
    """1, 2, 3, … down the rows: a "STT" column, numbers no one sums."""
    return len(cells) > 1 and [cell.strip().rstrip(".") for cell in cells] == [str(i) for i in
                                                                                 range(1, len(cells) + 1)]


def is_numeric_column(cells: list[str]) -> bool:
    """A column of figures, summed by a total row and checked as numbers:
    its filled cells are all numbers, and it does not merely number the
    rows. One rule for the editor and the importers."""
    filled = [text for text in cells if not is_empty_number(text)]
    return bool(filled) and all(parse_number(text) is not None for text in filled) and not is_numbering(cells)


def is_empty_number(text: str) -> bool:
    return text.strip() in _EMPTY_NUMBERS


# ------------------------------------------------------------------- shape


def column_count(table: Table) -> int:
    """The columns the table needs: its columns, or more when a row or a
    header row holds more cells (nothing typed is dropped)."""
    widest = max((len(row) for row in table.rows), default=0)
    header = max((sum(max(cell.span, 1) for cell in row) for row in table.header_rows), default=0)
    return max(len(table.columns), widest, header)


def normalised(table: Table) -> Table:
    """A copy where every row has one cell per column and every header row
    covers every column: short rows padded with empty cells, header rows
    with an empty cell, columns added (weight 1, left) when a row is longer."""
    count = column_count(table)
    columns = [replace(c) for c in table.columns] + [TableColumn() for _ in range(count - len(table.columns))]
    headers = []
    for row in table.header_rows:
        cells = [HeaderCell(cell.text, max(cell.span, 1)) for cell in row]
        covered = sum(cell.span for cell in cells)
        cells += [HeaderCell() for _ in range(count - covered)]
        headers.append(cells)
    rows = [list(row) + [""] * (count - len(row)) for row in table.rows]
    merges = []
    taken: set[tuple[int, int]] = set()
    for merge in table.merges:
        spots = {(r, c) for r in range(merge.row, merge.row + merge.rows)
                 for c in range(merge.column, merge.column + merge.columns)}
        inside = 0 <= merge.row and merge.row + merge.rows <= len(rows) and 0 <= merge.column \
            and merge.column + merge.columns <= count
        if not inside or len(spots) < 2 or spots & taken:
            continue
        taken |= spots
        merges.append(replace(merge))
        first = rows[merge.row][merge.column]
        for r, c in sorted(spots - {(merge.row, merge.column)}):
            if rows[r][c].strip():  # typed in a cell merged away: kept in the merged cell
                first = f"{first}\n{rows[r][c]}" if first.strip() else rows[r][c]
            rows[r][c] = ""
        rows[merge.row][merge.column] = first
    return replace(table, columns=columns, header_rows=headers, rows=rows, merges=merges)


def merged_cells(table: Table) -> dict[tuple[int, int], CellMerge]:
    """Every body position a merge of the (normalised) table covers, with that merge."""
    return {(r, c): merge for merge in table.merges
            for r in range(merge.row, merge.row + merge.rows) for c in range(merge.column, merge.column + merge.columns)}


def body_cells(table: Table, row: int) -> list[tuple[int, int, str, int]]:
    """The cells a body row of the (normalised) table shows, left to right:
    (column, columns covered, text, rows covered from here). A merge shows
    its text in its first row; in the rows below it is a blank cell of its
    width (rows covered 0), which the writers draw without the border above."""
    merged = merged_cells(table)
    cells, col = [], 0
    while col < len(table.columns):
        merge = merged.get((row, col))
        if merge is None:
            cells.append((col, 1, table.rows[row][col], 1))
            col += 1
            continue
        first = row == merge.row
        cells.append((col, merge.columns, table.rows[row][col] if first else "", merge.rows if first else 0))
        col += merge.columns
    return cells


def rows_kept_together(table: Table) -> set[int]:
    """The body rows (of the normalised table) kept on the page of the row
    below them: a merge running down is never cut by a page break, and a
    row that is one cell across the whole table (a group's title: "I. CỤM
    SỐ 1") never stays alone at the foot of a page."""
    kept = {r for merge in table.merges for r in range(merge.row, merge.row + merge.rows - 1)}
    kept |= {merge.row + merge.rows - 1 for merge in table.merges
             if merge.column == 0 and merge.columns == len(table.columns) and merge.row + merge.rows < len(table.rows)}
    return kept


def column_titles(table: Table) -> list[str]:
    """Each column's title: the text of the lowest header cell covering it."""
    table = normalised(table)
    titles = [""] * len(table.columns)
    for row in table.header_rows:
        col = 0
        for cell in row:
            if cell.text.strip():
                for covered in range(col, min(col + cell.span, len(titles))):
                    titles[covered] = " ".join(cell.text.split())
            col += cell.span
    return titles


def column_widths(table: Table, total: int) -> list[int]:
    """``total`` (a whole number of any unit: the writers use twips, what
    Word stores) shared out among the columns by their weights, in whole
    units summing to ``total`` exactly; the rounding goes to the columns
    with the largest remainders (the first of equal ones)."""
    weights = [max(column.width, 1) for column in normalised(table).columns]
    whole = sum(weights)
    if not whole:
        return []
    shares = [total * weight // whole for weight in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[:total - sum(shares)]:
        shares[i] += 1
    return shares


# ------------------------------------------------------------------ totals


def totals(table: Table) -> list[Decimal | None]:
    """Per column, the sum of a numeric column's cells (empty cells and "-"
    count as nothing, a cell that is not a number is left out: problems()
    names it); None for a column that is not numeric."""
    table = normalised(table)
    sums: list[Decimal | None] = []
    for col, column in enumerate(table.columns):
        if not column.numeric:
            sums.append(None)
            continue
        values = [parse_number(row[col]) for row in table.rows if not is_empty_number(row[col])]
        sums.append(sum((v for v in values if v is not None), Decimal(0)))
    return sums


def total_cells(table: Table) -> list[HeaderCell]:
    """The total row as cells covering every column: the label across the
    columns before the first numeric one (none when the first column is
    numeric), each numeric column's sum with as many decimals as its cells
    show, the other columns empty."""
    table = normalised(table)
    sums = totals(table)
    lead = next((col for col, column in enumerate(table.columns) if column.numeric), len(table.columns))
    cells = [HeaderCell(table.total_label, lead)] if lead else []
    for col in range(lead, len(table.columns)):
        value = sums[col]
        if value is None:
            cells.append(HeaderCell())
            continue
        places = max((_places(row[col]) for row in table.rows if parse_number(row[col]) is not None), default=0)
        cells.append(HeaderCell(format_number(value, places)))
    return cells


# ---------------------------------------------------------------- problems


@dataclass(frozen=True)
class TableProblem:
    """What is wrong, in Vietnamese, naming its row or column (counted from
    1, as the clerk sees them); ``field`` is the path inside the table
    ("rows[2][3]"; "" for the table as a whole) for the checker's Finding.
    An error changes what is printed (a total that leaves a cell out); a
    warning is put right by the writers (a short row padded) or is a table
    not finished."""

    severity: Literal["error", "warning"]
    message: str
    field: str = ""


def table_problems(table: Table) -> list[TableProblem]:
    """What is wrong with the table (see TableProblem), in the order of the table."""
    found: list[TableProblem] = []
    count = column_count(table)
    if not table.columns:
        found.append(TableProblem("warning", "Bảng chưa khai báo cột nào.", "columns"))
    elif count > len(table.columns):
        found.append(TableProblem("warning", f"Bảng khai báo {len(table.columns)} cột nhưng có dòng dài {count} ô.",
                                  "columns"))
    for number, column in enumerate(table.columns, start=1):
        if column.width < 1:
            found.append(TableProblem("warning", f"Cột {number}: độ rộng phải từ 1 trở lên.",
                                      f"columns[{number - 1}].width"))
    if not table.header_rows:
        found.append(TableProblem("warning", "Bảng chưa có dòng tiêu đề.", "header_rows"))
    for number, header in enumerate(table.header_rows, start=1):
        for position, cell in enumerate(header, start=1):
            if cell.span < 1:
                found.append(TableProblem("warning", f"Dòng tiêu đề {number}, ô {position}: số cột gộp phải từ 1 "
                                                     "trở lên.", f"header_rows[{number - 1}][{position - 1}].span"))
        covered = sum(max(cell.span, 1) for cell in header)
        if covered < count:
            found.append(TableProblem("warning", f"Dòng tiêu đề {number} phủ {covered} trên {count} cột.",
                                      f"header_rows[{number - 1}]"))
    if not table.rows:
        found.append(TableProblem("warning", "Bảng chưa có dòng nào.", "rows"))
    titles = column_titles(table)
    # A cell that is not a number is left out of the total row: the printed
    # total is then wrong (an error); without a total row it only reads oddly.
    severity: Literal["error", "warning"] = "error" if table.total_row else "warning"
    for col, column in enumerate(normalised(table).columns):
        if not column.numeric:
            continue
        name = f"cột {col + 1}" + (f" («{titles[col]}»)" if titles[col] else "")
        for number, row in enumerate(table.rows, start=1):
            text = row[col] if col < len(row) else ""
            if is_empty_number(text) or parse_number(text) is not None:
                continue
            figure = read_figure(text)
            why = (f"có hơn {MAX_DIGITS} chữ số" if figure is not None and not figure.unit and _too_long(figure)
                   else "không phải là số (viết như 5.000.000 hoặc 1,5)")
            found.append(TableProblem(severity, f"Dòng {number}, {name}: «{text.strip()}» {why}.",
                                      f"rows[{number - 1}][{col}]"))
    if table.total_row and not any(column.numeric for column in table.columns):
        found.append(TableProblem("warning", "Bảng có dòng tổng cộng nhưng không có cột số nào để cộng.",
                                  "total_row"))
    return found


def problems(table: Table) -> list[str]:
    """What is wrong with the table, in Vietnamese (table_problems' messages)."""
    return [problem.message for problem in table_problems(table)]


# ------------------------------------------------------------- plain text


def text_lines(table: Table) -> list[str]:
    """The table as an aligned grid for the text export: " | " between
    columns, a line of "-" under the header rows and above the total row;
    numeric columns aligned right, the rest as their column says (a justified
    column reads as left), header cells centred.

    Merged body cells: a merge across part of a row is one cell without the
    " | " it covers. A row merged across every column (a group's title) has
    no " | " at all: it stands between two rules of dashes the width of the
    table (the rule under the header rows or above the total row serves as
    one), so that neither a reader nor the importer takes it for a plan's
    heading or the end of the table; its text wraps at the table's width
    (a blank line inside it is not drawn: the grid has no empty line), and
    the rows it runs down hold nothing and are not drawn. A merge running
    down shows its text in its first row and blank cells below; between
    two rows it runs down, a rule with a gap under each merged cell
    ("      +-----+---") says where the next row starts, so that it is never
    taken for a cell continued on the line below. A title row that is one
    cell across the table (a table's own title above its column titles) is
    drawn between rules of dashes too. A table without merges or such a
    title is drawn without any of these."""
    table = normalised(table)
    count = len(table.columns)
    if not count:
        return []
    body = [[HeaderCell(text, span) for _col, span, text, _down in body_cells(table, r)] for r in range(len(table.rows))]
    total = [total_cells(table)] if table.total_row else []
    grid = table.header_rows + body + total
    # A column is as wide as its widest single-column cell line (wrapped at
    # TEXT_COLUMN_MAX); a spanning cell wider than its columns widens the last.
    merged = merged_cells(table)
    bands = {r for r in range(len(table.rows)) if _is_band(merged.get((r, 0)), count)}
    widths = [1] * count
    for row in grid:
        for col, cell in _placed(row):
            if cell.span == 1:
                widths[col] = max(widths[col], *(len(line) for line in _wrapped(cell.text, TEXT_COLUMN_MAX)))
    for index, row in enumerate(grid):
        for col, cell in _placed(row):
            if cell.span > 1 and index - len(table.header_rows) not in bands:
                room = sum(widths[col:col + cell.span]) + 3 * (cell.span - 1)
                need = max(len(line) for line in _wrapped(cell.text, TEXT_COLUMN_MAX * cell.span))
                widths[col + cell.span - 1] += max(need - room, 0)
    # A row merged across the table wraps at the table's width: it widens
    # only a table narrower than TEXT_COLUMN_MAX (a long note under a narrow
    # table would otherwise stretch its last column).
    room = sum(widths) + 3 * (count - 1)
    need = max((len(line) for r in bands for line in _wrapped(table.rows[r][0], max(room, TEXT_COLUMN_MAX))),
               default=0)
    widths[-1] += max(need - room, 0)
    rule = "-+-".join("-" * width for width in widths)
    band_rule = "-" * len(rule)  # above and under a row that is one cell across the table
    lines: list[str] = []
    ruled = False  # the last line drawn is a rule
    after_band = False  # the last row drawn is one cell across the table
    for index, row in enumerate(grid):
        header = index < len(table.header_rows)
        is_total = bool(total) and index == len(grid) - 1
        body_row = index - len(table.header_rows)  # of the body, when the row is one
        in_body = not header and not is_total
        # A title row that is one cell across the table (a table's own title
        # above its column titles) is drawn as such a row of the body is.
        band = (in_body and body_row in bands) or (header and len(row) == 1 and row[0].span == count > 1)
        if band and in_body and merged[(body_row, 0)].row != body_row:
            continue  # a row under a merge across the whole table: nothing of its own to draw
        above = _row_rule(widths, merged, body_row - 1, body_row) if in_body and body_row > 0 and not band else ""
        if (index == len(table.header_rows) and table.header_rows) or is_total:
            above = rule
        if not above and (band or after_band) and not ruled:
            above = band_rule
        if above:
            lines.append(above)
            ruled = True
        if band:
            width = len(rule)
            align = "center" if header else "right" if table.columns[0].numeric else table.columns[0].align
            lines += [_aligned(line, width, align).rstrip() for line in _wrapped(row[0].text, width) if line]
            ruled = False  # the rule above was this row's: the next line needs a rule under it (two for an empty row)
            after_band = True
            continue
        after_band = False
        columns = []
        for col, cell in _placed(row):
            width = sum(widths[col:col + cell.span]) + 3 * (cell.span - 1)
            if header or (is_total and col == 0 and not table.columns[0].numeric):  # titles, the total's label
                align = "center"
            else:
                align = "right" if table.columns[col].numeric else table.columns[col].align
            columns.append((_wrapped(cell.text, width), width, align))
        height = max(len(cell_lines) for cell_lines, _, _ in columns)
        for i in range(height):
            parts = [_aligned(cell_lines[i] if i < len(cell_lines) else "", width, align)
                     for cell_lines, width, align in columns]
            lines.append(" | ".join(parts).rstrip())
        ruled = False
    if after_band:
        lines.append(band_rule)
    return lines


def _is_band(merge: CellMerge | None, count: int) -> bool:
    """Whether a merge is one cell across every column (drawn between rules)."""
    return merge is not None and merge.column == 0 and merge.columns == count


def _row_rule(widths: list[int], merged: dict[tuple[int, int], CellMerge], above: int, below: int) -> str:
    """The rule between two body rows when a merge runs down from one to
    the other: dashes under every cell that ends, a gap under every merged
    cell that goes on, "+" where a border meets the rule (and between two
    merged cells when every cell goes on: the row under it has no cell of
    its own, the "+" still marks where it starts); "" when no merge runs
    down there."""
    going_on = [merged.get((above, col)) is not None and merged.get((above, col)) == merged.get((below, col))
                for col in range(len(widths))]
    if not any(going_on):
        return ""
    parts = [" " * width if on else "-" * width for width, on in zip(widths, going_on, strict=True)]
    line = parts[0]
    for col in range(1, len(widths)):
        left, right = going_on[col - 1], going_on[col]
        if left and right:  # inside one merge no border; between two merges their border goes on
            joint = "   " if merged[(above, col - 1)] == merged[(above, col)] else " | " if not all(going_on) else " + "
        else:
            joint = (" " if left else "-") + "+" + (" " if right else "-")
        line += joint + parts[col]
    return line.rstrip()


def _placed(row: list[HeaderCell]) -> list[tuple[int, HeaderCell]]:
    """Each cell with the first column it covers."""
    placed, col = [], 0
    for cell in row:
        placed.append((col, cell))
        col += cell.span
    return placed


def _wrapped(text: str, width: int) -> list[str]:
    lines = []
    for line in text.split("\n"):
        lines += textwrap.wrap(" ".join(line.split()), width, break_on_hyphens=False) or [""]
    return lines


def _aligned(text: str, width: int, align: str) -> str:
    if align == "right":
        return text.rjust(width)
    if align == "center":
        return text.center(width)
    return text.ljust(width)
