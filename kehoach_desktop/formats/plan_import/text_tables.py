"""Tables typed in a text plan (issue 19), found in its lines so that they
become table content as a Word table does (word_tables.marked_lines).

Three shapes are read, each over two or more consecutive lines:

- the grid the program's own text export draws (core.tables.text_lines):
  " | " between columns, a rule "----+----" under the header rows and
  above the total row, a spanning cell without the " | " it covers, and a
  cell longer than its column continued on the next lines (the other cells
  empty there). Merged body cells come back as merges: a row merged across
  the whole table is the lines between two rules (one of dashes only,
  reaching as far as the grid; the rule under the titles or the one above
  the total row may be the other; two rules with nothing between are an
  empty merged row), and a rule broken by gaps ("      +-----+---") starts
  a new row whose blank cells under a gap are covered by the cell above
  (a merge running down). A line continuing a row is never taken across a
  rule, and goes on with a row holding a covered cell. Typed by hand in
  the same shape (columns aligned, rules of dashes around a group's title
  row), a grid is read the same. A rule "----+----" bounds a merged row
  only as the grid's first rule (under the titles) or its last but one
  line (above the total), so that plan text between the borders of two
  tables stays text, as does text after the title's "-------" (a merged
  row's rules reach across the grid);
- tab-separated cells, as Excel or Word gives them when copied;
- columns aligned with runs of spaces, as typed in Notepad or copied from a
  PDF or a console: every line blank at the same positions, two or more
  wide, between the columns.

Plan text is never a table: a line that starts as a list item ("1. …",
"a) …", "- …") or with a label ("Thời gian:\\t…") ends a block, and a block
of two columns is a table only with a title row and a column of numbers (a
timeline "08g00 – 08g30\\tĐón tiếp" stays lines for the programme reader).
The header's and the closing's side-by-side blocks are left to
word_tables, which keeps every table before the title or holding the
closing's words as lines, for text as for Word.

The lines come with their runs of spaces (source.spaced_line); a line that
is not in a table, and the ``lines`` of a table (what it is read as when
word_tables keeps it as lines), are folded as the line reader folds them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...core.tables import parse_number
from ...core.text import fold
from .docx_blocks import MAX_COLUMNS, Cell, Paragraph
from .docx_blocks import Table as WordTable
from .header_fields import type_line
from .phrases import TOTAL_ROW_LABELS
from .run_on import unrun
from .source import fold_spaces
from .title import TITLE_LOOKAHEAD, part_glued_sentence

_RULE = re.compile(r"^-+(?:\+-+)+$")  # text_lines' rule: "----+--------+---"
_BAND_RULE = re.compile(r"^-{3,}$")  # above and under a row merged across the whole table
# Between two rows a merge runs down: "----+      +---" (a gap under the merged cell)
_ROW_RULE = re.compile(r"^(?=.*\+)[ +|-]+$")
_SEPARATOR = " | "
_GAP = re.compile(r"\S( {2,})(?=\S)")  # two or more spaces between two words
_TEXT_RULE = re.compile(r"^[\s=_-]{3,}$")  # "-----   -----" under hand-typed titles
# A list item: its label and, one space at most after it, its text ("1. Mục
# đích", "- Đón tiếp"); a label followed by a tab or a wide gap is a cell.
_ITEM = re.compile(r"^(?:[-+•*–·]|(?:\d+(?:\.\d+)*|[a-zđ]|[IVXLC]+)[.)]) ?\S")
_BULLET = re.compile(r"^[-+•*–·]$")
_LABEL = re.compile(r":\s*$")
MIN_GUTTER = 2  # spaces between two aligned columns (one space is between two words)


@dataclass(frozen=True)
class TextTable:
    """A table found in text: its cells as a Word table's (so that one rule
    makes a table or a budget of both), and how many of its first rows are
    titles (0 when its first row reads as data: Word's tables always have
    one)."""

    grid: WordTable
    titles: int


@dataclass(frozen=True)
class _Cell:
    text: str
    span: int = 1
    align: str = ""  # "left", "right", "center" as the spaces around it show, "" when it fills its column
    last: str | None = None  # the last line it stood on, when it was continued on lines below
    fits: tuple[str, ...] = ()  # the alignments its spaces fit (_fitting), () when unknown
    covered: bool = False  # blank under a merged cell of the row above that runs down (a gap in the rule between)


_COLUMN_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")  # spaces between a header's two columns on one line


def _columns_apart(line: str) -> str:
    """A header line with a tab where a run of spaces parts two columns;
    not inside a number line's blanks ("Số:      -KH/ĐTN", "Số: 04   /KH"),
    where the number is left to be written."""
    def gap(match: re.Match[str]) -> str:
        before, after = line[:match.start()].rstrip(), line[match.end():]
        return match.group() if before.endswith(":") or after[:1] in "-–/" or before[-1:] in "-–/" else "\t"
    return _COLUMN_GAP.sub(gap, line)


def text_blocks(lines: list[str]) -> list[Paragraph | TextTable]:
    """The lines (with their runs of spaces) as paragraphs of one line
    each, and the tables among them."""
    blocks: list[Paragraph | TextTable] = []
    lines = unrun(lines)
    # Before the document type, a run of spaces between words parts the
    # header's two columns set on one line ("BAN CHẤP HÀNH TRUNG ƯƠNG
    # <spaces> ĐOÀN TNCS HỒ CHÍ MINH", a web page's flattening): kept as a
    # tab, which the header reads as the column's edge.
    header_end = next((i for i, line in enumerate(lines) if type_line(line)), 0)
    i = 0
    while i < len(lines):
        found = _grid(lines, i) or _tabbed(lines, i) or _aligned(lines, i)
        if found is None:
            # The lines that would have been one of them are not the start
            # of a table either: skipping them keeps the search linear.
            end = max(_grid_run(lines, i), _tab_run(lines, i), _aligned_run(lines, i), i + 1)
            for n, line in enumerate(lines[i:end], start=i):
                if n < header_end:
                    blocks.append(Paragraph((fold_spaces(_columns_apart(line)),)))
                else:  # a title's line may have the preamble glued after a run of spaces
                    parted = part_glued_sentence(line) if n <= header_end + TITLE_LOOKAHEAD else [line]
                    blocks += [Paragraph((fold_spaces(part),)) for part in parted]
            i = end
            continue
        end, table = found
        blocks.append(table)
        i = end
    return blocks


# ------------------------------------------------------------- the program's grid


def _is_grid_line(line: str) -> bool:
    return _SEPARATOR in line or line.endswith(" |") or bool(_RULE.match(line)) or bool(_ROW_RULE.match(line))


def _is_rule(line: str) -> bool:
    """A rule a row merged across the whole table stands between."""
    return bool(_RULE.match(line) or _BAND_RULE.match(line))


def _grid_run(lines: list[str], start: int) -> int:
    """The lines from ``start`` that may be the program's grid: lines with
    " | ", its rules, and rows merged across the whole table, each between
    two rules (_band_close). Each line is looked at a bounded number of
    times: the search stays linear in the lines."""
    end = start
    reach = 0  # how far the grid's lines so far reach: a band's rule reaches as far
    rows = rules = 0  # the rows and the rules "--+--" seen so far
    while end < len(lines):
        line = lines[end]
        if _is_grid_line(line):
            reach = max(reach, _reach(line))
            rows += _line_kind(line) == "row"
            rules += bool(_RULE.match(line))
            end += 1
            continue
        # The line above opens a merged row when it is a rule of dashes,
        # or the rule under the titles: the grid's first, after its rows.
        above = lines[end - 1] if end > start else ""
        opens = bool(_BAND_RULE.match(above)) or (bool(_RULE.match(above)) and rules == 1 and rows > 0)
        close = _band_close(lines, end, opens, reach)
        if close is None:
            break
        end = close + 1
    return end


def _reach(line: str) -> int:
    """Where a grid line's last column starts: after its last " | " (a
    row's) or "+" (a rule's)."""
    if _RULE.match(line) or _ROW_RULE.match(line):
        return line.rindex("+") + 2
    return max(_found_separators(line), default=-len(_SEPARATOR)) + len(_SEPARATOR)


def _band_close(lines: list[str], at: int, opened: bool, reach: int) -> int | None:
    """The line of the rule closing a row merged across the whole table that
    starts at ``at``: its lines (none when the merged cell is empty) stand
    between the rule above it (the grid's line before ``at`` when
    ``opened``, else the rule of dashes at ``at``) and a rule under it. A
    rule of dashes reaches as far as the grid does; a rule "--+--" is one
    only as the grid's first (under its titles, above the merged row) or
    as its last but one line (above the total row, under the merged row):
    the borders of two tables typed with them never hold the plan text
    between them. None when there is no such row at ``at``."""
    if opened:
        first = at
    elif _BAND_RULE.match(lines[at]):
        first = at + 1
    else:
        return None
    close = first
    while close < len(lines) and lines[close].strip() and not _is_grid_line(lines[close]) \
            and not _BAND_RULE.match(lines[close]):
        close += 1
    if close >= len(lines) or not _is_rule(lines[close]):
        return None
    if _RULE.match(lines[close]) and not (close + 1 < len(lines) and _line_kind(lines[close + 1]) == "row" and (
            close + 2 == len(lines) or not _is_grid_line(lines[close + 2]))):
        return None
    rules = [line for line in (lines[first - 1], lines[close]) if _BAND_RULE.match(line)]
    if first == close and not rules:
        return None  # two rules "-+-" in a row: no merged row between them
    if not reach:
        # The table starts with the merged row: its two rules are alike
        # (not the title's "-------" and a table's rule) and the grid goes
        # on under it (a row, or the next merged row's lines).
        after = lines[close + 1] if close + 1 < len(lines) else ""
        if len(rules) != 2 or len(set(rules)) != 1 or not after.strip():
            return None
        reach = _reach(after) if _line_kind(after) == "row" else 0
    return close if all(len(rule) >= reach for rule in rules) else None


def _grid(lines: list[str], start: int) -> tuple[int, TextTable] | None:
    """The program's own grid from ``start``: (the line after it, the table)."""
    end = _grid_run(lines, start)
    block = lines[start:end]
    kinds = [_line_kind(line) for line in block]
    if len(block) < 2 or "row" not in kinds:
        return None
    rules = [i for i, kind in enumerate(kinds) if kind == "rule"]
    seps = _separators(block, rules, kinds)
    if seps is None:
        return None
    starts = [0] + [p + len(_SEPARATOR) for p in seps]
    longest = max(len(line) for line in block)
    if rules:
        widths = [len(part) for part in block[rules[0]].split("-+-")]
    else:
        widths = [b - a for a, b in zip(starts, [*seps, longest], strict=True)]
    if len(widths) != len(starts) or len(widths) > MAX_COLUMNS:
        return None
    ends = [a + w for a, w in zip(starts, widths, strict=True)]
    ends[-1] = max(ends[-1], longest)  # nothing typed past the last column is cut
    parsed = [_grid_cells(line, starts, ends, seps) if kind == "row" else None for line, kind in zip(block, kinds,
                                                                                                 strict=True)]
    if any(cells is not None and not cells for cells in parsed):
        return None
    header_end, total_at = _grid_parts(block, rules, parsed)
    rows: list[list[_Cell]] = []
    total_row = None  # the row of the line after the last rule, when it reads as a total
    titles = 0
    band: list[str] | None = None  # the lines of the merged row being read
    going_on: list[bool] | None = None  # per column, the merge above runs on down (the rule's gaps)
    ruled = False  # the line above is a rule: the next line starts a row
    for index, kind in enumerate(kinds):
        line = block[index]
        if kind == "band":
            band = band if band is not None else []
            band.append(line)
            continue
        if kind != "row":
            # A merged row's lines end at the rule under it; two rules in a
            # row (one of dashes) have an empty merged row between them.
            empty = index > 0 and {kind, kinds[index - 1]} <= {"rule", "band-rule"} and "band-rule" in {
                kind, kinds[index - 1]}
            if band is not None or empty:
                rows.append([_band_cell(band or [], ends[-1], len(widths))])
                titles += index < header_end  # a table's own title, above its column titles
                band = None
            if kind == "row-rule":
                going_on = _going_on(line, starts, ends)
                if going_on is None:
                    return None
            ruled = True
            continue
        cells = parsed[index]
        assert cells is not None
        if going_on is not None:
            cells = _covered(rows[-1] if rows else [], cells, going_on)
            going_on = None
        header = index < header_end
        joined = rows and not ruled and index != total_at and _continues(rows[-1], cells, header, widths)
        if joined:
            rows[-1] = _joined(rows[-1], cells, widths)
        else:
            total_row = len(rows) if index == total_at else total_row
            rows.append(cells)
            titles += header
        ruled = False
    if len(rows) < 2:
        return None
    if not rules and _reads_as_titles(rows[0]):
        titles = 1  # typed by hand, without the rule under the titles
    aligned = _column_aligns([row for r, row in enumerate(rows[titles:], titles) if r != total_row], len(widths))
    rows = [rows[r] if r < titles else [replace(c, align=a) for c, a in zip(row, _spread(aligned, row, r == total_row),
                                                                             strict=True)]
            for r, row in enumerate(rows)]
    return end, TextTable(_word_table(rows, titles, widths, block), titles)


def _line_kind(line: str) -> str:
    """What a line of the grid is: "rule" (under the titles, above the
    total), "band-rule" (dashes only, around a row merged across the whole
    table), "row-rule" (between two rows a merge runs down), "row" (cells
    between " | "), or "band" (a line of a row merged across the table)."""
    if _RULE.match(line):
        return "rule"
    if _BAND_RULE.match(line):
        return "band-rule"
    if _ROW_RULE.match(line):
        return "row-rule"
    return "row" if _SEPARATOR in line or line.endswith(" |") else "band"


def _separators(block: list[str], rules: list[int], kinds: list[str]) -> list[int] | None:
    """The positions of the " | " between the columns: where the rule's "+"
    stand, or where the line with the most of them has them; None when a
    line has one elsewhere (not the program's grid)."""
    rows = [line for line, kind in zip(block, kinds, strict=True) if kind == "row"]
    if rules:
        rule = block[rules[0]]
        seps = [m.start() - 1 for m in re.finditer(r"\+", rule)]
    else:
        seps = max((_found_separators(line) for line in rows), key=len)
    if not seps:
        return None
    for line in rows:
        if not set(_found_separators(line)) <= set(seps):
            return None
    return seps


def _found_separators(line: str) -> list[int]:
    found = [m.start() for m in re.finditer(re.escape(_SEPARATOR), line)]
    return found + ([len(line) - 2] if line.endswith(" |") else [])


def _grid_cells(line: str, starts: list[int], ends: list[int], seps: list[int]) -> list[_Cell]:
    """The cells of one line: a cell runs to the next " | " there, across the
    columns whose separator it covers."""
    present = set(_found_separators(line))
    cells: list[_Cell] = []
    col = 0
    while col < len(starts):
        last = col
        while last < len(seps) and seps[last] not in present:
            last += 1
        width = ends[last] - starts[col]
        segment = line[starts[col]:ends[last]].ljust(width)
        cells.append(_segment_cell(segment, last - col + 1))
        col = last + 1
    return cells


def _band_cell(lines: list[str], width: int, columns: int) -> _Cell:
    """A row merged across the whole table (``width`` characters, over
    ``columns`` columns) from its lines: joined as a continued cell's are (a
    space where the text wrapped at the table's width, else a line break)."""
    cell = _Cell("")
    for line in lines:
        segment = _segment_cell(line.ljust(width))
        cell = _joined([cell], [segment], [width])[0] if cell.text else segment
    return replace(cell, span=columns)


def _going_on(rule: str, starts: list[int], ends: list[int]) -> list[bool] | None:
    """Per column, whether the rule between two rows leaves a gap there (the
    merged cell above runs on down); None when the rule does not follow the
    columns (not the program's grid)."""
    out = []
    for a, b in zip(starts, ends, strict=True):
        part = rule[a:b].strip()
        if part and set(part) != {"-"}:
            return None
        out.append(not part)
    return out


def _covered(above: list[_Cell], cells: list[_Cell], going_on: list[bool]) -> list[_Cell]:
    """The cells of a row under a rule with gaps: a blank cell under a gap
    whose columns are those of a cell above is covered by it (a merge
    running down); any other cell stays as typed."""
    starts_above = {}
    col = 0
    for cell in above:
        starts_above[col] = cell.span
        col += cell.span
    out, col = [], 0
    for cell in cells:
        gap = all(going_on[col:col + cell.span])
        out.append(replace(cell, covered=True) if gap and not cell.text and starts_above.get(col) == cell.span
                   else cell)
        col += cell.span
    return out


def _grid_parts(block: list[str], rules: list[int], parsed: list) -> tuple[int, int | None]:
    """The lines of the header rows (those before the first rule, when a
    rule follows them) and the line of the total row (the one line after a
    last rule, when it reads as a total)."""
    header_end, total_at = 0, None
    last = rules[-1] if rules else None
    if last is not None and last == len(block) - 2 and parsed[-1] and _is_total(parsed[-1]):
        total_at = len(block) - 1
    if rules and rules[0] > 0 and (total_at is None or len(rules) > 1):
        header_end = rules[0]
    return header_end, total_at


def _is_total(cells: list[_Cell]) -> bool:
    label = next((cell.text for cell in cells if cell.text), "")
    return fold(label).strip(" :") in TOTAL_ROW_LABELS


def _continues(previous: list[_Cell], cells: list[_Cell], header: bool, widths: list[int]) -> bool:
    """Whether a line continues the row above (a cell longer than its
    column): the same columns and, in the body, no number (a "Cộng" row has
    its figure), and an empty first cell or, when the first column wrapped,
    a cell filled above left empty and every filled cell's first word too
    long for the line above (a new row fills its cells). A line under a
    row with a cell covered by a merge from above, blank there too, goes on
    with that row: a new row would stand under a rule (the merge going on)
    or have cells of its own there (the merge ended)."""
    if [c.span for c in previous] != [c.span for c in cells]:
        return False
    if header:
        return True
    if any(parse_number(c.text) is not None for c in cells if c.text):
        return False
    if not cells[0].text or any(before.covered and not after.text for before, after in zip(previous, cells,
                                                                                           strict=True)):
        return True
    pairs = list(zip(previous, cells, _cell_widths(cells, widths), strict=True))
    return (any(before.text and not after.text for before, after, _ in pairs)
            and all(_wrapped(before, after, width) for before, after, width in pairs if after.text))


def _cell_widths(row: list[_Cell], widths: list[int]) -> list[int]:
    """Each cell's characters: its columns' and the separators between them."""
    out, col = [], 0
    for cell in row:
        out.append(sum(widths[col:col + cell.span]) + len(_SEPARATOR) * (cell.span - 1))
        col += cell.span
    return out


def _last_line(cell: _Cell) -> str:
    return cell.text.split("\n")[-1] if cell.last is None else cell.last


def _wrapped(before: _Cell, after: _Cell, width: int) -> bool:
    """Whether ``after`` starts with a word that did not fit after the line
    ``before`` ended with (the text wrapped there)."""
    return bool(before.text) and len(_last_line(before)) + 1 + len(after.text.split()[0]) > width


def _joined(previous: list[_Cell], cells: list[_Cell], widths: list[int]) -> list[_Cell]:
    """The row with a continuation line's cells added: a word that would
    have fitted on the line above was on a line of its own ("\n"), else the
    text had wrapped (a space)."""
    out = []
    for before, after, width in zip(previous, cells, _cell_widths(previous, widths), strict=True):
        text, last = before.text, before.last
        if after.text:
            if not text:
                text = after.text
            elif _wrapped(before, after, width):
                text += " " + after.text
            else:
                text += "\n" + after.text
            last = after.text
        # The alignments every line fits (a first line filling its column fits any).
        fits = tuple(a for a in before.fits if a in after.fits) or before.fits or after.fits
        align = fits[0] if fits and before.fits and after.fits else before.align or after.align
        out.append(_Cell(text, before.span, align, last, fits, before.covered and not text))
    return out


# ------------------------------------------------------------------ tabs


def _tab_cells(line: str) -> list[str] | None:
    """A line's cells between tabs; None when it is no table's row: a list
    item, a label and its text ("Thời gian:\t…"), or one cell."""
    if not 0 < line.count("\t") < MAX_COLUMNS:
        return None
    cells = [fold_spaces(cell).strip() for cell in line.split("\t")]
    first = cells[0]
    if _ITEM.match(first) or _BULLET.match(first) or _LABEL.search(first) or sum(1 for c in cells if c) < 2:
        return None
    return cells


def _tab_run(lines: list[str], start: int) -> int:
    end = start
    while end < len(lines) and _tab_cells(lines[end]) is not None:
        end += 1
    return end


def _tabbed(lines: list[str], start: int) -> tuple[int, TextTable] | None:
    end = _tab_run(lines, start)
    rows = [cells for line in lines[start:end] if (cells := _tab_cells(line)) is not None]
    if len(rows) < 2:
        return None
    count = max(len(row) for row in rows)
    if count > MAX_COLUMNS or sum(1 for row in rows if len(row) == count) * 2 < len(rows):
        return None  # not one table: rows of many shapes
    rows = [row + [""] * (count - len(row)) for row in rows]
    grid = [[_Cell(text) for text in row] for row in rows]
    return _checked(grid, end, lines[start:end], [max(len(row[c]) for row in rows) for c in range(count)])


# ----------------------------------------------------------- aligned columns


def _gapped(line: str) -> bool:
    """A line with a wide gap between two words (not a list item's)."""
    text = line.strip()
    return (bool(text) and "\t" not in line and bool(_GAP.search(text)) and not _ITEM.match(text)
            and not _is_grid_line(line))


def _indented(line: str) -> bool:
    """A line that may continue a row: its first column empty."""
    return line.startswith(" " * MIN_GUTTER) and bool(line.strip()) and "\t" not in line


def _aligned_run(lines: list[str], start: int) -> int:
    """The lines from ``start`` that may be one table of aligned columns:
    lines with a wide gap, rules, and lines continuing a row."""
    if start >= len(lines) or not _gapped(lines[start]):
        return start
    end = start + 1
    while end < len(lines) and (_gapped(lines[end]) or _TEXT_RULE.match(lines[end]) or _indented(lines[end])):
        end += 1
    while not _gapped(lines[end - 1]) and _TEXT_RULE.match(lines[end - 1]):
        end -= 1  # a rule under the table is not its
    return end


def _aligned(lines: list[str], start: int) -> tuple[int, TextTable] | None:
    """Lines whose words stand in columns: every line blank at the same
    positions (MIN_GUTTER or more of them) between two columns. A rule of
    dashes under the titles marks them; a line with words in a later column
    only continues the row above."""
    end = _aligned_run(lines, start)
    block = lines[start:end]
    if sum(1 for line in block if _gapped(line)) < 2:
        return None
    spans = _column_spans(block)
    if not 2 <= len(spans) <= MAX_COLUMNS:
        return None
    rows: list[list[_Cell]] = []
    titles = 0
    for index, line in enumerate(block):
        if _TEXT_RULE.match(line):
            titles = len(rows) if index > 0 and titles == 0 else titles
            continue
        cells = [_segment_cell(line[a:b].ljust(b - a)) for a, b in spans]
        if rows and _continues(rows[-1], cells, False, [b - a for a, b in spans]):
            if _LABEL.search(rows[-1][0].text):
                return None
            rows[-1] = _joined(rows[-1], cells, [b - a for a, b in spans])
            continue
        if sum(1 for cell in cells if cell.text) < 2 or _LABEL.search(cells[0].text):
            return None  # a line of one column, or "Thời gian:   …": not a table's row
        rows.append(cells)
    if not rows:
        return None
    titles = titles or (1 if _reads_as_titles(rows[0]) else 0)
    aligned = _column_aligns(rows[titles:], len(spans))
    rows = [row if r < titles else [_Cell(c.text, 1, a) for c, a in zip(row, aligned, strict=True)]
            for r, row in enumerate(rows)]
    return _checked(rows, end, block, [b - a for a, b in spans], titles)


def _column_spans(block: list[str]) -> list[tuple[int, int]]:
    """The columns: runs of positions holding a character in some line,
    apart by MIN_GUTTER or more positions blank in every line (a rule line
    aside)."""
    lines = [line for line in block if not _TEXT_RULE.match(line)]
    width = max(len(line) for line in lines)
    used = [False] * width
    for line in lines:
        for i, ch in enumerate(line):
            if ch != " ":
                used[i] = True
    spans: list[tuple[int, int]] = []
    start: int | None = None
    i = 0
    while i < width:
        if used[i]:
            start = i if start is None else start
            i += 1
            continue
        j = i
        while j < width and not used[j]:
            j += 1
        if j - i >= MIN_GUTTER and start is not None:  # a gutter: the column before it ends
            spans.append((start, i))
            start = None
        i = j
    if start is not None:
        spans.append((start, width))
    return spans


# ---------------------------------------------------------------- shared


def _checked(rows: list[list[_Cell]], end: int, block: list[str], widths: list[int],
             titles: int | None = None) -> tuple[int, TextTable] | None:
    """The table, when it reads as one: two columns only under a title row
    and beside a column of numbers (else it is a label and its text, or a
    timeline)."""
    if titles is None:
        titles = 1 if _reads_as_titles(rows[0]) else 0
    body = rows[titles:]
    if not body or len(rows) < 2:
        return None
    figures = [row[1].text for row in body if row[1].text]
    if len(widths) == 2 and not (titles and figures and all(parse_number(f) is not None for f in figures)):
        return None
    return end, TextTable(_word_table(rows, titles, widths, block), titles)


def _reads_as_titles(row: list[_Cell]) -> bool:
    """Column titles ("TT", "Đơn vị", "Nội dung", "Thời gian"): no digit, no
    colon at the end, a few words each."""
    texts = [cell.text for cell in row if cell.text]
    return len(texts) >= 2 and all(not any(ch.isdigit() for ch in text) and not _LABEL.search(text)
                                   and len(text.split()) <= 6 for text in texts)


_ALIGNS = ("left", "right", "center")  # the first that fits every cell of a column is its alignment


def _segment_cell(segment: str, span: int = 1) -> _Cell:
    """A cell from its column's characters: its text, and the alignments
    the spaces around it fit (the first of them its own)."""
    fits = tuple(_fitting(segment))
    return _Cell(segment.strip(), span, fits[0] if fits else "", fits=fits)


def _fitting(segment: str) -> list[str]:
    """The alignments the spaces around a cell fit: " 10" in three
    characters is right or centre (centred text has one space more on a
    side), "10 " left or centre, "10" any."""
    if not segment.strip():
        return []
    left = len(segment) - len(segment.lstrip(" "))
    right = len(segment) - len(segment.rstrip(" "))
    fits = {"left": left == 0, "right": right == 0, "center": abs(left - right) <= 1}
    return [align for align in _ALIGNS if fits[align]]


def _column_aligns(rows: list[list[_Cell]], count: int) -> list[str]:
    """Per column, the first alignment every body cell fits; when none
    does, the one most cells show ("" when no cell shows one: each fills
    its column). A merged cell counts in its first column: the program
    draws it with that column's alignment (the total row, whose label is
    centred, is not given)."""
    out = []
    for col in range(count):
        cells = [cell for row in rows for cell in _at(row, col)
                 if cell.text and 0 < len(cell.fits) < len(_ALIGNS)]
        common = [a for a in _ALIGNS if all(a in cell.fits for cell in cells)]
        seen = [cell.fits[0] for cell in cells]
        # the first seen of the most seen: the same every run (a set's order is not)
        out.append(common[0] if cells and common else max(seen, key=seen.count) if seen else "")
    return out


def _at(row: list[_Cell], col: int) -> list[_Cell]:
    start = 0
    for cell in row:
        if start == col:
            return [cell]
        start += cell.span
    return []


def _spread(aligned: list[str], row: list[_Cell], total: bool = False) -> list[str]:
    """Each cell of a row with its column's alignment. A merged cell is
    drawn with its first column's: it has that one when its spaces fit it
    (a text filling its width fits any), else its own, as a total's label
    has."""
    out, col = [], 0
    for cell in row:
        out.append(aligned[col] if cell.span == 1 or (not total and aligned[col] in cell.fits) else cell.align)
        col += cell.span
    return out


def _word_table(rows: list[list[_Cell]], titles: int, widths: list[int], block: list[str]) -> WordTable:
    """The cells as docx_blocks gives a Word table's: a spanning cell, then
    a position covered by it for each further column."""
    grid: list[list[Cell]] = []
    for r, row in enumerate(rows):
        cells: list[Cell] = []
        for cell in row:
            first = len(cells)
            if cell.covered:  # under a merged cell running down: part of it
                owner = grid[r - 1][first].merged_into or (r - 1, first)
                grid[owner[0]][owner[1]] = replace(grid[owner[0]][owner[1]],
                                                   row_span=r - owner[0] + 1)
                cells += [Cell(merged_into=owner) for _ in range(cell.span)]
                continue
            cells.append(Cell(tuple(cell.text.split("\n")), col_span=cell.span, align=cell.align))
            cells += [Cell(merged_into=(r, first)) for _ in range(cell.span - 1)]
        cells += [Cell(missing=True) for _ in range(len(widths) - len(cells))]
        grid.append(cells[:len(widths)])
    lines = tuple(fold_spaces(line) for line in block)
    return WordTable(tuple(tuple(row) for row in grid), tuple(r < titles for r in range(len(rows))),
                     tuple(max(width, 3) for width in widths), lines)
