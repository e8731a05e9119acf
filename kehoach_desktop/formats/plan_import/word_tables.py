"""Tables of a Word plan kept as tables (issue 19): the body's tables that
hold content (an assignment table, a list of units with their quotas) become
table content instead of lines. The header table (bodies, number, date) and
the closing's tables (recipients, signatures) stay lines: the importer reads
them as it always has.

The line reader's pipeline is kept: each content table stands in the lines
as one marker line, the sections are found and recognised as before (a
marker is plain text to every recogniser, so a section holding one becomes
free content), then each marker is replaced by its table: a section that
holds only the table becomes a table section, a table among paragraphs an
embedded block, a table before the first section lines of text.

A text plan's tables (text_tables) come as the cells of a Word table and
go through the same steps (marked_lines), so that one rule makes a table,
a budget or a total row of both."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ...core import content as c
from ...core.amount_words import parse_money
from ...core.budget import Budget, BudgetGroup, BudgetItem, budget_table
from ...core.model import Plan
from ...core.tables import Alignment, CellMerge, HeaderCell, Table, TableColumn, is_numeric_column, text_lines, total_cells
from ...core.text import fold
from .docx_blocks import Paragraph
from .docx_blocks import Table as WordTable
from .header_fields import type_line
from .phrases import TOTAL_ROW_LABELS
from .text_tables import TextTable, text_blocks

_MARKER = "⟦bảng {n}⟧"
_MARKER_RE = re.compile(r"^⟦bảng (\d+)⟧$")
_WORDS = re.compile(r"^\s*Bằng chữ\s*:", re.I)
_ALIGN: dict[str, Alignment] = {"center": "center", "right": "right", "end": "right", "both": "justify",
                                "left": "left", "start": "left"}
# A closing's table: a cell line that starts as the recipients or an
# authority line do, or that is a signer's title on its own ("BÍ THƯ"). An
# assignment table naming "Bí thư Đoàn phường" in a cell is content.
_CLOSING_STARTS = ("nơi nhận", "tm.", "tm ", "kt.", "t/m", "lưu:", "lưu vt", "lưu văn thư")
_SIGNER_TITLES = ("bí thư", "phó bí thư", "chủ tịch", "phó chủ tịch", "trưởng ban", "phó trưởng ban")


MAX_TITLE_LINES = 6  # more centred lines under the document type: a file centred throughout, no sign of a title


def title_length(blocks: list[Paragraph | WordTable]) -> int | None:
    """The lines of the title as Word sets it: the centred paragraphs right
    under the document type's (and the type paragraph's own words after the
    type, "KẾ HOẠCH THAM GIA …"), up to the first paragraph that is not
    centred. None when Word does not tell (no such paragraph after them,
    or more centred lines than a title has)."""
    at = next((i for i, block in enumerate(blocks) if isinstance(block, Paragraph)
               and any(type_line(line) for line in block.lines)), None)
    if at is None:
        return None
    kind = next(line for line in blocks[at].lines if type_line(line))
    match = type_line(kind)
    count = 1 if match is not None and match.group(2).strip() else 0
    for block in blocks[at + 1:]:
        text = "".join(block.lines).strip()
        if isinstance(block, Paragraph) and block.centred and text:
            count += sum(1 for line in block.lines if line.strip())
            continue
        # The run ends at a paragraph not centred, or at an empty one (the rule under a title).
        ends = isinstance(block, Paragraph)
        return count if ends and 0 < count <= MAX_TITLE_LINES else None
    return None


def text_with_tables(lines: list[str]) -> tuple[list[str], list[Table | Budget]]:
    """The same for a text plan's lines, given with their runs of spaces
    (source.spaced_line): its tables found by text_tables, every other line
    folded as the line reader folds it."""
    return marked_lines(text_blocks(lines))


def marked_lines(blocks: Iterable[Paragraph | WordTable | TextTable]) -> tuple[list[str], list[Table | Budget]]:
    """The blocks' lines, each content table replaced by a marker line, and
    those tables. A table before the title, or holding the closing's words,
    is the header's or the closing's layout: its lines are kept."""
    lines: list[str] = []
    tables: list[Table | Budget] = []
    title_seen = False
    for block in blocks:
        if isinstance(block, Paragraph):
            lines += [*block.boxed, *block.lines]
            title_seen = title_seen or any(type_line(line) for line in block.lines)
            continue
        grid, titles = (block.grid, block.titles) if isinstance(block, TextTable) else (block, None)
        if not title_seen or _is_closing(grid) or grid.columns < 2 or len(grid.rows) < 2:
            lines += grid.lines  # the header's or the closing's layout: read as lines
            continue
        lines.append(_MARKER.format(n=len(tables)))
        tables.append(as_budget(grid) or as_table(grid, titles))
    return lines, tables


_BUDGET_TITLES = ("noi dung", "so luong", "don gia", "thanh tien")
_GROUP_NUMBER = re.compile(r"^[IVXLC]+\.?$")


def as_budget(word: WordTable) -> Budget | None:
    """A table whose titles read "Nội dung … Số lượng … Đơn giá … Thành
    tiền" (the program's own budget, or an office's) as a budget: group rows
    (a Roman numeral, the payer), item rows, "Cộng" and "Tổng cộng" rows,
    whose typed figures the checker compares with the computed ones. None
    when the titles differ or a figure cannot be read."""
    if len(word.rows) < 2:
        return None
    titles = [fold(cell.text) for cell in word.rows[0]]
    wanted = {name: next((i for i, t in enumerate(titles) if name in t), None) for name in _BUDGET_TITLES}
    found = [wanted[name] for name in _BUDGET_TITLES]
    if any(column is None for column in found):
        return None
    text_col, qty_col, price_col, amount_col = (column for column in found if column is not None)
    unit_col = next((i for i, t in enumerate(titles) if "don vi" in t), None)
    budget, group = Budget(), None
    for row in word.rows[1:]:
        texts = [cell.text if cell.merged_into is None and not cell.missing else "" for cell in row]
        label = " ".join(texts[text_col].split())
        number = texts[0].strip() if text_col != 0 else ""
        if fold(label).strip(" :") in TOTAL_ROW_LABELS:
            typed = parse_money(texts[amount_col]) if texts[amount_col].strip() else None
            target = budget if fold(label).startswith("tong") else group
            if target is not None:
                target.typed_total = typed
            continue
        if _GROUP_NUMBER.match(number) or (label and not any(texts[c].strip() for c in (qty_col, price_col))):
            group = BudgetGroup(label)
            budget.groups.append(group)
            continue
        quantity, price = parse_money(texts[qty_col]), parse_money(texts[price_col])
        if quantity is None or price is None:
            return None  # not the program's kind of budget: kept as a table, word for word
        amount = parse_money(texts[amount_col]) if texts[amount_col].strip() else None
        if group is None:
            group = BudgetGroup("")
            budget.groups.append(group)
        unit = texts[unit_col].strip() if unit_col is not None else ""
        group.items.append(BudgetItem(label, quantity, unit, price, amount))
    return budget if any(g.items for g in budget.groups) else None


def is_table_marker(text: str) -> bool:
    """Whether a line stands for a Word table (marked_lines)."""
    return bool(_MARKER_RE.match(text.strip()))


def _is_closing(table: WordTable) -> bool:
    texts = [" ".join(line.split()).casefold() for row in table.rows for cell in row for line in cell.lines]
    return any(text.startswith(_CLOSING_STARTS) or text.rstrip(" :") in _SIGNER_TITLES for text in texts)


def as_table(word: WordTable, titles: int | None = None) -> Table:
    """A Word table as table content: its ``titles`` first rows (None: the
    rows marked as header rows or, when none is, the first row) as titles
    with their spans, every other row's cells as typed; a column whose
    filled cells are all numbers is numeric; merged body cells stay merged."""
    headers = (word.header_rows or 1) if titles is None else titles
    header_rows = []
    for r in range(min(headers, len(word.rows) - 1)):
        row = []
        for cell in word.rows[r]:
            if cell.missing:
                row.append(HeaderCell())
            elif cell.merged_into is None:
                row.append(HeaderCell(cell.text, max(cell.col_span, 1)))
            elif cell.merged_into[0] != r:  # covered from above: keeps its column
                row.append(HeaderCell())
        header_rows.append(row)
    rows = [[cell.text if cell.merged_into is None and not cell.missing else "" for cell in word.rows[r]]
            for r in range(len(header_rows), len(word.rows))]
    known = [w for w in word.widths if w]
    smallest = min(known) if known else 1
    columns = []
    for col in range(word.columns):
        numeric = is_numeric_column([row[col] for row in rows])
        weight = max(1, round((word.widths[col] or smallest) * 4 / smallest))
        aligned: list[Alignment | None] = [_ALIGN.get(row[col].align) for row in word.rows[len(header_rows):]
                                           if row[col].text]
        # The first seen of the most seen: the same every run (a set's order is not).
        align = max(aligned, key=aligned.count) if aligned and None not in aligned else None
        columns.append(TableColumn(weight, align or ("right" if numeric else "left"), numeric))
    first = len(header_rows)
    merges = [CellMerge(r - first, c, cell.row_span, cell.col_span)
              for r in range(first, len(word.rows)) for c, cell in enumerate(word.rows[r])
              if cell.merged_into is None and not cell.missing and (cell.row_span > 1 or cell.col_span > 1)]
    table = Table(columns=columns, header_rows=header_rows, rows=rows, landscape=word.landscape, merges=merges)
    return _with_total(table, word)


def _with_total(table: Table, word: WordTable) -> Table:
    """A last row "Tổng cộng | … | 90" whose figures are the columns' sums is
    the total row the program computes, not a row of data."""
    last = word.rows[-1] if len(table.rows) > 1 else ()
    label = next((cell.text for cell in last if cell.merged_into is None and cell.text), "")
    if fold(label).strip(" :") not in TOTAL_ROW_LABELS:
        return table
    candidate = replace(table, rows=table.rows[:-1], total_row=True, total_label=label.strip(),
                        merges=[merge for merge in table.merges if merge.row + merge.rows < len(table.rows)])
    figures = [cell.text for cell in last if cell.merged_into is None and not cell.missing][1:]
    computed = [cell.text for cell in total_cells(candidate)][1:]
    return candidate if [f for f in figures if f] == [c for c in computed if c] else table


def put_tables(plan: Plan, tables: list[Table | Budget]) -> Plan:
    """The plan with each marker replaced by its table."""
    if not tables:
        return plan
    plan.sections = [replace(section, content=_placed(section.content, tables)) for section in plan.sections]
    plan.appendices = [replace(a, content=_placed(a.content, tables)) for a in plan.appendices]
    plan.preamble = [line for text in plan.preamble for line in _as_lines(text, tables)]
    return plan


def _as_lines(text: str, tables: list[Table | Budget]) -> list[str]:
    """A preamble line, or the lines of the table its marker stands for:
    the preamble holds text only, and no cell is lost."""
    match = _MARKER_RE.match(text.strip())
    if match is None:
        return [text]
    table = tables[int(match.group(1))]
    return text_lines(budget_table(table) if isinstance(table, Budget) else table)


def _placed(content: c.Content, tables: list[Table | Budget]) -> c.Content:
    if not isinstance(content, c.FreeContent):
        return content
    only = [b for b in content.blocks if not (isinstance(b, c.Paragraph) and not b.text.strip())
            and not (isinstance(b, c.Paragraph) and _WORDS.match(b.text))]
    if len(only) == 1 and isinstance(only[0], c.Paragraph) and (m := _MARKER_RE.match(only[0].text.strip())):
        return tables[int(m.group(1))]
    blocks: list[c.Block] = []
    for block in content.blocks:
        if isinstance(block, c.Paragraph) and _WORDS.match(block.text) and blocks and \
                isinstance(blocks[-1], c.Embedded) and isinstance(blocks[-1].content, Budget):
            continue  # the budget's "Bằng chữ" line: generated again
        if isinstance(block, c.Paragraph) and (m := _MARKER_RE.match(block.text.strip())):
            blocks.append(c.Embedded(tables[int(m.group(1))]))
        elif isinstance(block, c.Subsection):
            blocks.append(replace(block, content=_placed(block.content, tables)))
        else:
            blocks.append(block)
    return replace(content, blocks=blocks)
